"""A report's vote trail as the data its picture needs: every State, committee → plenary.

Built from the same two ``VotePicture``s the maps are drawn from, so the trail can never
disagree with them, nor with the answers that list the changes.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict

from index.library import Library
from index.query import Ballot
from index.records import Position
from index.structured.vote_picture import NoVotePicture, VotePicture, chosen_view, picture_of


class TrailState(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    committee: Position
    plenary: Position
    changed: bool


class TrailPicture(BaseModel):
    """The Committee's vote, the plenary vote, and each State's step between them."""

    model_config = ConfigDict(frozen=True)

    report: str
    committee: VotePicture
    plenary: VotePicture
    states: tuple[TrailState, ...]

    @property
    def changes(self) -> tuple[TrailState, ...]:
        return tuple(state for state in self.states if state.changed)

    @property
    def title(self) -> str:
        """ "A/C.3/74/L.11/Rev.1 → A/RES/74/247: 19 of 193 Member States changed position"."""
        return (
            f"{self.committee.draft} → {self.plenary.resolution}: {len(self.changes)} of "
            f"{len(self.states)} Member States changed position"
        )

    @property
    def content_key(self) -> str:
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()


def trail_picture(library: Library, document_id: str | None = None) -> TrailPicture:
    """The trail of a report (by id or draft symbol; default the first with a vote), or of
    the report that recommended a resolution of the voting data."""
    plenary = chosen_view(library, document_id, Ballot.PLENARY)
    report = plenary.report
    trail = library.trail(report) if report is not None else None
    if report is None or trail is None:
        raise NoVotePicture(
            f"No report knows the draft of {plenary.subject}, so it has no Committee vote to "
            "draw the trail from."
        )
    states = tuple(
        TrailState(
            name=step.country,
            committee=step.committee,
            plenary=step.plenary,
            changed=step.changed,
        )
        for step in trail.steps
    )
    return TrailPicture(
        report=report.id,
        committee=picture_of(trail.committee),
        plenary=picture_of(trail.plenary),
        states=states,
    )
