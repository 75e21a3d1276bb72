"""Fixtures that run the real bot against the local fake Discord, in-process."""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl
from discord.ext import commands

from bot.discord_app.client import RapporteurBot, create_bot
from bot.discord_app.engine_port import AnswerEngine
from bot.question_log.entries import FrontEnd
from bot.question_log.settings import LogSettings
from bot.question_log.writer import QuestionLog
from bot.settings import BotSettings
from index.answers import Answer
from index.engine import Engine
from index.query import Ballot, Query
from index.search.models import ReindexReport
from index.settings import PROJECT_ROOT, EngineSettings
from tests.e2e.fake_discord import (
    ANSWER_CHANNEL_ID,
    GUILD_ID,
    MODERATOR_ROLE_ID,
    FakeDiscord,
    Invocation,
    RecordedRequest,
)
from tests.index.search.helpers import FakeEmbedder


class RecordingEngine(Engine):
    """The real engine (with a fake embedder), recording the calls the bot makes."""

    def __init__(self, settings: EngineSettings) -> None:
        super().__init__(settings, embedder=FakeEmbedder(), query_encoder=FakeEmbedder())
        self.calls: list[tuple[str, str]] = []
        self.reindexes = 0
        self.max_parallel_reindexes = 0
        self._running = 0
        self._calls_lock = threading.Lock()

    def asked(self) -> list[str]:
        return [argument for name, argument in self.calls if name == "ask"]

    def ask(self, question: str, previous: Query | None = None) -> Answer:
        with self._calls_lock:
            self.calls.append(("ask", question))
        return super().ask(question, previous)

    def vote(self, country: str, ballot: Ballot = Ballot.BOTH) -> Answer:
        with self._calls_lock:
            self.calls.append(("vote", country))
        return super().vote(country, ballot)

    def reindex(self) -> ReindexReport:
        with self._calls_lock:
            self.reindexes += 1
            self._running += 1
            self.max_parallel_reindexes = max(self.max_parallel_reindexes, self._running)
        try:
            return super().reindex()
        finally:
            with self._calls_lock:
                self._running -= 1


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the seeds, so tests may corrupt or edit them."""
    copy = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", copy)
    return copy


@pytest.fixture
def engine(seeds_dir: Path, tmp_path: Path) -> RecordingEngine:
    return RecordingEngine(EngineSettings(seeds_dir=seeds_dir, data_dir=tmp_path / "data"))


@pytest.fixture
def model_engine(seeds_dir: Path, tmp_path: Path, model_index: Path) -> Engine:
    """The real engine with the bundled model's index (a copy of the session's build)."""
    data = tmp_path / "model-data"
    shutil.copytree(model_index, data)
    return Engine(EngineSettings(seeds_dir=seeds_dir, data_dir=data))


class ErrorLog(logging.Handler):
    """Collects ERROR records: exceptions inside commands are only logged by discord.py."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.expected = False

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def check(self) -> None:
        if self.records and not self.expected:
            details = "\n".join(self.format(record) for record in self.records)
            raise AssertionError(f"the bot logged errors:\n{details}")


@pytest.fixture
def error_log() -> Iterator[ErrorLog]:
    handler = ErrorLog()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    handler.check()


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
    )
    try:
        yield fake
    finally:
        await fake.stop()


def bot_settings(**overrides: Any) -> BotSettings:
    values: dict[str, Any] = {
        "discord_token": "fake-token",
        "moderator_role_id": MODERATOR_ROLE_ID,
        "answer_channel_id": ANSWER_CHANNEL_ID,
        "ask_cooldown_seconds": 0,
    }
    values.update(overrides)
    return BotSettings(_env_file=None, **values)


@dataclass
class Harness:
    """A running bot wired to the fake, with helpers that fail fast on logged errors."""

    fake: FakeDiscord
    bot: commands.Bot
    engine: AnswerEngine
    errors: ErrorLog
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def wait_for(
        self, predicate: Callable[[RecordedRequest], bool], *, count: int = 1, timeout: float = 10
    ) -> list[RecordedRequest]:
        return await self.fake.wait_for(
            predicate, count=count, timeout=timeout, check=self.errors.check
        )

    async def callback(self, invocation: Invocation) -> RecordedRequest:
        (request,) = await self.wait_for(self.fake.callback_of(invocation))
        return request

    async def followups(self, invocation: Invocation, count: int = 1) -> list[RecordedRequest]:
        return await self.wait_for(self.fake.followups_of(invocation), count=count)

    async def pages(self, invocation: Invocation, asker: int) -> list[dict[str, Any]]:
        """Every page of the answer to ``invocation`` (sent already), turned with ▶ as
        ``asker`` until the last: the embeds one after the other."""
        message_id = int(self.fake.original_of(invocation)["id"])
        pages = list(self.fake.messages[message_id]["embeds"])
        while True:
            turn = [
                button for button in self.fake.buttons(message_id)
                if button.get("emoji", {}).get("name") == "▶" and not button.get("disabled")
            ]  # fmt: skip
            if not turn:
                return pages
            click = await self.fake.click(message_id, turn[0]["custom_id"], user_id=asker)
            await self.callback(click)
            pages += self.fake.messages[message_id]["embeds"]


StartBot = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def start_bot(
    fake_discord: FakeDiscord, error_log: ErrorLog, tmp_path: Path
) -> AsyncIterator[StartBot]:
    """Start the real bot (``create_bot``) against the fake and wait until the guild is in."""
    running: list[Harness] = []

    async def start(
        engine: AnswerEngine, *, log_settings: LogSettings | None = None, **overrides: Any
    ) -> Harness:
        """``log_settings``: where answers and votes go (default: SQLite in ``tmp_path``,
        which a restarted bot finds again)."""
        question_log = QuestionLog.open(
            log_settings or LogSettings(), tmp_path / "log", FrontEnd.DISCORD
        )
        bot = create_bot(
            engine, bot_settings(**overrides), question_log, state_dir=tmp_path / "bot-state"
        )
        harness = Harness(fake_discord, bot, engine, error_log)
        harness.tasks.append(asyncio.create_task(bot.start("fake-token")))
        running.append(harness)
        deadline = time.monotonic() + 15
        while bot.get_guild(GUILD_ID) is None:
            error_log.check()
            if harness.tasks[0].done():
                harness.tasks[0].result()
            if time.monotonic() > deadline:
                raise TimeoutError("the bot never received the fake guild")
            await asyncio.sleep(0.02)
        assert isinstance(bot, RapporteurBot)
        await asyncio.wait_for(bot.warm_up_done.wait(), timeout=30)
        return harness

    try:
        yield start
    finally:
        for harness in running:
            await asyncio.wait_for(harness.bot.close(), timeout=10)
            for task in harness.tasks:
                try:
                    await asyncio.wait_for(task, timeout=10)
                except TimeoutError:
                    task.cancel()
                    raise
