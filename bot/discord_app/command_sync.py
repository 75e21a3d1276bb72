"""Registering slash commands with Discord only when their schema changed.

Global registration is rate-limited and slow to propagate, so the bot remembers a hash of
what it last registered (in the data directory) and skips the upload when nothing changed.
A development guild is synced on every start: it is instant and cheap.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger(__name__)

STATE_FILE = "discord_commands.json"


def command_schema(tree: app_commands.CommandTree[Any]) -> list[dict[str, Any]]:
    """The exact payload a global sync would upload, in a stable order."""
    payload = [command.to_dict(tree) for command in tree.get_commands()]
    return sorted(payload, key=lambda command: str(command["name"]))


def schema_hash(schema: list[dict[str, Any]]) -> str:
    canonical = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _read_state(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state, indent=2), encoding="utf-8")
    return True
