"""Answer time per answer kind through ``Engine.ask``: idle, then with the host kept busy.

Questions come from JSON Lines files (one object with a ``question`` field per line), so any
evaluation set can be replayed: by default the retrieval evaluation, its out-of-scope
questions and ``bench/questions_casual.jsonl``. Each file's questions are asked ``--rounds``
times, in order, warm (the index is built or loaded first); the busy phase repeats that
while two CPU-bound processes, started, bounded in time and stopped here, compete for the
cores. Numbers, never assertions.

Run: ``.venv/bin/python -m bench.question_mix [--questions FILE ...] [--rounds 3] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from bench.busy import busy_host
from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings

DEFAULT_FILES = (
    PROJECT_ROOT / "eval" / "questions.jsonl",
    PROJECT_ROOT / "eval" / "out_of_scope.jsonl",
    PROJECT_ROOT / "bench" / "questions_casual.jsonl",
)


class KindTimes(BaseModel):
    kind: str
    answers: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    cpu_ms_per_answer: float


class Phase(BaseModel):
    name: str
    seconds: float
    kinds: list[KindTimes]
    slowest: list[tuple[float, str]]


class MixReport(BaseModel):
    questions: int
    files: list[str]
    rounds: int
    phases: list[Phase]


def read_questions(paths: Sequence[Path]) -> list[str]:
    questions = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                question = json.loads(line).get("question")
                if isinstance(question, str):
                    questions.append(question)
    return questions


def percentile(sorted_ms: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return sorted_ms[min(len(sorted_ms) - 1, max(0, round(share * len(sorted_ms)) - 1))]


def run_phase(name: str, engine: Engine, questions: Sequence[str], rounds: int) -> Phase:
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    slowest: list[tuple[float, str]] = []
    started = time.perf_counter()
    for _ in range(rounds):
        for question in questions:
            began, began_cpu = time.perf_counter(), time.thread_time()
            answer = engine.ask(question)
            elapsed = (time.perf_counter() - began) * 1000
            spent = (time.thread_time() - began_cpu) * 1000
            for kind in (answer.kind.value, "all"):
                wall[kind].append(elapsed)
                cpu[kind].append(spent)
            slowest.append((round(elapsed, 1), question))
    kinds = []
    for kind in sorted(wall, key=lambda k: (k == "all", k)):
        times = sorted(wall[kind])
        kinds.append(
            KindTimes(
                kind=kind,
                answers=len(times),
                p50_ms=round(statistics.median(times), 2),
                p95_ms=round(percentile(times, 0.95), 2),
                p99_ms=round(percentile(times, 0.99), 2),
                max_ms=round(times[-1], 2),
                cpu_ms_per_answer=round(statistics.fmean(cpu[kind]), 2),
            )
        )
    return Phase(
        name=name,
        seconds=round(time.perf_counter() - started, 2),
        kinds=kinds,
        slowest=sorted(slowest, reverse=True)[:5],
    )


def markdown(report: MixReport) -> str:
    lines = [
        f"{report.questions} questions x {report.rounds} rounds ({', '.join(report.files)})",
        "",
        "| phase | kind | answers | p50 ms | p95 ms | p99 ms | max ms | CPU ms/answer |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for phase in report.phases:
        lines += [
            f"| {phase.name} | {k.kind} | {k.answers} | {k.p50_ms} | {k.p95_ms} | {k.p99_ms} "
            f"| {k.max_ms} | {k.cpu_ms_per_answer} |"
            for k in phase.kinds
        ]
    for phase in report.phases:
        slow = "; ".join(f"{ms} ms {question!r}" for ms, question in phase.slowest)
        lines.append(f"\nSlowest ({phase.name}, {phase.seconds} s in all): {slow}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", nargs="+", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--busy-processes", type=int, default=2)
    parser.add_argument("--data-dir", type=Path, help="reuse this index folder")
    parser.add_argument("--skip-busy", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="rapporteur-mix-"))
    engine = Engine(EngineSettings(data_dir=data_dir))
    warm = engine.warm_up()
    if not warm.ok:
        raise SystemExit(f"index not ready: {warm.reason}")
    questions = read_questions(args.questions)
    for question in questions:
        engine.ask(question)
    phases = [run_phase("idle", engine, questions, args.rounds)]
    if not args.skip_busy:
        # Bounded at ten times the idle phase: the burners stop even if this process dies.
        with busy_host(args.busy_processes, seconds=max(60.0, 10 * phases[0].seconds)):
            time.sleep(0.5)
            phases.append(run_phase("busy", engine, questions, args.rounds))
    report = MixReport(
        questions=len(questions),
        files=[path.name for path in args.questions],
        rounds=args.rounds,
        phases=phases,
    )
    print(report.model_dump_json(indent=2) if args.json else markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
