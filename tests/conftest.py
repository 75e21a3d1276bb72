"""Fixtures shared across the test tree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings
from tests.postgres import PostgresServer


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole session; each test takes a database of its own."""
    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    return postgres_server.new_database()


@pytest.fixture(scope="session")
def model_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the search index and query encoder the bundled model builds
    for the seed report: built once per session, copied by the tests that need it."""
    data = tmp_path_factory.mktemp("model-index")
    report = Engine(EngineSettings(seeds_dir=PROJECT_ROOT / "seeds", data_dir=data)).warm_up()
    assert report.ok, report.reason
    return data
