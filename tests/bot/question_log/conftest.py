"""The question log over both of its databases: a SQLite file and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.question_log import writer
from bot.question_log.settings import LogSettings
from bot.question_log.store import LogStore
from index.answers import Answer, AnswerKind, Source
from tests.postgres import PostgresServer

CITED = "paragraph 10 of the report"


@pytest.fixture(params=["sqlite", "postgresql"])
def log_settings(request: pytest.FixtureRequest, tmp_path: Path) -> LogSettings:
    if request.param == "sqlite":
        return LogSettings()
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return LogSettings(database_url=server.new_database())


@pytest.fixture
def store(log_settings: LogSettings, tmp_path: Path) -> Iterator[LogStore]:
    opened = LogStore(
        log_settings.sqlalchemy_url(tmp_path), sqlite_path=log_settings.sqlite_path(tmp_path)
    )
    yield opened
    opened.close()


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer retries within a tenth of a second instead of one, so tests stay short."""
    monkeypatch.setattr(writer, "RETRY_FIRST_SECONDS", 0.05)
    monkeypatch.setattr(writer, "RETRY_MAX_SECONDS", 0.2)


def answer(
    question: str,
    kind: AnswerKind = AnswerKind.VOTE,
    *,
    answered: bool = True,
    text: str = "France voted against.\nThe vote of 18 November 2019.",
) -> Answer:
    return Answer(
        question=question,
        kind=kind,
        answered=answered,
        text=text,
        sources=[Source(document="A/74/401", label=CITED, text="…", score=1)],
    )
