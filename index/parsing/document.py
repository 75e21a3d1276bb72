"""Public entry points: one report's text -> ``Document``; a seeds folder -> documents and
voting records.

A report comes as Markdown, plain text or PDF; each reader turns it into the same classified
lines, so one segmenter and one set of rules make the records whatever the file's form.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from index.parsing.drafts import considered_drafts, current_drafts
from index.parsing.errors import ParseError
from index.parsing.footnotes import attach_footnotes
from index.parsing.markdown import Line, clean_inline, lines_of
from index.parsing.meetings import committee_meetings, paragraph_meetings
from index.parsing.metadata import committee_name, parse_metadata
from index.parsing.paragraphs import RawParagraph, segment
from index.parsing.plain_text import report_lines
from index.parsing.seed_files import DEFAULT_MAX_SEED_BYTES, ParsedSeeds, SeedFile, usable_seeds
from index.parsing.sponsors import extract_sponsors
from index.parsing.statements import extract_statements
from index.parsing.votes import VoteContext, has_vote, parse_vote
from index.parsing.voting_data import read_voting_data
from index.records import Document, Footnote, Paragraph, Part, RecordedVote, VotingSource

log = logging.getLogger(__name__)

_LABELS = {
    Part.REPORT: "paragraph {} of the report",
    Part.PREAMBLE: "preambular paragraph {}",
    Part.OPERATIVE: "operative paragraph {}",
}


def parse_document(text: str, *, document_id: str, source: str) -> Document:
    """Parse one report's Markdown; raises ``ParseError`` rather than return doubtful records."""
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_lines(lines_of(text.lstrip("\ufeff")), document_id, source, sha256)


def parse_lines(lines: list[Line], document_id: str, source: str, sha256: str) -> Document:
    """Parse one report's classified lines, whichever reader made them."""
    try:
        return _parse(lines, document_id, source, sha256)
    except ValueError as error:
        raise ParseError(document_id, f"invalid value in the document: {error}") from error


def load_documents(seeds_dir: Path, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> list[Document]:
    """Every usable report in ``seeds_dir``, by file name; id = file stem.

    Files that are not regular, too big, copies of a report already read or that do not
    parse are skipped with one warning each (see ``seed_files``); none at all is an error.
    """
    parsed = parse_seeds(usable_seeds(seeds_dir, max_bytes).seeds)
    for warning in parsed.skipped:
        log.warning(warning)
    return parsed.documents


def parse_seeds(seeds: Sequence[SeedFile]) -> ParsedSeeds:
    """Parse each seed; a seed that does not parse, a later report on a draft already
    reported on, and a later file's record of a resolution already read are skipped with a
    warning line. Raises ``ParseError`` when no report parses."""
    parsed = ParsedSeeds(documents=[])
    reports: dict[str, Document] = {}
    for seed in seeds:
        try:
            if seed.is_voting_data:
                _add_voting_data(seed, parsed)
                continue
            document = parse_seed(seed)
        except ParseError as error:
            # A report's error names its id; a voting-data file's names the file and row.
            why = str(error) if seed.is_voting_data else error.reason
            parsed.skipped.append(f"Skipping seed {seed.path}: {why}")
            continue
        symbol = reported_draft(document)
        first = reports.setdefault(symbol, document) if symbol else document
        if first is document:
            parsed.documents.append(document)
        else:
            parsed.skipped.append(
                f"Skipping seed {seed.path}: it reports on the same draft resolution "
                f"({symbol}) as {first.source}"
            )
    if not parsed.documents:
        where = str(seeds[0].path.parent) if seeds else "seeds"
        reasons = "; ".join(line.removeprefix("Skipping seed ") for line in parsed.skipped)
        raise ParseError(where, f"no seed document can be read: {reasons}")
    return parsed


def _add_voting_data(seed: SeedFile, parsed: ParsedSeeds) -> None:
    origin = _origin(seed.origin) if seed.origin is not None else None
    read = read_voting_data(seed.data, seed.path.name, origin)
    parsed.skipped += [
        f"{seed.path}: the column {column!r} is not in the voting data dictionary; its "
        "meaning is unknown, so it is not read"
        for column in read.unknown_columns
    ]
    known = {record.resolution: record.source for record in parsed.records}
    for record in read.records:
        if record.resolution in known:
            parsed.skipped.append(
                f"Skipping {record.resolution} in {seed.path}: {known[record.resolution]} "
                "already gives its vote"
            )
            continue
        parsed.records.append(record.model_copy(update={"source": str(seed.path)}))


def _origin(seed: SeedFile) -> VotingSource:
    try:
        return VotingSource.model_validate_json(seed.data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise ParseError(
            str(seed.path),
            f"not a description of a voting-data file's origin ({where}: {first['msg']})",
        ) from None


def parse_seed(seed: SeedFile) -> Document:
    """One seed file's report, read by its suffix; its id is the file name without it."""
    document_id = seed.path.stem
    lines = seed_lines(seed)
    return parse_lines(lines, document_id, str(seed.path), seed.sha256)


def seed_lines(seed: SeedFile) -> list[Line]:
    """The classified lines of a report file: Markdown, plain text or PDF."""
    if seed.suffix == ".pdf":
        from index.parsing.pdf_text import pdf_text  # the PDF library only for PDFs

        return report_lines(pdf_text(seed.data, seed.path.stem))
    text = decoded(seed)
    if seed.suffix == ".txt":
        return report_lines(text)
    return lines_of(text)


def decoded(seed: SeedFile) -> str:
    """A text seed's characters: UTF-8 (a byte-order mark allowed), or UTF-16 with its mark."""
    encoding = "utf-16" if seed.data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    try:
        return seed.data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise ParseError(seed.path.stem, f"it is not UTF-8 text ({error.reason})") from error


def reported_draft(document: Document) -> str | None:
    """The draft a report ends up recommending: two reports on it are the same report."""
    if document.vote is not None:
        return document.vote.subject
    return document.drafts[-1] if document.drafts else None


def _parse(lines: list[Line], document_id: str, source: str, sha256: str) -> Document:
    layout = segment(lines, document_id)
    meta = parse_metadata(layout.front, document_id)
    report = [p for p in layout.paragraphs if p.part is Part.REPORT]
    footnotes = attach_footnotes(layout.paragraphs, layout.footnotes, document_id)
    meetings = committee_meetings(report, meta.date, document_id)
    meta = meta.model_copy(update={"meetings": meetings})
    meeting_of = paragraph_meetings(report)
    told = {raw.number: meeting for raw, meeting in zip(report, meeting_of, strict=True)}
    draft_of = current_drafts(report)

    vote: RecordedVote | None = None
    voting = [index for index, paragraph in enumerate(report) if has_vote(paragraph)]
    if len(voting) > 1:
        numbers = ", ".join(str(report[index].number) for index in voting)
        raise ParseError(
            document_id, f"several recorded votes (paragraphs {numbers}); one expected"
        )
    if voting:
        index = voting[0]
        meeting = meeting_of[index]
        dates = {m.number: m.date for m in meetings}
        context = VoteContext(
            document=document_id,
            body=committee_name(meta.subtitle),
            meeting=meeting,
            date=dates.get(meeting) if meeting is not None else None,
            current_draft=draft_of[index],
        )
        vote = parse_vote(report[index], footnotes[index], context)

    return Document(
        id=document_id,
        source=source,
        sha256=sha256,
        meta=meta,
        resolution_title=layout.resolution_title,
        drafts=considered_drafts(layout.sections, report),
        paragraphs=tuple(
            _paragraph(raw, notes, document_id, told.get(raw.number))
            if raw.part is Part.REPORT
            else _paragraph(raw, notes, document_id, None)
            for raw, notes in zip(layout.paragraphs, footnotes, strict=True)
        ),
        vote=vote,
        sponsors=extract_sponsors(report, draft_of, document_id),
        statements=extract_statements(
            report, meeting_of, report[voting[0]].number if voting else None
        ),
        sections=tuple(layout.sections),
    )


def _paragraph(
    raw: RawParagraph, footnotes: tuple[Footnote, ...], document_id: str, meeting: int | None
) -> Paragraph:
    return Paragraph(
        id=f"{raw.part.value}-{raw.number}",
        document=document_id,
        part=raw.part,
        number=raw.number,
        label=_LABELS[raw.part].format(raw.number),
        section=raw.section,
        lead=raw.lead,
        text=raw.text,
        footnotes=_marked(raw, footnotes),
        meeting=meeting,
    )


def _marked(raw: RawParagraph, footnotes: tuple[Footnote, ...]) -> tuple[Footnote, ...]:
    """Each footnote with where its mark stands in the paragraph's cleaned prose, so a quote
    can pair "An account … is contained in the relevant summary records" with footnote 1."""
    printed = raw.raw
    placed: list[Footnote] = []
    start = 0
    for note in footnotes:
        mark = re.compile(rf"<sup>\s*{note.number}\s*</sup>").search(printed, start)
        if mark is None:
            placed.append(note)
            continue
        start = mark.end()
        offset = len(clean_inline(printed[: mark.start()]))
        placed.append(note.model_copy(update={"offset": offset}))
    return tuple(placed)
