from __future__ import annotations

import numpy as np

from bench import scale


def _flat(size: int, p50_ms: float) -> scale.IndexResult:
    return scale.IndexResult(
        kind="flat",
        size=size,
        build_s=0.0,
        index_mib=0.0,
        rss_delta_mib=0.0,
        p50_ms=p50_ms,
        p99_ms=p50_ms,
        recall_at_k=None,
    )


def _config(**overrides: object) -> scale.BenchConfig:
    values: dict[str, object] = {
        "sizes": (300,),
        "dim": 32,
        "topics": 10,
        "queries": 20,
        "k": 5,
        "hnsw_m": 8,
        "ef_construction": 40,
        "ef_search": 64,
        "latency_budget_ms": 5.0,
        "time_budget_s": 60.0,
        "build_threads": 1,
        "query_threads": 1,
        "seed": 7,
    }
    return scale.BenchConfig.model_validate(values | overrides)


def test_corpus_vectors_are_unit_length_and_clustered() -> None:
    corpus = scale.Corpus(dim=384, topics=4, rng=np.random.default_rng(0))
    vectors = corpus.sample(2_000)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    best_neighbour = (vectors[:50] @ vectors[50:].T).max(axis=1)
    assert best_neighbour.min() > 0.3


def test_threshold_interpolates_between_bracketing_sizes() -> None:
    results = [_flat(10_000, 1.0), _flat(30_000, 4.0), _flat(100_000, 18.0)]
    assert scale.flat_threshold(results, 5.0) == 35_000


def test_threshold_extrapolates_when_no_size_is_over_budget() -> None:
    assert scale.flat_threshold([_flat(1_000, 0.1), _flat(2_000, 0.2)], 5.0) == 50_000


def test_threshold_needs_two_increasing_measurements() -> None:
    assert scale.flat_threshold([_flat(1_000, 0.1)], 5.0) is None
    assert scale.flat_threshold([_flat(1_000, 0.3), _flat(2_000, 0.2)], 5.0) is None


def test_run_measures_both_indexes_and_hnsw_recall() -> None:
    results = scale.run(_config())
    assert [(r.kind, r.size) for r in results] == [("flat", 300), ("hnsw", 300)]
    flat, hnsw = results
    assert flat.recall_at_k is None
    assert hnsw.recall_at_k is not None and 0.9 <= hnsw.recall_at_k <= 1.0
    assert hnsw.index_mib > flat.index_mib > 0
    assert all(0 < r.p50_ms <= r.p99_ms for r in results)
    table = scale.markdown_table(results, 5)
    assert table.splitlines()[0].endswith("| recall@5 |")
    assert "| flat | 300 |" in table and "| exact |" in table
