"""What drawing a vote costs: render time cold and cached, PNG size, and memory.

- cold: a fresh process that imports the drawing code and draws one picture (CPU seconds of
  the child, and its wall time), as the first ``/map`` after a restart pays it;
- warm: drawing again in the same process without the store (SVG composition + PNG);
- cached: the store answering from memory, and a new store reading the file from disk;
- memory: the resident size a process gains by importing vl-convert and drawing the map;
- the same vote through pygal's own ``World`` chart, the alternative the issue measured.

CPU time (``time.process_time``) is reported beside wall time because the machine is shared.
Run: ``.venv/bin/python bench/pictures.py --runs 5``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bot.charts.group_chart import groups_svg
from bot.charts.pictures import group_chart, vote_map
from bot.charts.raster import png_from_svg
from bot.charts.store import PictureStore
from bot.charts.vote_map import map_svg
from index.engine import Engine

COLD_PROBE = """
import json, sys, time
import psutil
process = psutil.Process()
started_cpu, started = time.process_time(), time.perf_counter()
from index.engine import Engine
from bot.charts.store import PictureStore
from bot.charts.pictures import vote_map, group_chart
engine = Engine()
engine.vote_picture()
before = process.memory_info().rss
imported_cpu = time.process_time()
import vl_convert
after_import = process.memory_info().rss
drawn_cpu = time.process_time()
picture = (vote_map if sys.argv[1] == "map" else group_chart)(engine, PictureStore(None))
drawn = time.process_time()
print(json.dumps({
    "cpu": drawn - started_cpu,
    "draw_cpu": drawn - drawn_cpu,
    "wall": time.perf_counter() - started,
    "import_mb": (after_import - before) / 2**20,
    "draw_mb": (process.memory_info().rss - after_import) / 2**20,
    "bytes": len(picture.png),
}))
"""


def cold(kind: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", COLD_PROBE, kind], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median CPU and wall seconds of ``runs`` calls."""
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(runs):
        started_cpu, started = time.process_time(), time.perf_counter()
        call()
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    return statistics.median(cpu), statistics.median(wall)


def pygal_world(engine: Engine) -> bytes:
    """The same vote through pygal's own World chart, converted by the same renderer."""
    from pygal_maps_world.maps import World

    picture = engine.vote_picture()
    chart = World(width=1200, height=700, title=picture.title)
    for position in ("in_favour", "against", "abstaining", "absent"):
        chart.add(position, [s.iso2.lower() for s in picture.states if s.position == position])
    return png_from_svg(chart.render(is_unicode=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    engine = Engine()
    vote = engine.vote_picture()
    groups = engine.groups_picture()
    print("| measure | CPU s (median) | wall s (median) |\n|---|---:|---:|")
    for kind in ("map", "groups"):
        samples = [cold(kind) for _ in range(runs)]
        print(
            f"| {kind}: cold process (imports, parse, draw) "
            f"| {statistics.median(s['cpu'] for s in samples):.2f} "
            f"| {statistics.median(s['wall'] for s in samples):.2f} |"
        )
        print(
            f"| {kind}: of which drawing, cold "
            f"| {statistics.median(s['draw_cpu'] for s in samples):.2f} | |"
        )
    for label, call in [
        ("map: SVG composition", lambda: map_svg(vote)),
        ("map: SVG + PNG, warm", lambda: png_from_svg(map_svg(vote))),
        ("groups: SVG + PNG, warm", lambda: png_from_svg(groups_svg(groups))),
        ("map: pygal World chart + PNG (alternative)", lambda: pygal_world(engine)),
    ]:
        cpu, wall = timed(call, runs)
        print(f"| {label} | {cpu:.3f} | {wall:.3f} |")
    with tempfile.TemporaryDirectory() as folder:
        store = PictureStore(Path(folder))
        vote_map(engine, store)
        cpu, wall = timed(lambda: vote_map(engine, store), runs * 20)
        print(f"| map: cached, from memory | {cpu * 1000:.2f} ms | {wall * 1000:.2f} ms |")
        cpu, wall = timed(lambda: vote_map(engine, PictureStore(Path(folder))), runs * 20)
        print(f"| map: cached, from the data folder | {cpu * 1000:.2f} ms | {wall * 1000:.2f} ms |")
    sample = cold("map")
    print(
        f"\nPNG: map {len(vote_map(engine, PictureStore(None)).png) / 1024:.0f} KiB, "
        f"groups {len(group_chart(engine, PictureStore(None)).png) / 1024:.0f} KiB, "
        f"pygal World {len(pygal_world(engine)) / 1024:.0f} KiB "
        "(Discord's attachment limit: 8 MiB without boost)."
    )
    print(
        f"Memory: importing vl-convert adds {sample['import_mb']:.1f} MiB resident, drawing "
        f"the map {sample['draw_mb']:.1f} MiB more."
    )


if __name__ == "__main__":
    main()
