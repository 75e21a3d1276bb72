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

    gaps = app_commands.Group(name="gaps", description="Moderators: what was not answered.")

    @gaps.command(name="show", description="As pages.")
    async def show(interaction: discord.Interaction, days: int = 30) -> None: ...

    commands.add_command(gaps)
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


def test_a_subcommand_is_checked_as_its_own_command() -> None:
    commands = tree()

    def reason(*options: dict[str, Any]) -> str | None:
        data = {"name": "gaps", "type": 1, "options": list(options)}
        return stale_reason(commands, interaction(data, COMMAND))

    days = {"name": "days", "type": 4, "value": 7}
    assert reason({"name": "show", "type": 1, "options": [days]}) is None
    assert reason({"name": "show", "type": 1}) is None
    assert reason({"name": "export", "type": 1}) == "/gaps export no longer exists"
    assert reason() == "/gaps came without one of its subcommands"
    assert reason({"name": "show", "type": 1, "options": [{**days, "value": "7"}]}) == (
        "/gaps show: option days holds a str"
    )


def test_other_interaction_kinds_are_not_checked() -> None:
    component = interaction({"custom_id": "feedback:up"}, discord.InteractionType.component)
    assert stale_reason(tree(), component) is None
