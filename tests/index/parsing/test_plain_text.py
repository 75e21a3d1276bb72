"""A report as plain text reads to the same records as its Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.parsing.document import parse_document, parse_lines, parse_seed
from index.parsing.errors import ParseError
from index.parsing.leads import lead_of, opens_preamble
from index.parsing.plain_text import report_lines
from index.parsing.seed_files import SeedFile
from index.records import Document
from tests.index.parsing.reports import FIXTURES, JOURNALISTS, RURAL_WATER, SEED
from tests.index.parsing.un_layout import as_text

SEED_TEXT = FIXTURES / "text" / f"{SEED.stem}.txt"


def markdown_records(path: Path) -> Document:
    return parse_document(path.read_text(encoding="utf-8"), document_id="r", source="s")


def text_records(text: str, sha256: str) -> Document:
    return parse_lines(report_lines(text), "r", "s", sha256)


def test_the_committed_text_seed_reads_to_the_markdown_records() -> None:
    """The original `.txt` form of the seed (UN layout: symbol block, running header and
    footer, footnotes under a rule, the vote list cut by a page) gives today's records."""
    want = markdown_records(SEED)
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert "\f" in text and "__________________" in text and "19-20334" in text
    assert text_records(text, want.sha256) == want


@pytest.mark.parametrize("report", [SEED, RURAL_WATER, JOURNALISTS], ids=lambda p: p.stem)
def test_every_report_laid_out_as_text_reads_to_its_markdown_records(report: Path) -> None:
    want = markdown_records(report)
    assert text_records(as_text(report.read_text(encoding="utf-8")), want.sha256) == want


def test_a_txt_seed_is_read_by_its_suffix() -> None:
    data = SEED_TEXT.read_bytes()
    seed = SeedFile(path=Path("seeds/report.txt"), data=data, sha256="x")
    document = parse_seed(seed)
    assert document.id == "report" and document.vote is not None
    assert document.vote.stated.in_favour == 88 and "Benin" in document.vote.notes


def test_utf16_text_with_its_mark_is_read_too() -> None:
    data = SEED_TEXT.read_text(encoding="utf-8").encode("utf-16")
    assert parse_seed(SeedFile(path=Path("r.txt"), data=data, sha256="x")).vote is not None


def test_running_header_and_footer_never_reach_a_paragraph() -> None:
    document = parse_seed(SeedFile(path=Path("r.txt"), data=SEED_TEXT.read_bytes(), sha256="x"))
    texts = " ".join(p.text for p in document.paragraphs)
    assert "19-20334" not in texts and "A/74/401" not in texts and "281119" not in texts


def test_a_marker_is_only_a_number_the_page_foot_holds() -> None:
    """ "Rev.1" and "L.11" are symbols, not markers, even where footnote 1 is on the page."""
    text = SEED_TEXT.read_text(encoding="utf-8")
    document = text_records(text, "x")
    report_2 = next(p for p in document.paragraphs if p.id == "report-2")
    assert [note.number for note in report_2.footnotes] == [1]
    assert "A/C.3/74/L.11/Rev.1" in next(p.text for p in document.paragraphs if p.id == "report-7")


def test_a_footnote_without_its_marker_is_a_parse_error() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8").replace("summary records.1", "summary records.")
    with pytest.raises(ParseError, match="no paragraph above cites footnote 1"):
        text_records(text, "x")


def test_text_that_looks_like_markup_stays_text() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "made a statement.\n", "made a statement *about* <b>[this](x)</b> & more.\n", 1
    )
    document = text_records(text, "x")
    assert any("statement *about* <b>[this](x)</b> & more." in p.text for p in document.paragraphs)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Noting also the potential risk", "Noting also"),
        ("Taking note also of Economic", "Taking note also"),
        ("Also decides that the ad hoc committee", "Also decides"),
        ("Deeply concerned that some", "Deeply concerned"),
        ("Condemns unequivocally all attacks", "Condemns unequivocally"),
        ("Noting, in this regard, the work", "Noting"),
        ("Bearing in mind the", "Bearing in mind"),
        ("upon their request", None),
    ],
)
def test_leads_are_found_without_italics(text: str, lead: str | None) -> None:
    assert lead_of(text) == lead


def test_a_page_cut_continuation_does_not_open_a_paragraph() -> None:
    assert opens_preamble("Mindful of the need")
    assert opens_preamble("Recalling its resolutions")
    assert not opens_preamble("Levels, and Public Participation")
