"""What logging adds to an answer: the same questions answered with the log off and on.

Each question is answered through ``Engine.ask`` and, with the log on, handed to the
question log as the front ends do (``record_answer``); the writer thread writes the row
meanwhile, competing with the answers for the interpreter. Questions come one every
``--pace-ms`` (a busy bot), the phases interleave round by round, and the report gives:

- the answer time with the log off and on (p50, p99), and the difference of the p99s,
  beside the difference between two log-off phases (the host's noise on that figure);
- ``record_answer`` alone (what the answer path pays to log), in wall time and in the
  calling thread's CPU time (which a loaded host does not inflate), beside a control: the
  same entry built in the log-off phase and not queued, which shows what the host's
  scheduling alone does to a 50 µs step;
- how long the writer takes per row, and whether it kept up.

Numbers, never assertions. Run: ``.venv/bin/python -m bench.question_log [--rounds 3]
[--database-url postgresql://…] [--json]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from bench.question_mix import percentile, read_questions
from bot.question_log.entries import AnswerEntry, FrontEnd, utc_now
from bot.question_log.settings import LogSettings
from bot.question_log.writer import QuestionLog
from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings

QUESTIONS = PROJECT_ROOT / "eval" / "understanding.jsonl"


class Times(BaseModel):
    p50_ms: float
    p99_ms: float
    max_ms: float


class Report(BaseModel):
    database: str
    answers: int
    pace_ms: float
    log_off: Times
    log_on: Times
    p99_added_ms: float
    p99_noise_ms: float
    """p99 of a second log-off phase minus the first's: what chance moves the p99 by."""
    record_answer: Times
    record_answer_cpu: Times
    control: Times
    writer_ms_per_row: float
    writer_caught_up_s: float


def times(values_ms: Sequence[float]) -> Times:
    ordered = sorted(values_ms)
    return Times(
        p50_ms=round(statistics.median(ordered), 3),
        p99_ms=round(percentile(ordered, 0.99), 3),
        max_ms=round(ordered[-1], 3),
    )


def measure(
    engine: Engine, questions: Sequence[str], log: QuestionLog, rounds: int, pace_ms: float
) -> tuple[list[float], list[float], list[float], list[float], list[float], list[float]]:
    off: list[float] = []
    on: list[float] = []
    off_again: list[float] = []
    recording: list[float] = []
    recording_cpu: list[float] = []
    control: list[float] = []
    for _ in range(rounds):
        for logged, out in ((False, off), (True, on), (False, off_again)):
            for question in questions:
                began = time.perf_counter()
                answer = engine.ask(question)
                if logged:
                    handed, handed_cpu = time.perf_counter(), time.thread_time()
                    log.record_answer(answer, command="ask", guild_id=1, channel_id=2)
                    recording.append((time.perf_counter() - handed) * 1000)
                    recording_cpu.append((time.thread_time() - handed_cpu) * 1000)
                else:
                    built = time.perf_counter()
                    AnswerEntry(uuid.uuid4().hex, utc_now(), FrontEnd.DISCORD, "ask", 1, 2, answer)
                    control.append((time.perf_counter() - built) * 1000)
                out.append((time.perf_counter() - began) * 1000)
                time.sleep(pace_ms / 1000)
    return off, on, off_again, recording, recording_cpu, control


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pace-ms", type=float, default=5.0)
    parser.add_argument("--database-url", help="a PostgreSQL URL; default: SQLite in a temp folder")
    parser.add_argument("--data-dir", type=Path, help="reuse this index folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    data_dir = args.data_dir or PROJECT_ROOT / ".data"
    engine = Engine(EngineSettings(data_dir=data_dir))
    report_ready = engine.warm_up()
    if not report_ready.ok:
        print(f"index not ready: {report_ready.reason}", file=sys.stderr)
        return 1
    questions = read_questions([QUESTIONS])
    for question in questions:  # warm every code path once
        engine.ask(question)
    folder = Path(tempfile.mkdtemp(prefix="rapporteur-log-bench-"))
    settings = LogSettings(database_url=args.database_url)
    log = QuestionLog.open(settings, folder, FrontEnd.DISCORD)
    assert log.store is not None
    log.record_answer(engine.ask(questions[0]), command="ask")
    log.flush(30)  # connected and migrated before measuring

    off, on, off_again, recording, recording_cpu, control = measure(
        engine, questions, log, args.rounds, args.pace_ms
    )
    waited = time.perf_counter()
    caught_up = log.flush(120)
    caught_up_s = time.perf_counter() - waited

    rows = len(questions) * args.rounds
    burst = [engine.ask(q) for q in questions]
    before = time.perf_counter()
    for answer in burst:
        log.record_answer(answer, command="ask")
    log.flush(120)
    per_row = (time.perf_counter() - before) * 1000 / len(burst)
    log.close()

    report = Report(
        database=log.store.where if args.database_url else "SQLite (WAL) in a temporary folder",
        answers=rows,
        pace_ms=args.pace_ms,
        log_off=times(off),
        log_on=times(on),
        p99_added_ms=round(percentile(sorted(on), 0.99) - percentile(sorted(off), 0.99), 3),
        p99_noise_ms=round(percentile(sorted(off_again), 0.99) - percentile(sorted(off), 0.99), 3),
        record_answer=times(recording),
        record_answer_cpu=times(recording_cpu),
        control=times(control),
        writer_ms_per_row=round(per_row, 3),
        writer_caught_up_s=round(caught_up_s if caught_up else float("nan"), 3),
    )
    if args.json:
        print(report.model_dump_json())
    else:
        print(f"{report.database}: {rows} answers a phase, one every {args.pace_ms} ms")
        print("| phase | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|")
        for name, measured in (
            ("answer, log off", report.log_off),
            ("answer, log on", report.log_on),
            ("record_answer alone", report.record_answer),
            ("record_answer alone, CPU", report.record_answer_cpu),
            ("control: an entry built, log off", report.control),
        ):
            print(f"| {name} | {measured.p50_ms} | {measured.p99_ms} | {measured.max_ms} |")
        print(f"p99 added by logging: {report.p99_added_ms} ms (a second log-off phase: "
              f"{report.p99_noise_ms} ms)")  # fmt: skip
        print(f"writer: {report.writer_ms_per_row} ms a row in a burst of {len(burst)}; "
              f"caught up {report.writer_caught_up_s} s after the last answer")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
