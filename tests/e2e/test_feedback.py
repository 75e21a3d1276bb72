"""👍 👎 under answers, the 👎 modal, /gaps for moderators, paging and sharing, through the
fake Discord and the real discord.py client, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.discord_app import pager
from bot.discord_app.client import RapporteurBot
from bot.question_log import writer
from bot.question_log.schema import feedback
from bot.question_log.settings import SQLITE_FILE, LogSettings
from bot.question_log.writer import QuestionLog
from index.engine import Engine
from index.records import Position
from tests.e2e.conftest import Harness, RecordingEngine, StartBot
from tests.e2e.fake_discord import FakeDiscord, Invocation
from tests.e2e.test_interactions import EPHEMERAL, embeds_of
from tests.postgres import PostgresServer

pytestmark = pytest.mark.e2e

ASKER, READER, TWIN_ASKER, LATE_READER = 501, 502, 503, 504
COMMENT = "It should say plainly that it knows nothing about the weather"


@pytest.fixture(params=["sqlite", "postgresql"])
def log_settings(request: pytest.FixtureRequest) -> LogSettings:
    if request.param == "sqlite":
        return LogSettings()
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return LogSettings(database_url=server.new_database())


def question_log(harness: Harness) -> QuestionLog:
    assert isinstance(harness.bot, RapporteurBot)
    return harness.bot.context.question_log


async def flushed(harness: Harness) -> QuestionLog:
    log = question_log(harness)
    assert await asyncio.to_thread(log.flush, 10)
    return log


def by_emoji(fake: FakeDiscord, message_id: int) -> dict[str, dict[str, Any]]:
    return {button["emoji"]["name"]: button for button in fake.buttons(message_id)}


async def answered(harness: Harness, invocation: Invocation) -> dict[str, Any]:
    """The message that answers ``invocation`` (its response, or the follow-up after a defer)."""
    callback = await harness.callback(invocation)
    if callback.body["type"] == 5:
        await harness.followups(invocation)
    return harness.fake.original_of(invocation)


async def ephemeral_reply(harness: Harness, invocation: Invocation) -> str:
    callback = await harness.callback(invocation)
    assert callback.body["type"] == 4
    data = callback.body["data"]
    assert data["flags"] & EPHEMERAL, "acknowledged to the clicker alone"
    assert data["allowed_mentions"]["parse"] == []
    return str(data.get("content") or embeds_of(callback)[0]["description"])


def votes_on(log: QuestionLog, answer_id: str) -> list[tuple[str, str | None]]:
    assert log.store is not None
    with log.store.ready().connect() as connection:
        rows = connection.execute(
            select(feedback.c.vote, feedback.c.comment).where(feedback.c.answer_id == answer_id)
        ).all()
    return sorted(((row.vote, row.comment) for row in rows), key=lambda v: (v[0], v[1] or ""))


@pytest.mark.model
async def test_votes_the_modal_gaps_and_a_restart(
    start_bot: StartBot, model_engine: Engine, log_settings: LogSettings
) -> None:
    harness = await start_bot(model_engine, log_settings=log_settings)
    fake = harness.fake
    asked = await fake.invoke("ask", {"question": "What is the weather in Paris?"}, user_id=ASKER)
    message = await answered(harness, asked)
    message_id = int(message["id"])
    buttons = by_emoji(fake, message_id)
    assert set(buttons) == {"👍", "👎"}, "a one-page public answer: votes only"
    answer_id = buttons["👍"]["custom_id"].rsplit(":", 1)[1]

    thanks = await ephemeral_reply(harness, await fake.click(message_id, buttons["👍"]["custom_id"],
                                                              user_id=READER))  # fmt: skip
    assert thanks.startswith("Thanks: your 👍 is counted")

    down = await fake.click(message_id, buttons["👎"]["custom_id"], user_id=ASKER)
    modal = (await harness.callback(down)).body
    assert modal["type"] == 9 and modal["data"]["title"] == "What was wrong?"
    (text_input,) = [c for row in modal["data"]["components"] for c in row["components"]]
    assert (text_input["max_length"], text_input["required"]) == (300, False)
    submitted = await fake.submit_modal(down, COMMENT, user_id=ASKER)
    assert "what was wrong are noted" in await ephemeral_reply(harness, submitted)

    changed = await fake.click(message_id, buttons["👎"]["custom_id"], user_id=READER)
    assert (await harness.callback(changed)).body["type"] == 9, "dismissing the form is fine"
    log = await flushed(harness)
    assert votes_on(log, answer_id) == [("down", None), ("down", COMMENT)], "changed, not added"

    twin = await fake.invoke(
        "ask", {"question": "what's the weather like in paris today"}, user_id=TWIN_ASKER
    )
    await answered(harness, twin)
    kept = await fake.invoke("vote", {"country": "France"}, user_id=TWIN_ASKER)
    await answered(harness, kept)
    await flushed(harness)

    refused = await fake.invoke_subcommand("gaps", "show")
    assert "only moderators" in await ephemeral_reply(harness, refused)

    shown = await fake.invoke_subcommand("gaps", "show", {"days": 7}, moderator=True)
    deferral = await harness.callback(shown)
    assert deferral.body["type"] == 5 and deferral.body["data"]["flags"] & EPHEMERAL
    (digest,) = embeds_of((await harness.followups(shown))[0])
    assert digest["title"] == "Gaps of the last 7 days"
    (group,) = digest["fields"]
    assert group["name"] == "1. Twice: “what's the weather like in paris today”"
    assert "Also: What is the weather in Paris?" in group["value"]
    assert "refused 2 · 👎 2" in group["value"]
    assert f"Latest comment: “{COMMENT}”" in group["value"]
    assert "France" not in str(digest), "an answer nobody voted down is no gap"

    exported = await fake.invoke_subcommand("gaps", "export", moderator=True)
    await harness.callback(exported)
    (upload,) = (await harness.followups(exported))[0].files
    rows = list(csv.DictReader(io.StringIO(upload.data.decode("utf-8-sig"))))
    assert [(row["count"], row["example"], row["latest comment"]) for row in rows] == [
        ("2", "what's the weather like in paris today", COMMENT)
    ]

    await harness.bot.close()
    restarted = await start_bot(model_engine, log_settings=log_settings)
    late = await fake.click(message_id, buttons["👍"]["custom_id"], user_id=LATE_READER)
    assert (await ephemeral_reply(restarted, late)).startswith("Thanks: your 👍")
    log = await flushed(restarted)
    assert votes_on(log, answer_id) == [("down", None), ("down", COMMENT), ("up", None)]


async def test_paging_through_the_88_in_favour(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    fake = harness.fake
    asked = await fake.invoke("roster", {"position": "in_favour"}, user_id=ASKER)
    message_id = int((await answered(harness, asked))["id"])
    ids = {b["emoji"]["name"]: b["custom_id"] for b in fake.buttons(message_id)}
    assert list(ids) == ["◀", "▶", "👍", "👎"]
    first = fake.messages[message_id]["embeds"][0]
    assert first["footer"]["text"].endswith("page 1/2")
    assert by_emoji(fake, message_id)["◀"]["disabled"], "nothing before the first page"

    stranger = await fake.click(message_id, ids["▶"], user_id=READER)
    assert (
        await ephemeral_reply(harness, stranger)
        == "Only the person who asked can turn these pages."
    )

    turned = await fake.click(message_id, ids["▶"], user_id=ASKER)
    callback = await harness.callback(turned)
    assert callback.body["type"] == 7, "a page turn edits the answer in place"
    (second,) = embeds_of(callback)
    assert second["footer"]["text"].endswith("page 2/2")
    assert (
        by_emoji(fake, message_id)["▶"]["disabled"]
        and not by_emoji(fake, message_id)["◀"]["disabled"]
    )
    in_favour = {vote.country for vote in engine.roster(Position.IN_FAVOUR).votes}
    assert len(in_favour) == 88
    shown = first["description"] + " " + second["description"]
    assert all(country in shown for country in in_favour)

    back = await fake.click(message_id, ids["◀"], user_id=ASKER)
    (again,) = embeds_of(await harness.callback(back))
    assert again["description"] == first["description"]


async def test_page_buttons_are_disabled_when_they_time_out(
    start_bot: StartBot, engine: RecordingEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pager, "PAGES_SECONDS", 0.5)
    harness = await start_bot(engine)
    fake = harness.fake
    asked = await fake.invoke("roster", {"position": "in_favour"}, user_id=ASKER)
    message_id = int((await answered(harness, asked))["id"])
    next_id = by_emoji(fake, message_id)["▶"]["custom_id"]
    await harness.wait_for(lambda r: r.method == "PATCH" and "@original" in r.path, timeout=5)
    buttons = by_emoji(fake, message_id)
    assert buttons["◀"]["disabled"] and buttons["▶"]["disabled"]
    assert not buttons["👍"].get("disabled") and not buttons["👎"].get("disabled")

    late = await fake.click(message_id, next_id, user_id=ASKER)
    assert (await harness.callback(late)).body["type"] == 7
    (note,) = await harness.followups(late)
    assert note.body["content"].startswith("These pages are no longer kept")
    after = by_emoji(fake, message_id)
    assert list(after) == ["◀", "▶", "👍", "👎"] and not after["👍"].get("disabled")


async def test_a_private_answer_can_be_shared_in_the_channel(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    fake = harness.fake
    asked = await fake.invoke("ask", {"question": "Who abstained?", "private": True}, user_id=ASKER)
    deferral = await harness.callback(asked)
    assert deferral.body["data"]["flags"] & EPHEMERAL, "thinking… only for the asker"
    (private,) = await harness.followups(asked)
    assert private.body["flags"] & EPHEMERAL
    message_id = int(fake.original_of(asked)["id"])
    (share,) = [b for b in fake.buttons(message_id) if b.get("label") == "Share in channel"]

    shared = await fake.click(message_id, share["custom_id"], user_id=ASKER)
    callback = await harness.callback(shared)
    data = callback.body["data"]
    assert callback.body["type"] == 4 and not data.get("flags", 0) & EPHEMERAL
    assert data["content"] == f"<@{ASKER}> shared this answer:"
    assert data["allowed_mentions"]["parse"] == []
    assert embeds_of(callback)[0]["description"].startswith("**Abstaining** (34)")
    public_id = int(fake.original_of(shared)["id"])
    assert {b["emoji"]["name"] for b in fake.buttons(public_id) if "emoji" in b} >= {"👍", "👎"}

    again = await fake.click(message_id, share["custom_id"], user_id=ASKER)
    assert await ephemeral_reply(harness, again) == "This answer is already shared in the channel."


async def test_logging_off_sends_answers_without_vote_buttons(
    start_bot: StartBot, engine: RecordingEngine, tmp_path: Path
) -> None:
    harness = await start_bot(engine, log_settings=LogSettings(log_questions=False))
    asked = await harness.fake.invoke("vote", {"country": "France"})
    message = await answered(harness, asked)
    assert message["components"] == []
    assert not (tmp_path / "log").exists(), "nothing stored at all"


async def test_a_locked_or_damaged_log_never_costs_an_answer(
    start_bot: StartBot,
    engine: RecordingEngine,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writer, "RETRY_FIRST_SECONDS", 0.05)
    folder = tmp_path / "log"
    folder.mkdir()
    (folder / SQLITE_FILE).write_bytes(b"not a database at all " * 100)
    harness = await start_bot(engine)
    fake = harness.fake
    await flushed(harness)
    locker = sqlite3.connect(folder / SQLITE_FILE, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        asked = await fake.invoke("vote", {"country": "France"}, user_id=ASKER)
        message = await answered(harness, asked)
        assert "voted **against**" in message["embeds"][0]["description"]
        up = by_emoji(fake, int(message["id"]))["👍"]["custom_id"]
        clicked = await fake.click(int(message["id"]), up, user_id=READER)
        assert (await ephemeral_reply(harness, clicked)).startswith("Thanks")
        await harness.wait_for(lambda _: "database is locked" in caplog.text, timeout=20)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    log = await flushed(harness)
    assert votes_on(log, up.rsplit(":", 1)[1]) == [("up", None)]
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 2, warnings
    assert "was damaged (not a readable SQLite database); moved it to" in warnings[0]
    assert "cannot be written (database is locked); answers go on" in warnings[1]
