"""The voting-data reader: the shipped plenary file reads whole, and every kind of bad file is
refused with one line that names the file and the row."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from index.parsing.errors import ParseError
from index.parsing.voting_data import read_voting_data, record_id, voting_dictionary
from index.records import VotingSource
from index.settings import PROJECT_ROOT

SEED_CSV = PROJECT_ROOT / "seeds" / "plenary-a-res-74-247.csv"
NAME = "plenary.csv"

Rows = list[dict[str, str]]


def seed_rows() -> Rows:
    return list(csv.DictReader(io.StringIO(SEED_CSV.read_text(encoding="utf-8"))))


def as_csv(rows: Rows, columns: list[str] | None = None) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns or list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def row_of(rows: Rows, name: str) -> int:
    """The spreadsheet row of a State: the header is row 1."""
    return next(index for index, row in enumerate(rows) if row["ms_name"] == name) + 2


def test_the_shipped_plenary_vote_reads_whole() -> None:
    (record,) = read_voting_data(SEED_CSV.read_bytes(), NAME).records
    assert (record.id, record.resolution, record.draft) == (
        "a-res-74-247",
        "A/RES/74/247",
        "A/C.3/74/L.11/Rev.1",
    )
    assert record.date.isoformat() == "2019-12-27"
    sizes = [len(record.in_favour), len(record.against), len(record.abstaining)]
    assert [*sizes, len(record.not_recorded)] == [79, 60, 33, 21]
    assert record.totals.members == 193
    assert "Cabo Verde" in record.against and "Republic of Moldova" in record.against
    assert record.undl_id is None and record.meeting is None, "empty columns stay empty"
    assert record.origin.citation == f"the voting-data file {NAME}"


def test_the_origin_given_is_carried_with_every_record() -> None:
    origin = VotingSource(citation="Someone's data", licence="CC0", caveat="Silence is silence.")
    (record,) = read_voting_data(SEED_CSV.read_bytes(), NAME, origin).records
    assert record.origin == origin


def test_names_and_codes_are_read_in_any_case_and_a_bom_is_ignored() -> None:
    rows = seed_rows()
    for row in rows:
        row["ms_name"] = row["ms_name"].upper()
        row["ms_code"] = row["ms_code"].lower()
    (record,) = read_voting_data(b"\xef\xbb\xbf" + as_csv(rows), NAME).records
    assert "Côte d'Ivoire" in record.abstaining and "Cabo Verde" in record.against


def test_a_blank_vote_is_read_as_not_recorded_like_x() -> None:
    rows = seed_rows()
    rows[row_of(rows, "Afghanistan") - 2]["ms_vote"] = ""
    (record,) = read_voting_data(as_csv(rows), NAME).records
    assert "Afghanistan" in record.not_recorded and len(record.not_recorded) == 21


def test_a_column_the_dictionary_does_not_define_is_named_not_read() -> None:
    rows = [{**row, "colour": "blue"} for row in seed_rows()]
    read = read_voting_data(as_csv(rows), NAME)
    assert read.unknown_columns == ("colour",)


def test_several_resolutions_in_one_file_are_several_records() -> None:
    rows = seed_rows()
    other = [{**row, "resolution": "A/RES/74/999", "draft": ""} for row in rows]
    first, second = read_voting_data(as_csv(rows + other), NAME).records
    assert (first.id, second.id) == ("a-res-74-247", record_id("A/RES/74/999"))
    assert second.draft is None


def _set(name: str, column: str, value: str) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        rows[row_of(rows, name) - 2][column] = value
        return rows

    return change


def _totals(column: str, value: str) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        return [{**row, column: value} for row in rows]

    return change


def _duplicate(name: str, vote: str | None = None) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        copy = dict(rows[row_of(rows, name) - 2])
        copy["ms_vote"] = vote if vote is not None else copy["ms_vote"]
        return [*rows, copy]

    return change


def _drop(name: str) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        return [row for row in rows if row["ms_name"] != name]

    return change


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            _totals("total_yes", "80"),
            f"{NAME} row 2: total_yes says 80 but 79 rows of A/RES/74/247 vote Y",
        ),
        (
            _totals("total_non_voting", "20"),
            f"{NAME} row 2: total_non_voting says 20 but 21 rows of A/RES/74/247 vote X/blank",
        ),
        (
            _drop("Cabo Verde"),
            f"{NAME} row 2: total_no says 60 but 59 rows of A/RES/74/247 vote N",
        ),
        (
            _set("Cabo Verde", "ms_name", "Atlantis"),
            f"{NAME} row 30: unknown Member State name 'Atlantis' (ms_code 'CPV')",
        ),
        (
            _set("Cabo Verde", "ms_code", "ATL"),
            f"{NAME} row 30: unknown Member State code 'ATL' (ms_name 'Cabo Verde')",
        ),
        (
            _set("Cabo Verde", "ms_code", "FRA"),
            f"{NAME} row 30: ms_code 'FRA' is France but ms_name 'Cabo Verde' is Cabo Verde",
        ),
        (
            _set("Cabo Verde", "ms_vote", "Q"),
            f"{NAME} row 30: unknown vote code 'Q' for Cabo Verde (expected Y, N, A, X or blank)",
        ),
        (
            _duplicate("Cabo Verde"),
            f"{NAME} row 195: repeats row 30 (Cabo Verde on A/RES/74/247)",
        ),
        (
            _duplicate("Cabo Verde", "Y"),
            f"{NAME} row 195: Cabo Verde's vote on A/RES/74/247 is Y here but N in row 30",
        ),
        (
            _set("Cabo Verde", "date", "2019-12-28"),
            f"{NAME} row 30: date '2019-12-28' for A/RES/74/247 differs from '2019-12-27' in row 2",
        ),
        (
            _totals("date", "27/12/2019"),
            f"{NAME} row 2: date '27/12/2019' is not a date written YYYY-MM-DD",
        ),
        (
            _totals("total_ms", "many"),
            f"{NAME} row 2: total_ms 'many' is not a whole number",
        ),
        (
            _set("Cabo Verde", "resolution", ""),
            f"{NAME} row 30: no resolution symbol in the resolution column",
        ),
    ],
)
def test_a_bad_row_is_one_line_naming_the_file_and_the_row(
    change: Callable[[Rows], Rows], line: str
) -> None:
    with pytest.raises(ParseError) as raised:
        read_voting_data(as_csv(change(seed_rows())), NAME)
    assert str(raised.value) == line
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"", f"{NAME}: the file is empty; a voting-data file starts with a header row"),
        (b"\xff\xfe not text", f"{NAME}: not UTF-8 text (invalid start byte at byte 0)"),
        (
            b"ms_code,ms_name\nFRA,France\n",
            f"{NAME} row 1: missing the columns ms_vote, date, resolution, title, total_yes, "
            "total_no, total_abstentions, total_non_voting, total_ms of the UN Digital "
            "Library “General Assembly Voting Data” CSV: one row per Member State per "
            "resolution layout",
        ),
    ],
)
def test_a_file_that_is_no_voting_data_is_one_line(data: bytes, line: str) -> None:
    with pytest.raises(ParseError) as raised:
        read_voting_data(data, NAME)
    assert str(raised.value) == line


def test_a_short_row_and_a_header_without_rows_are_refused() -> None:
    text = SEED_CSV.read_text(encoding="utf-8").splitlines()
    with pytest.raises(ParseError, match=rf"^{NAME} row 3: 3 fields where the header has 20$"):
        read_voting_data("\n".join([*text[:2], "a,b,c", *text[2:]]).encode(), NAME)
    with pytest.raises(ParseError, match=rf"^{NAME}: no rows after the header$"):
        read_voting_data(text[0].encode(), NAME)


def test_the_dictionary_defines_the_layout_it_is_read_by() -> None:
    dictionary = voting_dictionary()
    header = SEED_CSV.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [column.name for column in dictionary.columns]
    assert "digitallibrary.un.org/record/4060887" in dictionary.source
    assert {code.code for code in dictionary.vote_codes} == {"Y", "N", "A", "X", ""}
