from __future__ import annotations

from index.records import Footnote, Paragraph, Part
from index.search.passages import (
    HEADING_ID,
    HEADING_LABEL,
    TextVariant,
    embedded_units,
    index_paragraphs,
    split_sentences,
)
from tests.index.search.helpers import TITLE, make_document


def test_sentences_do_not_break_at_abbreviations() -> None:
    text = "It was adopted by 88 to 58 (see para. 13). The voting was as follows: Mr. X spoke."
    assert split_sentences(text) == [
        "It was adopted by 88 to 58 (see para. 13).",
        "The voting was as follows: Mr. X spoke.",
    ]


def test_context_variant_adds_headings_lead_and_footnotes() -> None:
    document = make_document()
    operative_1 = next(p for p in document.paragraphs if p.id == "operative-1")
    bare = embedded_units(operative_1, document, TextVariant.PARAGRAPH)
    (context,) = embedded_units(operative_1, document, TextVariant.PARAGRAPH_WITH_CONTEXT)
    assert bare == [f"Takes note {operative_1.text}"]
    assert "operative paragraph 1" in context
    assert "A/C.3/74/L.11/Rev.1" in context
    assert "A/74/130" in context


def test_sentence_variant_adds_each_sentence_of_long_paragraphs() -> None:
    document = make_document()
    operative_2 = next(p for p in document.paragraphs if p.id == "operative-2")
    assert len(embedded_units(operative_2, document, TextVariant.SENTENCES)) == 1
    long = operative_2.model_copy(update={"lead": None, "text": "One. Two. Three."})
    assert embedded_units(long, document, TextVariant.SENTENCES) == [
        "One. Two. Three.",
        "One.",
        "Two.",
        "Three.",
    ]


def test_paragraph_hash_changes_only_with_content() -> None:
    first = index_paragraphs([make_document()])
    again = index_paragraphs([make_document()])
    assert [p.sha256 for p in first] == [p.sha256 for p in again]
    assert len({p.sha256 for p in first}) == len(first)


def test_a_line_break_ends_a_sentence() -> None:
    text = "The voting was as follows:\nIn favour: Algeria, Angola.\nAgainst: Albania."
    assert split_sentences(text) == [
        "The voting was as follows:",
        "In favour: Algeria, Angola.",
        "Against: Albania.",
    ]


def test_the_heading_is_a_passage_of_its_own() -> None:
    document = make_document()
    heading = (
        "General Assembly",
        "Distr.: General",
        "25 November 2019",
        "Original: English",
        TITLE,
        "Rapporteur: Mr. Firas Hassan Jabbar (Iraq)",
    )
    document = document.model_copy(
        update={"meta": document.meta.model_copy(update={"heading": heading})}
    )
    first, second = index_paragraphs([document])[:2]
    assert first.paragraph.id == HEADING_ID and first.paragraph.label == HEADING_LABEL
    assert first.whole and first.sentences == heading
    assert first.units == (
        "Distr.: General 25 November 2019 Original: English "
        "Rapporteur: Mr. Firas Hassan Jabbar (Iraq)",
    )
    assert TITLE not in first.lexical_text and "Original: English" in first.lexical_text
    assert second.paragraph.id == document.paragraphs[0].id
    assert index_paragraphs([make_document()])[0].paragraph.id != HEADING_ID


def test_footnotes_are_sentences_tied_to_the_sentence_with_their_mark() -> None:
    text = "It met on 3 October. An account is in the summary records. It ended."
    mark = text.index(" It ended.")
    paragraph = Paragraph(
        id="report-2",
        document="A/74/401",
        part=Part.REPORT,
        number=2,
        label="paragraph 2 of the report",
        section="I. Introduction",
        text=text,
        footnotes=(Footnote(number=1, text="See A/C.3/74/SR.5.", offset=mark),),
    )
    (item,) = index_paragraphs([make_document([paragraph])])
    assert item.sentences[-1] == "Footnote 1: See A/C.3/74/SR.5."
    assert item.anchors == (None, None, None, 1)
    assert item.notes_of(1) == [3] and item.anchor(3) == 1
    assert len(item.units) == len(item.sentences) + 1
    assert item.sentence_units == (1, 2, 3, 4)


def test_a_resolution_paragraph_is_indexed_with_the_subject_it_is_printed_under() -> None:
    """'The General Assembly, ... Decides to examine the question': BM25 reads the Assembly
    in every resolution paragraph, not only in those that name it."""
    by_id = {item.paragraph.id: item for item in index_paragraphs([make_document()])}
    assert "General Assembly" in by_id["operative-6"].lexical_text
    assert "General Assembly" in by_id["preamble-3"].lexical_text
    assert "General Assembly" not in by_id["report-4"].lexical_text
    assert "General Assembly" not in by_id["operative-6"].units[0]
