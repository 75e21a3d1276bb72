"""What a rebuild costs: the full build of a 1 MB library, then adding one report to it.

The library is made of synthetic variants of the seed report (62 of them, 1.0 MB): each has
its own draft symbols and a variant tag in every sentence of its prose paragraphs, so its
prose is new to the index (the vote, sponsor and statement paragraphs, which the parser
reads for records, keep their words and repeat from report to report). Each case runs in a
fresh process with the real model, as ``rapporteur reindex`` and ``rapporteur add`` do, and
reports the wall and CPU time (the machine is shared: CPU seconds move less with its load),
the texts it had to encode and the process's peak RSS. Numbers, never assertions.

Run: ``.venv/bin/python -m bench.incremental [--reports 62] [--json]`` (a few minutes).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from pydantic import BaseModel

from index.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
RECORDS = re.compile(r"representative|recorded vote|sponsor|statements? in explanation")
"""Paragraphs the parser reads for votes, sponsors and statements keep their words."""
_PROSE = re.compile(r"^(?:\d+\.\s|\*[A-Z])")
_SENTENCE_END = re.compile(r"(?<=[a-z)”])([.,;])(?=(?:<sup>\d+</sup>)?(?:\s|$))")

PROBE = """
import json, resource, sys, time
from pathlib import Path
from index.engine import Engine
from index.settings import EngineSettings

started = time.perf_counter()
engine = Engine(EngineSettings(seeds_dir=Path(sys.argv[1]), data_dir=Path(sys.argv[2])))
report = engine.reindex()
seconds = time.perf_counter() - started
status = dict(
    line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
    "ok": report.ok,
    "seconds": round(seconds, 1),
    "documents": report.documents,
    "paragraphs": report.paragraphs,
    "vectors": report.vectors,
    "texts_encoded": report.texts_encoded,
    "peak_rss_mb": round(int(status["VmHWM"].split()[0]) / 1024),
}))
"""


class BuildCase(BaseModel):
    case: str
    ok: bool
    seconds: float
    cpu_seconds: float
    documents: int
    paragraphs: int
    vectors: int
    texts_encoded: int
    peak_rss_mb: int


def variant(text: str, number: int) -> str:
    """The seed as report ``number`` of the library: new draft symbols, and a tag in every
    sentence of the prose paragraphs, so none of its prose is text the index has seen."""
    text = text.replace("A/C.3/74/L.11", f"A/C.3/74/L.{100 + number}")
    lines = []
    for line in text.splitlines():
        if _PROSE.match(line) and not RECORDS.search(line):
            line = _SENTENCE_END.sub(rf" (library report {number})\1", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def make_library(folder: Path, reports: int) -> int:
    """Write ``reports`` variants into ``folder``; return their total size in bytes."""
    text = SEED.read_text(encoding="utf-8")
    for number in range(1, reports + 1):
        (folder / f"report-{number:03d}.md").write_text(variant(text, number), encoding="utf-8")
    return sum(path.stat().st_size for path in folder.glob("*.md"))


def run(case: str, seeds: Path, data: Path) -> BuildCase:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(seeds), str(data)],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    return BuildCase(case=case, **json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description="Full build vs adding one report.")
    parser.add_argument("--reports", type=int, default=62)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        seeds, data = Path(scratch, "seeds"), Path(scratch, "data")
        seeds.mkdir()
        size = make_library(seeds, args.reports)
        cases = [run(f"full build, {args.reports} reports ({size / 1e6:.2f} MB)", seeds, data)]
        text = SEED.read_text(encoding="utf-8")
        added = seeds / f"report-{args.reports + 1:03d}.md"
        added.write_text(variant(text, args.reports + 1), encoding="utf-8")
        cases.append(run("add one report", seeds, data))
        cases.append(run("reindex, nothing changed", seeds, data))
    if args.json:
        print(json.dumps([case.model_dump() for case in cases], indent=2))
        return
    print(
        "| case | wall s | CPU s | documents | paragraphs | vectors | texts encoded | peak RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for case in cases:
        print(
            f"| {case.case} | {case.seconds} | {case.cpu_seconds} | {case.documents} | "
            f"{case.paragraphs} | {case.vectors} | {case.texts_encoded} | {case.peak_rss_mb} |"
        )


if __name__ == "__main__":
    main()
