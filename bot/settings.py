"""Discord front-end settings, read from the environment and ``.env``.

The token uses Discord's conventional ``DISCORD_TOKEN`` name; everything else shares the
engine's ``RAPPORTEUR_`` prefix so one ``.env`` configures the whole bot.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.question_log.settings import LogSettings, read_log_settings
from index.engine import MAX_QUESTION_CHARS
from index.environment import EnvFileError, dotenv_values
from index.settings import (
    ENV_FILE,
    EngineSettings,
    SettingsError,
    invalid,
    not_utf8,
    problem_line,
    read_engine_settings,
)

MAX_COOLDOWN_SECONDS = 3600.0
"""An hour between questions is already no service; ``inf`` or more is a typo."""
MAX_FOLLOW_UP_SECONDS = 86_400.0
MAX_LOGIN_TIMEOUT_SECONDS = 3600.0


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
    ask_cooldown_seconds: float = Field(default=3.0, ge=0, le=MAX_COOLDOWN_SECONDS)
    max_question_length: int = Field(default=300, ge=10, le=MAX_QUESTION_CHARS)
    follow_up_seconds: float = Field(default=300.0, ge=0, le=MAX_FOLLOW_UP_SECONDS)
    """How long a person's last question is remembered for a follow-up ("and Brazil?")."""
    engine_workers: int = Field(default=2, ge=1, le=32)
    login_timeout_seconds: float = Field(default=60.0, gt=0, le=MAX_LOGIN_TIMEOUT_SECONDS)
    discord_api_base: str | None = Field(
        default=None, description="Test-only: REST base URL of a local fake Discord."
    )
    discord_gateway: str | None = Field(
        default=None, description="Test-only: websocket URL of a local fake Discord."
    )

    @field_validator("discord_token")
    @classmethod
    def _well_formed(cls, token: SecretStr | None) -> SecretStr | None:
        """A token is one line of printable ASCII; a pasted line break or a stray character
        would otherwise reach Discord's headers and read as a network fault."""
        if token is None:
            return None
        value = token.get_secret_value().strip()
        if any(ch in "\r\n" for ch in value):
            raise ValueError("the token is malformed: it contains a line break")
        if not all("!" <= ch <= "~" for ch in value):
            raise ValueError("the token is malformed: it contains spaces or non-ASCII characters")
        return token

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        env_file = getattr(dotenv_settings, "env_file", None)
        return init_settings, env_settings, _GuardedDotEnv(settings_cls, env_file=env_file)


class _GuardedDotEnv(DotEnvSettingsSource):
    """``.env`` read the way the engine reads it (``index.environment``): a folder, a pipe, a
    link to a device or a byte-order mark costs one line or nothing, never a hang."""

    def _read_env_file(self, file_path: Path) -> Mapping[str, str | None]:
        values = dotenv_values(file_path)
        return {
            (name if self.case_sensitive else name.lower()): value
            for name, value in values.items()
            if value or not self.env_ignore_empty
        }


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
    except EnvFileError as error:
        raise SettingsError(str(error)) from None
    if engine is None or bot is None or logs is None:
        raise invalid(problems)
    return engine, bot, logs


SECRETS = frozenset({"discord_token"})
