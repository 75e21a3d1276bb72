"""The question log's settings: whether to keep it, for how long, and where.

Read like the engine's settings (``index.environment``, no pydantic-settings), because the
console writes the log too and its start must stay cheap.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator

from index.environment import EnvFileError, environment
from index.settings import (
    ENV_FILE,
    ENV_PREFIX,
    EngineSettings,
    SettingsError,
    invalid,
    not_utf8,
    problem_line,
    read_engine_settings,
)

SQLITE_FILE = "questions.sqlite3"
"""The log's file in the data folder when no database URL is set."""
POSTGRESQL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


class LogSettings(BaseModel):
    log_questions: bool = True
    """Off stores nothing at all (and Discord answers carry no feedback buttons)."""
    log_retention_days: int = Field(default=90, ge=1, le=36_500)
    database_url: SecretStr | None = None
    """A PostgreSQL URL (``postgresql://user:password@host/db``) shared by several bot
    processes; unset: SQLite in the data folder. A secret: it may hold a password."""

    @field_validator("database_url")
    @classmethod
    def _postgresql_only(cls, url: SecretStr | None) -> SecretStr | None:
        if url is not None and not url.get_secret_value().strip().startswith(POSTGRESQL_SCHEMES):
            raise ValueError("must be a PostgreSQL URL (postgresql://user:password@host/db)")
        return url

    @classmethod
    def from_environment(cls, env_file: Path | None = Path(ENV_FILE)) -> LogSettings:
        """As ``EngineSettings.from_environment``: raises ``ValidationError`` for a value
        that cannot be used, ``UnicodeDecodeError`` for an ``env_file`` that is not UTF-8."""
        return cls.model_validate(environment(ENV_PREFIX, cls.model_fields, env_file))

    def sqlite_path(self, data_dir: Path) -> Path | None:
        """The SQLite file, or ``None`` when the log is on a PostgreSQL server."""
        return data_dir / SQLITE_FILE if self.database_url is None else None

    def sqlalchemy_url(self, data_dir: Path) -> str:
        """The URL the store connects to: PostgreSQL through psycopg 3, or the SQLite file."""
        if self.database_url is None:
            return f"sqlite:///{data_dir / SQLITE_FILE}"
        url = self.database_url.get_secret_value().strip()
        scheme, _, rest = url.partition("://")
        return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else url


SECRETS = frozenset({"database_url"})


def read_log_settings(problems: list[str]) -> LogSettings | None:
    """The log settings, or ``None`` with one line per bad value added to ``problems``
    (a database URL's value is never shown: it may hold a password)."""
    try:
        return LogSettings.from_environment()
    except ValidationError as error:
        problems.extend(problem_line(details, SECRETS) for details in error.errors())
        return None
    except UnicodeDecodeError as error:
        raise not_utf8(error) from None
    except EnvFileError as error:
        raise SettingsError(str(error)) from None


def engine_and_log_settings() -> tuple[EngineSettings, LogSettings]:
    """Both, or ``SettingsError`` naming every value to fix (the front ends that log)."""
    problems: list[str] = []
    engine = read_engine_settings(problems)
    logs = read_log_settings(problems)
    if engine is None or logs is None:
        raise invalid(problems)
    return engine, logs
