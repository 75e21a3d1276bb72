from __future__ import annotations

from index.records import Document, Statement, StatementMoment


def _at(document: Document, moment: StatementMoment) -> list[Statement]:
    return [s for s in document.statements if s.moment is moment]


def test_introductory_statement(seed: Document) -> None:
    [statement] = _at(seed, StatementMoment.INTRODUCTORY)
    assert statement.speaker == (
        "Director of the Division for Treaty Affairs of the United Nations Office on Drugs "
        "and Crime"
    )
    assert (statement.meeting, statement.paragraph_id) == (5, "report-4")


def test_general_statements(seed: Document) -> None:
    general = [(s.speaker, s.meeting, s.paragraph_id) for s in _at(seed, StatementMoment.GENERAL)]
    assert general == [
        ("United States of America", 44, "report-5"),
        ("Russian Federation", 50, "report-9"),
    ]


def test_introduction_of_draft_on_behalf_of_others(seed: Document) -> None:
    [statement] = _at(seed, StatementMoment.INTRODUCTION_OF_DRAFT)
    assert statement.speaker == "Russian Federation"
    assert statement.also_on_behalf is True
    assert statement.on_behalf_of[-1] == "Venezuela (Bolivarian Republic of)"
    assert len(statement.on_behalf_of) == 7
    assert (statement.meeting, statement.paragraph_id) == (44, "report-6")


def test_statements_before_the_vote(seed: Document) -> None:
    speakers = [s.speaker for s in _at(seed, StatementMoment.BEFORE_VOTE)]
    assert speakers == [
        "Nicaragua",
        "Venezuela (Bolivarian Republic of)",
        "China",
        "Belarus",
        "Indonesia",
    ]


def test_explanations_before_the_vote_with_groups_and_countries(seed: Document) -> None:
    explained = {s.speaker: s for s in _at(seed, StatementMoment.EXPLANATION_BEFORE_VOTE)}
    assert list(explained) == ["United States of America", "Finland", "Canada", "Australia"]
    assert explained["Finland"].on_behalf_of == ("European Union and its member States",)
    assert explained["Finland"].also_on_behalf is False
    assert explained["Canada"].on_behalf_of == (
        "Australia",
        "Iceland",
        "Liechtenstein",
        "New Zealand",
        "Norway",
    )
    assert explained["Canada"].also_on_behalf is True
    assert {s.meeting for s in explained.values()} == {50}


def test_after_the_vote(seed: Document) -> None:
    explained = [s.speaker for s in _at(seed, StatementMoment.EXPLANATION_AFTER_VOTE)]
    assert explained == ["Costa Rica", "Japan", "Republic of Korea", "Peru"]
    [iran] = _at(seed, StatementMoment.AFTER_VOTE)
    assert (iran.speaker, iran.meeting, iran.paragraph_id) == (
        "Iran (Islamic Republic of)",
        50,
        "report-12",
    )
