"""A recorded vote as the data a picture of it needs: every Member State and its position.

The Committee's vote comes from a report, the plenary vote from voting data (whose silence
is "not recorded", and whose citation the picture repeats).

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
from index.query import Ballot
from index.records import Position, Tally
from index.structured.citing import caveat, data_citation
from index.user_text import quote_user_text
from index.vote_view import Stage, VoteView

VOTING_POSITIONS = (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, Position.ABSENT)
"""The Committee vote's positions; a plenary vote has ``NOT_RECORDED`` for ``ABSENT``."""


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
    meeting: int | None
    date: dt.date | None
    adopted: bool
    stated: Tally
    states: tuple[StatePosition, ...]
    stage: Stage = Stage.COMMITTEE
    resolution: str | None = None
    """The adopted resolution's symbol, for a plenary vote."""
    source: str | None = None
    """The voting data's citation, for a plenary vote."""
    caveat: str | None = None

    @property
    def silent(self) -> Position:
        return Position.NOT_RECORDED if self.stage is Stage.PLENARY else Position.ABSENT

    @property
    def positions(self) -> tuple[Position, ...]:
        """The positions drawn, in legend order."""
        return (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, self.silent)

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
        """ "A/C.3/74/L.11/Rev.1, Third Committee, 18 November 2019: 88–58–34, 13 did not vote";
        "A/RES/74/247, General Assembly plenary, 27 December 2019: 79–60–33, 21 not recorded"."""
        when = f", {format_date(self.date)}" if self.date else ""
        tally = f"{self.stated.in_favour}–{self.stated.against}–{self.stated.abstaining}"
        silent = self.count(self.silent)
        if self.stage is Stage.PLENARY:
            return f"{self.resolution}, {self.body}{when}: {tally}, {silent} not recorded"
        return f"{self.draft}, {self.body}{when}: {tally}, {silent} did not vote"

    @property
    def content_key(self) -> str:
        """A hash of everything drawn; equal pictures share a key, any change makes a new one.

        Computed each time, never cached: ``model_copy`` would carry a cached key over.
        """
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()


def vote_picture(
    library: Library, document_id: str | None = None, ballot: Ballot = Ballot.COMMITTEE
) -> VotePicture:
    """The picture data for one vote: ``document_id`` names a report (by id or draft symbol,
    default the first with a vote) whose Committee or plenary vote ``ballot`` picks, or a
    plenary vote directly (by its record id or resolution symbol)."""
    return picture_of(chosen_view(library, document_id, ballot))


def picture_of(view: VoteView) -> VotePicture:
    vote = view.report.vote if view.stage is Stage.COMMITTEE and view.report else None
    states = tuple(
        StatePosition(
            name=member.name,
            iso2=member.iso2,
            iso3=member.iso3,
            position=view.position(member.name),
            note=view.notes.get(member.name),
        )
        for member in load_member_states().members
    )
    record = view.record
    return VotePicture(
        document=view.key,
        draft=(record.draft or record.resolution) if record is not None else view.subject,
        body=view.body,
        meeting=vote.meeting if vote is not None else None,
        date=view.date,
        adopted=view.adopted,
        stated=view.stated,
        states=states,
        stage=view.stage,
        resolution=record.resolution if record is not None else None,
        source=data_citation(view) or None,
        caveat=caveat(view),
    )


def chosen_view(library: Library, document_id: str | None, ballot: Ballot) -> VoteView:
    """The vote a picture is asked of; ``NoVotePicture`` says why there is none. Naming a
    resolution of the voting data (its id or symbol) asks for its plenary vote."""
    wanted = (document_id or "").strip()
    for record in library.records:
        if wanted and wanted.casefold() in (record.id, record.resolution.casefold()):
            view = library.view(record.id)
            assert view is not None
            return view
    voted = library.voted()
    if not voted:
        raise NoVotePicture("None of the documents records a vote, so there is nothing to draw.")
    report = next((d for d in voted if wanted in (d.id, *d.drafts)), None) if wanted else voted[0]
    if report is None:
        known = ", ".join([d.id for d in voted] + [r.id for r in library.records])
        raise NoVotePicture(
            f"No document with a recorded vote is called “{quote_user_text(wanted)}”. "
            f"Known: {known}."
        )
    if ballot is Ballot.COMMITTEE:
        committee = library.committee(report)
        assert committee is not None
        return committee
    plenary = library.plenary(report)
    if plenary is None:
        raise NoVotePicture(
            f"No voting data gives the plenary vote on what {report.id} recommended, so there "
            "is only the Committee's vote to draw."
        )
    return plenary
