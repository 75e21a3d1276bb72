"""The router takes a structured route only on clear signals; everything else is a passage."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.countries import ResolutionStatus
from index.records import Part, Position, SponsorStage, StatementMoment
from index.router import MetadataField, Route, route


@pytest.mark.parametrize(
    ("question", "position", "countries"),
    [
        ("How did France vote?", None, ["France"]),
        ("Did Brazil abstain?", Position.ABSTAINING, ["Brazil"]),
        ("Was Japan against?", Position.AGAINST, ["Japan"]),
        ("Was Japan against it?", Position.AGAINST, ["Japan"]),
        ("Did Kenya vote in favour?", Position.IN_FAVOUR, ["Kenya"]),
        ("Did Benin not vote?", Position.ABSENT, ["Benin"]),
        ("France", None, ["France"]),
        ("what about Chad?", None, ["Chad"]),
        (
            "How did the US and North Korea vote?",
            None,
            ["United States of America", "Democratic People's Republic of Korea"],
        ),
        ("How did Niger and Nigeria vote?", None, ["Niger", "Nigeria"]),
    ],
)
def test_vote_questions(question: str, position: Position | None, countries: list[str]) -> None:
    intent = route(question)
    assert intent.route is Route.VOTE
    assert intent.position is position
    assert [c.name for c in intent.countries] == countries


@pytest.mark.parametrize(
    ("question", "position"),
    [
        ("Which countries voted against?", Position.AGAINST),
        ("Who abstained?", Position.ABSTAINING),
        ("How many countries abstained?", Position.ABSTAINING),
        ("Who voted for it?", Position.IN_FAVOUR),
        ("Who did not vote?", Position.ABSENT),
        ("Which states were absent?", Position.ABSENT),
    ],
)
def test_roster_questions(question: str, position: Position) -> None:
    intent = route(question)
    assert (intent.route, intent.position) == (Route.ROSTER, position)


@pytest.mark.parametrize(
    "question",
    ["What was the result?", "Was it adopted?", "How did the vote go?", "What was the tally?"],
)
def test_tally_questions(question: str) -> None:
    assert route(question).route is Route.TALLY


@pytest.mark.parametrize(
    ("question", "stage", "countries"),
    [
        ("Who sponsored it?", None, []),
        ("Did India sponsor?", None, ["India"]),
        ("Who were the original sponsors?", SponsorStage.ORIGINAL, []),
        ("Which countries joined the sponsors later?", SponsorStage.SUBSEQUENT, []),
    ],
)
def test_sponsor_questions(question: str, stage: SponsorStage | None, countries: list[str]) -> None:
    intent = route(question)
    assert intent.route is Route.SPONSORS
    assert intent.stage is stage
    assert [c.name for c in intent.countries] == countries


@pytest.mark.parametrize(
    "question",
    ["Who spoke for the EU?", "Did Japan make a statement?", "What did France say?", "Who spoke?"],
)
def test_statement_questions(question: str) -> None:
    assert route(question).route is Route.STATEMENTS


def test_introducing_the_draft_is_a_statement_not_a_sponsor_list() -> None:
    intent = route("Who introduced the draft?")
    assert (intent.route, intent.moment) == (
        Route.STATEMENTS,
        StatementMoment.INTRODUCTION_OF_DRAFT,
    )


def test_why_questions_are_marked() -> None:
    assert route("Why did the US vote against?").why
    assert not route("Did the US vote against?").why


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("Who is the rapporteur?", MetadataField.RAPPORTEUR),
        ("When was the report issued?", MetadataField.DATE),
        ("Which meetings dealt with it?", MetadataField.MEETINGS),
        ("What agenda item is this?", MetadataField.AGENDA_ITEM),
        ("What is this document?", MetadataField.OVERVIEW),
    ],
)
def test_metadata_questions(question: str, field: MetadataField) -> None:
    intent = route(question)
    assert (intent.route, intent.field) == (Route.METADATA, field)


@pytest.mark.parametrize(
    ("question", "part", "number"),
    [
        ("operative paragraph 3", Part.OPERATIVE, 3),
        ("What does OP2 say?", Part.OPERATIVE, 2),
        ("preambular paragraph 9", Part.PREAMBLE, 9),
        ("paragraph 10 of the report", Part.REPORT, 10),
        ("show report paragraph 7", Part.REPORT, 7),
        ("paragraph 4", None, 4),
    ],
)
def test_paragraph_labels(question: str, part: Part | None, number: int) -> None:
    intent = route(question)
    assert intent.route is Route.PARAGRAPH
    assert intent.paragraph is not None
    assert (intent.paragraph.part, intent.paragraph.number) == (part, number)


@pytest.mark.parametrize(
    ("question", "decisions_only"),
    [
        ("What does the resolution decide?", True),
        ("What did the General Assembly decide?", True),
        ("What was decided?", True),
        ("What does the draft resolution do?", False),
        ("Summarize the resolution", False),
        ("What are the operative paragraphs?", False),
    ],
)
def test_questions_about_the_whole_operative_part(question: str, decisions_only: bool) -> None:
    intent = route(question)
    assert (intent.route, intent.decisions_only) == (Route.RESOLUTION, decisions_only)


@pytest.mark.parametrize(
    "question",
    [
        "What does the resolution set up?",
        "When does the ad hoc committee meet?",
        "Who pays for delegates from developing countries?",
        "Which countries support the fight against cybercrime?",
        "What does the resolution say about human rights?",
        "What was the statement of programme budget implications about?",
        "What will be submitted to the General Assembly?",
        "Is Vienna in Austria?",
        "What is the weather in Paris?",
    ],
)
def test_open_questions_go_to_passages(question: str) -> None:
    assert route(question).route is Route.PASSAGE


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_routing_never_raises(question: str) -> None:
    assert route(question).route in Route


@pytest.mark.parametrize(
    ("question", "subject"),
    [("How did Atlantis vote?", "Atlantis"), ("Did Narnia abstain?", "Narnia")],
)
def test_an_unknown_subject_of_a_vote_is_a_vote_question(question: str, subject: str) -> None:
    intent = route(question)
    assert intent.route is Route.VOTE
    assert [(c.text, c.status) for c in intent.countries] == [(subject, ResolutionStatus.UNKNOWN)]


@pytest.mark.parametrize(
    "question",
    ["How did the committee vote?", "How did most countries vote?", "How did they vote?"],
)
def test_generic_subjects_still_get_the_tally(question: str) -> None:
    assert route(question).route is Route.TALLY
