"""Reading the seeds folder with guards: only regular files, only up to a stated size.

Whatever lands in ``seeds/`` is read on every start, so a named pipe (which blocks a reader
forever), a link to ``/dev/zero`` (which never ends), a folder named ``x.md`` or a 50 MB file
must each cost one warning line, never a hang or all the memory. A second copy of a report
already read is skipped too: answering every question twice helps nobody. Each kind of
source is known by its suffix, so a new kind is one more suffix and one more reader.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from index.parsing.errors import ParseError
from index.records import Document, VotingRecord
from index.regular_files import Unusable, read_regular

log = logging.getLogger(__name__)

DEFAULT_MAX_SEED_BYTES = 5_000_000
SIZE_SETTING = "RAPPORTEUR_MAX_SEED_BYTES"
REPORT_SUFFIXES = (".md", ".txt", ".pdf")
"""Reports as people have them: the Markdown rendering, plain text and the published PDF."""
VOTING_DATA_SUFFIX = ".csv"
ORIGIN_SUFFIX = ".source.json"
"""Beside a voting-data file ``x.csv``, ``x.source.json`` says where its data comes from."""
SEED_SUFFIXES = (*REPORT_SUFFIXES, VOTING_DATA_SUFFIX)
KNOWN_KINDS = "*.md, *.txt or *.pdf"


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
        return self.suffix == VOTING_DATA_SUFFIX

    @property
    def suffix(self) -> str:
        """Which reader the file is for (``.md``, ``.txt``, ``.pdf``, ``.csv``), in any case."""
        return self.path.suffix.lower()


class SeedFolder(BaseModel):
    """The files worth parsing, and a warning line for each file left unread."""

    seeds: list[SeedFile]
    skipped: list[str] = []


def seed_paths(seeds_dir: Path) -> list[Path]:
    """The entries of the folder with a known suffix (reports and voting-data files), by
    name (hidden names, such as a write's temporary file, are not): which ones are read is
    decided later."""
    return sorted(
        path
        for path in seeds_dir.iterdir()
        if path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith(".")
    )


def read_seed(path: Path, max_bytes: int) -> SeedFile:
    """The file's bytes if it is a regular file of at most ``max_bytes``; else ``Unusable``
    (guarded as ``index.regular_files`` reads every file others can replace)."""
    try:
        data = read_regular(path, max_bytes, size_setting=SIZE_SETTING)
    except FileNotFoundError as error:
        raise Unusable(f"it cannot be read ({error.strerror or error})") from error
    return SeedFile(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())


def readable_seeds(seeds_dir: Path, max_bytes: int) -> SeedFolder:
    """Every usable seed file, in name order; each unusable one, copy or second file of the
    same name (``x.md`` beside ``x.pdf``: a document's id is its name) logs one warning."""
    folder = SeedFolder(seeds=[])
    by_content: dict[str, Path] = {}
    by_name: dict[str, Path] = {}
    for path in seed_paths(seeds_dir):
        try:
            seed = read_seed(path, max_bytes)
        except Unusable as reason:
            _skip(folder, f"Skipping seed {path}: {reason}")
            continue
        first = by_content.setdefault(seed.sha256, path)
        if first != path:
            _skip(folder, f"Skipping seed {path}: it is a copy of {first} (same content)")
            continue
        if seed.is_voting_data:
            folder.seeds.append(seed.model_copy(update={"origin": _origin(path, max_bytes)}))
            continue
        named = by_name.setdefault(path.stem, path)
        if named != path:
            _skip(folder, f"Skipping seed {path}: {named} has the same name")
            continue
        folder.seeds.append(seed)
    return folder


def _skip(folder: SeedFolder, line: str) -> None:
    log.warning("%s", line)
    folder.skipped.append(line)


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


def usable_seeds(seeds_dir: Path, max_bytes: int) -> SeedFolder:
    """The seed files worth parsing; raises ``ParseError`` when there is none."""
    if not seeds_dir.is_dir():
        raise ParseError(str(seeds_dir), "the seeds folder does not exist or is not a folder")
    if not any(path.suffix.lower() in REPORT_SUFFIXES for path in seed_paths(seeds_dir)):
        raise ParseError(str(seeds_dir), f"the seeds folder holds no {KNOWN_KINDS} documents")
    folder = readable_seeds(seeds_dir, max_bytes)
    if not any(not seed.is_voting_data for seed in folder.seeds):
        raise ParseError(
            str(seeds_dir), f"the seeds folder holds no readable {KNOWN_KINDS} documents"
        )
    return folder


class ParsedSeeds(BaseModel):
    """The reports and voting records read from a seeds folder, and a warning line for each
    seed skipped: a second edition of one already read, a file that does not parse, or one
    read without a column its data dictionary does not define (kept so a cached parse can
    repeat them)."""

    documents: list[Document]
    records: list[VotingRecord] = []
    skipped: list[str] = []
