"""The stored index: a tampered manifest is never trusted, a killed write leaves nothing."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.records import Document
from index.search import store
from index.search.models import ReadyAction
from index.search.retriever import Retriever
from index.settings import EngineSettings
from tests.index.search.conftest import FAKE_MIN_DENSE
from tests.index.search.helpers import FakeEmbedder

Manifest = dict[str, Any]


def fresh(settings: EngineSettings) -> Retriever:
    return Retriever(settings, embedder=FakeEmbedder(), min_dense_score=FAKE_MIN_DENSE)


def _edit(settings: EngineSettings, change: Callable[[Manifest], None]) -> None:
    path = settings.data_dir / store.MANIFEST_FILE
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def _set(key: str, index: int, value: object) -> Callable[[Manifest], None]:
    def change(manifest: Manifest) -> None:
        manifest[key][index] = value

    return change


def _swap_owners(manifest: Manifest) -> None:
    owners = manifest["vector_paragraphs"]
    owners[0], owners[-1] = owners[-1], owners[0]


def _shift_a_sentence(manifest: Manifest) -> None:
    """Still a valid map on its own, but not the paragraphs' sentence structure."""
    owners = manifest["vector_paragraphs"]
    last = next(i for i in range(1, len(owners) - 1) if owners[i - 1] == owners[i] != owners[i + 1])
    owners[last] = owners[last + 1]


def _rename_paragraph(manifest: Manifest) -> None:
    manifest["paragraphs"][3]["id"] = "report-99"


def _duplicate_paragraph(manifest: Manifest) -> None:
    manifest["paragraphs"][1] = manifest["paragraphs"][0]


def _zero_dimension(manifest: Manifest) -> None:
    manifest["dimension"] = 0


def _negative_build_time(manifest: Manifest) -> None:
    manifest["build_seconds"] = -1.0


@pytest.mark.parametrize(
    "tamper",
    [
        _set("vector_paragraphs", 5, 9999),
        _set("vector_paragraphs", 5, -1),
        _swap_owners,
        _shift_a_sentence,
        _rename_paragraph,
        _duplicate_paragraph,
        _zero_dimension,
        _negative_build_time,
    ],
)
def test_a_tampered_manifest_is_rebuilt_not_trusted(
    retriever: Retriever,
    settings: EngineSettings,
    document: Document,
    tamper: Callable[[Manifest], None],
) -> None:
    _edit(settings, tamper)
    again = fresh(settings)
    report = again.ensure_ready([document])
    assert report.ok and report.action is ReadyAction.BUILT
    answer = again.answer("Who pays for delegates from developing countries?")
    assert answer.answered and answer.sources[0].label == "operative paragraph 5"
    assert fresh(settings).ensure_ready([document]).action is ReadyAction.LOADED


def test_the_manifest_rejects_vectors_outside_the_paragraphs() -> None:
    entry = {"document": "d", "id": "p", "sha256": "x"}
    base = {
        "model_name": "m",
        "dimension": 4,
        "text_variant": "paragraph",
        "index_type": "flat",
        "documents": [],
        "paragraphs": [entry, {**entry, "id": "q"}],
        "faiss_sha256": "",
        "built_at": "2019-11-18T00:00:00Z",
        "build_seconds": 0.1,
        "versions": {},
    }
    named = {"vector_texts": ["a", "b", "c"]}
    assert store.Manifest.model_validate({**base, **named, "vector_paragraphs": [0, 0, 1]})
    for bad in ([0, 9999], [1, 0], [0, -1], [0], [0, 2]):
        with pytest.raises(ValueError, match="vector_paragraphs"):
            store.Manifest.model_validate(
                {**base, "vector_paragraphs": bad, "vector_texts": ["a"] * len(bad)}
            )
    with pytest.raises(ValueError, match="vector_texts does not name every vector"):
        store.Manifest.model_validate({**base, "vector_paragraphs": [0, 1], "vector_texts": []})


def test_orphaned_temporary_files_are_removed(
    retriever: Retriever, settings: EngineSettings, document: Document
) -> None:
    orphans = [settings.data_dir / f".{name}.x1y2.tmp" for name in (store.FAISS_FILE, "m.json")]
    for orphan in orphans:
        orphan.write_bytes(b"half a write")
    assert fresh(settings).ensure_ready([document]).action is ReadyAction.LOADED
    assert not any(orphan.exists() for orphan in orphans)


def test_a_live_writers_temporary_file_is_left_alone(retriever: Retriever, tmp_path: Path) -> None:
    data_dir = retriever._settings.data_dir
    in_progress = data_dir / ".paragraphs.faiss.live.tmp"
    in_progress.write_bytes(b"being written")
    with store._writer_lock(data_dir, wait=True):
        assert store.remove_orphans(data_dir) == []
    assert in_progress.exists()
    assert store.remove_orphans(data_dir) == [in_progress]
    assert store.remove_orphans(tmp_path / "missing") == []


def test_a_stored_encoder_must_match_its_manifest(
    retriever: Retriever, settings: EngineSettings
) -> None:
    manifest = store.read_manifest(settings.data_dir)
    with (
        pytest.raises(store.StoredIndexError, match="without a query encoder"),
        store.open_encoder(settings.data_dir, manifest),
    ):
        pass
    entry = store.EncoderEntry(source="s", sha256=store.sha256_bytes(b"graph"), size=5)
    with_encoder = manifest.model_copy(update={"query_encoder": entry})
    with (
        pytest.raises(store.StoredIndexError, match="missing"),
        store.open_encoder(settings.data_dir, with_encoder),
    ):
        pass
    stored = settings.data_dir / store.ENCODER_FILE
    stored.write_bytes(b"grapH")
    with (
        pytest.raises(store.StoredIndexError, match="does not match"),
        store.open_encoder(settings.data_dir, with_encoder),
    ):
        pass
    stored.write_bytes(b"graph")
    with store.open_encoder(settings.data_dir, with_encoder) as path:
        replacement = settings.data_dir / "replacement"
        replacement.write_bytes(b"written by a concurrent reindex")
        os.replace(replacement, stored)
        assert path.read_bytes() == b"graph"


@pytest.mark.parametrize("name", [store.MANIFEST_FILE, store.FAISS_FILE])
@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_a_pipe_or_device_in_place_of_an_index_file_is_rebuilt_not_read(
    retriever: Retriever, settings: EngineSettings, document: Document, name: str, special: str
) -> None:
    path = settings.data_dir / name
    path.unlink()
    if special == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    again = fresh(settings)
    report = again.ensure_ready([document])
    assert report.ok and report.action is ReadyAction.BUILT, report.reason
    assert "not a regular file" in report.reason
    assert path.is_file() and not path.is_symlink(), "the rebuild replaced it"
    assert fresh(settings).ensure_ready([document]).action is ReadyAction.LOADED
