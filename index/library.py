"""The parsed documents and the lookups the structured answers need.

Kept separate from retrieval so that a structured question never loads an embedding model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cached_property

from index.countries import all_member_names
from index.groups import speaks_for
from index.language.glossary import default_glossary
from index.reading.vocabulary import Vocabulary
from index.records import Document, Paragraph, Position, RecordedVote, Sponsor, Statement
from index.subjects import mentions_subject, subject_words, words_of


def document_title(document: Document) -> str:
    """How answers name a document: its subtitle and title, as a reader would cite it."""
    return f"{document.meta.subtitle}, “{document.meta.title}”"


def vote_title(vote: RecordedVote) -> str:
    """How answers name a vote, so it is never mistaken for a later plenary vote."""
    when = f", {format_date(vote.date)}" if vote.date else ""
    return f"{vote.body} recorded vote on {vote.subject} ({ordinal(vote.meeting)} meeting{when})"


def format_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


class Library:
    """Read-only view over the parsed documents; safe to share between threads."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents: tuple[Document, ...] = tuple(documents)
        self._positions: dict[str, dict[str, Position]] = {}
        self._absent: dict[str, tuple[str, ...]] = {}
        self._subjects = subject_words(self.documents)
        members = all_member_names()
        for document in self.documents:
            if document.vote is None:
                continue
            positions = _positions(document.vote)
            self._positions[document.id] = positions
            self._absent[document.id] = tuple(name for name in members if name not in positions)

    def voted(self) -> tuple[Document, ...]:
        """The documents that carry a recorded vote."""
        return tuple(document for document in self.documents if document.vote is not None)

    def position(self, document: Document, country: str) -> Position:
        return self._positions.get(document.id, {}).get(country, Position.ABSENT)

    def absent(self, document: Document) -> tuple[str, ...]:
        """Member States not recorded in any list of the document's vote."""
        return self._absent.get(document.id, ())

    def roster(self, document: Document, position: Position) -> tuple[str, ...]:
        vote = document.vote
        if vote is None:
            return ()
        lists = {
            Position.IN_FAVOUR: vote.in_favour,
            Position.AGAINST: vote.against,
            Position.ABSTAINING: vote.abstaining,
        }
        return lists.get(position, self.absent(document))

    @staticmethod
    def sponsorship(document: Document, country: str) -> Sponsor | None:
        return next((s for s in document.sponsors if s.country == country), None)

    @staticmethod
    def statements_by(document: Document, country: str) -> tuple[Statement, ...]:
        """Statements the country made itself or that were made on its behalf, directly or
        for a group it belongs to."""
        return tuple(
            s
            for s in document.statements
            if s.speaker == country
            or any(speaks_for(b, country, document.meta.date) for b in s.on_behalf_of)
        )

    @staticmethod
    def paragraph(document: Document, paragraph_id: str) -> Paragraph | None:
        return next((p for p in document.paragraphs if p.id == paragraph_id), None)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The documents' words, with the glossary's plain words for them."""
        glossary = (plain for entry in default_glossary().entries for plain in entry.plain)
        return Vocabulary.of(self.documents, glossary)

    @property
    def membership_date(self) -> dt.date | None:
        """The date groups of States are read as of: the newest document's."""
        return max((d.meta.date for d in self.documents if d.meta.date), default=None)

    @cached_property
    def people(self) -> dict[str, str]:
        """The country of each role the documents name, for "how did his country vote?"."""
        countries = [d.meta.rapporteur_country for d in self.documents if d.meta.rapporteur_country]
        return {"rapporteur": countries[0]} if len(set(countries)) == 1 else {}

    def named_documents(self, text: str) -> tuple[str, ...]:
        """Ids of the documents ``text`` names; empty when it names none (or there is one).

        A text names a document by its draft symbol, its agenda item, its title or a word of
        its resolution's subject that no other document shares ("the journalists
        resolution").
        """
        if len(self.documents) < 2:
            return ()
        folded = text.casefold()
        asked = words_of(text)
        return tuple(
            document.id
            for document in self.documents
            if _names(document, folded) or mentions_subject(asked, self._subjects[document.id])
        )

    def documents_for(self, ids: Sequence[str]) -> tuple[Document, ...]:
        """The documents with these ids, or all of them when ``ids`` is empty."""
        chosen = tuple(document for document in self.documents if document.id in ids)
        return chosen or self.documents


def _positions(vote: RecordedVote) -> dict[str, Position]:
    positions: dict[str, Position] = {}
    for names, position in (
        (vote.in_favour, Position.IN_FAVOUR),
        (vote.against, Position.AGAINST),
        (vote.abstaining, Position.ABSTAINING),
    ):
        positions.update(dict.fromkeys(names, position))
    return positions


def _names(document: Document, folded_question: str) -> bool:
    if any(symbol.casefold() in folded_question for symbol in document.drafts):
        return True
    agenda = re.search(rf"\bitem\s+{re.escape(document.meta.agenda_item)}(?!\w)", folded_question)
    return agenda is not None or document.meta.title.casefold() in folded_question
