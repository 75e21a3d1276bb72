"""Bot settings come from the environment; the token stays secret."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import BotSettings


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
