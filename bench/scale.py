"""Scale benchmark: exact ``IndexFlatIP`` against ``IndexHNSWFlat`` on synthetic embeddings.

The bot indexes a few dozen paragraphs today, where exact search is free. This measures how
far exact search stays under the single-query latency budget as the corpus grows, and what an
HNSW graph costs (build time, memory, recall) once it no longer does, so the switch-over size
is a measured number rather than a guess. No model is loaded: corpora are clustered random
unit vectors shaped like sentence embeddings (384-d, topical clusters, cosine to own topic
centre around 0.6).

Run: ``.venv/bin/python bench/scale.py`` (about 3-5 minutes on 2 cores with the defaults).
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np
import psutil
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict

Vectors = NDArray[np.float32]

MIB = 1024 * 1024
# Per-dimension noise around a topic centre; with 384 dimensions this puts a vector's cosine
# to its own centre near 0.6, like paragraphs on one topic under MiniLM.
TOPIC_NOISE = 0.068
GENERATION_CHUNK = 50_000


class BenchConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    sizes: tuple[int, ...]
    dim: int
    topics: int
    queries: int
    k: int
    hnsw_m: int
    ef_construction: int
    ef_search: int
    latency_budget_ms: float
    time_budget_s: float
    build_threads: int
    query_threads: int
    seed: int


class IndexResult(BaseModel):
    """One index type measured at one corpus size."""

    model_config = ConfigDict(frozen=True)

    kind: str
    size: int
    build_s: float
    index_mib: float
    rss_delta_mib: float
    p50_ms: float
    p99_ms: float
    recall_at_k: float | None


class Corpus:
    """Topic centres shared by a corpus and its queries, so queries land near real neighbours."""

    def __init__(self, dim: int, topics: int, rng: np.random.Generator) -> None:
        self._rng = rng
        self._centres = _normalised(rng.standard_normal((topics, dim), dtype=np.float32))

    def sample(self, count: int) -> Vectors:
        out = np.empty((count, self._centres.shape[1]), dtype=np.float32)
        for start in range(0, count, GENERATION_CHUNK):
            stop = min(start + GENERATION_CHUNK, count)
            topic = self._rng.integers(0, len(self._centres), size=stop - start)
            noise = self._rng.standard_normal((stop - start, out.shape[1]), dtype=np.float32)
            out[start:stop] = self._centres[topic] + TOPIC_NOISE * noise
        return _normalised(out)


def _normalised(vectors: Vectors) -> Vectors:
    faiss.normalize_L2(vectors)
    return vectors


def _rss_mib() -> float:
    return float(psutil.Process().memory_info().rss) / MIB


def _serialised_mib(index: faiss.Index) -> float:
    """On-disk size, written to a file so a 300k-vector index is not copied in memory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.faiss"
        faiss.write_index(index, str(path))
        return path.stat().st_size / MIB


def _single_query_latencies_ms(
    index: faiss.Index, queries: Vectors, k: int, threads: int
) -> NDArray[np.float64]:
    """One query per call, as the bot issues them; a few warm-up calls fault pages in first.

    Runs on ``threads`` OpenMP threads (1 by default): on a shared 2-core machine a second
    thread that gets descheduled stalls every search at the OpenMP barrier: under load, two
    threads measured 4-20x worse p50 than one.
    """
    faiss.omp_set_num_threads(threads)
    for query in queries[:10]:
        index.search(query[None, :], k)
    timings = np.empty(len(queries), dtype=np.float64)
    for i, query in enumerate(queries):
        start = time.perf_counter()
        index.search(query[None, :], k)
        timings[i] = (time.perf_counter() - start) * 1000.0
    return timings


def _measure(
    kind: str,
    index: faiss.Index,
    corpus: Vectors,
    queries: Vectors,
    config: BenchConfig,
    truth: NDArray[np.int64] | None,
) -> tuple[IndexResult, NDArray[np.int64]]:
    faiss.omp_set_num_threads(config.build_threads)
    gc.collect()
    rss_before = _rss_mib()
    start = time.perf_counter()
    index.add(corpus)
    build_s = time.perf_counter() - start
    rss_delta = _rss_mib() - rss_before
    latencies = _single_query_latencies_ms(index, queries, config.k, config.query_threads)
    _, found = index.search(queries, config.k)
    recall = None
    if truth is not None:
        hits = sum(len(set(row) & set(exact)) for row, exact in zip(found, truth, strict=True))
        recall = hits / truth.size
    result = IndexResult(
        kind=kind,
        size=len(corpus),
        build_s=build_s,
        index_mib=_serialised_mib(index),
        rss_delta_mib=rss_delta,
        p50_ms=float(np.percentile(latencies, 50)),
        p99_ms=float(np.percentile(latencies, 99)),
        recall_at_k=recall,
    )
    return result, found


def run_size(config: BenchConfig, source: Corpus, queries: Vectors, size: int) -> list[IndexResult]:
    corpus = source.sample(size)
    flat = faiss.IndexFlatIP(config.dim)
    flat_result, truth = _measure("flat", flat, corpus, queries, config, None)
    hnsw = faiss.IndexHNSWFlat(config.dim, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = config.ef_construction
    hnsw.hnsw.efSearch = config.ef_search
    hnsw_result, _ = _measure("hnsw", hnsw, corpus, queries, config, truth)
    # Both indexes stay alive until here so the allocator cannot hand the flat index's freed
    # pages to the HNSW build, which would hide the graph's memory from the RSS delta.
    del flat, hnsw, corpus
    gc.collect()
    return [flat_result, hnsw_result]


def _estimated_seconds(previous: list[IndexResult], size: int) -> float:
    """HNSW insertion dominates; its cost grows roughly as n log n."""
    last = previous[-1]
    per_item = last.build_s / (last.size * np.log(last.size))
    return float(per_item * size * np.log(size)) * 1.5


def flat_threshold(results: Sequence[IndexResult], budget_ms: float) -> int | None:
    """Corpus size where exact search's p50 crosses ``budget_ms``.

    Interpolated linearly between the two measured sizes that bracket the budget (or
    extrapolated from the last two): exact search is bound by memory bandwidth, and once the
    vectors outgrow the CPU caches its cost per vector rises, so one global linear fit would
    be pulled off by the largest corpus.
    """
    flat = sorted((r.size, r.p50_ms) for r in results if r.kind == "flat")
    if len(flat) < 2:
        return None
    above = next((i for i, (_, p50) in enumerate(flat) if p50 > budget_ms), len(flat) - 1)
    (small, small_ms), (large, large_ms) = flat[max(above, 1) - 1], flat[max(above, 1)]
    if large_ms <= small_ms:
        return None
    return max(0, round(small + (budget_ms - small_ms) * (large - small) / (large_ms - small_ms)))


def markdown_table(results: Sequence[IndexResult], k: int) -> str:
    header = (
        "| index | vectors | build s | index MiB | RSS delta MiB | p50 ms | p99 ms "
        f"| recall@{k} |\n|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [
        f"| {r.kind} | {r.size:,} | {r.build_s:.2f} | {r.index_mib:.1f} | {r.rss_delta_mib:.1f}"
        f" | {r.p50_ms:.3f} | {r.p99_ms:.3f} | "
        + ("exact" if r.recall_at_k is None else f"{r.recall_at_k:.3f}")
        + " |"
        for r in results
    ]
    return "\n".join([header, *rows])


def run(config: BenchConfig) -> list[IndexResult]:
    rng = np.random.default_rng(config.seed)
    source = Corpus(config.dim, config.topics, rng)
    queries = source.sample(config.queries)
    started = time.perf_counter()
    results: list[IndexResult] = []
    for size in sorted(config.sizes):
        elapsed = time.perf_counter() - started
        hnsw_done = [r for r in results if r.kind == "hnsw"]
        if hnsw_done and elapsed + _estimated_seconds(hnsw_done, size) > config.time_budget_s:
            print(f"skipping {size:,} vectors: over the {config.time_budget_s:.0f} s time budget")
            continue
        print(f"measuring {size:,} vectors ...", flush=True)
        results += run_size(config, source, queries, size)
    print(f"total {time.perf_counter() - started:.1f} s")
    return results


def _parse_args(argv: Sequence[str] | None) -> BenchConfig:
    parser = argparse.ArgumentParser(description="Flat vs HNSW inner-product search at scale.")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 10_000, 30_000, 100_000, 300_000]
    )
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--topics", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--hnsw-m", type=int, default=32)
    parser.add_argument("--ef-construction", type=int, default=40)
    parser.add_argument("--ef-search", type=int, default=64)
    parser.add_argument("--latency-budget-ms", type=float, default=5.0)
    parser.add_argument("--time-budget-s", type=float, default=300.0)
    parser.add_argument("--build-threads", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--query-threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2019)
    args = parser.parse_args(argv)
    return BenchConfig(
        sizes=tuple(args.sizes),
        dim=args.dim,
        topics=args.topics,
        queries=args.queries,
        k=args.k,
        hnsw_m=args.hnsw_m,
        ef_construction=args.ef_construction,
        ef_search=args.ef_search,
        latency_budget_ms=args.latency_budget_ms,
        time_budget_s=args.time_budget_s,
        build_threads=args.build_threads,
        query_threads=args.query_threads,
        seed=args.seed,
    )


def main(argv: Sequence[str] | None = None) -> None:
    config = _parse_args(argv)
    print(
        f"faiss {faiss.__version__}, {config.build_threads} build / {config.query_threads} "
        f"query thread(s), dim {config.dim}, "
        f"{config.queries} single queries, k={config.k}, HNSW M={config.hnsw_m} "
        f"efConstruction={config.ef_construction} efSearch={config.ef_search}"
    )
    results = run(config)
    print()
    print(markdown_table(results, config.k))
    print()
    threshold = flat_threshold(results, config.latency_budget_ms)
    over = [r.size for r in results if r.kind == "flat" and r.p50_ms > config.latency_budget_ms]
    if threshold is None:
        print("not enough flat measurements to fit a threshold")
    else:
        print(
            f"flat p50 crosses {config.latency_budget_ms:g} ms at about {threshold:,} vectors "
            f"(interpolated); smallest measured size over it: "
            + (f"{min(over):,}" if over else "none")
        )
        print(
            f"recommendation: IndexFlatIP below ~{threshold:,} vectors, "
            f"IndexHNSWFlat (M={config.hnsw_m}, efSearch={config.ef_search}) above"
        )


if __name__ == "__main__":
    main()
