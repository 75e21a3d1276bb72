"""The ``rapporteur`` command as scripts and people use it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from index.settings import PROJECT_ROOT


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("RAPPORTEUR_SEEDS_DIR", str(PROJECT_ROOT / "seeds"))
    monkeypatch.setenv("RAPPORTEUR_DATA_DIR", str(tmp_path / "data"))


def test_vote_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vote", "--json", "United", "Kingdom"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "vote"
    assert data["votes"][0]["country"] == "United Kingdom of Great Britain and Northern Ireland"
    assert data["votes"][0]["position"] == "against"


def test_ask_plain_text_has_no_markdown_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Did Brazil abstain?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Yes: Brazil abstained.")
    assert "**" not in out and "Sources" in out


def test_ask_json_lines_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = ["How did France vote?", "", "Who sponsored it?", "What was the tally?"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(questions) + "\n"))
    assert main(["ask", "--json", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert [line["kind"] for line in lines] == ["vote", "no_answer", "sponsors", "tally"]
    assert lines[1]["answered"] is False


def test_console_answers_until_quit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("How did Kenya vote?\n:vote Chile\n:nope\n:quit\n")
    )
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert "Kenya voted in favour." in out and "Chile voted against." in out
    assert "Unknown command :nope." in out


def test_the_console_reads_follow_ups_in_context(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "how did the african group vote?\nwhich of them abstained?\nand Brazil?\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert "I read this as: Which of the members of the African Group abstained." in out
    assert "8 of the 54 members of the African Group abstained" in out
    assert "I read this as: Whether Brazil abstained." in out


def test_one_shot_ask_is_stateless_and_shows_its_reading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("how did France vote?\nand Brazil?\n"))
    assert main(["ask", "--json", "-"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["query"]["intent"] == "vote"
    assert second["query"]["follow_up"] is False


def test_no_command_and_no_token_starts_the_console(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Who was the rapporteur?\n"))
    assert main([]) == 0
    assert "Firas Hassan Jabbar" in capsys.readouterr().out


def test_a_broken_seed_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
    (seeds / "report.md").write_text(
        text.read_text(encoding="utf-8").replace("88 to 58", "89 to 58"), encoding="utf-8"
    )
    monkeypatch.setenv("RAPPORTEUR_SEEDS_DIR", str(seeds))
    assert main(["vote", "France"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rapporteur: cannot read the seed documents: report:")
    assert "88" in err and "89" in err and len(err.splitlines()) == 1


def test_run_without_a_token_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


def test_structured_answers_never_load_the_model_or_discord(tmp_path: Path) -> None:
    """A cold ``rapporteur vote`` must stay fast: no torch, no sentence-transformers, and
    nothing that draws pictures."""
    probe = (
        "import sys; from bot.cli import main; main(['vote', 'France']); "
        "heavy = {'torch', 'sentence_transformers', 'discord', 'faiss', 'transformers', "
        "'vl_convert', 'pygal', 'pygal_maps_world', 'PIL', 'bot.charts.vote_map'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
