"""On-topic questions the report cannot answer: said plainly, with the nearest thing cited."""

from __future__ import annotations

import pytest

from index.answers import AnswerKind
from index.engine import Engine
from index.records import Position


@pytest.mark.parametrize(
    ("question", "headline", "cited"),
    [
        (
            "who chairs the ad hoc committee",
            "The report does not say who chairs that body",
            ["paragraph 8 of the report", "operative paragraph 2", "operative paragraph 3"],
        ),
        (
            "how much money was allocated for this",
            "The report gives no sums of money.",
            ["paragraph 8 of the report", "operative paragraph 4", "operative paragraph 5"],
        ),
        (
            "how much was it?",
            "The report gives no sums of money.",
            ["paragraph 8 of the report", "operative paragraph 4", "operative paragraph 5"],
        ),
        (
            "was the convention eventually adopted",
            "The report is dated 25 November 2019 and says nothing of what happened afterwards.",
            ["operative paragraph 3", "operative paragraph 6"],
        ),
    ],
)
def test_limits_say_so_then_cite_the_nearest(
    engine: Engine, question: str, headline: str, cited: list[str]
) -> None:
    answer = engine.ask(question)
    assert (answer.kind, answer.answered) == (AnswerKind.NOT_IN_DOCUMENT, False)
    assert answer.text.split("\n")[0].startswith(headline)
    assert [source.label for source in answer.sources] == cited


@pytest.mark.parametrize(
    "question",
    [
        "how did the general assembly vote on it in plenary",
        "what resolution number did it get",
        "how did Brazil vote in plenary?",
        "how did the african group vote in the general assembly?",
    ],
)
def test_without_voting_data_the_plenary_vote_is_an_honest_limit(
    two_document_engine: Engine, question: str
) -> None:
    answer = two_document_engine.ask(question)
    assert not answer.answered
    assert answer.text.startswith("The report does not record the General Assembly's plenary")
    assert "no voting data for the resolution it recommended is loaded" in answer.text
    assert answer.votes == []


def test_what_china_said_points_to_the_summary_record(engine: Engine) -> None:
    answer = engine.ask("what did China say before the vote?")
    assert answer.text.startswith("The report does not record what")
    assert "China made a statement before the vote at the 50th meeting" in answer.text
    assert "A/C.3/74/SR.50" in answer.text
    assert [source.label for source in answer.sources] == ["paragraph 11 of the report"]


def test_what_a_statement_concerned_is_quoted_from_the_report(engine: Engine) -> None:
    answer = engine.ask("what was the US statement at the 44th meeting about")
    assert "with regard to the draft resolutions before the Committee" in answer.text
    assert "A/C.3/74/SR.44" in answer.text


def test_reasons_give_the_votes_and_where_explanations_are(engine: Engine) -> None:
    answer = engine.ask("why did brazil abstain")
    assert answer.text.startswith("The report records how delegations voted, not why.")
    assert [(v.country, v.position) for v in answer.votes] == [("Brazil", Position.ABSTAINING)]
    assert "A/C.3/74/SR.50" in answer.text


def test_an_unknown_topic_is_named(engine: Engine) -> None:
    answer = engine.ask("does it mention cryptocurrency")
    assert answer.text.startswith("The document does not mention “cryptocurrency”.")
    assert not answer.answered


def test_a_silent_delegation_is_pointed_to_the_paragraphs_that_record_statements(
    engine: Engine,
) -> None:
    answer = engine.ask("what did brazil say")
    assert "records no statement by Brazil at all" in answer.text
    recorded = {s.paragraph_id for s in engine.documents[0].statements}
    assert len(answer.sources) == len(recorded)
    assert "paragraph 11 of the report" in [source.label for source in answer.sources]


def test_what_benin_told_the_committee_is_its_note(engine: Engine) -> None:
    answer = engine.ask("What did Benin tell the Committee after the vote?")
    assert answer.answered
    assert "it had intended to vote in favour" in answer.text
    assert [source.label for source in answer.sources] == ["paragraph 10 of the report"]


def test_an_unknown_kind_of_state_offers_the_groups_that_share_a_word(engine: Engine) -> None:
    answer = engine.ask("which landlocked countries voted no")
    assert not answer.answered
    assert answer.text.startswith("I don't know which States count as “landlocked countries”")
    assert "Landlocked Developing Countries" in answer.text
    assert "Against" not in answer.text
