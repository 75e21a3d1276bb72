"""The reader's entry point: text (and the previous query) in, one ``Query`` out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from index.groups import group_by_id
from index.query import Intent, Query
from index.reading.delegation import as_delegation, represented
from index.reading.describe import described
from index.reading.evidence import gather
from index.reading.follow_up import is_follow_up, kept_ballot, merge, speaker_vote
from index.reading.intent import decide
from index.reading.parts import split_parts
from index.reading.text import valid_text
from index.reading.vocabulary import Vocabulary


class ReadingContext(Protocol):
    """What the reader needs to know about the documents."""

    @property
    def vocabulary(self) -> Vocabulary: ...

    @property
    def membership_date(self) -> dt.date | None:
        """The date group membership is read as of (the documents' date)."""

    def named_documents(self, text: str) -> tuple[str, ...]:
        """Ids of the documents ``text`` names (by symbol, agenda item or subject)."""

    def meetings_on(self, month: int, day: int) -> tuple[int, ...]:
        """The numbers of the meetings the documents record on that day of their year."""

    @property
    def people(self) -> Mapping[str, str]:
        """The country of each role the documents name ("rapporteur" -> "Iraq")."""

    def speakers_for(self, group_ids: Sequence[str]) -> tuple[str, ...]:
        """The States that spoke on behalf of any of these groups."""


def read_parts(
    question: str, context: ReadingContext, previous: Query | None = None
) -> tuple[Query, ...]:
    """One reading per question the message asks, each read in the light of the one before
    (sentences that ask nothing are read as context, not answered); repeats are dropped."""
    readings: list[Query] = []
    delegation: str | None = None
    for part in split_parts(valid_text(question)):
        delegation = delegation or represented(part.text)
        text = as_delegation(part.text, delegation) if delegation else part.text
        query = read(text, context, previous)
        previous = query
        for asked in _as_parts(query) if part.asks and query.text else ():
            if not any(_same(asked, seen) for seen in readings):
                readings.append(asked)
    return tuple(readings) or (read(question, context, previous),)


def _as_parts(query: Query) -> tuple[Query, ...]:
    """The questions one reading holds, each to be answered as a part: "GCC vs ASEAN, who
    abstained in each?" is one per group, "the date and the agenda item" one per header fact,
    "the EU and China" the group and the State."""
    if query.intent is Intent.METADATA and query.also_fields:
        fields = query.also_fields
        return tuple(
            described(query.model_copy(update={"field": field, "also_fields": ()}))
            for field in fields
        )
    if _beside_the_group(query):
        return (
            described(query.model_copy(update={"countries": ()})),
            described(query.model_copy(update={"intent": Intent.VOTE, "groups": ()})),
        )
    each = query.separately and len(query.groups) > 1 and not query.membership
    if not (each and query.intent in (Intent.LIST, Intent.COUNT)):
        return (query,)
    return tuple(
        described(query.model_copy(update={"groups": (group,), "separately": False}))
        for group in query.groups
    )


def _beside_the_group(query: Query) -> bool:
    """ "How did the EU and China vote?": a State no named group ever held is a subject of
    its own beside the group, not a filter on it (which would leave no one)."""
    if query.intent is not Intent.BREAKDOWN or query.sets or not query.groups:
        return False
    held = {member.name for mention in query.groups for member in group_by_id(mention.id).members}
    named = [country.name for country in query.countries if country.name]
    return bool(named) and not any(name in held for name in named)


_WORDING = {"text", "reading", "search_text", "follow_up", "inherited", "uncertain", "corrections"}


def _same(first: Query, second: Query) -> bool:
    """Two readings that would give the same answer ("which voted against? list them")."""
    return first.model_dump(exclude=_WORDING) == second.model_dump(exclude=_WORDING)


def _speakers(context: ReadingContext, previous: Query) -> tuple[str, ...]:
    if previous.intent is not Intent.STATEMENTS or not previous.groups:
        return ()
    return context.speakers_for([group.id for group in previous.groups])


def read(question: str, context: ReadingContext, previous: Query | None = None) -> Query:
    """The typed reading of ``question``, completed from ``previous`` for a follow-up."""
    text = valid_text(question)
    evidence = gather(text, context.vocabulary)
    if evidence.meeting is None and evidence.day is not None:
        held = context.meetings_on(*evidence.day)
        evidence.meeting = held[0] if len(held) == 1 else None
    query = decide(evidence, context.vocabulary)
    query = query.model_copy(update={"documents": context.named_documents(text)})
    spoken = (
        None
        if previous is None
        else speaker_vote(evidence, query, previous, _speakers(context, previous))
    )
    if spoken is not None:
        return described(spoken)
    if previous is not None and is_follow_up(evidence, query, previous):
        query = merge(evidence, query, previous, context.membership_date, context.people)
    elif previous is not None:
        query = kept_ballot(query, previous)
    return described(query)
