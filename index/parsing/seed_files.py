"""Reading the seeds folder with guards: only regular files, only up to a stated size.

Whatever lands in ``seeds/`` is read on every start, so a named pipe (which blocks a reader
forever), a link to ``/dev/zero`` (which never ends), a folder named ``x.md`` or a 50 MB file
must each cost one warning line, never a hang or all the memory. A second copy of a report
already read is skipped too: answering every question twice helps nobody.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from index.parsing.errors import ParseError
from index.records import Document, VotingRecord

log = logging.getLogger(__name__)

DEFAULT_MAX_SEED_BYTES = 5_000_000
SIZE_SETTING = "RAPPORTEUR_MAX_SEED_BYTES"
REPORT_SUFFIX = ".md"
VOTING_DATA_SUFFIX = ".csv"
ORIGIN_SUFFIX = ".source.json"
"""Beside a voting-data file ``x.csv``, ``x.source.json`` says where its data comes from."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class SeedFile(BaseModel):
    """One seed's bytes, as read, with the hash that identifies its content; a voting-data
    file carries the description of its origin read beside it, if there is one."""

    model_config = ConfigDict(frozen=True)

    path: Path
    data: bytes
    sha256: str
    origin: SeedFile | None = None

    @property
    def is_voting_data(self) -> bool:
        return self.path.suffix == VOTING_DATA_SUFFIX


class Unusable(Exception):
    """Why a file in the seeds folder is not read (the warning line says it)."""


def seed_paths(seeds_dir: Path) -> list[Path]:
    """The ``*.md`` reports and ``*.csv`` voting-data files of the folder, by name: which ones
    are read is decided later."""
    return sorted([*seeds_dir.glob(f"*{REPORT_SUFFIX}"), *seeds_dir.glob(f"*{VOTING_DATA_SUFFIX}")])


def read_seed(path: Path, max_bytes: int) -> SeedFile:
    """The file's bytes if it is a regular file of at most ``max_bytes``; else ``Unusable``.

    The file is opened without blocking and checked again through its descriptor, so a pipe
    swapped in after the first check still cannot block, and at most ``max_bytes + 1`` bytes
    are ever read, so a file that grows meanwhile cannot exhaust memory.
    """
    try:
        _check(path, path.stat(), max_bytes)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as handle:
            _check(path, os.fstat(handle.fileno()), max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise Unusable(f"it cannot be read ({error.strerror or error})") from error
    if len(data) > max_bytes:
        raise Unusable(_too_big(max_bytes))
    return SeedFile(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())


def readable_seeds(seeds_dir: Path, max_bytes: int) -> list[SeedFile]:
    """Every usable seed file, in name order; each unusable one or copy logs one warning."""
    seeds: list[SeedFile] = []
    by_content: dict[str, Path] = {}
    for path in seed_paths(seeds_dir):
        try:
            seed = read_seed(path, max_bytes)
        except Unusable as reason:
            log.warning("Skipping seed %s: %s", path, reason)
            continue
        first = by_content.setdefault(seed.sha256, path)
        if first != path:
            log.warning("Skipping seed %s: it is a copy of %s (same content)", path, first)
            continue
        if seed.is_voting_data:
            seed = seed.model_copy(update={"origin": _origin(path, max_bytes)})
        seeds.append(seed)
    return seeds


def _origin(path: Path, max_bytes: int) -> SeedFile | None:
    """The description of a voting-data file's origin, read with the same guards."""
    described = path.with_name(path.stem + ORIGIN_SUFFIX)
    if not described.exists() and not described.is_symlink():
        return None
    try:
        return read_seed(described, max_bytes)
    except Unusable as reason:
        log.warning("Not reading %s: %s", described, reason)
        return None


def _check(path: Path, status: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a file")
        target = f", through a link to {os.path.realpath(path)}" if path.is_symlink() else ""
        raise Unusable(f"it is {kind}{target}, not a regular file")
    if status.st_size > max_bytes:
        raise Unusable(_too_big(max_bytes, status.st_size))


def _too_big(max_bytes: int, size: int | None = None) -> str:
    found = f"{size:,} bytes" if size is not None else "growing"
    return (
        f"it is {found}, over the limit of {max_bytes:,} bytes (raise {SIZE_SETTING} to allow it)"
    )


def usable_seeds(seeds_dir: Path, max_bytes: int) -> list[SeedFile]:
    """The seed files worth parsing; raises ``ParseError`` when there is none."""
    if not seeds_dir.is_dir():
        raise ParseError(str(seeds_dir), "the seeds folder does not exist or is not a folder")
    if not any(path.suffix == REPORT_SUFFIX for path in seed_paths(seeds_dir)):
        raise ParseError(str(seeds_dir), "the seeds folder holds no *.md documents")
    seeds = readable_seeds(seeds_dir, max_bytes)
    if not any(not seed.is_voting_data for seed in seeds):
        raise ParseError(str(seeds_dir), "the seeds folder holds no readable *.md documents")
    return seeds


class ParsedSeeds(BaseModel):
    """The reports and voting records read from a seeds folder, and a warning line for each
    seed skipped as a second edition of one already read or read without a column its data
    dictionary does not define (kept so a cached parse can repeat them)."""

    documents: list[Document]
    records: list[VotingRecord] = []
    skipped: list[str] = []
