"""Which sentence of a retrieved paragraph to quote, from vectors stored at index time.

A paragraph is found by its best evidence, but an answer quotes the sentence that holds the
answer. Each sentence is scored by its own stored vector (cosine with the question), the
share of the question's informative words it contains (weighted by rarity, so "general
discussion" counts for more than "committee"), and, for "when" questions, whether it states
a date at all: "An account of the Committee's discussion is contained in the summary
records" shares a word with "what day was the general discussion held?" but cannot answer it.

A footnote is quoted with the sentence that carries its mark, and the reverse: "where are the
summary records?" quotes "An account … is contained in the relevant summary records" and
footnote 1, which names them. A mark on a sentence that only opens a list ("The voting was as
follows:") brings the sentence before it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import faiss
import numpy as np
import numpy.typing as npt

from index.search.answer_types import ASKS_WHEN, DATE
from index.search.lexical import LexicalIndex, tokenize
from index.search.passages import IndexedParagraph

LEXICAL_WEIGHT = 0.5
"""Weight of the rarity-weighted share of question words a sentence holds, next to its
cosine (chosen on the quoting cases of tests/index/search/test_real_model.py)."""
DATE_WEIGHT = 0.15
"""Bonus for a sentence stating a date when the question asks when."""
SECOND_SENTENCE_MARGIN = 0.02
"""A second sentence is quoted only when it is all but tied with the best one."""


@dataclass(frozen=True, slots=True)
class Question:
    """What sentence scoring needs from a question, worked out once per question."""

    weights: dict[str, float]
    """Each informative (stemmed) term and its rarity."""
    asks_when: bool


@dataclass(frozen=True, slots=True)
class Quote:
    sentence: str
    """The best sentence."""
    score: float
    quoted: tuple[str, ...]
    """What to quote, in reading order."""


class SentenceIndex:
    """The quotable sentences of every indexed paragraph, their terms and where their
    vectors sit in the FAISS index. Immutable; safe to share between threads."""

    def __init__(
        self, indexed: Sequence[IndexedParagraph], vectors: faiss.Index, lexical: LexicalIndex
    ) -> None:
        self._vectors = vectors
        self._lexical = lexical
        self._indexed = tuple(indexed)
        self._sentences = [item.sentences for item in indexed]
        self._terms = [
            [frozenset(tokenize(sentence)) for sentence in item.sentences] for item in indexed
        ]
        self._dated = [
            [bool(DATE.search(sentence)) for sentence in item.sentences] for item in indexed
        ]
        starts = np.cumsum([0, *(len(item.units) for item in indexed)])
        self._vector_ids = [
            np.array([starts[position] + unit for unit in item.sentence_units], dtype=np.int64)
            for position, item in enumerate(indexed)
        ]

    def question(self, query: str) -> Question:
        weights = {term: self._lexical.idf(term) for term in set(tokenize(query))}
        return Question(
            weights={term: weight for term, weight in weights.items() if weight > 0},
            asks_when=bool(ASKS_WHEN.search(query)),
        )

    def quote(
        self, paragraph: int, question: Question, query_vector: npt.NDArray[np.float32]
    ) -> Quote:
        """The sentence(s) of paragraph number ``paragraph`` that best answer ``question``."""
        sentences = self._sentences[paragraph]
        if len(sentences) == 1:
            return Quote(sentence=sentences[0], score=1.0, quoted=sentences)
        scores = self.scores(paragraph, question, query_vector)
        ranked = np.argsort(-scores, kind="stable")
        best = int(ranked[0])
        item = self._indexed[paragraph]
        if item.whole:
            return Quote(sentence=sentences[best], score=float(scores[best]), quoted=sentences)
        chosen = {best}
        if scores[ranked[1]] >= scores[best] - SECOND_SENTENCE_MARGIN:
            chosen.add(int(ranked[1]))
        chosen |= {
            linked
            for position in list(chosen)
            for linked in [item.anchor(position), *item.notes_of(position)]
            if linked is not None
        }
        chosen |= {
            position - 1
            for position in list(chosen)
            if position > 0 and item.notes_of(position) and sentences[position].endswith(":")
        }
        return Quote(
            sentence=sentences[best],
            score=float(scores[best]),
            quoted=tuple(sentences[i] for i in sorted(chosen)),
        )

    def scores(
        self, paragraph: int, question: Question, query_vector: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """Each sentence's score for ``question``: cosine, word evidence and the date cue."""
        count = len(self._sentences[paragraph])
        ids = self._vector_ids[paragraph]
        scores = np.zeros(count, dtype=np.float32)
        if len(ids) == count:
            scores += self._vectors.reconstruct_batch(ids) @ query_vector
        total = sum(question.weights.values())
        if total > 0:
            for position, terms in enumerate(self._terms[paragraph]):
                held = sum(weight for term, weight in question.weights.items() if term in terms)
                scores[position] += LEXICAL_WEIGHT * held / total
        if question.asks_when:
            scores += DATE_WEIGHT * np.asarray(self._dated[paragraph], dtype=np.float32)
        return scores
