"""Groups of States a delegation can speak for ("the European Union and its member States").

A statement made on behalf of a group speaks for each of its members, so "did France make a
statement?" must find Finland's statement for the European Union.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from index.countries import canonical_name

GROUPS_FILE = Path(__file__).parent / "data" / "groups.json"


class Group(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    as_of: str
    members: tuple[str, ...]

    @model_validator(mode="after")
    def _members_are_states(self) -> Group:
        unknown = [name for name in self.members if canonical_name(name) != name]
        if unknown:
            raise ValueError(f"{self.name}: not canonical Member State names: {unknown}")
        return self


class GroupList(BaseModel):
    groups: tuple[Group, ...]


@cache
def load_groups() -> tuple[Group, ...]:
    return GroupList.model_validate_json(GROUPS_FILE.read_bytes()).groups


def groups_of(country: str) -> tuple[Group, ...]:
    """The groups ``country`` belonged to when the report was written."""
    return tuple(group for group in load_groups() if country in group.members)


def speaks_for(behalf: str, country: str) -> bool:
    """Whether a statement "on behalf of ``behalf``" spoke for ``country``."""
    return behalf == country or any(group.name in behalf for group in groups_of(country))
