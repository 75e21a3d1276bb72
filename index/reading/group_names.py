"""Finding groups of States in running text ("which EU countries…", "the Africans", "WEOG").

Group names and aliases are data (``index/data/groups/``), validated so that none also names
a country; here they are matched like country names: whole words, longest phrase first, case
and accents ignored, so "African Union" wins over "African" and "the Gulf states" over
"the Gulf".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from index.groups import Group, load_groups

_WORD = re.compile(r"[^\W_]+")


def _fold(word: str) -> str:
    """Case and accents off; digits kept, unlike country names ("G7" is not "G20")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _key(label: str) -> str:
    return " ".join(_fold(word) for word in _WORD.findall(label))


@dataclass(frozen=True, slots=True)
class GroupSpan:
    group: Group
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Table:
    keys: dict[str, Group]
    longest: int


@cache
def _table() -> _Table:
    keys: dict[str, Group] = {}
    for group in load_groups():
        for label in (group.name, group.short_name or group.name, *group.aliases):
            key = _key(label)
            keys[key.removeprefix("the ") if key.count(" ") else key] = group
    return _Table(keys=keys, longest=max(len(key.split()) for key in keys))


def find_groups(text: str) -> list[GroupSpan]:
    """Groups named in ``text``, left to right, longest phrase first, each span once."""
    table = _table()
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
    found: list[GroupSpan] = []
    index = 0
    while index < len(tokens):
        match = _match_at(tokens, index, table)
        if match is None:
            index += 1
            continue
        length, group = match
        start, end = tokens[index][0], tokens[index + length - 1][1]
        found.append(GroupSpan(group=group, start=start, end=end, text=text[start:end]))
        index += length
    return found


def _match_at(
    tokens: list[tuple[int, int, str]], index: int, table: _Table
) -> tuple[int, Group] | None:
    longest = min(table.longest + 1, len(tokens) - index)
    for length in range(longest, 0, -1):
        norms = [norm for _, _, norm in tokens[index : index + length]]
        if norms[0] == "the" and length > 1:
            norms = norms[1:]
        group = table.keys.get(" ".join(part for part in norms if part))
        if group is not None:
            return length, group
    return None
