"""Cold-start time of the ``rapporteur`` command for each kind of question.

Each run is a fresh process (``python -m bot ask ...``), as a user or a restarting bot pays
it, against an index already on disk (built first into a temporary data folder, or the one
given). ``python -c "import pydantic"`` runs in the same rounds as a floor, so the ratio to
it survives a noisy machine. Runs are interleaved (one of each kind per round) so load
changes hit every kind alike. Numbers, never assertions.

Run: ``.venv/bin/python -m bench.cold_start [--runs 7] [--data-dir DIR]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from index.settings import PROJECT_ROOT

COMMANDS = {
    "python -c 'import pydantic' (floor)": ["-c", "import pydantic"],
    "rapporteur vote France": ["-m", "bot", "vote", "France"],
    "ask: tally": ["-m", "bot", "ask", "What was the tally?"],
    "ask: sponsors": ["-m", "bot", "ask", "Who sponsored it?"],
    "ask: paragraph": ["-m", "bot", "ask", "operative paragraph 3"],
    "ask: passage": ["-m", "bot", "ask", "When does the ad hoc committee meet?"],
    "ask: passage (refused)": ["-m", "bot", "ask", "What is the weather in Paris?"],
}


def cold_run(arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one fresh process."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments], check=True, capture_output=True, env=env, cwd=PROJECT_ROOT
    )
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="rapporteur-cold-"))
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(data_dir)}
    if not (data_dir / "manifest.json").is_file():
        cold_run(["-m", "bot", "reindex"], env)
    samples: dict[str, list[tuple[float, float]]] = {kind: [] for kind in COMMANDS}
    for _ in range(args.runs):
        for kind, arguments in COMMANDS.items():
            samples[kind].append(cold_run(arguments, env))
    floor = statistics.median(wall for wall, _ in samples[next(iter(COMMANDS))])
    print("| command | median wall s | median CPU s | max wall s | wall / floor | runs |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, runs in samples.items():
        walls = [wall for wall, _ in runs]
        wall = statistics.median(walls)
        cpu = statistics.median(cpu for _, cpu in runs)
        print(
            f"| {kind} | {wall:.2f} | {cpu:.2f} | {max(walls):.2f} | {wall / floor:.1f} "
            f"| {len(runs)} |"
        )


if __name__ == "__main__":
    main()
