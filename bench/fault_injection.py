"""Kill ``rapporteur reindex`` with SIGKILL at random moments; the next start must answer.

After each kill a fresh ``rapporteur ask --json -`` answers "How did France vote?" (against)
and "When does the ad hoc committee meet?" (quoting operative paragraph 3), and no ``*.tmp``
file may remain in the data folder. Three kinds of kill take turns:

- ``anytime``: at a moment drawn uniformly over a whole reindex (measured first), which
  lands mostly in imports, the model load and encoding;
- ``writing``: as soon as a temporary file appears in the data folder (polled every
  0.5 ms), plus 0-5 ms, which lands in the writes of the index and manifest;
- ``writing-encoder``: the same after deleting the stored query encoder, so the reindex
  exports it again and the kill lands in its 90 MB write.

Counts, never assertions; the exit code is 1 if any check failed.

Run: ``.venv/bin/python -m bench.fault_injection [--kills 20] [--seed 7] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from index.settings import PROJECT_ROOT

QUESTIONS = ("How did France vote?", "When does the ad hoc committee meet?")


KINDS = ("anytime", "writing", "writing-encoder")


class Kill(BaseModel):
    kind: str
    after_s: float
    reindex_finished: bool
    temp_files_after_kill: int
    next_start_rebuilt: bool
    france_against: bool
    passage_right: bool
    temp_files_after_start: int
    answer_s: float


class Report(BaseModel):
    kills: int
    by_kind: dict[str, int]
    reindex_s: float
    killed_mid_reindex: int
    left_temp_files: int
    next_start_rebuilt: int
    answers_right: int
    temp_files_remaining: int
    details: list[Kill]


def _environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {"RAPPORTEUR_DATA_DIR": str(data_dir), "RAPPORTEUR_SEEDS_DIR": str(PROJECT_ROOT / "seeds")}
    )
    return env


def _temp_files(data_dir: Path) -> int:
    return (
        len(set(data_dir.glob("*.tmp")) | set(data_dir.glob(".*.tmp"))) if data_dir.is_dir() else 0
    )


def _built_at(data_dir: Path) -> str | None:
    try:
        return str(json.loads((data_dir / "manifest.json").read_text())["built_at"])
    except (OSError, ValueError, KeyError):
        return None


def _reindex(data_dir: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "reindex"],
        env=_environment(data_dir),
        capture_output=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    return time.perf_counter() - started


def _ask(data_dir: Path) -> tuple[list[dict[str, object]], float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input="\n".join(QUESTIONS) + "\n",
        env=_environment(data_dir),
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=600,
    )
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return answers, time.perf_counter() - started


def _france_against(answer: dict[str, object]) -> bool:
    votes = answer.get("votes")
    return (
        isinstance(votes, list)
        and bool(votes)
        and votes[0].get("country") == "France"
        and votes[0].get("position") == "against"
    )


def _passage_right(answer: dict[str, object]) -> bool:
    sources = answer.get("sources")
    text = answer.get("text")
    return (
        answer.get("kind") == "passage"
        and isinstance(sources, list)
        and bool(sources)
        and sources[0].get("label") == "operative paragraph 3"
        and isinstance(text, str)
        and "August 2020" in text
    )


def _wait_for_a_write(data_dir: Path, process: subprocess.Popen[bytes], limit: float) -> None:
    deadline = time.monotonic() + limit
    while process.poll() is None and time.monotonic() < deadline:
        if _temp_files(data_dir):
            return
        time.sleep(0.0005)


def kill_once(data_dir: Path, kind: str, rng: random.Random, reindex_s: float) -> Kill:
    if kind == "writing-encoder":
        (data_dir / "query_encoder.onnx").unlink(missing_ok=True)
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "reindex"],
        env=_environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=PROJECT_ROOT,
    )
    if kind == "anytime":
        time.sleep(rng.uniform(0.0, reindex_s))
    else:
        _wait_for_a_write(data_dir, process, limit=10 * reindex_s)
        time.sleep(rng.uniform(0.0, 0.005))
    after = time.monotonic() - started
    finished = process.poll() is not None
    if not finished:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    left = _temp_files(data_dir)
    before = _built_at(data_dir)
    answers, seconds = _ask(data_dir)
    return Kill(
        kind=kind,
        after_s=round(after, 3),
        reindex_finished=finished,
        temp_files_after_kill=left,
        next_start_rebuilt=_built_at(data_dir) != before,
        france_against=len(answers) == 2 and _france_against(answers[0]),
        passage_right=len(answers) == 2 and _passage_right(answers[1]),
        temp_files_after_start=_temp_files(data_dir),
        answer_s=round(seconds, 2),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=21)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    data_dir = Path(tempfile.mkdtemp(prefix="rapporteur-kill-"))
    reindex_s = _reindex(data_dir)
    details = []
    for number in range(args.kills):
        kill = kill_once(data_dir, KINDS[number % len(KINDS)], rng, reindex_s)
        details.append(kill)
        print(f"kill {number + 1}/{args.kills}: {kill.model_dump_json()}", file=sys.stderr)
    report = Report(
        kills=len(details),
        by_kind={kind: sum(kill.kind == kind for kill in details) for kind in KINDS},
        reindex_s=round(reindex_s, 2),
        killed_mid_reindex=sum(not kill.reindex_finished for kill in details),
        left_temp_files=sum(kill.temp_files_after_kill > 0 for kill in details),
        next_start_rebuilt=sum(kill.next_start_rebuilt for kill in details),
        answers_right=sum(kill.france_against and kill.passage_right for kill in details),
        temp_files_remaining=sum(kill.temp_files_after_start for kill in details),
        details=details,
    )
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(
            f"{report.kills} kills {report.by_kind} (a full reindex took {report.reindex_s} s): "
            f"{report.killed_mid_reindex} mid-reindex, {report.left_temp_files} left *.tmp "
            f"files, {report.next_start_rebuilt} next starts rebuilt, "
            f"{report.answers_right}/{report.kills} starts answered both questions right, "
            f"{report.temp_files_remaining} *.tmp files remained after the next start."
        )
    failed = report.answers_right < report.kills or report.temp_files_remaining > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
