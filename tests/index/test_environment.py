"""Settings values read like pydantic-settings reads them, without its import cost."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from index.environment import EnvFileError, dotenv_values, environment
from index.settings import EngineSettings


def test_dotenv_lines(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "# a comment\n"
        "RAPPORTEUR_DATA_DIR=/tmp/x  # trailing note\n"
        "export RAPPORTEUR_SEEDS_DIR='/srv/seeds'\n"
        'DISCORD_TOKEN="a b #c"\n'
        "not a setting\n\n",
        encoding="utf-8",
    )
    assert dotenv_values(env) == {
        "RAPPORTEUR_DATA_DIR": "/tmp/x",
        "RAPPORTEUR_SEEDS_DIR": "/srv/seeds",
        "DISCORD_TOKEN": "a b #c",
    }
    assert dotenv_values(tmp_path / "absent") == {}


def test_the_environment_wins_and_empty_values_do_not_count(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("RAPPORTEUR_DATA_DIR=/from/file\nRAPPORTEUR_SEEDS_DIR=/seeds/file\n")
    environ = {"rapporteur_data_dir": "/from/env", "RAPPORTEUR_SEEDS_DIR": ""}
    assert environment("RAPPORTEUR_", ["data_dir", "seeds_dir", "other"], env, environ) == {
        "data_dir": "/from/env",
        "seeds_dir": "/seeds/file",
    }


def test_engine_settings_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RAPPORTEUR_MAX_SEED_BYTES", "1234")
    (tmp_path / ".env").write_text("RAPPORTEUR_DATA_DIR=/elsewhere\n")
    settings = EngineSettings.from_environment()
    assert (settings.max_seed_bytes, settings.data_dir) == (1234, Path("/elsewhere"))
    monkeypatch.setenv("RAPPORTEUR_MAX_SEED_BYTES", "-1")
    with pytest.raises(ValidationError):
        EngineSettings.from_environment()
    (tmp_path / ".env").write_bytes(b"RAPPORTEUR_DATA_DIR=caf\xe9\n")
    monkeypatch.delenv("RAPPORTEUR_MAX_SEED_BYTES")
    with pytest.raises(UnicodeDecodeError):
        EngineSettings.from_environment()


def test_a_byte_order_mark_does_not_hide_the_first_setting(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_bytes(b"\xef\xbb\xbfRAPPORTEUR_DATA_DIR=/from/file\n")
    assert dotenv_values(env) == {"RAPPORTEUR_DATA_DIR": "/from/file"}


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: p.mkdir(), "it is a folder"),
        (lambda p: os.mkfifo(p), "it is a named pipe (FIFO)"),
        (lambda p: p.symlink_to("/dev/zero"), "it is a character device"),
    ],
)
def test_an_env_that_is_not_a_file_is_one_line_not_a_hang(
    tmp_path: Path, make: object, why: str
) -> None:
    env = tmp_path / ".env"
    assert callable(make)
    make(env)
    with pytest.raises(EnvFileError, match=re.escape(f"{env} cannot be used as settings: {why}")):
        dotenv_values(env)
