"""A report's vote trail: each State's position in the Committee, then in plenary.

Computed once per report when the library is built, from the two votes' own records, so the
list of States that changed is never typed anywhere. A State that cast no vote in either is
counted as the same "no vote" in both: the Committee's "did not vote" and the plenary data's
"not recorded" are one fact told by two sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.countries import all_member_names
from index.records import Position
from index.vote_view import VoteView

NO_VOTE = (Position.ABSENT, Position.NOT_RECORDED)


@dataclass(frozen=True, slots=True)
class TrailStep:
    country: str
    committee: Position
    plenary: Position

    @property
    def changed(self) -> bool:
        if self.committee in NO_VOTE and self.plenary in NO_VOTE:
            return False
        return self.committee is not self.plenary


@dataclass(frozen=True, slots=True)
class Trail:
    committee: VoteView
    plenary: VoteView
    steps: tuple[TrailStep, ...]

    @property
    def changes(self) -> tuple[TrailStep, ...]:
        return tuple(step for step in self.steps if step.changed)

    def step(self, country: str) -> TrailStep:
        return TrailStep(country, self.committee.position(country), self.plenary.position(country))


def vote_trail(committee: VoteView, plenary: VoteView) -> Trail:
    steps = tuple(
        TrailStep(name, committee.position(name), plenary.position(name))
        for name in all_member_names()
    )
    return Trail(committee=committee, plenary=plenary, steps=steps)
