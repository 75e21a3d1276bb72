"""Pictures from the terminal: ``rapporteur chart`` and the console's ``:map``."""

from __future__ import annotations

import errno
import io
import os
import tempfile
from pathlib import Path

import pytest

from bot.charts.raster import PNG_SIGNATURE
from bot.cli import main
from bot.terminal import console
from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings

TALLY_WORDS = "88 in favour, 58 against, 34 abstaining, 13 did not vote"


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("RAPPORTEUR_SEEDS_DIR", str(PROJECT_ROOT / "seeds"))
    monkeypatch.setenv("RAPPORTEUR_DATA_DIR", str(tmp_path / "data"))


def test_chart_map_writes_the_png_where_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["chart", "map", "--out", "vote.png"]) == 0
    assert (tmp_path / "vote.png").read_bytes().startswith(PNG_SIGNATURE)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Wrote vote.png"
    assert TALLY_WORDS in out[1]


def test_chart_map_without_out_names_the_stored_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["chart", "map"]) == 0
    written = Path(capsys.readouterr().out.splitlines()[0].removeprefix("Wrote "))
    assert written.parent == tmp_path / "data" / "charts" and written.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["chart", "map", "--document", "A/C.3/99/L.1"], "No document with a recorded vote"),
        (["chart", "map", "--out", "missing-folder/vote.png"], "cannot write"),
    ],
)
def test_chart_problems_are_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("rapporteur: ") and message in err and len(err.splitlines()) == 1


def test_console_map_prints_where_it_wrote_the_picture(tmp_path: Path) -> None:
    engine = Engine(EngineSettings(data_dir=tmp_path / "data"))
    out = io.StringIO()
    console(engine, stdin=io.StringIO(":map\n:map nowhere\n"), stdout=out)
    lines = out.getvalue().splitlines()
    written = next(line for line in lines if line.startswith("Picture written to "))
    assert Path(written.removeprefix("Picture written to ")).read_bytes().startswith(PNG_SIGNATURE)
    assert any(TALLY_WORDS in line for line in lines)
    assert any(line.startswith("No document with a recorded vote") for line in lines)


def test_console_map_works_with_a_read_only_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("in the way")
    engine = Engine(EngineSettings(data_dir=blocked))
    out = io.StringIO()
    console(engine, stdin=io.StringIO(":map\n" * 5), stdout=out)
    written = {
        line.removeprefix("Picture written to ")
        for line in out.getvalue().splitlines()
        if "Picture written to" in line
    }
    (path,) = map(Path, written)
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    assert list((tmp_path / "tmp").rglob("*")) == [path.parent, path], "one file, not five"


def test_chart_out_is_replaced_whole_or_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "vote.png").write_bytes(b"the previous picture")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    replace = os.replace
    # The failure comes as late as it can: after the temporary file was written in full.
    monkeypatch.setattr("os.replace", full)
    assert main(["chart", "map", "--out", "vote.png"]) == 1
    assert capsys.readouterr().err == (
        "rapporteur: cannot write vote.png: No space left on device\n"
    )
    assert (tmp_path / "vote.png").read_bytes() == b"the previous picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "vote.png"], "no temporary"
    monkeypatch.setattr("os.replace", replace)
    assert main(["chart", "map", "--out", "vote.png"]) == 0
    assert (tmp_path / "vote.png").read_bytes().startswith(PNG_SIGNATURE)


def test_chart_groups_writes_the_regional_groups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["chart", "groups", "--out", "groups.png"]) == 0
    assert (tmp_path / "groups.png").read_bytes().startswith(PNG_SIGNATURE)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Wrote groups.png"
    assert out[1].startswith("Bar chart of how each UN regional group voted")


def test_chart_groups_for_named_groups(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chart", "groups", "--group", "eu", "--group", "african-group"]) == 0
    described = capsys.readouterr().out.splitlines()[1]
    assert "European Union (28): 0 in favour, 28 against" in described
    assert main(["chart", "groups", "--group", "atlantis"]) == 1
    assert "no group of States with the id “atlantis”" in capsys.readouterr().err


def test_console_groups_prints_where_it_wrote_the_chart(tmp_path: Path) -> None:
    engine = Engine(EngineSettings(data_dir=tmp_path / "data"))
    out = io.StringIO()
    console(engine, stdin=io.StringIO(":groups weog\n"), stdout=out)
    text = out.getvalue()
    assert "Picture written to " in text and "Western European and Others Group (29)" in text


def test_chart_map_of_the_plenary_and_of_both_votes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["chart", "map", "--vote", "plenary", "--out", "plenary.png"]) == 0
    described = capsys.readouterr().out.splitlines()[1]
    assert "79 in favour, 60 against, 33 abstaining, 21 not recorded" in described
    assert main(["chart", "map", "--vote", "both", "--out", "trail.png"]) == 0
    assert (tmp_path / "trail.png").read_bytes().startswith(PNG_SIGNATURE)
    described = capsys.readouterr().out.splitlines()[1]
    assert described.startswith("Vote trail of draft resolution A/C.3/74/L.11/Rev.1")
    assert main(["chart", "groups", "--vote", "plenary", "--group", "african-group"]) == 0
    assert "African Group (54): 31 in favour" in capsys.readouterr().out
    assert main(["chart", "groups", "--vote", "both"]) == 1
    assert "The group chart shows one vote" in capsys.readouterr().err


def test_console_map_of_both_votes_is_the_trail(tmp_path: Path) -> None:
    engine = Engine(EngineSettings(data_dir=tmp_path / "data"))
    out = io.StringIO()
    console(engine, stdin=io.StringIO(":map both\n:groups plenary weog\n"), stdout=out)
    text = out.getvalue()
    assert "Vote trail of draft resolution A/C.3/74/L.11/Rev.1" in text
    assert "General Assembly plenary" in text and "Western European and Others Group (29)" in text
