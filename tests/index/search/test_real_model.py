"""The real bundled model, real FAISS and the real seed report: few tests, one model load."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from index.parsing import load_documents
from index.search.embedders import SentenceTransformerEmbedder, numpy_query_encoder
from index.search.minilm import NumpyMiniLMEncoder
from index.search.retriever import Retriever
from index.settings import EngineSettings

pytestmark = pytest.mark.model

MODEL = "sentence-transformers/all-MiniLM-L6-v2"
LONG_TEXT = " ".join(
    ["The ad hoc committee shall convene a three-day organizational session in New York."] * 20
)


@pytest.fixture(scope="module")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(MODEL)


@pytest.fixture(scope="module")
def query_encoder() -> NumpyMiniLMEncoder:
    return numpy_query_encoder(MODEL)


@pytest.fixture(scope="module")
def retriever(
    embedder: SentenceTransformerEmbedder,
    query_encoder: NumpyMiniLMEncoder,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Retriever]:
    settings = EngineSettings(data_dir=tmp_path_factory.mktemp("index"))
    retriever = Retriever(settings, embedder=embedder, query_encoder=query_encoder)
    report = retriever.ensure_ready(load_documents(settings.seeds_dir))
    assert report.ok, report.reason
    yield retriever


def test_numpy_encoder_matches_sentence_transformers(
    embedder: SentenceTransformerEmbedder, query_encoder: NumpyMiniLMEncoder
) -> None:
    texts = [
        "When does the ad hoc committee meet?",
        "A/C.3/74/L.11/Rev.1",
        "Côte d'Ivoire abstained; 88 in favour, 58 against.",
        "x",
        LONG_TEXT,
    ]
    assert len(query_encoder._tokenizer.encode(LONG_TEXT).ids) > 128
    reference = embedder.encode(texts)
    ours = query_encoder.encode(texts)
    one_by_one = np.vstack([query_encoder.encode([text]) for text in texts])
    assert np.all(np.sum(reference * ours, axis=1) >= 0.9999)
    assert np.all(np.sum(reference * one_by_one, axis=1) >= 0.9999)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does the resolution decide?", {"operative paragraph 2", "operative paragraph 6"}),
        ("When does the ad hoc committee meet?", {"operative paragraph 3"}),
        ("Who pays for delegates from developing countries?", {"operative paragraph 5"}),
        ("Which report did the Committee have before it?", {"paragraph 3 of the report"}),
        ("What is resolution 65/230 about?", {"preambular paragraph 8"}),
    ],
)
def test_real_questions_land_on_the_right_paragraph(
    retriever: Retriever, question: str, expected: set[str]
) -> None:
    answer = retriever.answer(question)
    assert answer.answered, answer.text
    assert answer.sources[0].label in expected
    assert f"**{answer.sources[0].label}" in answer.text


@pytest.mark.parametrize(
    "question",
    ["What is the weather in Paris?", "Who won the 2018 World Cup?", "asdkjh qwpoeiru zxmnbv"],
)
def test_real_out_of_scope_is_refused(retriever: Retriever, question: str) -> None:
    assert not retriever.answer(question).answered


def test_index_reloads_from_disk_without_the_model(retriever: Retriever) -> None:
    settings = retriever._settings
    again = Retriever(settings, query_encoder=numpy_query_encoder(MODEL))
    report = again.ensure_ready(load_documents(settings.seeds_dir))
    assert report.action == "loaded"
    assert again.search("2019/19", k=1)[0].paragraph.id == "preamble-15"
