"""Engine settings, read from the environment and ``.env`` (prefix ``RAPPORTEUR_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.parsing.seed_files import DEFAULT_MAX_SEED_BYTES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ".env"


class EngineSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RAPPORTEUR_",
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
    )

    seeds_dir: Path = PROJECT_ROOT / "seeds"
    data_dir: Path = PROJECT_ROOT / ".data"
    embedding_model: str = "sentence-transformers/all-MiniLM-L6-v2"
    max_seed_bytes: int = Field(default=DEFAULT_MAX_SEED_BYTES, ge=1)
