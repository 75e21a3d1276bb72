"""The bot as its own OS process, through the real entry point ``python -m bot run``."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from index.settings import PROJECT_ROOT
from tests.e2e.fake_discord import REJECTED_TOKEN, FakeDiscord, Fault

pytestmark = pytest.mark.e2e


class BotProcess:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.stderr: list[str] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for line in self.process.stderr:
            self.stderr.append(line.decode(errors="replace").rstrip())

    async def wait_for_log(self, wanted: Callable[[str], bool], timeout: float) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not any(wanted(line) for line in self.stderr):
            if self.process.returncode is not None or asyncio.get_running_loop().time() > deadline:
                raise AssertionError("log line never appeared:\n" + "\n".join(self.stderr))
            await asyncio.sleep(0.1)

    async def finish(self, timeout: float) -> int:
        code = await asyncio.wait_for(self.process.wait(), timeout=timeout)
        await self._reader
        return code


@asynccontextmanager
async def bot_process(
    fake: FakeDiscord,
    tmp_path: Path,
    seeds_dir: Path,
    token: str,
    extra_env: dict[str, str] | None = None,
    wrapper: Sequence[str] = (),
) -> AsyncIterator[BotProcess]:
    """``python -m bot run`` against ``fake``; ``wrapper`` is a command that execs it (the
    bot's own arguments follow it), for running it inside a prepared environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("RAPPORTEUR_") and key != "DISCORD_TOKEN"
    }
    env |= {
        "DISCORD_TOKEN": token,
        "RAPPORTEUR_DISCORD_API_BASE": fake.api_base,
        "RAPPORTEUR_DISCORD_GATEWAY": fake.gateway_url,
        "RAPPORTEUR_DATA_DIR": str(tmp_path / "data"),
        "RAPPORTEUR_SEEDS_DIR": str(seeds_dir),
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    env |= extra_env or {}
    process = await asyncio.create_subprocess_exec(
        *wrapper, sys.executable, "-m", "bot", "run",
        cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    running = BotProcess(process)
    try:
        yield running
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.model
async def test_process_serves_and_stops_cleanly_on_sigint(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    async with bot_process(fake_discord, tmp_path, seeds_dir, "fake-token") as bot:
        await bot.wait_for_log(lambda line: "Engine ready" in line, timeout=240)
        invocation = await fake_discord.invoke("vote", {"country": "Kenya"})
        (callback,) = await fake_discord.wait_for(fake_discord.callback_of(invocation))
        assert "in favour" in callback.body["data"]["embeds"][0]["description"]
        bot.process.send_signal(signal.SIGINT)
        code = await bot.finish(timeout=60)
    assert code == 0, "\n".join(bot.stderr)
    assert not [line for line in bot.stderr if "Traceback" in line], "\n".join(bot.stderr)
    assert "fake-token" not in "\n".join(bot.stderr), "the token must never be logged"


async def test_rejected_token_exits_non_zero_with_one_line(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    async with bot_process(fake_discord, tmp_path, seeds_dir, REJECTED_TOKEN) as bot:
        code = await bot.finish(timeout=120)
    errors = [line for line in bot.stderr if "ERROR" in line]
    assert code == 1
    assert len(errors) == 1 and "rejected DISCORD_TOKEN" in errors[0], "\n".join(bot.stderr)
    assert not [line for line in bot.stderr if "Traceback" in line]


async def start_and_fail(
    fake: FakeDiscord, tmp_path: Path, seeds_dir: Path, extra_env: dict[str, str] | None = None
) -> str:
    """Run the bot against a broken fake; it must exit 1 with one error line, no traceback."""
    async with bot_process(fake, tmp_path, seeds_dir, "fake-token", extra_env) as bot:
        code = await bot.finish(timeout=120)
    log = "\n".join(bot.stderr)
    errors = [line for line in bot.stderr if "ERROR" in line]
    assert code == 1 and len(errors) == 1, log
    assert "Traceback" not in log and "fake-token" not in log
    return errors[0]


@pytest.mark.parametrize("status", [503, 403])
async def test_discord_answering_an_error_is_one_line(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path, status: int
) -> None:
    fake_discord.faults.append(
        Fault("GET", "/users/@me", status=status, body=b'{"message": "no", "code": 0}')
    )
    error = await start_and_fail(fake_discord, tmp_path, seeds_dir)
    assert f"Discord answered HTTP {status}" in error and "during start-up" in error


async def test_discord_answering_something_that_is_not_json_is_one_line(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    fake_discord.faults.append(
        Fault("GET", "/users/@me", body=b"<html>Bad gateway</html>", content_type="text/html")
    )
    error = await start_and_fail(fake_discord, tmp_path, seeds_dir)
    assert "Discord's answer during start-up could not be read" in error


async def test_a_discord_that_never_answers_times_out_the_login(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    fake_discord.faults.append(Fault("GET", "/users/@me", hang=True))
    timeout = {"RAPPORTEUR_LOGIN_TIMEOUT_SECONDS": "2"}
    error = await start_and_fail(fake_discord, tmp_path, seeds_dir, timeout)
    assert "Discord did not answer within 2 s (RAPPORTEUR_LOGIN_TIMEOUT_SECONDS)" in error


async def test_a_gateway_that_never_says_hello_times_out_the_start(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    fake_discord.silent_gateway = True
    timeout = {"RAPPORTEUR_LOGIN_TIMEOUT_SECONDS": "3"}
    error = await start_and_fail(fake_discord, tmp_path, seeds_dir, timeout)
    assert "Discord did not answer within 3 s" in error


async def test_a_gateway_that_refuses_the_connection_is_one_line(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    with socket.socket() as closed:  # a port nothing listens on once this block ends
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    refused = {"RAPPORTEUR_DISCORD_GATEWAY": f"ws://127.0.0.1:{port}/gateway"}
    error = await start_and_fail(fake_discord, tmp_path, seeds_dir, refused)
    assert "Could not reach Discord: Cannot connect to host 127.0.0.1" in error
