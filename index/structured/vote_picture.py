"""A recorded vote as the data a picture of it needs: every Member State and its position.

Front ends draw maps and charts from this model alone, so a picture can never disagree with
the answers: names, ISO codes and positions come from the same records and country data.
Its content hash keys the rendered images, so a reindex that changes a vote changes the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel, ConfigDict

from index.countries import load_member_states
from index.library import Library, format_date
from index.records import Document, Position, Tally

VOTING_POSITIONS = (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, Position.ABSENT)


class NoVotePicture(LookupError):
    """The requested document is unknown or records no vote; the message is for users."""


class StatePosition(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    iso2: str
    iso3: str
    position: Position
    note: str | None = None


class VotePicture(BaseModel):
    """One document's recorded vote, for every Member State in the country data."""

    model_config = ConfigDict(frozen=True)

    document: str
    draft: str
    body: str
    meeting: int
    date: dt.date | None
    adopted: bool
    stated: Tally
    states: tuple[StatePosition, ...]

    def count(self, position: Position) -> int:
        return sum(1 for state in self.states if state.position is position)

    def members(self, position: Position) -> tuple[StatePosition, ...]:
        return tuple(state for state in self.states if state.position is position)

    @property
    def noted(self) -> tuple[StatePosition, ...]:
        """States with a later-intention footnote (Benin's "intended to vote in favour")."""
        return tuple(state for state in self.states if state.note)

    @property
    def title(self) -> str:
        """ "A/C.3/74/L.11/Rev.1, Third Committee, 18 November 2019: 88–58–34, 13 did not vote"."""
        when = f", {format_date(self.date)}" if self.date else ""
        tally = f"{self.stated.in_favour}–{self.stated.against}–{self.stated.abstaining}"
        absent = self.count(Position.ABSENT)
        return f"{self.draft}, {self.body}{when}: {tally}, {absent} did not vote"

    @property
    def content_key(self) -> str:
        """A hash of everything drawn; equal pictures share a key, any change makes a new one.

        Computed each time, never cached: ``model_copy`` would carry a cached key over.
        """
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()


def vote_picture(library: Library, document_id: str | None = None) -> VotePicture:
    """The picture data for ``document_id``, or for the first document with a vote."""
    document = _voted_document(library, document_id)
    vote = document.vote
    assert vote is not None
    states = tuple(
        StatePosition(
            name=member.name,
            iso2=member.iso2,
            iso3=member.iso3,
            position=library.position(document, member.name),
            note=vote.notes.get(member.name),
        )
        for member in load_member_states().members
    )
    return VotePicture(
        document=document.id,
        draft=vote.subject,
        body=vote.body,
        meeting=vote.meeting,
        date=vote.date,
        adopted=vote.adopted,
        stated=vote.stated,
        states=states,
    )


def _voted_document(library: Library, document_id: str | None) -> Document:
    voted = library.voted()
    if not voted:
        raise NoVotePicture("None of the documents records a vote, so there is nothing to draw.")
    if document_id is None or not document_id.strip():
        return voted[0]
    wanted = document_id.strip()
    for document in voted:
        if wanted in (document.id, *document.drafts):
            return document
    known = ", ".join(document.id for document in voted)
    raise NoVotePicture(f"No document with a recorded vote is called “{wanted}”. Known: {known}.")
