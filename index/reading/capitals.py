"""Capitals used as the names of governments: "what did Beijing do?", "Ankara's position".

People name a government by its capital (or a building: "the Kremlin") as readily as by the
country. A capital is also a place, and this document names places ("held in Vienna", "the
Doha Declaration", "in New York"), so a capital is read as its State only where the words
around it are about a government acting: a possessive, a vote or position word after it, a
question opening before it, or a question that is little more than the name ("and
Pyongyang?"). The capitals are data (``index/data/capitals.json``), validated so that none
is also the name of a country or a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from index.countries import (
    CountryMention,
    ResolutionStatus,
    all_member_names,
    fold_word,
    load_other_entities,
)

CAPITALS_FILE = Path(__file__).resolve().parent.parent / "data" / "capitals.json"

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"^(?:['’]s?\b|s\s+(?=position|stance|vote|take|view|delegat))")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|outside|around|via)\s*$")
_PLACE_AFTER = re.compile(
    r"^\s*(?:declaration|convention|congress|conference|forum|process|agreement|accord|"
    r"protocol|principles|programme|program|summit|consensus|round|talks|office|offices|"
    r"meeting|meetings|session|sessions|rules|charter|commitments?|group|expert|time|based)\b"
)
_ACTING_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:vot(?:e|ed|es|ing)|do|did|does|go|went|back(?:ed|s)?|"
    r"support(?:ed|s)?|oppos(?:e|ed|es)|abstain(?:ed|s)?|stand|stood|land(?:ed)?|say|said|"
    r"speak|spoke|(?:co-?)?sponsor(?:ed|s)?|position|stance|delegat(?:e|es|ion)|diplomats?|"
    r"envoys?|mission|government|representatives?|ambassadors?|stick|stuck|side|sided|"
    r"on (?:this|it|that|the)|yes|no|for|against|and|or|,|\?)\b",
)
_ASKING_BEFORE = re.compile(
    r"(?:^|\b(?:did|does|do|was|were|is|has|had|and|or|about|versus|vs|compare|with|than|"
    r"how|what|where|by|&)|[,/&])\s*$"
)
SHORT_QUESTION = 4
"""A question of at most this many other words is about the name itself ("and seoul?")."""


class Capital(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    state: str
    names: tuple[str, ...] = Field(min_length=1)


class CapitalList(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str
    as_of: str
    source: str
    capitals: tuple[Capital, ...]


@dataclass(frozen=True, slots=True)
class _Table:
    keys: dict[tuple[str, ...], str]
    prefixes: frozenset[tuple[str, ...]]


@cache
def load_capitals() -> CapitalList:
    return CapitalList.model_validate_json(CAPITALS_FILE.read_bytes())


@cache
def _table() -> _Table:
    keys: dict[tuple[str, ...], str] = {}
    for capital in load_capitals().capitals:
        for name in capital.names:
            words = tuple(fold_word(w) for w in _WORD.findall(name))
            keys[words[1:] if len(words) > 1 and words[0] == "the" else words] = capital.state
    prefixes = frozenset(key[:end] for key in keys for end in range(1, len(key) + 1))
    return _Table(keys=keys, prefixes=prefixes)


def known_states() -> frozenset[str]:
    """Every State or entity a capital may stand for."""
    return frozenset(all_member_names()) | {e.name for e in load_other_entities().entities}


@dataclass(frozen=True, slots=True)
class CapitalSpan:
    mention: CountryMention
    governs: bool
    """Whether the words around it make it the government rather than the place."""


def find_capitals(text: str) -> list[CountryMention]:
    """Capitals in ``text`` that stand for their government, as country mentions."""
    return [span.mention for span in capital_spans(text) if span.governs]


def capital_spans(text: str) -> list[CapitalSpan]:
    """Every capital named in ``text``, as a place or as a government: a capital's name
    wins over a country name inside it ("Port of Spain" is not Spain) or a country name
    guessed from it ("Manama" is not a typo for Panama)."""
    tokens = [(m.start(), m.end(), fold_word(m.group())) for m in _WORD.finditer(text)]
    found: list[CapitalSpan] = []
    index = 0
    while index < len(tokens):
        match = _longest_at(tokens, index)
        if match is None:
            index += 1
            continue
        last, state, glued = match
        start, end = tokens[index][0], tokens[last][1]
        governs = _governs(text, start, end, len(tokens) - (last - index + 1), glued=glued)
        found.append(CapitalSpan(mention=_mention(text, start, end, state), governs=governs))
        index = last + 1
    return found


def _longest_at(tokens: list[tuple[int, int, str]], index: int) -> tuple[int, str, bool] | None:
    """The last token and the State of the longest capital name starting at ``index``, and
    whether a possessive "s" was glued on without an apostrophe ("manilas position")."""
    table = _table()
    best: tuple[int, str, bool] | None = None
    words: tuple[str, ...] = ()
    for position in range(index, len(tokens)):
        word = tokens[position][2]
        if (*words, word) in table.keys:
            best = (position, table.keys[(*words, word)], False)
        elif word.endswith("s") and (*words, word[:-1]) in table.keys:
            best = (position, table.keys[(*words, word[:-1])], True)
        words = (*words, word)
        if words not in table.prefixes:
            break
    return best


def _governs(text: str, start: int, end: int, other_words: int, *, glued: bool) -> bool:
    """Whether the capital at ``text[start:end]`` names a government rather than a place."""
    before = text[max(0, start - 30) : start].casefold()
    after = text[end : end + 60].casefold()
    possessive = glued or _POSSESSIVE.match(after) is not None
    if _PLACE_BEFORE.search(before) or (not possessive and _PLACE_AFTER.match(after)):
        return False
    return (
        possessive
        or _ACTING_AFTER.match(after) is not None
        or _ASKING_BEFORE.search(before) is not None
        or other_words <= SHORT_QUESTION
    )


def _mention(text: str, start: int, end: int, state: str) -> CountryMention:
    """The State a capital stands for, by its exact name (a capital is never ambiguous:
    Brazzaville is the Congo, Kinshasa the Democratic Republic of the Congo)."""
    entity = next((e for e in load_other_entities().entities if e.name == state), None)
    if entity is None:
        return CountryMention(
            text=text[start:end], start=start, end=end, status=ResolutionStatus.MEMBER, name=state
        )
    return CountryMention(
        text=text[start:end],
        start=start,
        end=end,
        status=ResolutionStatus(entity.status.value),
        name=entity.name,
        description=entity.description,
        related_member=entity.related_member,
    )
