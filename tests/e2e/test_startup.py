"""Start-up against the fake Discord: login, command registration, gateway identify."""

from __future__ import annotations

import pytest
from discord.ext import commands

from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import APPLICATION_ID, GUILD_ID, MANAGE_GUILD

pytestmark = pytest.mark.e2e


async def test_start_up_syncs_the_command_schema(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    fake = harness.fake
    order = [(r.method, r.path) for r in fake.requests[:3]]
    assert order[:2] == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]
    assert order[2][0] == "PUT" and order[2][1].endswith("/commands")
    registered = {c["name"]: c for c in fake.commands["global"]}
    assert set(registered) == {
        "ask", "search", "vote", "tally", "roster", "sponsors", "statements",
        "paragraph", "about", "reindex", "map", "gaps",
    }  # fmt: skip
    assert all(c["description"] for c in registered.values())
    assert int(registered["reindex"]["default_member_permissions"]) == MANAGE_GUILD
    assert int(registered["gaps"]["default_member_permissions"]) == MANAGE_GUILD
    assert [sub["name"] for sub in registered["gaps"]["options"]] == ["show", "export"]
    ask_options = [(o["name"], o["required"]) for o in registered["ask"]["options"]]
    assert ask_options == [("question", True), ("private", False)]
    assert registered["ask"]["default_member_permissions"] is None
    vote_option = registered["vote"]["options"][0]
    assert (vote_option["name"], vote_option["required"], vote_option["autocomplete"]) == (
        "country",
        True,
        True,
    )
    roster_choices = [c["name"] for c in registered["roster"]["options"][0]["choices"]]
    assert roster_choices == ["in favour", "against", "abstaining", "did not vote"]
    assert registered["sponsors"]["options"][0]["required"] is False
    identify = fake.identifies[0]
    assert identify["token"] == "fake-token"
    assert identify["intents"] & (1 << 15), "message content intent for the answer channel"


async def test_unchanged_schema_is_not_synced_again(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    first = await start_bot(engine)
    await first.bot.close()
    second = await start_bot(engine)
    puts = second.fake.matching("PUT", "/commands")
    assert len(puts) == 1, "the second start must reuse the stored schema hash"


async def test_dev_guild_gets_commands_instantly(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, dev_guild_id=GUILD_ID)
    (put,) = harness.fake.matching("PUT", "/commands")
    assert put.path == f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
    assert "ask" in {c["name"] for c in harness.fake.commands[f"guild:{GUILD_ID}"]}


async def test_shard_count_uses_the_auto_sharded_bot(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    # One shard keeps the test fast: discord.py waits 5 s before identifying each extra shard.
    harness = await start_bot(engine, shard_count=1)
    assert isinstance(harness.bot, commands.AutoShardedBot)
    assert [identify["shard"] for identify in harness.fake.identifies] == [[0, 1]]
    invocation = await harness.fake.invoke("vote", {"country": "Kenya"})
    assert (await harness.callback(invocation)).body["type"] == 4
