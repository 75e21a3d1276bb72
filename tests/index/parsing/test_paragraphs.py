from __future__ import annotations

import pytest

from index.parsing.document import parse_document
from index.parsing.errors import ParseError
from index.records import Document, Paragraph, Part
from tests.index.parsing.reports import small_report


def test_paragraph_ids_and_labels_follow_the_fixed_scheme(seed: Document) -> None:
    ids = [paragraph.id for paragraph in seed.paragraphs]
    assert ids[:13] == [f"report-{n}" for n in range(1, 14)]
    assert [i for i in ids if i.startswith("operative-")] == [f"operative-{n}" for n in range(1, 7)]
    preamble = [p for p in seed.paragraphs if p.part is Part.PREAMBLE]
    assert [p.number for p in preamble] == list(range(1, len(preamble) + 1))
    labels = {p.id: p.label for p in seed.paragraphs}
    assert labels["report-10"] == "paragraph 10 of the report"
    assert labels["preamble-9"] == "preambular paragraph 9"
    assert labels["operative-2"] == "operative paragraph 2"


def test_sections_and_their_headings(seed: Document) -> None:
    assert [(s.numeral, s.title) for s in seed.sections] == [
        ("I", "Introduction"),
        ("II", "Consideration of draft resolutions A/C.3/74/L.11 and A/C.3/74/L.11/Rev.1"),
        ("III", "Recommendation of the Third Committee"),
    ]
    sections = {p.id: p.section for p in seed.paragraphs}
    assert sections["report-5"] == "I. Introduction"
    assert sections["report-6"].startswith("II. Consideration of draft resolutions")
    assert sections["operative-6"] == "III. Recommendation of the Third Committee"


def test_preambular_and_operative_leads(seed_paragraphs: dict[str, Paragraph]) -> None:
    leads = {pid: p.lead for pid, p in seed_paragraphs.items()}
    assert leads["preamble-1"] == "Noting"
    assert leads["preamble-9"] == "Recalling also"
    assert leads["preamble-15"] == "Taking note also"
    assert [leads[f"operative-{n}"] for n in range(1, 4)] == [
        "Takes note",
        "Decides",
        "Also decides",
    ]
    assert leads["report-1"] is None


def test_paragraph_text_is_plain(seed: Document) -> None:
    for paragraph in seed.paragraphs:
        for residue in ("*", "<sup>", "](#)", "[A/"):
            assert residue not in paragraph.text, (paragraph.id, residue)
    report_3 = next(p for p in seed.paragraphs if p.id == "report-3")
    assert report_3.text.endswith("for criminal purposes (A/74/130).")


def test_paragraph_cut_by_a_page_break_is_joined_without_the_footnote(
    seed_paragraphs: dict[str, Paragraph],
) -> None:
    doha = seed_paragraphs["preamble-9"].text
    assert "at the National and International Levels, and Public Participation, adopted" in doha
    assert "Official Records" not in doha
    assert doha.endswith("held in Doha from 12 to 19 April 2015,")
    assert seed_paragraphs["preamble-10"].text.startswith("Noting the discussions")


def test_vote_lists_belong_to_the_vote_paragraph(seed_paragraphs: dict[str, Paragraph]) -> None:
    lines = seed_paragraphs["report-10"].text.split("\n")
    assert lines[0].endswith("The voting was as follows:")
    assert [line.split(":")[0] for line in lines[1:]] == ["In favour", "Against", "Abstaining"]
    assert "Slovakia, Slovenia, Spain" in lines[2]
    assert "Benin subsequently" not in seed_paragraphs["report-10"].text
    assert seed_paragraphs["report-11"].text.startswith("Before the vote")


def test_resolution_title_and_drafts(seed: Document) -> None:
    title = (
        "Countering the use of information and communications technologies for criminal purposes"
    )
    assert seed.resolution_title == title
    assert seed.drafts == ("A/C.3/74/L.11", "A/C.3/74/L.11/Rev.1")


def test_numbering_gap_is_an_error() -> None:
    text = small_report().replace(
        "4. The Third Committee recommends", "5. The Third Committee recommends"
    )
    with pytest.raises(ParseError, match="expected report paragraph 4, found 5"):
        parse_document(text, document_id="gap", source="test")


def test_missing_resolution_is_an_error() -> None:
    text = small_report().split("*The General Assembly,*")[0]
    with pytest.raises(ParseError, match="no draft resolution found"):
        parse_document(text, document_id="cut", source="test")


def test_unnumbered_text_outside_paragraphs_is_an_error() -> None:
    text = small_report().replace(
        "#### **I. Introduction**\n", "#### **I. Introduction**\n\nStray words.\n"
    )
    with pytest.raises(ParseError, match="line 18: text outside any numbered paragraph"):
        parse_document(text, document_id="stray", source="test")


def test_a_page_break_between_a_number_and_its_paragraph_is_not_confused_with_numbering() -> None:
    text = small_report().replace(
        "at its seventy-eighth session.",
        "at its seventy-eighth session as of\n\n---\n\n2023. Ends.",
    )
    document = parse_document(text, document_id="year", source="test")
    operative = [p for p in document.paragraphs if p.part is Part.OPERATIVE]
    assert len(operative) == 1
    assert operative[0].text.endswith("session as of 2023. Ends.")
