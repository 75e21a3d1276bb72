"""A busy host on demand: CPU-bound processes that stop by themselves and are always stopped.

Benchmarks use it to measure answers while other work competes for the cores, which is the
normal case for a bot on a shared host (issue 8 measured 20x slower answers there).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

BURN = (
    "import time\n"
    "end = time.monotonic() + {seconds}\n"
    "while time.monotonic() < end:\n"
    "    sum(i * i for i in range(10_000))\n"
)


@contextlib.contextmanager
def busy_host(processes: int = 2, seconds: float = 300.0) -> Iterator[None]:
    """Run ``processes`` CPU-bound loops for the block; each exits after ``seconds`` anyway."""
    burners = [
        subprocess.Popen([sys.executable, "-c", BURN.format(seconds=seconds)])
        for _ in range(processes)
    ]
    try:
        yield
    finally:
        for burner in burners:
            burner.terminate()
        for burner in burners:
            try:
                burner.wait(timeout=5)
            except subprocess.TimeoutExpired:
                burner.kill()
                burner.wait()
