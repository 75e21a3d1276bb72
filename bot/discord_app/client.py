"""The bot client: intents, defaults, start-up work and the command error policy."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import delivery
from bot.discord_app.command_sync import sync_commands
from bot.discord_app.commands import UNEXPECTED_ERROR, RapporteurCog
from bot.discord_app.context import BotContext
from bot.discord_app.cooldown import PersonCooldown, TooSoon
from bot.discord_app.engine_port import AnswerEngine
from bot.discord_app.pager import Pager
from bot.discord_app.permissions import NotModerator
from bot.discord_app.questions import slow_down
from bot.discord_app.stale import CHANGED, stale_reason
from bot.discord_app.views import PageButton, ShareButton, VoteButton, expired_view
from bot.discord_app.workers import EngineWorkers
from bot.question_log.writer import QuestionLog
from bot.settings import BotSettings
from index.user_text import quote_user_text

log = logging.getLogger(__name__)


class RapporteurTree(app_commands.CommandTree["RapporteurBot"]):
    """Turns expected failures into friendly ephemeral notes; logs everything else."""

    async def interaction_check(self, interaction: discord.Interaction[RapporteurBot], /) -> bool:
        """Run only interactions that fit the commands as they are now (``stale``)."""
        problem = stale_reason(self, interaction)
        if problem is None:
            return True
        log.warning(
            "Stale interaction %d: %s; the user was asked to try again", interaction.id, problem
        )
        await _refuse_stale(interaction)
        return False

    async def on_error(
        self, interaction: discord.Interaction[RapporteurBot], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
            log.warning(
                "Stale interaction %d: %s; the user was asked to try again", interaction.id, error
            )
            await _refuse_stale(interaction)
            return
        message = _user_message(error)
        if message is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("Unhandled error in /%s", command, exc_info=error)
            message = UNEXPECTED_ERROR
        try:
            await delivery.send_notice(interaction, message)
        except discord.HTTPException:
            log.warning("Could not tell the user about an error in interaction %d", interaction.id)


async def _refuse_stale(interaction: discord.Interaction[RapporteurBot]) -> None:
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            await interaction.response.autocomplete([])
        else:
            await delivery.send_notice(interaction, CHANGED)
    except discord.HTTPException:
        log.warning("Could not tell the user about stale interaction %d", interaction.id)


def _user_message(error: app_commands.AppCommandError) -> str | None:
    if isinstance(error, TooSoon):
        return slow_down(error.seconds, error.retry_after)
    if isinstance(error, NotModerator):
        return "Sorry, only moderators (Manage Server) can use this command."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works inside a server."
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not understand “{quote_user_text(str(error.value))}” for that option."
    return None


class RapporteurBot(commands.Bot):
    """Holds the engine and settings the commands use; adds no prefix commands."""

    def __init__(
        self,
        engine: AnswerEngine,
        settings: BotSettings,
        question_log: QuestionLog,
        *,
        state_dir: Path | None = None,
        **options: Any,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = settings.answer_channel_id is not None
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            tree_cls=RapporteurTree,
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.context = BotContext(
            engine,
            settings,
            EngineWorkers(settings.engine_workers),
            state_dir,
            question_log,
            Pager(expired_view),
            PersonCooldown(settings.ask_cooldown_seconds),
        )
        self.warm_up_done = asyncio.Event()
        self._warm_up: asyncio.Task[None] | None = None

    async def setup_hook(self) -> None:
        # Buttons carry what they act on in their ids: clicks on answers sent before a
        # restart reach them too.
        self.add_dynamic_items(VoteButton, PageButton, ShareButton)
        await self.add_cog(RapporteurCog(self, self.context))
        assert self.application_id is not None, "login sets the application id"
        await sync_commands(
            self.tree,
            application_id=self.application_id,
            dev_guild_id=self.context.settings.dev_guild_id,
            state_dir=self.context.state_dir,
        )
        self._warm_up = asyncio.create_task(self._warm_up_engine(), name="engine-warm-up")

    async def on_message(self, message: discord.Message, /) -> None:
        """Chat is handled by the cog listener; there are no prefix commands to parse."""

    async def close(self) -> None:
        await super().close()
        self.context.pager.close()
        self.context.workers.shutdown()
        await asyncio.to_thread(self.context.question_log.close)

    async def _warm_up_engine(self) -> None:
        try:
            await self._load_engine()
        finally:
            self.warm_up_done.set()

    async def _load_engine(self) -> None:
        started = time.perf_counter()
        try:
            await self.context.refresh_captions()
            report = await asyncio.to_thread(self.context.engine.warm_up)
        except Exception:
            log.exception("Warming up the engine failed; it will retry on first use")
            return
        if not report.ok:
            log.warning("Search index not ready (%s); passage questions will retry", report.reason)
            return
        log.info("Engine ready in %.1f s (%s)", time.perf_counter() - started, report.action.value)


class ShardedRapporteurBot(RapporteurBot, commands.AutoShardedBot):
    """Same bot over several gateway shards, for large deployments."""


def create_bot(
    engine: AnswerEngine,
    settings: BotSettings,
    question_log: QuestionLog,
    *,
    state_dir: Path | None = None,
) -> commands.Bot:
    """Build the bot; ``state_dir`` remembers the last synced command schema; answers,
    votes and feedback go to ``question_log``."""
    # A text-only bot: discord.py's start-up warnings about missing voice libraries are noise.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    if settings.shard_count is not None:
        return ShardedRapporteurBot(
            engine, settings, question_log, state_dir=state_dir, shard_count=settings.shard_count
        )
    return RapporteurBot(engine, settings, question_log, state_dir=state_dir)
