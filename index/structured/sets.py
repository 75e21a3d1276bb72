"""Answers about sets of States: breakdowns, filtered lists, counts, any/all, comparisons.

Every number and name is computed from the records and the group data for the document's
date, and every State an answer names is in its ``votes`` field with its position, so a
reader (or a test) can check each one. Group answers name the group's edge cases where they
matter (Turkey counted in WEOG, the United States attending WEOG as an observer, the EU
itself not voting). Each answer is computed over one vote at a time, the Committee's or the
plenary's (``index.structured.trail`` sets the two side by side).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from index.answers import Answer, AnswerKind, Illustration, IllustrationKind, VoteEntry
from index.groups import group_by_id, regional_groups
from index.library import Library, format_date
from index.query import DocumentSet, Intent, Quantifier, Query
from index.records import Position
from index.structured.citing import (
    POSITION_HEADINGS,
    SHORT_WORDS,
    Chosen,
    VoteBlock,
    caveat,
    join_names,
    per_vote,
    vote_entries,
)
from index.structured.scope import Scope, scope_of
from index.vote_view import Stage, VoteView, members_in

POSITION_VERBS = {
    Position.IN_FAVOUR: "voted in favour",
    Position.AGAINST: "voted against",
    Position.ABSTAINING: "abstained",
    Position.ABSENT: "did not vote",
    Position.NOT_RECORDED: "had no vote recorded",
}
NAMED_OUTLIER_RULE = (
    "Read as: members that voted differently from most of their group "
    "(members that did not vote are left out of the comparison)."
)
OUTLIER_RULE = (
    "Read as: States that voted differently from most of their own UN regional group "
    "(States that did not vote are left out of the comparison)."
)


def answer_set(query: Query, votes: Sequence[Chosen], library: Library) -> Answer:
    """Breakdown, list, count or comparison, per vote chosen."""
    compose: dict[Intent, Callable[[Query, VoteView, Library], VoteBlock]] = {
        Intent.BREAKDOWN: _breakdown,
        Intent.LIST: _listing,
        Intent.COUNT: _count,
        Intent.COMPARE: _outliers if query.outliers else _comparison,
    }
    block = _membership if query.membership else compose[query.intent]
    if query.separately and len(query.groups) > 1:
        block = _group_comparison if query.intent is Intent.COMPARE else _each_group(block)
    if query.aligned_with is not None:
        block = _aligned(block, query.aligned_with)
    answer = per_vote(
        query.text,
        AnswerKind(query.intent.value),
        votes,
        lambda view: block(query, view, library),
    )
    voted = [view for view in votes if isinstance(view, VoteView)]
    return answer.model_copy(update={"illustration": _illustration(query, voted)})


Block = Callable[[Query, VoteView, Library], VoteBlock]


def _membership(query: Query, view: VoteView, library: Library) -> VoteBlock:
    """Whether each State named was a counted member of each group named on the vote's
    day, with what the data says of its membership (a later exit, a suspension)."""
    lines: list[str] = []
    named: list[str] = []
    when = format_date(view.date) if view.date else "the vote's day"
    for country in query.countries:
        if country.name is None:
            continue
        for mention in query.groups:
            group = group_by_id(mention.id)
            member = group.has(country.name, view.date)
            verdict = "**Yes**" if member else "**No**"
            was = "was" if member else "was not"
            lines.append(
                f"{verdict}: on {when} {country.name} {was} counted among the members "
                f"of the {group.name}."
            )
            lines += [f"Note: {note}" for note in group.notes_of(country.name)]
            named.append(country.name)
    return lines, vote_entries(named, view), []


def _each_group(block: Block) -> Block:
    """The same answer for each group named as a subject of its own, one after the other."""

    def each(query: Query, view: VoteView, library: Library) -> VoteBlock:
        lines: list[str] = []
        entries: dict[str, VoteEntry] = {}
        cited: list[str] = []
        for group in query.groups:
            alone = query.model_copy(update={"groups": (group,), "separately": False})
            group_lines, group_entries, group_cited = block(alone, view, library)
            lines += [f"**{group.name}**:", *group_lines]
            entries.update((entry.country, entry) for entry in group_entries)
            cited += group_cited
        return lines, list(entries.values()), list(dict.fromkeys(cited))

    return each


def _aligned(block: Block, reference: str) -> Block:
    """The same answer with the reference State's own position as the filter, per vote."""

    def aligned(query: Query, view: VoteView, library: Library) -> VoteBlock:
        position = view.position(reference)
        lines, entries, cited = block(
            query.model_copy(update={"positions": (position,)}), view, library
        )
        said = f"{reference} {POSITION_VERBS.get(position, 'did not vote')}."
        return [said, *lines], entries, cited

    return aligned


def _group_comparison(query: Query, view: VoteView, library: Library) -> VoteBlock:
    """Whether groups named side by side voted alike: each group's split and the position
    most of its voting members took."""
    lines: list[str] = []
    majorities: dict[str, Position] = {}
    named: dict[str, VoteEntry] = {}
    for group in query.groups:
        alone = query.model_copy(update={"groups": (group,), "separately": False})
        scope = scope_of(alone, view, library)
        split = members_in(scope.members, view)
        voting = Counter({p: len(n) for p, n in split.items() if p is not view.silent})
        if voting:
            majorities[group.name] = voting.most_common(1)[0][0]
        present = {p: names for p, names in split.items() if names}
        lines.append(f"**{group.name}** ({_size(scope)}): {_compact(present)}.")
        named.update((e.country, e) for e in vote_entries(scope.members, view))
    most = {position for position in majorities.values()}
    summary = "; ".join(
        f"most of the {name} {POSITION_VERBS[position]}" for name, position in majorities.items()
    )
    verdict = "**Yes**, mostly alike" if len(most) == 1 else "**No**, they voted differently"
    return [f"{verdict}: {summary}.", *lines], list(named.values()), []


def _illustration(query: Query, voted: Sequence[VoteView]) -> Illustration | None:
    if not voted or not (query.groups or query.outliers):
        return None
    return Illustration(
        kind=IllustrationKind.GROUPS,
        document=voted[0].key,
        groups=[group.id for group in query.groups],
    )


def _position_lines(split: dict[Position, list[str]], view: VoteView) -> list[str]:
    lines = []
    for position, names in split.items():
        listed = join_names(_with_notes(names, view)) or "none"
        lines.append(f"**{POSITION_HEADINGS[position]}** ({len(names)}): {listed}.")
    return lines


def _with_notes(names: Sequence[str], view: VoteView) -> list[str]:
    """Names, with a dagger on those whose later intention the report notes."""
    return [f"{name}†" if name in view.notes else name for name in names]


def _footnotes(scope: Scope, names: Sequence[str], view: VoteView) -> list[str]:
    notes = [f"† {name}: {view.notes[name]}" for name in names if name in view.notes]
    silent = [name for name in names if view.position(name) is Position.NOT_RECORDED]
    said = caveat(view) if silent else None
    return [*notes, *(f"Note: {note}" for note in scope.notes), *([said] if said else [])]


def _size(scope: Scope) -> str:
    count = len(scope.members)
    return f"{count} Member State{'s' if count != 1 else ''}"


def _breakdown(query: Query, view: VoteView, library: Library) -> VoteBlock:
    scope = scope_of(query, view, library)
    split = members_in(scope.members, view)
    lines = [f"How the {scope.noun} voted in the {view.body} ({_size(scope)} on {view.when}):"]
    lines += _position_lines(split, view)
    lines += _footnotes(scope, scope.members, view)
    return lines, vote_entries(scope.members, view), list(scope.paragraph_ids)


def _matches(query: Query, scope: Scope, view: VoteView) -> list[str]:
    wanted = view.asked(query.positions) or view.voting_positions
    return [name for name in scope.members if view.position(name) in wanted]


def _position_phrase(asked: Sequence[Position], view: VoteView) -> str:
    positions = view.asked(asked)
    chosen = [p for p in view.voting_positions if p in positions]
    if len(chosen) == len(view.voting_positions) - 1:
        missing = next(p for p in view.voting_positions if p not in chosen)
        return {
            Position.IN_FAVOUR: "did not vote in favour",
            Position.AGAINST: "did not vote against",
            Position.ABSTAINING: "did not abstain",
            Position.ABSENT: "voted",
            Position.NOT_RECORDED: "voted",
        }[missing]
    verbs = [POSITION_VERBS[p] for p in chosen]
    if len(verbs) <= 1:
        return "".join(verbs)
    return f"{', '.join(verbs[:-1])} or {verbs[-1]}"


def _listing(query: Query, view: VoteView, library: Library) -> VoteBlock:
    scope = scope_of(query, view, library)
    if not query.positions:
        return _members(query, scope, view, library)
    matches = _matches(query, scope, view)
    phrase = _position_phrase(query.positions, view)
    total = len(scope.members)
    verdict = _verdict(query.quantifier, len(matches), total)
    if scope.whole_membership and query.quantifier is None:
        head = (
            f"**{len(matches)}** Member States {phrase}: {join_names(_with_notes(matches, view))}."
        )
    elif not matches:
        none = "none" if verdict else "**None**"
        head = f"{verdict}{none} of the {total} {scope.noun} {phrase}."
    elif len(matches) == total and total > 1:
        head = f"{verdict}**All {total}** {scope.noun} {phrase}: {join_names(matches)}."
    else:
        listed = join_names(_with_notes(matches, view))
        head = f"{verdict}**{len(matches)} of the {total}** {scope.noun} {phrase}: {listed}."
    lines = [head]
    others = [name for name in scope.members if name not in matches]
    if others and not scope.whole_membership:
        lines.append(_others(others, everyone=not matches, view=view))
    lines += _footnotes(scope, matches, view)
    named = scope.members if not scope.whole_membership else tuple(matches)
    return lines, vote_entries(named, view), list(scope.paragraph_ids)


def _others(others: list[str], *, everyone: bool, view: VoteView) -> str:
    """How the rest of the set voted: "All 7 voted against: …" or "The others: …"."""
    rest = {p: names for p, names in members_in(others, view).items() if names}
    if len(rest) == 1:
        position, names = next(iter(rest.items()))
        who = f"All {len(names)}" if everyone else f"The other {len(names)}"
        return f"{who} {POSITION_VERBS[position]}: {join_names(names)}."
    return f"{'They voted' if everyone else 'The others'}: {_compact(rest)}."


def _members(query: Query, scope: Scope, view: VoteView, library: Library) -> VoteBlock:
    """A set listed without a position filter ("did any country change its vote?")."""
    if any(mention.set is DocumentSet.NOTED for mention in query.sets):
        lines, entries, cited = _noted(scope, view)
        later = [] if query.countries or query.groups else _later_changes(view, library)
        return [*lines, *later], entries, cited
    if not scope.members:
        return [f"None: the report names no {scope.noun}."], [], list(scope.paragraph_ids)
    split = members_in(scope.members, view)
    lines = [f"The {scope.noun} ({_size(scope)}): {_compact(split)}."]
    lines += _footnotes(scope, scope.members, view)
    return lines, vote_entries(scope.members, view), list(scope.paragraph_ids)


def _noted(scope: Scope, view: VoteView) -> VoteBlock:
    """Later intentions: the recorded vote stands, the report only notes what was meant."""
    if not scope.members:
        return ["The report notes no delegation that meant to vote otherwise."], [], []
    lines = [
        f"The recorded vote was not changed, but the report notes {len(scope.members)} "
        f"delegation{'s' if len(scope.members) > 1 else ''} that later said it meant to vote "
        "otherwise:"
    ]
    lines += [
        f"- **{name}** ({POSITION_VERBS[view.position(name)]} in the record): {view.notes[name]}"
        for name in scope.members
    ]
    return lines, vote_entries(scope.members, view), list(scope.paragraph_ids)


def _later_changes(view: VoteView, library: Library) -> list[str]:
    """ "Who changed their vote?" without the plenary reads as the report's note, yet the
    asker may mean the plenary vote: say how many changed there, and how to ask for them."""
    trail = library.trail(view.report) if view.stage is Stage.COMMITTEE and view.report else None
    if trail is None:
        return []
    changed = len(trail.changes)
    return [
        f"Between the Committee's vote and the plenary vote ({trail.plenary.when}), **{changed}** "
        f"Member State{'s' if changed != 1 else ''} took a different position (ask “who changed "
        "their vote between the committee and the plenary?”)."
    ]


def _compact(split: dict[Position, list[str]]) -> str:
    """ "in favour: A and B; abstaining: C" for the positions that have anyone."""
    return "; ".join(
        f"{SHORT_WORDS[position]} ({len(names)}): {join_names(names)}"
        for position, names in split.items()
        if names
    )


def _verdict(quantifier: Quantifier | None, matched: int, total: int) -> str:
    if quantifier is None:
        return ""
    yes = {
        Quantifier.ANY: matched > 0,
        Quantifier.ALL: matched == total and total > 0,
        Quantifier.NONE: matched == 0,
    }[quantifier]
    return "**Yes**: " if yes else "**No**: "


def _count(query: Query, view: VoteView, library: Library) -> VoteBlock:
    noted = any(mention.set is DocumentSet.NOTED for mention in query.sets)
    if noted and not query.positions:
        return _members(query, scope_of(query, view, library), view, library)
    scope = scope_of(query, view, library)
    matches = _matches(query, scope, view)
    listed = join_names(_with_notes(matches, view)) or "none"
    if not query.positions:
        head = f"**{len(matches)}** {scope.noun}: {listed}."
    elif scope.whole_membership:
        phrase = _position_phrase(query.positions, view) + _each_count(query, matches, view)
        head = f"**{len(matches)}** Member States {phrase}: {listed}."
    else:
        phrase = _position_phrase(query.positions, view) + _each_count(query, matches, view)
        head = f"**{len(matches)}** of the {len(scope.members)} {scope.noun} {phrase}: {listed}."
    lines = [head, *_footnotes(scope, matches, view)]
    return lines, vote_entries(matches, view), list(scope.paragraph_ids)


def _each_count(query: Query, matches: Sequence[str], view: VoteView) -> str:
    """Each asked position's own count, when several are asked: "the abstentions and the no
    votes" wants both numbers as much as their sum."""
    asked = view.asked(query.positions)
    if len([p for p in view.voting_positions if p in asked]) < 2:
        return ""
    split = members_in(matches, view)
    counts = [f"**{len(names)}** {POSITION_VERBS[p]}" for p, names in split.items() if names]
    return f" ({', '.join(counts)})" if len(counts) > 1 else ""


def _comparison(query: Query, view: VoteView, library: Library) -> VoteBlock:
    scope = scope_of(query, view, library)
    split = {p: names for p, names in members_in(scope.members, view).items() if names}
    entries = vote_entries(scope.members, view)
    if len(scope.members) < 2:
        return [f"There is nothing to compare: the question names {_size(scope)}."], entries, []
    if len(split) == 1:
        position = next(iter(split))
        both = "both" if len(scope.members) == 2 else f"all {len(scope.members)}"
        head = (
            f"**Yes**: {join_names(scope.members)} voted the same way: {both} "
            f"{SHORT_WORDS[position]}."
            if query.countries and not query.groups
            else f"**Yes**: all {len(scope.members)} {scope.noun} voted the same way: "
            f"{SHORT_WORDS[position]}."
        )
        return [head, *_footnotes(scope, scope.members, view)], entries, list(scope.paragraph_ids)
    if query.countries and not query.groups and len(scope.members) <= 4:
        parts = [f"**{name}** {POSITION_VERBS[view.position(name)]}" for name in scope.members]
        head = f"**No**, they voted differently: {join_names(parts)}."
    else:
        head = f"**No**: the {len(scope.members)} {scope.noun} were divided: {_compact(split)}."
    return [head, *_footnotes(scope, scope.members, view)], entries, list(scope.paragraph_ids)


def _outliers(query: Query, view: VoteView, library: Library) -> VoteBlock:
    """Per group (the groups named, else each UN regional group): its most common position,
    and the States that voted otherwise ("which EU country broke ranks" looks in the EU)."""
    date = view.date
    named_groups = [group_by_id(g.id) for g in query.groups]
    lines = [OUTLIER_RULE if not named_groups else NAMED_OUTLIER_RULE]
    verdicts: list[str] = []
    named: list[str] = []
    asked = [c.name for c in query.countries if c.name]
    own = [g for g in regional_groups() if any(g.has(name, date) for name in asked)]
    for group in named_groups or own or regional_groups():
        members = group.members_on(date)
        voted = {name: view.position(name) for name in members}
        counts = Counter(p for p in voted.values() if p is not view.silent)
        if not counts:
            continue
        majority, size = counts.most_common(1)[0]
        differing = [n for n, p in voted.items() if p not in (majority, view.silent)]
        named += differing
        verdicts += [
            _broke_ranks(name, voted[name], majority, group.name, view, f"{size} of {len(members)}")
            for name in asked
            if name in voted
        ]
        by_position = {
            position: [n for n in differing if voted[n] is position]
            for position in view.voting_positions
            if any(voted[n] is position for n in differing)
        }
        detail = _compact(by_position) if differing else "none"
        lines.append(
            f"**{group.name}** (most {SHORT_WORDS[majority]}: {size} of {len(members)}): {detail}."
        )
    lines[:0] = verdicts
    return lines, vote_entries(list(dict.fromkeys([*asked, *named])), view), []


def _broke_ranks(
    name: str, position: Position, majority: Position, group: str, view: VoteView, share: str
) -> str:
    """Whether the State asked about ("was Hungary an outlier in the EU?") broke from its group."""
    if position is view.silent:
        return f"**{name}** {POSITION_VERBS[position]}, so it is left out of the {group}'s count."
    common = f"the most common position in the {group} ({share})"
    if position is majority:
        return f"**No**: **{name}** {POSITION_VERBS[position]}, {common}."
    return (
        f"**Yes**: **{name}** {POSITION_VERBS[position]}, while {common} "
        f"was {SHORT_WORDS[majority]}."
    )
