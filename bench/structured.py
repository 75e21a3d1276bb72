"""Warm, in-process latency of structured answers, one question per answer kind.

Run: ``.venv/bin/python bench/structured.py [--runs 500]``. Structured answers never touch
the search index, so this measures routing, country resolution and answer wording only.
"""

from __future__ import annotations

import argparse
import statistics
import time

from index.engine import Engine

QUESTIONS = {
    "vote (both votes, the default)": "How did France vote?",
    "vote (3 countries, yes/no, both votes)": "Did Niger, Nigeria and Brazil abstain?",
    "vote (plenary only)": "How did Brazil vote in plenary?",
    "tally": "What was the result of the vote?",
    "final vote (plenary tally)": "What was the final vote?",
    "who changed (the trail)": "Who changed their vote between the committee and the plenary?",
    "group on both votes": "Did the African Group vote the same way in plenary?",
    "roster": "Which countries voted against?",
    "sponsors": "Did India sponsor it?",
    "statements": "Who spoke for the EU?",
    "metadata": "Who was the rapporteur?",
    "paragraph": "operative paragraph 3",
    "resolution": "What does the resolution decide?",
}


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=500)
    runs = parser.parse_args().runs
    engine = Engine()
    print("| question kind | p50 ms | p99 ms | runs |\n|---|---:|---:|---:|")
    for kind, question in QUESTIONS.items():
        engine.ask(question)
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            engine.ask(question)
            samples.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(samples)
        print(f"| {kind} | {p50:.3f} | {percentile(samples, 0.99):.3f} | {runs} |")


if __name__ == "__main__":
    main()
