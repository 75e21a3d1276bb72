"""The blind set's own logic: its files, its fixed split, and expected sets from the records."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval import blind_set
from index.answers import Answer, AnswerKind, VoteEntry
from index.groups import group_by_id
from index.library import Library
from index.parsing.document import load_documents
from index.records import Position
from index.settings import PROJECT_ROOT

TYPES = {"vote", "group", "count", "fact", "passage", "unanswerable", "multi"}


@pytest.fixture(scope="module")
def truth() -> blind_set.Truth:
    library = Library(load_documents(PROJECT_ROOT / "seeds"))
    return blind_set.Truth(library, blind_set.plenary_positions(library))


@pytest.mark.parametrize("folder", [blind_set.BLIND_DIR, blind_set.FRESH_DIR])
def test_every_question_is_valid_and_names_known_groups(folder: Path) -> None:
    items = blind_set.read_items(folder)
    personas = {item.set_name for item in items if not item.paraphrase}
    assert len(personas) >= (5 if folder == blind_set.BLIND_DIR else 2)
    assert len([i for i in items if not i.paraphrase]) >= 150
    assert len({item.id for item in items}) == len(items)
    for item in items:
        assert item.type in TYPES, item.id
        parts = item.expect.get("parts", [{"type": item.type, "expect": item.expect}])
        for part in parts:
            if "group" in part["expect"]:
                group_by_id(part["expect"]["group"])


def test_the_fresh_round_never_lists_its_failures() -> None:
    with pytest.raises(SystemExit):
        blind_set.main(["--fresh", "--failures", "tuning"])


def test_the_halves_are_fixed_and_both_sizeable() -> None:
    items = blind_set.read_items()
    halves = [item.half for item in items]
    assert halves == [item.half for item in blind_set.read_items()]
    assert 0.4 < halves.count("tuning") / len(halves) < 0.6


def test_expected_sets_come_from_the_records_and_the_groups(truth: blind_set.Truth) -> None:
    against = truth.expected({"group": "eu", "position": "against"})
    assert len(against) == 28 and set(against.values()) == {Position.AGAINST}
    favour = truth.expected({"group": "african-group", "position": "in_favour"})
    assert len(favour) == 36
    assert len(truth.expected({"set": "sponsors", "position": "in_favour"})) == 44


def test_the_judge_fails_a_wrong_position_and_passes_a_right_one(
    truth: blind_set.Truth,
) -> None:
    document = truth.document.id

    def vote(position: Position) -> Answer:
        entry = VoteEntry(country="France", position=position, document=document)
        return Answer(question="q", kind=AnswerKind.VOTE, answered=True, text="t", votes=[entry])

    expect = {"country": "France", "position": "against"}
    assert blind_set.judge("vote", expect, vote(Position.AGAINST), truth) == []
    assert blind_set.judge("vote", expect, vote(Position.IN_FAVOUR), truth) != []
    refusal = Answer(question="q", kind=AnswerKind.NO_ANSWER, answered=False, text="no")
    assert blind_set.judge("unanswerable", {}, refusal, truth) == []
    assert blind_set.judge("fact", {"contains": ["Iraq"]}, refusal, truth) == ["refused"]
