"""A document offered by a moderator: checked whole, written atomically, indexed alone."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from index.engine import Engine
from index.parsing.document import parse_document
from index.search.models import ChangeKind, ReadyAction
from index.settings import EngineSettings
from tests.index.conftest import SEED_ID, SEEDS
from tests.index.parsing.reports import JOURNALISTS, RURAL_WATER
from tests.index.parsing.un_layout import as_pdf, as_text
from tests.index.search.helpers import FakeEmbedder


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / f"{SEED_ID}.md", seeds)
    engine = Engine(
        EngineSettings(seeds_dir=seeds, data_dir=tmp_path / "data"), embedder=FakeEmbedder()
    )
    assert engine.warm_up().ok
    return engine


def listing(engine: Engine) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in engine.settings.seeds_dir.iterdir()}


def test_adding_a_txt_report_indexes_it_and_says_what_changed(engine: Engine) -> None:
    embedder = engine._embedder
    assert isinstance(embedder, FakeEmbedder)
    embedder.encoded.clear()
    report = engine.add("water.txt", as_text(RURAL_WATER.read_text(encoding="utf-8")).encode())
    assert report.ok and report.action is ReadyAction.BUILT
    (document, vote) = report.sources
    assert (document.kind, document.id, document.change) == ("document", "water", ChangeKind.ADDED)
    water = parse_document(RURAL_WATER.read_text(encoding="utf-8"), document_id="w", source="w")
    assert document.paragraphs == len(water.paragraphs)
    assert document.title.startswith("Report of the Third")
    assert (vote.kind, vote.id, vote.change) == ("vote", "A/C.3/75/L.21/Rev.1", ChangeKind.ADDED)
    assert vote.title.endswith(": 120–12–40")
    assert (
        report.documents_added == ["water"] and (engine.settings.seeds_dir / "water.txt").exists()
    )
    assert report.texts_encoded == len(set(embedder.encoded)) < report.vectors
    assert all(text not in SEEDS.joinpath(f"{SEED_ID}.md").read_text() for text in embedder.encoded)
    assert "Nepal" in engine.vote("Nepal").text


def test_adding_a_pdf_report_works_the_same(engine: Engine) -> None:
    report = engine.add("journalists.pdf", as_pdf(JOURNALISTS.read_text(encoding="utf-8")))
    assert report.ok and next(change.id for change in report.sources) == "journalists"


def test_replacing_a_report_by_its_name_is_a_change(engine: Engine) -> None:
    text = (SEEDS / f"{SEED_ID}.md").read_text(encoding="utf-8")
    edited = text.replace("three-day organizational", "four-day organizational")
    report = engine.add(f"{SEED_ID}.md", edited.encode())
    assert report.ok and [(c.kind, c.change) for c in report.sources] == [
        ("document", ChangeKind.CHANGED)
    ]
    assert [change.id for change in report.paragraphs_changed] == ["operative-3"]


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        (
            "report.docx",
            b"PK\x03\x04",
            "'report.docx' is not a file I read (I read reports as .md, .txt or .pdf, and voting",
        ),
        ("my report?.md", b"x", "name the file with letters, digits, dots, dashes or"),
        ("notes.md", b"# Notes\n", "notes.md does not read as a report: no draft resolution found"),
        ("zz.md", bytes(range(256)), "zz.md does not read as a report: it is not UTF-8 text"),
        ("x.pdf", b"%PDF-1.4\n" + bytes(200), "x.pdf does not read as a report: the PDF cannot"),
        ("big.md", b"#" * 5_000_001, "big.md is 5,000,001 bytes, over the limit of 5,000,000"),
        ("copy.md", (SEEDS / f"{SEED_ID}.md").read_bytes(), "copy.md is a copy of "),
        (
            f"{SEED_ID}.txt",
            b"anything",
            f"{SEED_ID}.md has the same name (a document is named by its file without the "
            f"suffix); upload the file under another name, or take {SEED_ID}.md out of the "
            "seeds folder first",
        ),
        (
            "edition.md",
            (SEEDS / f"{SEED_ID}.md").read_bytes().replace(b"Distr.: General", b"Distr.: Limited"),
            "edition.md reports on the same draft resolution (A/C.3/74/L.11/Rev.1) as "
            f"{SEED_ID}.md; upload it as {SEED_ID}.md to replace that one",
        ),
        (
            "edition.pdf",
            as_pdf((SEEDS / f"{SEED_ID}.md").read_text(encoding="utf-8")),
            "edition.pdf reports on the same draft resolution (A/C.3/74/L.11/Rev.1) as "
            f"{SEED_ID}.md; to replace that one with this .pdf file, take {SEED_ID}.md out of "
            "the seeds folder first",
        ),
    ],
)
def test_a_file_that_fails_a_check_changes_nothing_and_says_why_in_one_line(
    engine: Engine, name: str, data: bytes, why: str
) -> None:
    before, documents = listing(engine), engine.documents
    report = engine.add(name, data)
    assert not report.ok and report.action is ReadyAction.REFUSED
    assert report.reason.startswith(f"Not added: {why}"), report.reason
    assert report.reason.endswith("Nothing changed.") and "\n" not in report.reason
    assert listing(engine) == before and engine.documents == documents


def test_a_path_in_the_name_is_dropped(engine: Engine) -> None:
    report = engine.add("../../elsewhere/water.txt", as_text(RURAL_WATER.read_text()).encode())
    assert report.ok and (engine.settings.seeds_dir / "water.txt").is_file()
    assert not (engine.settings.seeds_dir.parent / "elsewhere").exists()


def test_a_failed_rebuild_puts_the_folder_back(engine: Engine) -> None:
    embedder = engine._embedder
    assert isinstance(embedder, FakeEmbedder)
    embedder.fail_with = RuntimeError("out of memory")
    before = listing(engine)
    report = engine.add("water.txt", as_text(RURAL_WATER.read_text()).encode())
    assert not report.ok and "out of memory" in report.reason
    assert report.reason.endswith("; water.txt was not kept")
    assert listing(engine) == before and [d.id for d in engine.documents] == [SEED_ID]


PLENARY = SEEDS / "plenary-a-res-74-247.csv"


def plenary_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(PLENARY.read_text(encoding="utf-8"))))


def as_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def test_adding_voting_data_reads_it_through_the_voting_data_reader(engine: Engine) -> None:
    report = engine.add(PLENARY.name, PLENARY.read_bytes())
    assert report.ok and report.texts_encoded == 0
    (vote,) = report.sources
    assert (vote.kind, vote.id, vote.change) == ("vote", "A/RES/74/247", ChangeKind.ADDED)
    assert vote.title.endswith("(27 December 2019): 79–60–33, 21 not recorded")
    assert "79" in engine.ask("what was the final vote?").text


def _with(change: Callable[[list[dict[str, str]]], None]) -> bytes:
    rows = plenary_rows()
    change(rows)
    return as_csv(rows)


def _wrong_total(rows: list[dict[str, str]]) -> None:
    for row in rows:
        row["total_yes"] = "80"


def _unknown_state(rows: list[dict[str, str]]) -> None:
    rows[0]["ms_name"], rows[0]["ms_code"] = "Atlantis", "ATL"


def _duplicate_row(rows: list[dict[str, str]]) -> None:
    rows.append(dict(rows[1]))


def _bad_code(rows: list[dict[str, str]]) -> None:
    rows[1]["ms_vote"] = "Q"


BAD_VOTING_DATA = pytest.mark.parametrize(
    ("change", "why"),
    [
        (_wrong_total, "row 2: total_yes says 80 but 79 rows of A/RES/74/247 vote Y"),
        (_unknown_state, "row 2: unknown Member State code 'ATL' (ms_name 'Atlantis')"),
        (_duplicate_row, "row 195: repeats row 3 (Albania on A/RES/74/247)"),
        (_bad_code, "row 3: unknown vote code 'Q' for Albania"),
    ],
    ids=["a wrong total", "an unknown State", "a duplicate row", "a bad vote code"],
)


@BAD_VOTING_DATA
def test_bad_voting_data_is_one_line_naming_the_row_and_changes_nothing(
    engine: Engine, change: Callable[[list[dict[str, str]]], None], why: str
) -> None:
    before, records = listing(engine), engine.records
    report = engine.add("plenary.csv", _with(change))
    assert report.action is ReadyAction.REFUSED and "\n" not in report.reason
    assert report.reason.startswith(
        f"Not added: plenary.csv does not read as voting data: plenary.csv {why}"
    ), report.reason
    assert listing(engine) == before and engine.records == records


@BAD_VOTING_DATA
def test_bad_voting_data_under_the_loaded_name_keeps_the_vote_it_would_replace(
    engine: Engine, change: Callable[[list[dict[str, str]]], None], why: str
) -> None:
    assert engine.add(PLENARY.name, PLENARY.read_bytes()).ok
    before, records = listing(engine), engine.records
    final = engine.ask("what was the final vote?").text
    report = engine.add(PLENARY.name, _with(change))
    assert report.action is ReadyAction.REFUSED and f"{PLENARY.name} {why}" in report.reason
    assert listing(engine) == before and engine.records == records
    assert engine.ask("what was the final vote?").text == final


def test_a_second_file_for_a_resolution_already_given_is_refused(engine: Engine) -> None:
    assert engine.add(PLENARY.name, PLENARY.read_bytes()).ok
    report = engine.add("again.csv", _with(lambda rows: None))
    assert report.reason == (
        "Not added: again.csv gives the vote on A/RES/74/247, which plenary-a-res-74-247.csv "
        "already gives; upload it as plenary-a-res-74-247.csv to replace that one. "
        "Nothing changed."
    )
