"""What the documents talk about, as words: the reader's test of "is this in the document?".

A question whose subject the document never names ("the Budapest Convention", "ransomware")
must be told so, not answered with a passage that merely shares the word "convention". The
vocabulary holds every word and symbol of the documents, and the plain words of the UN
glossary that stand for them ("CCPCJ", "AI"), so "what is CCPCJ resolution 22/8?" is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.language.stemming import stem
from index.reading.text import words
from index.records import Document

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def fold(word: str) -> str:
    """A word's comparison key: lower case, without a plural or possessive ending."""
    word = word.casefold().removesuffix("'s")
    if len(word) > 4 and word.isalpha():
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Vocabulary:
    words: frozenset[str]
    stems: frozenset[str]
    """The same words stemmed, so "discussed" is known from "discussion"."""
    symbols: frozenset[str]
    years: frozenset[int]
    drafts: frozenset[str]
    """The draft symbols of the documents: naming one targets a document, it is no topic."""

    @classmethod
    def of(cls, documents: Sequence[Document], glossary: Iterable[str] = ()) -> Vocabulary:
        texts = [_document_text(document) for document in documents]
        found = {fold(w) for text in texts for w in words(text.casefold())}
        found |= {fold(w) for phrase in glossary for w in words(phrase.casefold())}
        symbols = {s for text in texts for s in _symbols(text)}
        years = {int(y) for text in texts for y in _YEAR.findall(text)}
        return cls(
            words=frozenset(found),
            stems=frozenset(stem(w) for w in found),
            symbols=frozenset(symbols),
            years=frozenset(years),
            drafts=frozenset(d.casefold() for document in documents for d in document.drafts),
        )

    def knows(self, word: str) -> bool:
        """Whether the documents use ``word`` (or a one-letter slip of a long one)."""
        key = fold(word)
        if key in self.words or key in self.symbols or not key.isalpha():
            return True
        if stem(key) in self.stems:
            return True
        return len(key) >= 6 and any(
            abs(len(known) - len(key)) <= 1 and _one_edit(key, known) for known in self.words
        )

    def unknown_symbols(self, text: str) -> list[str]:
        """Document symbols in ``text`` that the documents never cite ("74/247")."""
        return [s for s in _symbols(text) if s not in self.symbols]

    def cited_symbols(self, text: str) -> list[str]:
        """Document symbols in ``text`` that the documents cite ("73/187", "a/74/130")."""
        return [s for s in _symbols(text) if s in self.symbols]

    def unknown_years(self, text: str) -> list[int]:
        return [int(y) for y in _YEAR.findall(text) if int(y) not in self.years]


def _symbols(text: str) -> list[str]:
    """UN document symbols and resolution numbers: words with a slash ("a/74/130", "65/230")."""
    return [w for w in words(text.casefold()) if "/" in w and any(c.isdigit() for c in w)]


def _document_text(document: Document) -> str:
    parts = [document.meta.title, document.meta.subtitle, document.resolution_title]
    parts += list(document.drafts)
    for paragraph in document.paragraphs:
        parts.append(paragraph.lead or "")
        parts.append(paragraph.text)
        parts += [note.text for note in paragraph.footnotes]
    return "\n".join(parts)


def _one_edit(first: str, second: str) -> bool:
    """At most one insertion, deletion, substitution or swap of neighbours."""
    if first == second:
        return True
    if len(first) > len(second):
        first, second = second, first
    if len(second) - len(first) > 1:
        return False
    for i, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            if len(first) == len(second):
                swapped = (
                    first[i + 1 : i + 2] == second[i : i + 1] and first[i] == second[i + 1 : i + 2]
                )
                return first[i + 1 :] == second[i + 1 :] or (
                    swapped and first[i + 2 :] == second[i + 2 :]
                )
            return first[i:] == second[i + 1 :]
    return True
