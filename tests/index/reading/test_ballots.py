"""Which vote a question is about, read from its words into ``Query.ballot``."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.query import Ballot, DocumentSet, Intent
from index.records import Position


@pytest.mark.parametrize(
    ("question", "intent", "ballot"),
    [
        ("how did Cabo Verde vote?", Intent.VOTE, None),
        ("how did Brazil vote in the General Assembly?", Intent.VOTE, Ballot.PLENARY),
        ("how did Brazil vote in plenary?", Intent.VOTE, Ballot.PLENARY),
        ("how did Brazil vote in the final vote?", Intent.VOTE, Ballot.PLENARY),
        ("did brazil abstain at the GA vote?", Intent.VOTE, Ballot.PLENARY),
        ("how did France vote in the Third Committee?", Intent.VOTE, Ballot.COMMITTEE),
        ("how did france vote in committee", Intent.VOTE, Ballot.COMMITTEE),
        ("how did Cabo Verde vote in both votes?", Intent.VOTE, Ballot.BOTH),
        ("what was the final vote?", Intent.TALLY, Ballot.PLENARY),
        ("what resolution number did it get?", Intent.TALLY, Ballot.PLENARY),
        ("is this resolution 74/247?", Intent.TALLY, Ballot.PLENARY),
        ("what was the final GA vote in december", Intent.TALLY, Ballot.PLENARY),
        ("how did the general assembly vote on it in plenary", Intent.TALLY, Ballot.PLENARY),
        ("who voted for it in the plenary", Intent.LIST, Ballot.PLENARY),
        ("how did the african group vote in plenary?", Intent.BREAKDOWN, Ballot.PLENARY),
        ("did the African Group vote the same way in plenary?", Intent.COMPARE, Ballot.BOTH),
        ("who changed their vote between the committee and the plenary?", Intent.LIST, Ballot.BOTH),
        ("which countries changed their vote in plenary?", Intent.LIST, Ballot.BOTH),
        ("kiribati in plenary?", Intent.VOTE, Ballot.PLENARY),
        ("final GA numbers?", Intent.TALLY, Ballot.PLENARY),
        ("What was the result?", Intent.TALLY, None),
        ("who chairs the ad hoc committee", Intent.NOT_IN_DOCUMENT, None),
        ("what's the symbol of the final resolution", Intent.TALLY, Ballot.PLENARY),
        (
            "What symbol did the General Assembly give the resolution when it adopted it?",
            Intent.TALLY,
            Ballot.PLENARY,
        ),
    ],
)
def test_the_vote_asked_is_read(
    engine: Engine, question: str, intent: Intent, ballot: Ballot | None
) -> None:
    query = engine.read(question)
    assert (query.intent, query.ballot) == (intent, ballot)


def test_a_change_of_vote_across_both_votes_is_the_trail_not_a_later_intention(
    engine: Engine,
) -> None:
    across = engine.read("who changed their vote between the committee and the plenary?")
    assert [mention.set for mention in across.sets] == [DocumentSet.CHANGED]
    noted = engine.read("did any country change its vote?")
    assert ([m.set for m in noted.sets], noted.ballot) == ([DocumentSet.NOTED], None)


def test_a_resolution_the_report_cites_is_no_plenary_vote(engine: Engine) -> None:
    query = engine.read("What is 65/230?")
    assert query.ballot is None and query.intent is Intent.PASSAGE


def test_a_follow_up_keeps_the_vote_asked(engine: Engine) -> None:
    first = engine.read("how did Brazil vote in plenary?")
    second = engine.read("and Chile?", first)
    assert second.ballot is Ballot.PLENARY and "ballot" in second.inherited
    assert [c.name for c in second.countries] == ["Chile"]
    third = engine.read("and in committee?", second)
    assert third.ballot is Ballot.COMMITTEE and [c.name for c in third.countries] == ["Chile"]


def test_the_reading_names_the_vote(engine: Engine) -> None:
    assert engine.read("how did Brazil vote in plenary?").reading == (
        "How Brazil voted, in the General Assembly's plenary vote"
    )


def test_no_recorded_vote_asks_for_the_states_that_cast_none(engine: Engine) -> None:
    query = engine.read("How many African states had no recorded vote in the final plenary vote?")
    assert (query.intent, query.positions, query.ballot) == (
        Intent.COUNT,
        (Position.ABSENT,),
        Ballot.PLENARY,
    )


@pytest.mark.parametrize(
    "question",
    [
        "who flipped between committee and plenary",
        "who switched between the committee and the plenary?",
        "which countries changed sides in the GA?",
        "which countries voted differently in the two votes?",
        "who voted differently in the committee and the plenary?",
    ],
)
def test_a_change_said_in_other_words_across_both_votes_is_the_trail(
    engine: Engine, question: str
) -> None:
    query = engine.read(question)
    assert query.ballot is Ballot.BOTH
    assert [(m.set, m.before, m.after) for m in query.sets] == [(DocumentSet.CHANGED, (), ())]


@pytest.mark.parametrize(
    ("question", "sets", "ballot"),
    [
        ("who switched sides?", [DocumentSet.NOTED], None),
        ("did the african group vote differently in plenary?", [], Ballot.BOTH),
        ("why did bolivia flip between nov and dec??", [], None),
        ("why did bolivia flip in plenary?", [], Ballot.BOTH),
    ],
)
def test_a_flip_without_both_votes_or_asked_of_a_group_or_why_reads_as_before(
    engine: Engine, question: str, sets: list[DocumentSet], ballot: Ballot | None
) -> None:
    query = engine.read(question)
    assert ([m.set for m in query.sets], query.ballot) == (sets, ballot)


def test_a_change_asked_later_vote_first_keeps_its_ends(engine: Engine) -> None:
    query = engine.read("who voted no in the general assembly but yes in committee")
    (mention,) = query.sets
    assert (mention.set, mention.before, mention.after) == (
        DocumentSet.CHANGED,
        (Position.IN_FAVOUR,),
        (Position.AGAINST,),
    )
    assert (query.ballot, query.positions) == (Ballot.BOTH, ())
