"""The index on disk: a FAISS file, the query encoder and a JSON manifest, written atomically,
never pickled.

The manifest is written last and records every other file's sha256, so a crash between the
writes, a truncated copy or a foreign file is detected on load and triggers a rebuild instead
of serving vectors that do not belong to the paragraphs. Writers hold an exclusive lock on
``.lock`` in the folder, so concurrent reindexes take turns, and the temporary files a killed
writer left behind can be told apart from a live writer's and removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import io
import itertools
import os
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt
from pydantic import (
    BaseModel,
    ConfigDict,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveInt,
    ValidationError,
    model_validator,
)

from index.data_folder import write_atomically
from index.regular_files import Unusable, open_regular, read_regular
from index.search.models import IndexType

MANIFEST_FORMAT = 3
"""Bump when the manifest schema or the embedded-text templates change: forces a rebuild.
2: sentence vectors are quoted from, the query encoder is stored beside the index.
3: each vector's text is named by its hash, so a rebuild re-encodes only new text."""
TEXT_KEY_CHARS = 32
"""Hex digits of a text's sha256 that name its vector (128 bits: no collision in any
library this serves, at half the manifest size of the full digest)."""
FLAT_INDEX_MAX_VECTORS = 30_000
"""Above this, exact flat search passes 5 ms p50 per query on 2 cores (``bench/scale.py``
measured 4.8 ms at 30k and 13.8 ms at 100k), so an HNSW index is built instead."""
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 64
FAISS_FILE = "paragraphs.faiss"
MANIFEST_FILE = "manifest.json"
ENCODER_FILE = "query_encoder.onnx"
LOCK_FILE = ".lock"
TEMP_SUFFIX = ".tmp"
MANIFEST_MAX_BYTES = 64 << 20
"""Far above any manifest (this report's is 8 KB; 100,000 vectors make under 2 MB)."""
FAISS_BYTES_PER_FLOAT = 3


class DocumentEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    sha256: str


class ParagraphEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    document: str
    id: str
    sha256: str


class EncoderEntry(BaseModel):
    """The exported query encoder: ``source`` names what it was exported from (model weights
    and exporter versions), so a rebuild with the same source reuses the file."""

    model_config = ConfigDict(frozen=True)

    source: str
    sha256: str
    size: PositiveInt


class Manifest(BaseModel):
    """Everything needed to decide whether the stored files still match documents and model.

    Validated as a whole: a hand-edited or damaged manifest whose vector map points outside
    the paragraphs, goes backwards or skips one is rejected (and the index rebuilt) instead
    of failing later on a question.
    """

    model_config = ConfigDict(frozen=True)

    format: int = MANIFEST_FORMAT
    model_name: str
    dimension: PositiveInt
    text_variant: str
    index_type: IndexType
    documents: list[DocumentEntry]
    paragraphs: list[ParagraphEntry]
    vector_paragraphs: list[NonNegativeInt]
    """For each FAISS vector, in vector order, its position in ``paragraphs``: each
    paragraph's vectors are contiguous, the whole paragraph first, then its sentences."""
    vector_texts: list[str]
    """For each FAISS vector, the key of the text it embeds (``text_key``): a rebuild with the
    same model takes the vectors of unchanged text from here instead of encoding it again."""
    faiss_sha256: str
    query_encoder: EncoderEntry | None = None
    built_at: dt.datetime
    build_seconds: NonNegativeFloat
    versions: dict[str, str]

    @model_validator(mode="after")
    def _vectors_cover_paragraphs_in_order(self) -> Manifest:
        owners = self.vector_paragraphs
        if any(later < earlier for earlier, later in itertools.pairwise(owners)):
            raise ValueError("vector_paragraphs is not in paragraph order")
        if set(owners) != set(range(len(self.paragraphs))):
            raise ValueError("vector_paragraphs does not cover every paragraph exactly")
        keys = [(entry.document, entry.id) for entry in self.paragraphs]
        if len(set(keys)) != len(keys):
            raise ValueError("two paragraphs share a document and id")
        if len(self.vector_texts) != len(owners):
            raise ValueError("vector_texts does not name every vector")
        return self


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


def _write(target: Path, data: bytes) -> None:
    """Temporary files are named ``.<file>.<random>.tmp``, which ``_remove_orphans`` knows."""
    write_atomically(target, data, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_key(text: str) -> str:
    """What names an embedded text's vector: the same text always has the same key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:TEXT_KEY_CHARS]


@contextlib.contextmanager
def _writer_lock(data_dir: Path, *, wait: bool) -> Iterator[bool]:
    """Hold the folder's writer lock; yields False (without waiting) when ``wait`` is off
    and another process holds it. The kernel drops the lock of a killed process."""
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _remove_orphans(data_dir: Path) -> list[Path]:
    """Delete temporary files in ``data_dir``; call only while holding the writer lock."""
    removed = []
    for path in data_dir.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def remove_orphans(data_dir: Path) -> list[Path]:
    """Remove the temporary files a killed writer left; skipped while another writes, and
    when the folder cannot be written (nothing can have been left there then)."""
    try:
        with _writer_lock(data_dir, wait=False) as locked:
            return _remove_orphans(data_dir) if locked else []
    except OSError:
        return []


def save_index(
    data_dir: Path, index: faiss.Index, manifest: Manifest, encoder: bytes | None = None
) -> Manifest:
    """Persist ``index`` and the query ``encoder``, then the manifest (with the files'
    hashes filled in); return it. Raises ``OSError`` when the folder cannot take them."""
    data_dir.mkdir(parents=True, exist_ok=True)
    faiss_bytes = faiss.serialize_index(index).tobytes()
    final = manifest.model_copy(update={"faiss_sha256": sha256_bytes(faiss_bytes)})
    with _writer_lock(data_dir, wait=True):
        _remove_orphans(data_dir)
        _write(data_dir / FAISS_FILE, faiss_bytes)
        if encoder is not None and not _holds(data_dir / ENCODER_FILE, final.query_encoder):
            _write(data_dir / ENCODER_FILE, encoder)
        _write(data_dir / MANIFEST_FILE, final.model_dump_json(indent=2).encode())
    return final


def _holds(path: Path, entry: EncoderEntry | None) -> bool:
    """Whether ``path`` already holds the file ``entry`` describes (a reindex with the same
    model need not rewrite 90 MB)."""
    if entry is None:
        return False
    try:
        with open_regular(path) as handle:
            return _matches(handle, entry)
    except (OSError, Unusable):
        return False


def stored_encoder_is(data_dir: Path, entry: EncoderEntry) -> bool:
    return _holds(data_dir / ENCODER_FILE, entry)


def _matches(handle: io.BufferedReader, entry: EncoderEntry) -> bool:
    if os.fstat(handle.fileno()).st_size != entry.size:
        return False
    return hashlib.file_digest(handle, "sha256").hexdigest() == entry.sha256


def read_manifest(data_dir: Path) -> Manifest:
    path = data_dir / MANIFEST_FILE
    try:
        manifest = Manifest.model_validate_json(read_regular(path, MANIFEST_MAX_BYTES))
    except FileNotFoundError as error:
        raise StoredIndexError("no index on disk yet") from error
    except Unusable as why:
        raise StoredIndexError(f"manifest {path} is not usable: {why}") from why
    except (OSError, ValidationError) as error:
        raise StoredIndexError(f"manifest {path} is unreadable or invalid") from error
    if manifest.format != MANIFEST_FORMAT:
        raise StoredIndexError(f"manifest format {manifest.format} != {MANIFEST_FORMAT}")
    return manifest


def _faiss_limit(manifest: Manifest) -> int:
    """The largest FAISS file the manifest can explain (its vectors, with room for HNSW's
    graph), so a link to ``/dev/zero`` is never read."""
    return FAISS_BYTES_PER_FLOAT * 4 * len(manifest.vector_paragraphs) * manifest.dimension + (
        1 << 20
    )


@contextlib.contextmanager
def open_encoder(data_dir: Path, manifest: Manifest) -> Iterator[Path]:
    """A path to the stored query encoder, checked against the manifest, valid for the block.

    The file is hashed through an open handle and handed over as that handle's
    ``/proc/self/fd`` path, so what is loaded is what was checked even if a reindex replaces
    the file meanwhile; loading from a path rather than from bytes in memory also keeps
    ONNX Runtime from holding a second copy of the weights (measured: 67 MB less RSS).
    """
    entry = manifest.query_encoder
    path = data_dir / ENCODER_FILE
    if entry is None:
        raise StoredIndexError("the index was built without a query encoder")
    try:
        handle = open_regular(path)
    except Unusable as why:
        raise StoredIndexError(f"query encoder {path} is not usable: {why}") from why
    except OSError as error:
        raise StoredIndexError(f"query encoder {path} is missing or unreadable") from error
    with handle:
        try:
            matches = _matches(handle, entry)
        except OSError as error:
            raise StoredIndexError(f"query encoder {path} is unreadable") from error
        if not matches:
            raise StoredIndexError(f"query encoder {path} does not match its manifest")
        same_file = Path(f"/proc/self/fd/{handle.fileno()}")
        yield same_file if same_file.exists() else path


def load_index(data_dir: Path, manifest: Manifest) -> faiss.Index:
    """Read the FAISS file the manifest describes, refusing anything that does not match it."""
    path = data_dir / FAISS_FILE
    try:
        data = read_regular(path, _faiss_limit(manifest))
    except Unusable as why:
        raise StoredIndexError(f"FAISS file {path} is not usable: {why}") from why
    except OSError as error:
        raise StoredIndexError(f"FAISS file {path} is missing or unreadable") from error
    if sha256_bytes(data) != manifest.faiss_sha256:
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
