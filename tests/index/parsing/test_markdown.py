from __future__ import annotations

from index.parsing.markdown import LineKind, classify, clean_inline, footnote_markers


def test_clean_inline_drops_links_markers_and_emphasis() -> None:
    raw = "adopted draft resolution [A/C.3/74/L.11/Rev.1](#) by *vote*,<sup>3</sup> as **printed**"
    assert clean_inline(raw) == "adopted draft resolution A/C.3/74/L.11/Rev.1 by vote, as printed"


def test_clean_inline_keeps_bold_surname_inside_a_name() -> None:
    assert clean_inline("Mr. Firas Hassan **Jabbar** (Iraq)") == "Mr. Firas Hassan Jabbar (Iraq)"


def test_footnote_markers_in_reading_order() -> None:
    assert footnote_markers("a<sup>2</sup> b <sup>10</sup>") == [2, 10]


def test_classify_line_kinds() -> None:
    assert classify("   ", 1) is None
    assert classify("---", 1).kind is LineKind.PAGE_BREAK  # type: ignore[union-attr]
    heading = classify("#### **I. Introduction**", 2)
    assert heading is not None and heading.kind is LineKind.HEADING and heading.level == 4
    footnote = classify("<sup>3</sup> [A/65/201](#).", 3)
    assert footnote is not None and footnote.kind is LineKind.FOOTNOTE and footnote.number == 3
    operative = classify("2. *Decides* to establish", 4)
    assert operative is not None and operative.kind is LineKind.NUMBERED
    assert (operative.number, operative.lead) == (2, "Decides")
    lead = classify("*Taking note also* of resolution", 5)
    assert lead is not None and lead.kind is LineKind.LEAD and lead.lead == "Taking note also"


def test_bold_line_is_text_not_an_italic_lead() -> None:
    line = classify("**Seventy-fourth session**", 1)
    assert line is not None and line.kind is LineKind.TEXT
