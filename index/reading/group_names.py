"""Finding groups of States in running text ("which EU countries…", "the Africans", "WEOG").

Group names and aliases are data (``index/data/groups/``), validated so that none also names
a country; here they are matched like country names: whole words, longest phrase first, case
and accents ignored, so "African Union" wins over "African" and "the Gulf states" over
"the Gulf".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from index.countries import fold_word
from index.groups import Group, load_groups

_WORD = re.compile(r"[^\W_]+")
"""Words with their digits: unlike a country name, "G7" is not "G20"."""
_TOKEN = re.compile(r"[^\W_]+|&")
"""Words, and "&" read as "and": "Latin America & Caribbean"."""


_SINGULAR = {"countries": "country", "states": "state", "nations": "nation", "members": "member"}
"""A name for the members read in the singular too: "any African country"."""


@dataclass(frozen=True, slots=True)
class GroupSpan:
    group: Group
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Table:
    keys: dict[tuple[str, ...], Group]
    prefixes: frozenset[tuple[str, ...]]
    """Every beginning of a key, so a scan stops as soon as no name can continue."""


@cache
def _table() -> _Table:
    keys: dict[tuple[str, ...], Group] = {}
    for group in load_groups():
        for label in (group.name, group.short_name or group.name, *group.aliases):
            words = tuple(fold_word(word) for word in _WORD.findall(label))
            if len(words) > 1 and words[0] == "the":
                words = words[1:]
            keys[words] = group
            keys.setdefault(tuple(word for word in words if word != "the"), group)
            singular = _SINGULAR.get(words[-1])
            if singular is not None and len(words) > 1:
                keys.setdefault((*words[:-1], singular), group)
    prefixes = frozenset(key[:end] for key in keys for end in range(1, len(key) + 1))
    return _Table(keys=keys, prefixes=prefixes)


def find_groups(text: str) -> list[GroupSpan]:
    """Groups named in ``text``, left to right, longest phrase first, each span once.

    Linear in the length of ``text``: from each word the scan goes only as far as some group
    name could still continue.
    """
    table = _table()
    tokens = [
        (m.start(), m.end(), "and" if m.group() == "&" else fold_word(m.group()))
        for m in _TOKEN.finditer(text)
    ]
    found: list[GroupSpan] = []
    index = 0
    while index < len(tokens):
        first = index + 1 if tokens[index][2] == "the" else index
        match = _longest_at(tokens, first, table)
        if match is None:
            index += 1
            continue
        end_index, group = match
        start, end = tokens[index][0], tokens[end_index][1]
        found.append(GroupSpan(group=group, start=start, end=end, text=text[start:end]))
        index = end_index + 1
    return found


def _longest_at(
    tokens: list[tuple[int, int, str]], index: int, table: _Table
) -> tuple[int, Group] | None:
    """The last token index and group of the longest name starting at ``index``."""
    best: tuple[int, Group] | None = None
    words: tuple[str, ...] = ()
    for position in range(index, len(tokens)):
        words = (*words, tokens[position][2])
        if words not in table.prefixes:
            break
        group = table.keys.get(words)
        if group is not None:
            best = (position, group)
    return best
