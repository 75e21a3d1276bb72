"""The writer never costs an answer: whatever the database does, recording returns at once,
the operator reads one warning line, and the rows arrive when the database is back."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from bot.question_log.entries import FrontEnd, Vote
from bot.question_log.settings import SQLITE_FILE, LogSettings
from bot.question_log.writer import QuestionLog
from index.answers import AnswerKind
from tests.bot.question_log.conftest import answer
from tests.postgres import PostgresServer

pytestmark = pytest.mark.usefixtures("quick_retries")

REFUSED = answer("What is the weather in Paris?", AnswerKind.NO_ANSWER, answered=False)


def wait_until(condition: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.02)


def log_lines(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("bot.question_log") and record.levelno == level
    ]


@pytest.fixture
def question_log(log_settings: LogSettings, tmp_path: Path) -> Iterator[QuestionLog]:
    opened = QuestionLog.open(log_settings, tmp_path / "data", FrontEnd.CONSOLE)
    yield opened
    opened.close(timeout=1)


def written(question_log: QuestionLog) -> int:
    assert question_log.store is not None
    return question_log.store.count_answers()


def record_quickly(question_log: QuestionLog) -> str:
    started = time.perf_counter()
    answer_id = question_log.record_answer(REFUSED, command="console")
    assert time.perf_counter() - started < 0.05, "recording never waits for the database"
    assert answer_id is not None
    return answer_id


def test_answers_and_votes_reach_the_database(question_log: QuestionLog) -> None:
    answer_id = record_quickly(question_log)
    question_log.record_vote(answer_id, 42, Vote.DOWN, "it is sunny")
    assert question_log.flush(timeout=10)
    (row,) = question_log.gap_rows(days=1)
    assert (row.question, row.down_votes, row.comment) == (
        "What is the weather in Paris?", 1, "it is sunny",
    )  # fmt: skip


def test_logging_off_stores_nothing(tmp_path: Path) -> None:
    off = QuestionLog.open(LogSettings(log_questions=False), tmp_path, FrontEnd.CONSOLE)
    assert off.record_answer(REFUSED, command="console") is None
    off.record_vote("a" * 32, 42, Vote.UP)
    off.close()
    assert list(tmp_path.iterdir()) == []


@contextmanager
def every_new_connection(setup: Callable[[Any], None]) -> Iterator[None]:
    """Run ``setup`` on each DBAPI connection any engine opens, while inside."""

    def listener(dbapi_connection: Any, _record: Any) -> None:
        setup(dbapi_connection)

    event.listen(Engine, "connect", listener)
    try:
        yield
    finally:
        event.remove(Engine, "connect", listener)


def read_only(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA query_only=1")


def full_disk(connection: sqlite3.Connection) -> None:
    """SQLite's own "database or disk is full": the file may not grow by one page."""
    (pages,) = connection.execute("PRAGMA page_count").fetchone()
    connection.execute(f"PRAGMA max_page_count={pages}")


@pytest.mark.parametrize(
    ("fault", "reason"),
    [(read_only, "attempt to write a readonly database"), (full_disk, "database or disk is full")],
)
def test_a_read_only_or_full_database_costs_one_warning_and_no_row(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    fault: Callable[[sqlite3.Connection], None],
    reason: str,
) -> None:
    caplog.set_level(logging.INFO)
    question_log = QuestionLog.open(LogSettings(), tmp_path, FrontEnd.CONSOLE)
    record_quickly(question_log)
    assert question_log.flush(timeout=10)
    assert question_log.store is not None
    with every_new_connection(fault):
        question_log.store.close()
        for _ in range(5):
            question_log.record_answer(
                answer("x", AnswerKind.NO_ANSWER, answered=False, text="long " * 20_000),
                command="console",
            )
        wait_until(lambda: bool(log_lines(caplog, logging.WARNING)))
        time.sleep(0.3)  # several retries fail meanwhile
    assert question_log.flush(timeout=10)
    assert written(question_log) == 6
    (warning,) = log_lines(caplog, logging.WARNING)
    assert f"cannot be written ({reason}); answers go on" in warning
    assert "is written again" in log_lines(caplog, logging.INFO)[-1]
    question_log.close()


def test_a_locked_database_is_waited_out(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    question_log = QuestionLog.open(LogSettings(), tmp_path, FrontEnd.CONSOLE)
    record_quickly(question_log)
    assert question_log.flush(timeout=10)
    other = sqlite3.connect(tmp_path / SQLITE_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    record_quickly(question_log)
    wait_until(lambda: bool(log_lines(caplog, logging.WARNING)), timeout=20)
    other.execute("ROLLBACK")
    other.close()
    assert question_log.flush(timeout=10)
    assert written(question_log) == 2
    (warning,) = log_lines(caplog, logging.WARNING)
    assert "(database is locked)" in warning
    question_log.close()


def test_a_deleted_log_file_is_started_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    question_log = QuestionLog.open(LogSettings(), tmp_path / "data", FrontEnd.CONSOLE)
    record_quickly(question_log)
    assert question_log.flush(timeout=10)
    for path in (tmp_path / "data").iterdir():
        path.unlink()
    (tmp_path / "data").rmdir()
    record_quickly(question_log)
    assert question_log.flush(timeout=10)
    assert written(question_log) == 1
    (warning,) = log_lines(caplog, logging.WARNING)
    assert warning.endswith("was deleted; starting a new one")
    question_log.close()


@pytest.mark.parametrize("when", ["before the start", "while running"])
def test_a_damaged_log_file_is_moved_aside_with_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, when: str
) -> None:
    database = tmp_path / SQLITE_FILE
    garbage = b"this is not a SQLite database, it is a shopping list. " * 200
    if when == "before the start":
        database.write_bytes(garbage)
    question_log = QuestionLog.open(LogSettings(), tmp_path, FrontEnd.CONSOLE)
    record_quickly(question_log)
    if when == "while running":
        assert question_log.flush(timeout=10)
        with database.open("r+b") as handle:
            handle.write(garbage)
        record_quickly(question_log)
    assert question_log.flush(timeout=10)
    assert written(question_log) == 1
    (warning,) = log_lines(caplog, logging.WARNING)
    (aside,) = tmp_path.glob(f"{SQLITE_FILE}.corrupt-*[0-9]")
    assert f"was damaged (not a readable SQLite database); moved it to {aside}" in warning
    question_log.close()


def test_a_postgresql_server_that_goes_away_and_comes_back_is_reconnected(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.INFO)
    server = PostgresServer()
    try:
        server.start()
        settings = LogSettings(database_url=server.new_database())
        question_log = QuestionLog.open(settings, tmp_path, FrontEnd.DISCORD)
        record_quickly(question_log)
        assert question_log.flush(timeout=10)
        server.stop()
        for _ in range(3):
            record_quickly(question_log)
        wait_until(lambda: bool(log_lines(caplog, logging.WARNING)))
        server.start()
        assert question_log.flush(timeout=30)
        assert written(question_log) == 4
        (warning,) = log_lines(caplog, logging.WARNING)
        # "connection failed: … Connection refused", or "terminating connection due to
        # administrator command" when the server stops under a write.
        assert "cannot be written (" in warning and "answers go on" in warning
        assert "is written again" in log_lines(caplog, logging.INFO)[-1]
        question_log.close()
    finally:
        server.remove()


def test_a_lock_held_on_postgresql_is_waited_out(
    postgres_server: PostgresServer, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    import psycopg

    url = postgres_server.new_database()
    question_log = QuestionLog.open(LogSettings(database_url=url), tmp_path, FrontEnd.DISCORD)
    record_quickly(question_log)
    assert question_log.flush(timeout=10)
    with psycopg.connect(url) as other:
        other.execute("LOCK TABLE answers IN ACCESS EXCLUSIVE MODE")
        record_quickly(question_log)
        wait_until(lambda: bool(log_lines(caplog, logging.WARNING)), timeout=20)
    assert question_log.flush(timeout=10)
    assert written(question_log) == 2
    (warning,) = log_lines(caplog, logging.WARNING)
    assert "lock timeout" in warning
    question_log.close()


def test_a_log_that_cannot_be_made_costs_one_line_and_nothing_at_close(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A data folder that cannot exist (under a file): one warning at the first attempt;
    a log closed with nothing unwritten (``rapporteur gaps``) says nothing more."""
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be\n", encoding="utf-8")
    question_log = QuestionLog.open(LogSettings(), blocker / "log", FrontEnd.CONSOLE)
    wait_until(lambda: bool(log_lines(caplog, logging.WARNING)))
    question_log.close(timeout=1)
    (warning,) = log_lines(caplog, logging.WARNING)
    assert "cannot be written (Not a directory); answers go on, 0 row(s) wait" in warning

    question_log = QuestionLog.open(LogSettings(), blocker / "log", FrontEnd.CONSOLE)
    record_quickly(question_log)
    wait_until(lambda: len(log_lines(caplog, logging.WARNING)) == 2)
    question_log.close(timeout=1)
    assert log_lines(caplog, logging.WARNING)[2:] == [
        "The question log stops with 1 row(s) it could not write"
    ]


def test_a_new_log_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    question_log = QuestionLog.open(LogSettings(), tmp_path, FrontEnd.CONSOLE)
    record_quickly(question_log)
    assert question_log.flush(timeout=10)
    files = sorted(tmp_path.glob(f"{SQLITE_FILE}*"))
    assert [path.name for path in files] == [
        SQLITE_FILE,
        f"{SQLITE_FILE}-shm",
        f"{SQLITE_FILE}-wal",
    ]
    assert {path.stat().st_mode & 0o777 for path in files} == {0o600}
    question_log.close()
