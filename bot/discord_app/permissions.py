"""The checks on commands: who may run moderator commands (enforced on our side as well as
by Discord's defaults), and each person's one window between questions.

``default_permissions`` only hides a command by default and server admins can override it,
so the bot re-checks every call itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.discord_app.context import context_of
from bot.discord_app.cooldown import TooSoon

T = TypeVar("T")


class NotModerator(app_commands.CheckFailure):
    """Raised when someone without moderator rights runs a moderator command."""


def member_is_moderator(interaction: discord.Interaction[Any]) -> bool:
    """Manage Server in this channel, or the configured moderator role."""
    if interaction.guild is None:
        return False
    if interaction.permissions.manage_guild:
        return True
    role_id = context_of(interaction).settings.moderator_role_id
    user = interaction.user
    return (
        role_id is not None
        and isinstance(user, discord.Member)
        and any(role.id == role_id for role in user.roles)
    )


def is_moderator() -> Callable[[T], T]:
    def predicate(interaction: discord.Interaction[Any]) -> bool:
        if not member_is_moderator(interaction):
            raise NotModerator("moderators only")
        return True

    return app_commands.check(predicate)


def one_window() -> Callable[[T], T]:
    """The check on every command that takes typed text: the bot's one ``PersonCooldown``
    decides, shared with chat."""

    def predicate(interaction: discord.Interaction[Any]) -> bool:
        cooldown = context_of(interaction).cooldown
        verdict = cooldown.ask(interaction.user.id)
        if verdict.retry_after is not None:
            raise TooSoon(cooldown.seconds, verdict.retry_after)
        return True

    return app_commands.check(predicate)
