"""Running the Discord bot as a process: logging, signals, exit codes."""

from __future__ import annotations

import asyncio
import logging
import signal

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.discord_app.client import create_bot
from bot.settings import BotSettings
from index.engine import Engine
from index.parsing import ParseError
from index.settings import EngineSettings

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_CONFIG = 2


def point_at_endpoints(settings: BotSettings) -> None:
    """Test-only: aim discord.py at a local fake Discord when the overrides are set."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway)


def run_bot(engine_settings: EngineSettings, bot_settings: BotSettings) -> int:
    """Run until SIGINT/SIGTERM; returns the process exit code instead of raising."""
    discord.utils.setup_logging(level=logging.INFO)
    token = bot_settings.discord_token
    if token is None or not token.get_secret_value().strip():
        log.error("DISCORD_TOKEN is not set; add the bot token to the environment or .env")
        return EXIT_CONFIG
    point_at_endpoints(bot_settings)
    try:
        engine = Engine(engine_settings)
    except ParseError as error:
        log.error("Cannot read the seed documents: %s", error)
        return EXIT_CONFIG
    bot = create_bot(engine, bot_settings, state_dir=engine_settings.data_dir)
    return asyncio.run(serve(bot, token.get_secret_value().strip()))


async def serve(bot: commands.Bot, token: str) -> int:
    """Start ``bot`` and close it cleanly on SIGINT or SIGTERM."""
    loop = asyncio.get_running_loop()
    closing: set[asyncio.Task[None]] = set()

    def request_close(signum: signal.Signals) -> None:
        log.info("Received %s, shutting down", signum.name)
        task = loop.create_task(bot.close())
        closing.add(task)
        task.add_done_callback(closing.discard)

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, request_close, signum)
    try:
        async with bot:
            await bot.start(token)
    except discord.LoginFailure:
        log.error(
            "Discord rejected DISCORD_TOKEN; copy a fresh bot token from the Developer Portal"
        )
        return EXIT_FAILURE
    except discord.PrivilegedIntentsRequired:
        log.error("Enable the Message Content intent for the bot in the Developer Portal")
        return EXIT_FAILURE
    except (aiohttp.ClientError, OSError) as error:
        log.error("Could not reach Discord: %s", error)
        return EXIT_FAILURE
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        if closing:
            await asyncio.gather(*closing)
    return EXIT_OK
