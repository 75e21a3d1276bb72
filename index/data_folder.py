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


def why_file_unwritable(path: Path, error: OSError) -> str:
    """Why ``path`` inside the data folder could not be written: a folder in its place, or
    whatever stops the folder itself."""
    if path.is_dir():
        return f"{path.name} is a folder"
    return why_unwritable(path.parent, error)


def writer_prefix(name: str) -> str:
    """The start of this process's temporary files for ``name``: ``name.<pid>.``, so the
    next start can tell a killed writer's leftovers from a live writer's work."""
    return f"{name}.{os.getpid()}."


def remove_orphans(folder: Path, pattern: str) -> None:
    """Delete the temporary files matching ``pattern`` whose writer is gone.

    Each is named ``<name>.<pid>.<random>.tmp`` (``writer_prefix``); one whose process is
    gone can never be finished, while one of a live process may be a write in progress and
    is left alone. A name without a process id predates the scheme and is removed too.
    """
    try:
        found = list(folder.glob(pattern))
    except OSError:
        return
    for orphan in found:
        parts = orphan.name.split(".")
        pid = parts[-3] if len(parts) >= 3 else ""
        if not (pid.isdigit() and _alive(int(pid))):
            try:
                orphan.unlink()
            except OSError:
                log.debug("Could not remove the temporary file %s", orphan)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    return True


def unwritable_line(folder: Path, why: str) -> str:
    return (
        f"Cannot write to the data folder {folder} ({why}); parsed records, the search index, "
        "pictures and the bot's registered command schema are kept in memory and made again "
        "at every start. Set RAPPORTEUR_DATA_DIR to a writable folder"
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
