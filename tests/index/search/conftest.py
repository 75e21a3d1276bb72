from __future__ import annotations

from pathlib import Path

import pytest

from index.records import Document
from index.search.retriever import Retriever
from index.settings import EngineSettings
from tests.index.search.helpers import FakeEmbedder, make_document

FAKE_MIN_DENSE = 0.2
"""Bag-of-words cosines are lower than MiniLM's; out-of-scope questions score ~0 here."""


@pytest.fixture
def settings(tmp_path: Path) -> EngineSettings:
    return EngineSettings(data_dir=tmp_path / "data")


@pytest.fixture
def document() -> Document:
    return make_document()


@pytest.fixture
def embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def retriever(settings: EngineSettings, embedder: FakeEmbedder, document: Document) -> Retriever:
    retriever = Retriever(settings, embedder=embedder, min_dense_score=FAKE_MIN_DENSE)
    report = retriever.ensure_ready([document])
    assert report.ok, report.reason
    return retriever
