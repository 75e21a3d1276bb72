"""Engine settings, read from the environment and ``.env`` (prefix ``RAPPORTEUR_``).

A plain pydantic model read by ``index.environment``: every front end needs these four
values, and a cold ``rapporteur vote`` must not pay for pydantic-settings to get them.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from index.environment import EnvFileError, environment
from index.parsing.seed_files import DEFAULT_MAX_SEED_BYTES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ".env"
ENV_PREFIX = "RAPPORTEUR_"
SHOWN_INPUT = 40
"""Characters of a rejected value an error line repeats."""


class SettingsError(Exception):
    """A setting that cannot be used, said in one line an operator can act on."""


class EngineSettings(BaseModel):
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    data_dir: Path = PROJECT_ROOT / ".data"
    embedding_model: str = "sentence-transformers/all-MiniLM-L6-v2"
    max_seed_bytes: int = Field(default=DEFAULT_MAX_SEED_BYTES, ge=1)

    @classmethod
    def from_environment(cls, env_file: Path | None = Path(ENV_FILE)) -> EngineSettings:
        """The settings as the environment and ``env_file`` give them (defaults otherwise);
        raises ``ValidationError`` for a value that cannot be used, ``UnicodeDecodeError`` for
        an ``env_file`` that is not UTF-8, ``EnvFileError`` for one that is not a file."""
        return cls.model_validate(environment(ENV_PREFIX, cls.model_fields, env_file))


def problem_line(details: ErrorDetails, secrets: frozenset[str] = frozenset()) -> str:
    """One rejected value as "RAPPORTEUR_NAME='value': why" (a secret's value never shown)."""
    field = str(details["loc"][0]) if details["loc"] else "?"
    if field.casefold() in secrets:  # by its alias (DISCORD_TOKEN) too
        return f"{field.upper()}: {details['msg']}"
    shown = str(details["input"])[:SHOWN_INPUT]
    return f"{ENV_PREFIX}{field.upper()}={shown!r}: {details['msg']}"


def read_engine_settings(problems: list[str]) -> EngineSettings | None:
    """The engine settings, or ``None`` with one line per bad value added to ``problems``."""
    try:
        return EngineSettings.from_environment()
    except ValidationError as error:
        problems.extend(problem_line(details) for details in error.errors())
        return None
    except UnicodeDecodeError as error:
        raise not_utf8(error) from None
    except EnvFileError as error:
        raise SettingsError(str(error)) from None


def not_utf8(error: UnicodeDecodeError) -> SettingsError:
    where = Path(ENV_FILE).resolve()
    line = error.object[: error.start].count(b"\n") + 1
    return SettingsError(
        f"{where} is not UTF-8 text (byte {error.object[error.start]:#04x} on line {line}); "
        "save it as UTF-8"
    )


def engine_settings() -> EngineSettings:
    """The engine settings, or ``SettingsError`` naming every value to fix."""
    problems: list[str] = []
    settings = read_engine_settings(problems)
    if settings is None:
        raise invalid(problems)
    return settings


def invalid(problems: list[str]) -> SettingsError:
    return SettingsError(
        f"invalid setting {'; '.join(problems)} (fix it in the environment or .env)"
    )
