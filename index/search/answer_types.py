"""What kind of thing a question asks for, which paragraphs state one, and whether a quote
gives it.

"Where did the expert group hold its meetings?" wants a place; "what are the dates of its
sessions?" wants dates. Words and embeddings find the paragraphs about the expert group, but
several are; the one that states a place ("held in Vienna") or several dates is the one that
answers. A small bonus for stating what is asked breaks such ties; it cannot lift a paragraph
that is not about the question's subject, because it is small beside the fused score.

The same reading decides whether a quote answers at all: "how many experts per region will sit
on the ad hoc committee?" finds operative paragraph 2, which is about the committee's members
but gives no number; "who ended up chairing it?" finds operative paragraph 3, which names no
one. Such a quote is shown as the closest passage, not as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

import numpy as np
import numpy.typing as npt

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE = re.compile(rf"\b(?:\d{{1,2}} (?:{_MONTHS})|(?:{_MONTHS}) \d{{4}}|(?:19|20)\d\d)\b", re.I)
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_SESSION = re.compile(
    rf"\b(?:[a-z]+-)?(?:{_ORDINALS}|[a-z]+tieth)\s+(?:plenary\s+)?(?:session|meeting)\b"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b",
    re.I,
)
"""A session or meeting by its number is a time too: "at its seventy-fifth session"."""
_PLACE = re.compile(
    rf"\b(?:in|at) (?!(?i:{_MONTHS}|the|its|their|this|that|order|particular|accordance)\b)"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?\b"
)
ASKS_WHEN = re.compile(
    r"(?:^\W*(?:[\w']+\s+){0,3}?whens?\b|\bwhens?\b(?=\s*(?:[?!.]|$|is|was|will|did|does|do|are|"
    r"were|has|had|'s|should|shall|would|could))|\bwhen's\b|\bwhat (?:day|date|month|year|time)|"
    r"\bwhich (?:day|date|month|year)|\bhow long|\bdates?\b)",
    re.I,
)
"""A question asking when: "when" opening it or before a verb ("so when will the GA look at
it again?"), not "when" as a conjunction ("did Canada speak for others when explaining its
vote?")."""
ASKS_WHERE = re.compile(
    r"(?:^\W*(?:[\w']+\s+){0,3}?|\b(?:and|or|but|me|say|says|said|know|tell)\s+|[,;?]\s*)"
    r"where(?:'s|s)?\b|\b(?:what|which) (?:city|place|venue)\b",
    re.I,
)
"""A question asking where: "where" opening it or a clause of its own ("when and where is it"),
not a relative "where" ("do they value the expert group as a place where countries swap
know-how?" asks for no place)."""
_WHERE_IN_TEXT = re.compile(
    r"\bwhere\s*(?:[?!.]*\s*$|in\s+(?:the|this)\s+(?:text|document|report|resolution|draft|"
    r"preamble)|(?:is|'s|are)\s+(?:the|that|this)\s+(?:part|bit|line|para|paragraph|passage|"
    r"section|clause)|does\s+it\s+(?:say|mention|talk))",
    re.I,
)
"""A "where" about the document itself ("does it mention trafficking? where"): the answer is
a paragraph, not a place."""

DATE_BONUS = 0.04
"""Per date a paragraph states, up to ``MOST_COUNTED``, for a question that asks when."""
PLACE_BONUS = 0.08
MOST_COUNTED = 3


class AnswerType(StrEnum):
    DATE = "date"
    PLACE = "place"
    COUNT = "count"
    DURATION = "duration"
    WHO = "who"
    BODY = "body"
    DEFINITION = "definition"
    EVENT = "event"


ASKS_COUNT = re.compile(
    r"\b(?:how\s+many|number\s+of(?!\s+(?:the|this|that|its)\s+(?:[\w/.-]+\s+){0,3}?"
    r"(?:resolution|document|report|decision|meeting|item|session|paragraph|draft|footnote)\b"
    r"(?!s)))\s+(?P<what>[a-z][\w\s'-]{0,40})",
    re.I,
)
""""How many", "the number of sponsors"; not "the number of the ECOSOC resolution", which asks
for its symbol."""
ASKS_DURATION = re.compile(r"\bhow\s+long\b", re.I)
ASKS_DEFINITION = re.compile(
    r"\b(?:how\s+(?:does|do|did)\s+\w+(?:\s+\w+)?\s+define|definitions?\s+of|what\s+is\s+meant"
    r"|what\s+counts\s+as|defined\s+as|define\b)",
    re.I,
)
ASKS_BODY = re.compile(
    r"\b(?:which|what)\s+(?:body|bodies|organ|organs|agency|agencies|commission|committee|"
    r"council|office|entity)\b",
    re.I,
)
ASKS_WHO = re.compile(
    r"(?:^\W*(?:[\w']+\s+){0,3}?|\b(?:and|or|but|me|say|says|said|know|tell)\s+|[,;]\s*)"
    r"(?:who|whom|whose|who's|whos)\b"
    r"|\bwhich\s+(?:person|people|country|countries|state|states|delegation|delegations|"
    r"member|members|official|diplomat)\b"
    r"|\bname\s+of\s+(?:the\s+|that\s+|this\s+)?(?:\w+\s+){0,3}?(?:person|delegate|diplomat|"
    r"director|chair|chairperson|rapporteur|representative|official|ambassador|speaker|author)\b",
    re.I,
)
"""Asks for someone: "who" opening the question or a clause of its own ("and who pays?"),
not a relative "who" ("does it name any criminal who exploits tech?")."""


STATED = (AnswerType.DATE, AnswerType.PLACE)
"""The kinds a paragraph is counted for, to favour those that state what is asked."""


_HAPPENING = (
    r"(?:meet|met|happen|happened|take\s+place|took\s+place|convene|convened|hold|held|start|"
    r"started|begin|began)"
)
ASKS_EVENT = re.compile(
    rf"\b(?:did|has|have|had)\s+(?:it|they|the\s+[\w-]+(?:\s+[\w-]+){{0,4}}?)\s+"
    rf"(?:actually\s+|ever\s+|really\s+|in\s+fact\s+)?{_HAPPENING}\b"
    r"|\bwas\s+(?:it|the\s+[\w-]+(?:\s+[\w-]+){0,4}?)\s+(?:actually\s+|ever\s+)?"
    r"(?:held|postponed|cancel+ed|delayed|moved)\b",
    re.I,
)
"""Whether something took place: a report that plans it ("shall convene a session in August
2020") does not say it did."""
_WH = re.compile(r"\b(?:where|when|who|whom|how|what|which|why)\b", re.I)
"""Before "did it meet", these make it a question about the meeting, not whether it was."""
_HAPPENED = re.compile(
    r"(?<!shall )(?<!will )(?<!to be )\b(?:held|met|convened|took place|was postponed|"
    r"were postponed|was cancel+ed)\b",
    re.I,
)


def asked(question: str) -> AnswerType | None:
    """What the question asks for, read from its words.

    The one place retrieval reads the asked type from a question's text; the reader may
    supply it as a slot of the query instead.
    """
    if ASKS_DEFINITION.search(question):
        return AnswerType.DEFINITION
    event = ASKS_EVENT.search(question)
    if event is not None and not _WH.search(question[: event.start()]):
        return AnswerType.EVENT
    if ASKS_COUNT.search(question):
        return AnswerType.COUNT
    if ASKS_DURATION.search(question):
        return AnswerType.DURATION
    if ASKS_WHERE.search(question) and not _WHERE_IN_TEXT.search(question):
        return AnswerType.PLACE
    if ASKS_WHEN.search(question):
        return AnswerType.DATE
    if ASKS_BODY.search(question):
        return AnswerType.BODY
    if ASKS_WHO.search(question):
        return AnswerType.WHO
    return None


def stated(text: str) -> dict[AnswerType, int]:
    """How many dates and places a paragraph states."""
    dates = len(DATE.findall(text)) + len(_SESSION.findall(text))
    return {AnswerType.DATE: dates, AnswerType.PLACE: len(_PLACE.findall(text))}


def bonus(
    kind: AnswerType | None, counts: dict[AnswerType, npt.NDArray[np.float32]]
) -> npt.NDArray[np.float32] | float:
    """What each paragraph gains for stating the kind of thing the question asks for."""
    if kind not in STATED:
        return 0.0
    per = DATE_BONUS if kind is AnswerType.DATE else PLACE_BONUS
    gained: npt.NDArray[np.float32] = (per * np.minimum(counts[kind], MOST_COUNTED)).astype(
        np.float32
    )
    return gained


_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|dozen|several"
)
_NUMBER = re.compile(rf"^(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})$", re.I)
"""A count; ordinals ("seventy-fifth session") name one of a series, they count nothing,
except for "how many times"."""
_WORD = re.compile(r"[\w/.]+(?<![.])")
_UNITS = ("day", "week", "month", "year", "hour", "session", "meeting")
_SAME_COUNT = {"sessi": ("sessi", "meeti"), "meeti": ("meeti", "sessi")}
"""A body's sessions are counted in meetings, and the reverse."""
_COUNT_SKIP = frozenset(
    {
        "of",
        "the",
        "a",
        "an",
        "its",
        "their",
        "it",
        "they",
        "those",
        "these",
        "them",
        "different",
        "total",
        "separate",
        "actual",
    }
)
_PERSON = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+[A-Z][\w-]+")
_TITLES = re.compile(
    r"\b(?:Secretary[- ]General|Director|Chair(?:person|man)?|President|Rapporteur|"
    r"the representatives?|the delegations?|donor countries|developing countries|sponsors|"
    r"Member States|States)\b"
)
_OFFICES = re.compile(
    r"\b(?:Secretary[- ]General|Director|Chair(?:person|man)?|President|Rapporteur)\b"
)
_ASKS_PERSON = re.compile(
    r"\b(?:person|guy|man|woman|he|she|his|her|name|named|called|chair|chairs|chaired|chairing|"
    r"preside|presides|presided|presiding|heads|headed|leads|led)\b",
    re.I,
)
"""A question about one person ("who is the person credited with writing this up, and which
country is he from?", "who chaired it?") is answered by a person or an office, not by "donor
countries" or a body; any other "who" may be answered by a body ("on the recommendation of
the General Committee")."""
_BODIES = re.compile(
    r"\b(?:[A-Z][\w-]+\s+)*(?:Committee|Commission|Council|Assembly|Group|Office|Division|"
    r"Secretariat|Congress)\b"
)
_PUBLISHED = re.compile(r"\b(?:Official Records|[A-Z]{1,2}/(?:[A-Z0-9.]+/)*[A-Z0-9.]+)")
"""Where a text is found is a place too: "where was it published?" -> "Official Records of the
Economic and Social Council, 2013, Supplement No. 10 (E/2013/30)"."""
_DEFINES = re.compile(
    r"\b(?:means|defined as|definition|refers to|for the purposes of|is understood)\b", re.I
)
_WHAT_IS_MISSING = {
    AnswerType.DATE: "gives no date for it",
    AnswerType.PLACE: "names no place for it",
    AnswerType.COUNT: "gives no number for it",
    AnswerType.DURATION: "does not say how long",
    AnswerType.WHO: "names no one for it",
    AnswerType.BODY: "names no body for it",
    AnswerType.DEFINITION: "gives no definition",
    AnswerType.EVENT: "does not record it as having happened",
}


def missing(
    kind: AnswerType | None, question: str, quote: str, names: Sequence[str] = ()
) -> str | None:
    """What ``quote`` fails to give of what the question asks for ("gives no number for
    it"), or
    ``None`` when it gives it (or the question asks for nothing in particular).

    ``names`` are the States a quote may name in answer to "who".
    """
    if kind is None or _gives(kind, question, quote, names):
        return None
    return _WHAT_IS_MISSING[kind]


def _gives(kind: AnswerType, question: str, quote: str, names: Sequence[str]) -> bool:
    if kind is AnswerType.DATE:
        return bool(DATE.search(quote) or _SESSION.search(quote))
    if kind is AnswerType.PLACE:
        return bool(_PLACE.search(quote) or _PUBLISHED.search(quote))
    if kind is AnswerType.DEFINITION:
        return bool(_DEFINES.search(quote))
    if kind is AnswerType.EVENT:
        return bool(_HAPPENED.search(quote))
    if kind is AnswerType.COUNT:
        return _counts(_counted(question), quote)
    if kind is AnswerType.DURATION:
        return _counts(_UNITS, quote)
    asked_words = {word.casefold() for word in _WORD.findall(question)}
    found = [m.group() for m in _PERSON.finditer(quote)]
    if _ASKS_PERSON.search(question):
        found += [m.group() for m in _OFFICES.finditer(quote)]
        return any(not _echoes(entity, asked_words) for entity in found)
    found += [m.group() for m in _TITLES.finditer(quote)]
    found += [name for name in names if name in quote]
    found += [m.group() for m in _BODIES.finditer(quote)]
    return any(not _echoes(entity, asked_words) for entity in found)


def _echoes(entity: str, asked_words: set[str]) -> bool:
    """Whether a named thing only repeats the question ("the Chair" for "who chaired")."""
    words = [word.casefold() for word in _WORD.findall(entity)]
    return all(any(asked.startswith(word[:5]) for asked in asked_words) for word in words)


def _counted(question: str) -> tuple[str, ...]:
    """The words of what "how many" counts: "how many experts per region" -> experts, per."""
    match = ASKS_COUNT.search(question)
    if match is None:
        return ()
    words = [w.casefold() for w in _WORD.findall(match.group("what"))]
    words = [w for w in words if w not in _COUNT_SKIP][:2]
    return tuple(words)


def _counts(things: Sequence[str], quote: str) -> bool:
    """A number stands next to one of ``things`` in ``quote``: "three-day" for days, "34
    abstentions", "a vote of 88", "the first to fifth meetings"; for "how many times", any
    ordinal."""
    words = [w.casefold() for w in re.findall(r"[A-Za-z]+|\d+(?:[.,]\d+)?", quote)]
    if "times" in things:
        return any(re.fullmatch(_ORDINALS, word) for word in words)
    stems = tuple(
        stem
        for thing in things
        if thing
        for stem in _SAME_COUNT.get(thing.rstrip("s")[:5], (thing.rstrip("s")[:5],))
    )
    if not stems:
        return any(_NUMBER.match(word) for word in words)

    def about(word: str) -> bool:
        return any(word.startswith(stem) for stem in stems)

    for position, word in enumerate(words):
        ranged = (
            position >= 2
            and words[position - 1] in ("to", "and")
            and re.fullmatch(_ORDINALS, word)
            and re.fullmatch(_ORDINALS, words[position - 2])
        )
        if ranged and position + 1 < len(words) and about(words[position + 1]):
            return True
        if not _NUMBER.match(word) and not about(word):
            continue
        if _NUMBER.match(word) and about(word):
            return True
        near = words[position + 1 : position + 3]
        if _NUMBER.match(word) and near and about(near[0]):
            return True
        if about(word) and len(near) == 2 and near[0] == "of" and _NUMBER.match(near[1]):
            return True
    return False
