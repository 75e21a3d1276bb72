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
from bot.question_log.entries import FrontEnd
from bot.question_log.settings import LogSettings
from bot.question_log.writer import QuestionLog
from bot.settings import BotSettings
from index.engine import Engine
from index.parsing.errors import ParseError
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


def run_bot(
    engine_settings: EngineSettings, bot_settings: BotSettings, log_settings: LogSettings
) -> int:
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
    question_log = QuestionLog.open(log_settings, engine_settings.data_dir, FrontEnd.DISCORD)
    bot = create_bot(engine, bot_settings, question_log, state_dir=engine_settings.data_dir)
    timeout = bot_settings.login_timeout_seconds
    return asyncio.run(serve(bot, token.get_secret_value().strip(), login_timeout=timeout))


class StartupTimeout(Exception):
    """Discord did not let the bot in (log in, then connect) within the login timeout."""


class UnreadableAnswer(Exception):
    """Discord's answer during log-in was not the JSON its API sends."""


async def serve(bot: commands.Bot, token: str, *, login_timeout: float = 60.0) -> int:
    """Start ``bot`` and close it cleanly on SIGINT or SIGTERM.

    Start-up must finish within ``login_timeout`` seconds, so a Discord that never answers
    ends the process with one line instead of a silent wait; every start-up failure is one
    error line and a non-zero exit code, never a traceback.
    """
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
            await _start(bot, token, login_timeout)
    except discord.LoginFailure:
        log.error(
            "Discord rejected DISCORD_TOKEN; copy a fresh bot token from the Developer Portal"
        )
        return EXIT_FAILURE
    except discord.PrivilegedIntentsRequired:
        log.error("Enable the Message Content intent for the bot in the Developer Portal")
        return EXIT_FAILURE
    except UnreadableAnswer as error:
        log.error(
            "Discord's answer during start-up could not be read (%s); it did not look like "
            "Discord's API (a proxy or an outage?). Try again later",
            error,
        )
        return EXIT_FAILURE
    except StartupTimeout:
        log.error(
            "Discord did not answer within %g s (RAPPORTEUR_LOGIN_TIMEOUT_SECONDS); "
            "check the network and Discord's status, then start again",
            login_timeout,
        )
        return EXIT_FAILURE
    except discord.HTTPException as error:
        advice = (
            "Discord is having trouble: try again later"
            if error.status >= 500
            else "check the bot and its token in the Developer Portal"
        )
        log.error(
            "Discord answered HTTP %d %s during start-up; %s",
            error.status, error.response.reason or "", advice,
        )  # fmt: skip
        return EXIT_FAILURE
    except discord.ConnectionClosed as error:
        log.error(
            "Discord closed the gateway connection during start-up (code %s: %s); "
            "check the bot in the Developer Portal, then start again",
            error.code, error.reason or "no reason given",
        )  # fmt: skip
        return EXIT_FAILURE
    except discord.GatewayNotFound:
        log.error("Could not reach Discord: it did not say where its gateway is; try again later")
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


async def _start(bot: commands.Bot, token: str, timeout: float) -> None:
    """Log in and connect; returns when the connection ends (on close)."""
    deadline = loop_time() + timeout
    try:
        await asyncio.wait_for(bot.login(token), timeout)
    except TimeoutError:
        raise StartupTimeout from None
    except (TypeError, KeyError, ValueError) as error:
        # discord.py reads whatever came back as Discord's JSON: HTML from a proxy ends here.
        raise UnreadableAnswer(f"{type(error).__name__}: {error}") from None
    first_failure = _FirstConnectionFailure(bot)
    discord_log = logging.getLogger("discord.client")
    discord_log.addFilter(first_failure)
    connection = asyncio.create_task(bot.connect(), name="discord-connection")
    ready = asyncio.create_task(bot.wait_until_ready(), name="discord-ready")
    try:
        await asyncio.wait(
            {connection, ready},
            timeout=max(0.0, deadline - loop_time()),
            return_when=asyncio.FIRST_COMPLETED,
        )
    finally:
        ready.cancel()
        discord_log.removeFilter(first_failure)
    if not connection.done() and not bot.is_ready() and not bot.is_closed():
        connection.cancel()
        raise StartupTimeout
    try:
        await connection
    except AttributeError:
        # discord.py's reconnect loop assumes a first connection was made: when the very
        # first one fails it reads the missing socket's sequence number. Say the failure.
        if bot.ws is not None:
            raise
        raise first_failure.error or ConnectionRefusedError("the gateway refused") from None


class _FirstConnectionFailure(logging.Filter):
    """Keeps the error of the gateway connection that failed before any succeeded, instead of
    discord.py logging it with a traceback (the start-up then ends with one line)."""

    def __init__(self, bot: commands.Bot) -> None:
        super().__init__()
        self._bot = bot
        self.error: BaseException | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        reconnecting = str(record.msg).startswith("Attempting a reconnect")
        if reconnecting and self._bot.ws is None and record.exc_info and record.exc_info[1]:
            self.error = record.exc_info[1]
            return False
        return True


def loop_time() -> float:
    return asyncio.get_running_loop().time()
