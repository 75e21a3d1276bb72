"""A report's PDF reads to the same records as its Markdown.

The PDFs are made here (``un_layout``) in the UN's layout: the symbol block on the first page,
the symbol as a running header and the job number and page as a running footer on every
page, footnotes at the foot of the page that cites them, the vote list cut by a page break.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from index.parsing.document import parse_document, parse_lines, parse_seed
from index.parsing.errors import ParseError
from index.parsing.pdf_text import pdf_text
from index.parsing.plain_text import report_lines
from index.parsing.seed_files import SeedFile
from index.records import Document
from tests.index.parsing.reports import FIXTURES, JOURNALISTS, RURAL_WATER, SEED
from tests.index.parsing.un_layout import JOB, SYMBOL, as_pdf, text_as_pdf

SEED_TEXT = FIXTURES / "text" / f"{SEED.stem}.txt"


def markdown_records(path: Path) -> Document:
    return parse_document(path.read_text(encoding="utf-8"), document_id="r", source="s")


def pdf_records(data: bytes, sha256: str) -> Document:
    return parse_lines(report_lines(pdf_text(data, "r")), "r", "s", sha256)


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return as_pdf(SEED.read_text(encoding="utf-8"))


def test_the_seed_pdf_is_in_the_un_layout(seed_pdf: bytes) -> None:
    """What the comparison below is worth: every page has its running footer, later pages
    the symbol as header, footnotes sit under a rule, and the vote list runs over a page."""
    pages = pdf_text(seed_pdf, "r").split("\f")
    assert len(pages) >= 5
    assert pages[0].startswith(f"United Nations    {SYMBOL}")
    assert all(page.strip().splitlines()[0] == SYMBOL for page in pages[1:])
    assert all(JOB in page.strip().splitlines()[-1] for page in pages[1:])
    cut = next(page for page in pages if "Slovakia," in page)
    assert "Slovenia" not in cut
    assert "Slovenia" in pages[pages.index(cut) + 1]
    noted = next(page for page in pages if "¹ See A/C.3/74/SR.5" in page)
    assert noted.index("__________________") < noted.index("¹ See A/C.3/74/SR.5")
    assert "summary records.¹" in noted


@pytest.mark.parametrize("report", [SEED, RURAL_WATER, JOURNALISTS], ids=lambda p: p.stem)
def test_every_report_as_a_un_pdf_reads_to_its_markdown_records(report: Path) -> None:
    want = markdown_records(report)
    assert pdf_records(as_pdf(report.read_text(encoding="utf-8")), want.sha256) == want


def test_a_pdf_printed_from_the_text_seed_reads_to_the_markdown_records() -> None:
    """The `.txt` seed printed as it stands (Courier, no superscripts, no italics)."""
    want = markdown_records(SEED)
    assert pdf_records(text_as_pdf(SEED_TEXT.read_text(encoding="utf-8")), want.sha256) == want


def test_a_pdf_seed_is_read_by_its_suffix(seed_pdf: bytes) -> None:
    document = parse_seed(SeedFile(path=Path("seeds/report.pdf"), data=seed_pdf, sha256="x"))
    assert document.id == "report" and document.source == "seeds/report.pdf"
    assert [p.text for p in document.paragraphs] == [
        p.text for p in markdown_records(SEED).paragraphs
    ]


def letter_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Dear colleagues, please find the agenda attached.")
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "it is not a PDF file"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "the PDF cannot be read"),
        (letter_pdf(), "no draft resolution found"),
    ],
    ids=["an image", "a damaged file", "a letter"],
)
def test_a_pdf_that_is_not_a_report_is_one_parse_error(data: bytes, why: str) -> None:
    with pytest.raises(ParseError, match=why) as raised:
        parse_seed(SeedFile(path=Path("seeds/x.pdf"), data=data, sha256="x"))
    assert "\n" not in str(raised.value)


def test_a_pdf_without_text_says_so() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(72, 72, 200, 200, fill=1)
    canvas.save()
    with pytest.raises(ParseError, match="holds no text"):
        pdf_text(buffer.getvalue(), "scan")
