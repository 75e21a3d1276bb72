"""Groups of States a delegation can speak for ("the European Union and its member States").

A statement made on behalf of a group speaks for each of its members, so "did France make a
statement?" must find Finland's statement for the European Union. Membership changes over
time (the United Kingdom left the European Union on 31 January 2020), so it is read as of the
document's date.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from index.countries import canonical_name

GROUPS_FILE = Path(__file__).parent / "data" / "groups.json"


class Membership(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    until: dt.date | None = None

    def on(self, date: dt.date | None) -> bool:
        """Whether the State was a member on ``date`` (undated documents: current members)."""
        if self.until is None:
            return True
        return date is not None and date <= self.until


class Group(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    members: tuple[Membership, ...]

    @model_validator(mode="after")
    def _members_are_states(self) -> Group:
        unknown = [m.name for m in self.members if canonical_name(m.name) != m.name]
        if unknown:
            raise ValueError(f"{self.name}: not canonical Member State names: {unknown}")
        return self

    def has(self, country: str, date: dt.date | None) -> bool:
        return any(m.name == country and m.on(date) for m in self.members)


class GroupList(BaseModel):
    groups: tuple[Group, ...]


@cache
def load_groups() -> tuple[Group, ...]:
    return GroupList.model_validate_json(GROUPS_FILE.read_bytes()).groups


def speaks_for(behalf: str, country: str, date: dt.date | None) -> bool:
    """Whether a statement "on behalf of ``behalf``" on ``date`` spoke for ``country``."""
    if behalf == country:
        return True
    return any(group.name in behalf and group.has(country, date) for group in load_groups())
