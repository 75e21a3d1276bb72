"""Reading a file that anyone could have replaced with something else, with guards.

Seeds, the data folder's caches, ``.env`` and the bot's stored command schema are all read on
every start from places an operator (or a mishap) can fill with anything: a named pipe
blocks a reader forever, a link to ``/dev/zero`` never ends, a folder cannot be read, a
50 MB file was never meant to be there. Each is opened without blocking, checked to be a
regular file through its descriptor (so a pipe swapped in after a first look still cannot
block), and read with a bound, so each costs one line saying why, never a hang or all the
memory.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Unusable(Exception):
    """Why a file is not read, in words a warning line can repeat."""


def read_regular(path: Path, max_bytes: int, *, size_setting: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``.

    Raises ``FileNotFoundError`` when nothing is there (callers often expect that), and
    ``Unusable`` for anything else that stops the read: another kind of file, over the size
    (``size_setting`` names the setting that raises the limit), no permission, an I/O error.
    At most ``max_bytes + 1`` bytes are ever read, so a file that grows meanwhile cannot
    exhaust memory.
    """
    try:
        _check(path, path.stat(), max_bytes, size_setting)
        with open_regular(path) as handle:
            _check(path, os.fstat(handle.fileno()), max_bytes, size_setting)
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise Unusable(f"it cannot be read ({error.strerror or error})") from error
    if len(data) > max_bytes:
        raise Unusable(too_big(max_bytes, None, size_setting))
    return data


def open_regular(path: Path) -> io.BufferedReader:
    """``path`` opened for reading, if it is a regular file; ``Unusable`` if it is not.

    Opening never blocks (a pipe with no writer would), and the kind is checked through the
    open descriptor, so what is read is what was checked. Raises ``OSError`` as ``open`` does.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    handle = os.fdopen(descriptor, "rb")
    kind = kind_of(path, os.fstat(descriptor))
    if kind is not None:
        handle.close()
        raise Unusable(f"it is {kind}, not a regular file")
    return handle


def kind_of(path: Path, status: os.stat_result) -> str | None:
    """ "a named pipe (FIFO)", "a folder", …, or ``None`` for a regular file."""
    if stat.S_ISREG(status.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a file")
    target = f", through a link to {os.path.realpath(path)}" if path.is_symlink() else ""
    return f"{kind}{target}"


def _check(path: Path, status: os.stat_result, max_bytes: int, size_setting: str | None) -> None:
    kind = kind_of(path, status)
    if kind is not None:
        raise Unusable(f"it is {kind}, not a regular file")
    if status.st_size > max_bytes:
        raise Unusable(too_big(max_bytes, status.st_size, size_setting))


def too_big(max_bytes: int, size: int | None, size_setting: str | None) -> str:
    found = f"{size:,} bytes" if size is not None else "growing"
    raise_it = f" (raise {size_setting} to allow it)" if size_setting else ""
    return f"it is {found}, over the limit of {max_bytes:,} bytes{raise_it}"
