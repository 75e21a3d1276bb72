"""The terminal command when its streams fail: a full disk, a closed stdout, Ctrl-C, and a
line of input far longer than any question (issue 16, items 14 and 15)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from index.engine import MAX_QUESTION_CHARS
from index.settings import PROJECT_ROOT


def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORTEUR_")}
    return env | {
        "RAPPORTEUR_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
        "RAPPORTEUR_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
    }


def one_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text and len(text.splitlines()) == 1, text
    return text.strip()


def test_a_full_disk_under_stdout_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "vote", "France"],
            stdout=full, stderr=subprocess.PIPE, env=environment(tmp_path), cwd=tmp_path,
            timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert one_line(done.stderr) == "rapporteur: cannot write the output: No space left on device"


def test_a_closed_stdout_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "bot", "vote", "France"],
        stderr=subprocess.PIPE, env=environment(tmp_path), cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert one_line(done.stderr) == (
        "rapporteur: standard output is closed; nothing to write the answer to"
    )


def test_ctrl_c_while_reading_questions_is_one_line_and_exit_130(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=environment(tmp_path), cwd=tmp_path,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"How did France vote?\n")
    process.stdin.flush()
    answer = json.loads(process.stdout.readline())
    assert answer["kind"] == "vote", "answered, and now waiting for the next line"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert one_line(stderr) == "rapporteur: interrupted"


@pytest.mark.model
def test_ctrl_c_during_a_reindex_is_one_line_and_exit_130(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "reindex"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(tmp_path), cwd=tmp_path,
    )  # fmt: skip
    try:
        _, stderr = process.communicate(timeout=3)
        pytest.fail(f"the reindex ended before it could be interrupted: {stderr.decode()}")
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr) == "rapporteur: interrupted"


def test_a_huge_line_is_refused_as_too_long_and_echoed_short(tmp_path: Path) -> None:
    huge = b"x" * 5_000_000
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input=b"How did France vote?\n" + huge + b"\nWho sponsored it?\n",
        capture_output=True, env=environment(tmp_path), cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["kind"] for a in answers] == ["vote", "no_answer", "sponsors"]
    long = answers[1]
    assert not long["answered"] and "too long" in long["text"]
    assert long["question"] == "x" * MAX_QUESTION_CHARS + "…"
    assert len(done.stdout) < 20_000
