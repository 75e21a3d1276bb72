"""Kill a process writing the question log with SIGKILL, again and again; count what is lost.

Each round starts a child that opens the log as the bot does (``QuestionLog``) and hands it
one answer every ``--pace-ms``, printing each answer's number as it goes; the child is
killed at a random moment. Then the log is opened from outside and checked:

- the database is whole (SQLite's ``integrity_check``; on PostgreSQL, every row reads back
  and its JSON parses);
- the answers of the round that reached it are a prefix 0…k-1 of what was handed over (no
  hole, no row twice, no torn row);
- lost = handed over minus written: the rows still queued or being written when the kill came.

The next round writes to the same log, so a kill must also leave it writable. Counts,
never assertions; the exit code is 1 if any check failed.

Run: ``.venv/bin/python -m bench.log_kill [--kills 24] [--database-url postgresql://…]
[--seed 7] [--json]``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select

from bot.question_log.entries import FrontEnd
from bot.question_log.schema import answers
from bot.question_log.settings import LogSettings
from bot.question_log.store import LogStore
from bot.question_log.writer import QuestionLog
from index.answers import Answer, AnswerKind, Source
from index.settings import PROJECT_ROOT


class Round(BaseModel):
    killed_after_s: float
    handed_over: int
    written: int
    lost: int
    prefix: bool
    whole: bool


class Report(BaseModel):
    database: str
    kills: int
    pace_ms: float
    rounds: list[Round]
    max_lost: int
    rounds_losing_nothing: int
    rounds_losing_one: int
    failed_checks: int


def child(folder: Path, url: str | None, round_id: int, pace_ms: float) -> None:
    """Hand the log numbered answers until killed."""
    log = QuestionLog.open(LogSettings(database_url=url), folder, FrontEnd.DISCORD)
    log.record_answer(_answer(round_id, -1), command="ask")
    log.flush(60)  # connected and migrated
    print("ready", flush=True)
    number = 0
    while True:
        log.record_answer(_answer(round_id, number), command="ask")
        print(number, flush=True)
        number += 1
        time.sleep(pace_ms / 1000)


def _answer(round_id: int, number: int) -> Answer:
    return Answer(
        question=f"round {round_id} answer {number}",
        kind=AnswerKind.NO_ANSWER,
        answered=False,
        text="I could not find an answer to that in the documents I know. " * 8,
        sources=[Source(document="A/74/401", label="paragraph 10", text="…" * 200, score=0.5)],
    )


def run_round(
    folder: Path, url: str | None, round_id: int, pace_ms: float, rng: random.Random
) -> tuple[float, int]:
    command = [sys.executable, "-m", "bench.log_kill", "--child", str(round_id),
               "--folder", str(folder), "--pace-ms", str(pace_ms)]  # fmt: skip
    if url:
        command += ["--database-url", url]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, cwd=PROJECT_ROOT, env=environment
    )
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise RuntimeError("the writing child did not start")
    handed = [-1]

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            handed[0] = int(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    wait = rng.uniform(0.2, 1.5)
    time.sleep(wait)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reader.join()
    return wait, handed[0] + 1


def check(store: LogStore, folder: Path, url: str | None, round_id: int) -> tuple[int, bool, bool]:
    """How many of the round's answers are in the log, whether they are a prefix, and
    whether the database is whole."""
    whole = True
    if url is None:
        with sqlite3.connect(folder / "questions.sqlite3") as connection:
            whole = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    prefix = f"round {round_id} answer "
    with store.ready().connect() as connection:
        rows = connection.execute(
            select(answers.c.question, answers.c.answer).where(
                answers.c.question.like(f"{prefix}%")
            )
        ).all()
    numbers = sorted(int(row.question.removeprefix(prefix)) for row in rows)
    whole = whole and all(row.answer["question"] == row.question for row in rows)
    written = [n for n in numbers if n >= 0]
    return len(written), written == list(range(len(written))), whole


def summary(report: Report) -> str:
    lines = [
        f"{report.kills} kills of a process writing {report.database}, "
        f"one answer every {report.pace_ms} ms",
        f"lost per kill: max {report.max_lost}; none in {report.rounds_losing_nothing}, "
        f"one in {report.rounds_losing_one}; failed checks {report.failed_checks}",
    ]
    lines += [
        f"  {n:2d}: killed after {r.killed_after_s:.2f} s, handed {r.handed_over}, "
        f"written {r.written}, lost {r.lost}, prefix {r.prefix}, whole {r.whole}"
        for n, r in enumerate(report.rounds)
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--pace-ms", type=float, default=2.0)
    parser.add_argument("--database-url", help="a PostgreSQL URL; default: SQLite")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.folder, args.database_url, args.child, args.pace_ms)
        return 0

    folder = Path(tempfile.mkdtemp(prefix="rapporteur-log-kill-"))
    settings = LogSettings(database_url=args.database_url)
    store = LogStore(settings.sqlalchemy_url(folder), sqlite_path=settings.sqlite_path(folder))
    rng = random.Random(args.seed)
    rounds = []
    for round_id in range(args.kills):
        wait, handed = run_round(folder, args.database_url, round_id, args.pace_ms, rng)
        written, prefix, whole = check(store, folder, args.database_url, round_id)
        lost = max(0, handed - written)
        rounds.append(Round(killed_after_s=round(wait, 3), handed_over=handed, written=written,
                            lost=lost, prefix=prefix, whole=whole))  # fmt: skip
    store.close()
    losses = [r.lost for r in rounds]
    failed = [r for r in rounds if not (r.prefix and r.whole and r.written <= r.handed_over + 1)]
    report = Report(
        database=store.where,
        kills=len(rounds),
        pace_ms=args.pace_ms,
        rounds=rounds,
        max_lost=max(losses),
        rounds_losing_nothing=losses.count(0),
        rounds_losing_one=losses.count(1),
        failed_checks=len(failed),
    )
    print(report.model_dump_json() if args.json else summary(report))
    return 1 if report.failed_checks else 0


if __name__ == "__main__":
    raise SystemExit(main())
