"""How files reach the data folder, and the one warning line when it cannot be written.

The parsed-records cache, the search index and the picture cache all keep their files in
``RAPPORTEUR_DATA_DIR``. Each writes them the same crash-safe way, and when the folder is
read-only, full or not a folder, each falls back to memory and the operator needs to hear
it once, with the fix, not three times.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path

log = logging.getLogger("index.data_folder")

_warned: set[Path] = set()
_lock = threading.Lock()


def write_atomically(target: Path, data: bytes, *, prefix: str, suffix: str = ".tmp") -> None:
    """Write through a temporary file beside ``target`` (``prefix``, random part, ``suffix``),
    fsync it, then rename it over ``target``: a reader never sees half a file, and a writer
    killed midway leaves only a temporary file its owner's clean-up recognises by name.

    Raises ``OSError``; the temporary file never outlives a failed write.
    """
    descriptor, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def why_unwritable(folder: Path, error: OSError, *, temporary_suffix: str = ".tmp") -> str:
    """The reason in a few words: "it is a file, not a folder", "Read-only file system"."""
    if folder.exists() and not folder.is_dir():
        return "it is a file, not a folder"
    why = error.strerror or type(error).__name__
    path = error.filename2 or error.filename
    if path is not None and not str(path).endswith(temporary_suffix) and Path(path) != folder:
        why = f"{why}: {path}"
    return why


def unwritable_line(folder: Path, why: str) -> str:
    return (
        f"Cannot write to the data folder {folder} ({why}); parsed records, the search index "
        "and pictures are kept in memory and made again at every start. Set "
        "RAPPORTEUR_DATA_DIR to a writable folder"
    )


def warn_unwritable(folder: Path, why: str) -> str:
    """Log the line once per folder and process; return it (a report may repeat it)."""
    line = unwritable_line(folder, why)
    with _lock:
        if folder in _warned:
            return line
        _warned.add(folder)
    log.warning("%s", line)
    return line
