"""The parsed documents and voting records, and the lookups the structured answers need.

Kept separate from retrieval so that a structured question never loads an embedding model.
Each report's votes (its own Committee vote, and the plenary vote of voting data whose draft
symbol it knows) and its vote trail are built once here; a voting record no report knows
stands on its own and is answered when a question names its resolution.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cached_property

from index.groups import group_by_id, speaks_for
from index.language.glossary import default_glossary
from index.reading.vocabulary import Vocabulary
from index.records import Document, Paragraph, Position, Sponsor, Statement, VotingRecord
from index.subjects import mentions_subject, subject_words, words_of
from index.vote_trail import Trail, vote_trail
from index.vote_view import (
    VoteView,
    committee_view,
    document_title,
    format_date,
    ordinal,
    plenary_view,
    resolution_number,
    vote_title,
)

__all__ = ["Library", "document_title", "format_date", "ordinal", "vote_title"]


class Library:
    """Read-only view over the parsed documents and records; safe to share between threads."""

    def __init__(self, documents: Sequence[Document], records: Sequence[VotingRecord] = ()) -> None:
        self.documents: tuple[Document, ...] = tuple(documents)
        self.records: tuple[VotingRecord, ...] = tuple(records)
        self._subjects = subject_words(self.documents)
        self._committee: dict[str, VoteView] = {}
        self._plenary: dict[str, VoteView] = {}
        self._trails: dict[str, Trail] = {}
        self._views: dict[str, VoteView] = {}
        for document in self.documents:
            if document.vote is not None:
                self._committee[document.id] = committee_view(document, document.vote)
        for record in self.records:
            report = self._report_of(record)
            view = plenary_view(record, report)
            self._views[record.id] = view
            if report is not None and report.id not in self._plenary:
                self._plenary[report.id] = view
        for report_id, plenary in self._plenary.items():
            committee = self._committee.get(report_id)
            if committee is not None:
                self._trails[report_id] = vote_trail(committee, plenary)
        self._views.update(self._committee)

    def _report_of(self, record: VotingRecord) -> Document | None:
        """The report whose drafts include the record's draft symbol."""
        if record.draft is None:
            return None
        wanted = _symbol_key(record.draft)
        return next(
            (d for d in self.documents if any(_symbol_key(s) == wanted for s in d.drafts)), None
        )

    def voted(self) -> tuple[Document, ...]:
        """The documents that carry a recorded vote."""
        return tuple(document for document in self.documents if document.vote is not None)

    def committee(self, document: Document) -> VoteView | None:
        """The report's own recorded vote."""
        return self._committee.get(document.id)

    def plenary(self, document: Document) -> VoteView | None:
        """The plenary vote on the resolution the report recommended, if voting data has it."""
        return self._plenary.get(document.id)

    def trail(self, document: Document) -> Trail | None:
        """Each State's position in the report's vote, then in plenary (both must be known)."""
        return self._trails.get(document.id)

    def view(self, key: str) -> VoteView | None:
        """A vote by the document answers name it with: a report's id (its Committee vote)
        or a voting record's id (its plenary vote)."""
        return self._views.get(key)

    def standalone(self, ids: Sequence[str] = ()) -> tuple[VoteView, ...]:
        """Plenary votes no report knows, those named in ``ids`` (all of them when empty)."""
        return tuple(
            view
            for record in self.records
            if (view := self._views[record.id]).report is None and (not ids or record.id in ids)
        )

    def position(self, document: Document, country: str) -> Position:
        """A State's position in the report's own vote."""
        view = self.committee(document)
        return view.position(country) if view is not None else Position.ABSENT

    def absent(self, document: Document) -> tuple[str, ...]:
        """Member States not recorded in any list of the document's vote."""
        return self.roster(document, Position.ABSENT)

    def roster(self, document: Document, position: Position) -> tuple[str, ...]:
        view = self.committee(document)
        return view.roster(position) if view is not None else ()

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

    def meetings_on(self, month: int, day: int) -> tuple[int, ...]:
        """The meetings the documents record on that day (of any year they cover)."""
        return tuple(
            meeting.number
            for document in self.documents
            for meeting in document.meta.meetings
            if meeting.date is not None and (meeting.date.month, meeting.date.day) == (month, day)
        )

    @cached_property
    def people(self) -> dict[str, str]:
        """The country of each role the documents name, for "how did his country vote?"."""
        countries = [d.meta.rapporteur_country for d in self.documents if d.meta.rapporteur_country]
        return {"rapporteur": countries[0]} if len(set(countries)) == 1 else {}

    @staticmethod
    def statements_on_behalf_of(document: Document, name: str) -> tuple[Statement, ...]:
        """Statements made on behalf of the body ``name`` ("… on behalf of the European Union
        and its member States")."""
        return tuple(s for s in document.statements if any(name in b for b in s.on_behalf_of))

    def speakers_for(self, group_ids: Sequence[str]) -> tuple[str, ...]:
        """The States that spoke on behalf of any of these groups, for "and how did that
        delegation itself vote?" after "who spoke for the EU?"."""
        return tuple(
            dict.fromkeys(
                statement.speaker
                for document in self.documents
                for group_id in group_ids
                for statement in self.statements_on_behalf_of(document, group_by_id(group_id).name)
            )
        )

    def named_documents(self, text: str) -> tuple[str, ...]:
        """Ids of the documents ``text`` names; empty when it names none (or there is one).

        A text names a document by its draft symbol, its agenda item, its title or a word of
        its resolution's subject that no other document shares ("the journalists
        resolution"). Naming a resolution of the voting data ("74/247") names the report
        that recommended it, or the record itself when no report knows it.
        """
        folded = text.casefold()
        named: list[str] = []
        for record in self.records:
            if _names_resolution(record, folded):
                view = self._views[record.id]
                named.append(view.report.id if view.report is not None else record.id)
        if len(self.documents) >= 2:
            asked = words_of(text)
            named += [
                document.id
                for document in self.documents
                if _names(document, folded) or mentions_subject(asked, self._subjects[document.id])
            ]
        if len(self.documents) < 2 and all(i in self._committee for i in named):
            return ()
        return tuple(dict.fromkeys(named))

    def documents_for(self, ids: Sequence[str]) -> tuple[Document, ...]:
        """The documents with these ids, or all of them when ``ids`` names none (a question
        that names only a plenary vote no report knows is about no report)."""
        chosen = tuple(document for document in self.documents if document.id in ids)
        if chosen or any(record.id in ids for record in self.records):
            return chosen
        return self.documents


def _symbol_key(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).casefold()


def _names_resolution(record: VotingRecord, folded_question: str) -> bool:
    """ "A/RES/74/247", "resolution 74/247" or "74/247" (not "74/2470" nor "174/247")."""
    number = re.escape(resolution_number(record).casefold())
    return re.search(rf"(?<![\w/]){number}(?![\w/])", folded_question) is not None or (
        record.resolution.casefold() in folded_question
    )


def _names(document: Document, folded_question: str) -> bool:
    if any(symbol.casefold() in folded_question for symbol in document.drafts):
        return True
    agenda = re.search(rf"\bitem\s+{re.escape(document.meta.agenda_item)}(?!\w)", folded_question)
    return agenda is not None or document.meta.title.casefold() in folded_question
