"""Deciding what a question wants from the evidence its words give.

A structured reading is taken only when the slots it needs are filled: a vote needs a
country, a breakdown a group, a list a set or a position. Readings that rest on a single
trigger word (the tally on "adopted", the report's session on "which session") also need the
rest of the question to be theirs: when words remain that the documents use elsewhere ("the
Doha Declaration", "come back"), the question is about a passage and goes to retrieval.
"""

from __future__ import annotations

import re

from index.countries import CountryMention, ResolutionStatus, find_countries
from index.language.names import written_names
from index.query import (
    NAMES,
    Ballot,
    DocumentSet,
    Intent,
    Limit,
    MetadataField,
    Quantifier,
    Query,
    SetMention,
)
from index.reading.ballots import CHANGE
from index.reading.capitals import capital_spans
from index.reading.evidence import Evidence
from index.reading.text import COUNTRY, GROUP, searchable, word_set
from index.reading.vocabulary import Vocabulary
from index.records import SponsorStage, StatementMoment

TALLY_EXPLAINS = word_set(
    """
    meeting meetings date day when exactly recorded record held took place time majority
    close closely much margin result outcome counted count numbers number total win won lose
    lost pass passed through get got go went end ended turn turned happen happened 50th
    fiftieth consensus unanimous unanimously without vote vote recorded symbol give gave given
    assign assigned final pushed push rammed rushed
    """
)
"""What a tally answer also says (when, at which meeting, by what margin)."""


def decide(evidence: Evidence, vocabulary: Vocabulary) -> Query:
    """The query a question stands for, on its own (follow-ups are merged afterwards)."""
    e = evidence
    base = Query(
        text=e.raw,
        intent=Intent.PASSAGE,
        countries=tuple(e.countries),
        groups=tuple(e.groups),
        separately=e.separately,
        sets=tuple(e.sets),
        positions=tuple(e.positions),
        aligned_with=e.aligned_with.name if e.aligned_with else None,
        quantifier=e.quantifier,
        stage=e.stage,
        moment=e.moment,
        exact_moment=e.exact_moment,
        meeting=e.meeting,
        excluded=tuple(c.name for c in e.excluded if c.name),
        outside=tuple(e.outside),
        quote=e.quote,
        behalf=e.behalf,
        claimed=e.claimed,
        ballot=e.ballot,
        corrections=tuple(e.corrections),
        search_text=searchable(e.raw),
        names=_asked_names(e.raw),
    )
    for rule in (
        _paragraph,
        _claimed_result,
        _limits,
        _said,
        _those_spoken_for,
        _statements_and_sponsors,
        _unknown_kind,
        _sets_and_votes,
        _metadata,
        _unknown_subject,
        _tally,
    ):
        decided = rule(e, base, vocabulary)
        if decided is not None:
            return decided
    return base


def _asked_names(raw: str) -> tuple[str, ...]:
    """The names the asker wrote, less places: a country or a capital may describe what is
    asked ("the expert meetings in Austria", "the Vienna crime commission") rather than be
    what the passage must name."""
    return tuple(
        name for name in written_names(raw) if not find_countries(name) and not capital_spans(name)
    )


def _paragraph(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    if e.paragraph is not None and not (e.countries or e.groups or e.positions):
        return base.model_copy(update={"intent": Intent.PARAGRAPH, "paragraph": e.paragraph})
    if (
        e.operative is not None
        and e.metadata_field is not MetadataField.STRUCTURE
        and (e.limit is None or e.limit.limit is Limit.UNKNOWN_TOPIC)
    ):
        return base.model_copy(update={"intent": Intent.PARAGRAPH, "operative": e.operative})
    return None


def _limits(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    if e.limit is None:
        return None
    if e.limit.limit is Limit.UNKNOWN_TOPIC and (e.countries or e.groups):
        return None
    if e.limit.topic == NAMES and e.metadata_field is MetadataField.RAPPORTEUR:
        return None
    return base.model_copy(
        update={
            "intent": Intent.NOT_IN_DOCUMENT,
            "limit": e.limit.limit,
            "topic": e.limit.topic,
            "soft_limit": not e.limit.firm,
        }
    )


def _said(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    """What a delegation argued, or why a State voted as it did: not recorded."""
    speaker = e.countries or e.groups or e.sets or e.anaphora or e.introductory
    noted = any(s.set is DocumentSet.NOTED for s in e.sets)
    stance = e.subjects or e.vote or e.positions or e.sponsor or e.statement or e.introduced
    why = e.why and not noted and (stance or len(e.plain.split()) <= 3)
    reasons = base.model_copy(
        update={"intent": Intent.NOT_IN_DOCUMENT, "limit": Limit.REASONS, "why": True}
    )
    if why and (e.vote or e.positions):
        return reasons  # a vote's reason, even as "what did Benin say about why it didn't vote"
    if e.content and (speaker or "representative" in e.plain) and not noted:
        moment = StatementMoment.INTRODUCTORY if e.introductory else base.moment
        return base.model_copy(
            update={"intent": Intent.NOT_IN_DOCUMENT, "limit": Limit.ARGUMENTS, "moment": moment}
        )
    return reasons if why else None


def _those_spoken_for(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    """ "Canada spoke on behalf of a few others: did that whole crew vote no?": how the
    States one statement spoke for voted, its speaker among them."""
    asks_votes = e.positions or e.count or (e.quantifier and e.vote)
    if not (e.behalf and asks_votes and len(e.countries) == 1 and not e.groups):
        return None
    voice = e.countries[0].name
    mention = SetMention(
        set=DocumentSet.SPEAKERS, moment=e.moment, voice=voice, spoken_for=True, with_speaker=True
    )
    return base.model_copy(update={**_set_reading(e), "countries": (), "sets": (mention,)})


def _statements_and_sponsors(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    if e.metadata_field in (MetadataField.RAPPORTEUR, MetadataField.MEETINGS) and not (
        e.countries or e.groups
    ):
        return None
    set_noun = any(s.set in (DocumentSet.SPONSORS, DocumentSet.SPEAKERS) for s in e.sets)
    set_question = (
        e.count or e.positions or e.compare or (e.quantifier and e.vote) or (set_noun and e.vote)
    )
    if e.introduced:
        return base.model_copy(
            update={
                "intent": Intent.STATEMENTS,
                "moment": StatementMoment.INTRODUCTION_OF_DRAFT,
                "sets": (),
            }
        )
    sponsor_set = any(s.set is DocumentSet.SPONSORS for s in e.sets)
    if (e.sponsor or sponsor_set) and not set_question:
        countries = tuple(c for c in e.countries if not _after_with(e, c.start))
        stage = e.stage or _set_stage(e.sets)
        named = countries or e.groups
        return base.model_copy(
            update={
                "intent": Intent.SPONSORS,
                "countries": countries,
                "sets": () if named else (SetMention(set=DocumentSet.SPONSORS, stage=stage),),
                "stage": stage,
            }
        )
    speaker_set = any(s.set is DocumentSet.SPEAKERS for s in e.sets)
    if e.behalf and not set_question:
        return base.model_copy(update={"intent": Intent.STATEMENTS, "sets": ()})
    if (e.statement or e.introductory or speaker_set) and not set_question:
        moment = StatementMoment.INTRODUCTORY if e.introductory else e.moment
        speakers = (
            ()
            if e.countries or e.groups or e.introductory
            else (SetMention(set=DocumentSet.SPEAKERS, moment=moment, exact=e.exact_moment),)
        )
        return base.model_copy(
            update={"intent": Intent.STATEMENTS, "moment": moment, "sets": speakers}
        )
    return None


def _after_with(e: Evidence, start: int) -> bool:
    """ "co-sponsored with Russia": the country is company, not the subject."""
    return e.raw[:start].rstrip().casefold().endswith("with")


def _only_noted(e: Evidence) -> bool:
    """ "Did France change its vote?", "did Bolivia flip?": a State's own vote in both votes,
    which shows any change between them and any later intention the report notes."""
    return all(mention.set is DocumentSet.NOTED for mention in e.sets)


def _set_stage(sets: list[SetMention]) -> SponsorStage | None:
    return next((s.stage for s in sets if s.stage is not None), None)


def _sets_and_votes(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    if e.outliers:
        return base.model_copy(update={"intent": Intent.COMPARE, "outliers": True})
    scoped = bool(e.groups or e.sets)
    countries = [c for c in e.countries if c.status is not ResolutionStatus.UNKNOWN]
    if len(countries) == 1 and not e.groups and _only_noted(e) and CHANGE.search(e.plain):
        return base.model_copy(update={"intent": Intent.VOTE, "ballot": Ballot.BOTH, "sets": ()})
    if e.membership and countries and e.groups:
        return base.model_copy(update={"intent": Intent.LIST, "membership": True})
    if e.aligned_with is not None and (e.listing or e.count or e.quantifier or scoped):
        return base.model_copy(update=_set_reading(e))
    if e.aligned_with is not None and countries:
        return base.model_copy(
            update={
                "intent": Intent.COMPARE,
                "countries": (*countries, e.aligned_with),
                "aligned_with": None,
            }
        )
    if e.separately and e.positions and (e.listing or e.count):
        return base.model_copy(update=_set_reading(e))
    if e.compare and (len(countries) >= 2 or _plural(countries) or scoped):
        return base.model_copy(update={"intent": Intent.COMPARE})
    if scoped and (_about_votes(e) or _only_names(e)):
        return base.model_copy(update=_set_reading(e))
    if scoped:
        return None
    if countries:
        if len(countries) > 1 and (e.count or e.listing) and e.positions:
            return base.model_copy(update=_set_reading(e))
        if e.positions or e.vote or e.either or _only_names(e) or e.ballot:
            return base.model_copy(update={"intent": Intent.VOTE})
        return None
    if e.unknown_subject is not None or (e.tally_strong and not e.count):
        return None
    if e.positions:
        return base.model_copy(update=_set_reading(e))
    return None


def _about_votes(e: Evidence) -> bool:
    """Something in the question asks about the vote of the States it names."""
    return bool(
        e.vote
        or e.positions
        or e.either
        or e.count
        or e.listing
        or (e.quantifier and (e.vote or e.compare))
        or e.sets
        or e.split_breakdown
    )


def _plural(countries: list[CountryMention]) -> bool:
    """An ambiguous name stands for several States ("the two Koreas")."""
    return any(c.candidates for c in countries)


def _set_reading(e: Evidence) -> dict[str, object]:
    if e.count:
        return {"intent": Intent.COUNT}
    quantifier = e.quantifier
    if quantifier is None and e.positions and not e.listing and (e.groups or e.sets):
        quantifier = Quantifier.ALL
    if (
        e.positions
        or e.listing
        or (e.quantifier and not e.vote)
        or e.aligned_with
        or any(s.set in _CHANGES for s in e.sets)
    ):
        return {"intent": Intent.LIST, "quantifier": quantifier}
    return {"intent": Intent.BREAKDOWN, "quantifier": None}


_CHANGES = (DocumentSet.NOTED, DocumentSet.CHANGED)
"""Sets a question lists whole: "did any country change its vote?"."""
_FILLER = word_set(
    "and or what about how the ok okay so then now hmm well also too lol pls please right"
    " vs versus except minus without excluding but not of"
)


def _only_names(e: Evidence) -> bool:
    """The question is nothing but names of States or groups ("France?", "the irish?", "and
    Chad", "the g20 except the g7?")."""
    rest = [w for w in e.plain.split() if w not in _FILLER]
    return all(w.strip("?.!,:") in ("", COUNTRY, GROUP) for w in rest)


_NOT_ALONE = (MetadataField.PROCEEDINGS, MetadataField.OVERVIEW, MetadataField.STRUCTURE)
"""Facts that need more than their words (a meeting) or sum up the rest."""


def _metadata(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    if e.metadata_field is None or e.future:
        return None
    if e.metadata_field is MetadataField.PROCEEDINGS and e.meeting is None:
        return None
    if e.countries or e.groups or e.positions:
        return None
    also = tuple(f for f in e.other_fields if f not in _NOT_ALONE)
    also = also if len(also) > 1 and e.metadata_field in also else ()
    return base.model_copy(
        update={"intent": Intent.METADATA, "field": e.metadata_field, "also_fields": also}
    )


def _claimed_result(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    """Figures to check ("confirm: 88-58-34?") ask for the result, whatever words surround
    them."""
    if not e.claimed or e.countries or e.groups or e.paragraph is not None:
        return None
    return base.model_copy(update={"intent": Intent.TALLY, "positions": ()})


_SESSION_SYMBOL = re.compile(r"^(?:a/res/)?\d{2}/\d{1,3}$")
""""74/247": the adopted resolution's number, which a question about the result may name
(a resolution the document cites, "65/230", is another text)."""


def _tally(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    if not (e.tally_strong or e.tally_weak or e.vote or e.either or e.ballot):
        return None
    if e.countries or e.groups or e.future:
        return None
    rest = [
        w
        for w in e.leftover
        if w not in TALLY_EXPLAINS
        and w not in vocabulary.drafts
        and not (_SESSION_SYMBOL.match(w) and w not in vocabulary.symbols)
    ]
    if rest:
        return None
    return base.model_copy(update={"intent": Intent.TALLY, "positions": ()})


def _unknown_kind(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    """A vote question about a kind of State no group defines: said back, not answered for
    every Member State."""
    if e.unknown_kind is None or not (e.vote or e.positions):
        return None
    return base.model_copy(
        update={
            "intent": Intent.NOT_IN_DOCUMENT,
            "limit": Limit.UNKNOWN_GROUP,
            "topic": e.unknown_kind,
        }
    )


def _unknown_subject(e: Evidence, base: Query, vocabulary: Vocabulary) -> Query | None:
    """A subject we cannot name: one word may be a State we do not know (said back, with
    what it might mean); several ("human rights groups or NGOs") are bodies the document
    does not mention."""
    subject = e.unknown_subject
    if subject is None:
        return None
    several = " " in subject.text and re.search(r"\b(?:and|or)\b|(?<![iu])s$", subject.text)
    if not several:
        return base.model_copy(update={"intent": Intent.VOTE, "countries": (subject,)})
    return base.model_copy(
        update={
            "intent": Intent.NOT_IN_DOCUMENT,
            "limit": Limit.UNKNOWN_TOPIC,
            "topic": subject.text,
            "countries": (),
        }
    )
