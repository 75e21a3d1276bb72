"""Public entry points: one report's text -> ``Document``; a seeds folder -> documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

from index.parsing.drafts import considered_drafts, current_drafts
from index.parsing.errors import ParseError
from index.parsing.footnotes import attach_footnotes
from index.parsing.meetings import committee_meetings, paragraph_meetings
from index.parsing.metadata import committee_name, parse_metadata
from index.parsing.paragraphs import RawParagraph, segment
from index.parsing.sponsors import extract_sponsors
from index.parsing.statements import extract_statements
from index.parsing.votes import VoteContext, has_vote, parse_vote
from index.records import Document, Footnote, Paragraph, Part, RecordedVote

_LABELS = {
    Part.REPORT: "paragraph {} of the report",
    Part.PREAMBLE: "preambular paragraph {}",
    Part.OPERATIVE: "operative paragraph {}",
}


def parse_document(text: str, *, document_id: str, source: str) -> Document:
    """Parse one report; raises ``ParseError`` rather than return doubtful records."""
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        return _parse(text.lstrip("\ufeff"), document_id, source, sha256)
    except ValueError as error:
        raise ParseError(document_id, f"invalid value in the document: {error}") from error


def load_documents(seeds_dir: Path) -> list[Document]:
    """Every ``*.md`` report in ``seeds_dir``, sorted by file name; id = file stem."""
    if not seeds_dir.is_dir():
        raise ParseError(str(seeds_dir), "the seeds folder does not exist or is not a folder")
    paths = sorted(seeds_dir.glob("*.md"))
    if not paths:
        raise ParseError(str(seeds_dir), "the seeds folder holds no *.md documents")
    documents: list[Document] = []
    for path in paths:
        try:
            data = path.read_bytes()
            text = data.decode("utf-8")
        except OSError as error:
            raise ParseError(path.stem, f"cannot read {path}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise ParseError(path.stem, f"{path} is not UTF-8 text ({error.reason})") from error
        document = parse_document(text, document_id=path.stem, source=str(path))
        documents.append(document.model_copy(update={"sha256": hashlib.sha256(data).hexdigest()}))
    return documents


def _parse(text: str, document_id: str, source: str, sha256: str) -> Document:
    layout = segment(text, document_id)
    meta = parse_metadata(layout.front, document_id)
    report = [p for p in layout.paragraphs if p.part is Part.REPORT]
    footnotes = attach_footnotes(layout.paragraphs, layout.footnotes, document_id)
    meetings = committee_meetings(report, meta.date, document_id)
    meta = meta.model_copy(update={"meetings": meetings})
    meeting_of = paragraph_meetings(report)
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
            _paragraph(raw, notes, document_id)
            for raw, notes in zip(layout.paragraphs, footnotes, strict=True)
        ),
        vote=vote,
        sponsors=extract_sponsors(report, draft_of, document_id),
        statements=extract_statements(
            report, meeting_of, report[voting[0]].number if voting else None
        ),
        sections=tuple(layout.sections),
    )


def _paragraph(raw: RawParagraph, footnotes: tuple[Footnote, ...], document_id: str) -> Paragraph:
    return Paragraph(
        id=f"{raw.part.value}-{raw.number}",
        document=document_id,
        part=raw.part,
        number=raw.number,
        label=_LABELS[raw.part].format(raw.number),
        section=raw.section,
        lead=raw.lead,
        text=raw.text,
        footnotes=footnotes,
    )
