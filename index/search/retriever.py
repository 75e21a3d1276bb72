"""The retriever: owns the live index, answers open questions and rebuilds safely.

Readers never wait for a rebuild and never see half an index: a rebuild prepares a complete
new ``_LiveIndex`` beside the serving one, persists it, and only then replaces the single
reference that queries read.

No document text is encoded at question time: every paragraph and sentence vector is made
when the index is built and stored with it. A question costs one query encoding (ONNX
Runtime, one thread), one FAISS search, BM25 from precomputed postings and a little
arithmetic to pick the sentence to quote.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from index.answers import Answer
from index.countries import all_member_names
from index.data_folder import warn_unwritable, why_unwritable
from index.language.lexicon import asking_words, lexicon
from index.language.requests import topic_of
from index.records import Document
from index.search import answer_types
from index.search.answering import passage_answer, refusal
from index.search.embedders import (
    Embedder,
    ExportsQueryEncoder,
    QueryEncoder,
    SentenceTransformerEmbedder,
    encode_for_index,
)
from index.search.fusion import FusionMethod, fuse
from index.search.lexical import LexicalIndex
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
)
from index.search.quoting import Question, Quote, SentenceIndex
from index.search.store import (
    TEMP_SUFFIX,
    DocumentEntry,
    EncoderEntry,
    Manifest,
    ParagraphEntry,
    StoredIndexError,
    build_faiss_index,
    library_versions,
    load_index,
    open_encoder,
    read_manifest,
    remove_orphans,
    save_index,
    sha256_bytes,
    stored_encoder_is,
    text_key,
)
from index.search.structure import Structure
from index.settings import EngineSettings

logger = logging.getLogger(__name__)


def bound_blas_threads() -> None:
    """One BLAS thread for every BLAS library loaded so far.

    Questions do tiny vector math, many at once on a shared host, where a BLAS thread pool
    only spins against other work (issue 8: 20x slower when busy). Index builds keep every
    core through torch's own thread pool, which this does not touch.
    """
    threadpool_limits(limits=1, user_api="blas")


bound_blas_threads()

REFUSAL_MIN_DENSE = 0.28
"""Cosine below which the best paragraph is not an answer (all-MiniLM-L6-v2, calibrated by
eval/evaluate.py on eval/questions.jsonl and eval/out_of_scope.jsonl)."""
MIN_TERM_COVERAGE = 0.4
"""Share of a question's content terms the corpus must contain: MiniLM finds "the 2024
cybercrime convention" close to this report, but most of its words are foreign to it."""
HIGH_COVERAGE = 0.75
HIGH_COVERAGE_SLACK = 0.06
WEAK_MIN_DENSE = 0.2
"""A question mostly in the document's words whose best cosine reaches this is about the
document, even if below ``REFUSAL_MIN_DENSE``: it gets its closest passage, not a refusal."""
CLOSE_DENSE = 0.42
WEAK_MIN_COVERAGE = 0.2
"""A question this close in meaning (cosine) is about the document though most of its words
are the reader's own ("the global south", "chip in"), as long as some are the document's."""
SCOPE_HITS = 3
"""Only the paragraphs an answer would cite decide whether it is in scope."""
MAX_QUERY_CHARS = 2_000
MAX_K = 50
EXHAUSTIVE_SEARCH_VECTORS = 4_096
ENCODE_BATCH = 32
"""Up to this many vectors every one is scored, so dense ranks cover every paragraph."""


@dataclass(frozen=True, slots=True)
class _LiveIndex:
    manifest: Manifest
    vectors: faiss.Index
    paragraphs: tuple[IndexedParagraph, ...]
    owners: npt.NDArray[np.int64]
    lexical: LexicalIndex
    sentences: SentenceIndex
    documents: dict[str, Document]
    encoder: QueryEncoder
    persisted: bool
    stated: dict[answer_types.AnswerType, npt.NDArray[np.float32]]
    """How many dates and places each paragraph states (``answer_types``)."""
    structure: Structure


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
        if query_encoder is None and not isinstance(self._embedder, ExportsQueryEncoder):
            query_encoder = self._embedder
        self._query_encoder = query_encoder
        """None: the builder exports the query encoder, stored with the index."""
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

    # ------------------------------------------------------------------ index lifecycle

    def ensure_ready(self, documents: Sequence[Document]) -> ReindexReport:
        """Serve the index on disk if it matches ``documents`` and the model, else build one."""
        with self._build_lock:
            started = time.perf_counter()
            live = self._live
            encoder_load = self._start_encoder_load() if live is None else None
            indexed = index_paragraphs(documents, self._variant)
            if live is not None and self._mismatch(live.manifest, documents, indexed) is None:
                return self._report(live, ReadyAction.UNCHANGED, "index already current", started)
            data_dir = self._settings.data_dir
            remove_orphans(data_dir)
            try:
                manifest = read_manifest(data_dir)
                problem = self._mismatch(manifest, documents, indexed)
                if problem is not None:
                    raise StoredIndexError(problem)
                vectors = load_index(data_dir, manifest)
                encoder = self._query_encoder or self._stored_encoder(manifest, encoder_load)
            except StoredIndexError as error:
                logger.info("building the search index: %s", error)
                return self._build(documents, indexed, f"rebuilt because {error}", started)
            self._live = _make_live(manifest, vectors, indexed, documents, encoder, persisted=True)
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
        if manifest.vector_paragraphs != _vector_owners(indexed):
            return "the vector map does not match the paragraphs' sentences"
        if self._query_encoder is None and manifest.query_encoder is None:
            return "no query encoder is stored with the index"
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
        data_dir = self._settings.data_dir
        try:
            manifest, vectors, exported, encoded = self._build_index(
                documents, indexed, started, previous
            )
        except Exception as error:  # a failed build must never take the serving index down
            return _failure(f"index build failed: {type(error).__name__}: {error}", started)
        finally:
            bound_blas_threads()  # the build may have loaded more (scipy's, with torch)
        warning = None
        try:
            manifest = save_index(data_dir, vectors, manifest, exported)
        except OSError as error:
            warning = warn_unwritable(
                data_dir, why_unwritable(data_dir, error, temporary_suffix=TEMP_SUFFIX)
            )
        try:
            if self._query_encoder is not None:
                encoder = self._query_encoder
            elif exported is not None and warning is not None:
                encoder = self._load_encoder(exported)
            else:
                with open_encoder(data_dir, manifest) as model:
                    encoder = self._load_encoder(model)
        except StoredIndexError as error:
            return _failure(f"index build failed: {error}", started)
        self._live = _make_live(
            manifest, vectors, indexed, documents, encoder, persisted=warning is None
        )
        report = self._report(self._live, ReadyAction.BUILT, reason, started)
        return report.model_copy(
            update={**_changes(previous, manifest), "warning": warning, "texts_encoded": encoded}
        )

    def _start_encoder_load(self) -> Future[tuple[EncoderEntry | None, QueryEncoder]] | None:
        """Check and load the stored query encoder on a worker thread, so that on a cold
        start it overlaps with loading the rest of the index (~0.3 s each): hashing the file
        and most of ONNX Runtime's set-up release the GIL."""
        if self._query_encoder is not None:
            return None
        data_dir = self._settings.data_dir

        def load() -> tuple[EncoderEntry | None, QueryEncoder]:
            manifest = read_manifest(data_dir)
            with open_encoder(data_dir, manifest) as model:
                return manifest.query_encoder, self._load_encoder(model)

        worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encoder-load")
        try:
            return worker.submit(load)
        finally:
            worker.shutdown(wait=False)

    def _stored_encoder(
        self, manifest: Manifest, loading: Future[tuple[EncoderEntry | None, QueryEncoder]] | None
    ) -> QueryEncoder:
        """The encoder stored with ``manifest``: the one loaded beside the index when it was
        checked against the same manifest entry (a concurrent reindex may have replaced it)."""
        if loading is not None:
            entry, encoder = loading.result()
            if entry == manifest.query_encoder:
                return encoder
        with open_encoder(self._settings.data_dir, manifest) as model:
            return self._load_encoder(model)

    def _load_encoder(self, model: bytes | Path) -> QueryEncoder:
        if not isinstance(self._embedder, ExportsQueryEncoder):
            raise StoredIndexError("this index has no query encoder")
        try:
            return self._embedder.load_query_encoder(model)
        except Exception as error:  # ONNX Runtime raises its own types for a bad graph
            raise StoredIndexError(f"the stored query encoder cannot be loaded: {error}") from error

    def _export_encoder(
        self, previous: Manifest | None
    ) -> tuple[bytes | None, EncoderEntry | None]:
        """The query encoder for a new index: the stored one when it was exported from the
        same weights by the same exporter (exporting takes seconds), else a fresh export."""
        embedder = self._embedder
        if self._query_encoder is not None or not isinstance(embedder, ExportsQueryEncoder):
            return None, None
        source = embedder.query_encoder_source()
        stored = previous.query_encoder if previous is not None else None
        if (
            stored is not None
            and stored.source == source
            and stored_encoder_is(self._settings.data_dir, stored)
        ):
            return None, stored
        model = embedder.export_query_encoder()
        return model, EncoderEntry(source=source, sha256=sha256_bytes(model), size=len(model))

    def _build_index(
        self,
        documents: Sequence[Document],
        indexed: Sequence[IndexedParagraph],
        started: float,
        previous: Manifest | None,
    ) -> tuple[Manifest, faiss.Index, bytes | None, int]:
        """The new index, its manifest, the query encoder when freshly exported, and how
        many texts had to be encoded."""
        if not indexed:
            raise ValueError("the documents hold no paragraphs")
        keys = [item.key for item in indexed]
        if len(set(keys)) != len(keys):
            raise ValueError("two paragraphs share a document and id")
        units = [unit for item in indexed for unit in item.units]
        owners = _vector_owners(indexed)
        text_keys = [text_key(unit) for unit in units]
        vectors, encoded = self._vectors(units, text_keys, previous)
        if not np.all(np.isfinite(vectors)):
            raise ValueError("the embedder returned non-finite values")
        index, kind = build_faiss_index(vectors)
        if index.ntotal != len(units):
            raise ValueError(f"index holds {index.ntotal} vectors for {len(units)} texts")
        _, probe = index.search(vectors[:1], 1)
        if int(probe[0][0]) < 0:
            raise ValueError("a probe query returned no result")
        exported, encoder_entry = self._export_encoder(previous)
        manifest = Manifest(
            model_name=self._embedder.model_name,
            dimension=self._embedder.dimension,
            text_variant=self._variant.value,
            index_type=kind,
            documents=_document_entries(documents),
            paragraphs=_paragraph_entries(indexed),
            vector_paragraphs=owners,
            vector_texts=text_keys,
            faiss_sha256="",
            query_encoder=encoder_entry,
            built_at=dt.datetime.now(dt.UTC),
            build_seconds=round(time.perf_counter() - started, 3),
            versions=library_versions(),
        )
        return manifest, index, exported, encoded

    def _vectors(
        self, units: Sequence[str], keys: Sequence[str], previous: Manifest | None
    ) -> tuple[npt.NDArray[np.float32], int]:
        """A vector for every unit: the previous index's where the text is unchanged, else
        encoded, each distinct new text once. Adding one report encodes only its text, and a
        rebuild that adds no text never loads the embedding model."""
        known = self._known_vectors(previous)
        vectors = np.zeros((len(units), self._embedder.dimension), dtype=np.float32)
        fresh: dict[str, list[int]] = {}
        for position, key in enumerate(keys):
            row = known.get(key)
            if row is None:
                fresh.setdefault(key, []).append(position)
            else:
                vectors[position] = row
        if fresh:
            encoded = encode_for_index(self._embedder, [units[rows[0]] for rows in fresh.values()])
            for rows, vector in zip(fresh.values(), encoded, strict=True):
                vectors[rows] = vector
        return vectors, len(fresh)

    def _known_vectors(self, previous: Manifest | None) -> dict[str, npt.NDArray[np.float32]]:
        """The previous index's vectors by text key, when made by the same model: from the
        index that serves, or from the one on disk (checked against its manifest)."""
        if (
            previous is None
            or previous.model_name != self._embedder.model_name
            or previous.dimension != self._embedder.dimension
        ):
            return {}
        live = self._live
        if live is not None and live.manifest is previous:
            stored = live.vectors
        else:
            try:
                stored = load_index(self._settings.data_dir, previous)
            except StoredIndexError:
                return {}
        rows = np.asarray(stored.reconstruct_n(0, stored.ntotal), dtype=np.float32)
        return dict(zip(previous.vector_texts, rows, strict=True))

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
            persisted=live.persisted,
        )

    # ------------------------------------------------------------------ queries

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The ``k`` best paragraphs for ``query``; empty for blank input or no index."""
        live = self._live
        query = query.strip()[:MAX_QUERY_CHARS]
        if live is None or not query:
            return []
        return self._search(live, query, _encode(live, topic_of(query)), max(1, min(k, MAX_K)))

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """The question encoder's L2-normalised vectors of ``texts``, one row each."""
        live = self._live
        if live is None:
            raise RuntimeError("the search index is not loaded")
        rows = [
            np.asarray(live.encoder.encode(list(texts[start : start + ENCODE_BATCH])))
            for start in range(0, len(texts), ENCODE_BATCH)
        ]
        if not rows:
            return np.zeros((0, live.manifest.dimension), dtype=np.float32)
        return np.concatenate(rows).astype(np.float32)

    def answer(self, question: str, names: Sequence[str] = ()) -> Answer:
        """A quoted, cited passage answering ``question``, or a refusal when nothing fits.

        ``names`` are the names the asker wrote as names (capitalised): a passage that does
        not name the rare ones among them is about something else."""
        live = self._live
        text = question.strip()[:MAX_QUERY_CHARS]
        if live is None:
            return refusal(question, [], "The document index is not ready yet")
        documents = list(live.documents.values())
        if not text:
            return refusal(question, documents, "Please ask a question")
        hits = self._search(live, text, _encode(live, topic_of(text)), SCOPE_HITS)
        scope = self._scope(text, hits)
        if _outside(scope):
            return refusal(question, documents)
        if not self._in_scope(scope):
            return passage_answer(question, hits, live.documents, self._min_dense, weak=True)
        quoted = " ".join(hits[0].quote or (hits[0].paragraph.text,))
        kind = answer_types.asked(text)
        lacking = _unnamed(live, names, hits[0]) or answer_types.missing(
            kind, text, quoted, all_member_names()
        )
        return passage_answer(question, hits, live.documents, self._min_dense, lacking=lacking)

    def outside(self, query: str, hits: Sequence[Hit]) -> bool:
        """Whether ``query`` is about something other than the documents: refused outright.

        Between this and ``in_scope`` lie questions about the document that its closest
        passage may not answer ("who is asked to chip in so the global south can show up",
        cosine 0.26): they get that passage, said to be the closest, with ``answered`` false.
        """
        return _outside(self._scope(query, hits))

    def in_scope(self, query: str, hits: Sequence[Hit], min_dense: float | None = None) -> bool:
        """Whether the hits can answer ``query``.

        A symbol of the corpus named verbatim always counts; a year the corpus never mentions
        never does; otherwise the best paragraph must be close in meaning and the question
        mostly made of the corpus's words; a question almost wholly in the corpus's words (or
        the lexicon's) may be a little less close ("who is asked to chip in so the global
        south can show up": cosine 0.26, every content word known).
        """
        return self._in_scope(self._scope(query, hits), min_dense)

    def _in_scope(self, scope: _Scope, min_dense: float | None = None) -> bool:
        if isinstance(scope, bool):
            return scope
        dense, coverage = scope
        threshold = self._min_dense if min_dense is None else min_dense
        if coverage >= HIGH_COVERAGE:
            threshold -= HIGH_COVERAGE_SLACK
        return dense >= threshold and coverage >= MIN_TERM_COVERAGE

    def _scope(self, query: str, hits: Sequence[Hit]) -> _Scope:
        """What ``outside`` and ``in_scope`` both weigh: a verdict already (a corpus symbol
        named: in; no hits, or a year the corpus never names: out), else the best cosine and
        the share of the question's words the corpus knows."""
        live = self._live
        if not hits or live is None:
            return False
        if live.lexical.symbol_matches(query):
            return True
        if live.lexical.unknown_years(query):
            return False
        return max(hit.dense for hit in hits[:SCOPE_HITS]), live.lexical.coverage(query)

    def _search(
        self, live: _LiveIndex, query: str, query_vector: npt.NDArray[np.float32], k: int
    ) -> list[Hit]:
        """The ``k`` best paragraphs: ``query_vector`` encodes the question's topic (without
        its words of request), BM25 reads the same topic, and the question whole says what
        kind of answer and which place in the document it asks for."""
        topic = topic_of(query)
        total = live.vectors.ntotal
        depth = total if total <= EXHAUSTIVE_SEARCH_VECTORS else min(total, max(20 * k, 200))
        scores, ids = live.vectors.search(query_vector, depth)
        found = ids[0] >= 0
        dense = np.full(len(live.paragraphs), -np.inf, dtype=np.float32)
        np.maximum.at(dense, live.owners[ids[0][found]], scores[0][found])
        lexical = live.lexical.scored(topic)
        bm25 = lexical.scores
        if depth < total:
            # Approximate search: give strong lexical candidates their exact cosine too.
            for owner in np.argsort(-bm25, kind="stable")[:depth]:
                if bm25[owner] > 0 and dense[owner] == -np.inf:
                    dense[owner] = _exact_dense(live, int(owner), query_vector)
        candidates = np.isfinite(dense)
        kind = answer_types.asked(query)
        fused = fuse(
            self._fusion,
            np.where(candidates, dense, -1.0),
            bm25,
            lexical.mass,
            typed=kind is not None,
        )
        fused += answer_types.bonus(kind, live.stated)
        fused += live.structure.bonus(query)
        fused[~candidates] = -np.inf
        order = [int(i) for i in np.argsort(-fused, kind="stable")[:k] if candidates[i]]
        question = live.sentences.question(topic)
        return [
            _hit(live, owner, rank, question, query_vector, fused, dense, bm25)
            for rank, owner in enumerate(order, start=1)
        ]


_Scope = bool | tuple[float, float]
"""A verdict on whether a question is about the documents, or the evidence to weigh: the best
cosine and the share of the question's words the corpus knows."""


def _outside(scope: _Scope) -> bool:
    if isinstance(scope, bool):
        return not scope
    dense, coverage = scope
    return not (
        (coverage >= MIN_TERM_COVERAGE and dense >= WEAK_MIN_DENSE)
        or (dense >= CLOSE_DENSE and coverage >= WEAK_MIN_COVERAGE)
    )


def _unnamed(live: _LiveIndex, names: Sequence[str], hit: Hit) -> str | None:
    """A rare name the question asks about and the best paragraph never mentions ("at which
    congress was the Salvador Declaration adopted?" against the Doha Declaration's
    paragraph): that paragraph is about something else."""
    paragraph = hit.paragraph
    text = " ".join([paragraph.text, *(note.text for note in paragraph.footnotes)]).casefold()
    absent = [name for name in live.lexical.rare_names(names) if name.casefold() not in text]
    return f"does not mention {absent[0]}" if absent else None


def _encode(live: _LiveIndex, text: str) -> npt.NDArray[np.float32]:
    return np.asarray(live.encoder.encode([text]), dtype=np.float32).reshape(1, -1)


def _hit(
    live: _LiveIndex,
    owner: int,
    rank: int,
    question: Question,
    query_vector: npt.NDArray[np.float32],
    fused: npt.NDArray[np.float32],
    dense: npt.NDArray[np.float32],
    bm25: npt.NDArray[np.float32],
) -> Hit:
    quote: Quote = live.sentences.quote(owner, question, query_vector[0])
    return Hit(
        paragraph=live.paragraphs[owner].paragraph,
        score=float(fused[owner]),
        dense=float(dense[owner]),
        bm25=float(bm25[owner]),
        rank=rank,
        sentence=quote.sentence,
        sentence_score=quote.score,
        quote=quote.quoted,
    )


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
    encoder: QueryEncoder,
    *,
    persisted: bool,
) -> _LiveIndex:
    owners = np.asarray(manifest.vector_paragraphs, dtype=np.int64)
    texts = [item.lexical_text for item in indexed]
    lexical = LexicalIndex(texts, lexicon(texts), asking_words())
    return _LiveIndex(
        manifest=manifest,
        vectors=vectors,
        paragraphs=tuple(indexed),
        owners=owners,
        lexical=lexical,
        sentences=SentenceIndex(indexed, vectors, lexical),
        documents={document.id: document for document in documents},
        encoder=encoder,
        persisted=persisted,
        structure=Structure([item.paragraph for item in indexed]),
        stated={
            kind: np.array(
                [answer_types.stated(item.paragraph.text)[kind] for item in indexed],
                dtype=np.float32,
            )
            for kind in answer_types.STATED
        },
    )


def _vector_owners(indexed: Sequence[IndexedParagraph]) -> list[int]:
    return [position for position, item in enumerate(indexed) for _ in item.units]


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
    logger.error("search %s", reason)
    return ReindexReport(
        ok=False,
        action=ReadyAction.FAILED,
        reason=reason,
        seconds=round(time.perf_counter() - started, 3),
    )
