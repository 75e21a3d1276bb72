"""The cached parse: used when current and intact, rebuilt otherwise, optional when unwritable."""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from index import records_cache
from index.data_folder import unwritable_line
from index.engine import Engine
from index.parsing.document import parse_seeds
from index.parsing.errors import ParseError
from index.parsing.seed_files import ParsedSeeds
from index.records import Position
from index.records_cache import CACHE_FILE, load_records
from index.settings import EngineSettings
from tests.index.conftest import FIXTURE_ID, FIXTURES, SEED_ID, SEEDS


@pytest.fixture
def settings(tmp_path: Path) -> EngineSettings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / f"{SEED_ID}.md", seeds)
    return EngineSettings(seeds_dir=seeds, data_dir=tmp_path / "data")


class ParseCounter:
    """Counts real parses, so a test can tell a cache hit from a rebuild."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        monkeypatch.setattr("index.parsing.document.parse_seeds", self)

    def __call__(self, *args: Any) -> ParsedSeeds:
        self.calls += 1
        return parse_seeds(*args)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    return ParseCounter(monkeypatch)


def cache_of(settings: EngineSettings) -> Path:
    return settings.data_dir / CACHE_FILE


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_cold_start_loads_the_cached_records_instead_of_parsing(
    settings: EngineSettings, parses: ParseCounter
) -> None:
    parsed = load_records(settings)
    assert parses.calls == 1
    stored = json.loads(cache_of(settings).read_text(encoding="utf-8"))
    assert stored["parser_version"] == records_cache.PARSER_VERSION
    assert [d["id"] for d in stored["documents"]] == [SEED_ID]

    assert load_records(settings) == parsed
    engine = Engine(settings)
    assert engine.vote("France").votes[0].position is Position.AGAINST
    assert parses.calls == 1, "neither the second load nor the engine parsed again"


def test_editing_adding_or_removing_a_seed_rebuilds(
    settings: EngineSettings, parses: ParseCounter
) -> None:
    load_records(settings)
    seed = settings.seeds_dir / f"{SEED_ID}.md"
    seed.write_text(seed.read_text("utf-8").replace("Firas Hassan", "Firas H."), "utf-8")
    assert load_records(settings)[0].meta.rapporteur.startswith("Mr. Firas H.")
    shutil.copy(FIXTURES / f"{FIXTURE_ID}.md", settings.seeds_dir)
    assert [d.id for d in load_records(settings)] == [SEED_ID, FIXTURE_ID]
    (settings.seeds_dir / f"{FIXTURE_ID}.md").unlink()
    assert [d.id for d in load_records(settings)] == [SEED_ID]
    assert parses.calls == 4
    load_records(settings)
    assert parses.calls == 4


def test_a_parser_version_bump_rebuilds(
    settings: EngineSettings, parses: ParseCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_records(settings)
    monkeypatch.setattr(records_cache, "PARSER_VERSION", records_cache.PARSER_VERSION + 1)
    load_records(settings)
    load_records(settings)
    assert parses.calls == 2
    stored = json.loads(cache_of(settings).read_text(encoding="utf-8"))
    assert stored["parser_version"] == records_cache.PARSER_VERSION


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated by a crash or a full disk
        lambda raw: b"\x00\xff not json",
        lambda raw: b'{"parser_version": 1}',
        lambda raw: raw.replace(b'"against":[', b'"against":"'),  # wrong types
    ],
)
def test_a_corrupt_cache_is_rebuilt_not_trusted(
    settings: EngineSettings,
    parses: ParseCounter,
    caplog: pytest.LogCaptureFixture,
    damage: Any,
) -> None:
    expected = load_records(settings)
    cache_of(settings).write_bytes(damage(cache_of(settings).read_bytes()))
    with caplog.at_level(logging.WARNING):
        assert load_records(settings) == expected
    assert parses.calls == 2
    (warning,) = warnings(caplog)
    assert "is damaged" in warning and "parsing the seeds again" in warning
    assert load_records(settings) == expected and parses.calls == 2, "the rebuilt cache is good"


def _tamper(settings: EngineSettings, *, redigest: bool, source: str | None = None) -> None:
    """Move France to the in-favour list, as someone editing the file by hand would."""
    stored = json.loads(cache_of(settings).read_text(encoding="utf-8"))
    vote = stored["documents"][0]["vote"]
    vote["against"].remove("France")
    vote["in_favour"].append("France")
    if source is not None:
        stored["documents"][0]["source"] = source
    if redigest:
        documents = records_cache._DOCUMENTS.validate_python(stored["documents"])
        records = records_cache._RECORDS.validate_python(stored["records"])
        stored["digest"] = records_cache._digest(documents, records)
    cache_of(settings).write_text(json.dumps(stored), encoding="utf-8")


@pytest.mark.parametrize(("redigest", "source"), [(False, None), (True, "/elsewhere/report.md")])
def test_a_tampered_cache_is_rebuilt_not_trusted(
    settings: EngineSettings,
    parses: ParseCounter,
    caplog: pytest.LogCaptureFixture,
    redigest: bool,
    source: str | None,
) -> None:
    load_records(settings)
    _tamper(settings, redigest=redigest, source=source)
    with caplog.at_level(logging.WARNING):
        engine = Engine(settings)
    assert engine.vote("France").votes[0].position is Position.AGAINST
    assert parses.calls == 2
    assert "does not match its digest or the seeds" in warnings(caplog)[0]


def test_a_data_folder_that_is_a_file_parses_in_memory_with_one_warning(
    settings: EngineSettings, parses: ParseCounter, caplog: pytest.LogCaptureFixture
) -> None:
    settings.data_dir.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert Engine(settings).vote("France").answered
    assert parses.calls == 3
    assert warnings(caplog) == [unwritable_line(settings.data_dir, "it is a file, not a folder")]


def test_a_cache_path_that_is_a_folder_parses_in_memory_with_one_warning(
    settings: EngineSettings, caplog: pytest.LogCaptureFixture
) -> None:
    cache_of(settings).mkdir(parents=True)
    with caplog.at_level(logging.WARNING):
        assert load_records(settings) and load_records(settings)
    (warning,) = warnings(caplog)
    assert f"({CACHE_FILE} is a folder)" in warning
    assert [p.name for p in settings.data_dir.iterdir()] == [CACHE_FILE], "no .tmp left"


@pytest.mark.parametrize(
    ("code", "words"), [(errno.EROFS, "Read-only file system"), (errno.ENOSPC, "No space left")]
)
def test_a_read_only_or_full_disk_parses_in_memory_with_one_warning(
    settings: EngineSettings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    code: int,
    words: str,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(code, words)

    # The failure comes as late as it can: after the temporary file was written in full.
    monkeypatch.setattr("os.replace", refuse)
    with caplog.at_level(logging.WARNING):
        assert Engine(settings).vote("France").answered
        assert Engine(settings).tally().answered
    (warning,) = warnings(caplog)
    assert f"({words})" in warning and "RAPPORTEUR_DATA_DIR" in warning
    assert list(settings.data_dir.iterdir()) == [], "the temporary file was removed"


def test_a_seed_that_does_not_parse_is_still_an_error_with_a_cache(
    settings: EngineSettings,
) -> None:
    load_records(settings)
    seed = settings.seeds_dir / f"{SEED_ID}.md"
    seed.write_text(seed.read_text("utf-8").replace("88 to 58", "87 to 58"), "utf-8")
    with pytest.raises(ParseError, match="87"):
        load_records(settings)


def test_a_cache_hit_repeats_the_warning_for_a_skipped_edition(
    settings: EngineSettings, parses: ParseCounter, caplog: pytest.LogCaptureFixture
) -> None:
    seed = settings.seeds_dir / f"{SEED_ID}.md"
    edition = seed.read_text("utf-8").replace("Distr.: General", "Distr.: Limited")
    (settings.seeds_dir / "zz-edition.md").write_text(edition, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        first = load_records(settings)
        second = load_records(settings)
    assert first == second and [d.id for d in second] == [SEED_ID] and parses.calls == 1
    skipped = warnings(caplog)
    assert len(skipped) == 2 and skipped[0] == skipped[1]
    assert "zz-edition.md: it reports on the same draft resolution" in skipped[0]


def test_a_change_to_the_country_data_rebuilds(
    settings: EngineSettings,
    parses: ParseCounter,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    data = tmp_path / "engine-data"
    shutil.copytree(records_cache.DATA_FILES, data)
    monkeypatch.setattr(records_cache, "DATA_FILES", data)
    load_records(settings)
    load_records(settings)
    nested = next(data.rglob("groups/*.json"))
    nested.write_text(nested.read_text("utf-8") + "\n", "utf-8")
    load_records(settings)
    assert parses.calls == 2


def test_temporary_files_of_killed_writers_are_removed(settings: EngineSettings) -> None:
    load_records(settings)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    orphan = settings.data_dir / f"{CACHE_FILE}.{gone.stdout.strip()}.abc123.tmp"
    in_progress = settings.data_dir / f"{CACHE_FILE}.{os.getpid()}.def456.tmp"
    orphan.write_text("{", encoding="utf-8")
    in_progress.write_text("{", encoding="utf-8")
    load_records(settings)
    assert not orphan.exists(), "a dead writer's file can never be finished"
    assert in_progress.exists(), "a live writer's file may be a write in progress"


@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_a_pipe_or_device_in_place_of_the_cache_is_reparsed_and_replaced(
    settings: EngineSettings,
    parses: ParseCounter,
    caplog: pytest.LogCaptureFixture,
    special: str,
) -> None:
    path = cache_of(settings)
    path.parent.mkdir(parents=True)
    if special == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with caplog.at_level(logging.WARNING):
        assert Engine(settings).vote("France").answered
    (warning,) = warnings(caplog)
    assert "not usable" in warning and "not a regular file" in warning
    assert path.is_file() and not path.is_symlink(), "the fresh parse replaced it"
    assert Engine(settings).vote("France").answered
    assert parses.calls == 1, "the replaced cache serves the next start"
