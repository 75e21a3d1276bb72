"""The parsed records, kept in the data folder so a cold start need not parse the seeds again.

The cache is plain JSON (never pickle) and is only ever a shortcut: it is used when its key
matches the seeds as read now (names, paths and sha256 of every seed file), the parser
version and the country data that names resolve against; when its payload still has the
digest it was written with; and when it validates against the record models. Anything else
(a seed edit, a parser bump, a truncated or hand-edited file) means a fresh parse that
replaces it. A data folder that cannot be written only costs the shortcut, with one warning.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from index.data_folder import (
    remove_orphans,
    warn_unwritable,
    why_file_unwritable,
    write_atomically,
    writer_prefix,
)
from index.parsing.seed_files import ParsedSeeds, SeedFile, usable_seeds
from index.records import Document, VotingRecord
from index.regular_files import Unusable, read_regular
from index.settings import EngineSettings

log = logging.getLogger(__name__)

PARSER_VERSION = 5
"""Bump whenever a parser change alters the records it produces: every cache rebuilds."""

CACHE_FILE = "records.json"
DATA_FILES = Path(__file__).parent / "data"
"""The engine's data (country names and aliases among them): the parser resolves names
against it, so any change to it rebuilds the cache."""

CACHE_BYTES_PER_SEED_BYTE = 16
_DOCUMENTS = TypeAdapter(list[Document])
_RECORDS = TypeAdapter(list[VotingRecord])


class CachedRecords(BaseModel):
    """The file's schema: what was parsed, from what, and a digest of the records."""

    parser_version: int
    key: str
    digest: str
    skipped: list[str]
    documents: list[Document]
    records: list[VotingRecord] = []


def load_records(settings: EngineSettings) -> list[Document]:
    """The seeds' reports (see ``load_sources``)."""
    return load_sources(settings).documents


def load_sources(settings: EngineSettings) -> ParsedSeeds:
    """The seeds' reports and voting records: from the cache when it is current and intact,
    else parsed afresh, with a line for every seed file left unread (unusable, a copy, or one
    that does not parse).

    Raises ``ParseError`` when no seed at all can be read; logs each skipped seed, cached or
    not.
    """
    folder = usable_seeds(settings.seeds_dir, settings.max_seed_bytes)
    seeds = folder.seeds
    key = cache_key(seeds)
    path = settings.data_dir / CACHE_FILE
    remove_orphans(path.parent, f"{path.name}.*.tmp")
    parsed = _cached(path, key, seeds)
    if parsed is None:
        from index.parsing.document import parse_seeds  # only when the cache cannot serve

        parsed = parse_seeds(seeds)
        _store(path, key, parsed)
    for warning in parsed.skipped:
        log.warning(warning)
    return parsed.model_copy(update={"skipped": [*folder.skipped, *parsed.skipped]})


def cache_key(seeds: Sequence[SeedFile]) -> str:
    """Changes with any seed (added, removed, moved, edited), the parser or its name data."""
    key = hashlib.sha256(f"parser {PARSER_VERSION}\n".encode())
    for data in sorted(DATA_FILES.rglob("*.json")):
        digest = hashlib.sha256(data.read_bytes()).hexdigest()
        key.update(f"{data.relative_to(DATA_FILES)} {digest}\n".encode())
    for seed in seeds:
        key.update(f"seed {seed.path} {seed.sha256}\n".encode())
        if seed.origin is not None:
            key.update(f"origin {seed.origin.path} {seed.origin.sha256}\n".encode())
    return key.hexdigest()


def _digest(documents: Sequence[Document], records: Sequence[VotingRecord]) -> str:
    digest = hashlib.sha256(_DOCUMENTS.dump_json(list(documents)))
    digest.update(_RECORDS.dump_json(list(records)))
    return digest.hexdigest()


def _cached(path: Path, key: str, seeds: Sequence[SeedFile]) -> ParsedSeeds | None:
    """The cached parse if it can be trusted for these seeds, else ``None``."""
    try:
        raw = read_regular(path, _cache_limit(seeds))
    except FileNotFoundError:
        return None  # no cache yet
    except Unusable as why:
        if path.exists() and not path.is_dir():  # storing says why a folder is in the way
            log.warning(
                "The parsed-records cache %s is not usable (%s); parsing the seeds again",
                path, why,
            )  # fmt: skip
        return None
    try:
        cached = CachedRecords.model_validate_json(raw)
    except ValidationError as error:
        log.warning(
            "The parsed-records cache %s is damaged (%d problems); parsing the seeds again",
            path, error.error_count(),
        )  # fmt: skip
        return None
    if cached.parser_version != PARSER_VERSION or cached.key != key:
        return None
    intact = cached.digest == _digest(cached.documents, cached.records)
    if not intact or not _matches(cached.documents, cached.records, seeds):
        log.warning(
            "The parsed-records cache %s does not match its digest or the seeds; "
            "parsing the seeds again",
            path,
        )
        return None
    return ParsedSeeds(documents=cached.documents, records=cached.records, skipped=cached.skipped)


def _cache_limit(seeds: Sequence[SeedFile]) -> int:
    """The largest cache these seeds can explain: records hold a few times the text they
    were parsed from, so anything far bigger (a link to ``/dev/zero``) is not read."""
    return CACHE_BYTES_PER_SEED_BYTE * sum(len(seed.data) for seed in seeds) + 1_000_000


def _matches(
    documents: Sequence[Document], records: Sequence[VotingRecord], seeds: Sequence[SeedFile]
) -> bool:
    """Each cached document or record comes from one of these seeds, by name, path and
    content hash."""
    by_path = {str(seed.path): seed for seed in seeds}
    for document in documents:
        seed = by_path.get(document.source)
        if seed is None or (document.id, document.sha256) != (seed.path.stem, seed.sha256):
            return False
    for record in records:
        seed = by_path.get(record.source)
        if seed is None or record.sha256 != seed.sha256:
            return False
    return True


def _store(path: Path, key: str, parsed: ParsedSeeds) -> None:
    """Write the cache atomically; an unwritable folder warns once and is otherwise fine."""
    cached = CachedRecords(
        parser_version=PARSER_VERSION,
        key=key,
        digest=_digest(parsed.documents, parsed.records),
        skipped=parsed.skipped,
        documents=parsed.documents,
        records=parsed.records,
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, cached.model_dump_json().encode(), prefix=writer_prefix(path.name))
    except OSError as error:
        warn_unwritable(path.parent, why_file_unwritable(path, error))
