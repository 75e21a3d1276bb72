"""The query encoder alone: load time, time per question (wall and CPU) and memory.

Loads the ONNX encoder stored with an index (built first into a temporary folder, or the
one given) in a fresh process, as a cold start does, then encodes questions one at a time.
Numbers, never assertions.

Run: ``.venv/bin/python -m bench.encoder [--runs 300] [--data-dir DIR]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from index.settings import PROJECT_ROOT

PROBE = """
import json, statistics, sys, time
from pathlib import Path

def rss_mb():
    status = Path("/proc/self/status").read_text().splitlines()
    return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024

started = time.perf_counter()
from index.search.embedders import SentenceTransformerEmbedder
from index.search.store import open_encoder, read_manifest
from index.settings import EngineSettings

import onnxruntime
import tokenizers

imports_s = time.perf_counter() - started
settings = EngineSettings(data_dir=Path(sys.argv[1]))
before = rss_mb()
started = time.perf_counter()
with open_encoder(settings.data_dir, read_manifest(settings.data_dir)) as model:
    encoder = SentenceTransformerEmbedder(settings.embedding_model).load_query_encoder(model)
encoder.encode(["warm"])
load_s = time.perf_counter() - started
questions = [
    "When does the ad hoc committee meet?",
    "ok and what about brazil then",
    "Who pays for delegates from developing countries?",
    "Which report of the Secretary-General did the Committee have before it?",
]
wall, cpu = [], []
for run in range(int(sys.argv[2])):
    began, began_cpu = time.perf_counter(), time.thread_time()
    encoder.encode([questions[run % len(questions)]])
    wall.append((time.perf_counter() - began) * 1000)
    cpu.append((time.thread_time() - began_cpu) * 1000)
wall.sort()
print(json.dumps({
    "imports_s": round(imports_s, 3),
    "load_s": round(load_s, 3),
    "p50_ms": round(statistics.median(wall), 2),
    "p99_ms": round(wall[int(0.99 * (len(wall) - 1))], 2),
    "cpu_ms": round(statistics.median(cpu), 2),
    "encoder_rss_mb": round(rss_mb() - before, 1),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="rapporteur-encoder-"))
    if not (data_dir / "manifest.json").is_file():
        subprocess.run(
            [sys.executable, "-m", "bot", "reindex"],
            check=True,
            capture_output=True,
            cwd=PROJECT_ROOT,
            env={"PATH": "/usr/bin:/bin", "RAPPORTEUR_DATA_DIR": str(data_dir)},
        )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir), str(args.runs)],
        check=True,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    print(
        f"ONNX query encoder: loads in {values['load_s']} s (after {values['imports_s']} s of "
        "imports, FAISS's among them), encodes a "
        f"question in {values['p50_ms']} ms p50 / {values['p99_ms']} ms p99 wall, "
        f"{values['cpu_ms']} ms CPU, and holds {values['encoder_rss_mb']} MB of RSS."
    )


if __name__ == "__main__":
    main()
