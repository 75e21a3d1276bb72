"""Pictures are drawn once per content, kept in the data folder, and survive a read-only one."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bot.charts.pictures import GROUPS_FILENAME, MAP_FILENAME, group_chart, illustrate, vote_map
from bot.charts.raster import PNG_SIGNATURE
from bot.charts.store import PictureStore
from index.answers import Illustration, IllustrationKind
from index.engine import Engine
from index.settings import EngineSettings
from tests.bot.charts.conftest import FIXTURE_ID, SEEDS
from tests.index.search.helpers import FakeEmbedder

PNG = PNG_SIGNATURE + b"drawn"


class Drawer:
    def __init__(self, png: bytes = PNG) -> None:
        self.calls = 0
        self.png = png

    def __call__(self) -> bytes:
        self.calls += 1
        return self.png


def test_a_picture_is_drawn_once_then_read_back(tmp_path: Path) -> None:
    draw = Drawer()
    first = PictureStore(tmp_path).get("map-doc", "content-1", draw)
    assert first.png == PNG and first.path is not None and first.path.read_bytes() == PNG
    again = PictureStore(tmp_path).get("map-doc", "content-1", draw)
    assert again == first and draw.calls == 1, "a new process reads the file, not redraws"


def test_new_content_gets_a_new_file_and_the_old_one_goes(tmp_path: Path) -> None:
    store = PictureStore(tmp_path)
    old = store.get("map-doc", "before reindex", Drawer()).path
    other = store.get("map-doc-2", "another document", Drawer()).path
    new = store.get("map-doc", "after reindex", Drawer(PNG + b"2")).path
    assert old is not None and new is not None and other is not None
    assert new != old and not old.exists() and new.exists()
    assert other.exists(), "another picture whose name starts the same is kept"


def test_an_unwritable_folder_still_gives_the_picture(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("in the way")
    draw = Drawer()
    store = PictureStore(blocked / "charts")
    stored = store.get("map-doc", "content", draw)
    assert stored.png == PNG and stored.path is None
    assert store.get("map-doc", "content", draw).png == PNG and draw.calls == 1, "kept in memory"


def test_a_damaged_file_is_drawn_again(tmp_path: Path) -> None:
    stored = PictureStore(tmp_path).get("map-doc", "content", Drawer())
    assert stored.path is not None
    stored.path.write_bytes(b"truncated")
    draw = Drawer()
    assert PictureStore(tmp_path).get("map-doc", "content", draw).png == PNG
    assert draw.calls == 1


def test_no_folder_means_memory_only() -> None:
    draw = Drawer()
    store = PictureStore(None)
    assert store.get("map-doc", "content", draw).path is None
    store.get("map-doc", "content", draw)
    assert draw.calls == 1


def test_the_map_of_each_document_is_its_own_file(engine: Engine, tmp_path: Path) -> None:
    store = PictureStore(tmp_path)
    seed = vote_map(engine, store)
    fixture = vote_map(engine, store, FIXTURE_ID)
    assert seed.filename == fixture.filename == MAP_FILENAME
    assert seed.path is not None and fixture.path is not None and seed.path != fixture.path
    assert seed.png.startswith(PNG_SIGNATURE) and seed.png != fixture.png
    assert seed.alt_text.endswith("intended to vote in favour.")
    assert "120 in favour, 12 against, 40 abstaining, 21 did not vote" in fixture.alt_text
    assert len(seed.png) < 1_000_000, "far below Discord's attachment limit"


def test_an_answer_asking_for_a_group_chart_gets_one(engine: Engine, tmp_path: Path) -> None:
    store = PictureStore(tmp_path)
    illustration = Illustration(
        kind=IllustrationKind.GROUPS, document=FIXTURE_ID, groups=["african-group"]
    )
    chart = illustrate(engine, store, illustration)
    assert chart.filename == GROUPS_FILENAME and chart.document == FIXTURE_ID
    assert chart.alt_text.startswith("Bar chart of how the African Group voted")
    assert chart.path is not None and chart.path.name.startswith(f"groups-{FIXTURE_ID}-")
    regional = group_chart(engine, store, FIXTURE_ID)
    assert regional.path != chart.path, "each selection of groups is its own picture"
    as_map = illustrate(engine, store, Illustration(kind=IllustrationKind.MAP, document=FIXTURE_ID))
    assert as_map.filename == MAP_FILENAME


def test_reindexing_a_changed_vote_draws_it_again(tmp_path: Path) -> None:
    """A reindex that changes what the map shows changes its file; the old one goes."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "report.md"
    seed.write_text(next(SEEDS.glob("*.md")).read_text(encoding="utf-8"), encoding="utf-8")
    engine = Engine(
        EngineSettings(seeds_dir=seeds, data_dir=tmp_path / "data"),
        embedder=FakeEmbedder(),
    )
    store = PictureStore(tmp_path / "charts")
    before = vote_map(engine, store)
    text = seed.read_text(encoding="utf-8")
    edited = text.replace("intended to vote in favour.", "intended to abstain.")
    assert edited != text
    seed.write_text(edited, encoding="utf-8")
    assert engine.reindex().ok
    after = vote_map(engine, store)
    assert after.path != before.path and after.path is not None and after.path.exists()
    assert before.path is not None and not before.path.exists()
    assert after.alt_text.endswith("intended to abstain.")


def test_temporary_files_of_killed_writers_are_removed_when_a_store_opens(tmp_path: Path) -> None:
    gone = tmp_path / f".map-doc-{'0' * 20}.png.{_ended_pid()}.a1b2c3.tmp"
    older = tmp_path / f".map-doc-{'0' * 20}.png.x9y8z7q6.tmp"
    live = tmp_path / f".map-doc-{'1' * 20}.png.{os.getpid()}.d4e5f6.tmp"
    for path in (gone, older, live):
        path.write_bytes(PNG[:4])
    PictureStore(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name]


def test_a_pipe_in_place_of_a_stored_picture_is_drawn_again_not_read(tmp_path: Path) -> None:
    first = PictureStore(tmp_path).get("map-doc", "content-1", Drawer())
    assert first.path is not None
    first.path.unlink()
    os.mkfifo(first.path)
    draw = Drawer()
    again = PictureStore(tmp_path).get("map-doc", "content-1", draw)
    assert again.png == PNG and draw.calls == 1


def _ended_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
