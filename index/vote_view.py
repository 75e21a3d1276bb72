"""One vote as the answers see it: a report's Committee vote, or the plenary vote that voting
data records for the resolution.

Answers are computed over this view rather than over either source, so any question can be
asked of either vote and every answer names which vote it used: its body, its date, its
document and, for voting data, the data's citation. Each source keeps its own word for a
State that cast no vote: a report's lists say it "did not vote"; voting data has no vote
"recorded" for it and never says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from index.countries import all_member_names
from index.records import Document, Position, RecordedVote, Tally, VotingRecord

PLENARY_BODY = "General Assembly plenary"


class Stage(StrEnum):
    COMMITTEE = "committee"
    PLENARY = "plenary"


def format_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def document_title(document: Document) -> str:
    """How answers name a document: its subtitle and title, as a reader would cite it."""
    return f"{document.meta.subtitle}, “{document.meta.title}”"


def vote_title(vote: RecordedVote) -> str:
    """How answers name a Committee vote, so it is never mistaken for the plenary vote."""
    when = f", {format_date(vote.date)}" if vote.date else ""
    return f"{vote.body} recorded vote on {vote.subject} ({ordinal(vote.meeting)} meeting{when})"


def record_title(record: VotingRecord) -> str:
    """How answers name a plenary vote: the resolution it adopted, and when."""
    return f"{PLENARY_BODY} vote on resolution {record.resolution} ({format_date(record.date)})"


def resolution_number(record: VotingRecord) -> str:
    """ "A/RES/74/247" -> "74/247", as people cite a resolution."""
    return record.resolution.removeprefix("A/RES/")


@dataclass(frozen=True, slots=True)
class VoteView:
    """A vote's positions for every 2019 Member State, with what names it.

    ``key`` is the document an answer's ``VoteEntry`` names: the report's id for its
    Committee vote, the voting record's id for a plenary vote. ``report`` is the report the
    vote belongs to (for a plenary vote, the report that recommended the draft, if any).
    """

    stage: Stage
    key: str
    report: Document | None
    record: VotingRecord | None
    body: str
    subject: str
    date: dt.date | None
    adopted: bool
    stated: Tally
    silent: Position
    title: str
    lists: Mapping[Position, tuple[str, ...]]
    notes: Mapping[str, str] = field(default_factory=dict)
    positions: Mapping[str, Position] = field(default_factory=dict)

    @property
    def voting_positions(self) -> tuple[Position, ...]:
        """The positions a State can hold in this vote, in the order answers list them."""
        return (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, self.silent)

    @property
    def when(self) -> str:
        return format_date(self.date) if self.date else "an unknown date"

    @property
    def short_name(self) -> str:
        """ "the Third Committee (18 November 2019)": the vote in a phrase."""
        return f"the {self.body} ({self.when})"

    def position(self, name: str) -> Position:
        return self.positions.get(name, self.silent)

    def roster(self, position: Position) -> tuple[str, ...]:
        return self.lists.get(self.asked_one(position), ())

    def asked_one(self, position: Position) -> Position:
        """A position as this vote words it: "did not vote" is "not recorded" in voting
        data, and the other way round."""
        if position in (Position.ABSENT, Position.NOT_RECORDED):
            return self.silent
        return position

    def asked(self, positions: Sequence[Position]) -> tuple[Position, ...]:
        return tuple(dict.fromkeys(self.asked_one(p) for p in positions))


def committee_view(document: Document, vote: RecordedVote) -> VoteView:
    lists = {
        Position.IN_FAVOUR: vote.in_favour,
        Position.AGAINST: vote.against,
        Position.ABSTAINING: vote.abstaining,
    }
    every, positions = _complete(lists, Position.ABSENT)
    return VoteView(
        stage=Stage.COMMITTEE,
        key=document.id,
        report=document,
        record=None,
        body=vote.body,
        subject=vote.subject,
        date=vote.date,
        adopted=vote.adopted,
        stated=vote.stated,
        silent=Position.ABSENT,
        title=vote_title(vote),
        lists=every,
        notes=vote.notes,
        positions=positions,
    )


def plenary_view(record: VotingRecord, report: Document | None) -> VoteView:
    """The plenary vote; a resolution in voting data was adopted (the layout holds only
    adopted resolutions)."""
    lists = {
        Position.IN_FAVOUR: record.in_favour,
        Position.AGAINST: record.against,
        Position.ABSTAINING: record.abstaining,
    }
    stated = Tally(
        in_favour=record.totals.yes,
        against=record.totals.no,
        abstaining=record.totals.abstentions,
    )
    every, positions = _complete(lists, Position.NOT_RECORDED)
    return VoteView(
        stage=Stage.PLENARY,
        key=record.id,
        report=report,
        record=record,
        body=PLENARY_BODY,
        subject=record.resolution,
        date=record.date,
        adopted=True,
        stated=stated,
        silent=Position.NOT_RECORDED,
        title=record_title(record),
        lists=every,
        positions=positions,
    )


def _complete(
    lists: Mapping[Position, tuple[str, ...]], silent: Position
) -> tuple[dict[Position, tuple[str, ...]], dict[str, Position]]:
    """The lists with the States in none of them added as ``silent``, and each State's
    position."""
    positions = {name: position for position, names in lists.items() for name in names}
    quiet = tuple(name for name in all_member_names() if name not in positions)
    return {**lists, silent: quiet}, positions


def members_in(names: Iterable[str], view: VoteView) -> dict[Position, list[str]]:
    """Names split by their position in ``view``, every position present (maybe empty)."""
    split: dict[Position, list[str]] = {position: [] for position in view.voting_positions}
    for name in names:
        split[view.position(name)].append(name)
    return split
