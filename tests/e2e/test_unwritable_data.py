"""The bot starts and answers whatever its data folder is: read-only, full, a file, or with a
folder or a pipe where the stored command schema should be (issue 16, item 1).

The first three run the real bot process against the fake Discord. The read-only and the full
disk are real file systems: a tmpfs mounted read-only, or one of 64 KiB filled to the brim,
in a private mount namespace of the bot's process (``unshare``), so nothing outside it sees
them. Where the machine does not allow that namespace, those two cases are skipped and say so.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.discord_app.command_sync import STATE_FILE
from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_interactions import embeds_of
from tests.e2e.test_process import bot_process

pytestmark = pytest.mark.e2e

READ_ONLY = 'mount -t tmpfs -o ro,size=64k tmpfs "$MOUNT" && exec "$@"'
FULL = (
    'mount -t tmpfs -o size=64k tmpfs "$MOUNT" && '
    '{ head -c 1048576 /dev/zero > "$MOUNT/filler"; } 2>/dev/null; exec "$@"'
)


@functools.cache
def private_mounts_work() -> bool:
    """Whether this machine lets a process mount a tmpfs in its own mount namespace."""
    probe = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", 'mount -t tmpfs tmpfs "$1"', "sh", "/mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_private_mounts = pytest.mark.skipif(
    not private_mounts_work(), reason="unshare cannot mount a private tmpfs on this machine"
)


async def start_answer_and_stop(
    fake: FakeDiscord,
    tmp_path: Path,
    seeds_dir: Path,
    data_dir: Path,
    wrapper: list[str] | None = None,
    extra_env: dict[str, str] | None = None,
) -> list[str]:
    """Start the bot, ask it /vote Kenya, stop it with SIGINT; return its log lines."""
    env = {"RAPPORTEUR_DATA_DIR": str(data_dir), **(extra_env or {})}
    async with bot_process(fake, tmp_path, seeds_dir, "fake-token", env, wrapper or ()) as bot:
        await bot.wait_for_log(
            lambda line: "Synced " in line and " global commands" in line, timeout=120
        )
        while not fake.guild_created.is_set():
            assert bot.process.returncode is None, "\n".join(bot.stderr)
            await asyncio.sleep(0.05)
        invocation = await fake.invoke("vote", {"country": "Kenya"})
        (callback,) = await fake.wait_for(fake.callback_of(invocation), timeout=60)
        assert "in favour" in callback.body["data"]["embeds"][0]["description"]
        bot.process.send_signal(signal.SIGINT)
        code = await bot.finish(timeout=240)
    log = "\n".join(bot.stderr)
    assert code == 0, log
    assert "Traceback" not in log and "Could not reach Discord" not in log, log
    return bot.stderr


def one_warning(lines: list[str], folder: Path, why: str) -> None:
    warnings = [line for line in lines if "Cannot write to the data folder" in line]
    assert len(warnings) == 1, "\n".join(lines)
    assert f"{folder} ({why})" in warnings[0] and "RAPPORTEUR_DATA_DIR" in warnings[0]


def in_private_mount(script: str, mount: Path) -> tuple[list[str], dict[str, str]]:
    mount.mkdir()
    return ["unshare", "-Urm", "sh", "-c", script, "sh"], {"MOUNT": str(mount)}


async def test_a_data_folder_that_is_a_file(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    data = tmp_path / "data-is-a-file"
    data.write_text("not a folder", encoding="utf-8")
    lines = await start_answer_and_stop(fake_discord, tmp_path, seeds_dir, data)
    one_warning(lines, data, "it is a file, not a folder")


@needs_private_mounts
async def test_a_read_only_data_folder(
    fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path
) -> None:
    wrapper, env = in_private_mount(READ_ONLY, tmp_path / "mount")
    data = tmp_path / "mount" / "data"
    lines = await start_answer_and_stop(fake_discord, tmp_path, seeds_dir, data, wrapper, env)
    one_warning(lines, data, "Read-only file system")


@needs_private_mounts
async def test_a_full_disk(fake_discord: FakeDiscord, tmp_path: Path, seeds_dir: Path) -> None:
    wrapper, env = in_private_mount(FULL, tmp_path / "mount")
    data = tmp_path / "mount" / "data"
    lines = await start_answer_and_stop(fake_discord, tmp_path, seeds_dir, data, wrapper, env)
    one_warning(lines, data, "No space left on device")


@pytest.mark.parametrize(
    ("make", "why"),
    [(Path.mkdir, f"{STATE_FILE} is a folder"), (os.mkfifo, None)],
    ids=["folder", "fifo"],
)
async def test_a_stored_command_schema_that_is_a_folder_or_a_pipe(
    start_bot: StartBot,
    engine: RecordingEngine,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    make: Callable[[Path], None],
    why: str | None,
) -> None:
    state = tmp_path / "bot-state"  # where ``start_bot`` keeps the bot's state
    state.mkdir()
    make(state / STATE_FILE)
    with caplog.at_level(logging.WARNING):
        harness = await start_bot(engine)
        invocation = await harness.fake.invoke("vote", {"country": "Kenya"})
        (embed,) = embeds_of(await harness.callback(invocation))
    assert "in favour" in embed["description"]
    assert len(harness.fake.matching("PUT", "/commands")) == 1
    warnings = [r.getMessage() for r in caplog.records if "Cannot write" in r.getMessage()]
    if why is not None:
        (warning,) = warnings
        assert f"{state} ({why})" in warning
    else:  # a pipe is replaced by the hash, like any stale file
        assert warnings == []
        assert (state / STATE_FILE).is_file()
