"""A report's PDF as the plain text UN documents are distributed in, read with pdfminer.six.

The PDF's geometry says what the text layout would: characters are grouped into rows by
their baseline, pieces of one row far apart become columns (set apart by spaces, as the first
page's symbol block is), a gap taller than a line leaves a blank line between paragraphs, a
short horizontal rule drawn above the page foot becomes the rule of underscores that opens
the footnotes, a digit set smaller and raised is a superscript footnote marker, and each page
ends with a form feed. ``plain_text`` then drops running headers and footers and reads the
rest exactly as it reads a ``.txt`` report.

pdfminer.six is imported here only: a cold structured answer never loads it.
"""

from __future__ import annotations

import io
import itertools
import statistics
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from index.parsing.errors import ParseError
from index.parsing.plain_text import FOOTNOTE_RULE, FORM_FEED, SUPERSCRIPT_DIGITS

MAX_PAGES = 1000
"""A report runs to tens of pages; a file claiming more is not one (and costs time)."""
HEADER_SEARCH_BYTES = 1024
SUPERSCRIPT_SIZE = 0.8
"""A digit under this share of its row's type size, and raised, is a superscript."""
SUPERSCRIPT_RISE = 0.15
PARAGRAPH_GAP = 1.45
"""Baselines further apart than this many times the type size leave a blank line."""
SAME_ROW = 2.0
"""Pieces whose baselines differ by less than this (points) stand on one row."""
COLUMN_GAP = 3.0
"""Pieces of a row further apart than this many times their type size are columns."""
COLUMN_SPACES = "    "
RULE_MIN_WIDTH = 40.0
RULE_MAX_SHARE = 0.5
"""The footnote rule is short: a rule across more of the page (under the first page's
heading) is a border, not the start of the footnotes."""
RULE_MAX_HEIGHT = 1.5
if TYPE_CHECKING:
    from pdfminer.layout import LTPage

_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


class _Piece(BaseModel):
    """One run of text on one baseline, as pdfminer grouped it."""

    model_config = ConfigDict(frozen=True)

    text: str
    x0: float
    x1: float
    base: float
    size: float


def pdf_text(data: bytes, document: str) -> str:
    """The PDF's pages as plain text, pages separated by form feeds; ``ParseError`` for a
    file that is not a PDF, that pdfminer cannot read, or that holds no text."""
    if b"%PDF-" not in data[:HEADER_SEARCH_BYTES]:
        raise ParseError(document, "it is not a PDF file (it has no %PDF- header)")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    try:
        pages = [
            _page_text(page)
            for page in extract_pages(io.BytesIO(data), maxpages=MAX_PAGES, laparams=LAParams())
        ]
    except Exception as error:  # pdfminer raises many types for a damaged file
        raise ParseError(
            document, f"the PDF cannot be read ({type(error).__name__}: {error})"
        ) from error
    if not any(page.strip() for page in pages):
        raise ParseError(document, "the PDF holds no text (a scan needs OCR first)")
    return FORM_FEED.join(pages)


def _page_text(page: LTPage) -> str:
    from pdfminer.layout import LTCurve

    items = list(_flattened(page))
    pieces = [_piece(line) for line in items if _is_text_line(line)]
    rules = [
        item.y0
        for item in items
        if isinstance(item, LTCurve)
        and RULE_MIN_WIDTH <= item.width <= RULE_MAX_SHARE * page.width
        and item.height <= RULE_MAX_HEIGHT
    ]
    rows = _rows([piece for piece in pieces if piece.text.strip()])
    rule = min(rules, default=None)
    lines: list[str] = []
    above: _Piece | None = None
    for row in rows:
        main = max(row, key=lambda piece: piece.size)
        if rule is not None and main.base < rule and (above is None or above.base > rule):
            lines.append(FOOTNOTE_RULE)
        elif above is not None and above.base - main.base > PARAGRAPH_GAP * main.size:
            lines.append("")
        lines.append(_row_text(row))
        above = main
    return "\n".join(lines) + "\n"


def _flattened(container: Iterable[object]) -> Iterator[object]:
    from pdfminer.layout import LTContainer, LTTextLine

    for item in container:
        if isinstance(item, LTTextLine) or not isinstance(item, LTContainer):
            yield item
        else:
            yield from _flattened(item)


def _is_text_line(item: object) -> bool:
    from pdfminer.layout import LTTextLine

    return isinstance(item, LTTextLine)


def _piece(line: object) -> _Piece:
    """A pdfminer text line with its superscript digits marked as such."""
    from pdfminer.layout import LTChar, LTTextLine

    assert isinstance(line, LTTextLine)
    chars = [item for item in line if isinstance(item, LTChar)]
    sizes = [char.size for char in chars] or [0.0]
    size = statistics.median(sizes)
    base = statistics.median([char.y0 for char in chars] or [line.y0])
    text: list[str] = []
    for item in line:
        piece = item.get_text() if hasattr(item, "get_text") else ""
        if (
            isinstance(item, LTChar)
            and piece.isdigit()
            and item.size < SUPERSCRIPT_SIZE * size
            and item.y0 > base + SUPERSCRIPT_RISE * size
        ):
            piece = piece.translate(_SUPERSCRIPT)
        text.append(piece.replace("\n", ""))
    return _Piece(text="".join(text), x0=line.x0, x1=line.x1, base=base, size=size)


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces grouped by baseline, top of the page first, each row left to right; a small
    raised piece (a footnote's superscript number) joins the row it is raised above."""
    rows: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda piece: (-piece.base, piece.x0)):
        if rows and any(_same_row(piece, other) for other in rows[-1]):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [sorted(row, key=lambda piece: piece.x0) for row in rows]


def _same_row(one: _Piece, other: _Piece) -> bool:
    if abs(one.base - other.base) < SAME_ROW:
        return True
    small, big = sorted((one, other), key=lambda piece: piece.size)
    return _raised(small, big)


def _raised(small: _Piece, big: _Piece) -> bool:
    return (
        small.size < SUPERSCRIPT_SIZE * big.size
        and SUPERSCRIPT_RISE * big.size < small.base - big.base < big.size
    )


def _row_text(row: list[_Piece]) -> str:
    main = max(row, key=lambda piece: piece.size)
    texts = [
        piece.text.strip().translate(_SUPERSCRIPT)
        if piece.text.strip().isdigit() and _raised(piece, main)
        else piece.text.strip()
        for piece in row
    ]
    text = texts[0]
    for (before, piece), words in zip(itertools.pairwise(row), texts[1:], strict=True):
        apart = piece.x0 - before.x1 > COLUMN_GAP * max(piece.size, 1.0)
        text += (COLUMN_SPACES if apart else " ") + words
    return text
