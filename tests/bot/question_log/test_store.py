"""Rows in and out of both databases: answers, one vote per person, gaps, retention."""

from __future__ import annotations

from datetime import timedelta

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from bot.question_log.entries import AnswerEntry, FrontEnd, Vote, VoteEntry, utc_now
from bot.question_log.migrate import MIGRATIONS
from bot.question_log.schema import SCHEMA_REVISION, answers, feedback, metadata
from bot.question_log.store import LogStore
from index.answers import AnswerKind
from tests.bot.question_log.conftest import answer

USER = 123_456_789_012_345_678


def logged(
    store: LogStore,
    answer_id: str,
    question: str = "How did France vote?",
    kind: AnswerKind = AnswerKind.VOTE,
    *,
    answered: bool = True,
    days_ago: float = 0,
) -> None:
    asked = utc_now() - timedelta(days=days_ago)
    given = answer(question, kind, answered=answered)
    store.write(AnswerEntry(answer_id, asked, FrontEnd.DISCORD, "ask", 1, 2, given))


def vote(
    store: LogStore, answer_id: str, user: int, value: Vote, comment: str | None = None
) -> None:
    store.write(VoteEntry(answer_id, user, value, comment, utc_now()))


def test_the_schema_is_alembics_head_and_matches_the_tables(store: LogStore) -> None:
    engine = store.ready()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_gaps_are_refusals_limits_and_answers_voted_down(store: LogStore) -> None:
    logged(store, "a" * 32, "What is the weather in Paris?", AnswerKind.NO_ANSWER, answered=False)
    logged(store, "b" * 32, "who chairs the ad hoc committee", AnswerKind.NOT_IN_DOCUMENT,
           answered=False)  # fmt: skip
    logged(store, "c" * 32, "How did France vote?")
    logged(store, "d" * 32, "How did Kenya vote?")
    logged(store, "e" * 32, "Who abstained?", days_ago=40)
    vote(store, "c" * 32, USER, Vote.DOWN, "France abstained, I think")
    vote(store, "d" * 32, USER, Vote.UP)
    vote(store, "e" * 32, USER, Vote.DOWN)
    rows = store.gap_rows(utc_now() - timedelta(days=30))
    assert [row.question for row in rows] == [
        "How did France vote?",
        "who chairs the ad hoc committee",
        "What is the weather in Paris?",
    ]
    france = rows[0]
    assert (france.down_votes, france.comment) == (1, "France abstained, I think")
    assert france.reply == "France voted against."
    assert (rows[1].kind, rows[1].answered) == ("not_in_document", False)


def test_one_vote_per_person_and_answer_a_second_click_changes_it(store: LogStore) -> None:
    logged(store, "a" * 32)
    vote(store, "a" * 32, USER, Vote.DOWN, "wrong country")
    vote(store, "a" * 32, USER, Vote.DOWN)
    vote(store, "a" * 32, USER + 1, Vote.UP)
    with store.ready().connect() as connection:
        rows = connection.execute(select(feedback).order_by(feedback.c.vote)).all()
    assert [(row.vote, row.comment) for row in rows] == [("down", "wrong country"), ("up", None)]
    vote(store, "a" * 32, USER, Vote.UP)
    with store.ready().connect() as connection:
        rows = connection.execute(select(feedback.c.vote, feedback.c.comment)).all()
    assert sorted(rows) == [("up", None), ("up", None)], "changed, never added; 👍 drops comments"


def test_no_raw_user_id_is_stored(store: LogStore) -> None:
    logged(store, "a" * 32)
    vote(store, "a" * 32, USER, Vote.DOWN, "no")
    with store.ready().connect() as connection:
        stored = [str(value) for table in (answers, feedback) for row in
                  connection.execute(select(table)) for value in row]  # fmt: skip
        voter = connection.execute(select(feedback.c.voter)).scalar_one()
    assert not any(str(USER) in value for value in stored)
    assert len(voter) == 64
    other_answer = "b" * 32
    logged(store, other_answer)
    vote(store, other_answer, USER, Vote.UP)
    with store.ready().connect() as connection:
        voters = connection.execute(select(feedback.c.voter)).scalars().all()
    assert len(set(voters)) == 2, "one person's votes on two answers cannot be linked"


def test_retention_purges_old_rows_only(store: LogStore) -> None:
    logged(store, "a" * 32, days_ago=100)
    logged(store, "b" * 32, days_ago=10)
    vote(store, "b" * 32, USER, Vote.DOWN)
    assert store.purge(utc_now() - timedelta(days=90)) == (1, 0)
    assert store.count_answers() == 1


def test_text_neither_database_can_hold_is_cleaned_not_lost(store: LogStore) -> None:
    odd = "nul\x00 and a lone \ud800 surrogate"
    logged(store, "a" * 32, odd, AnswerKind.NO_ANSWER, answered=False)
    (row,) = store.gap_rows(utc_now() - timedelta(days=1))
    assert row.question == "nul\ufffd and a lone ? surrogate"
