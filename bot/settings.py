"""Discord front-end settings, read from the environment and ``.env``.

The token uses Discord's conventional ``DISCORD_TOKEN`` name; everything else shares the
engine's ``RAPPORTEUR_`` prefix so one ``.env`` configures the whole bot.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.question_log.settings import LogSettings, read_log_settings
from index.engine import MAX_QUESTION_CHARS
from index.settings import (
    ENV_FILE,
    EngineSettings,
    invalid,
    not_utf8,
    problem_line,
    read_engine_settings,
)


class BotSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RAPPORTEUR_",
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
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
    follow_up_seconds: float = Field(default=300.0, ge=0)
    """How long a person's last question is remembered for a follow-up ("and Brazil?")."""
    engine_workers: int = Field(default=2, ge=1, le=32)
    login_timeout_seconds: float = Field(default=60.0, gt=0)
    discord_api_base: str | None = Field(
        default=None, description="Test-only: REST base URL of a local fake Discord."
    )
    discord_gateway: str | None = Field(
        default=None, description="Test-only: websocket URL of a local fake Discord."
    )


def load_settings() -> tuple[EngineSettings, BotSettings, LogSettings]:
    """The three settings objects, or ``SettingsError`` naming every value to fix."""
    problems: list[str] = []
    engine = read_engine_settings(problems)
    logs = read_log_settings(problems)
    try:
        bot = BotSettings()
    except ValidationError as error:
        problems.extend(problem_line(d, SECRETS) for d in error.errors())
        bot = None
    except UnicodeDecodeError as error:
        raise not_utf8(error) from None
    if engine is None or bot is None or logs is None:
        raise invalid(problems)
    return engine, bot, logs


SECRETS = frozenset({"discord_token"})
