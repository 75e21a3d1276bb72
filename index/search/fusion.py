"""Fusing dense and BM25 evidence into one ranking.

Two methods, compared by eval/evaluate.py. Reciprocal rank fusion needs no calibration but
throws away how *much* better the top candidate is; on this corpus (one short report, many
near-identical resolution paragraphs) a weighted sum of the cosine and the BM25 score
normalised by the query's best BM25 score ranks better, so it is the default.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import numpy.typing as npt

RRF_K = 60
"""The constant from Cormack et al. (2009); it damps the influence of the very top ranks."""
DENSE_WEIGHT = 0.5
"""Share of the cosine in the weighted fusion; the rest is normalised BM25. Swept on the
tuning half of eval/questions.jsonl once stemming and the glossary made BM25 stronger."""
TYPED_DENSE_WEIGHT = 0.6
"""Share of the cosine for a question that asks for a kind of answer (who, when, where, how
many...): its words of asking ("who's supposed to", "when was") are no topic BM25 can use and
they meet incidental words ("organize" in "organizational session"), while the sentence's
meaning is what the embedding reads. 0.55-0.65 gave the same on the tuning halves; untyped
questions keep ``DENSE_WEIGHT`` (0.6 lost one outside passage for them)."""
LEXICAL_FLOOR = 0.4
"""Share of the query's lexical mass (``LexicalScores.mass``) below which the best BM25 score
no longer counts as full lexical evidence. Dividing by the best score alone gave a paraphrase
whose one matched word is "after" the same lexical credit as a question matched word for
word; a text holding each query term once scores about half the mass (k1 = 0.9), so 0.4 asks
for most of it. Swept (0.3-1.0) on the tuning halves of the paraphrases and
eval/questions.jsonl, and on the outside passages."""

FloatArray = npt.NDArray[np.float32]


class FusionMethod(StrEnum):
    WEIGHTED = "weighted"
    RRF = "rrf"


def reciprocal_rank_fusion(dense: FloatArray, bm25: FloatArray, k: int = RRF_K) -> FloatArray:
    """Per-paragraph RRF score in [0, 1] (1.0 = ranked first by both methods).

    Paragraphs without any BM25 match get no lexical contribution.
    """
    fused = 1.0 / (k + _ranks(dense))
    fused += np.where(bm25 > 0, 1.0 / (k + _ranks(bm25)), 0.0)
    return (fused * (k + 1) / 2).astype(np.float32)


def weighted_fusion(
    dense: FloatArray, bm25: FloatArray, weight: float = DENSE_WEIGHT, floor: float = 0.0
) -> FloatArray:
    """``weight * cosine + (1 - weight) * bm25 / max(max(bm25), floor)``, per paragraph."""
    top = max(float(bm25.max()) if bm25.size else 0.0, floor)
    lexical = bm25 / top if top > 0 else np.zeros_like(bm25)
    return (weight * dense + (1.0 - weight) * lexical).astype(np.float32)


def fuse(
    method: FusionMethod,
    dense: FloatArray,
    bm25: FloatArray,
    mass: float = 0.0,
    *,
    typed: bool = False,
) -> FloatArray:
    """One score per paragraph; ``mass`` is the query's lexical mass and ``typed`` whether it
    asks for a kind of answer, for the weighted sum."""
    if method is FusionMethod.RRF:
        return reciprocal_rank_fusion(dense, bm25)
    weight = TYPED_DENSE_WEIGHT if typed else DENSE_WEIGHT
    return weighted_fusion(dense, bm25, weight, floor=LEXICAL_FLOOR * mass)


def _ranks(scores: FloatArray) -> FloatArray:
    """1-based rank of each entry, best (highest) first, ties broken by position."""
    ranks = np.empty(scores.shape, dtype=np.float32)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, scores.size + 1, dtype=np.float32)
    return ranks
