"""Reading the seeds folder with guards: only regular files, only up to a stated size.

Whatever lands in ``seeds/`` is read on every start, so a named pipe (which blocks a reader
forever), a link to ``/dev/zero`` (which never ends), a folder named ``x.md`` or a 50 MB file
must each cost one warning line, never a hang or all the memory. A second copy of a report
already read is skipped too: answering every question twice helps nobody.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from index.parsing.errors import ParseError
from index.records import Document
from index.regular_files import Unusable, read_regular

log = logging.getLogger(__name__)

DEFAULT_MAX_SEED_BYTES = 5_000_000
SIZE_SETTING = "RAPPORTEUR_MAX_SEED_BYTES"


class SeedFile(BaseModel):
    """One seed's bytes, as read, with the hash that identifies its content."""

    model_config = ConfigDict(frozen=True)

    path: Path
    data: bytes
    sha256: str


def seed_paths(seeds_dir: Path) -> list[Path]:
    """The ``*.md`` entries of the folder, by name: which ones are read is decided later."""
    return sorted(seeds_dir.glob("*.md"))


def read_seed(path: Path, max_bytes: int) -> SeedFile:
    """The file's bytes if it is a regular file of at most ``max_bytes``; else ``Unusable``
    (guarded as ``index.regular_files`` reads every file others can replace)."""
    try:
        data = read_regular(path, max_bytes, size_setting=SIZE_SETTING)
    except FileNotFoundError as error:
        raise Unusable(f"it cannot be read ({error.strerror or error})") from error
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
        seeds.append(seed)
    return seeds


def usable_seeds(seeds_dir: Path, max_bytes: int) -> list[SeedFile]:
    """The seed files worth parsing; raises ``ParseError`` when there is none."""
    if not seeds_dir.is_dir():
        raise ParseError(str(seeds_dir), "the seeds folder does not exist or is not a folder")
    if not seed_paths(seeds_dir):
        raise ParseError(str(seeds_dir), "the seeds folder holds no *.md documents")
    seeds = readable_seeds(seeds_dir, max_bytes)
    if not seeds:
        raise ParseError(str(seeds_dir), "the seeds folder holds no readable *.md documents")
    return seeds


class ParsedSeeds(BaseModel):
    """The reports read from a seeds folder, and a warning line for each one skipped as a
    second edition of a report already read (kept so a cached parse can repeat them)."""

    documents: list[Document]
    skipped: list[str] = []
