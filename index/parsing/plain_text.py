"""Reports as plain text: the form UN documents are distributed in, and what a PDF holds.

Plain text has no markup, so its layout says what Markdown marks:

- pages end at form feeds, and each may carry a running header and footer (the symbol, the
  job number, the page number): lines at a page's top or bottom made only of those, or
  repeated at the same end of most pages, are dropped;
- footnotes stand at the page foot under a rule of underscores, each opening with its
  number; the marker that cites one is its number set against the word or punctuation
  before it ("summary records.1"), or a superscript digit;
- paragraphs are separated by blank lines, and the lines of one are joined;
- the front matter's organ ("General Assembly"), title and "Report of the ..." line are
  headings, a roman-numbered line opens a section, "In favour:" opens a vote list, "The
  General Assembly," opens the resolution (the lines just before it are its title), and each
  paragraph of the resolution's preamble opens with its lead (``leads``).

The result is the classified lines the Markdown reader makes, so the same segmenter and rules
give the same records from a ``.txt``, a ``.pdf`` and an ``.md`` of one report.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from index.parsing.leads import lead_of, opens_preamble
from index.parsing.markdown import Line, LineKind

FORM_FEED = "\f"
FOOTNOTE_RULE = "__________________"
"""What UN text documents print above a page's footnotes (any run of five or more counts)."""
ORGANS = frozenset(
    {"General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council"}
)
"""The principal organs whose name heads a document's first page."""
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

_RULE = re.compile(r"^\s*_{5,}\s*$")
_CELL_GAP = re.compile(r"\s{2,}")
_SPACE = re.compile(r"\s+")
_RUNNING = tuple(
    re.compile(pattern)
    for pattern in (
        r"^\d{1,4}(?:\s*/\s*\d{1,4})?$",  # page number, "3/6"
        r"^(?:Page|page)\s+\d+(?:\s+of\s+\d+)?$",
        r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?$",  # job number, "19-20334 (E)"
        r"^\d{6}$",  # the job's date code, "281119"
        r"^\*\d{5,}\*$",  # the job number's bar code, "*1920334*"
        r"^[A-Z]{1,3}(?:/[A-Za-z0-9.()-]+)+$",  # the symbol, "A/74/401"
    )
)
RUNNING_LINES_AT_AN_END = 3
_SUPER_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_CANDIDATE = re.compile(f"(?P<sup>[{SUPERSCRIPT_DIGITS}]+)|(?<!\\d)(?P<num>\\d{{1,3}})(?!\\d)")
_FOOTNOTE = re.compile(f"^(\\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}})\\s+(\\S.*)$")
_MARKER_BEFORE = frozenset('.,;:)”’"»')
_MARKER_AFTER = frozenset(".,;:)")
_SYMBOL_PART = re.compile(r"(?:^|[/\s(])(?:Rev|Add|Corr|Amend|L|SR|PV|CRP|WP|INF|R)\.$")
_SECTION = re.compile(r"^[IVXLC]+\.\s+\S")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_VOTE_LIST = re.compile(r"^(In favour|Against|Abstaining):\s*(.*)$")
_OPENER = re.compile(r"^The\s+[^,.;:]{1,60},$")
_AGENDA = re.compile(r"^Agenda\s+items?\b", re.IGNORECASE)
_SUBTITLE = re.compile(r"^Report\s+of\s+the\s+", re.IGNORECASE)
_ENDS_PARAGRAPH = (",", ";", ".", ":")
_MARKDOWN_SAFE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "*": "&ast;", "[": "&lsqb;", "]": "&rsqb;"}
)
"""Plain text may hold characters Markdown clean-up would read as markup; escaped, they come
back as themselves (``clean_inline`` unescapes entities last)."""


class _TextLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    lineno: int


class _Footnote(BaseModel):
    number: int
    lineno: int
    text: str


class _Block(BaseModel):
    """Consecutive lines of one paragraph (or heading), joined; ``after_break`` when it is the
    first on a page, where it may go on with the paragraph the page before cut."""

    lines: list[_TextLine]
    after_break: bool

    @property
    def lineno(self) -> int:
        return self.lines[0].lineno

    @property
    def text(self) -> str:
        return _joined(line.text for line in self.lines)


class _Page(BaseModel):
    blocks: list[_Block]
    footnotes: list[_Footnote]
    end: int
    """The line number where the page ends, for the page break that follows it."""


def report_lines(text: str) -> list[Line]:
    """The classified lines of a plain-text report, as the Markdown reader would give them."""
    pages = [_page(lines, index > 0) for index, lines in enumerate(_stripped_pages(text))]
    return _Classifier().run(pages)


def _stripped_pages(text: str) -> list[list[_TextLine]]:
    """Each page's lines, numbered through the file, running header and footer removed."""
    pages: list[list[_TextLine]] = [[]]
    for lineno, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        pieces = raw.split(FORM_FEED)
        for number, piece in enumerate(pieces):
            if number:
                pages.append([])
            pages[-1].append(_TextLine(text=piece.rstrip(), lineno=lineno))
    tops = Counter(_masked(line) for page in pages for line in _edge(page, top=True))
    bottoms = Counter(_masked(line) for page in pages for line in _edge(page, top=False))
    repeated = max(2, (len(pages) + 1) // 2)
    return [
        _strip(page, tops, bottoms, repeated if len(pages) > 1 else len(pages) + 1)
        for page in pages
    ]


def _edge(page: list[_TextLine], *, top: bool) -> list[_TextLine]:
    filled = [line for line in page if line.text.strip()]
    return filled[:RUNNING_LINES_AT_AN_END] if top else filled[-RUNNING_LINES_AT_AN_END:]


def _masked(line: _TextLine) -> str:
    return re.sub(r"\d", "#", _SPACE.sub(" ", line.text.strip()))


def _strip(
    page: list[_TextLine], tops: Counter[str], bottoms: Counter[str], repeated: int
) -> list[_TextLine]:
    lines = list(page)
    for end, seen in ((0, tops), (-1, bottoms)):
        removed = 0
        while lines and removed < RUNNING_LINES_AT_AN_END:
            line = lines[end]
            if not line.text.strip():
                lines.pop(end)
            elif _is_running(line) or seen[_masked(line)] >= repeated:
                lines.pop(end)
                removed += 1
            else:
                break
    return lines


def _is_running(line: _TextLine) -> bool:
    cells = _CELL_GAP.split(line.text.strip())
    return all(any(pattern.match(cell) for pattern in _RUNNING) for cell in cells)


def _page(lines: list[_TextLine], after_break: bool) -> _Page:
    rule = max((i for i, line in enumerate(lines) if _RULE.match(line.text)), default=len(lines))
    footnotes = _footnotes(lines[rule + 1 :])
    expected = deque(note.number for note in footnotes)
    body = [line.model_copy(update={"text": _marked(line.text, expected)}) for line in lines[:rule]]
    end = lines[-1].lineno if lines else 0
    return _Page(blocks=list(_blocks(body, after_break)), footnotes=footnotes, end=end)


def _footnotes(lines: list[_TextLine]) -> list[_Footnote]:
    """The footnotes under a page's rule: a line opening with the next number (or with 1,
    where numbering restarts in the resolution) opens one; any other line continues it."""
    notes: list[_Footnote] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        match = _FOOTNOTE.match(text)
        number = _number(match.group(1)) if match else None
        if match and number is not None and (not notes or number in (1, notes[-1].number + 1)):
            notes.append(_Footnote(number=number, lineno=line.lineno, text=match.group(2)))
        elif notes:
            notes[-1].text = _joined([notes[-1].text, text])
    for note in notes:
        note.text = _safe(note.text)
    return notes


def _number(digits: str) -> int:
    return int(digits.translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")))


def _marked(text: str, expected: deque[int]) -> str:
    """The line made safe for the Markdown clean-up, with each footnote marker as
    ``<sup>n</sup>``: a superscript number always, a plain one only when it is the page's
    next footnote and is set against the word before it ("records.1", "2013,1 in which")."""
    pieces: list[str] = []
    done = 0
    for match in _CANDIDATE.finditer(text):
        if match.group("sup"):
            number = _number(match.group("sup"))
            if number in expected:
                expected.remove(number)
        elif expected and int(match.group("num")) == expected[0] and _glued(text, match):
            number = expected.popleft()
        else:
            continue
        pieces += [_safe(text[done : match.start()]), f"<sup>{number}</sup>"]
        done = match.end()
    pieces.append(_safe(text[done:]))
    return "".join(pieces)


def _glued(text: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if after and not (after.isspace() or after in _MARKER_AFTER):
        return False
    if before.isalpha():
        return before.islower()
    if not before or before not in _MARKER_BEFORE:
        return False
    if before == ".":
        ahead = text[start - 2] if start > 1 else ""
        return (ahead.islower() or ahead == ")") and not _SYMBOL_PART.search(text[:start])
    return True


def _safe(text: str) -> str:
    return text.translate(_MARKDOWN_SAFE)


def _blocks(lines: list[_TextLine], after_break: bool) -> Iterator[_Block]:
    current: list[_TextLine] = []
    for line in [*lines, _TextLine(text="", lineno=0)]:
        if line.text.strip():
            current.append(line.model_copy(update={"text": line.text.strip()}))
        elif current:
            yield _Block(lines=current, after_break=after_break)
            current, after_break = [], False


def _joined(lines: Iterator[str] | list[str]) -> str:
    """Lines of one paragraph as one: a word cut after its hyphen ("Secretary-" /
    "General") is rejoined without a space."""
    joined = ""
    for line in lines:
        text = line.strip()
        if joined.endswith("-") and joined[-2:-1].isalpha() and text[:1].isalpha():
            joined += text
        else:
            joined = f"{joined} {text}" if joined else text
    return joined


class _Classifier:
    """Turns the pages' blocks into classified lines, keeping where in the report it is."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.stage = "front"
        self.after_agenda = False
        self.since_paragraph: list[int] = []
        """Positions of text lines since the report's last paragraph: if the resolution's
        opening line follows, they were its title."""
        self.previous: _Block | None = None

    def run(self, pages: list[_Page]) -> list[Line]:
        for page in pages:
            for block in page.blocks:
                self.block(block)
                self.previous = block
            self.lines += [
                Line(kind=LineKind.FOOTNOTE, lineno=note.lineno, text=note.text, number=note.number)
                for note in page.footnotes
            ]
            self.lines.append(Line(kind=LineKind.PAGE_BREAK, lineno=page.end, text=""))
        return self.lines

    def add(self, kind: LineKind, block: _Block, text: str, **fields: object) -> None:
        self.lines.append(
            Line.model_validate({"kind": kind, "lineno": block.lineno, "text": text, **fields})
        )

    def block(self, block: _Block) -> None:
        text = block.text
        if self.stage == "front" and (_SECTION.match(text) or _NUMBERED.match(text)):
            self.stage = "report"
        if self.stage == "front":
            self.front(block)
        elif self.stage == "report":
            self.report(block, text)
        else:
            self.resolution(block, text)

    def front(self, block: _Block) -> None:
        """Front matter line by line (its two columns as separate lines), except the title
        after the agenda item and the "Report of the ..." line, which are headings."""
        texts = [line.text for line in block.lines]
        subtitle = next((i for i, text in enumerate(texts) if _SUBTITLE.match(text)), None)
        if self.after_agenda and subtitle != 0:
            self.add(LineKind.HEADING, block, _joined(texts[:subtitle]), level=2)
            texts = texts[subtitle:] if subtitle is not None else []
        if texts and _SUBTITLE.match(texts[0]):
            self.add(LineKind.HEADING, block, _joined(texts), level=3)
            texts = []
        for text in texts:
            for cell in _CELL_GAP.split(text):
                level = 1 if cell in ORGANS else 0
                self.add(LineKind.HEADING if level else LineKind.TEXT, block, cell, level=level)
        self.after_agenda = any(_AGENDA.match(text) for text in texts)

    def report(self, block: _Block, text: str) -> None:
        text = _SPACE.sub(" ", text)
        if _SECTION.match(text):
            self.add(LineKind.HEADING, block, text, level=2)
            self.since_paragraph = []
        elif match := _NUMBERED.match(text):
            self.add(LineKind.NUMBERED, block, match.group(2), number=int(match.group(1)))
            self.since_paragraph = []
        elif match := _VOTE_LIST.match(text):
            lead = f"{match.group(1)}:"
            self.add(LineKind.LEAD, block, text, lead=lead, rest=match.group(2))
        elif _OPENER.match(text):
            for position in self.since_paragraph:
                title = self.lines[position]
                self.lines[position] = title.model_copy(
                    update={"kind": LineKind.HEADING, "level": 4}
                )
            self.add(LineKind.LEAD, block, text, lead=text, rest="")
            self.stage = "preamble"
        else:
            self.since_paragraph.append(len(self.lines))
            self.add(LineKind.TEXT, block, text)

    def resolution(self, block: _Block, text: str) -> None:
        text = _SPACE.sub(" ", text)
        if match := _NUMBERED.match(text):
            rest = match.group(2)
            lead = lead_of(rest)
            self.add(LineKind.NUMBERED, block, rest, number=int(match.group(1)), lead=lead)
            self.stage = "operative"
            return
        lead = lead_of(text)
        if self.stage == "operative" or lead is None or self.goes_on(block):
            self.add(LineKind.TEXT, block, text)
            return
        self.add(LineKind.LEAD, block, text, lead=lead, rest=text[len(lead) :].strip())

    def goes_on(self, block: _Block) -> bool:
        """Whether the first block of a page goes on with the paragraph the last page cut: it
        did not end with a paragraph's punctuation, or this block opens like no paragraph."""
        if not block.after_break or self.previous is None:
            return False
        ended = self.previous.text.rstrip().endswith(_ENDS_PARAGRAPH)
        return not ended or not opens_preamble(block.text)
