"""Interactions from a client whose command list is older than the bot's: each gets "this
command changed, try again" and one warning line, never "Something went wrong" or a
traceback (issue 16, item 13)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.discord_app.stale import CHANGED
from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_interactions import EPHEMERAL, embeds_of

pytestmark = pytest.mark.e2e

COMMAND, AUTOCOMPLETE = 2, 4


def command(fake: FakeDiscord, name: str, *options: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(fake.command_id(name)), "name": name, "type": 1, "options": list(options)}


def text(name: str, value: Any, kind: int = 3, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "value": value, **extra}


STALE: list[tuple[str, int, str, list[dict[str, Any]]]] = [
    ("a removed command", COMMAND, "quiz", [text("question", "hi")]),
    ("a required option missing", COMMAND, "vote", []),
    ("a renamed option", COMMAND, "vote", [text("nation", "Kenya")]),
    ("an option of another type", COMMAND, "vote", [text("country", 5, kind=4)]),
    ("a value of another type", COMMAND, "ask", [text("question", 42)]),
    ("a dropped choice", COMMAND, "roster", [text("position", "maybe")]),
    ("a removed option", COMMAND, "tally", [text("document", "A/74/1")]),
    ("a subcommand that never was", COMMAND, "about", [{"name": "more", "type": 1}]),
    ("autocomplete of a removed command", AUTOCOMPLETE, "quiz", [text("q", "k", focused=True)]),
    ("autocomplete of an option that has none", AUTOCOMPLETE, "ask", [
        text("question", "ke", focused=True)
    ]),
]  # fmt: skip


async def test_stale_interactions_are_asked_to_try_again(
    start_bot: StartBot, engine: RecordingEngine, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await start_bot(engine)
    fake = harness.fake
    with caplog.at_level(logging.WARNING):
        for _, kind, name, options in STALE:
            invocation = await fake.send_interaction(kind, command(fake, name, *options))
            callback = await harness.callback(invocation)
            if kind == AUTOCOMPLETE:
                assert callback.body == {"type": 8, "data": {"choices": []}}
            else:
                assert callback.body["data"]["flags"] & EPHEMERAL
                assert embeds_of(callback)[0]["description"] == CHANGED
        fresh = await fake.invoke("vote", {"country": "Kenya"})
        assert "in favour" in embeds_of(await harness.callback(fresh))[0]["description"]
    stale = [r.getMessage() for r in caplog.records if "Stale interaction" in r.getMessage()]
    assert len(stale) == len(STALE), stale
    assert not [r for r in caplog.records if r.exc_info], "no traceback"
    assert engine.calls == [("vote", "Kenya")], "no stale interaction reached the engine"
