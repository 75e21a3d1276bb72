"""Set questions across a report's two votes: the States that changed (from → to), or a set
of States on both votes side by side ("did the African Group vote the same way in plenary?").

Kept apart from the country trail so a cold ``rapporteur vote`` never loads the set answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import (
    Answer,
    AnswerKind,
    Illustration,
    IllustrationKind,
    Source,
    TrailEntry,
    VoteEntry,
)
from index.library import Library
from index.query import DocumentSet, Intent, Quantifier, Query
from index.records import Document, Position
from index.structured.citing import (
    SHORT_WORDS,
    caveat,
    distinct,
    document_line,
    join_names,
    view_sources,
    vote_entries,
    vote_heading,
)
from index.structured.scope import Scope, scope_of
from index.structured.trail import change_words, trail_entry
from index.vote_trail import NO_VOTE, Trail, TrailStep

NO_TRAIL = (
    "Only one of the two votes is known for this report, so there is nothing to set side by "
    "side: the plenary vote needs voting data whose draft symbol is the report's."
)
SIDE_BY_SIDE = (
    (Position.IN_FAVOUR, "In favour"),
    (Position.AGAINST, "Against"),
    (Position.ABSTAINING, "Abstaining"),
    (Position.ABSENT, "No vote (did not vote / not recorded)"),
)


def answer_across(query: Query, documents: Sequence[Document], library: Library) -> Answer:
    """A set question on both votes: the States that changed, or the set side by side."""
    changes = any(mention.set is DocumentSet.CHANGED for mention in query.sets)
    among = query.model_copy(
        update={"sets": tuple(m for m in query.sets if m.set is not DocumentSet.CHANGED)}
    )
    blocks: list[str] = []
    votes: list[VoteEntry] = []
    entries: list[TrailEntry] = []
    cited: list[Source] = []
    first: Trail | None = None
    for document in documents:
        trail = library.trail(document)
        if trail is None:
            blocks.append(f"{NO_TRAIL}\n{document_line(document)}")
            continue
        first = first or trail
        scope = scope_of(among, trail.committee, library)
        if changes:
            named = [
                s.country
                for s in trail.changes
                if s.country in scope.members and _ends_match(query, s.committee, s.plenary)
            ]
            lines = _changes(query, trail, scope, named)
            named = list(scope.members) if _states_named(query) else named
        else:
            named = list(scope.members)
            lines = _side_by_side(query, trail, scope)
        votes += vote_entries(named, trail.committee)
        entries += [trail_entry(trail, trail.step(name)) for name in named]
        cited += view_sources(trail.committee, scope.paragraph_ids) + view_sources(trail.plenary)
        lines += [f"Note: {note}" for note in scope.notes]
        said = caveat(trail.plenary)
        if said and any(trail.plenary.position(n) is Position.NOT_RECORDED for n in named):
            lines.append(said)
        headings = [vote_heading(trail.committee), vote_heading(trail.plenary)]
        blocks.append("\n".join([*lines, *headings]))
    illustration = None
    if first is not None:
        illustration = Illustration(kind=IllustrationKind.TRAIL, document=first.committee.key)
    return Answer(
        question=query.text,
        kind=AnswerKind(query.intent.value),
        answered=first is not None,
        text="\n\n".join(blocks),
        votes=votes,
        trail=entries,
        sources=distinct(cited),
        illustration=illustration,
    )


def _between(trail: Trail) -> str:
    return f"between {trail.committee.short_name} and {trail.plenary.short_name}"


def _changes(query: Query, trail: Trail, scope: Scope, named: Sequence[str]) -> list[str]:
    """Who changed position, from → to, in UN order."""
    steps = [trail.step(name) for name in named]
    verdict = ""
    if query.quantifier is Quantifier.ANY:
        verdict = "**Yes**: " if steps else "**No**: "
    elif query.quantifier is Quantifier.NONE:
        verdict = "**No**: " if steps else "**Yes**: "
    if _states_named(query):
        return _named_changes(query, trail, scope, steps, verdict)
    if scope.whole_membership:
        who = f"**{len(steps)}** Member State{'s' if len(steps) != 1 else ''}"
    else:
        who = f"**{len(steps)}** of the {len(scope.members)} {scope.noun}"
    head = f"{verdict}{who} took a different position {_between(trail)}"
    if query.intent is Intent.COUNT or not steps:
        listed = join_names(step.country for step in steps)
        return [f"{head}{': ' + listed if listed else ''}."]
    return [f"{head}:", *(f"- **{step.country}**: {change_words(step)}" for step in steps)]


def _states_named(query: Query) -> bool:
    """The question names the States it asks about, and no group or other set."""
    others = [m for m in query.sets if m.set is not DocumentSet.CHANGED]
    return bool(query.countries) and not (query.groups or others or query.outside)


def _named_changes(
    query: Query, trail: Trail, scope: Scope, steps: Sequence[TrailStep], verdict: str
) -> list[str]:
    """ "Did France change its vote in plenary?": each State named, changed or not, so the
    answer is about France rather than "0 of the 1 States asked about"; a change the
    question's ends do not match ("did Bolivia go from yes to no?") is still said."""
    between = _between(trail)
    if len(scope.members) == 1:
        step = trail.step(scope.members[0])
        verdict = verdict or ("**Yes**: " if steps else "**No**: ")
        name = f"{verdict}**{step.country}**"
        if step.changed:
            return [f"{name} changed its position {between}: {change_words(step)}."]
        if step.committee in NO_VOTE and step.plenary in NO_VOTE:
            return [f"{name} cast no vote in either {between}: {change_words(step)}."]
        return [f"{name} kept its position {between}: {SHORT_WORDS[step.committee]} in both."]
    head = f"{verdict}**{len(steps)}** of the {len(scope.members)} {scope.noun}"
    lines = [f"{head} took a different position {between}:"]
    for name in scope.members:
        step = trail.step(name)
        kept = step.committee in NO_VOTE and step.plenary in NO_VOTE
        said = "no vote in either" if kept else f"{SHORT_WORDS[step.committee]} in both"
        lines.append(f"- **{name}**: {change_words(step) if step.changed else said}")
    return lines


def _side_by_side(query: Query, trail: Trail, scope: Scope) -> list[str]:
    """The set's positions in each vote, then who changed: "did the African Group vote the
    same way in plenary?"."""
    members = scope.members
    changed = [trail.step(name) for name in members if trail.step(name).changed]
    size = f"{len(members)} Member State{'s' if len(members) != 1 else ''}"
    if query.intent is Intent.COMPARE and changed:
        head = (
            f"**No**: {len(changed)} of the {len(members)} {scope.noun} took a different "
            f"position {_between(trail)}."
        )
    elif query.intent is Intent.COMPARE:
        head = f"**Yes**: all {len(members)} {scope.noun} kept their position {_between(trail)}."
    else:
        head = f"How the {scope.noun} voted in each vote ({size}):"
    lines = [head]
    for position, heading in SIDE_BY_SIDE:
        before = sum(1 for name in members if _same(trail.committee.position(name), position))
        after = sum(1 for name in members if _same(trail.plenary.position(name), position))
        lines.append(f"**{heading}**: {before} in the {trail.committee.body} → {after} in plenary.")
    if changed:
        listed = "; ".join(f"{step.country}: {change_words(step)}" for step in changed)
        lines.append(f"**Changed** ({len(changed)}): {listed}.")
    return lines


def _ends_match(query: Query, before: Position, after: Position) -> bool:
    """Whether a change goes from and to the positions the question names, if it names any."""
    for mention in query.sets:
        if mention.set is not DocumentSet.CHANGED:
            continue
        if mention.before and not any(_same(before, p) for p in mention.before):
            return False
        if mention.after and not any(_same(after, p) for p in mention.after):
            return False
    return True


def _same(position: Position, wanted: Position) -> bool:
    if wanted is Position.ABSENT:
        return position in NO_VOTE
    return position is wanted
