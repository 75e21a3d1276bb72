"""Public result types of the search package."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from index.records import Paragraph


class Hit(BaseModel):
    """One retrieved paragraph: ``score`` is the fused score (about 0..1, higher is better),
    ``dense`` the cosine similarity, ``bm25`` the raw BM25 score.

    ``sentence`` is the paragraph's sentence that best answers the query (``sentence_score``
    its score) and ``quote`` what an answer should quote from the paragraph, in reading order:
    that sentence, or the whole paragraph when it is one sentence.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    paragraph: Paragraph
    score: float
    dense: float
    bm25: float
    rank: int
    sentence: str = ""
    sentence_score: float = 0.0
    quote: tuple[str, ...] = ()


class IndexType(StrEnum):
    FLAT = "flat"
    HNSW = "hnsw"


class IndexStatus(BaseModel):
    ready: bool
    model: str
    dimension: int
    documents: int
    paragraphs: int
    vectors: int
    index_type: IndexType | None
    text_variant: str
    built_at: dt.datetime | None


class ReadyAction(StrEnum):
    LOADED = "loaded"
    BUILT = "built"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    REFUSED = "refused"
    """A document offered to ``Engine.add`` failed its checks: nothing was changed."""


class ParagraphRef(BaseModel):
    document: str
    id: str
    sha256: str


class ParagraphChange(BaseModel):
    document: str
    id: str
    old_sha256: str
    new_sha256: str


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class SourceChange(BaseModel):
    """One document or recorded vote a reindex added, removed or changed, as a moderator
    reads it: its id, what it is and, for a document, how many paragraphs it holds."""

    kind: str
    """``document`` or ``vote``."""
    id: str
    change: ChangeKind
    title: str
    paragraphs: int | None = None


class ReindexReport(BaseModel):
    """What a (re)build did. ``ok=False`` means the previous index, if any, is still serving.

    ``persisted=False`` means the index serves from memory only: the data folder could not
    take it, and ``warning`` says why and what to do.
    """

    ok: bool
    action: ReadyAction
    reason: str
    seconds: float
    documents_added: list[str] = []
    documents_removed: list[str] = []
    documents_changed: list[str] = []
    paragraphs_added: list[ParagraphRef] = []
    paragraphs_removed: list[ParagraphRef] = []
    paragraphs_changed: list[ParagraphChange] = []
    documents: int = 0
    paragraphs: int = 0
    vectors: int = 0
    index_type: IndexType | None = None
    texts_encoded: int = 0
    """Texts the build had to encode; the vectors of unchanged text are reused."""
    persisted: bool = True
    warning: str | None = None
    skipped: list[str] = []
    """A line for each seed file left unread, and why (filled in by the engine)."""
    sources: list[SourceChange] = []
    """The documents and votes added, removed or changed (filled in by the engine)."""
