from __future__ import annotations

from index.search.passages import TextVariant, embedded_units, index_paragraphs, split_sentences
from tests.index.search.helpers import make_document


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
