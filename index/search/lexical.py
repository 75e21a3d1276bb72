"""BM25 over paragraphs with a tokenizer that keeps UN document symbols intact.

Readers ask about "A/74/130" or "resolution 65/230": a default word tokenizer would reduce
those to common numbers ("74", "130") shared with dozens of other symbols. Each symbol is
indexed whole *and* by its parts, so the exact symbol ranks first while a partial one still
matches.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import bm25s
import numpy as np
import numpy.typing as npt

# bm25s logs every build at DEBUG through its own handler; keep the terminal clean.
logging.getLogger("bm25s").setLevel(logging.WARNING)

_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:[./'\u2019-][0-9A-Za-zÀ-ÿ]+)*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PART = re.compile(r"[0-9A-Za-zÀ-ÿ]+")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def _stem(word: str) -> str:
    """Fold plurals only: enough for "countries"/"country" without mangling names."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lower-cased terms; a compound like "A/C.3/74/L.11" yields itself and its parts."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        token = match.group().replace("\u2019", "'")
        if token.endswith("'s"):
            token = token[:-2]
        parts = _PART.findall(token)
        if len(parts) > 1 and any(ch in token for ch in "./"):
            tokens.append(token)
        tokens.extend(_stem(part) for part in parts if part not in _STOPWORDS)
    return tokens


class LexicalIndex:
    """An immutable BM25 index over a fixed list of texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._size = len(texts)
        corpus = [tokenize(text) or ["\x00empty"] for text in texts]
        self._vocabulary = frozenset(token for tokens in corpus for token in tokens)
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus, show_progress=False)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """BM25 score of every text for ``query`` (zeros when no term is known)."""
        terms = [term for term in tokenize(query) if term in self._vocabulary]
        if not terms or self._size == 0:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)

    def coverage(self, query: str) -> float:
        """Share of the query's content terms that occur in the corpus (0 when it has none).

        Bare numbers only count when there is nothing else: dates and counts occur everywhere,
        so "2018" must not make "Who won the 2018 World Cup?" look familiar.
        """
        terms = tokenize(query)
        words = [term for term in terms if not term.isdigit()] or terms
        return sum(term in self._vocabulary for term in words) / len(words) if words else 0.0

    def unknown_years(self, query: str) -> set[str]:
        """Years the query names that the corpus never mentions ("in 2024", for a 2019 text)."""
        return {year for year in _YEAR.findall(query) if year not in self._vocabulary}

    def symbol_matches(self, query: str) -> set[str]:
        """Compound symbols of the query ("a/74/130") that occur in the indexed texts."""
        return {
            term
            for term in tokenize(query)
            if ("/" in term or "." in term) and term in self._vocabulary
        }
