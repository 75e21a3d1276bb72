"""The real bundled model, real FAISS, ONNX Runtime and the real seed report: one build."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest
from threadpoolctl import threadpool_info

from index.parsing.document import load_documents
from index.search.embedders import SentenceTransformerEmbedder
from index.search.meaning import group_by_meaning
from index.search.onnx_encoder import OnnxQueryEncoder
from index.search.retriever import Retriever
from index.settings import PROJECT_ROOT, EngineSettings

pytestmark = pytest.mark.model

MODEL = "sentence-transformers/all-MiniLM-L6-v2"
LONG_TEXT = " ".join(
    ["The ad hoc committee shall convene a three-day organizational session in New York."] * 20
)


@pytest.fixture(scope="module")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(MODEL)


@pytest.fixture(scope="module")
def retriever(
    embedder: SentenceTransformerEmbedder, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Retriever]:
    settings = EngineSettings(data_dir=tmp_path_factory.mktemp("index"))
    retriever = Retriever(settings, embedder=embedder)
    report = retriever.ensure_ready(load_documents(settings.seeds_dir))
    assert report.ok, report.reason
    yield retriever


@pytest.fixture(scope="module")
def onnx_encoder(retriever: Retriever) -> OnnxQueryEncoder:
    live = retriever._live
    assert live is not None
    assert isinstance(live.encoder, OnnxQueryEncoder)
    return live.encoder


class SpyEncoder:
    """Wraps the real query encoder: counts what it encodes and the BLAS threads it sees."""

    def __init__(self, inner: OnnxQueryEncoder) -> None:
        self.inner = inner
        self.model_name = inner.model_name
        self.dimension = inner.dimension
        self.texts: list[str] = []
        self.blas_threads: list[int] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts += texts
        self.blas_threads += [
            int(pool["num_threads"]) for pool in threadpool_info() if pool["user_api"] == "blas"
        ]
        return self.inner.encode(texts)


@pytest.fixture
def spied(retriever: Retriever, onnx_encoder: OnnxQueryEncoder) -> tuple[Retriever, SpyEncoder]:
    """A second retriever loading the same stored index, encoding questions through a spy."""
    spy = SpyEncoder(onnx_encoder)
    again = Retriever(retriever._settings, query_encoder=spy)
    assert again.ensure_ready(load_documents(retriever._settings.seeds_dir)).action == "loaded"
    return again, spy


def test_onnx_encoder_matches_sentence_transformers(
    embedder: SentenceTransformerEmbedder, onnx_encoder: OnnxQueryEncoder
) -> None:
    texts = [
        "When does the ad hoc committee meet?",
        "A/C.3/74/L.11/Rev.1",
        "Côte d'Ivoire abstained; 88 in favour, 58 against.",
        "x",
        LONG_TEXT,
    ]
    assert len(onnx_encoder._tokenizer.encode(LONG_TEXT).ids) > 128
    reference = embedder.encode(texts)
    batched = onnx_encoder.encode(texts)
    one_by_one = np.vstack([onnx_encoder.encode([text]) for text in texts])
    assert np.all(np.sum(reference * batched, axis=1) >= 0.9999)
    assert np.all(np.sum(reference * one_by_one, axis=1) >= 0.9999)
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)


def test_onnx_encoder_survives_a_lone_surrogate(onnx_encoder: OnnxQueryEncoder) -> None:
    assert onnx_encoder.encode(["bad \udcff byte"]).shape == (1, 384)


def test_a_passage_question_encodes_the_question_only(
    spied: tuple[Retriever, SpyEncoder],
) -> None:
    retriever, spy = spied
    question = "What day was the general discussion held?"
    answer = retriever.answer(question)
    assert answer.answered and answer.sources[0].label == "paragraph 2 of the report"
    assert spy.texts == [question]
    builder = retriever._embedder
    assert isinstance(builder, SentenceTransformerEmbedder) and builder._model is None


def test_a_request_to_quote_encodes_its_topic_only(spied: tuple[Retriever, SpyEncoder]) -> None:
    """'does the resolution say' and 'exact words' ask for a quotation: encoded, they pulled
    the question to the report paragraph recommending 'the following draft resolution'."""
    retriever, spy = spied
    spy.texts.clear()
    answer = retriever.answer(
        "does the resolution say when the general assembly comes back to this? exact words"
    )
    assert spy.texts == ["when the general assembly comes back to this"]
    assert answer.answered and answer.sources[0].label == "operative paragraph 6"


def test_a_place_named_in_the_structure_ranks_first(retriever: Retriever) -> None:
    """No word of 'the very first preambular para' is in preambular paragraph 1."""
    hits = retriever.search("how does the very first preambular para frame icts")
    assert hits[0].paragraph.label == "preambular paragraph 1"


def test_questions_run_with_one_blas_thread(
    spied: tuple[Retriever, SpyEncoder], onnx_encoder: OnnxQueryEncoder
) -> None:
    retriever, spy = spied
    retriever.answer("Who pays for delegates from developing countries?")
    assert spy.blas_threads and set(spy.blas_threads) == {1}
    assert onnx_encoder.threads == 1


@pytest.mark.parametrize(
    ("question", "paragraph", "quoted", "not_quoted"),
    [
        (
            "what day was the general discussion held?",
            "paragraph 2 of the report",
            "on 3 October 2019",
            "An account of the Committee",
        ),
        (
            "where can I read the discussion?",
            "paragraph 2 of the report",
            "relevant summary records",
            "3 October",
        ),
        ("When does the ad hoc committee meet?", "operative paragraph 3", "August 2020", None),
        ("Where will the ad hoc committee meet?", "operative paragraph 3", "New York", None),
        (
            "who introduced the statement at the 5th meeting?",
            "paragraph 4 of the report",
            "Director of the Division for Treaty Affairs",
            None,
        ),
        ("Which report was before the Committee?", "paragraph 3 of the report", "A/74/130", None),
        (
            "Which countries joined in sponsoring the draft resolution later?",
            "paragraph 7 of the report",
            "Subsequently, Antigua and Barbuda",
            "which was submitted by",
        ),
        (
            "Who submitted the revised draft resolution?",
            "paragraph 7 of the report",
            "which was submitted by the sponsors",
            "Subsequently",
        ),
        (
            "On what date was the revised draft before the Committee?",
            "paragraph 7 of the report",
            "on 18 November",
            "Subsequently",
        ),
        (
            "Did Iran make a statement after the vote?",
            "paragraph 12 of the report",
            "Islamic Republic of Iran also made a statement",
            "Costa Rica",
        ),
    ],
)
def test_passages_quote_the_sentence_that_answers(
    retriever: Retriever, question: str, paragraph: str, quoted: str, not_quoted: str | None
) -> None:
    answer = retriever.answer(question)
    assert answer.answered, answer.text
    assert answer.sources[0].label == paragraph
    quote = answer.text.split("\n\n> ", 1)[1].split("\n\nSee also", 1)[0]
    assert quoted in quote
    assert not_quoted is None or not_quoted not in quote


@pytest.mark.parametrize(
    ("question", "paragraph", "quoted"),
    [
        (
            "where are the summary records?",
            "paragraph 2 of the report",
            [
                "contained in the relevant summary records.",
                "Footnote 1: See A/C.3/74/SR.5, A/C.3/74/SR.6, A/C.3/74/SR.44 and A/C.3/74/SR.50.",
            ],
        ),
        (
            "what's the deal with benin in the footnote",
            "paragraph 10 of the report",
            ["Footnote 3: The delegation of Benin subsequently indicated"],
        ),
        ("what date is printed on the report itself", "the report's heading", ["25 November 2019"]),
        ("which city hosts the organisational session", "operative paragraph 3", ["New York"]),
        ("how many days will the first session last", "operative paragraph 3", ["three-day"]),
        (
            "the para about countries joining as sponsors later - quote",
            "paragraph 7 of the report",
            ["joined in sponsoring"],
        ),
    ],
)
def test_heading_and_footnotes_are_quoted_passages(
    retriever: Retriever, question: str, paragraph: str, quoted: list[str]
) -> None:
    answer = retriever.answer(question)
    assert answer.answered, answer.text
    assert answer.sources[0].label == paragraph
    assert all(part in answer.text for part in quoted)


@pytest.mark.parametrize(
    "question",
    [
        "how many experts per region will sit on the ad hoc committee",
        "how many member states made submissions for the SG report",
        "how does the resolution define cybercrime",
        "who ended up chairing the ad hoc committee",
        "did the ad hoc committee actually meet in August 2020?",
    ],
)
def test_a_passage_that_does_not_answer_is_shown_as_the_closest(
    retriever: Retriever, question: str
) -> None:
    answer = retriever.answer(question)
    assert not answer.answered
    assert answer.kind == "passage" and answer.sources
    assert "does not say" in answer.text and "may not answer" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does the resolution decide?", {"operative paragraph 2", "operative paragraph 6"}),
        ("When does the ad hoc committee meet?", {"operative paragraph 3"}),
        ("Who pays for delegates from developing countries?", {"operative paragraph 5"}),
        ("Which report did the Committee have before it?", {"paragraph 3 of the report"}),
        ("What is resolution 65/230 about?", {"preambular paragraph 8"}),
        (
            "the preambular para noting the commission's expert group work - what does it say",
            {"preambular paragraph 7"},
        ),
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


def test_stored_index_answers_without_torch(retriever: Retriever) -> None:
    """A fresh process loads the stored index and encoder and answers; torch stays out."""
    script = (
        "import sys\n"
        "from index.parsing.document import load_documents\n"
        "from index.search.retriever import Retriever\n"
        "from index.settings import EngineSettings\n"
        f"settings = EngineSettings(data_dir={str(retriever._settings.data_dir)!r})\n"
        "retriever = Retriever(settings)\n"
        "print(retriever.ensure_ready(load_documents(settings.seeds_dir)).action)\n"
        "print(retriever.search('2019/19', k=1)[0].paragraph.id)\n"
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert result.stdout.split("\n")[:3] == ["loaded", "preamble-15", "False False"]
    assert result.stderr == ""


def test_reworded_questions_group_and_different_ones_stay_apart(retriever: Retriever) -> None:
    texts = [
        "who chairs the ad hoc committee",
        "What is the weather in Paris?",
        "who is the chair of the ad hoc committee?",
        "when does the ad hoc committee meet",
        "what's the weather like in paris today",
        "what is the weather in London?",
        "why did Brazil abstain",
        "what was brazil's reason for abstaining",
        "why did Mexico abstain",
    ]
    groups = group_by_meaning(texts, retriever.encode(texts))
    named = sorted(sorted(texts[i] for i in group) for group in groups)
    assert named == [
        ["What is the weather in Paris?", "what's the weather like in paris today"],
        ["what is the weather in London?"],
        ["what was brazil's reason for abstaining", "why did Brazil abstain"],
        ["when does the ad hoc committee meet"],
        ["who chairs the ad hoc committee", "who is the chair of the ad hoc committee?"],
        ["why did Mexico abstain"],
    ]
