"""Sponsors by stage and statements by moment, as the report records them."""

from __future__ import annotations

import pytest

from index.answers import AnswerKind
from index.engine import Engine
from tests.index.conftest import FIXTURE_ID, SEED_ID
from tests.seed_lists import SPONSORS


def test_all_sponsors_by_stage(engine: Engine) -> None:
    answer = engine.ask("Who sponsored the resolution?")
    assert answer.kind is AnswerKind.SPONSORS and answer.answered
    assert "**Original sponsors of A/C.3/74/L.11** (8, paragraph 6 of the report)" in answer.text
    assert "revised draft A/C.3/74/L.11/Rev.1** (19, paragraph 7 of the report)" in answer.text
    assert "afterwards** (20, paragraph 7 of the report)" in answer.text
    assert "In all, **47** sponsors." in answer.text
    for names in SPONSORS.values():
        assert all(name.removeprefix("the ") in answer.text for name in names)


def test_one_stage_only(engine: Engine) -> None:
    answer = engine.ask("Who were the original sponsors?")
    assert "Original sponsors" in answer.text and "afterwards" not in answer.text
    assert [s.label for s in answer.sources] == ["paragraph 6 of the report"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did India sponsor it?", "**Yes**: **India** was one of those who joined the sponsors"),
        ("Did the Russian Federation sponsor?", "**Yes**: **Russian Federation** was an original"),
        ("Was Cuba a sponsor?", "**Yes**: **Cuba** was a sponsor of the revised draft"),
        ("Did France sponsor it?", "**No**: **France** is not among the sponsors"),
    ],
)
def test_did_a_country_sponsor(engine: Engine, question: str, expected: str) -> None:
    assert engine.ask(question).text.startswith(expected)


def test_sponsor_command_for_an_ambiguous_name_covers_each(engine: Engine) -> None:
    answer = engine.sponsors("Congo")
    assert "**Yes**: **Congo**" in answer.text
    assert "**No**: **Democratic Republic of the Congo**" in answer.text


def test_who_spoke_for_the_eu(engine: Engine) -> None:
    answer = engine.ask("Who spoke for the EU?")
    assert answer.kind is AnswerKind.STATEMENTS
    assert answer.text.startswith("Finland spoke in explanation of vote before the vote")
    assert "on behalf of the European Union and its member States" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did Japan make a statement?", "**Yes**: Japan spoke in explanation of vote after"),
        ("Did Liechtenstein speak?", "**Yes**: Canada spoke in explanation of vote before the"),
        ("Did France make a statement?", "**Yes**: Finland spoke in explanation of vote"),
        ("Did Brazil make a statement?", "**No**: the report records no statement"),
    ],
)
def test_did_a_country_speak(engine: Engine, question: str, expected: str) -> None:
    assert engine.ask(question).text.startswith(expected)


def test_all_statements_grouped_by_moment(engine: Engine) -> None:
    text = engine.statements().text
    order = [
        "**Introductory statement**",
        "Director of the Division for Treaty Affairs",
        "**Statements before the vote**",
        "- Nicaragua",
        "**Explanations of vote before the vote**",
        "- Canada (also on behalf of Australia, Iceland, Liechtenstein, New Zealand and Norway)",
        "**Explanations of vote after the vote**",
        "- Peru",
        "**Statements after the vote**",
        "- Iran (Islamic Republic of)",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_statements_after_the_vote(engine: Engine) -> None:
    text = engine.ask("Who spoke after the vote?").text
    assert "Costa Rica" in text and "Iran (Islamic Republic of)" in text
    assert "Nicaragua" not in text


def test_with_two_documents_each_is_answered_and_cited_on_its_own(
    two_document_engine: Engine,
) -> None:
    answer = two_document_engine.ask("Did Kenya sponsor it?")
    assert "**No**: **Kenya** is not among the sponsors of A/C.3/74/L.11" in answer.text
    assert "**Yes**: **Kenya** was one of those who joined the sponsors of A/C.3/75/L.21" in (
        answer.text
    )
    cited = {(s.document, s.label) for s in answer.sources}
    assert cited == {
        (SEED_ID, "paragraph 6 of the report"),
        (SEED_ID, "paragraph 7 of the report"),
        (FIXTURE_ID, "paragraph 6 of the report"),
        (FIXTURE_ID, "paragraph 7 of the report"),
    }


def test_who_introduced_the_draft(engine: Engine) -> None:
    answer = engine.ask("Who introduced the draft resolution?")
    assert answer.text.startswith("**Introduction of the draft resolution**:\n- Russian Federation")
    assert [s.label for s in answer.sources] == ["paragraph 6 of the report"]


def test_what_a_country_said_is_not_in_the_report(engine: Engine) -> None:
    answer = engine.ask("What did Iran say?")
    assert (answer.kind, answer.answered) == (AnswerKind.NOT_IN_DOCUMENT, False)
    assert "does not record what" in answer.text.split("\n")[0]
    assert "Iran (Islamic Republic of) made a statement after the vote" in answer.text
    assert "A/C.3/74/SR.50" in answer.text
    assert [s.label for s in answer.sources] == ["paragraph 12 of the report"]


def test_a_group_spoke_through_its_members_and_for_them(engine: Engine) -> None:
    answer = engine.ask("did the nordic countries speak")
    assert answer.kind is AnswerKind.STATEMENTS
    assert "**Iceland**: Canada spoke in explanation of vote before the vote also on its" in (
        answer.text
    )
    assert "**Finland**: Finland spoke" in answer.text


@pytest.mark.parametrize(
    ("question", "spoken_for"),
    [
        (
            "Canada's EOV before the vote: which other delegations was it delivered on behalf of?",
            {"Australia", "Iceland", "Liechtenstein", "New Zealand", "Norway"},
        ),
        ("on whose behalf did australia speak", set()),
    ],
)
def test_for_whom_names_the_states_spoken_for_not_the_speaker(
    engine: Engine, question: str, spoken_for: set[str]
) -> None:
    answer = engine.ask(question)
    assert answer.query is not None and answer.query.behalf
    assert {v.country for v in answer.votes} == spoken_for
    if not spoken_for:
        assert "for itself only" in answer.text


def test_a_group_spoken_for_is_counted_in_member_states(engine: Engine) -> None:
    answer = engine.ask("who did finland speak for")
    assert "That is 27 Member States besides Finland" in answer.text
    assert len(answer.votes) == 27
