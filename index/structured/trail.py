"""A State's trail across a report's two votes: the Committee's, then the plenary's.

Every answer about both votes lists the Committee's positions in ``votes`` (its primary
vote) and each State in both in ``trail``, and closes with the lines naming both votes
(set questions across the two votes are in ``index.structured.trail_sets``).
"""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import (
    TrailEntry,
)
from index.countries import Resolution
from index.library import Library
from index.records import Position
from index.structured.citing import (
    POSITION_PHRASES,
    SHORT_WORDS,
    caveat,
)
from index.structured.mentions import understood
from index.structured.proceedings import report_facts
from index.vote_trail import Trail, TrailStep
from index.vote_view import VoteView


def trail_entry(trail: Trail, step: TrailStep) -> TrailEntry:
    return TrailEntry(
        country=step.country,
        committee=step.committee,
        plenary=step.plenary,
        changed=step.changed,
        report=trail.committee.key,
        resolution=trail.plenary.key,
    )


def change_words(step: TrailStep) -> str:
    """ "in favour → against"."""
    return f"{SHORT_WORDS[step.committee]} → {SHORT_WORDS[step.plenary]}"


def trail_sentence(trail: Trail) -> str:
    """How many States changed between the two votes, as one line of a tally."""
    changed = len(trail.changes)
    return (
        f"It followed the Committee's vote on draft resolution {trail.committee.subject} "
        f"({trail.committee.when}: {_counts(trail.committee)}); **{changed}** Member States "
        "took a different position in the two votes (ask “who changed their vote between the "
        "committee and the plenary?”)."
    )


def _counts(view: VoteView) -> str:
    stated = view.stated
    return f"{stated.in_favour}–{stated.against}–{stated.abstaining}"


def trail_lines(
    library: Library,
    trail: Trail,
    countries: Sequence[Resolution],
    asked: Sequence[Position],
    entries: list[TrailEntry],
) -> list[str]:
    """Each country in both votes, saying whether it changed; ``entries`` collects them."""
    lines: list[str] = []
    silent = False
    for country in countries:
        name = country.name or ""
        step = trail.step(name)
        entries.append(trail_entry(trail, step))
        facts = report_facts(library, trail.committee, name)
        line = _trail_line(trail, step, asked, understood(country))
        lines.append(" ".join([line, *facts]))
        silent = silent or step.plenary is Position.NOT_RECORDED
    said = caveat(trail.plenary) if silent else None
    return [*lines, *([said] if said else [])]


def _trail_line(trail: Trail, step: TrailStep, asked: Sequence[Position], read_as: str) -> str:
    committee, plenary = trail.committee, trail.plenary
    name = f"{_verdict(trail, step, asked)}**{step.country}**{read_as}"
    first = f"in {committee.short_name} it {POSITION_PHRASES[step.committee]}"
    second = f"in {plenary.short_name} it {POSITION_PHRASES[step.plenary]}"
    if step.changed:
        return f"{name} **changed its position** between the two votes: {first}; then {second}."
    if step.committee is step.plenary:
        return (
            f"{name} {POSITION_PHRASES[step.committee]} in both votes: in "
            f"{committee.short_name} and in {plenary.short_name}."
        )
    return f"{name} cast no vote in either: {first}; {second}."


def _verdict(trail: Trail, step: TrailStep, asked: Sequence[Position]) -> str:
    """For "did Cabo Verde vote against?": yes or no, or in which vote only."""
    if not asked or len(asked) == 2:
        return ""
    in_committee = step.committee in trail.committee.asked(asked)
    in_plenary = step.plenary in trail.plenary.asked(asked)
    if in_committee and in_plenary:
        return "**Yes**: "
    if not (in_committee or in_plenary):
        return "**No**: "
    where = trail.committee.body if in_committee else trail.plenary.body
    return f"**In the {where} only**: "
