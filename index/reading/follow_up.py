"""Reading a short follow-up in the light of the question before it.

"And Brazil?" after "how did France vote?" is a vote question about Brazil; "which of them
abstained?" after "how did the African Group vote?" lists the African Group's abstentions;
"why?" asks the reasons for the previous answer. A follow-up keeps what it says itself and
takes the rest (subjects, positions, the kind of question) from the previous query, and the
query records which slots it inherited, so the answer can say how it was read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from index.countries import CountryMention, ResolutionStatus
from index.groups import GroupKind, groups_of
from index.query import (
    Ballot,
    DocumentSet,
    GroupMention,
    Intent,
    MetadataField,
    Query,
    SetMention,
)
from index.reading.evidence import Evidence
from index.reading.text import GROUP, words
from index.records import SponsorStage

SHORT = 5
"""A question of at most this many words that lacks a subject or a kind is a fragment."""

_VOTE_FAMILY = (Intent.VOTE, Intent.BREAKDOWN, Intent.LIST, Intent.COUNT, Intent.COMPARE)
_STANDALONE = (Intent.PARAGRAPH, Intent.METADATA, Intent.TALLY)
_ACTING = frozenset({"do", "did", "does"})
"""'What did his government do?' asks how that State voted; 'also his country' only which."""
_WEAK_AFTER_A_PASSAGE = (Intent.PASSAGE, Intent.TALLY, Intent.METADATA)
"""Readings a pronoun after a passage overrides: "when was it adopted?" after "what ECOSOC
resolution does it mention?" asks of that resolution, not of the draft's tally."""
_REPORT_ONLY = (
    MetadataField.RAPPORTEUR,
    MetadataField.AGENDA_ITEM,
    MetadataField.SESSION,
    MetadataField.SYMBOL,
    MetadataField.STRUCTURE,
)
"""Facts only the report itself has: "who was the rapporteur on this report?" after a passage
is about the report, whatever "this" follows."""


def _weak_after_a_passage(current: Query) -> bool:
    if current.intent is Intent.METADATA and current.field in _REPORT_ONLY:
        return False
    return current.intent in _WEAK_AFTER_A_PASSAGE


_SET_INTENTS = (Intent.LIST, Intent.COUNT, Intent.BREAKDOWN, Intent.COMPARE)
_TOLD_WHEN = (Intent.STATEMENTS, Intent.SPONSORS, Intent.VOTE, Intent.TALLY, Intent.METADATA)
"""Answers that say when and at which meeting, so "at which meeting?" asks them again."""
_INHERITED_SLOTS = (
    "field",
    "paragraph",
    "operative",
    "stage",
    "moment",
    "meeting",
    "limit",
    "topic",
    "quantifier",
    "outliers",
    "why",
)
"""What a follow-up that keeps the previous kind of question also keeps, unless it says its own."""


def _has_subject(query: Query) -> bool:
    return bool(query.countries or query.groups or query.sets) or (
        query.field is MetadataField.RAPPORTEUR
    )


def is_follow_up(e: Evidence, current: Query, previous: Query) -> bool:
    """Whether ``current`` leans on ``previous``: an opening like "and …" or "what about …",
    a pronoun standing for the last subject, or a fragment too short to stand alone."""
    own_subject = e.subjects
    if _asks_for_whom(e, previous) or _asks_of_those_spoken_for(e, current, previous):
        return True
    if (e.agent_pronoun or e.person_country) and not own_subject and _has_subject(previous):
        return True
    if e.when_or_where and previous.intent in (*_TOLD_WHEN, Intent.PASSAGE):
        return True
    if e.introduced and not e.subjects:
        return False
    if e.asks_for_source and not (current.intent is Intent.METADATA and current.field):
        return True
    if e.correction:
        return True
    if e.outliers and not e.groups and previous.groups:
        return True
    if _narrows(e, current, previous):
        return True
    if e.neighbour_paragraph and previous.paragraph is not None:
        return True
    if previous.intent is Intent.PASSAGE and e.it_or_that and not own_subject:
        return _weak_after_a_passage(current)
    asks_of_a_set = current.intent in _SET_INTENTS or e.count or e.quantifier
    if asks_of_a_set and not own_subject and _has_subject(previous) and e.limit is None:
        return True
    if current.intent in _STANDALONE and not e.follow_up_opening:
        return False
    if previous.intent is Intent.PASSAGE and current.intent is not Intent.PASSAGE:
        return e.follow_up_opening and len(words(e.plain)) <= SHORT and not e.subjects
    fragment = len(words(e.plain)) <= SHORT
    return (
        e.follow_up_opening
        or (e.anaphora and not own_subject)
        or e.neighbours
        or e.bare_moment is not None
        or (fragment and (current.intent is Intent.PASSAGE or _bare(e) or _incomplete(current)))
    )


_OF_THOSE = re.compile(r"\b(?:which|how many|any|all|none|each|some|who) of (?:those|them|these)\b")


def _narrows(e: Evidence, current: Query, previous: Query) -> bool:
    """ "Which of those were sponsors?", "which of them are african?" after a set: the new
    set or group is taken within the last (a group named before "of them" is its own subject).
    "Did any of them speak?" is left to the statements, which say for whom each spoke."""
    return (
        previous.intent in _SET_INTENTS
        and (current.intent is not Intent.STATEMENTS or e.count)
        and (_has_subject(previous) or bool(previous.positions))
        and not (e.countries or e.outside)
        and (of_those := _OF_THOSE.search(e.plain)) is not None
        and GROUP not in e.plain[: of_those.start()]
    )


def _within(e: Evidence, current: Query, previous: Query) -> Query:
    """The last set, narrowed by what the follow-up adds: its set, its position."""
    sets = tuple(dict.fromkeys((*previous.sets, *current.sets)))
    count = e.count or current.intent is Intent.COUNT
    return current.model_copy(
        update={
            "follow_up": True,
            "intent": Intent.COUNT if count else Intent.LIST,
            "countries": previous.countries,
            "groups": tuple(dict.fromkeys((*previous.groups, *current.groups))),
            "excluded": previous.excluded,
            "outside": previous.outside,
            "sets": sets,
            "positions": current.positions or previous.positions,
            "ballot": current.ballot or previous.ballot,
            "inherited": ("subjects", "positions"),
        }
    )


def _asks_for_whom(e: Evidence, previous: Query) -> bool:
    """ "On whose behalf?" after a statement: for whom that statement was made."""
    return previous.intent is Intent.STATEMENTS and e.behalf and not (e.countries or e.groups)


def _asks_of_those_spoken_for(e: Evidence, current: Query, previous: Query) -> bool:
    """ "Did all of them vote no?" after "on whose behalf did Canada speak?": the States that
    statement spoke for, with its speaker (named again or not: "Canada and all of those")."""
    if previous.intent is not Intent.STATEMENTS or e.groups:
        return False
    if not (previous.behalf or len(previous.countries) == 1):
        return False
    asks_of_a_set = current.intent in _SET_INTENTS or e.count or e.quantifier or e.listing
    named_before = {c.name for c in previous.countries}
    own = {c.name for c in current.countries} - named_before
    return bool(asks_of_a_set) and (e.it_or_that or e.anaphora) and not own


def _spoken_for(current: Query, previous: Query) -> Query:
    """The States a statement spoke for; its speaker too only when named again ("did Canada
    and all of those vote no?"), since "them" are the others."""
    voice = previous.countries[0].name if len(previous.countries) == 1 else None
    named = voice in {c.name for c in current.countries}
    mention = SetMention(
        set=DocumentSet.SPEAKERS,
        moment=previous.moment,
        voice=voice,
        spoken_for=True,
        with_speaker=named,
    )
    if current.intent is Intent.COUNT or not current.positions:
        intent = Intent.COUNT if current.intent is Intent.COUNT else Intent.BREAKDOWN
    else:
        intent = Intent.LIST
    return current.model_copy(
        update={
            "follow_up": True,
            "intent": intent,
            "countries": (),
            "groups": (),
            "sets": (mention,),
            "inherited": ("subjects",),
        }
    )


def _incomplete(current: Query) -> bool:
    """A vote-family question with neither subject nor position ("how many?")."""
    own = current.countries or current.groups or current.sets or current.positions
    return current.intent in _VOTE_FAMILY and not own


def _bare(e: Evidence) -> bool:
    """Only subjects or only a position: "brazil?", "against?"."""
    return not (e.vote or e.count or e.listing or e.compare or e.sponsor or e.statement)


def merge(
    e: Evidence,
    current: Query,
    previous: Query,
    date: dt.date | None,
    people: Mapping[str, str] | None = None,
) -> Query:
    """``current`` completed from ``previous``; the inherited slots are named. ``people``
    maps the roles the documents name (the Rapporteur) to their country, for "and how did
    his country vote?"."""
    if previous.membership and e.agent_pronoun and not e.subjects:
        return current.model_copy(
            update={
                "follow_up": True,
                "intent": Intent.VOTE,
                "countries": previous.countries,
                "inherited": ("subjects",),
            }
        )
    if (e.when_or_where and previous.intent in _TOLD_WHEN and not e.subjects) or (
        e.asks_for_source and not e.subjects
    ):
        return previous.model_copy(
            update={
                "text": current.text,
                "follow_up": True,
                "quote": True if e.asks_for_source else previous.quote,
                "inherited": ("intent", "subjects"),
            }
        )
    if e.correction:
        return _corrected(e, current, previous)
    if _asks_for_whom(e, previous):
        return previous.model_copy(
            update={
                "text": current.text,
                "follow_up": True,
                "behalf": True,
                "inherited": ("subjects", "intent"),
            }
        )
    if _asks_of_those_spoken_for(e, current, previous):
        return _spoken_for(current, previous)
    if _narrows(e, current, previous):
        return _within(e, current, previous)
    if e.outliers and current.countries and not current.groups and previous.groups:
        return current.model_copy(
            update={
                "follow_up": True,
                "intent": Intent.COMPARE,
                "outliers": True,
                "groups": previous.groups,
                "inherited": ("groups",),
            }
        )
    if e.neighbour_paragraph and previous.paragraph is not None:
        ref = previous.paragraph
        number = ref.number + e.neighbour_paragraph
        return previous.model_copy(
            update={
                "text": current.text,
                "follow_up": True,
                "intent": Intent.PARAGRAPH,
                "paragraph": ref.model_copy(update={"number": number}),
                "inherited": ("paragraph",),
            }
        )
    if (
        previous.intent is Intent.PASSAGE
        and not e.subjects
        and _weak_after_a_passage(current)
        and (e.when_or_where or e.it_or_that)
        and not (e.agent_pronoun and (previous.countries or previous.groups))
    ):
        return current.model_copy(
            update={
                "intent": Intent.PASSAGE,
                "follow_up": True,
                "search_text": f"{previous.search_text} {current.text}",
                "inherited": ("topic",),
            }
        )
    update: dict[str, Any] = {"follow_up": True}
    inherited: list[str] = []
    own_subject = e.subjects
    person = _person_country(e, previous, people or {})
    if person is not None:
        acts = e.agent_pronoun and not e.person_country
        asks_vote = e.vote or e.positions or acts or bool(_ACTING & set(words(e.plain)))
        intent = Intent.VOTE if asks_vote else Intent.METADATA
        return current.model_copy(
            update={
                "follow_up": True,
                "intent": intent,
                "countries": (person,) if intent is Intent.VOTE else (),
                "field": None if intent is Intent.VOTE else MetadataField.RAPPORTEUR,
                "inherited": ("subjects",),
                "documents": current.documents or previous.documents,
            }
        )

    if e.neighbours and previous.countries and not current.groups:
        neighbours = _regional_groups(previous, date)
        if neighbours:
            update.update(countries=(), groups=neighbours, sets=())
            inherited.append("subjects")
    elif not own_subject:
        update.update(
            countries=previous.countries,
            groups=previous.groups,
            sets=_restaged(previous.sets, current.stage),
            separately=previous.separately,
            excluded=current.excluded or previous.excluded,
            outside=current.outside or previous.outside,
        )
        inherited.append("subjects")
    elif current.groups and e.anaphora and (previous.groups or previous.sets):
        left_out = {g.id for g in current.outside}
        groups = {g.id: g for g in (*previous.groups, *current.groups) if g.id not in left_out}
        update.update(groups=tuple(groups.values()), sets=previous.sets)
        inherited.append("subjects")

    intent = _intent(e, current, previous, update)
    update["intent"] = intent
    if not _has_own_kind(e, current) and intent is previous.intent:
        for slot in _INHERITED_SLOTS:
            if getattr(current, slot) in (None, False) and getattr(previous, slot) not in (
                None,
                False,
            ):
                update[slot] = getattr(previous, slot)
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
        update["search_text"] = f"{previous.search_text} {current.search_text}"
        update["own_search_text"] = current.search_text
    if not _has_own_kind(e, current):
        inherited.append("intent")
    update["inherited"] = tuple(dict.fromkeys(inherited))
    update["documents"] = current.documents or previous.documents
    return current.model_copy(update=update)


def _restaged(sets: tuple[SetMention, ...], stage: SponsorStage | None) -> tuple[SetMention, ...]:
    """The sponsors asked before, narrowed to the stage the follow-up names ("how many
    joined only after the revision?" after "how many sponsors were there?")."""
    if stage is None:
        return sets
    return tuple(
        s.model_copy(update={"stage": stage}) if s.set is DocumentSet.SPONSORS else s for s in sets
    )


def _corrected(e: Evidence, current: Query, previous: Query) -> Query:
    """The previous question again, with what the correction says in place of what it
    replaces ("sorry, I meant Niger, not Nigeria"; "no, I meant the General Assembly vote")."""
    if current.intent not in (Intent.PASSAGE, previous.intent) and _has_own_kind(e, current):
        keep = {} if e.subjects else {"countries": previous.countries, "groups": previous.groups}
        return current.model_copy(update={"follow_up": True, "inherited": ("subjects",), **keep})
    update: dict[str, Any] = {"text": current.text, "follow_up": True, "inherited": ("intent",)}
    if e.subjects:
        update.update(countries=current.countries, groups=current.groups, sets=current.sets)
    for slot in ("ballot", "meeting", "paragraph", "moment", "stage", "positions"):
        if getattr(current, slot):
            update[slot] = getattr(current, slot)
    return previous.model_copy(update=update)


def kept_ballot(current: Query, previous: Query) -> Query:
    """A question about the whole vote that names no vote, asked right after one about the
    plenary vote, is about the plenary vote too: "what was the final GA vote?" then "how many
    didn't vote at all?". A country's vote keeps its own default (both votes)."""
    whole_vote = current.intent in (Intent.TALLY, *_VOTE_FAMILY) and not current.countries
    if current.ballot is None and previous.ballot is Ballot.PLENARY and whole_vote:
        inherited = (*current.inherited, "ballot")
        return current.model_copy(update={"ballot": Ballot.PLENARY, "inherited": inherited})
    return current


_THAT_SPEAKER = re.compile(
    r"\b(?:that|this|the same) (?:delegation|country|state|speaker|government|member state)\b"
    r"|\b(?:it|they) (?:itself|themselves)\b|\bthe speaker\b"
)


def speaker_vote(
    e: Evidence, current: Query, previous: Query, speakers: Sequence[str]
) -> Query | None:
    """ "And how did that delegation itself vote?" after "who spoke on behalf of the EU?": the
    vote of the State that spoke."""
    if previous.intent is not Intent.STATEMENTS or not speakers or e.countries or e.groups:
        return None
    if not _THAT_SPEAKER.search(e.plain) or not (e.vote or e.positions):
        return None
    countries = tuple(
        CountryMention(text=name, start=0, end=0, status=ResolutionStatus.MEMBER, name=name)
        for name in speakers
    )
    return current.model_copy(
        update={
            "follow_up": True,
            "intent": Intent.VOTE,
            "countries": countries,
            "sets": (),
            "inherited": ("speaker",),
        }
    )


def _person_country(
    e: Evidence, previous: Query, people: Mapping[str, str]
) -> CountryMention | None:
    """The country of the person the previous question was about ("where is he from?",
    "how did his delegation vote?" after "who was the Rapporteur?")."""
    if not (e.person_country or e.agent_pronoun) or previous.field is not MetadataField.RAPPORTEUR:
        return None
    country = people.get(MetadataField.RAPPORTEUR.value)
    if country is None:
        return None
    return CountryMention(
        text=country, start=0, end=0, status=ResolutionStatus.MEMBER, name=country
    )


def _intent(e: Evidence, current: Query, previous: Query, update: dict[str, Any]) -> Intent:
    """The kind of question: the follow-up's own when it says one, else the previous one's,
    adjusted to the new subject (a country is a vote, a group a breakdown)."""
    if e.when_or_where and previous.intent in _TOLD_WHEN:
        return previous.intent
    if _has_own_kind(e, current):
        return current.intent
    if (
        previous.intent is Intent.TALLY
        and current.positions
        and not (current.countries or current.groups or current.sets)
    ):
        return Intent.LIST
    if e.count and previous.intent in (*_VOTE_FAMILY, Intent.TALLY, Intent.SPONSORS):
        return Intent.COUNT
    if e.listing and previous.intent in (*_VOTE_FAMILY, Intent.TALLY):
        return Intent.LIST
    groups = update.get("groups", current.groups)
    sets = update.get("sets", current.sets)
    countries = update.get("countries", current.countries)
    if (
        (e.vote or e.positions)
        and (countries or groups or sets)
        and previous.intent
        in (
            Intent.SPONSORS,
            Intent.STATEMENTS,
        )
    ):
        return Intent.VOTE if countries and not (groups or sets) else Intent.BREAKDOWN
    if previous.intent is Intent.PASSAGE and (e.vote or e.positions) and countries:
        return Intent.VOTE
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
    if (
        current.intent is Intent.PASSAGE
        and previous.intent in (Intent.METADATA, Intent.PARAGRAPH)
        and len(words(e.plain)) > SHORT
    ):
        return Intent.PASSAGE
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
