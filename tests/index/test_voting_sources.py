"""Voting data as a second kind of source: read from the seeds folder with its origin, cached
like the reports, linked to its report by draft symbol, and never half-loaded."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest

from index.engine import Engine
from index.parsing.errors import ParseError
from index.parsing.voting_data import VotingFile, read_voting_data
from index.records_cache import load_sources
from index.settings import EngineSettings
from tests.index.conftest import SEED_ID, SEEDS
from tests.index.search.helpers import FakeEmbedder

CSV = "plenary-a-res-74-247.csv"
ORIGIN = "plenary-a-res-74-247.source.json"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in (f"{SEED_ID}.md", CSV, ORIGIN):
        shutil.copy(SEEDS / name, folder)
    return folder


def settings_for(seeds: Path) -> EngineSettings:
    return EngineSettings(seeds_dir=seeds, data_dir=seeds.parent / "data")


class ReadCounter:
    """Counts real reads of voting data, so a test can tell a cache hit from a parse."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        monkeypatch.setattr("index.parsing.document.read_voting_data", self)

    def __call__(self, *args: Any) -> VotingFile:
        self.calls += 1
        return read_voting_data(*args)


def test_the_seeds_give_the_plenary_vote_with_its_origin(seeds: Path) -> None:
    (record,) = load_sources(settings_for(seeds)).records
    assert record.source == str(seeds / CSV)
    assert record.origin.citation.startswith("Erik Voeten, Anton Strezhnev and Michael Bailey")
    assert record.origin.licence == "CC0"
    assert record.origin.caveat is not None and "not recorded" in record.origin.caveat
    assert "absent" not in record.origin.caveat


def test_a_cache_hit_does_not_read_the_csv_again_and_an_origin_edit_does(
    seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = ReadCounter(monkeypatch)
    settings = settings_for(seeds)
    first = load_sources(settings)
    assert load_sources(settings) == first and reads.calls == 1
    origin = seeds / ORIGIN
    origin.write_text(origin.read_text(encoding="utf-8").replace("CC0", "CC0 1.0"), "utf-8")
    assert load_sources(settings).records[0].origin.licence == "CC0 1.0"
    assert reads.calls == 2


def test_a_bad_origin_file_is_one_line(seeds: Path) -> None:
    (seeds / ORIGIN).write_text('{"citation": 3}', encoding="utf-8")
    sources = load_sources(settings_for(seeds))
    assert sources.records == [] and [d.id for d in sources.documents] == [SEED_ID]
    assert sources.skipped == [
        f"Skipping seed {seeds / CSV}: {seeds / ORIGIN}: not a description of a voting-data "
        "file's origin (citation: Input should be a valid string)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (",79,60,33,21,193,", ",80,60,33,21,193,", "row 2: total_yes says 80 but 79 rows"),
        (",CPV,Cabo Verde,", ",CPV,Cape Atlantis,", "row 30: unknown Member State name"),
        ("\n,CPV,Cabo Verde,N,", "\n,CPV,Cabo Verde,Q,", "row 30: unknown vote code 'Q'"),
    ],
)
def test_a_bad_voting_file_is_skipped_whole_with_one_line(
    seeds: Path, old: str, new: str, line: str
) -> None:
    """Never half-loaded, and never the whole library's fault (issue 16, item 5): the file
    is left out with one line naming it and the row, and the report keeps answering."""
    engine = Engine(settings_for(seeds), embedder=FakeEmbedder())
    engine.warm_up()
    good = (seeds / CSV).read_text(encoding="utf-8")
    assert old in good
    (seeds / CSV).write_text(good.replace(old, new), encoding="utf-8")
    report = engine.reindex()
    assert report.ok and [s for s in report.skipped if f"{CSV} {line}" in s]
    assert [(c.kind, c.id, c.change.value) for c in report.sources] == [
        ("vote", "A/RES/74/247", "removed")
    ]
    answer = engine.vote("Cabo Verde")
    assert answer.trail == [] and "voted **in favour**" in answer.text, "the Committee's vote"
    restarted = Engine(settings_for(seeds))
    assert any(f"{CSV} {line}" in s for s in restarted.about().skipped)
    assert restarted.vote("France").answered


def test_a_duplicate_row_leaves_the_file_out(seeds: Path) -> None:
    text = (seeds / CSV).read_text(encoding="utf-8")
    cabo_verde = next(row for row in text.splitlines() if ",Cabo Verde," in row)
    (seeds / CSV).write_text(f"{text}{cabo_verde}\n", encoding="utf-8")
    engine = Engine(settings_for(seeds))
    assert any(f"{CSV} row 195: repeats row 30 " in s for s in engine.about().skipped)
    assert engine.about().votes == []


def test_a_record_no_report_knows_stands_on_its_own(seeds: Path) -> None:
    text = (seeds / CSV).read_text(encoding="utf-8")
    other = text.replace("A/RES/74/247", "A/RES/74/999").replace("A/C.3/74/L.11/Rev.1", "")
    (seeds / "other.csv").write_text(other, encoding="utf-8")
    engine = Engine(settings_for(seeds))
    status = engine.about()
    assert [(v.id, v.report) for v in status.votes] == [
        ("a-res-74-999", None),
        ("a-res-74-247", SEED_ID),
    ]
    assert status.documents[0].plenary is not None
    named = engine.ask("how did Cabo Verde vote on A/RES/74/999?")
    assert [(e.country, e.document) for e in named.votes] == [("Cabo Verde", "a-res-74-999")]
    assert "resolution A/RES/74/999" in named.text
    unnamed = engine.ask("how did Cabo Verde vote?")
    assert {e.document for e in unnamed.votes} == {SEED_ID}, "answered only when named"


def test_a_second_file_with_the_same_resolution_is_skipped_naming_both(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(seeds / CSV, seeds / "zz-copy.csv")
    (seeds / "zz-copy.csv").write_text(
        (seeds / CSV).read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        records = load_sources(settings_for(seeds)).records
    assert len(records) == 1 and records[0].source == str(seeds / CSV)
    assert any(
        f"Skipping A/RES/74/247 in {seeds / 'zz-copy.csv'}: {seeds / CSV} already" in r.message
        for r in caplog.records
    )


def test_a_folder_of_voting_data_alone_is_no_library(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / CSV, seeds)
    with pytest.raises(ParseError, match=r"holds no \*\.md, \*\.txt or \*\.pdf documents"):
        load_sources(settings_for(seeds))
