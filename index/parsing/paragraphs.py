"""Split a report into front matter, sections, numbered paragraphs and footnote bodies.

Rules, not positions: a numbered line opens a report or operative paragraph, an italic lead
opens a preambular paragraph, an italic "In favour:" opens a vote list, and every other
line continues whatever paragraph is open. Page breaks and the footnotes printed around
them do not close a paragraph, which is how a paragraph or list cut by a page is rejoined.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from index.parsing.errors import ParseError
from index.parsing.markdown import Line, LineKind, clean_inline, footnote_markers
from index.records import Part, Section

_SECTION = re.compile(r"^([IVXLC]+)\.\s+(.+)$")
_OPENER = re.compile(r"^The\s+.+,$")


class Marker(BaseModel):
    """A footnote number cited inside a paragraph, with where it was printed."""

    model_config = ConfigDict(frozen=True)

    number: int
    lineno: int


class FootnoteBody(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    lineno: int
    text: str


class VoteList(BaseModel):
    """A list printed under an italic heading such as "In favour:" (raw markdown)."""

    heading: str
    lines: list[str] = Field(default_factory=list)

    @property
    def raw(self) -> str:
        return " ".join(self.lines).strip()


class RawParagraph(BaseModel):
    """A numbered paragraph as printed, before records are derived from it."""

    part: Part
    number: int
    lineno: int
    section: str
    lead: str | None = None
    lines: list[str]
    lists: list[VoteList] = Field(default_factory=list)
    markers: list[Marker] = Field(default_factory=list)

    @property
    def raw(self) -> str:
        """The paragraph's markdown as printed, its lines joined (lists excluded)."""
        return " ".join(self.lines)

    @cached_property
    def prose(self) -> str:
        """The paragraph's own sentences, without any vote lists.

        Every later stage reads it, so it is cleaned once; it is only read after the whole
        document has been segmented, when no line is added any more.
        """
        return clean_inline(self.raw)

    @property
    def text(self) -> str:
        lines = [self.prose]
        lines.extend(f"{item.heading} {clean_inline(item.raw)}" for item in self.lists)
        return "\n".join(lines)

    def extend(self, line: Line) -> None:
        """Continue the paragraph, or its last list; joined once, when read (linear)."""
        (self.lists[-1].lines if self.lists else self.lines).append(line.text)
        self.cite(line)

    def cite(self, line: Line) -> None:
        self.markers.extend(
            Marker(number=n, lineno=line.lineno) for n in footnote_markers(line.text)
        )


class Layout(BaseModel):
    """The document's skeleton, in reading order."""

    front: list[Line]
    sections: list[Section]
    paragraphs: list[RawParagraph]
    footnotes: list[FootnoteBody]
    resolution_title: str


class _Stage(StrEnum):
    FRONT = "front"
    REPORT = "report"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"


class _Segmenter:
    """Walks the lines once, keeping the paragraph that is still open."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.stage = _Stage.FRONT
        self.front: list[Line] = []
        self.sections: list[Section] = []
        self.paragraphs: list[RawParagraph] = []
        self.footnotes: list[FootnoteBody] = []
        self.open: RawParagraph | None = None
        self.last_number: dict[Part, int] = {}
        self.interrupted = False
        self.heading_since_paragraph: str | None = None
        self.resolution_title: str | None = None

    def error(self, line: Line, reason: str) -> ParseError:
        return ParseError(self.document, f"line {line.lineno}: {reason}")

    @property
    def section(self) -> str:
        return self.sections[-1].heading if self.sections else ""

    def run(self, lines: list[Line]) -> Layout:
        for line in lines:
            self.feed(line)
        if self.stage is not _Stage.OPERATIVE or self.resolution_title is None:
            raise ParseError(
                self.document,
                "no draft resolution found: expected a title heading, an opening line such as "
                "'The General Assembly,' and numbered operative paragraphs",
            )
        return Layout(
            front=self.front,
            sections=self.sections,
            paragraphs=self.paragraphs,
            footnotes=self.footnotes,
            resolution_title=self.resolution_title,
        )

    def feed(self, line: Line) -> None:
        if line.kind is LineKind.PAGE_BREAK:
            self.interrupted = True
        elif line.kind is LineKind.FOOTNOTE:
            self.footnotes.append(
                FootnoteBody(number=line.number, lineno=line.lineno, text=clean_inline(line.text))
            )
            self.interrupted = True
        elif self.stage is _Stage.FRONT:
            self.feed_front(line)
        elif line.kind is LineKind.HEADING:
            self.feed_heading(line)
        elif line.kind is LineKind.NUMBERED:
            self.feed_numbered(line)
        elif line.kind is LineKind.LEAD:
            self.feed_lead(line)
        else:
            self.continue_open(line)

    def feed_front(self, line: Line) -> None:
        if line.kind is LineKind.HEADING and _SECTION.match(clean_inline(line.text)):
            self.stage = _Stage.REPORT
            self.feed_heading(line)
        elif line.kind is LineKind.NUMBERED:
            self.stage = _Stage.REPORT
            self.feed_numbered(line)
        else:
            self.front.append(line)

    def feed_heading(self, line: Line) -> None:
        if self.stage is not _Stage.REPORT:
            raise self.error(line, f"unexpected heading inside the resolution: {line.text!r}")
        text = clean_inline(line.text)
        if match := _SECTION.match(text):
            self.sections.append(Section(numeral=match.group(1), title=match.group(2)))
        else:
            self.heading_since_paragraph = text
        self.open = None

    def feed_numbered(self, line: Line) -> None:
        if self.stage is _Stage.PREAMBLE:
            self.stage = _Stage.OPERATIVE
        part = Part.OPERATIVE if self.stage is _Stage.OPERATIVE else Part.REPORT
        expected = self.last_number.get(part, 0) + 1
        if line.number != expected:
            if self.open is not None and self.interrupted:
                self.continue_open(line.model_copy(update={"text": f"{line.number}. {line.text}"}))
                return
            what = "operative paragraph" if part is Part.OPERATIVE else "report paragraph"
            raise self.error(line, f"expected {what} {expected}, found {line.number}")
        self.start(part, line.number, line, line.lead)

    def feed_lead(self, line: Line) -> None:
        lead = line.lead or ""
        bare = not clean_inline(line.rest)
        if self.stage is _Stage.REPORT and bare and _OPENER.match(lead):
            if self.heading_since_paragraph is None:
                raise self.error(line, "the draft resolution has no title heading before it")
            self.resolution_title = self.heading_since_paragraph
            self.stage = _Stage.PREAMBLE
            self.open = None
        elif self.stage is _Stage.REPORT and lead.endswith(":"):
            if self.open is None:
                raise self.error(line, f"list {lead!r} outside any numbered paragraph")
            self.open.lists.append(VoteList(heading=lead))
            self.continue_open(line.model_copy(update={"text": line.rest}))
        elif self.stage is _Stage.PREAMBLE:
            number = self.last_number.get(Part.PREAMBLE, 0) + 1
            self.start(Part.PREAMBLE, number, line, lead.rstrip(","))
        else:
            self.continue_open(line)

    def start(self, part: Part, number: int, line: Line, lead: str | None) -> None:
        paragraph = RawParagraph(
            part=part,
            number=number,
            lineno=line.lineno,
            section=self.section,
            lead=lead,
            lines=[line.text],
        )
        paragraph.cite(line)
        self.paragraphs.append(paragraph)
        self.last_number[part] = number
        self.open = paragraph
        self.interrupted = False
        if part is Part.REPORT:
            self.heading_since_paragraph = None

    def continue_open(self, line: Line) -> None:
        if self.open is None:
            raise self.error(line, f"text outside any numbered paragraph: {line.text[:60]!r}")
        self.open.extend(line)
        self.interrupted = False


def segment(lines: list[Line], document: str) -> Layout:
    """The layout of a report's classified lines (from Markdown or from plain text)."""
    return _Segmenter(document).run(lines)
