"""Bot settings come from the environment; the token stays secret."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import BotSettings, load_settings
from index.settings import SettingsError


def test_reads_the_documented_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "secret-value")
    monkeypatch.setenv("RAPPORTEUR_DEV_GUILD_ID", "123")
    monkeypatch.setenv("RAPPORTEUR_SHARD_COUNT", "2")
    monkeypatch.setenv("RAPPORTEUR_ASK_COOLDOWN_SECONDS", "1.5")
    settings = BotSettings(_env_file=None)
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "secret-value"
    assert "secret-value" not in repr(settings)
    assert (settings.dev_guild_id, settings.shard_count, settings.ask_cooldown_seconds) == (
        123,
        2,
        1.5,
    )
    assert settings.discord_api_base is None and settings.discord_gateway is None


def test_rejects_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORTEUR_SHARD_COUNT", "0")
    with pytest.raises(ValidationError):
        BotSettings(_env_file=None)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("RAPPORTEUR_ASK_COOLDOWN_SECONDS", "inf"),
        ("RAPPORTEUR_ASK_COOLDOWN_SECONDS", "nan"),
        ("RAPPORTEUR_ASK_COOLDOWN_SECONDS", "1e9"),
        ("RAPPORTEUR_FOLLOW_UP_SECONDS", "inf"),
        ("RAPPORTEUR_LOGIN_TIMEOUT_SECONDS", "inf"),
    ],
)
def test_durations_are_bounded(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError):
        BotSettings(_env_file=None)


@pytest.mark.parametrize(
    ("token", "why"),
    [("abc\ndef", "a line break"), ("abc\rdef", "a line break"), ("abc déf", "non-ASCII")],
)
def test_a_malformed_token_is_named_never_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, token: str, why: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", token)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    line = str(raised.value)
    assert line.startswith("invalid setting DISCORD_TOKEN: ") and why in line
    assert "abc" not in line


def test_the_env_file_is_read_with_guards_and_without_its_byte_order_mark(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    (tmp_path / ".env").write_bytes(b"\xef\xbb\xbfDISCORD_TOKEN=from-the-file\n")
    _, settings, _ = load_settings()
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "from-the-file"
    (tmp_path / ".env").unlink()
    os.mkfifo(tmp_path / ".env")
    with pytest.raises(SettingsError, match="named pipe"):
        load_settings()
