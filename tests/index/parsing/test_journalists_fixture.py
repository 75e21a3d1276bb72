"""The third report: one footnote correcting two delegations, one absent and one that voted."""

from __future__ import annotations

import pytest

from index.parsing.document import parse_document
from index.records import Document, Tally
from tests.index.parsing.reports import JOURNALISTS, small_report

TONGA = "The delegation of Tonga subsequently indicated that it had intended to vote in favour."
EGYPT = "The delegation of Egypt subsequently indicated that it had intended to vote in favour."


@pytest.fixture(scope="module")
def journalists() -> Document:
    text = JOURNALISTS.read_text(encoding="utf-8")
    return parse_document(text, document_id=JOURNALISTS.stem, source="fixture")


def test_the_report_reads_by_the_same_rules(journalists: Document) -> None:
    vote = journalists.vote
    assert vote is not None and vote.stated == Tally(in_favour=161, against=10, abstaining=15)
    assert journalists.resolution_title == "The safety of journalists and the issue of impunity"
    assert journalists.drafts == ("A/C.3/76/L.33", "A/C.3/76/L.33/Rev.1")
    assert "Egypt" in vote.abstaining and "Tonga" not in {*vote.in_favour, *vote.against}


def test_a_footnote_naming_two_delegations_is_split_per_delegation(
    journalists: Document,
) -> None:
    assert journalists.vote is not None
    assert journalists.vote.notes == {"Tonga": TONGA, "Egypt": EGYPT}


def test_sentences_and_a_shared_clause_split_the_same_way() -> None:
    note = (
        "The delegation of Chile subsequently indicated that it had intended to vote against. "
        "The delegations of Denmark and Egypt subsequently indicated that they had intended "
        "to abstain."
    )
    text = small_report().replace(
        "The voting was as follows:", "The voting was as follows:<sup>1</sup>"
    )
    text = text.replace("Algeria.\n", f"Algeria.\n\n<sup>1</sup> {note}\n")
    vote = parse_document(text, document_id="small", source="test").vote
    assert vote is not None
    assert vote.notes["Chile"] == (
        "The delegation of Chile subsequently indicated that it had intended to vote against."
    )
    assert vote.notes["Denmark"] == vote.notes["Egypt"]
    assert vote.notes["Egypt"].startswith("The delegations of Denmark and Egypt")
