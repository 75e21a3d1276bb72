"""What commands, views and checks need from the running bot, without importing the bot.

The client builds one ``BotContext`` and hangs it on itself; everything that handles an
interaction reaches it through ``context_of(interaction)``. So the client depends on the
commands, the commands on the views and checks, and nothing points back at the client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord

from bot.discord_app.cooldown import PersonCooldown
from bot.discord_app.engine_port import AnswerEngine
from bot.discord_app.pager import Pager
from bot.discord_app.status_view import caption
from bot.discord_app.workers import EngineWorkers
from bot.question_log.writer import QuestionLog
from bot.settings import BotSettings


@dataclass
class BotContext:
    engine: AnswerEngine
    settings: BotSettings
    workers: EngineWorkers
    state_dir: Path | None
    question_log: QuestionLog
    pager: Pager
    cooldown: PersonCooldown
    """One window between questions per person, for slash commands and chat alike."""
    captions: dict[str, str] = field(default_factory=dict)
    """Footer caption of every document, by id (refreshed after a reindex)."""

    async def refresh_captions(self) -> None:
        status = await self.workers.fixed(self.engine.about)
        captions = {doc.id: caption(doc.title, doc.vote) for doc in status.documents}
        captions.update({vote.id: caption(vote.title, vote.vote) for vote in status.votes})
        self.captions = captions


def context_of(interaction: discord.Interaction[Any]) -> BotContext:
    """The context of the bot that received ``interaction``."""
    context = getattr(interaction.client, "context", None)
    if not isinstance(context, BotContext):
        raise TypeError("the interaction did not come through a Rapporteur bot")
    return context
