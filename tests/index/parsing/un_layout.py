"""A Markdown report laid out as the UN prints it, written as plain text or as a PDF.

The tests read reports in the forms people have them; these forms are made here from the
Markdown, so the records of each can be compared with the Markdown's. The layout is the UN's:
a first page with the symbol block (symbol, organ, distribution, date, language) and the job
number and its bar code at the foot; on later pages the symbol as a running header; on every
page the job number and "page/pages" as a running footer; footnotes at the foot of the page
that cites them, under a short rule; and the Markdown's page breaks kept (the seed's falls
inside the vote list). The plain text is 80 columns with form feeds between pages; the PDF
is set in Times with italic leads, bold headings and superscript markers (reportlab).
"""

from __future__ import annotations

import io
import re
import textwrap
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from index.parsing.markdown import LineKind, lines_of

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

SYMBOL = "A/74/401"
JOB = "19-20334"
JOB_DATE = "281119"
TEXT_WIDTH = 80
TEXT_BODY_LINES = 52
_INLINE = re.compile(
    r"<sup>\s*(?P<sup>\d+)\s*</sup>|\*\*(?P<bold>.+?)\*\*|\*(?P<italic>[^*]+?)\*"
    r"|\[(?P<link>[^\]]*)\]\([^)]*\)"
)


@dataclass(frozen=True)
class Run:
    text: str
    style: str = "roman"
    """``roman``, ``italic``, ``bold`` or ``sup`` (a footnote marker)."""


@dataclass
class Block:
    kind: str
    """``heading``, ``numbered``, ``paragraph`` (preambular, list heading, list text)."""
    runs: list[Run]
    number: int | None = None
    markers: list[int] = field(default_factory=list)
    page_break_before: bool = False
    continues: bool = False
    """Text that goes on with the block before it (a vote list cut by a page break)."""


@dataclass
class Front:
    organ: str = ""
    right: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    title: str = ""
    subtitle: str = ""
    rapporteur: list[Run] = field(default_factory=list)


@dataclass
class Report:
    front: Front
    blocks: list[Block]
    footnotes: dict[int, list[tuple[int, str]]]
    """For each block, the footnotes its markers cite: (number, text)."""


def runs_of(markdown: str) -> list[Run]:
    runs: list[Run] = []
    done = 0
    for match in _INLINE.finditer(markdown):
        if match.start() > done:
            runs.append(Run(markdown[done : match.start()]))
        if match.group("sup"):
            runs.append(Run(match.group("sup"), "sup"))
        elif match.group("bold"):
            runs.append(Run(match.group("bold"), "bold"))
        elif match.group("italic"):
            runs.append(Run(match.group("italic"), "italic"))
        else:
            runs.append(Run(match.group("link")))
        done = match.end()
    runs.append(Run(markdown[done:]))
    return [run for run in runs if run.text]


def plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def read_report(markdown: str) -> Report:
    """The report's parts, from the project's own Markdown line classification."""
    front = Front()
    blocks: list[Block] = []
    bodies: list[tuple[int, int, str]] = []
    in_front = True
    page_break = False
    for line in lines_of(markdown):
        text = line.text
        if line.kind is LineKind.PAGE_BREAK:
            page_break = True
            continue
        if line.kind is LineKind.FOOTNOTE:
            bodies.append((line.lineno, line.number, plain(runs_of(text))))
            continue
        heading = line.kind is LineKind.HEADING
        if in_front and heading and re.match(r"^[IVX]+\.", plain(runs_of(text))):
            in_front = False
        if in_front:
            _front(front, line.kind, line.level, text)
            continue
        runs = runs_of(text)
        if line.kind is LineKind.NUMBERED:
            block = Block("numbered", runs, number=line.number)
        elif heading:
            block = Block("heading", [Run(plain(runs), "bold")])
        else:
            block = Block("paragraph", runs, continues=page_break and line.kind is LineKind.TEXT)
        block.page_break_before = page_break
        block.markers = [int(run.text) for run in runs if run.style == "sup"]
        page_break = False
        blocks.append(block)
    return Report(front=front, blocks=blocks, footnotes=_attached(markdown, blocks, bodies))


def _front(front: Front, kind: LineKind, level: int, text: str) -> None:
    words = plain(runs_of(text))
    if kind is LineKind.HEADING and level == 1:
        front.organ = words
    elif kind is LineKind.HEADING and words.startswith("Report of"):
        front.subtitle = words
    elif kind is LineKind.HEADING:
        front.title = words
    elif words.startswith("Rapporteur"):
        front.rapporteur = runs_of(text)
    elif words.startswith(("Distr", "Original")) or re.match(r"^\d{1,2} \w+ \d{4}$", words):
        front.right.append(words)
    else:
        front.left.append(words)


def _attached(
    markdown: str, blocks: list[Block], bodies: list[tuple[int, int, str]]
) -> dict[int, list[tuple[int, str]]]:
    """Each footnote body goes with the earliest unmatched marker of its number before it."""
    waiting: dict[int, deque[int]] = defaultdict(deque)
    attached: dict[int, list[tuple[int, str]]] = defaultdict(list)
    events = [(lineno, 0, number, index) for lineno, number, index in _citations(markdown, blocks)]
    events += [(lineno, 1, number, -1) for lineno, number, _ in bodies]
    texts = {lineno: text for lineno, _, text in bodies}
    for lineno, is_body, number, index in sorted(events):
        if is_body:
            attached[waiting[number].popleft()].append((number, texts[lineno]))
        else:
            waiting[number].append(index)
    return attached


def _citations(markdown: str, blocks: list[Block]) -> list[tuple[int, int, int]]:
    """(line number, footnote number, block index) for every marker, in reading order."""
    content = [
        line
        for line in lines_of(markdown)
        if line.kind not in (LineKind.PAGE_BREAK, LineKind.FOOTNOTE)
    ]
    body = content[len(content) - len(blocks) :]
    return [
        (line.lineno, number, index)
        for index, (line, block) in enumerate(zip(body, blocks, strict=True))
        for number in block.markers
    ]


# ------------------------------------------------------------------ laying out lines


@dataclass
class OutLine:
    runs: list[Run]
    indent: float = 0.0
    gap_before: bool = False


@dataclass
class Page:
    lines: list[OutLine] = field(default_factory=list)
    footnotes: list[tuple[int, str]] = field(default_factory=list)


Measure = Callable[[Run], float]


def wrap(runs: list[Run], width: float, measure: Measure) -> Iterator[list[Run]]:
    """Runs broken into lines at spaces only, so no word (which may span runs, as
    "(A/C.3/74/L.11)" or "records.¹" do) is split."""
    words: list[list[Run]] = [[]]
    for run in runs:
        for piece in re.split(r"(\s+)", run.text):
            if piece.isspace():
                words.append([])
            elif piece:
                words[-1].append(Run(piece, run.style))
    line: list[Run] = []
    used = 0.0
    space = measure(Run(" "))
    for word in (word for word in words if word):
        size = sum(measure(run) for run in word)
        if line and used + space + size > width:
            yield line
            line, used = [], 0.0
        if line:
            line.append(Run(" "))
            used += space
        line += word
        used += size
    if line:
        yield line


def paginate(
    report: Report,
    width: float,
    capacity: int,
    measure: Measure,
    footnote_lines: Callable[[tuple[int, str]], int],
    first_page_lines: int,
) -> list[Page]:
    """Blocks into pages of ``capacity`` lines (a blank line counts), each page holding the
    footnotes its lines cite; the Markdown's page breaks start new pages."""
    pages = [Page()]
    used = first_page_lines
    for index, block in enumerate(report.blocks):
        notes = list(report.footnotes.get(index, []))
        if block.page_break_before and pages[-1].lines:
            pages.append(Page())
            used = 0
        indent = 4.0 if block.kind == "numbered" else 0.0
        runs = list(block.runs)
        if block.kind == "numbered":
            runs = [Run(f"{block.number}."), Run(" "), *runs]
        for number, line in enumerate(wrap(runs, width - indent, measure)):
            cited = []
            for marker in (int(run.text) for run in line if run.style == "sup"):
                note = next(note for note in notes if note[0] == marker)
                notes.remove(note)
                cited.append(note)
            gap = number == 0 and bool(pages[-1].lines) and not block.continues
            need = 1 + int(gap) + _footnote_need(pages[-1], cited, footnote_lines)
            if used + need > capacity:
                pages.append(Page())
                used, gap = 0, False
            used += need
            pages[-1].lines.append(OutLine(line, indent if number else 0.0, gap))
            pages[-1].footnotes += cited
    return pages


def _footnote_need(
    page: Page, notes: list[tuple[int, str]], footnote_lines: Callable[[tuple[int, str]], int]
) -> int:
    rule = 2 if notes and not page.footnotes else 0
    return rule + sum(footnote_lines(note) for note in notes)


# ------------------------------------------------------------------ plain text


def _text_measure(run: Run) -> float:
    return float(len(run.text))


def _text_of(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def _right(left: str, right: str) -> str:
    return left + right.rjust(TEXT_WIDTH - len(left))


def as_text(markdown: str) -> str:
    """The report as a UN plain-text document: 80 columns, footnotes under a rule, running
    header and footer, pages separated by form feeds."""
    report = read_report(markdown)
    front = _text_front(report.front)
    pages = paginate(
        report,
        TEXT_WIDTH,
        TEXT_BODY_LINES,
        _text_measure,
        lambda note: len(textwrap.wrap(f"{note[0]} {note[1]}", TEXT_WIDTH - 4)),
        len(front),
    )
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        lines = list(front) if number == 1 else [SYMBOL.rjust(TEXT_WIDTH), ""]
        for line in page.lines:
            if line.gap_before:
                lines.append("")
            lines.append(" " * int(line.indent) + _text_of(line.runs))
        if page.footnotes:
            lines += ["", "__________________"]
            for footnote, text in page.footnotes:
                wrapped = textwrap.wrap(
                    f"{footnote} {text}", TEXT_WIDTH - 4, subsequent_indent="    "
                )
                lines += [f"  {row}" for row in wrapped]
        lines.append("")
        if number == 1:
            lines += [_right(f"{JOB} (E)", JOB_DATE), f"*{JOB.replace('-', '')}*"]
        else:
            lines.append(_right(JOB, f"{number}/{len(pages)}"))
        out.append("\n".join(lines) + "\n")
    return "\f".join(out)


def _text_front(front: Front) -> list[str]:
    right = list(front.right)
    lines = [_right("United Nations", SYMBOL), _right(front.organ, right.pop(0) if right else "")]
    lines += [item.rjust(TEXT_WIDTH) for item in right]
    lines += ["", *front.left, ""]
    lines += [*textwrap.wrap(front.title, 60), "", front.subtitle, ""]
    lines += [*textwrap.wrap(plain(front.rapporteur), TEXT_WIDTH), ""]
    return lines


# ------------------------------------------------------------------ PDF


PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
MARGIN = 72.0
BODY = 10.0
LEADING = 12.0
NOTE = 8.0
NOTE_LEADING = 9.6
_FONTS = {
    "roman": "Times-Roman",
    "italic": "Times-Italic",
    "bold": "Times-Bold",
    "sup": "Times-Roman",
}


def _pdf_measure(run: Run) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = 6.0 if run.style == "sup" else BODY
    return float(stringWidth(run.text, _FONTS[run.style], size))


def as_pdf(markdown: str) -> bytes:
    """The report as a UN PDF: Times, italic leads, bold headings, superscript markers."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    report = read_report(markdown)
    width = PAGE_WIDTH - 2 * MARGIN
    front_lines = 19

    def note_lines(note: tuple[int, str]) -> int:
        rows = list(wrap([Run(f"{note[0]} {note[1]}")], width - 12, _pdf_measure))
        return max(1, round(len(rows) * NOTE_LEADING / LEADING))

    capacity = int((PAGE_HEIGHT - 2 * MARGIN - 24) / LEADING)
    pages = paginate(report, width, capacity, _pdf_measure, note_lines, front_lines)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    for number, page in enumerate(pages, start=1):
        y = PAGE_HEIGHT - MARGIN
        if number == 1:
            y = _pdf_front(canvas, report.front, y)
        else:
            canvas.setFont("Times-Bold", 9)
            canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 40, SYMBOL)
        for line in page.lines:
            if line.gap_before:
                y -= LEADING * 0.6
            _pdf_runs(canvas, line.runs, MARGIN + line.indent * 5, y)
            y -= LEADING
        if page.footnotes:
            y = min(y - LEADING, MARGIN + 20 + NOTE_LEADING * 2 * len(page.footnotes))
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, y + NOTE_LEADING, MARGIN + 120, y + NOTE_LEADING)
            for footnote, text in page.footnotes:
                rows = list(wrap([Run(text)], width - 12, _pdf_measure))
                for row_number, row in enumerate(rows):
                    if row_number == 0:
                        canvas.setFont("Times-Roman", 5)
                        canvas.drawString(MARGIN, y + 3, str(footnote))
                    _pdf_runs(canvas, row, MARGIN + 12, y, size=NOTE)
                    y -= NOTE_LEADING
        canvas.setFont("Times-Roman", 8)
        if number == 1:
            canvas.drawString(MARGIN, 40, f"{JOB} (E)    {JOB_DATE}")
            canvas.drawString(MARGIN, 28, f"*{JOB.replace('-', '')}*")
        else:
            canvas.drawString(MARGIN, 30, JOB)
            label = f"{number}/{len(pages)}"
            canvas.drawString(PAGE_WIDTH - MARGIN - stringWidth(label, "Times-Roman", 8), 30, label)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _pdf_runs(canvas: Canvas, runs: list[Run], x: float, y: float, size: float = BODY) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for run in runs:
        font = _FONTS[run.style]
        run_size, rise = (size * 0.6, size * 0.35) if run.style == "sup" else (size, 0.0)
        canvas.setFont(font, run_size)
        canvas.drawString(x, y + rise, run.text)
        x += stringWidth(run.text, font, run_size)


def _pdf_front(draw: Canvas, front: Front, y: float) -> float:
    right = list(front.right)
    draw.setFont("Times-Roman", 10)
    draw.drawString(MARGIN, y, "United Nations")
    draw.drawRightString(PAGE_WIDTH - MARGIN, y, SYMBOL)
    draw.setLineWidth(1.5)
    draw.line(MARGIN, y - 6, PAGE_WIDTH - MARGIN, y - 6)
    y -= 28
    draw.setFont("Times-Bold", 16)
    draw.drawString(MARGIN, y, front.organ)
    draw.setFont("Times-Roman", 10)
    for item in right:
        draw.drawString(PAGE_WIDTH - MARGIN - 130, y, item)
        y -= LEADING * 1.8
    y -= LEADING
    for item in front.left:
        draw.setFont("Times-Bold", 10)
        draw.drawString(MARGIN, y, item)
        y -= LEADING
    y -= LEADING
    for row in wrap([Run(front.title, "bold")], 330, lambda run: _pdf_measure(run) * 1.3):
        _pdf_runs(draw, row, MARGIN + 60, y, size=13)
        y -= 16
    y -= LEADING
    _pdf_runs(draw, [Run(front.subtitle, "bold")], MARGIN + 60, y, size=12)
    y -= LEADING * 2.2
    _pdf_runs(draw, front.rapporteur, MARGIN + 60, y)
    return y - LEADING * 2.5


def text_as_pdf(text: str) -> bytes:
    """A plain-text document printed as it stands: one PDF page per form-feed page, in
    Courier, each line where the text puts it (no superscripts, no italics)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    for page in text.split("\f"):
        canvas.setFont("Courier", 9)
        y = PAGE_HEIGHT - 40
        for line in page.split("\n"):
            if line.strip():
                canvas.drawString(30, y, line)
            y -= 11
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
