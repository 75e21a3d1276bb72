"""Statements: who spoke, for whom, at which meeting and at what moment of the proceedings.

The moment comes from the sentence ("introduced", "in explanation of vote") and from where
it stands relative to the vote ("Before the vote, ..." opens a paragraph whose sentences all
precede the vote).
"""

from __future__ import annotations

import re

from index.parsing.names import (
    Behalf,
    behalf_clause,
    behalf_paren,
    resolve_country,
    split_lenient,
    split_names,
    strip_article,
)
from index.parsing.paragraphs import RawParagraph
from index.parsing.prose import sentences
from index.records import Statement, StatementMoment

_SPEAKERS = r"(?:the\s+)?(?:representatives?|observers?)\s+(?:of|for)\s+(?P<who>.+?)"
_EXPLAINED = r"in\s+explanation\s+of\s+(?:vote|position)(?:\s+(?P<when>before|after)\s+the\s+vote)?"
_INTRODUCTORY = re.compile(
    r"(?:heard|made)\s+(?:an\s+)?introductory\s+statements?\s+by\s+(?P<who>.+?)\.?$"
)
_INTRODUCED = re.compile(rf"{_SPEAKERS},?\s+(?:also\s+)?introduced\b", re.IGNORECASE)
_EXPLANATION_PASSIVE = re.compile(
    rf"statements?\s+{_EXPLAINED}\s+(?:was|were)\s+made\s+by\s+{_SPEAKERS}\.?$", re.IGNORECASE
)
_EXPLANATION_ACTIVE = re.compile(
    rf"{_SPEAKERS}\s+(?:also\s+)?made\s+(?:a\s+)?statements?\s+{_EXPLAINED}", re.IGNORECASE
)
_GENERAL_PASSIVE = re.compile(
    rf"statements?\s+(?:was|were)\s+made\s+by\s+{_SPEAKERS}\.?$", re.IGNORECASE
)
_GENERAL_ACTIVE = re.compile(
    rf"{_SPEAKERS}\s+(?:also\s+)?made\s+(?:a\s+|general\s+)?statements?\b", re.IGNORECASE
)
_TIMING = re.compile(r"\b(?P<when>before|after)\s+the\s+(?:vote|voting)\b", re.IGNORECASE)
_OFFICIALS = re.compile(r",\s+(?:and\s+)?(?=the\s+)|\s+and\s+(?=the\s+)")

_BEFORE = {True: StatementMoment.EXPLANATION_BEFORE_VOTE, False: StatementMoment.BEFORE_VOTE}
_AFTER = {True: StatementMoment.EXPLANATION_AFTER_VOTE, False: StatementMoment.AFTER_VOTE}


def _speaker(text: str) -> Behalf | None:
    behalf = behalf_paren(text)
    country = resolve_country(behalf.name)
    return None if country is None else behalf.model_copy(update={"name": country})


def _speakers(text: str) -> list[Behalf]:
    """One speaker with an "on behalf of" clause, or an enumeration of speakers."""
    single = behalf_clause(text)
    if single is not None:
        return [single.model_copy(update={"name": resolve_country(single.name) or single.name})]
    return split_lenient(text, _speaker, lambda piece: Behalf(name=strip_article(piece)))


def _on_behalf(text: str | None) -> tuple[str, ...]:
    """Countries as canonical names; anything else ("the European Union and its member
    States") is a group, kept as text."""
    if text is None:
        return ()
    countries = split_names(text, resolve_country)
    return tuple(countries) if countries is not None else (strip_article(text),)


def _moment(when: str | None, explained: bool) -> StatementMoment:
    if when is None:
        return StatementMoment.GENERAL
    return (_BEFORE if when.lower() == "before" else _AFTER)[explained]


def _statements(
    speakers: list[Behalf], moment: StatementMoment, meeting: int | None, paragraph_id: str
) -> list[Statement]:
    return [
        Statement(
            speaker=strip_article(speaker.name),
            on_behalf_of=_on_behalf(speaker.on_behalf_of),
            also_on_behalf=speaker.also,
            moment=moment,
            meeting=meeting,
            paragraph_id=paragraph_id,
        )
        for speaker in speakers
    ]


def _in_sentence(
    sentence: str, timing: str | None, default_timing: str
) -> tuple[list[Behalf], StatementMoment] | None:
    if match := _INTRODUCTORY.search(sentence):
        officials = [Behalf(name=name) for name in _OFFICIALS.split(match.group("who"))]
        return officials, StatementMoment.INTRODUCTORY
    if match := _INTRODUCED.search(sentence):
        return _speakers(match.group("who")), StatementMoment.INTRODUCTION_OF_DRAFT
    for pattern in (_EXPLANATION_PASSIVE, _EXPLANATION_ACTIVE):
        if match := pattern.search(sentence):
            when = match.group("when") or timing or default_timing
            return _speakers(match.group("who")), _moment(when, explained=True)
    for pattern in (_GENERAL_PASSIVE, _GENERAL_ACTIVE):
        if match := pattern.search(sentence):
            return _speakers(match.group("who")), _moment(timing, explained=False)
    return None


def extract_statements(
    paragraphs: list[RawParagraph], meetings: list[int | None], vote_number: int | None
) -> tuple[Statement, ...]:
    """Statements in reading order.

    An explanation of vote with no stated timing is placed by the paragraph's position
    relative to the vote paragraph.
    """
    found: list[Statement] = []
    for paragraph, meeting in zip(paragraphs, meetings, strict=True):
        texts = sentences(paragraph.prose)
        opening = _TIMING.match(texts[0]) if texts else None
        paragraph_timing = opening.group("when") if opening else None
        default_timing = (
            "after" if vote_number is not None and paragraph.number > vote_number else "before"
        )
        for sentence in texts:
            timing_match = _TIMING.search(sentence)
            timing = timing_match.group("when") if timing_match else paragraph_timing
            result = _in_sentence(sentence, timing, default_timing)
            if result is not None:
                speakers, moment = result
                found.extend(_statements(speakers, moment, meeting, f"report-{paragraph.number}"))
    return tuple(found)
