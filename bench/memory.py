"""Resident memory of the bot process after its warm-up: with the index on disk, and without.

Each case runs in a fresh process that imports what ``rapporteur run`` imports (discord.py
and the bot package), creates the engine and warms it up as the bot does on start, then
reports its RSS, its peak RSS and whether torch was imported (it must not be when the
index exists). Numbers, never assertions.

Run: ``.venv/bin/python -m bench.memory [--json]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from index.settings import PROJECT_ROOT

PROBE = """
import json, sys
from pathlib import Path
import bot.discord_app.client
from index.engine import Engine
from index.settings import EngineSettings

engine = Engine(EngineSettings(data_dir=Path(sys.argv[1])))
report = engine.warm_up()
engine.ask("When does the ad hoc committee meet?")
status = dict(
    line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
)
print(json.dumps({
    "action": report.action.value,
    "rss_mb": int(status["VmRSS"].split()[0]) / 1024,
    "peak_rss_mb": int(status["VmHWM"].split()[0]) / 1024,
    "torch_imported": "torch" in sys.modules,
}))
"""


class MemoryCase(BaseModel):
    case: str
    action: str
    rss_mb: float
    peak_rss_mb: float
    torch_imported: bool


def probe(case: str, data_dir: Path) -> MemoryCase:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    return MemoryCase(
        case=case,
        action=values["action"],
        rss_mb=round(values["rss_mb"], 1),
        peak_rss_mb=round(values["peak_rss_mb"], 1),
        torch_imported=values["torch_imported"],
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="rapporteur-memory-"))
    cases = [probe("index has to be built", data_dir), probe("index on disk", data_dir)]
    if args.json:
        print(json.dumps([case.model_dump() for case in cases], indent=2))
    else:
        print("| bot after warm-up | action | RSS MB | peak RSS MB | torch imported |")
        print("|---|---|---:|---:|---|")
        for case in cases:
            print(
                f"| {case.case} | {case.action} | {case.rss_mb} | {case.peak_rss_mb} "
                f"| {case.torch_imported} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
