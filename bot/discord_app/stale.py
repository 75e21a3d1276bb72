"""Interactions built from a command list older than the bot's.

Discord clients cache the registered commands; after a deploy that removes a command,
renames or retypes an option or drops a choice, a user can still send the old shape for a
while. Each interaction is checked against the bot's own command tree before it runs, so a
stale one gets "this command changed, try again" and one log line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord
from discord import app_commands

CHANGED = (
    "This command changed since Discord last showed it to you. Please try again: type / and "
    "pick the command anew (restarting Discord refreshes the list)."
)

SUBCOMMAND_TYPES = (
    discord.AppCommandOptionType.subcommand.value,
    discord.AppCommandOptionType.subcommand_group.value,
)
_PYTHON_TYPES: Mapping[int, tuple[type, ...]] = {
    discord.AppCommandOptionType.string.value: (str,),
    discord.AppCommandOptionType.integer.value: (int,),
    discord.AppCommandOptionType.number.value: (int, float),
    discord.AppCommandOptionType.boolean.value: (bool,),
}


def stale_reason(
    tree: app_commands.CommandTree[Any], interaction: discord.Interaction[Any]
) -> str | None:
    """Why ``interaction`` does not fit the bot's commands, or ``None`` if it does."""
    if interaction.type not in (
        discord.InteractionType.application_command,
        discord.InteractionType.autocomplete,
    ):
        return None
    data: Mapping[str, Any] = interaction.data or {}
    name = str(data.get("name", ""))
    if data.get("type", 1) != 1:
        return f"/{name} is not a slash command of this bot"
    guild_id = data.get("guild_id")
    found = (
        tree.get_command(name, guild=discord.Object(int(guild_id))) if guild_id else None
    ) or tree.get_command(name)
    options = data.get("options") or []
    while isinstance(found, app_commands.Group):  # "/gaps show": the subcommand is an option
        if not isinstance(options, list) or len(options) != 1:
            return f"/{name} came without one of its subcommands"
        chosen = options[0]
        if not isinstance(chosen, dict) or chosen.get("type") not in SUBCOMMAND_TYPES:
            return f"/{name} came without one of its subcommands"
        name = f"{name} {chosen.get('name', '')}"
        found = found.get_command(str(chosen.get("name", "")))
        options = chosen.get("options") or []
    if not isinstance(found, app_commands.Command):
        return f"/{name} no longer exists"
    command = found
    if not isinstance(options, list):
        return f"/{name} came with options in an unknown form"
    given: set[str] = set()
    for option in options:
        problem = _option_problem(command, option, interaction)
        if problem is not None:
            return f"/{name}: {problem}"
        given.add(str(option["name"]))
    if interaction.type is discord.InteractionType.application_command:
        missing = [p.display_name for p in command.parameters if p.required]
        missing = [option for option in missing if option not in given]
        if missing:
            return f"/{name}: the required option {missing[0]} is missing"
    return None


def _option_problem(
    command: app_commands.Command[Any, ..., Any],
    option: Any,
    interaction: discord.Interaction[Any],
) -> str | None:
    if not isinstance(option, dict) or "name" not in option:
        return "an option in an unknown form"
    name = str(option["name"])
    parameter = next((p for p in command.parameters if p.display_name == name), None)
    if parameter is None:
        return f"option {name} no longer exists"
    if option.get("type") != parameter.type.value:
        return (
            f"option {name} came as type {option.get('type')}, "
            f"the command now takes type {parameter.type.value}"
        )
    value = option.get("value")
    wanted = _PYTHON_TYPES.get(parameter.type.value)
    is_bool = isinstance(value, bool) and bool not in (wanted or ())
    if wanted is not None and (not isinstance(value, wanted) or is_bool):
        return f"option {name} holds a {type(value).__name__}"
    if interaction.type is discord.InteractionType.autocomplete:
        if option.get("focused") and not parameter.autocomplete:
            return f"option {name} no longer suggests values"
        return None
    if parameter.choices and value not in {choice.value for choice in parameter.choices}:
        return f"option {name} no longer offers {value!r}"
    return None
