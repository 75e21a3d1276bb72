"""Passage-answer latency (warm, in process), index build time, cold load time and peak RSS.

Run: ``.venv/bin/python bench/latency.py [--runs 200] [--json]``. The build uses the real
model through sentence-transformers; queries use the exported ONNX encoder, as the CLI does.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from index.parsing.document import load_documents
from index.search.retriever import Retriever
from index.settings import EngineSettings

QUESTIONS = (
    "What does the resolution decide?",
    "When does the ad hoc committee meet?",
    "Who pays for delegates from developing countries?",
    "Which report of the Secretary-General did the Committee have before it?",
    "What is resolution 65/230 about?",
    "Does the resolution mention human rights?",
    "What is the weather in Paris?",
)


class LatencyReport(BaseModel):
    runs: int
    p50_ms: float
    p99_ms: float
    build_seconds: float
    load_seconds: float
    peak_rss_mb: float


def peak_rss_mb() -> float:
    """ru_maxrss is in KiB on Linux."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(runs: int) -> LatencyReport:
    settings = EngineSettings(data_dir=Path(tempfile.mkdtemp(prefix="rapporteur-bench-")))
    documents = load_documents(settings.seeds_dir)
    start = time.perf_counter()
    built = Retriever(settings).ensure_ready(documents)
    build_seconds = time.perf_counter() - start
    if not built.ok:
        raise SystemExit(built.reason)

    start = time.perf_counter()
    retriever = Retriever(settings)
    retriever.ensure_ready(documents)
    load_seconds = time.perf_counter() - start

    for question in QUESTIONS:
        retriever.answer(question)
    timings = []
    for run in range(runs):
        start = time.perf_counter()
        retriever.answer(QUESTIONS[run % len(QUESTIONS)])
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return LatencyReport(
        runs=runs,
        p50_ms=round(statistics.median(timings), 2),
        p99_ms=round(timings[min(len(timings) - 1, int(0.99 * len(timings)))], 2),
        build_seconds=round(build_seconds, 2),
        load_seconds=round(load_seconds, 3),
        peak_rss_mb=round(peak_rss_mb(), 1),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="Passage-answer latency benchmark")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    report = measure(args.runs)
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(
            f"| passage answers ({report.runs} warm runs) | p50 {report.p50_ms} ms | "
            f"p99 {report.p99_ms} ms |\n"
            f"| index build (real model, incl. model load) | {report.build_seconds} s | |\n"
            f"| index load from disk | {report.load_seconds} s | |\n"
            f"| peak RSS | {report.peak_rss_mb} MB | |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
