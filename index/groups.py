"""Groups of States, as of a date: UN regional groups, the EU, blocs and the Security Council.

Answers about "the African Group" or "the G7" count the group's members on the document's
date, so every membership carries its dates (the United Kingdom left the European Union on
31 January 2020; North Macedonia joined NATO on 27 March 2020) and a role: a suspended member
or a mere participant is listed, with a note a user can read, but not counted. Members that
are not UN Member States (the EU in the G20, the State of Palestine in the Arab League) are
kept apart, so an answer can say they do not vote instead of silently dropping them.

The data lives in ``index/data/groups/*.json`` with the source of each group. Loading
validates it: member names must be the canonical names of ``member_states.json``, and no
group name or alias may also name a country, so a question's country and group readings can
never collide.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from functools import cache
from itertools import combinations
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from index.countries import (
    all_member_names,
    canonical_name,
    fold_word,
    load_member_states,
    load_other_entities,
    normalise,
)
from index.language.stemming import fold_plural

GROUPS_DIR = Path(__file__).parent / "data" / "groups"
REGIONAL_GROUP_IDS = (
    "african-group",
    "asia-pacific-group",
    "eastern-european-group",
    "grulac",
    "weog",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class GroupKind(StrEnum):
    REGIONAL = "regional"
    GEOGRAPHIC = "geographic"
    UNION = "union"
    BLOC = "bloc"
    COUNCIL = "council"


class MemberRole(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"
    PARTICIPANT = "participant"
    SUSPENDED = "suspended"


def _spans(since: dt.date | None, until: dt.date | None, date: dt.date | None) -> bool:
    """Whether ``[since, until]`` holds ``date``; an undated document is read as of today."""
    day = dt.date.today() if date is None else date
    return (since is None or since <= day) and (until is None or day <= until)


def _check_order(label: str, since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and until < since:
        raise ValueError(f"{label}: until {until} is before since {since}")


class Membership(_Frozen):
    """One State's place in a group over one stretch of time (``until`` is inclusive)."""

    name: str = Field(min_length=1)
    since: dt.date | None = None
    until: dt.date | None = None
    role: MemberRole = MemberRole.MEMBER
    counted: bool = True
    note: str | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        _check_order(self.name, self.since, self.until)
        if self.role is MemberRole.SUSPENDED and self.counted:
            raise ValueError(f"{self.name}: a suspended member is never counted")
        return self

    def on(self, date: dt.date | None) -> bool:
        """Whether this stretch covers ``date`` (undated documents: today's membership)."""
        return _spans(self.since, self.until, date)


class NonStateMember(_Frozen):
    """A member that is not a UN Member State and so casts no vote (the EU in the G20)."""

    name: str = Field(min_length=1)
    note: str = Field(min_length=1)
    since: dt.date | None = None
    until: dt.date | None = None
    role: MemberRole = MemberRole.MEMBER

    @model_validator(mode="after")
    def _dates_in_order(self) -> NonStateMember:
        _check_order(self.name, self.since, self.until)
        return self

    def on(self, date: dt.date | None) -> bool:
        return _spans(self.since, self.until, date)


class PublishedSize(_Frozen):
    """A size a source states for a date: the number of Member States counted on ``on``."""

    on: dt.date
    states: int = Field(ge=0)
    source: str = Field(min_length=1)
    note: str | None = None


class Group(_Frozen):
    """A named group of States.

    ``aliases`` are what people type ("WEOG", "the Africans"); the reader normalises case and
    accents. ``entity`` names the ``other_entities.json`` entry that is this group itself (the
    European Union is also a General Assembly observer), the only country-like name its
    aliases may share. ``short_name`` is for display only.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    short_name: str | None = None
    kind: GroupKind
    aliases: tuple[str, ...]
    source: str = Field(min_length=1)
    as_of: dt.date
    references: tuple[str, ...] = ()
    note: str | None = None
    entity: str | None = None
    members: tuple[Membership, ...] = Field(min_length=1)
    non_state_members: tuple[NonStateMember, ...] = ()
    published_sizes: tuple[PublishedSize, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Group:
        unknown = sorted({m.name for m in self.members} - _member_names())
        if unknown:
            raise ValueError(f"{self.id}: not canonical Member State names: {unknown}")
        states = [m.name for m in self.non_state_members if canonical_name(m.name) is not None]
        if states:
            raise ValueError(f"{self.id}: Member States listed as non-State members: {states}")
        _no_overlaps(self.id, self.members)
        _no_overlaps(self.id, self.non_state_members)
        _no_country_names(self)
        for size in self.published_sizes:
            counted = len(self.members_on(size.on))
            if counted != size.states:
                raise ValueError(
                    f"{self.id}: {counted} members counted on {size.on}, "
                    f"but the source says {size.states}"
                )
        return self

    def members_on(self, date: dt.date | None) -> tuple[str, ...]:
        """Counted members on ``date``, in UN alphabetical order."""
        names = {m.name for m in self.members if m.counted and m.on(date)}
        return tuple(name for name in all_member_names() if name in names)

    def notes_on(self, date: dt.date | None) -> tuple[str, ...]:
        """The notes an answer about this group on ``date`` should carry.

        Those of the memberships in force that day (Turkey takes part but is counted
        elsewhere, Syria is suspended...), then those of its non-State members.
        """
        order = {name: rank for rank, name in enumerate(all_member_names())}
        notes = [
            m.note
            for m in sorted(self.members, key=lambda m: order[m.name])
            if m.note and m.on(date)
        ]
        notes += [m.note for m in self.non_state_members if m.on(date)]
        return tuple(dict.fromkeys(notes))

    def notes_of(self, country: str) -> tuple[str, ...]:
        """What the data says of one State's place in the group, over all its stretches
        ("The United Kingdom left the European Union on 31 January 2020")."""
        return tuple(dict.fromkeys(m.note for m in self.members if m.name == country and m.note))

    def has(self, country: str, date: dt.date | None) -> bool:
        """Whether ``country`` is a counted member on ``date``."""
        return any(m.name == country and m.counted and m.on(date) for m in self.members)

    def non_state_members_on(self, date: dt.date | None) -> tuple[NonStateMember, ...]:
        return tuple(m for m in self.non_state_members if m.on(date))


def _no_overlaps(group_id: str, stretches: Iterable[Membership | NonStateMember]) -> None:
    by_name: dict[str, list[Membership | NonStateMember]] = {}
    for stretch in stretches:
        by_name.setdefault(stretch.name, []).append(stretch)
    for name, mine in by_name.items():
        for first, second in combinations(mine, 2):
            if _overlap(first, second):
                raise ValueError(f"{group_id}: {name} is listed twice on overlapping dates")


def _overlap(first: Membership | NonStateMember, second: Membership | NonStateMember) -> bool:
    lowest, highest = dt.date.min, dt.date.max
    return (first.since or lowest) <= (second.until or highest) and (second.since or lowest) <= (
        first.until or highest
    )


@cache
def _member_names() -> frozenset[str]:
    return frozenset(all_member_names())


@cache
def _other_country_keys() -> dict[str, str]:
    """Keys a country lookup answers to beyond Member States' labels and codes.

    Those are ``canonical_name``'s; these are the words that name several States ("Korea")
    and the observers and non-members ("Vatican").
    """
    keys: dict[str, str] = {}
    for term in load_member_states().ambiguous_terms:
        keys[normalise(term.term)] = " or ".join(term.candidates)
    for entity in load_other_entities().entities:
        for label in (entity.name, *entity.aliases):
            keys[normalise(label)] = entity.name
        for code in entity.codes:
            keys[code.casefold()] = entity.name
    return keys


def _no_country_names(group: Group) -> None:
    """Reject a group name or alias that a country lookup would also answer to."""
    for label in (group.name, *group.aliases):
        named = canonical_name(label) or _other_country_keys().get(normalise(label))
        if named is not None and named != group.entity:
            raise ValueError(f"{group.id}: {label!r} already names {named}")


def alias_key(text: str) -> str:
    """How two spellings are compared across groups: no case, accents, "the" or punctuation.

    Deliberately coarser than the reader's matching ("G-7" and "G7" share a key), so no two
    groups can ever be confused by it.
    """
    words = [fold_word(word) for word in re.findall(r"[^\W_]+", text)]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


class GroupFile(_Frozen):
    about: str
    groups: tuple[Group, ...]


def _check_collection(groups: tuple[Group, ...]) -> None:
    ids = [group.id for group in groups]
    duplicates = sorted({group_id for group_id in ids if ids.count(group_id) > 1})
    if duplicates:
        raise ValueError(f"duplicate group ids: {duplicates}")
    owner: dict[str, str] = {}
    for group in groups:
        for label in (group.name, *group.aliases):
            key = alias_key(label)
            if not key:
                raise ValueError(f"{group.id}: empty alias {label!r}")
            if owner.setdefault(key, group.id) != group.id:
                raise ValueError(f"{label!r} names both {owner[key]} and {group.id}")
    missing = [group_id for group_id in REGIONAL_GROUP_IDS if group_id not in ids]
    if missing:
        raise ValueError(f"missing regional groups: {missing}")


def read_groups(directory: Path) -> tuple[Group, ...]:
    """Every group in ``directory``'s JSON files, validated as a whole.

    Ordered regional groups first, then unions, blocs and councils (file order within a kind),
    so a list of a country's groups reads from the most general to the most particular.
    """
    found = [
        group
        for path in sorted(directory.glob("*.json"))
        for group in GroupFile.model_validate_json(path.read_bytes()).groups
    ]
    kinds = list(GroupKind)
    groups = tuple(sorted(found, key=lambda group: kinds.index(group.kind)))
    _check_collection(groups)
    return groups


@cache
def load_groups() -> tuple[Group, ...]:
    return read_groups(GROUPS_DIR)


@cache
def _by_id() -> dict[str, Group]:
    return {group.id: group for group in load_groups()}


_GENERIC_GROUP_WORDS = frozenset(
    {"the", "of", "and", "countries", "country", "states", "state", "nations", "nation"}
    | {"members", "member", "group", "groups", "governments", "government"}
)


def groups_sharing_words(phrase: str) -> tuple[Group, ...]:
    """The groups whose names share a word with ``phrase`` ("island" -> the small island
    developing States), to suggest when the phrase itself names none."""
    asked = {
        fold_plural(w)
        for w in re.findall(r"[a-z]+", phrase.casefold())
        if w not in _GENERIC_GROUP_WORDS
    }
    return tuple(
        group
        for group in load_groups()
        if asked
        & {
            fold_plural(w)
            for name in (group.name, group.short_name or "", *group.aliases)
            for w in re.findall(r"[a-z]+", name.casefold())
            if w not in _GENERIC_GROUP_WORDS
        }
    )


def group_by_id(group_id: str) -> Group:
    """The group with this id; ``KeyError`` for an unknown id."""
    return _by_id()[group_id]


def regional_groups() -> tuple[Group, ...]:
    """The five UN regional groups: African, Asia-Pacific, Eastern European, GRULAC, WEOG."""
    return tuple(group_by_id(group_id) for group_id in REGIONAL_GROUP_IDS)


def groups_of(country: str, date: dt.date | None) -> tuple[Group, ...]:
    """The groups that count ``country`` as a member on ``date``."""
    return tuple(group for group in load_groups() if group.has(country, date))


def speaks_for(behalf: str, country: str, date: dt.date | None) -> bool:
    """Whether a statement "on behalf of ``behalf``" on ``date`` spoke for ``country``."""
    if behalf == country:
        return True
    return any(group.has(country, date) for group in _speaking_groups(behalf))


@cache
def _speaking_groups(behalf: str) -> tuple[Group, ...]:
    """The groups a statement "on behalf of ``behalf``" names.

    A geographic region is no body and never speaks ("the Group of Eastern European States"
    is not every European State), and a name inside a longer one names the longer group only:
    "the Pacific Small Island Developing States" are not all the small island developing
    States, though "the Group of 77 and China" still speaks for each member of the Group.
    """
    named = [g for g in load_groups() if g.kind is not GroupKind.GEOGRAPHIC and g.name in behalf]
    return tuple(g for g in named if not any(g.name in h.name != g.name for h in named))
