"""The stale-interaction check names what no longer fits, and lets current shapes through."""

from __future__ import annotations

from typing import Any
from unittest import mock

import discord
from discord import app_commands

from bot.discord_app.stale import stale_reason


def tree() -> app_commands.CommandTree[Any]:
    client = discord.Client(intents=discord.Intents.none())
    commands: app_commands.CommandTree[Any] = app_commands.CommandTree(client)

    @commands.command(name="vote", description="How a country voted.")
    async def vote(interaction: discord.Interaction, country: str) -> None: ...

    @commands.command(name="roster", description="One position.")
    @app_commands.choices(position=[app_commands.Choice(name="against", value="against")])
    async def roster(
        interaction: discord.Interaction, position: app_commands.Choice[str]
    ) -> None: ...

    return commands


def interaction(data: dict[str, Any], kind: discord.InteractionType) -> Any:
    return mock.Mock(type=kind, data=data)


COMMAND = discord.InteractionType.application_command


def test_current_shapes_pass_and_stale_ones_are_named() -> None:
    commands = tree()

    def reason(name: str, *options: dict[str, Any]) -> str | None:
        data = {"name": name, "type": 1, "options": list(options)}
        return stale_reason(commands, interaction(data, COMMAND))

    assert reason("vote", {"name": "country", "type": 3, "value": "Kenya"}) is None
    assert reason("roster", {"name": "position", "type": 3, "value": "against"}) is None
    assert reason("gone") == "/gone no longer exists"
    assert reason("vote") == "/vote: the required option country is missing"
    assert reason("vote", {"name": "country", "type": 4, "value": 5}) == (
        "/vote: option country came as type 4, the command now takes type 3"
    )
    assert reason("vote", {"name": "country", "type": 3, "value": True}) == (
        "/vote: option country holds a bool"
    )
    assert reason("roster", {"name": "position", "type": 3, "value": "maybe"}) == (
        "/roster: option position no longer offers 'maybe'"
    )


def test_other_interaction_kinds_are_not_checked() -> None:
    component = interaction({"custom_id": "feedback:up"}, discord.InteractionType.component)
    assert stale_reason(tree(), component) is None
