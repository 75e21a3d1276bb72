"""How the cost of reading a question grows with its length: it must stay linear and small.

Reads questions of growing length built from hostile repetitions (country names that nearly
collide, group names, one endless word, punctuation) through ``Engine.read`` (warm), and
prints the median time per length and the time per character, which stays flat when reading
is linear. Reading is the same for every front end; retrieval is not involved.

Run: ``.venv/bin/python bench/reading.py [--runs 20]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from index.engine import Engine
from index.settings import EngineSettings

LENGTHS = (100, 250, 500, 1000)
PATTERNS = {
    "near-colliding countries": "Niger Nigeria Guinea Papua New Guinea Dominica ",
    "groups and blocs": "which EU G7 G20 ASEAN African Group countries abstained ",
    "one long word": "a",
    "punctuation": "?! ,. ",
    "casual question": "how'd the kiwis and the swiss vote on this y/n ",
}


def question(pattern: str, length: int) -> str:
    return (pattern * (length // len(pattern) + 1))[:length]


def measure(engine: Engine, text: str, runs: int) -> float:
    """Median seconds to read ``text``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        engine.read(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rapporteur-reading-") as data:
        engine = Engine(EngineSettings(data_dir=Path(data)))
        engine.read("How did France vote?")
        header = " | ".join(f"{n} chars ms" for n in LENGTHS)
        print(f"| input | {header} | µs per char at {LENGTHS[0]} | at {LENGTHS[-1]} |")
        print("| --- |" + " ---: |" * (len(LENGTHS) + 2))
        for name, pattern in PATTERNS.items():
            medians = [measure(engine, question(pattern, n), args.runs) for n in LENGTHS]
            per_char = [m / n * 1e6 for m, n in zip(medians, LENGTHS, strict=True)]
            cells = " | ".join(f"{m * 1000:.2f}" for m in medians)
            print(f"| {name} | {cells} | {per_char[0]:.1f} | {per_char[-1]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
