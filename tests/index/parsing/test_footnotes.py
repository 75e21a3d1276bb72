from __future__ import annotations

import pytest

from index.parsing.document import parse_document
from index.parsing.errors import ParseError
from index.records import Document, Paragraph
from tests.index.parsing.reports import small_report


def _footnotes(paragraph: Paragraph) -> dict[int, str]:
    return {footnote.number: footnote.text for footnote in paragraph.footnotes}


def test_report_footnotes_attach_to_the_citing_report_paragraph(
    seed_paragraphs: dict[str, Paragraph],
) -> None:
    assert _footnotes(seed_paragraphs["report-10"]) == {
        3: "The delegation of Benin subsequently indicated that it had intended to vote in favour."
    }
    assert _footnotes(seed_paragraphs["report-5"]) == {2: "See A/C.3/74/SR.44."}


def test_resolution_numbering_restarts_and_resolves_within_the_resolution(
    seed_paragraphs: dict[str, Paragraph],
) -> None:
    gge = seed_paragraphs["preamble-13"]
    assert gge.text.startswith("Recalling also the reports of the Group of Governmental Experts")
    assert _footnotes(gge) == {3: "A/65/201, A/68/98 and A/70/174."}
    assert _footnotes(seed_paragraphs["operative-1"]) == {5: "A/74/130."}
    assert _footnotes(seed_paragraphs["preamble-9"]) == {2: "Resolution 70/174, annex."}


def test_every_footnote_is_attached_exactly_once(seed: Document) -> None:
    numbers = [f.number for p in seed.paragraphs for f in p.footnotes]
    assert sorted(numbers) == [1, 1, 2, 2, 3, 3, 4, 5]


def test_footnote_text_without_marker_is_an_error() -> None:
    text = small_report().replace("*Abstaining:*", "<sup>7</sup> Orphan note.\n\n*Abstaining:*")
    with pytest.raises(ParseError, match="no paragraph above cites footnote 7"):
        parse_document(text, document_id="orphan", source="test")


def test_marker_without_footnote_text_is_an_error() -> None:
    text = small_report().replace("as follows:", "as follows:<sup>1</sup>")
    with pytest.raises(ParseError, match="footnote 1 cited in report paragraph 3 has no footnote"):
        parse_document(text, document_id="dangling", source="test")


def test_each_footnote_knows_where_its_mark_stands(seed_paragraphs: dict[str, Paragraph]) -> None:
    discussion = seed_paragraphs["report-2"]
    (note,) = discussion.footnotes
    assert note.offset is not None
    assert discussion.text[: note.offset].endswith("contained in the relevant summary records.")
    vote = seed_paragraphs["report-10"]
    assert vote.text[: vote.footnotes[0].offset].endswith("The voting was as follows:")
    recalled = seed_paragraphs["preamble-6"]
    assert recalled.text[: recalled.footnotes[0].offset].endswith("of 26 April 2013,")
