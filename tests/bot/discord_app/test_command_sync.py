"""The command schema hash that decides whether a global sync is needed."""

from __future__ import annotations

from pathlib import Path

from bot.discord_app.command_sync import STATE_FILE, _read_state, schema_hash


def test_hash_ignores_key_order_but_not_content() -> None:
    one = [{"name": "ask", "description": "Ask", "options": []}]
    same = [{"options": [], "description": "Ask", "name": "ask"}]
    other = [{"name": "ask", "description": "Ask a question", "options": []}]
    assert schema_hash(one) == schema_hash(same) != schema_hash(other)


def test_corrupt_state_file_means_sync_again(tmp_path: Path) -> None:
    path = tmp_path / STATE_FILE
    path.write_text("{not json", encoding="utf-8")
    assert _read_state(path) == {}
    assert _read_state(tmp_path / "missing.json") == {}
