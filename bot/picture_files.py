"""Pictures from the terminal: ``rapporteur chart map --out vote.png``, ``rapporteur chart
groups --out groups.png`` (each ``--vote committee``, ``plenary`` or, for the map, ``both``:
the trail) and the console's ``:map`` and ``:groups``, which write a PNG and say where it is.

The drawing code is imported inside these functions, so other commands never load it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from index.data_folder import write_atomically, writer_prefix
from index.engine import Engine
from index.query import Ballot
from index.structured.vote_picture import NoVotePicture

PICTURES_FOLDER = "charts"
MAP = "map"
GROUPS = "groups"
KINDS = (MAP, GROUPS)


BALLOTS = tuple(ballot.value for ballot in Ballot)
NO_GROUPS_TRAIL = (
    "The group chart shows one vote: choose --vote committee or --vote plenary "
    "(the trail of both is drawn by `chart map --vote both`)."
)


def write_picture(
    engine: Engine,
    kind: str,
    out: Path | None,
    document: str | None,
    groups: Sequence[str],
    ballot: Ballot = Ballot.COMMITTEE,
) -> int:
    """The ``chart`` command: write the picture, print where and what it shows."""
    try:
        path, alt_text = _draw(engine, kind, out, document, groups, ballot)
    except NoVotePicture as error:
        print(f"rapporteur: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"rapporteur: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {path}\n{alt_text}")
    return 0


def leading_ballot(argument: str, default: Ballot) -> tuple[Ballot, str]:
    """A console argument's first word when it names a vote ("plenary Brazil"), and the rest."""
    first, _, rest = argument.strip().partition(" ")
    if first.casefold() in BALLOTS:
        return Ballot(first.casefold()), rest.strip()
    return default, argument.strip()


def console_map(engine: Engine, argument: str) -> str:
    """The console's ``:map [committee|plenary|both] [document]``: the picture's path and its
    description (``both``: the trail)."""
    ballot, rest = leading_ballot(argument, Ballot.COMMITTEE)
    return _console(engine, MAP, rest or None, (), ballot)


def console_groups(engine: Engine, argument: str) -> str:
    """The console's ``:groups [committee|plenary] [group id ...]``."""
    ballot, rest = leading_ballot(argument, Ballot.COMMITTEE)
    return _console(engine, GROUPS, None, rest.split(), ballot)


def _console(
    engine: Engine, kind: str, document: str | None, groups: Sequence[str], ballot: Ballot
) -> str:
    try:
        path, alt_text = _draw(engine, kind, None, document, groups, ballot)
    except NoVotePicture as error:
        return str(error)
    except OSError as error:
        return f"Could not write the picture: {error.strerror or error}"
    return f"Picture written to {path}\n{alt_text}"


def _draw(
    engine: Engine,
    kind: str,
    out: Path | None,
    document: str | None,
    groups: Sequence[str],
    ballot: Ballot,
) -> tuple[Path, str]:
    """Draw (or fetch) the picture; copy it to ``out``, else say where the store keeps it."""
    from bot.charts.pictures import group_chart, trail_chart, vote_map
    from bot.charts.store import PictureStore

    store = PictureStore(engine.settings.data_dir / PICTURES_FOLDER)
    if kind == GROUPS and ballot is Ballot.BOTH:
        raise NoVotePicture(NO_GROUPS_TRAIL)
    if kind == GROUPS:
        picture = group_chart(engine, store, document, groups, ballot)
    elif ballot is Ballot.BOTH:
        picture = trail_chart(engine, store, document)
    else:
        picture = vote_map(engine, store, document, ballot)
    if out is not None:
        _write_out(out, picture.png)
        return out, picture.alt_text
    if picture.path is not None:
        return picture.path, picture.alt_text
    return _scratch_copy(picture.filename, picture.png), picture.alt_text


def _write_out(out: Path, png: bytes) -> None:
    """Write ``out`` whole or not at all: a temporary file beside it is renamed over it, so a
    kill or a full disk leaves the previous picture, never half of one. A pipe or a device
    (``--out /dev/stdout``) is written in place: it cannot be replaced."""
    target = Path(os.path.realpath(out))
    if target.exists() and not target.is_file():
        target.write_bytes(png)
        return
    write_atomically(target, png, prefix=writer_prefix(f".{target.name}"))


def _scratch_copy(filename: str, png: bytes) -> Path:
    """A picture the data folder could not keep, in one private folder of the system's
    temporary space, named by its content: asking again reuses the file instead of adding
    one per request."""
    folder = Path(tempfile.gettempdir()) / f"rapporteur-pictures-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    status = folder.lstat()
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid():
        raise OSError(errno.EPERM, f"{folder} is not a private folder of this user")
    stem, _, suffix = filename.rpartition(".")
    path = folder / f"{stem}-{hashlib.sha256(png).hexdigest()[:16]}.{suffix}"
    if not (path.is_file() and path.stat().st_size == len(png)):
        write_atomically(path, png, prefix=writer_prefix(f".{path.name}"))
    return path
