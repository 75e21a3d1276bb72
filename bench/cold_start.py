"""Cold-start time of the ``rapporteur`` command for each kind of question.

Each run is a fresh process (``python -m bot ask ...``), as a user or a restarting bot pays
it. The search index must already be on disk: run ``rapporteur reindex`` once first, or the
first passage question includes the build. Run: ``.venv/bin/python bench/cold_start.py``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

QUESTIONS = {
    "vote (rapporteur vote France)": ["vote", "France"],
    "tally": ["ask", "What was the tally?"],
    "sponsors": ["ask", "Who sponsored it?"],
    "paragraph": ["ask", "operative paragraph 3"],
    "passage": ["ask", "Who pays for delegates from developing countries?"],
    "passage (refused)": ["ask", "What is the weather in Paris?"],
}


def cold_run(arguments: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", *arguments], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    cold_run(["ask", "Who pays for delegates from developing countries?"])  # index on disk
    print("| command | median s | max s | runs |\n|---|---:|---:|---:|")
    for kind, arguments in QUESTIONS.items():
        samples = [cold_run(arguments) for _ in range(runs)]
        print(f"| {kind} | {statistics.median(samples):.2f} | {max(samples):.2f} | {runs} |")


if __name__ == "__main__":
    main()
