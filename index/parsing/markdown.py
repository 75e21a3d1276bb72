"""Line classification and inline clean-up for the report's markdown rendering.

The parser works line by line: every non-blank line is one of a few kinds, and the kind
(not its position in the file) decides what the line means.
"""

from __future__ import annotations

import html
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKER = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"\*+")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.)])")

_PAGE_BREAK = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FOOTNOTE = re.compile(r"^\s*<sup>\s*(\d+)\s*</sup>\s*(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(.*)$")
_LEAD = re.compile(r"^\s*\*([^*]+?)\*(?!\*)\s*(.*)$")


class LineKind(StrEnum):
    PAGE_BREAK = "page_break"
    HEADING = "heading"
    FOOTNOTE = "footnote"
    NUMBERED = "numbered"
    LEAD = "lead"
    TEXT = "text"


class Line(BaseModel):
    """One non-blank source line; ``text`` is the raw markdown after the line's prefix.

    For an italic lead line, ``text`` is the whole line and ``rest`` what follows the lead.
    """

    model_config = ConfigDict(frozen=True)

    kind: LineKind
    lineno: int
    text: str
    level: int = 0
    number: int = 0
    lead: str | None = None
    rest: str = ""


def clean_inline(text: str) -> str:
    """Plain text for readers and search: no links, footnote markers, emphasis or tags."""
    text = _LINK.sub(r"\1", text)
    text = _MARKER.sub("", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = html.unescape(text)
    text = _SPACE.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


def footnote_markers(text: str) -> list[int]:
    """Footnote numbers cited inline, in reading order."""
    return [int(number) for number in _MARKER.findall(text)]


def _split_lead(text: str) -> tuple[str | None, str]:
    match = _LEAD.match(text)
    if match is None:
        return None, text
    return clean_inline(match.group(1)), match.group(2)


def classify(raw: str, lineno: int) -> Line | None:
    """The kind of a source line, or None for a blank line."""
    if not raw.strip():
        return None
    if _PAGE_BREAK.match(raw):
        return Line(kind=LineKind.PAGE_BREAK, lineno=lineno, text="")
    if match := _HEADING.match(raw):
        return Line(
            kind=LineKind.HEADING, lineno=lineno, text=match.group(2), level=len(match.group(1))
        )
    if match := _FOOTNOTE.match(raw):
        return Line(
            kind=LineKind.FOOTNOTE, lineno=lineno, text=match.group(2), number=int(match.group(1))
        )
    if match := _NUMBERED.match(raw):
        lead, rest = _split_lead(match.group(2))
        return Line(
            kind=LineKind.NUMBERED,
            lineno=lineno,
            text=match.group(2),
            number=int(match.group(1)),
            lead=lead if rest else None,
        )
    lead, rest = _split_lead(raw)
    if lead is not None:
        return Line(kind=LineKind.LEAD, lineno=lineno, text=raw.strip(), lead=lead, rest=rest)
    return Line(kind=LineKind.TEXT, lineno=lineno, text=raw.strip())


def lines_of(text: str) -> list[Line]:
    """Classified non-blank lines of a document (1-based line numbers for messages)."""
    classified = (classify(raw, index + 1) for index, raw in enumerate(text.splitlines()))
    return [line for line in classified if line is not None]
