"""BM25 over paragraphs with a tokenizer that keeps UN document symbols intact.

Readers ask about "A/74/130" or "resolution 65/230": a default word tokenizer would reduce
those to common numbers ("74", "130") shared with dozens of other symbols. Each symbol is
indexed whole *and* by its parts, so the exact symbol ranks first while a partial one still
matches.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.language.glossary import Glossary
from index.language.names import written_names
from index.language.stemming import fold_plural, stem

BM25_K1 = 0.9
BM25_B = 0.4
"""Weak length normalisation: a long paragraph (the vote, the mandate) is not less about its
topic for being long. Both chosen on the tuning half of eval/questions.jsonl."""
EXPANSION_WEIGHT = 0.5
"""Glossary terms are evidence the reader did not type: they count half."""

_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:[./'\u2019-][0-9A-Za-zÀ-ÿ]+)*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PART = re.compile(r"[0-9A-Za-zÀ-ÿ]+")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
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


def tokenize(text: str, normalise: Callable[[str], str] = stem) -> list[str]:
    """Lower-cased, ``normalise``d terms; a compound like "A/C.3/74/L.11" yields itself and
    its parts."""
    return [term for term, function_word in words(text, normalise) if not function_word]


def words(text: str, normalise: Callable[[str], str] = stem) -> list[tuple[str, bool]]:
    """Every term of ``text`` in order, function words included and marked, so a glossary
    phrase can require them: "voted on" is not "voted", "set up" is not "set"."""
    tokens: list[tuple[str, bool]] = []
    for match in _TOKEN.finditer(text.lower()):
        token = match.group().replace("\u2019", "'")
        if token.endswith("'s"):
            token = token[:-2]
        parts = _PART.findall(token)
        if len(parts) > 1 and any(ch in token for ch in "./"):
            tokens.append((token, False))
        tokens.extend(
            (part, True) if part in _STOPWORDS else (normalise(part), False) for part in parts
        )
    return tokens


class QueryExpander:
    """Adds a glossary entry's formal terms to a query that uses one of its plain phrases.

    Phrases match word for word, function words included ("call on", "voted on"). Rules are
    filed under their phrase's first word, so a query is checked only against the phrases
    that could start at one of its words (~500 rules, ~15 words a question).
    """

    def __init__(self, glossary: Glossary) -> None:
        self._rules: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
        for entry in glossary.entries:
            formal = [term for text in entry.formal for term in tokenize(text)]
            for plain in entry.plain:
                phrase = tuple(term for term, _ in words(plain))
                if phrase:
                    self._rules.setdefault(phrase[0], []).append((phrase, formal))

    def _matches(self, terms: Sequence[str]) -> list[tuple[int, tuple[str, ...], list[str]]]:
        return [
            (start, phrase, formal)
            for start, term in enumerate(terms)
            for phrase, formal in self._rules.get(term, ())
            if tuple(terms[start : start + len(phrase)]) == phrase
        ]

    def expand(self, terms: Sequence[str]) -> list[str]:
        """Formal terms implied by ``terms`` (the query's words, as ``words`` gives them, or
        its stemmed terms), minus those present."""
        found: dict[str, None] = {}
        for _, _, formal in self._matches(terms):
            found.update(dict.fromkeys(formal))
        return [term for term in found if term not in terms]

    def consumed(self, terms: Sequence[str]) -> set[int]:
        """Positions of ``terms`` inside a plain phrase of several words: "human trafficking"
        stands for "traffickers in persons" as a whole, and its "human" must not pull in
        "human rights". A word the document's wording shares ("committee" in "new committee")
        stays."""
        return {
            position
            for start, phrase, formal in self._matches(terms)
            if len(phrase) > 1
            for position in range(start, start + len(phrase))
            if terms[position] not in formal
        }


_Postings = tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]


@dataclass(frozen=True, slots=True)
class LexicalScores:
    scores: npt.NDArray[np.float32]
    """BM25 of every text."""
    mass: float
    """The sum of the idf of every term the query is scored on: no text scores above it."""


class LexicalIndex:
    """An immutable BM25 index over a fixed list of texts.

    BM25 (Lucene's variant: idf ``ln(1 + (N - df + 0.5) / (df + 0.5))``) is computed here
    rather than with a library: every term's contribution to every text is fixed at build
    time, so a query is a few array additions, and the question path imports no scipy
    (bm25s pulled it in: a quarter of a second of every cold start).
    """

    def __init__(
        self,
        texts: Sequence[str],
        glossary: Glossary | None = None,
        asking: frozenset[str] = frozenset(),
    ) -> None:
        self._size = len(texts)
        self._asking = asking
        self._asking_terms = frozenset(stem(word) for word in asking)
        self._expander = QueryExpander(glossary) if glossary is not None else None
        corpus = [tokenize(text) for text in texts]
        self._postings = _bm25_postings(corpus)
        self._idf = {
            term: _idf(len(corpus), len(rows)) for term, (rows, _) in self._postings.items()
        }
        self._vocabulary = frozenset(self._postings)
        self._names = _rare_names(texts)
        self._wording = frozenset(token for text in texts for token in tokenize(text, fold_plural))
        self._plain_words = frozenset(
            token
            for entry in (glossary.entries if glossary is not None else ())
            for plain in entry.plain
            for token in tokenize(plain, fold_plural)
        )
        self._plain_stems = frozenset(stem(token) for token in self._plain_words)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """BM25 score of every text for ``query`` (zeros when no term is known), plus a
        discounted score for the glossary's formal terms the query implies."""
        return self.scored(query).scores

    def scored(self, query: str) -> LexicalScores:
        """``scores`` and the query's lexical mass: what a text holding each of its counted
        terms would be credited with, idf by idf (expansions at their discount).

        Words of asking ("para", "quote") are not counted: "give me the para that..." must
        not favour the one paragraph that says "see para. 13".
        """
        scores = np.zeros(self._size, dtype=np.float32)
        tokens = words(query)
        every = [term for term, _ in tokens]
        consumed = self._expander.consumed(every) if self._expander is not None else set()
        terms = [
            term
            for position, (term, function_word) in enumerate(tokens)
            if not function_word
            and term in self._vocabulary
            and term not in self._asking_terms
            and position not in consumed
        ]
        for term in terms:
            rows, weights = self._postings[term]
            scores[rows] += weights
        mass = sum(self._idf[term] for term in set(terms))
        if self._expander is not None:
            expanded = [term for term in self._expander.expand(every) if term in self._postings]
            for term in expanded:
                rows, weights = self._postings[term]
                scores[rows] += np.float32(EXPANSION_WEIGHT) * weights
            mass += EXPANSION_WEIGHT * sum(self._idf[term] for term in expanded)
        return LexicalScores(scores=scores, mass=mass)

    def idf(self, term: str) -> float:
        """How rare a (stemmed) term is in the corpus; 0 for a term it never uses."""
        return self._idf.get(term, 0.0)

    def coverage(self, query: str) -> float:
        """Share of the query's content terms that occur in the corpus (0 when it has none).

        Bare numbers only count when there is nothing else: dates and counts occur everywhere,
        so "2018" must not make "Who won the 2018 World Cup?" look familiar. Words are compared
        unstemmed (stems make generic verbs match, "contain" / "contained", and would let a
        question about another text pass as familiar), but the glossary's plain words count, in
        any inflection: "earlier" is how readers say the preamble's "recalling", and "paying"
        is "pay". Words of asking ("quote",
        "exactly", "lol") are left out: they are about the asking, not the topic.
        """
        terms = [term for term in tokenize(query, fold_plural) if term not in self._asking]
        words = [term for term in terms if not term.isdigit()] or terms
        known = sum(
            term in self._wording or term in self._plain_words or stem(term) in self._plain_stems
            for term in words
        )
        return known / len(words) if words else 0.0

    def rare_names(self, names: Sequence[str]) -> list[str]:
        """Those of ``names`` the corpus writes as a name in few texts, as it writes them: a
        passage that answers a question about one of them names it too."""
        asked = {name.casefold() for name in names}
        return [name for key, name in self._names.items() if key in asked]

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


RARE_NAME_TEXTS = 2
"""A capitalised word in at most this many texts names one thing the question may ask about:
"the Salvador Declaration" is in one paragraph, "Committee" in most."""


def _rare_names(texts: Sequence[str]) -> dict[str, str]:
    """Capitalised words written inside sentences (not opening them) in few texts."""
    holders: dict[str, set[int]] = {}
    written: dict[str, str] = {}
    for row, text in enumerate(texts):
        for name in written_names(text):
            key = name.casefold()
            holders.setdefault(key, set()).add(row)
            written.setdefault(key, name)
    lower = {word.casefold() for text in texts for word in re.findall(r"\b[a-z][a-z]+\b", text)}
    return {
        key: written[key]
        for key, rows in holders.items()
        if len(rows) <= RARE_NAME_TEXTS and key not in lower
    }


def _bm25_postings(corpus: Sequence[Sequence[str]]) -> dict[str, _Postings]:
    """For each term, the texts holding it and its BM25 weight in each."""
    counts = [Counter(tokens) for tokens in corpus]
    lengths = [len(tokens) for tokens in corpus]
    average = (sum(lengths) / len(lengths)) if lengths and sum(lengths) else 1.0
    holders: dict[str, list[tuple[int, float]]] = {}
    for row, (terms, length) in enumerate(zip(counts, lengths, strict=True)):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
        for term, frequency in terms.items():
            holders.setdefault(term, []).append((row, frequency / (norm + frequency)))
    postings: dict[str, _Postings] = {}
    for term, rows in holders.items():
        idf = _idf(len(corpus), len(rows))
        postings[term] = (
            np.array([row for row, _ in rows], dtype=np.int64),
            np.array([idf * weight for _, weight in rows], dtype=np.float32),
        )
    return postings


def _idf(size: int, holders: int) -> float:
    return math.log(1 + (size - holders + 0.5) / (holders + 0.5))
