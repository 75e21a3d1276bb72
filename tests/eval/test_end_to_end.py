"""The end-to-end evaluation's own logic: its file, its expected sets and its judge."""

from __future__ import annotations

import pytest

from eval import end_to_end
from index.answers import Answer, AnswerKind, VoteEntry
from index.groups import group_by_id
from index.library import Library
from index.parsing.document import load_documents
from index.records import Position
from index.settings import PROJECT_ROOT

KNOWN_EXPECTATIONS = {
    "votes", "set", "count", "verdict", "compare", "outliers", "kind", "contains",
    "paragraphs", "quote", "answered", "limit", "nearest",
}  # fmt: skip


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(load_documents(PROJECT_ROOT / "seeds"))


def test_every_line_is_valid_and_names_known_groups_sets_and_paragraphs(library: Library) -> None:
    items = end_to_end.read_items()
    assert len(items) >= 250
    assert len({item.key for item in items}) == len(items)
    document = library.documents[0]
    for item in items:
        assert set(item.expect) <= KNOWN_EXPECTATIONS, item.key
        spec = item.expect.get("set", {})
        for group in spec.get("groups", []):
            group_by_id(group)
        for name in spec.get("sets", []):
            end_to_end.document_set(name, document)
        for paragraph in [*item.expect.get("paragraphs", []), *item.expect.get("nearest", [])]:
            assert Library.paragraph(document, paragraph) is not None, (item.key, paragraph)


def test_the_halves_are_fixed_and_both_sizeable() -> None:
    items = end_to_end.read_items()
    halves = [item.half for item in items]
    assert halves == [item.half for item in end_to_end.read_items()]
    assert 0.4 < halves.count("tuning") / len(halves) < 0.6


def test_expected_sets_come_from_the_records_and_the_groups(library: Library) -> None:
    document = library.documents[0]
    in_favour = end_to_end.expected_set(
        {"groups": ["eu"], "positions": ["in_favour"]}, library, document
    )
    assert in_favour == {}
    against = end_to_end.expected_set(
        {"groups": ["g7"], "positions": ["against"]}, library, document
    )
    assert len(against) == 7 and set(against.values()) == {"against"}
    absent_sponsors = end_to_end.expected_set(
        {"sets": ["sponsors"], "positions": ["absent"]}, library, document
    )
    assert set(absent_sponsors) == {"Benin", "Central African Republic", "Congo"}


def test_the_judge_accepts_the_right_answer_and_names_what_is_wrong(library: Library) -> None:
    item = end_to_end.Item(
        question="did the french vote against",
        category="country",
        intent="vote",
        expect={"votes": ["France"], "verdict": "yes"},
    )
    right = Answer(
        question=item.question,
        kind=AnswerKind.VOTE,
        answered=True,
        text="**Yes**: **France** voted **against**.",
        votes=[VoteEntry(country="France", position=Position.AGAINST, document="d")],
    )
    assert end_to_end.judge(item, right, library) == []
    wrong = right.model_copy(
        update={
            "text": "**No**: **Brazil** abstained.",
            "votes": [VoteEntry(country="Brazil", position=Position.ABSTAINING, document="d")],
        }
    )
    reasons = end_to_end.judge(item, wrong, library)
    assert any(r.startswith("votes") for r in reasons) and "no “yes” verdict" in reasons
