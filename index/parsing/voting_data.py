"""Voting-data files in the layout of the UN Digital Library's "General Assembly Voting Data".

A pure reader (bytes in, typed records out) so that the seeds loader and a check of an
uploaded file run the same code. A file is trusted whole or not at all: a total that does
not match its rows, a State the country data does not know, a repeated or contradictory row
or a vote code the data dictionary does not define each stop it with one ``ParseError`` line
that names the file and the row (the header is row 1, as a spreadsheet shows it). Column
meanings come from the published data dictionary (``index/data/voting_data_dictionary.json``);
a column it does not define is reported as unknown and not read.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from index.countries import all_member_names, canonical_name, load_member_states
from index.parsing.errors import ParseError
from index.records import Position, VotingRecord, VotingSource, VotingTotals

DICTIONARY_FILE = Path(__file__).resolve().parent.parent / "data" / "voting_data_dictionary.json"
MAX_FIELD_CHARS = 10_000
"""Longest cell read: titles and subject lists are far shorter; a longer one is no such file."""

_CAST = (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, Position.NOT_RECORDED)
_STATE_COLUMNS = ("ms_code", "ms_name", "ms_vote")
_TOTALS = (
    ("total_yes", Position.IN_FAVOUR),
    ("total_no", Position.AGAINST),
    ("total_abstentions", Position.ABSTAINING),
    ("total_non_voting", Position.NOT_RECORDED),
)
_JOINED = ("vote_note",)
"""Columns whose meaning does not say they hold one value per resolution: their distinct
values are kept together rather than required to agree."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ColumnMeaning(_Frozen):
    name: str
    required: bool
    meaning: str
    use: str


class VoteCode(_Frozen):
    code: str
    position: Position
    meaning: str


class VotingDictionary(_Frozen):
    """The published meaning of each column and vote code, and how this reader uses it."""

    source: str
    as_of: dt.date
    layout: str
    columns: tuple[ColumnMeaning, ...]
    vote_codes: tuple[VoteCode, ...]

    @model_validator(mode="after")
    def _check(self) -> VotingDictionary:
        names = [column.name for column in self.columns]
        if len(set(names)) != len(names):
            raise ValueError("a column is described twice")
        missing = {*_STATE_COLUMNS, *(name for name, _ in _TOTALS)} - set(names)
        if missing:
            raise ValueError(f"the reader needs columns the dictionary lacks: {sorted(missing)}")
        if any(code.position not in _CAST for code in self.vote_codes):
            raise ValueError("a vote code stands for a position no vote records")
        return self

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)

    @property
    def codes(self) -> dict[str, Position]:
        return {code.code: code.position for code in self.vote_codes}


@cache
def voting_dictionary() -> VotingDictionary:
    return VotingDictionary.model_validate_json(DICTIONARY_FILE.read_bytes())


class VotingFile(BaseModel):
    """What one file holds: a record per resolution, and the columns it could not read."""

    model_config = ConfigDict(frozen=True)

    records: tuple[VotingRecord, ...]
    unknown_columns: tuple[str, ...] = ()


def record_id(resolution: str) -> str:
    """A resolution symbol as an id: "A/RES/74/247" -> "a-res-74-247"."""
    return re.sub(r"[^a-z0-9]+", "-", resolution.casefold()).strip("-")


def default_source(name: str) -> VotingSource:
    """How answers name a file that came without a description of its origin."""
    return VotingSource(citation=f"the voting-data file {name}")


def read_voting_data(data: bytes, name: str, origin: VotingSource | None = None) -> VotingFile:
    """Every resolution in ``data`` (a file called ``name``); raises ``ParseError``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(name, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    rows = _rows(text, name)
    header = next(rows, None)
    if header is None:
        raise ParseError(name, "the file is empty; a voting-data file starts with a header row")
    columns, unknown = _columns(header[1], name)
    groups: dict[str, _Resolution] = {}
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header[1]):
            raise _error(name, number, f"{len(cells)} fields where the header has {len(header[1])}")
        row = {column: cells[index].strip() for column, index in columns.items()}
        resolution = row["resolution"]
        if not resolution:
            raise _error(name, number, "no resolution symbol in the resolution column")
        group = groups.setdefault(resolution, _Resolution(first=number, values=row))
        group.add(number, row, name)
    if not groups:
        raise ParseError(name, "no rows after the header")
    sha256 = hashlib.sha256(data).hexdigest()
    source = origin or default_source(name)
    records = tuple(group.record(name, sha256, source) for group in groups.values())
    return VotingFile(records=records, unknown_columns=unknown)


def _rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them; a malformed one is a ``ParseError``."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _error(name, number, f"not valid CSV ({error})") from None
        if any(len(cell) > MAX_FIELD_CHARS for cell in cells):
            raise _error(name, number, f"a field longer than {MAX_FIELD_CHARS:,} characters")
        yield number, cells


def _columns(header: Sequence[str], name: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """Where each column the dictionary defines is, and the columns it does not define."""
    known = {column.name for column in voting_dictionary().columns}
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, raw in enumerate(header):
        column = raw.strip().casefold()
        if column in found:
            raise _error(name, 1, f"the column {column} appears twice")
        if column in known:
            found[column] = index
        elif column:
            unknown.append(raw.strip())
    missing = [column for column in voting_dictionary().required if column not in found]
    if missing:
        raise _error(
            name,
            1,
            f"missing the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"of the {voting_dictionary().layout} layout",
        )
    return found, tuple(unknown)


def _error(name: str, row: int, reason: str) -> ParseError:
    return ParseError(f"{name} row {row}", reason)


@dataclass
class _Resolution:
    """One resolution's rows as they are read, checked against each other on the way."""

    first: int
    values: Mapping[str, str]
    positions: dict[str, tuple[Position, int, str]] = field(default_factory=dict)
    joined: dict[str, list[str]] = field(default_factory=dict)

    def add(self, number: int, row: Mapping[str, str], name: str) -> None:
        for column, value in row.items():
            if column in _STATE_COLUMNS:
                continue
            if column in _JOINED:
                if value and value not in self.joined.setdefault(column, []):
                    self.joined[column].append(value)
                continue
            if value != self.values[column]:
                raise _error(
                    name,
                    number,
                    f"{column} {value!r} for {row['resolution']} differs from "
                    f"{self.values[column]!r} in row {self.first}",
                )
        state = _state(number, row, name)
        code = row["ms_vote"].upper()
        position = voting_dictionary().codes.get(code)
        if position is None:
            *codes, last = [c.code or "blank" for c in voting_dictionary().vote_codes]
            expected = f"{', '.join(codes)} or {last}"
            raise _error(
                name,
                number,
                f"unknown vote code {row['ms_vote']!r} for {state} (expected {expected})",
            )
        earlier = self.positions.get(state)
        if earlier is not None:
            before, row_before, code_before = earlier
            if before is position:
                raise _error(
                    name, number, f"repeats row {row_before} ({state} on {row['resolution']})"
                )
            raise _error(
                name,
                number,
                f"{state}'s vote on {row['resolution']} is {code or 'blank'} here but "
                f"{code_before or 'blank'} in row {row_before}",
            )
        self.positions[state] = (position, number, code)

    def record(self, name: str, sha256: str, origin: VotingSource) -> VotingRecord:
        values = self.values
        totals = self._totals(name)
        resolution = values["resolution"]
        by_position = {
            position: tuple(
                state
                for state in all_member_names()
                if state in self.positions and self.positions[state][0] is position
            )
            for position in _CAST
        }
        optional = {
            column: values.get(column) or None
            for column in (
                "draft",
                "committee_report",
                "session",
                "meeting",
                "agenda_title",
                "subjects",
                "undl_id",
                "undl_link",
            )
        }
        return VotingRecord(
            id=record_id(resolution),
            source=name,
            sha256=sha256,
            resolution=resolution,
            title=self._needed("title", name),
            date=self._date(name),
            vote_note="; ".join(self.joined.get("vote_note", [])) or None,
            in_favour=by_position[Position.IN_FAVOUR],
            against=by_position[Position.AGAINST],
            abstaining=by_position[Position.ABSTAINING],
            not_recorded=by_position[Position.NOT_RECORDED],
            totals=totals,
            origin=origin,
            **optional,
        )

    def _needed(self, column: str, name: str) -> str:
        value = self.values[column]
        if not value:
            raise _error(name, self.first, f"no {column} for {self.values['resolution']}")
        return value

    def _date(self, name: str) -> dt.date:
        value = self._needed("date", name)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _error(
                name, self.first, f"date {value!r} is not a date written YYYY-MM-DD"
            ) from None

    def _totals(self, name: str) -> VotingTotals:
        """The stated totals, each checked against the rows it counts."""
        resolution = self.values["resolution"]
        stated: dict[str, int] = {}
        for column in (*(c for c, _ in _TOTALS), "total_ms"):
            value = self.values[column]
            if not value.isdigit():
                raise _error(name, self.first, f"{column} {value!r} is not a whole number")
            stated[column] = int(value)
        for column, position in _TOTALS:
            counted = sum(1 for p, _, _ in self.positions.values() if p is position)
            codes = "/".join(
                c.code or "blank" for c in voting_dictionary().vote_codes if c.position is position
            )
            if counted != stated[column]:
                raise _error(
                    name,
                    self.first,
                    f"{column} says {stated[column]} but {counted} rows of {resolution} "
                    f"vote {codes}",
                )
        if stated["total_ms"] != len(self.positions):
            raise _error(
                name,
                self.first,
                f"total_ms says {stated['total_ms']} but {resolution} has "
                f"{len(self.positions)} rows",
            )
        return VotingTotals(
            yes=stated["total_yes"],
            no=stated["total_no"],
            abstentions=stated["total_abstentions"],
            non_voting=stated["total_non_voting"],
            members=stated["total_ms"],
        )


def _state(number: int, row: Mapping[str, str], name: str) -> str:
    """The Member State a row is about; its code and its name must agree."""
    code, written = row["ms_code"], row["ms_name"]
    by_code = _codes().get(code.upper())
    by_name = canonical_name(written) if written else None
    if by_code is None:
        raise _error(name, number, f"unknown Member State code {code!r} (ms_name {written!r})")
    if by_name is None:
        raise _error(name, number, f"unknown Member State name {written!r} (ms_code {code!r})")
    if by_code != by_name:
        raise _error(
            name,
            number,
            f"ms_code {code!r} is {by_code} but ms_name {written!r} is {by_name}",
        )
    return by_code


@cache
def _codes() -> dict[str, str]:
    return {member.iso3: member.name for member in load_member_states().members}
