"""What logging adds to an answer: the same questions answered with the log off and on.

Each question is answered through ``Engine.ask`` and, with the log on, handed to the
question log as the front ends do (``record_answer``); the writer thread writes the row
meanwhile, competing with the answers for the interpreter. Questions come one every
``--pace-ms`` (a busy bot). The phases (log off, on, off again) interleave in blocks of
``--block`` questions, so that the host's load, which drifts over seconds, weighs on all
three alike; after each block with the log on, the writer is given time to write what it
holds (untimed), so its work falls on that block and not on the next. ``--busy N`` runs N
CPU-bound processes meanwhile (``bench/busy.py``): the usual case of a shared host. The
report gives:

- the answer time with the log off and on (p50, p99, max), their differences, and the
  differences between the two log-off phases (the host's noise on those figures);
- ``record_answer`` alone (what the answer path pays to log), in wall time and in the
  calling thread's CPU time (which a loaded host does not inflate), beside a control timed
  the same way in the log-off phases: the same entry built, not queued, which shows what
  the host's scheduling alone does to so short a step;
- how long the writer takes per row, and whether it kept up.

Numbers, never assertions. Run: ``.venv/bin/python -m bench.question_log [--rounds 3]
[--busy 2] [--database-url postgresql://…] [--json]``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bench.busy import busy_host
from bench.question_mix import percentile, read_questions
from bot.question_log.entries import AnswerEntry, FrontEnd, utc_now
from bot.question_log.settings import LogSettings
from bot.question_log.writer import QuestionLog
from index.answers import Answer
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
    block: int
    busy_processes: int
    log_off: Times
    log_on: Times
    log_off_again: Times
    added: Times
    """Log on minus log off, figure by figure."""
    noise: Times
    """The second log-off phase minus the first: what chance moves each figure by."""
    added_p99_interval: Interval
    noise_p99_interval: Interval
    record_answer: Times
    record_answer_cpu: Times
    control: Times
    control_cpu: Times
    writer_ms_per_row: float
    writer_caught_up_s: float


class Interval(BaseModel):
    """A 95% interval, from resampling the blocks (each block's three phases together)."""

    low_ms: float
    high_ms: float


@dataclass
class Block:
    """Milliseconds per answer of one block's questions, per phase."""

    off: list[float] = field(default_factory=list)
    on: list[float] = field(default_factory=list)
    off_again: list[float] = field(default_factory=list)


@dataclass
class Samples:
    blocks: list[Block] = field(default_factory=list)
    step: list[float] = field(default_factory=list)
    step_cpu: list[float] = field(default_factory=list)
    control: list[float] = field(default_factory=list)
    control_cpu: list[float] = field(default_factory=list)


def times(values_ms: Sequence[float]) -> Times:
    ordered = sorted(values_ms)
    return Times(
        p50_ms=round(statistics.median(ordered), 3),
        p99_ms=round(percentile(ordered, 0.99), 3),
        max_ms=round(ordered[-1], 3),
    )


def difference(later: Times, earlier: Times) -> Times:
    return Times(
        p50_ms=round(later.p50_ms - earlier.p50_ms, 3),
        p99_ms=round(later.p99_ms - earlier.p99_ms, 3),
        max_ms=round(later.max_ms - earlier.max_ms, 3),
    )


def phase(samples: Samples, name: str, blocks: Sequence[int] | None = None) -> list[float]:
    chosen = samples.blocks if blocks is None else [samples.blocks[i] for i in blocks]
    return [ms for block in chosen for ms in getattr(block, name)]


def p99_difference_interval(
    samples: Samples, later: str, earlier: str, *, resamples: int = 1000, seed: int = 7
) -> Interval:
    """Where the p99 of ``later`` minus that of ``earlier`` lies, 95 times in 100: blocks
    are drawn again with replacement, so host load that lasted a block stays paired."""
    rng = random.Random(seed)
    count = len(samples.blocks)
    differences = []
    for _ in range(resamples):
        drawn = [rng.randrange(count) for _ in range(count)]
        differences.append(
            percentile(sorted(phase(samples, later, drawn)), 0.99)
            - percentile(sorted(phase(samples, earlier, drawn)), 0.99)
        )
    differences.sort()
    return Interval(
        low_ms=round(percentile(differences, 0.025), 3),
        high_ms=round(percentile(differences, 0.975), 3),
    )


def timed(step: Callable[..., object], *args: Any, **kwargs: Any) -> tuple[float, float]:
    """Wall and CPU milliseconds of ``step``; the wall clock is read inside the CPU clock,
    whose reading is a system call, so the wall time holds no system call but the step's."""
    began_cpu = time.thread_time()
    began = time.perf_counter()
    step(*args, **kwargs)
    wall = time.perf_counter() - began
    return wall * 1000, (time.thread_time() - began_cpu) * 1000


def measure(
    engine: Engine,
    questions: Sequence[str],
    log: QuestionLog,
    *,
    rounds: int,
    pace_ms: float,
    block: int,
) -> Samples:
    samples = Samples()
    control_ids = itertools.count()

    def control(answer: Answer) -> None:
        """What ``record_answer`` does but queue the entry."""
        AnswerEntry(f"control{next(control_ids):016x}", utc_now(), FrontEnd.DISCORD,
                    "ask", 1, 2, answer)  # fmt: skip

    for _ in range(rounds):
        for start in range(0, len(questions), block):
            chunk = questions[start : start + block]
            times_of = Block()
            samples.blocks.append(times_of)
            for logged, out in ((False, times_of.off), (True, times_of.on),
                                (False, times_of.off_again)):  # fmt: skip
                for question in chunk:
                    began = time.perf_counter()
                    answer = engine.ask(question)
                    if logged:
                        wall, cpu = timed(
                            log.record_answer, answer, command="ask", guild_id=1, channel_id=2
                        )
                        samples.step.append(wall)
                        samples.step_cpu.append(cpu)
                    else:
                        wall, cpu = timed(control, answer)
                        samples.control.append(wall)
                        samples.control_cpu.append(cpu)
                    out.append((time.perf_counter() - began) * 1000)
                    time.sleep(pace_ms / 1000)
                if logged:
                    log.flush(30)
    return samples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pace-ms", type=float, default=5.0)
    parser.add_argument("--block", type=int, default=25, help="questions a phase at a time")
    parser.add_argument("--busy", type=int, default=0, help="CPU-bound processes meanwhile")
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

    busy = busy_host(args.busy) if args.busy else contextlib.nullcontext()
    with busy:
        samples = measure(engine, questions, log, rounds=args.rounds, pace_ms=args.pace_ms,
                          block=args.block)  # fmt: skip
    waited = time.perf_counter()
    caught_up = log.flush(120)
    caught_up_s = time.perf_counter() - waited

    burst = [engine.ask(q) for q in questions]
    before = time.perf_counter()
    for answer in burst:
        log.record_answer(answer, command="ask")
    log.flush(120)
    per_row = (time.perf_counter() - before) * 1000 / len(burst)
    log.close()

    off, on, off_again = (times(phase(samples, name)) for name in ("off", "on", "off_again"))
    report = Report(
        database=log.store.where if args.database_url else "SQLite (WAL) in a temporary folder",
        answers=len(phase(samples, "on")),
        pace_ms=args.pace_ms,
        block=args.block,
        busy_processes=args.busy,
        log_off=off,
        log_on=on,
        log_off_again=off_again,
        added=difference(on, off),
        noise=difference(off_again, off),
        added_p99_interval=p99_difference_interval(samples, "on", "off"),
        noise_p99_interval=p99_difference_interval(samples, "off_again", "off"),
        record_answer=times(samples.step),
        record_answer_cpu=times(samples.step_cpu),
        control=times(samples.control),
        control_cpu=times(samples.control_cpu),
        writer_ms_per_row=round(per_row, 3),
        writer_caught_up_s=round(caught_up_s if caught_up else float("nan"), 3),
    )
    print(report.model_dump_json() if args.json else summary(report, len(burst)))
    return 0


def summary(report: Report, burst: int) -> str:
    lines = [
        f"{report.database}: {report.answers} answers a phase, one every {report.pace_ms} ms, "
        f"phases interleaved {report.block} questions at a time, "
        f"{report.busy_processes} CPU-bound process(es) meanwhile",
        "| measure | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|",
    ]
    for name, measured in (
        ("answer, log off", report.log_off),
        ("answer, log on", report.log_on),
        ("answer, log off again", report.log_off_again),
        ("added: log on minus log off", report.added),
        ("noise: log off again minus log off", report.noise),
        ("record_answer, wall", report.record_answer),
        ("record_answer, CPU", report.record_answer_cpu),
        ("control: the entry built, not queued, wall", report.control),
        ("control, CPU", report.control_cpu),
    ):
        lines.append(f"| {name} | {measured.p50_ms} | {measured.p99_ms} | {measured.max_ms} |")
    lines.append(
        f"p99 added: {report.added.p99_ms} ms, 95% interval {report.added_p99_interval.low_ms} "
        f"to {report.added_p99_interval.high_ms}; between the log-off phases: "
        f"{report.noise.p99_ms} ms, {report.noise_p99_interval.low_ms} to "
        f"{report.noise_p99_interval.high_ms}"
    )
    lines.append(
        f"writer: {report.writer_ms_per_row} ms a row in a burst of {burst}; "
        f"caught up {report.writer_caught_up_s} s after the last answer"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
