"""The retriever: owns the live index, answers open questions and rebuilds safely.

Readers never wait for a rebuild and never see half an index: a rebuild prepares a complete
new ``_LiveIndex`` beside the serving one, persists it, and only then replaces the single
reference that queries read.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import faiss
import numpy as np
import numpy.typing as npt

from index.answers import Answer
from index.records import Document
from index.search.answering import choose_sentences, passage_answer, refusal
from index.search.embedders import (
    Embedder,
    QueryEncoder,
    SentenceTransformerEmbedder,
    encode_for_index,
    numpy_query_encoder,
)
from index.search.fusion import FusionMethod, fuse
from index.search.glossary import default_glossary
from index.search.lexical import LexicalIndex, tokenize
from index.search.models import (
    Hit,
    IndexStatus,
    ParagraphChange,
    ParagraphRef,
    ReadyAction,
    ReindexReport,
)
from index.search.passages import (
    DEFAULT_VARIANT,
    IndexedParagraph,
    TextVariant,
    index_paragraphs,
    paragraph_body,
    split_sentences,
)
from index.search.store import (
    DocumentEntry,
    Manifest,
    ParagraphEntry,
    StoredIndexError,
    build_faiss_index,
    library_versions,
    load_index,
    read_manifest,
    save_index,
)
from index.settings import EngineSettings

logger = logging.getLogger(__name__)

REFUSAL_MIN_DENSE = 0.28
"""Cosine below which the best paragraph is not an answer (all-MiniLM-L6-v2, calibrated by
eval/evaluate.py on eval/questions.jsonl and eval/out_of_scope.jsonl)."""
MIN_TERM_COVERAGE = 0.4
"""Share of a question's content terms the corpus must contain: MiniLM finds "the 2024
cybercrime convention" close to this report, but most of its words are foreign to it."""
SCOPE_HITS = 3
"""Only the paragraphs an answer would cite decide whether it is in scope."""
MAX_QUERY_CHARS = 2_000
MAX_K = 50
EXHAUSTIVE_SEARCH_VECTORS = 4_096
"""Up to this many vectors every one is scored, so dense ranks cover every paragraph."""
SENTENCE_LEXICAL_WEIGHT = 0.2


@dataclass(frozen=True, slots=True)
class _LiveIndex:
    manifest: Manifest
    vectors: faiss.Index
    paragraphs: tuple[IndexedParagraph, ...]
    owners: npt.NDArray[np.int64]
    lexical: LexicalIndex
    documents: dict[str, Document]


class Retriever:
    """Hybrid (FAISS + BM25) paragraph retrieval with safe, serialised reindexing.

    Thread-safe: queries read one immutable snapshot; builds are serialised by a lock.
    """

    def __init__(
        self,
        settings: EngineSettings,
        *,
        embedder: Embedder | None = None,
        query_encoder: QueryEncoder | None = None,
        variant: TextVariant = DEFAULT_VARIANT,
        min_dense_score: float = REFUSAL_MIN_DENSE,
        fusion: FusionMethod = FusionMethod.WEIGHTED,
    ) -> None:
        self._settings = settings
        self._embedder = embedder or SentenceTransformerEmbedder(settings.embedding_model)
        self._query_encoder = query_encoder if query_encoder is not None else embedder
        if self._query_encoder is not None and (
            self._query_encoder.model_name != self._embedder.model_name
            or self._query_encoder.dimension != self._embedder.dimension
        ):
            raise ValueError(
                f"query encoder {self._query_encoder.model_name!r} does not match "
                f"embedder {self._embedder.model_name!r}"
            )
        self._variant = variant
        self._min_dense = min_dense_score
        self._fusion = fusion
        self._live: _LiveIndex | None = None
        self._build_lock = threading.Lock()
        self._encoder_lock = threading.Lock()

    # ------------------------------------------------------------------ index lifecycle

    def ensure_ready(self, documents: Sequence[Document]) -> ReindexReport:
        """Serve the index on disk if it matches ``documents`` and the model, else build one."""
        with self._build_lock:
            started = time.perf_counter()
            indexed = index_paragraphs(documents, self._variant)
            live = self._live
            if live is not None and self._mismatch(live.manifest, documents, indexed) is None:
                return self._report(live, ReadyAction.UNCHANGED, "index already current", started)
            try:
                manifest = read_manifest(self._settings.data_dir)
                problem = self._mismatch(manifest, documents, indexed)
                if problem is not None:
                    raise StoredIndexError(problem)
                vectors = load_index(self._settings.data_dir, manifest)
            except StoredIndexError as error:
                logger.info("building the search index: %s", error)
                return self._build(documents, indexed, f"rebuilt because {error}", started)
            self._live = _make_live(manifest, vectors, indexed, documents)
            return self._report(self._live, ReadyAction.LOADED, "loaded from disk", started)

    def rebuild(self, documents: Sequence[Document]) -> ReindexReport:
        """Build, validate and persist a fresh index, then swap it in; never raises for a
        failed build: the report says why and the previous index keeps serving."""
        with self._build_lock:
            started = time.perf_counter()
            try:
                indexed = index_paragraphs(documents, self._variant)
            except (AttributeError, TypeError) as error:
                return _failure(f"documents are not usable: {error}", started)
            return self._build(documents, indexed, "reindex requested", started)

    def status(self) -> IndexStatus:
        live = self._live
        if live is None:
            return IndexStatus(
                ready=False,
                model=self._embedder.model_name,
                dimension=self._embedder.dimension,
                documents=0,
                paragraphs=0,
                vectors=0,
                index_type=None,
                text_variant=self._variant.value,
                built_at=None,
            )
        manifest = live.manifest
        return IndexStatus(
            ready=True,
            model=manifest.model_name,
            dimension=manifest.dimension,
            documents=len(manifest.documents),
            paragraphs=len(manifest.paragraphs),
            vectors=len(manifest.vector_paragraphs),
            index_type=manifest.index_type,
            text_variant=manifest.text_variant,
            built_at=manifest.built_at,
        )

    def _mismatch(
        self, manifest: Manifest, documents: Sequence[Document], indexed: Sequence[IndexedParagraph]
    ) -> str | None:
        if manifest.model_name != self._embedder.model_name:
            return f"the model changed ({manifest.model_name} -> {self._embedder.model_name})"
        if manifest.dimension != self._embedder.dimension:
            return f"the dimension changed ({manifest.dimension} -> {self._embedder.dimension})"
        if manifest.text_variant != self._variant.value:
            return f"the embedded-text variant changed ({manifest.text_variant})"
        if manifest.documents != _document_entries(documents):
            return "the documents changed"
        if manifest.paragraphs != _paragraph_entries(indexed):
            return "the paragraphs changed"
        return None

    def _build(
        self,
        documents: Sequence[Document],
        indexed: Sequence[IndexedParagraph],
        reason: str,
        started: float,
    ) -> ReindexReport:
        previous = (
            self._live.manifest if self._live is not None else _stored_manifest(self._settings)
        )
        try:
            manifest, vectors = self._build_index(documents, indexed, started)
        except Exception as error:  # a failed build must never take the serving index down
            logger.exception("search index build failed")
            return _failure(f"index build failed: {type(error).__name__}: {error}", started)
        self._live = _make_live(manifest, vectors, indexed, documents)
        report = self._report(self._live, ReadyAction.BUILT, reason, started)
        return report.model_copy(update=_changes(previous, manifest))

    def _build_index(
        self, documents: Sequence[Document], indexed: Sequence[IndexedParagraph], started: float
    ) -> tuple[Manifest, faiss.Index]:
        if not indexed:
            raise ValueError("the documents hold no paragraphs")
        keys = [item.key for item in indexed]
        if len(set(keys)) != len(keys):
            raise ValueError("two paragraphs share a document and id")
        units = [unit for item in indexed for unit in item.units]
        owners = [position for position, item in enumerate(indexed) for _ in item.units]
        vectors = encode_for_index(self._embedder, units)
        if not np.all(np.isfinite(vectors)):
            raise ValueError("the embedder returned non-finite values")
        index, kind = build_faiss_index(vectors)
        if index.ntotal != len(units):
            raise ValueError(f"index holds {index.ntotal} vectors for {len(units)} texts")
        _, probe = index.search(vectors[:1], 1)
        if int(probe[0][0]) < 0:
            raise ValueError("a probe query returned no result")
        manifest = Manifest(
            model_name=self._embedder.model_name,
            dimension=self._embedder.dimension,
            text_variant=self._variant.value,
            index_type=kind,
            documents=_document_entries(documents),
            paragraphs=_paragraph_entries(indexed),
            vector_paragraphs=owners,
            faiss_sha256="",
            built_at=dt.datetime.now(dt.UTC),
            build_seconds=round(time.perf_counter() - started, 3),
            versions=library_versions(),
        )
        return save_index(self._settings.data_dir, index, manifest), index

    @staticmethod
    def _report(
        live: _LiveIndex, action: ReadyAction, reason: str, started: float
    ) -> ReindexReport:
        manifest = live.manifest
        return ReindexReport(
            ok=True,
            action=action,
            reason=reason,
            seconds=round(time.perf_counter() - started, 3),
            documents=len(manifest.documents),
            paragraphs=len(manifest.paragraphs),
            vectors=len(manifest.vector_paragraphs),
            index_type=manifest.index_type,
        )

    # ------------------------------------------------------------------ queries

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The ``k`` best paragraphs for ``query``; empty for blank input or no index."""
        live = self._live
        query = query.strip()[:MAX_QUERY_CHARS]
        if live is None or not query:
            return []
        return self._search(live, query, self._encode_query(query), max(1, min(k, MAX_K)))

    def answer(self, question: str) -> Answer:
        """A quoted, cited passage answering ``question``, or a refusal when nothing fits."""
        live = self._live
        text = question.strip()[:MAX_QUERY_CHARS]
        if live is None:
            return refusal(question, [], "The document index is not ready yet")
        documents = list(live.documents.values())
        if not text:
            return refusal(question, documents, "Please ask a question")
        query_vector = self._encode_query(text)
        hits = self._search(live, text, query_vector, MAX_K)
        if not hits or not self.in_scope(text, hits):
            return refusal(question, documents)
        body = paragraph_body(hits[0].paragraph)
        sentences = split_sentences(body) or [body]
        scores = self._sentence_scores(text, query_vector, sentences)
        return passage_answer(
            question, hits, choose_sentences(sentences, scores), live.documents, self._min_dense
        )

    def in_scope(self, query: str, hits: Sequence[Hit], min_dense: float | None = None) -> bool:
        """Whether the hits can answer ``query``.

        A symbol of the corpus named verbatim always counts; a year the corpus never mentions
        never does; otherwise the best paragraph must be close in meaning and the question
        mostly made of the corpus's words.
        """
        live = self._live
        if not hits or live is None:
            return False
        if live.lexical.symbol_matches(query):
            return True
        if live.lexical.unknown_years(query):
            return False
        threshold = self._min_dense if min_dense is None else min_dense
        return (
            max(hit.dense for hit in hits[:SCOPE_HITS]) >= threshold
            and live.lexical.coverage(query) >= MIN_TERM_COVERAGE
        )

    def _encode_query(self, text: str) -> npt.NDArray[np.float32]:
        with self._encoder_lock:
            if self._query_encoder is None:
                self._query_encoder = numpy_query_encoder(self._embedder.model_name)
            encoder = self._query_encoder
        return np.asarray(encoder.encode([text]), dtype=np.float32).reshape(1, -1)

    def _sentence_scores(
        self, query: str, query_vector: npt.NDArray[np.float32], sentences: Sequence[str]
    ) -> list[float]:
        if len(sentences) == 1:
            return [1.0]
        encoder = self._query_encoder
        assert encoder is not None  # set by _encode_query before any answer is composed
        dense = np.asarray(encoder.encode(list(sentences)), dtype=np.float32) @ query_vector[0]
        terms = set(tokenize(query))
        scores = []
        for sentence, cosine in zip(sentences, dense, strict=True):
            overlap = len(terms & set(tokenize(sentence))) / len(terms) if terms else 0.0
            scores.append(float(cosine) + SENTENCE_LEXICAL_WEIGHT * overlap)
        return scores

    def _search(
        self, live: _LiveIndex, query: str, query_vector: npt.NDArray[np.float32], k: int
    ) -> list[Hit]:
        total = live.vectors.ntotal
        depth = total if total <= EXHAUSTIVE_SEARCH_VECTORS else min(total, max(20 * k, 200))
        scores, ids = live.vectors.search(query_vector, depth)
        found = ids[0] >= 0
        dense = np.full(len(live.paragraphs), -np.inf, dtype=np.float32)
        np.maximum.at(dense, live.owners[ids[0][found]], scores[0][found])
        bm25 = live.lexical.scores(query)
        if depth < total:
            # Approximate search: give strong lexical candidates their exact cosine too.
            for owner in np.argsort(-bm25, kind="stable")[:depth]:
                if bm25[owner] > 0 and dense[owner] == -np.inf:
                    dense[owner] = _exact_dense(live, int(owner), query_vector)
        candidates = np.isfinite(dense)
        fused = fuse(self._fusion, np.where(candidates, dense, -1.0), bm25)
        fused[~candidates] = -np.inf
        order = [int(i) for i in np.argsort(-fused, kind="stable")[:k] if candidates[i]]
        return [
            Hit(
                paragraph=live.paragraphs[owner].paragraph,
                score=float(fused[owner]),
                dense=float(dense[owner]),
                bm25=float(bm25[owner]),
                rank=rank,
            )
            for rank, owner in enumerate(order, start=1)
        ]


def _exact_dense(live: _LiveIndex, owner: int, query_vector: npt.NDArray[np.float32]) -> float:
    """Cosine of a paragraph the approximate search did not return."""
    ids = np.flatnonzero(live.owners == owner)
    vectors = np.vstack([live.vectors.reconstruct(int(i)) for i in ids])
    return float((vectors @ query_vector[0]).max())


def _make_live(
    manifest: Manifest,
    vectors: faiss.Index,
    indexed: Sequence[IndexedParagraph],
    documents: Sequence[Document],
) -> _LiveIndex:
    return _LiveIndex(
        manifest=manifest,
        vectors=vectors,
        paragraphs=tuple(indexed),
        owners=np.asarray(manifest.vector_paragraphs, dtype=np.int64),
        lexical=LexicalIndex([item.lexical_text for item in indexed], default_glossary()),
        documents={document.id: document for document in documents},
    )


def _document_entries(documents: Sequence[Document]) -> list[DocumentEntry]:
    return [DocumentEntry(id=document.id, sha256=document.sha256) for document in documents]


def _paragraph_entries(indexed: Sequence[IndexedParagraph]) -> list[ParagraphEntry]:
    return [
        ParagraphEntry(document=item.paragraph.document, id=item.paragraph.id, sha256=item.sha256)
        for item in indexed
    ]


def _stored_manifest(settings: EngineSettings) -> Manifest | None:
    try:
        return read_manifest(settings.data_dir)
    except StoredIndexError:
        return None


def _changes(previous: Manifest | None, current: Manifest) -> dict[str, object]:
    """Documents and paragraphs added, removed or changed since ``previous``."""
    old_docs = {entry.id: entry.sha256 for entry in previous.documents} if previous else {}
    new_docs = {entry.id: entry.sha256 for entry in current.documents}
    old_paras = {(p.document, p.id): p.sha256 for p in previous.paragraphs} if previous else {}
    new_paras = {(p.document, p.id): p.sha256 for p in current.paragraphs}

    def refs(
        keys: Sequence[tuple[str, str]], hashes: dict[tuple[str, str], str]
    ) -> list[ParagraphRef]:
        return [ParagraphRef(document=d, id=i, sha256=hashes[(d, i)]) for d, i in keys]

    return {
        "documents_added": [d for d in new_docs if d not in old_docs],
        "documents_removed": [d for d in old_docs if d not in new_docs],
        "documents_changed": [d for d in new_docs if d in old_docs and old_docs[d] != new_docs[d]],
        "paragraphs_added": refs([key for key in new_paras if key not in old_paras], new_paras),
        "paragraphs_removed": refs([key for key in old_paras if key not in new_paras], old_paras),
        "paragraphs_changed": [
            ParagraphChange(document=d, id=i, old_sha256=old_paras[(d, i)], new_sha256=new)
            for (d, i), new in new_paras.items()
            if (d, i) in old_paras and old_paras[(d, i)] != new
        ],
    }


def _failure(reason: str, started: float) -> ReindexReport:
    return ReindexReport(
        ok=False,
        action=ReadyAction.FAILED,
        reason=reason,
        seconds=round(time.perf_counter() - started, 3),
    )
