"""Engines over the real seed document, with the fake embedder: structured answers never
touch the search index, and the few answers that consult it (the nearest passage to a subject
the document never names) need no real model to be checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings
from tests.index.search.helpers import FakeEmbedder

SEEDS = PROJECT_ROOT / "seeds"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
SEED_ID = "third-committee-report-ict-criminal-purposes-2019"
FIXTURE_ID = "third-committee-report-rural-water-2020"
JOURNALISTS_ID = "third-committee-report-safety-of-journalists-2021"


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    data = tmp_path_factory.mktemp("data")
    return Engine(EngineSettings(seeds_dir=SEEDS, data_dir=data), embedder=FakeEmbedder())


@pytest.fixture(scope="session")
def two_document_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The real report and the invented 2020 report side by side in one seeds folder."""
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / f"{SEED_ID}.md", seeds)
    shutil.copy(FIXTURES / f"{FIXTURE_ID}.md", seeds)
    return Engine(EngineSettings(seeds_dir=seeds, data_dir=tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="session")
def three_document_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The real report and both invented reports in one seeds folder."""
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / f"{SEED_ID}.md", seeds)
    for fixture in (FIXTURE_ID, JOURNALISTS_ID):
        shutil.copy(FIXTURES / f"{fixture}.md", seeds)
    return Engine(EngineSettings(seeds_dir=seeds, data_dir=tmp_path_factory.mktemp("data")))


def fixture_text() -> str:
    return Path(FIXTURES / f"{FIXTURE_ID}.md").read_text(encoding="utf-8")
