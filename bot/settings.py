"""Discord front-end settings, read from the environment and ``.env``.

The token uses Discord's conventional ``DISCORD_TOKEN`` name; everything else shares the
engine's ``RAPPORTEUR_`` prefix so one ``.env`` configures the whole bot.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.engine import MAX_QUESTION_CHARS


class BotSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RAPPORTEUR_", env_file=".env", extra="ignore", env_ignore_empty=True
    )

    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "RAPPORTEUR_DISCORD_TOKEN")
    )
    dev_guild_id: int | None = None
    moderator_role_id: int | None = None
    answer_channel_id: int | None = None
    shard_count: int | None = Field(default=None, ge=1)
    ask_cooldown_seconds: float = Field(default=3.0, ge=0)
    max_question_length: int = Field(default=300, ge=10, le=MAX_QUESTION_CHARS)
    engine_workers: int = Field(default=2, ge=1, le=32)
    discord_api_base: str | None = Field(
        default=None, description="Test-only: REST base URL of a local fake Discord."
    )
    discord_gateway: str | None = Field(
        default=None, description="Test-only: websocket URL of a local fake Discord."
    )
