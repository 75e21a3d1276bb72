"""The index on disk: a FAISS file plus a JSON manifest, written atomically, never pickled.

The manifest is written last and records the FAISS file's sha256, so a crash between the two
writes, a truncated copy or a foreign file is detected on load and triggers a rebuild instead
of serving vectors that do not belong to the paragraphs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, ValidationError

from index.search.models import IndexType

MANIFEST_FORMAT = 1
"""Bump when the manifest schema or the embedded-text templates change: forces a rebuild."""
FLAT_INDEX_MAX_VECTORS = 30_000
"""Above this, exact flat search passes 5 ms p50 per query on 2 cores (``bench/scale.py``
measured 4.8 ms at 30k and 13.8 ms at 100k), so an HNSW index is built instead."""
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 64
FAISS_FILE = "paragraphs.faiss"
MANIFEST_FILE = "manifest.json"


class DocumentEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    sha256: str


class ParagraphEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    document: str
    id: str
    sha256: str


class Manifest(BaseModel):
    """Everything needed to decide whether the FAISS file still matches documents and model."""

    model_config = ConfigDict(frozen=True)

    format: int = MANIFEST_FORMAT
    model_name: str
    dimension: int
    text_variant: str
    index_type: IndexType
    documents: list[DocumentEntry]
    paragraphs: list[ParagraphEntry]
    vector_paragraphs: list[int]
    """For each FAISS vector, in vector order, its position in ``paragraphs``."""
    faiss_sha256: str
    built_at: dt.datetime
    build_seconds: float
    versions: dict[str, str]


class StoredIndexError(Exception):
    """The stored index cannot be used; the message says why (it is shown in reports)."""


def library_versions() -> dict[str, str]:
    """Read from package metadata, so the query path never imports sentence-transformers."""
    versions: dict[str, str] = {}
    for package in ("faiss-cpu", "sentence-transformers", "numpy"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "absent"
    return versions


def build_faiss_index(vectors: npt.NDArray[np.float32]) -> tuple[faiss.Index, IndexType]:
    """Exact inner-product search for small corpora, HNSW (inner product) beyond the threshold."""
    dimension = int(vectors.shape[1])
    if len(vectors) <= FLAT_INDEX_MAX_VECTORS:
        index: faiss.Index = faiss.IndexFlatIP(dimension)
        kind = IndexType.FLAT
    else:
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        kind = IndexType.HNSW
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    _tune(index)
    return index, kind


def _tune(index: faiss.Index) -> None:
    if isinstance(index, faiss.IndexHNSWFlat):
        index.hnsw.efSearch = HNSW_EF_SEARCH


def _atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same directory, fsync, then ``os.replace``."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_index(data_dir: Path, index: faiss.Index, manifest: Manifest) -> Manifest:
    """Persist ``index`` then the manifest (with the file's hash filled in); return it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    digest: list[str] = []

    def write_faiss(path: Path) -> None:
        faiss.write_index(index, str(path))
        digest.append(_sha256_file(path))

    _atomic_write(data_dir / FAISS_FILE, write_faiss)
    final = manifest.model_copy(update={"faiss_sha256": digest[0]})

    def write_manifest(path: Path) -> None:
        path.write_text(final.model_dump_json(indent=2), encoding="utf-8")

    _atomic_write(data_dir / MANIFEST_FILE, write_manifest)
    return final


def read_manifest(data_dir: Path) -> Manifest:
    path = data_dir / MANIFEST_FILE
    try:
        manifest = Manifest.model_validate_json(path.read_bytes())
    except FileNotFoundError as error:
        raise StoredIndexError("no index on disk yet") from error
    except (OSError, ValidationError) as error:
        raise StoredIndexError(f"manifest {path} is unreadable or invalid") from error
    if manifest.format != MANIFEST_FORMAT:
        raise StoredIndexError(f"manifest format {manifest.format} != {MANIFEST_FORMAT}")
    return manifest


def load_index(data_dir: Path, manifest: Manifest) -> faiss.Index:
    """Read the FAISS file the manifest describes, refusing anything that does not match it."""
    path = data_dir / FAISS_FILE
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StoredIndexError(f"FAISS file {path} is missing or unreadable") from error
    if hashlib.sha256(data).hexdigest() != manifest.faiss_sha256:
        raise StoredIndexError(f"FAISS file {path} does not match its manifest (truncated?)")
    try:
        index: faiss.Index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
    except RuntimeError as error:
        raise StoredIndexError(f"FAISS cannot read {path}: {error}") from error
    if index.ntotal != len(manifest.vector_paragraphs):
        raise StoredIndexError(
            f"FAISS file holds {index.ntotal} vectors, manifest lists "
            f"{len(manifest.vector_paragraphs)}"
        )
    if index.d != manifest.dimension:
        raise StoredIndexError(f"FAISS dimension {index.d} != manifest {manifest.dimension}")
    _tune(index)
    return index
