"""The ``rapporteur`` command as scripts and people use it."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from index.engine import Engine
from index.search.models import ReadyAction, ReindexReport
from index.settings import PROJECT_ROOT, EngineSettings
from index.user_text import UNREADABLE, readable
from tests.index.parsing.reports import RURAL_WATER
from tests.index.parsing.un_layout import as_text
from tests.index.search.helpers import FakeEmbedder


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


@pytest.mark.parametrize(
    ("argv", "documents", "trail"),
    [
        (
            ["vote", "--json", "Cabo", "Verde"],
            ["third-committee-report-ict-criminal-purposes-2019"],
            1,
        ),
        (["vote", "--json", "--vote", "plenary", "Cabo", "Verde"], ["a-res-74-247"], 0),
        (
            ["vote", "--json", "--vote", "committee", "Cabo", "Verde"],
            ["third-committee-report-ict-criminal-purposes-2019"],
            0,
        ),
    ],
)
def test_vote_takes_the_vote_to_use(
    argv: list[str], documents: list[str], trail: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [entry["document"] for entry in data["votes"]] == documents
    assert len(data["trail"]) == trail


def test_vote_of_both_says_the_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vote", "Cabo Verde"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Cabo Verde changed its position between the two votes: in the Third Committee "
        "(18 November 2019) it voted in favour; then in the General Assembly plenary "
        "(27 December 2019) it voted against."
    )
    assert "[2] voting data for A/RES/74/247 (score 1.00): Erik Voeten" in out


def test_a_bad_voting_data_file_costs_one_line_not_the_answer(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Issue 16, item 5, for voting data too: the bad file is skipped whole (never
    half-loaded) with one line naming it and the row; the report still answers."""
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    data = seeds / "plenary-a-res-74-247.csv"
    data.write_text(
        data.read_text(encoding="utf-8").replace(",CPV,Cabo Verde,N,", ",CPV,Cabo Verde,Q,"),
        encoding="utf-8",
    )
    monkeypatch.setenv("RAPPORTEUR_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("RAPPORTEUR_DATA_DIR", str(tmp_path / "data"))
    assert main(["vote", "France"]) == 0
    assert "France voted against" in capsys.readouterr().out
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        f"Skipping seed {data}: plenary-a-res-74-247.csv row 30: unknown vote code 'Q' for "
        "Cabo Verde (expected Y, N, A, X or blank)"
    ]


def test_ask_plain_text_has_no_markdown_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Did Brazil abstain?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Yes: Brazil abstained in both votes: in the Third Committee")
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
        sys,
        "stdin",
        io.StringIO(
            "How did Kenya vote?\n:vote Chile\n:vote plenary Cabo Verde\n"
            ":vote committee cabo verde\n:nope\n:quit\n"
        ),
    )
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert "Kenya voted in favour in both votes" in out
    assert "Chile voted against in both votes" in out
    assert "Cabo Verde voted against in the General Assembly's plenary vote." in out
    assert "Cabo Verde voted in favour.\nThird Committee recorded vote" in out
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
    assert err.startswith(f"rapporteur: cannot read the seed documents: {seeds}: no seed document")
    assert f"{seeds / 'report.md'}: " in err
    assert "88" in err and "89" in err and len(err.splitlines()) == 1


def test_run_without_a_token_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


def test_structured_answers_never_load_the_model_or_discord(tmp_path: Path) -> None:
    """A cold ``rapporteur vote`` must stay fast: no torch, no sentence-transformers, nothing
    that draws pictures, no settings library for the bot, no question reader for a command
    that takes a country, no PDF library, and (the second time, records cached) no parser."""
    probe = (
        "import sys; from bot.cli import main; main(['vote', 'France']); "
        "heavy = {'torch', 'sentence_transformers', 'discord', 'faiss', 'transformers', "
        "'vl_convert', 'pygal', 'pygal_maps_world', 'PIL', 'bot.charts.vote_map', "
        "'pydantic_settings', 'index.reading.cues', 'index.executor', "
        "'index.parsing.paragraphs', 'index.parsing.voting_data', 'pdfminer', 'sqlalchemy', "
        "'alembic', 'psycopg'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
        )
        for _ in range(2)
    ]
    first, second = (run.stdout.strip().splitlines()[-1] for run in runs)
    assert first == "['index.parsing.paragraphs', 'index.parsing.voting_data']"
    assert second == "[]", "a cached parse reads neither the report nor the voting data"


def rapporteur(
    *args: str, stdin: bytes = b"", data: Path, seeds: Path = PROJECT_ROOT / "seeds"
) -> subprocess.CompletedProcess[bytes]:
    """The installed entry point as its own process, with only these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORTEUR_")}
    env |= {
        "RAPPORTEUR_SEEDS_DIR": str(seeds),
        "RAPPORTEUR_DATA_DIR": str(data),
        "HF_HUB_OFFLINE": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, capture_output=True, env=env, cwd=data.parent, timeout=300,
    )  # fmt: skip


def test_a_line_of_bad_bytes_costs_one_answer_not_the_stream(tmp_path: Path) -> None:
    done = rapporteur(
        "ask", "--json", "-",
        stdin=b"How did France vote?\n\xff x\nWho sponsored it?\n", data=tmp_path / "data",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [(line["kind"], line["answered"]) for line in lines] == [
        ("vote", True),
        ("no_answer", False),
        ("sponsors", True),
    ]
    assert lines[1]["text"] == UNREADABLE and lines[1]["question"] == "\ufffd x"


def test_an_undecodable_argument_gets_json_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # How ``rapporteur vote --json $'\xff'`` reaches ``main``: sys.argv uses surrogateescape.
    assert main(["vote", "--json", b"\xff".decode("utf-8", "surrogateescape")]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["kind"], answer["answered"], answer["text"]) == ("vote", False, UNREADABLE)


@pytest.mark.model
def test_bad_and_odd_lines_next_to_passage_questions_through_the_real_model(
    tmp_path: Path,
) -> None:
    odd = ["\x00", "\u200f\u202e", "🇺🇳 " * 50, "e\u0301" * 40, "\U0010ffff"]
    questions = [
        b"When does the ad hoc committee meet?",
        b"\xc3\x28 travel \xed\xa0\x80 costs",
        *(line.encode() for line in odd),
        b"Who pays for delegates from developing countries?",
    ]
    done = rapporteur(
        "ask", "--json", "-", stdin=b"\n".join(questions) + b"\n", data=tmp_path / "data"
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").split("\n")[:-1]]
    assert len(lines) == len(questions)
    assert lines[0]["kind"] == lines[-1]["kind"] == "passage"
    assert lines[1]["text"] == UNREADABLE
    assert "Traceback" not in done.stderr.decode(errors="replace")


@pytest.fixture(scope="module")
def shared_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    engine = Engine(
        EngineSettings(seeds_dir=PROJECT_ROOT / "seeds", data_dir=tmp_path_factory.mktemp("d")),
        embedder=FakeEmbedder(),
        query_encoder=FakeEmbedder(),
    )
    assert engine.warm_up().ok
    return engine


QUESTION_BYTES = st.one_of(
    st.binary(max_size=40),
    st.text(max_size=40).map(str.encode),
    st.sampled_from([b"How did France vote?", b"\xff", b"\xe2\x80\xa8", b"\r", b"\xc2\x85"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(QUESTION_BYTES, max_size=6), st.booleans())
def test_any_bytes_give_one_json_line_per_input_line(
    shared_engine: Engine, pieces: list[bytes], final_newline: bool
) -> None:
    raw = b"\n".join(pieces) + (b"\n" if final_newline and pieces else b"")
    expected = raw.split(b"\n")
    if expected[-1] == b"":
        expected.pop()
    stdin = io.TextIOWrapper(io.BytesIO(raw))
    output = io.BytesIO()
    stdout = io.TextIOWrapper(output, encoding="ascii", write_through=True)
    with (
        mock.patch("bot.cli.Engine", return_value=shared_engine),
        mock.patch.object(sys, "stdin", stdin),
        mock.patch.object(sys, "stdout", stdout),
    ):
        assert main(["ask", "--json", "-"]) == 0
    text = output.getvalue().decode("utf-8")  # raises unless every byte is valid UTF-8
    records = text.splitlines()  # the most eager line splitter Python has
    assert len(records) == len(expected)
    for record, line in zip(records, expected, strict=True):
        answer = json.loads(record)
        question = line.removesuffix(b"\r").decode("utf-8", "surrogateescape")
        assert answer["question"] == readable(question)


@pytest.mark.timeout(60)
def test_a_pipe_in_the_seeds_folder_costs_one_warning_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    os.mkfifo(seeds / "x.md")
    done = rapporteur("vote", "France", data=tmp_path / "data", seeds=seeds)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("France voted against in both votes")
    assert done.stderr.decode().splitlines() == [
        f"WARNING index.parsing.seed_files: Skipping seed {seeds / 'x.md'}: "
        "it is a named pipe (FIFO), not a regular file"
    ]


def test_an_invalid_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RAPPORTEUR_SHARD_COUNT", "abc")
    monkeypatch.setenv("RAPPORTEUR_MAX_SEED_BYTES", "-1")
    monkeypatch.setenv("DISCORD_TOKEN", " ")
    assert main(["run"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("rapporteur: invalid setting RAPPORTEUR_MAX_SEED_BYTES='-1': ")
    assert "RAPPORTEUR_SHARD_COUNT='abc': Input should be a valid integer" in line
    assert line.endswith("(fix it in the environment or .env)")


def test_a_dot_env_that_is_not_utf8_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".env").write_bytes(b"RAPPORTEUR_DEV_GUILD_ID=1\nDISCORD_TOKEN=caf\xe9\n")
    assert main(["vote", "France"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"rapporteur: {tmp_path / '.env'} is not UTF-8 text (byte 0xe9 on line 2); save it as UTF-8"
    ]


@pytest.mark.model
def test_reindex_into_an_unwritable_folder_says_so_in_one_line(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data-file"
    not_a_folder.write_text("a file where the data folder should be")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "reindex"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "RAPPORTEUR_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
            "RAPPORTEUR_DATA_DIR": str(not_a_folder),
        },
        timeout=600,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # The records cache and the index both fall back to memory; the operator hears it once.
    (line,) = result.stderr.splitlines()
    where = f"Cannot write to the data folder {not_a_folder} (it is a file, not a folder)"
    assert line.startswith(f"WARNING index.data_folder: {where}")
    assert line.endswith("Set RAPPORTEUR_DATA_DIR to a writable folder")
    assert result.stdout.startswith("Reindexed 1 document(s), 37 paragraphs")


def test_one_bad_extra_seed_costs_a_warning_not_the_answer(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Issue 16, item 5: `rapporteur vote France` answers from the good report."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(
        PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md", seeds
    )
    (seeds / "notes.md").write_text("# My notes\n\nAsk about the plenary.\n", encoding="utf-8")
    monkeypatch.setenv("RAPPORTEUR_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("RAPPORTEUR_DATA_DIR", str(tmp_path / "data"))
    assert main(["vote", "France"]) == 0
    captured = capsys.readouterr()
    assert "France voted against" in captured.out
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith(f"Skipping seed {seeds / 'notes.md'}: no draft resolution found")
    assert main(["about"]) == 0
    assert f"Skipping seed {seeds / 'notes.md'}" in capsys.readouterr().out


def test_add_checks_a_report_copies_it_in_and_reindexes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(
        PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md", seeds
    )
    monkeypatch.setenv("RAPPORTEUR_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("RAPPORTEUR_DATA_DIR", str(tmp_path / "data"))
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n", encoding="utf-8")
    assert main(["add", str(notes)]) == 1
    assert capsys.readouterr().out == (
        "Not added: notes.md does not read as a report: no draft resolution found: expected a "
        "title heading, an opening line such as 'The General Assembly,' and numbered operative "
        "paragraphs. Nothing changed.\n"
    )
    assert not (seeds / "notes.md").exists()
    water = tmp_path / "water.txt"
    water.write_text(as_text(RURAL_WATER.read_text(encoding="utf-8")), encoding="utf-8")
    with mock.patch("index.engine.Engine._retriever_instance") as retriever:
        retriever.return_value.rebuild.return_value = ReindexReport(
            ok=True, action=ReadyAction.BUILT, reason="reindex requested", seconds=0.1
        )
        assert main(["add", str(water)]) == 0
    out = capsys.readouterr().out
    assert "  document added: water: Report of the Third Committee" in out
    assert "  vote added: A/C.3/75/L.21/Rev.1: Third Committee recorded vote" in out
    assert (seeds / "water.txt").read_bytes() == water.read_bytes()


def test_the_console_logs_its_answers_and_shows_gaps(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    engine = Engine(
        EngineSettings(seeds_dir=PROJECT_ROOT / "seeds", data_dir=tmp_path / "data"),
        embedder=FakeEmbedder(),
        query_encoder=FakeEmbedder(),
    )
    session = "How did Kenya vote?\nwho chairs the ad hoc committee\n:vote Atlantis\n:gaps 7\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(session))
    with mock.patch("bot.cli.Engine", return_value=engine):
        assert main(["console"]) == 0
    out = capsys.readouterr().out
    digest = out[out.index("Gaps of the last 7 days") :]
    assert "2 question(s) in 2 group(s)" in digest
    assert "“who chairs the ad hoc committee”" in digest and "“Atlantis”" in digest
    assert "Kenya" not in digest, "an answer nobody voted down is no gap"


def test_gaps_without_a_log_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RAPPORTEUR_LOG_QUESTIONS", "false")
    assert main(["gaps"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "rapporteur: cannot read the question log: the question log is off "
        "(RAPPORTEUR_LOG_QUESTIONS=false)"
    ]


def test_a_database_url_that_is_not_postgresql_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RAPPORTEUR_DATABASE_URL", "mysql://root:hunter2@db/log")
    assert main(["gaps"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "DATABASE_URL: Value error, must be a PostgreSQL URL" in line
    assert "hunter2" not in line, "a URL may hold a password: never shown"


@pytest.mark.model
def test_gaps_json_lists_the_refused_questions_of_a_scripted_console_session(
    tmp_path: Path, model_index: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(model_index, data)
    session = (
        "How did France vote?\n"
        "What is the weather in Paris?\n"
        "who chairs the ad hoc committee\n"
        "what's the weather like in paris today\n"
        "who is the chair of the ad hoc committee?\n"
        ":quit\n"
    )
    console = rapporteur("console", stdin=session.encode(), data=data)
    assert console.returncode == 0, console.stderr.decode(errors="replace")
    done = rapporteur("gaps", "--json", "--days", "1", data=data)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    digest = json.loads(done.stdout)
    assert (digest["days"], digest["questions"], digest["grouped_by_meaning"]) == (1, 4, True)
    groups = sorted(sorted([group["example"], *group["wordings"]]) for group in digest["groups"])
    assert groups == [
        ["What is the weather in Paris?", "what's the weather like in paris today"],
        ["who chairs the ad hoc committee", "who is the chair of the ad hoc committee?"],
    ]
    assert all(group["count"] == 2 and group["refused"] == 2 for group in digest["groups"])
    assert {kind for group in digest["groups"] for kind in group["kinds"]} == {
        "no_answer", "not_in_document",
    }  # fmt: skip
