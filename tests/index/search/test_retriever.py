from __future__ import annotations

import errno
import json
import logging
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from index.answers import AnswerKind
from index.records import Document
from index.search import store
from index.search.fusion import FusionMethod
from index.search.model_path import ModelNotAvailableError, resolve_model_path
from index.search.models import IndexType, ReadyAction
from index.search.passages import index_paragraphs
from index.search.retriever import Retriever
from index.settings import EngineSettings
from tests.index.search.conftest import FAKE_MIN_DENSE
from tests.index.search.helpers import FakeEmbedder, edited, make_document

OUT_OF_SCOPE = ["What is the weather in Paris?", "Who won the 2018 World Cup?", "qwpoe zxlkj vbnm"]


def fresh(settings: EngineSettings, embedder: FakeEmbedder | None = None) -> Retriever:
    return Retriever(settings, embedder=embedder or FakeEmbedder(), min_dense_score=FAKE_MIN_DENSE)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("A/74/130", {"report-3", "operative-1"}),
        ("What is in document A/74/130?", {"report-3", "operative-1"}),
        ("65/230", {"preamble-8"}),
        ("resolution 2019/19", {"preamble-15"}),
        ("22/8", {"preamble-6"}),
    ],
)
def test_symbols_are_found(retriever: Retriever, query: str, expected: set[str]) -> None:
    assert retriever.search(query, k=1)[0].paragraph.id in expected


def test_lexical_evidence_ranks_when_dense_cannot_tell(settings: EngineSettings) -> None:
    retriever = Retriever(settings, embedder=FakeEmbedder(dimension=1), min_dense_score=0.2)
    assert retriever.ensure_ready([make_document()]).ok
    hits = retriever.search("65/230", k=3)
    assert hits[0].paragraph.id == "preamble-8"
    assert hits[0].bm25 > 0
    assert all(hit.dense == pytest.approx(1.0) for hit in hits)


def test_hits_are_fused_and_ranked(retriever: Retriever) -> None:
    hits = retriever.search("Who pays travel costs of developing countries?", k=4)
    assert [hit.rank for hit in hits] == [1, 2, 3, 4]
    assert hits[0].paragraph.id == "operative-5"
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert hits[0].bm25 == max(hit.bm25 for hit in hits)


@pytest.mark.parametrize("fusion", list(FusionMethod))
def test_both_fusions_rank_symbols_first(settings: EngineSettings, fusion: FusionMethod) -> None:
    retriever = Retriever(settings, embedder=FakeEmbedder(), fusion=fusion)
    assert retriever.ensure_ready([make_document()]).ok
    assert retriever.search("resolution 2019/19", k=1)[0].paragraph.id == "preamble-15"


def test_passage_answer_quotes_and_cites(retriever: Retriever) -> None:
    answer = retriever.answer("Who pays for delegates from developing countries?")
    assert answer.kind is AnswerKind.PASSAGE
    assert answer.answered
    assert "**operative paragraph 5" in answer.text
    assert "> Invites donor countries" in answer.text
    assert answer.sources[0].label == "operative paragraph 5"
    assert answer.sources[0].document == "A/74/401"
    assert [s.score for s in answer.sources] == sorted(
        (s.score for s in answer.sources), reverse=True
    )


def test_answer_quotes_the_relevant_sentence(retriever: Retriever) -> None:
    answer = retriever.answer("Which countries joined in sponsoring the draft resolution?")
    assert answer.sources[0].label == "paragraph 7 of the report"
    assert "> Subsequently, Antigua and Barbuda" in answer.text
    assert "which was submitted by the sponsors" not in answer.text


@pytest.mark.parametrize("question", [*OUT_OF_SCOPE, "", "   "])
def test_out_of_scope_is_refused_helpfully(retriever: Retriever, question: str) -> None:
    answer = retriever.answer(question)
    assert answer.kind is AnswerKind.NO_ANSWER
    assert not answer.answered
    assert answer.sources == []
    assert "What does the resolution decide?" in answer.text


def test_a_quote_that_lacks_what_is_asked_is_the_closest_passage_not_an_answer(
    retriever: Retriever,
) -> None:
    question = "How many experts will sit on the ad hoc intergovernmental committee?"
    answer = retriever.answer(question)
    assert answer.kind is AnswerKind.PASSAGE and not answer.answered
    assert "does not say" in answer.text and "gives no number" in answer.text
    assert "may not answer" in answer.text
    assert answer.sources[0].label == "operative paragraph 2"
    answered = retriever.answer("When shall the ad hoc committee convene its session?")
    assert answered.answered and answered.text.startswith("According to **operative paragraph 3")


def test_a_weak_match_on_the_documents_words_is_the_closest_passage(
    settings: EngineSettings, document: Document
) -> None:
    strict = Retriever(settings, embedder=FakeEmbedder(), min_dense_score=0.95)
    assert strict.ensure_ready([document]).ok
    question = "Who pays for delegates from developing countries?"
    hits = strict.search(question, k=3)
    assert 0.2 <= hits[0].dense < 0.95
    answer = strict.answer(question)
    assert answer.kind is AnswerKind.PASSAGE and not answer.answered
    assert "may not answer the question" in answer.text
    assert "> Invites donor countries" in answer.text
    assert strict.answer(OUT_OF_SCOPE[0]).kind is AnswerKind.NO_ANSWER


def test_bad_search_input_returns_a_result(retriever: Retriever) -> None:
    assert retriever.search("   ") == []
    assert len(retriever.search("ad hoc committee", k=0)) == 1
    assert len(retriever.search("committee " * 5000, k=1000)) == 15


def test_not_ready_retriever_refuses(settings: EngineSettings) -> None:
    retriever = fresh(settings)
    assert retriever.search("ad hoc committee") == []
    assert not retriever.answer("What does the resolution decide?").answered
    assert not retriever.status().ready


def test_valid_index_is_loaded_without_encoding(
    retriever: Retriever, settings: EngineSettings, document: Document
) -> None:
    embedder = FakeEmbedder()
    again = fresh(settings, embedder)
    report = again.ensure_ready([document])
    assert report.action is ReadyAction.LOADED
    assert embedder.calls == 0
    assert again.search("65/230", k=1)[0].paragraph.id == "preamble-8"
    status = again.status()
    assert (status.ready, status.paragraphs, status.index_type) == (True, 15, IndexType.FLAT)


def test_other_model_rebuilds(
    retriever: Retriever, settings: EngineSettings, document: Document
) -> None:
    report = fresh(settings, FakeEmbedder(model_name="fake-other")).ensure_ready([document])
    assert report.action is ReadyAction.BUILT
    assert "model changed" in report.reason
    manifest = json.loads((settings.data_dir / store.MANIFEST_FILE).read_text())
    assert manifest["model_name"] == "fake-other"


def test_changed_document_rebuilds_and_reports_the_change(
    retriever: Retriever, settings: EngineSettings, document: Document
) -> None:
    changed = edited(document, "operative-3", "that the ad hoc committee shall meet in Vienna;")
    report = fresh(settings).ensure_ready([changed])
    assert report.action is ReadyAction.BUILT
    assert "documents changed" in report.reason
    assert report.documents_changed == ["A/74/401"]
    assert [c.id for c in report.paragraphs_changed] == ["operative-3"]
    assert report.paragraphs_added == [] and report.paragraphs_removed == []


def test_rebuild_reports_added_and_removed(retriever: Retriever, document: Document) -> None:
    smaller = make_document(document.paragraphs[1:])
    extra = make_document(document.paragraphs[:2], document_id="A/74/999")
    report = retriever.rebuild([smaller, extra])
    assert report.ok
    assert report.documents_added == ["A/74/999"]
    assert report.documents_changed == ["A/74/401"]
    assert [(r.document, r.id) for r in report.paragraphs_removed] == [("A/74/401", "report-3")]
    assert {(r.document, r.id) for r in report.paragraphs_added} == {
        ("A/74/999", "report-3"),
        ("A/74/999", "report-4"),
    }
    assert report.seconds >= 0 and report.paragraphs == 16


def _corrupt_faiss(path: Path) -> None:
    path.write_bytes(b"not a faiss index at all" * 10)


def _truncate_faiss(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _delete_faiss(path: Path) -> None:
    path.unlink()


def _garble_manifest(path: Path) -> None:
    (path.parent / store.MANIFEST_FILE).write_text("{not json")


def _wrong_vector_count(path: Path) -> None:
    manifest_path = path.parent / store.MANIFEST_FILE
    manifest = store.Manifest.model_validate_json(manifest_path.read_text())
    vectors = [*manifest.vector_paragraphs, 0]
    manifest_path.write_text(
        manifest.model_copy(update={"vector_paragraphs": vectors}).model_dump_json()
    )


@pytest.mark.parametrize(
    "damage",
    [_corrupt_faiss, _truncate_faiss, _delete_faiss, _garble_manifest, _wrong_vector_count],
)
def test_damaged_index_is_rebuilt(
    retriever: Retriever, settings: EngineSettings, document: Document, damage: object
) -> None:
    assert callable(damage)
    damage(settings.data_dir / store.FAISS_FILE)
    again = fresh(settings)
    report = again.ensure_ready([document])
    assert report.ok and report.action is ReadyAction.BUILT
    assert again.search("22/8", k=1)[0].paragraph.id == "preamble-6"
    assert fresh(settings).ensure_ready([document]).action is ReadyAction.LOADED


def test_failed_rebuild_keeps_the_old_index(
    retriever: Retriever, embedder: FakeEmbedder, settings: EngineSettings, document: Document
) -> None:
    embedder.fail_with = RuntimeError("out of memory")
    report = retriever.rebuild([edited(document, "operative-2", "something else entirely")])
    assert not report.ok and report.action is ReadyAction.FAILED
    assert "out of memory" in report.reason
    embedder.fail_with = None
    assert retriever.answer("Who pays for delegates from developing countries?").answered
    assert fresh(settings).ensure_ready([document]).action is ReadyAction.LOADED


def test_failed_write_serves_the_new_index_from_memory(
    retriever: Retriever,
    document: Document,
    settings: EngineSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("index.search.retriever.save_index", full_disk)
    changed = edited(document, "operative-2", "something else entirely")
    report = retriever.rebuild([changed])
    assert report.ok and not report.persisted
    assert report.warning is not None and "No space left" in report.warning
    assert retriever.search("something else entirely", k=1)[0].paragraph.id == "operative-2"
    monkeypatch.undo()
    assert fresh(settings).ensure_ready([document]).action is ReadyAction.LOADED


def test_empty_documents_fail_cleanly(retriever: Retriever) -> None:
    report = retriever.rebuild([])
    assert not report.ok and "no paragraphs" in report.reason
    assert retriever.status().paragraphs == 15


class SlowEmbedder(FakeEmbedder):
    """Records how many encodes overlap, to prove builds are serialised."""

    def __init__(self) -> None:
        super().__init__()
        self.active = 0
        self.max_active = 0
        self._guard = threading.Lock()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        with self._guard:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        time.sleep(0.005)
        try:
            return super().encode(texts)
        finally:
            with self._guard:
                self.active -= 1


def test_concurrent_rebuilds_are_serialised(settings: EngineSettings, document: Document) -> None:
    embedder = SlowEmbedder()
    retriever = Retriever(
        settings, embedder=embedder, query_encoder=FakeEmbedder(), min_dense_score=0.2
    )
    assert retriever.ensure_ready([document]).ok
    versions = [
        edited(document, "operative-3", f"the committee meets in city {i};") for i in range(6)
    ]
    reports: list[object] = []
    failures: list[BaseException] = []

    def rebuild(version: Document) -> None:
        reports.append(retriever.rebuild([version]))

    def query() -> None:
        try:
            for _ in range(30):
                assert retriever.search("65/230", k=1)[0].paragraph.id == "preamble-8"
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=rebuild, args=(v,)) for v in versions]
    threads += [threading.Thread(target=query) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert embedder.max_active == 1
    assert len(reports) == 6 and all(getattr(r, "ok", False) for r in reports)
    on_disk = [p.sha256 for p in store.read_manifest(settings.data_dir).paragraphs]
    matching = [v for v in versions if [p.sha256 for p in index_paragraphs([v])] == on_disk]
    assert len(matching) == 1
    assert fresh(settings).ensure_ready(matching).action is ReadyAction.LOADED


def test_hnsw_above_threshold_round_trips(
    settings: EngineSettings, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "FLAT_INDEX_MAX_VECTORS", 5)
    monkeypatch.setattr("index.search.retriever.EXHAUSTIVE_SEARCH_VECTORS", 4)
    retriever = fresh(settings)
    assert retriever.ensure_ready([document]).index_type is IndexType.HNSW
    again = fresh(settings)
    assert again.ensure_ready([document]).action is ReadyAction.LOADED
    assert again.status().index_type is IndexType.HNSW
    assert again.search("resolution 65/230", k=1)[0].paragraph.id == "preamble-8"
    exhaustive = fresh(settings)
    monkeypatch.setattr(store, "FLAT_INDEX_MAX_VECTORS", 50)
    exhaustive.ensure_ready([document])
    query = "technical assistance and capacity-building on cybercrime"
    approximate = {hit.paragraph.id: hit.dense for hit in again.search(query, k=3)}
    exact = {hit.paragraph.id: hit.dense for hit in exhaustive.search(query, k=15)}
    assert all(approximate[pid] == pytest.approx(exact[pid], abs=1e-5) for pid in approximate)


def test_model_names_resolve_offline_or_fail_clearly(settings: EngineSettings) -> None:
    bundled = resolve_model_path("sentence-transformers/all-MiniLM-L6-v2")
    assert resolve_model_path(str(bundled)) == bundled
    with pytest.raises(ModelNotAvailableError, match="not available offline"):
        resolve_model_path("intfloat/e5-large")
    with pytest.raises(ModelNotAvailableError):
        Retriever(settings.model_copy(update={"embedding_model": "intfloat/e5-large"}))


def test_mismatched_query_encoder_is_rejected(settings: EngineSettings) -> None:
    with pytest.raises(ValueError, match="does not match"):
        Retriever(settings, embedder=FakeEmbedder(), query_encoder=FakeEmbedder("other"))


def _manifest_is_a_folder(data_dir: Path, _: pytest.MonkeyPatch) -> None:
    (data_dir / store.MANIFEST_FILE).mkdir(parents=True)


def _faiss_file_is_a_folder(data_dir: Path, _: pytest.MonkeyPatch) -> None:
    (data_dir / store.FAISS_FILE).mkdir(parents=True)


def _data_folder_is_a_file(data_dir: Path, _: pytest.MonkeyPatch) -> None:
    data_dir.write_text("not a folder")


def _read_only_mount(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def _full_disk(_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "_write", refuse)


@pytest.mark.parametrize(
    ("break_folder", "why"),
    [
        (_manifest_is_a_folder, "Is a directory"),
        (_faiss_file_is_a_folder, "Is a directory"),
        (_data_folder_is_a_file, "it is a file"),
        (_read_only_mount, "Read-only file system"),
        (_full_disk, "No space left on device"),
    ],
)
def test_an_unwritable_data_folder_builds_in_memory_once_and_warns_once(
    settings: EngineSettings,
    document: Document,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    break_folder: Callable[[Path, pytest.MonkeyPatch], None],
    why: str,
) -> None:
    break_folder(settings.data_dir, monkeypatch)
    embedder = FakeEmbedder()
    retriever = Retriever(
        settings, embedder=embedder, query_encoder=FakeEmbedder(), min_dense_score=FAKE_MIN_DENSE
    )
    with caplog.at_level(logging.INFO):
        report = retriever.ensure_ready([document])
        builds = embedder.calls
        for _ in range(3):
            assert retriever.ensure_ready([document]).action is ReadyAction.UNCHANGED
            answer = retriever.answer("Who pays for delegates from developing countries?")
            assert answer.answered and answer.sources[0].label == "operative paragraph 5"
    assert report.ok and report.action is ReadyAction.BUILT and not report.persisted
    assert embedder.calls == builds
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in warnings] == [report.warning]
    assert report.warning is not None
    assert str(settings.data_dir) in report.warning and why in report.warning
    assert "Set RAPPORTEUR_DATA_DIR to a writable folder" in report.warning
    assert all(record.exc_info is None for record in caplog.records)
    assert not list(settings.data_dir.parent.rglob("*.tmp"))


def test_a_passage_question_encodes_only_the_question(
    settings: EngineSettings, document: Document
) -> None:
    builder, questions = FakeEmbedder(), FakeEmbedder()
    retriever = Retriever(settings, embedder=builder, query_encoder=questions)
    assert retriever.ensure_ready([document]).ok
    built = builder.calls
    answer = retriever.answer("Which countries joined in sponsoring the draft resolution?")
    assert answer.sources[0].label == "paragraph 7 of the report"
    assert (builder.calls, questions.calls) == (built, 1)


def test_a_question_wholly_in_the_documents_words_may_be_a_little_less_close(
    settings: EngineSettings, document: Document, retriever: Retriever
) -> None:
    covered = "Who pays travel costs for delegates from developing countries?"
    dense = retriever.search(covered, k=1)[0].dense
    near = Retriever(settings, embedder=FakeEmbedder(), min_dense_score=dense + 0.03)
    assert near.ensure_ready([document]).ok
    assert near.in_scope(covered, near.search(covered, k=3))
    far = Retriever(settings, embedder=FakeEmbedder(), min_dense_score=dense + 0.1)
    assert far.ensure_ready([document]).ok
    assert not far.in_scope(covered, far.search(covered, k=3))


def test_a_rare_name_the_best_paragraph_lacks_is_said(retriever: Retriever) -> None:
    question = "Who pays for delegates from developing countries?"
    lacking = retriever.answer(question, names=("Salvador",))
    assert not lacking.answered
    assert "does not mention Salvador" in lacking.text
    assert "> Invites donor countries" in lacking.text
    assert retriever.answer(question, names=("Committee",)).answered, "a common name is no topic"
    assert retriever.answer(question, names=("Budapest",)).answered, "unknown names: the reader's"
