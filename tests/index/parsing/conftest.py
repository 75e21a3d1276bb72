from __future__ import annotations

import pytest

from index.parsing.document import parse_document
from index.records import Document, Paragraph
from tests.index.parsing.reports import RURAL_WATER, SEED


@pytest.fixture(scope="session")
def seed() -> Document:
    return parse_document(SEED.read_text(encoding="utf-8"), document_id=SEED.stem, source=str(SEED))


@pytest.fixture(scope="session")
def rural() -> Document:
    return parse_document(
        RURAL_WATER.read_text(encoding="utf-8"), document_id=RURAL_WATER.stem, source="fixture"
    )


@pytest.fixture(scope="session")
def seed_paragraphs(seed: Document) -> dict[str, Paragraph]:
    return {paragraph.id: paragraph for paragraph in seed.paragraphs}
