"""One warning line for a data folder that cannot be written, whatever tried to write there.

The parsed-records cache, the search index and the picture cache all keep their files in
``RAPPORTEUR_DATA_DIR``; when it is read-only, full or not a folder, each falls back to
memory and the operator needs to hear it once, with the fix, not three times.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger("index.data_folder")

_warned: set[Path] = set()
_lock = threading.Lock()


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
