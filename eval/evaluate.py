"""Measure retrieval quality on the real seed with the real model and calibrate refusals.

Reports Recall@1, Recall@3 and MRR for BM25 alone, dense alone and both hybrid fusions, the refusal
rates at the configured threshold (plus the threshold the sweep would pick), and the same
metrics for every embedded-text variant, as a markdown table (``--json`` for machines).

Questions are split for honest tuning: a stable hash of the question text puts each in the
tuning half (where weights and variants are chosen) or the held-out half (only reported), so
the held-out numbers show what the choices are worth on questions they were not fitted to.

Run: ``.venv/bin/python eval/evaluate.py [--json]`` (loads the model: ~20 s on 2 cores).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from index.parsing.document import load_documents
from index.records import Document
from index.search.embedders import SentenceTransformerEmbedder
from index.search.fusion import reciprocal_rank_fusion
from index.search.models import Hit
from index.search.passages import DEFAULT_VARIANT, TextVariant
from index.search.retriever import REFUSAL_MIN_DENSE, Retriever
from index.settings import EngineSettings

EVAL_DIR = Path(__file__).resolve().parent
MAX_FALSE_REFUSALS = 0.02
"""The sweep picks the highest threshold that refuses at most this share of real questions."""


class Question(BaseModel):
    question: str
    relevant: list[str] = []
    document: str | None = None


class Scores(BaseModel):
    recall_at_1: float
    recall_at_3: float
    mrr: float


HALVES = ("tuning", "held-out", "all")
SplitScores = dict[str, Scores]
"""Scores per half of ``HALVES``."""


class Refusals(BaseModel):
    threshold: float
    out_of_scope_refused: float
    in_scope_refused: float


class Report(BaseModel):
    model: str
    questions: int
    out_of_scope: int
    tuning_questions: int
    methods: dict[str, SplitScores]
    variants: dict[str, SplitScores]
    refusal: Refusals
    suggested: Refusals


def read_jsonl(path: Path) -> list[Question]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Question.model_validate_json(line) for line in lines if line.strip()]


def half(question: Question) -> str:
    """ "tuning" or "held-out": the parity of the first byte of the question's sha256."""
    digest = hashlib.sha256(question.question.encode("utf-8")).digest()
    return "tuning" if digest[0] % 2 == 0 else "held-out"


def split_score(rankings: Sequence[list[str]], questions: Sequence[Question]) -> SplitScores:
    """``score`` on each half and on every question."""
    scores: SplitScores = {}
    for name in HALVES:
        chosen = [i for i, q in enumerate(questions) if name == "all" or half(q) == name]
        scores[name] = score([rankings[i] for i in chosen], [questions[i] for i in chosen])
    return scores


def ranked_ids(hits: Sequence[Hit], key: Callable[[Hit], float] | None = None) -> list[str]:
    """Paragraph ids best first: fused order, or re-sorted by one method's own score."""
    ordered = list(hits) if key is None else sorted(hits, key=lambda hit: -key(hit))
    return [hit.paragraph.id for hit in ordered]


def rrf_ids(hits: Sequence[Hit]) -> list[str]:
    """Re-rank every paragraph's dense and BM25 scores with reciprocal rank fusion."""
    dense = np.array([hit.dense for hit in hits], dtype=np.float32)
    bm25 = np.array([hit.bm25 for hit in hits], dtype=np.float32)
    fused = reciprocal_rank_fusion(dense, bm25)
    return [hits[int(i)].paragraph.id for i in np.argsort(-fused, kind="stable")]


def score(rankings: Sequence[list[str]], questions: Sequence[Question]) -> Scores:
    hits_at_1 = hits_at_3 = 0
    reciprocal = 0.0
    for ranking, question in zip(rankings, questions, strict=True):
        first = next((i for i, pid in enumerate(ranking, 1) if pid in question.relevant), None)
        if first is None:
            continue
        hits_at_1 += first == 1
        hits_at_3 += first <= 3
        reciprocal += 1.0 / first
    n = len(questions)
    return Scores(recall_at_1=hits_at_1 / n, recall_at_3=hits_at_3 / n, mrr=reciprocal / n)


def build(
    documents: Sequence[Document],
    variant: TextVariant,
    embedder: SentenceTransformerEmbedder,
    data_dir: Path,
) -> Retriever:
    settings = EngineSettings(data_dir=data_dir / variant.value.replace("+", "_"))
    retriever = Retriever(settings, embedder=embedder, variant=variant)
    report = retriever.ensure_ready(documents)
    if not report.ok:
        raise SystemExit(f"index build failed: {report.reason}")
    return retriever


def refusal_rates(
    retriever: Retriever, questions: Sequence[Question], out_of_scope: Sequence[Question]
) -> Refusals:
    """End to end: ask ``answer`` and count refusals, exactly as a user would see them."""
    refused_in = sum(not retriever.answer(q.question).answered for q in questions)
    refused_out = sum(not retriever.answer(q.question).answered for q in out_of_scope)
    return Refusals(
        threshold=REFUSAL_MIN_DENSE,
        out_of_scope_refused=refused_out / len(out_of_scope),
        in_scope_refused=refused_in / len(questions),
    )


def suggest_threshold(
    retriever: Retriever, questions: Sequence[Question], out_of_scope: Sequence[Question]
) -> Refusals:
    """Highest cosine cut-off refusing the most out-of-scope questions within
    ``MAX_FALSE_REFUSALS`` (retrieval-level, without composing answers)."""
    asked = [(q.question, retriever.search(q.question, k=50)) for q in questions]
    foreign = [(q.question, retriever.search(q.question, k=50)) for q in out_of_scope]
    best = Refusals(threshold=0.0, out_of_scope_refused=0.0, in_scope_refused=0.0)
    for step in range(10, 61):
        threshold = step / 100
        false = sum(not retriever.in_scope(q, h, threshold) for q, h in asked) / len(asked)
        refused = sum(not retriever.in_scope(q, h, threshold) for q, h in foreign) / len(foreign)
        if false <= MAX_FALSE_REFUSALS and refused >= best.out_of_scope_refused:
            best = Refusals(
                threshold=threshold, out_of_scope_refused=refused, in_scope_refused=false
            )
    return best


def evaluate() -> Report:
    settings = EngineSettings.from_environment()
    documents = load_documents(settings.seeds_dir)
    questions = read_jsonl(EVAL_DIR / "questions.jsonl")
    out_of_scope = read_jsonl(EVAL_DIR / "out_of_scope.jsonl")
    embedder = SentenceTransformerEmbedder(settings.embedding_model)
    with tempfile.TemporaryDirectory(prefix="rapporteur-eval-") as tmp:
        variants: dict[str, SplitScores] = {}
        methods: dict[str, SplitScores] = {}
        refusal: Refusals | None = None
        suggested: Refusals | None = None
        for variant in TextVariant:
            retriever = build(documents, variant, embedder, Path(tmp))
            all_hits = [retriever.search(q.question, k=50) for q in questions]
            variants[variant.value] = split_score([ranked_ids(h) for h in all_hits], questions)
            if variant is DEFAULT_VARIANT:
                bm25 = [ranked_ids(h, lambda x: x.bm25) for h in all_hits]
                dense = [ranked_ids(h, lambda x: x.dense) for h in all_hits]
                methods = {
                    "BM25": split_score(bm25, questions),
                    "dense": split_score(dense, questions),
                    "hybrid, RRF": split_score([rrf_ids(h) for h in all_hits], questions),
                    "hybrid, weighted (default)": variants[variant.value],
                }
                refusal = refusal_rates(retriever, questions, out_of_scope)
                suggested = suggest_threshold(retriever, questions, out_of_scope)
    assert refusal is not None and suggested is not None
    return Report(
        model=embedder.model_name,
        questions=len(questions),
        tuning_questions=sum(half(q) == "tuning" for q in questions),
        out_of_scope=len(out_of_scope),
        methods=methods,
        variants=variants,
        refusal=refusal,
        suggested=suggested,
    )


def markdown(report: Report) -> str:
    def rows(table: dict[str, SplitScores]) -> list[str]:
        return [
            f"| {name} | {part} | {s.recall_at_1:.3f} | {s.recall_at_3:.3f} | {s.mrr:.3f} |"
            for name, split in table.items()
            for part, s in split.items()
        ]

    header = [
        "| {} | questions | Recall@1 | Recall@3 | MRR |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    r = report.refusal
    held_out = report.questions - report.tuning_questions
    return "\n".join(
        [
            f"Retrieval on {report.questions} questions ({report.tuning_questions} tuning, "
            f"{held_out} held out; {report.model}, text variant {DEFAULT_VARIANT.value}):",
            "",
            header[0].format("method"),
            header[1],
            *rows(report.methods),
            "",
            "Hybrid retrieval by embedded-text variant:",
            "",
            header[0].format("variant"),
            header[1],
            *rows(report.variants),
            "",
            f"Refusals at cosine threshold {r.threshold:.2f}: "
            f"{r.out_of_scope_refused:.1%} of {report.out_of_scope} out-of-scope questions "
            f"refused, {r.in_scope_refused:.1%} of in-scope questions refused "
            f"(sweep: threshold {report.suggested.threshold:.2f} refuses "
            f"{report.suggested.out_of_scope_refused:.1%} / "
            f"{report.suggested.in_scope_refused:.1%}; cap {MAX_FALSE_REFUSALS:.0%} false).",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    report = evaluate()
    print(report.model_dump_json(indent=2) if args.json else markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
