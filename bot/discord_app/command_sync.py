"""Registering slash commands with Discord only when their schema changed.

Global registration is rate-limited and slow to propagate, so the bot remembers a hash of
what it last registered (in the data directory) and skips the upload when nothing changed.
A development guild is synced on every start: it is instant and cheap.

The hash is only a saving: a data folder that cannot hold it (read-only, full, a file, or a
folder or pipe where the hash file should be) costs a sync at every start and one warning,
never the start itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from index.data_folder import (
    remove_orphans,
    warn_unwritable,
    why_file_unwritable,
    write_atomically,
    writer_prefix,
)
from index.regular_files import Unusable, read_regular

log = logging.getLogger(__name__)

STATE_FILE = "discord_commands.json"
STATE_MAX_BYTES = 1_000_000
"""One hash per application and guild: a few hundred bytes."""


def command_schema(tree: app_commands.CommandTree[Any]) -> list[dict[str, Any]]:
    """The exact payload a global sync would upload, in a stable order."""
    payload = [command.to_dict(tree) for command in tree.get_commands()]
    return sorted(payload, key=lambda command: str(command["name"]))


def schema_hash(schema: list[dict[str, Any]]) -> str:
    canonical = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _read_state(path: Path) -> dict[str, str]:
    """The stored hashes; anything unreadable (a pipe, a folder, bad JSON) counts as none."""
    try:
        data = json.loads(read_regular(path, STATE_MAX_BYTES))
    except (OSError, Unusable, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


async def sync_commands(
    tree: app_commands.CommandTree[Any],
    *,
    application_id: int,
    dev_guild_id: int | None,
    state_dir: Path | None,
) -> bool:
    """Sync to the dev guild, or globally when the schema changed; True if anything was sent."""
    if dev_guild_id is not None:
        guild = discord.Object(id=dev_guild_id)
        tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
        log.info("Synced %d commands to development guild %d", len(synced), dev_guild_id)
        return True
    digest = schema_hash(command_schema(tree))
    key = f"global:{application_id}"
    path = state_dir / STATE_FILE if state_dir is not None else None
    state = _read_state(path) if path is not None else {}
    if state.get(key) == digest:
        log.info("Command schema unchanged; skipping global sync")
        return False
    synced = await tree.sync()
    log.info("Synced %d global commands (may take a while to appear everywhere)", len(synced))
    if path is not None:
        state[key] = digest
        _store(path, state)
    return True


def _store(path: Path, state: dict[str, str]) -> None:
    """Remember the hashes; an unwritable data folder warns once and costs a sync per start."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_orphans(path.parent, f"{STATE_FILE}.*.tmp")
        write_atomically(
            path, json.dumps(state, indent=2).encode(), prefix=writer_prefix(STATE_FILE)
        )
    except OSError as error:
        warn_unwritable(path.parent, why_file_unwritable(path, error))
