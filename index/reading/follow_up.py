"""Reading a short follow-up in the light of the question before it.

"And Brazil?" after "how did France vote?" is a vote question about Brazil; "which of them
abstained?" after "how did the African Group vote?" lists the African Group's abstentions;
"why?" asks the reasons for the previous answer. A follow-up keeps what it says itself and
takes the rest (subjects, positions, the kind of question) from the previous query, and the
query records which slots it inherited, so the answer can say how it was read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from index.groups import GroupKind, groups_of
from index.query import GroupMention, Intent, Query
from index.reading.evidence import Evidence
from index.reading.text import words

SHORT = 5
"""A question of at most this many words that lacks a subject or a kind is a fragment."""

_VOTE_FAMILY = (Intent.VOTE, Intent.BREAKDOWN, Intent.LIST, Intent.COUNT, Intent.COMPARE)
_STANDALONE = (Intent.PARAGRAPH, Intent.METADATA, Intent.TALLY)


def is_follow_up(e: Evidence, current: Query, previous: Query) -> bool:
    """Whether ``current`` leans on ``previous``: an opening like "and …" or "what about …",
    a pronoun standing for the last subject, or a fragment too short to stand alone."""
    if current.intent in _STANDALONE and not e.follow_up_opening:
        return False
    if previous.intent is Intent.PASSAGE and current.intent is not Intent.PASSAGE:
        return e.follow_up_opening and len(words(e.plain)) <= SHORT and not e.subjects
    own_subject = bool(current.countries or current.groups or current.sets)
    fragment = len(words(e.plain)) <= SHORT
    return (
        e.follow_up_opening
        or (e.anaphora and not own_subject)
        or e.neighbours
        or e.bare_moment is not None
        or (fragment and (current.intent is Intent.PASSAGE or _bare(e) or _incomplete(current)))
    )


def _incomplete(current: Query) -> bool:
    """A vote-family question with neither subject nor position ("how many?")."""
    own = current.countries or current.groups or current.sets or current.positions
    return current.intent in _VOTE_FAMILY and not own


def _bare(e: Evidence) -> bool:
    """Only subjects or only a position: "brazil?", "against?"."""
    return not (e.vote or e.count or e.listing or e.compare or e.sponsor or e.statement)


def merge(e: Evidence, current: Query, previous: Query, date: dt.date | None) -> Query:
    """``current`` completed from ``previous``; the inherited slots are named."""
    update: dict[str, Any] = {"follow_up": True}
    inherited: list[str] = []
    own_subject = bool(current.countries or current.groups or current.sets)

    if e.neighbours and previous.countries and not current.groups:
        neighbours = _regional_groups(previous, date)
        if neighbours:
            update.update(countries=(), groups=neighbours, sets=())
            inherited.append("subjects")
    elif not own_subject:
        update.update(countries=previous.countries, groups=previous.groups, sets=previous.sets)
        inherited.append("subjects")
    elif current.groups and e.anaphora and (previous.groups or previous.sets):
        groups = {g.id: g for g in (*previous.groups, *current.groups)}
        update.update(groups=tuple(groups.values()), sets=previous.sets)
        inherited.append("subjects")

    intent = _intent(e, current, previous, update)
    update["intent"] = intent
    if intent is previous.intent and previous.limit is not None and current.limit is None:
        update["limit"] = previous.limit
        inherited.append("limit")
    if not current.positions and previous.positions and _keeps_positions(e, intent):
        update["positions"] = previous.positions
        inherited.append("positions")
    if current.ballot is None and previous.ballot and intent in (*_VOTE_FAMILY, Intent.TALLY):
        update["ballot"] = previous.ballot
        inherited.append("ballot")
    if intent is Intent.STATEMENTS and e.bare_moment is not None:
        update["moment"] = e.bare_moment
    elif intent is Intent.STATEMENTS and current.moment is None and previous.moment:
        update["moment"] = previous.moment
    if intent is Intent.SPONSORS and current.stage is None and previous.stage:
        update["stage"] = previous.stage
    if intent is Intent.PASSAGE:
        update["search_text"] = f"{previous.search_text} {current.text}"
    if not _has_own_kind(e, current):
        inherited.append("intent")
    update["inherited"] = tuple(dict.fromkeys(inherited))
    update["documents"] = current.documents or previous.documents
    return current.model_copy(update=update)


def _intent(e: Evidence, current: Query, previous: Query, update: dict[str, Any]) -> Intent:
    """The kind of question: the follow-up's own when it says one, else the previous one's,
    adjusted to the new subject (a country is a vote, a group a breakdown)."""
    if _has_own_kind(e, current):
        return current.intent
    if e.count and previous.intent in (*_VOTE_FAMILY, Intent.TALLY, Intent.SPONSORS):
        return Intent.COUNT
    if e.listing and previous.intent in (*_VOTE_FAMILY, Intent.TALLY):
        return Intent.LIST
    groups = update.get("groups", current.groups)
    sets = update.get("sets", current.sets)
    countries = update.get("countries", current.countries)
    if previous.intent in _VOTE_FAMILY and countries and not (groups or sets):
        return (
            Intent.VOTE
            if previous.intent is not Intent.COMPARE or len(countries) < 2
            else (Intent.COMPARE)
        )
    if previous.intent in (Intent.VOTE, Intent.BREAKDOWN):
        return Intent.BREAKDOWN
    if previous.intent is Intent.TALLY and (groups or sets):
        return Intent.BREAKDOWN
    if previous.intent is Intent.TALLY and countries:
        return Intent.VOTE
    return previous.intent


def _has_own_kind(e: Evidence, current: Query) -> bool:
    if current.intent in (Intent.NOT_IN_DOCUMENT, Intent.PARAGRAPH, Intent.METADATA):
        return True
    if current.intent in (Intent.SPONSORS, Intent.STATEMENTS, Intent.COMPARE, Intent.COUNT):
        return True
    if current.intent is Intent.LIST and (e.listing or e.quantifier is not None):
        return True
    return current.intent is Intent.VOTE and (e.positions != [] or e.vote) and not _fragment(e)


def _fragment(e: Evidence) -> bool:
    return e.follow_up_opening or len(words(e.plain)) <= 2


def _keeps_positions(e: Evidence, intent: Intent) -> bool:
    """ "And South Korea?" after "did Japan vote against?" keeps the question's position."""
    return intent in _VOTE_FAMILY and not e.either


def _regional_groups(previous: Query, date: dt.date | None) -> tuple[GroupMention, ...]:
    """ "And its neighbours?": the UN regional group of the country just asked about."""
    mentions: dict[str, GroupMention] = {}
    for country in previous.countries:
        if country.name is None:
            continue
        for group in groups_of(country.name, date):
            if group.kind is GroupKind.REGIONAL:
                mentions.setdefault(
                    group.id,
                    GroupMention(
                        id=group.id,
                        name=group.name,
                        text="neighbours",
                        note=f"“neighbours” read as {country.name}'s UN regional group, "
                        f"the {group.name}",
                    ),
                )
    return tuple(mentions.values())
