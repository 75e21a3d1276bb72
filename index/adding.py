"""A document offered by a moderator (a Discord attachment, ``rapporteur add FILE``): checked
whole before anything changes, then written into the seeds folder atomically.

The checks are the ones the seeds folder would apply on the next start, run first so that a
file that fails them changes nothing: a plain file name with a known suffix, the size limit,
a parse into trustworthy records (a report by its reader, a voting-data file by the
voting-data reader, with all its validation), and no clash with what is already read (a
second report of the same name, a copy of a document, another report on the same draft
resolution, another file giving the same resolution's vote).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from index.data_folder import write_atomically
from index.library import Library
from index.parsing.document import parse_seed, reported_draft
from index.parsing.errors import ParseError
from index.parsing.seed_files import (
    REPORT_SUFFIXES,
    SEED_SUFFIXES,
    SIZE_SETTING,
    SeedFile,
    seed_paths,
)
from index.parsing.voting_data import read_voting_data
from index.records import Document, VotingRecord
from index.settings import EngineSettings

NAME_LIMIT = 100
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
TEMPORARY_PREFIX = "."
"""A write's temporary file is hidden (``.name.<random>.tmp``): the seeds folder never
reads it, half-written or not."""


class Refused(Exception):
    """Why a file was not added, in one line for the moderator."""


def checked_seed(settings: EngineSettings, name: str, data: bytes, library: Library) -> SeedFile:
    """The file as a seed, once it reads to records that clash with nothing ``library``
    holds; ``Refused`` says why not."""
    name = _checked_name(name)
    problem = size_problem(name, len(data), settings.max_seed_bytes)
    if problem is not None:
        raise Refused(problem)
    path = settings.seeds_dir / name
    seed = SeedFile(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())
    if seed.is_voting_data:
        _check_voting_data(seed, library.records)
        return seed
    _check_name(settings.seeds_dir, path)
    try:
        document = parse_seed(seed)
    except ParseError as error:
        raise Refused(f"{name} does not read as a report: {error.reason}") from None
    _check_clashes(path, document, library.documents)
    return seed


def _check_voting_data(seed: SeedFile, records: Sequence[VotingRecord]) -> None:
    """The file through the voting-data reader (totals, States, duplicate and conflicting
    rows, vote codes), and no resolution whose vote another file already gives."""
    name = seed.path.name
    try:
        read = read_voting_data(seed.data, name)
    except ParseError as error:
        # The reader names the row in ``document`` ("x.csv row 12"): the moderator needs it.
        said = str(error) if error.document != name else error.reason
        raise Refused(f"{name} does not read as voting data: {said}") from None
    given = {
        record.resolution: record.source for record in records if record.source != str(seed.path)
    }
    for record in read.records:
        if record.resolution in given:
            other = Path(given[record.resolution]).name
            raise Refused(
                f"{name} gives the vote on {record.resolution}, which {other} already gives; "
                f"upload it as {other} to replace that one"
            )


def size_problem(name: str, size: int, limit: int) -> str | None:
    """Why a file of ``size`` bytes is too big to add, or ``None``: front ends check the
    size a file announces before they fetch it."""
    if size <= limit:
        return None
    return f"{name} is {size:,} bytes, over the limit of {limit:,} ({SIZE_SETTING})"


def _checked_name(name: str) -> str:
    name = Path(name.replace("\\", "/")).name.strip()
    suffix = Path(name).suffix.lower()
    if suffix not in SEED_SUFFIXES:
        raise Refused(
            f"{name[:NAME_LIMIT]!r} is not a file I read (I read reports as .md, .txt or .pdf, "
            "and voting data as .csv)"
        )
    if len(name) > NAME_LIMIT or not _SAFE_NAME.match(name):
        raise Refused(
            f"name the file with letters, digits, dots, dashes or underscores only "
            f"(at most {NAME_LIMIT} characters), for example report-2021{suffix}"
        )
    return name[: -len(suffix)] + suffix


def _check_name(seeds_dir: Path, path: Path) -> None:
    """A document's id is its file name without the suffix: two files may not share it."""
    same_name = [
        other
        for other in (seed_paths(seeds_dir) if seeds_dir.is_dir() else [])
        if other.stem == path.stem
        and other.name != path.name
        and other.suffix.lower() in REPORT_SUFFIXES
    ]
    if same_name:
        other = same_name[0].name
        raise Refused(
            f"{other} has the same name (a document is named by its file without the suffix); "
            f"upload the file under another name, or take {other} out of the seeds folder "
            "first to replace it with a file of another form"
        )


def _check_clashes(path: Path, document: Document, documents: Sequence[Document]) -> None:
    """Neither a copy of a document already read nor a second report on its draft: the
    seeds folder would skip one of the two."""
    draft = reported_draft(document)
    for other in documents:
        if other.source == str(path):
            continue
        name = Path(other.source).name
        if other.sha256 == document.sha256:
            raise Refused(f"{path.name} is a copy of {name}")
        if draft is not None and reported_draft(other) == draft:
            same_form = Path(name).suffix.lower() == path.suffix.lower()
            replace = (
                f"upload it as {name} to replace that one"
                if same_form
                else f"to replace that one with this {path.suffix.lower()} file, take {name} "
                "out of the seeds folder first"
            )
            raise Refused(
                f"{path.name} reports on the same draft resolution ({draft}) as {name}; {replace}"
            )


def write_seed(seed: SeedFile) -> bytes | None:
    """Write the seed into its folder atomically; return the bytes it replaced, if any.
    Raises ``OSError`` (the folder is as it was)."""
    try:
        previous: bytes | None = seed.path.read_bytes()
    except FileNotFoundError:
        previous = None
    write_atomically(seed.path, seed.data, prefix=f"{TEMPORARY_PREFIX}{seed.path.name}.")
    return previous


def undo_write(path: Path, previous: bytes | None) -> None:
    """Put the folder back as it was before ``write_seed``; raises ``OSError``."""
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, previous, prefix=f"{TEMPORARY_PREFIX}{path.name}.")
