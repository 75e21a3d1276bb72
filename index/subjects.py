"""Which document a question means when it names a resolution by its subject.

With several reports in ``seeds/``, "how did Egypt vote on the journalists resolution?" is
about one of them. Each document's subject words are the words of its resolution's title that
no other document's title shares, less words that say nothing about a subject ("promoting",
"rights", "purposes") and country names (a country named in a title is still a country when
a question names it). A question that uses one of them targets that document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from index.countries import canonical_name
from index.records import Document

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SHORTEST_SUBJECT_WORD = 4

GENERIC_WORDS = frozenset(
    {
        "about", "against", "all", "also", "among", "and", "approach", "areas", "area",
        "assembly", "committee", "concerning", "countering", "cooperation", "development",
        "draft", "effective", "enhancing", "for", "from", "fundamental", "general", "global",
        "human", "including", "information", "international", "issue", "measure", "national",
        "nation", "people", "promoting", "promotion", "protection", "purpose", "question",
        "report", "resolution", "right", "role", "situation", "state", "strengthening",
        "support", "that", "the", "their", "this", "towards", "united", "with", "world",
    }
)  # fmt: skip
"""Title words common to resolutions on any subject: never enough to pick a document."""


def stem(word: str) -> str:
    """A plural-insensitive key: "journalists" and "journalist", "technologies" and
    "technology" meet; nothing more ambitious is needed to compare titles with questions."""
    word = word.casefold().replace("’", "'").removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words_of(text: str) -> set[str]:
    return {stem(word) for word in _WORD.findall(text)}


def subject_words(documents: Sequence[Document]) -> dict[str, frozenset[str]]:
    """Each document's distinctive resolution-title words (stemmed), by document id."""
    titles = {document.id: _title_words(document.resolution_title) for document in documents}
    subjects: dict[str, frozenset[str]] = {}
    for document_id, words in titles.items():
        shared = set().union(*(other for key, other in titles.items() if key != document_id))
        subjects[document_id] = frozenset(words - shared)
    return subjects


def _title_words(title: str) -> set[str]:
    return {
        word
        for word in words_of(title)
        if len(word) >= _SHORTEST_SUBJECT_WORD
        and word not in GENERIC_WORDS
        and canonical_name(word) is None
    }


def mentions_subject(question_words: Iterable[str], subject: frozenset[str]) -> bool:
    return not subject.isdisjoint(question_words)
