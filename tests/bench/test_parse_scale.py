"""The parse benchmark times real parses: its invented reports are valid and as big as asked."""

from __future__ import annotations

import pytest

from bench import parse_scale
from index.parsing.document import parse_document
from index.records import Part


@pytest.mark.parametrize("size", [20_000, 200_000])
def test_many_paragraph_reports_parse_with_every_paragraph_and_footnote(size: int) -> None:
    text = parse_scale.many_paragraphs(size)
    document = parse_document(text, document_id="bench", source="bench.md")
    report = [p for p in document.paragraphs if p.part is Part.REPORT]
    assert len(text) >= size and len(report) > size // 500
    assert [p.number for p in report] == list(range(1, len(report) + 1))
    assert all(len(p.footnotes) == 1 for p in report[:-2])
    assert document.vote is not None and document.vote.stated.in_favour == 3


def test_one_paragraph_reports_parse_into_one_long_paragraph() -> None:
    text = parse_scale.one_paragraph(200_000)
    document = parse_document(text, document_id="bench", source="bench.md")
    first = document.paragraphs[0]
    assert len(text) >= 195_000 and len(first.text) > 190_000
    assert len(first.footnotes) == 1
