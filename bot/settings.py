"""Discord front-end settings, read from the environment and ``.env``.

The token uses Discord's conventional ``DISCORD_TOKEN`` name; everything else shares the
engine's ``RAPPORTEUR_`` prefix so one ``.env`` configures the whole bot.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.engine import MAX_QUESTION_CHARS
from index.settings import ENV_FILE, EngineSettings

SHOWN_INPUT = 40
"""Characters of a rejected value an error line repeats."""

SettingsT = TypeVar("SettingsT", bound=BaseSettings)


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


class SettingsError(Exception):
    """A setting that cannot be used, said in one line an operator can act on."""


def load_settings() -> tuple[EngineSettings, BotSettings]:
    """Both settings objects, or ``SettingsError`` naming every value to fix."""
    problems: list[str] = []
    engine = _read(EngineSettings, problems)
    bot = _read(BotSettings, problems)
    if engine is None or bot is None:
        raise SettingsError(
            f"invalid setting {'; '.join(problems)} (fix it in the environment or .env)"
        )
    return engine, bot


def _read(kind: type[SettingsT], problems: list[str]) -> SettingsT | None:
    try:
        return kind()
    except ValidationError as error:
        problems.extend(_problem(details) for details in error.errors())
        return None
    except UnicodeDecodeError as error:
        where = Path(ENV_FILE).resolve()
        line = error.object[: error.start].count(b"\n") + 1
        raise SettingsError(
            f"{where} is not UTF-8 text (byte {error.object[error.start]:#04x} on line {line}); "
            "save it as UTF-8"
        ) from None


def _problem(details: ErrorDetails) -> str:
    field = str(details["loc"][0]) if details["loc"] else "?"
    if field == "discord_token":
        return f"DISCORD_TOKEN: {details['msg']}"  # a secret: never repeated
    shown = str(details["input"])[:SHOWN_INPUT]
    return f"RAPPORTEUR_{field.upper()}={shown!r}: {details['msg']}"
