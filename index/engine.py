"""The one object every front end talks to: questions in, typed answers out.

Structured questions are answered from the parsed records at once; the retrieval index (and
with it FAISS and the embedding model) is only loaded for the first passage question, so a
cold ``rapporteur vote France`` never pays for it. All methods are thread-safe and
synchronous; front ends run the slow ones (``ask``, ``search``, ``reindex``, ``warm_up``)
off their event loop.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel

from index.answers import Answer, AnswerKind, Source
from index.combined import combine
from index.countries import CountryMention, Resolution, ResolutionStatus, resolve, suggest
from index.library import Library, document_title, vote_title
from index.parsing.errors import ParseError
from index.query import Ballot, ParagraphRef, Query
from index.reading.paragraph_refs import paragraph_ref
from index.records import Document, Position, VotingRecord
from index.records_cache import load_sources
from index.search.answering import EXAMPLE_QUESTIONS, NO_PASSAGES, refusal
from index.search.model_path import ModelNotAvailableError
from index.search.models import IndexStatus, ReadyAction, ReindexReport
from index.settings import EngineSettings
from index.source_changes import source_changes
from index.structured.citing import choose_votes, data_citation, excerpt
from index.structured.document_facts import answer_paragraph, paragraph_labels
from index.structured.group_picture import GroupsPicture, groups_picture
from index.structured.mentions import expand_ambiguous, prefaced
from index.structured.proceedings import answer_sponsors, answer_statements
from index.structured.vote_picture import VotePicture, vote_picture
from index.structured.votes import STAGES, answer_roster, answer_tally, answer_vote
from index.user_text import NAME_LIMIT, checked_text, fits, quote_user_text

if TYPE_CHECKING:
    from index.search.embedders import Embedder, QueryEncoder
    from index.search.retriever import Retriever
    from index.structured.trail_picture import TrailPicture

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
NAME_A_COUNTRY = "Which Member State? Name one, for example Kenya, Côte d'Ivoire or DPRK."
PARAGRAPH_EXAMPLES = (
    "“operative paragraph 2”, “preambular paragraph 9” or “paragraph 10 of the report”"
)


class DocumentSummary(BaseModel):
    id: str
    title: str
    vote: str | None
    paragraphs: int
    plenary: str | None = None
    """The plenary vote on the resolution the report recommended, when voting data has it."""


class VotingSummary(BaseModel):
    """One plenary vote of the voting data: its record id, how answers name it, the report
    it belongs to (``None``: no report knows its draft) and whose data it is."""

    id: str
    title: str
    vote: str
    report: str | None
    source: str


class EngineStatus(BaseModel):
    """What ``/about`` shows: the documents, the voting data, the index and what can be asked."""

    documents: list[DocumentSummary]
    paragraphs: int
    index: IndexStatus | None
    examples: list[str]
    skipped: list[str] = []
    """A line for each seed file left unread, and why."""
    votes: list[VotingSummary] = []


class Engine:
    def __init__(
        self,
        settings: EngineSettings | None = None,
        *,
        embedder: Embedder | None = None,
        query_encoder: QueryEncoder | None = None,
    ) -> None:
        """Parse the seed documents; a file that cannot be read is skipped with a warning,
        and ``ParseError`` is raised only when none can be."""
        self.settings = settings or EngineSettings.from_environment()
        sources = load_sources(self.settings)
        self._library = Library(sources.documents, sources.records)
        self._skipped = sources.skipped
        self._embedder = embedder
        self._query_encoder = query_encoder
        self._retriever: Retriever | None = None
        self._retriever_lock = threading.Lock()
        self._reindex_lock = threading.RLock()
        self._model_missing = False

    # ------------------------------------------------------------------ questions

    @checked_text(AnswerKind.NO_ANSWER)
    def ask(self, question: str, previous: Query | None = None) -> Answer:
        """Read a free-form question once into a ``Query`` and answer it.

        ``previous`` is the query of the question before, for follow-ups ("and Brazil?");
        front ends that hold a conversation pass it, one-shot callers do not.
        """
        problem = _question_problem(question)
        if problem is not None:
            return refusal(question, self._library.documents, problem)
        from index.reading.reader import read_parts  # only free text pays for the reader

        queries = read_parts(question, self._library, previous)
        if not queries[0].text:
            return refusal(question, self._library.documents, "Please ask a question")
        from index.executor import execute

        answers = [
            execute(query, self._library, self._retriever_ready).model_copy(
                update={"question": query.text, "query": query}
            )
            for query in queries
        ]
        if len(answers) == 1:
            return answers[0].model_copy(update={"question": question})
        return combine(question, answers)

    def read(self, question: str, previous: Query | None = None) -> Query:
        """How ``question`` would be read, without answering it."""
        from index.reading.reader import read

        return read(question, self._library, previous)

    @checked_text(AnswerKind.VOTE, limit=NAME_LIMIT, blank=NAME_A_COUNTRY)
    def vote(self, country: str, ballot: Ballot = Ballot.BOTH) -> Answer:
        """How one country (as typed: any name, alias, code or small typo) voted, in the
        Committee, in plenary, or in both (with whether it changed)."""
        found = _named_country(country)
        library = self._library
        if isinstance(found, Resolution):
            return answer_vote(library, country, library.documents, [found], ballot=ballot)
        mentions, preface = expand_ambiguous(found)
        resolutions = [m.to_resolution() for m in mentions]
        answer = answer_vote(library, country, library.documents, resolutions, ballot=ballot)
        return prefaced(answer, preface)

    def tally(self, ballot: Ballot = Ballot.COMMITTEE) -> Answer:
        """The result of the Committee's vote, the plenary's, or both in turn."""
        votes = choose_votes(self._library, self._library.documents, STAGES[ballot])
        return answer_tally(self._library, "tally", votes, ballot)

    def roster(self, position: Position | None, ballot: Ballot = Ballot.COMMITTEE) -> Answer:
        label = position.value if position else "all positions"
        asked = (position,) if position else ()
        votes = choose_votes(self._library, self._library.documents, STAGES[ballot])
        return answer_roster(self._library, f"roster: {label}", votes, asked)

    @checked_text(AnswerKind.SPONSORS, limit=NAME_LIMIT)
    def sponsors(self, country: str | None = None) -> Answer:
        """All sponsors by stage, or whether one country sponsored."""
        return self._for_country(
            "sponsors",
            country,
            AnswerKind.SPONSORS,
            lambda question, mentions: answer_sponsors(
                self._library, question, self._library.documents, mentions, None
            ),
        )

    @checked_text(AnswerKind.STATEMENTS, limit=NAME_LIMIT)
    def statements(self, country: str | None = None) -> Answer:
        """All statements by moment, or what one country (or group) said and when."""
        return self._for_country(
            "statements",
            country,
            AnswerKind.STATEMENTS,
            lambda question, mentions: answer_statements(
                self._library, question, self._library.documents, mentions, None
            ),
        )

    def _for_country(
        self,
        what: str,
        country: str | None,
        kind: AnswerKind,
        answer: Callable[[str, list[CountryMention]], Answer],
    ) -> Answer:
        """A command with an optional country option: resolve it, then answer for it."""
        question = f"{what}: {country}" if country else what
        found = _named_country(country)
        if isinstance(found, Resolution):
            return self._unknown_country(question, found, kind)
        mentions, preface = expand_ambiguous(found)
        return prefaced(answer(question, mentions), preface)

    def _unknown_country(self, question: str, resolution: Resolution, kind: AnswerKind) -> Answer:
        """The "did you mean" reply, under the kind of answer that was asked for."""
        reply = answer_vote(self._library, question, (), [resolution])
        return reply.model_copy(update={"kind": kind, "votes": [], "answered": False})

    @checked_text(
        AnswerKind.PARAGRAPH,
        limit=NAME_LIMIT,
        blank=f"Which paragraph? For example {PARAGRAPH_EXAMPLES}.",
    )
    def paragraph(self, label: str) -> Answer:
        """A paragraph by its label ("operative paragraph 3") or by its id ("operative-3")."""
        wanted = label.strip().casefold()
        for document in self._library.documents:
            for paragraph in document.paragraphs:
                if wanted in (paragraph.label.casefold(), paragraph.id):
                    ref = ParagraphRef(part=paragraph.part, number=paragraph.number)
                    return answer_paragraph(label, [document], ref)
        named = paragraph_ref(label)
        if named is not None:
            return answer_paragraph(label, self._library.documents, named)
        return Answer(
            question=label,
            kind=AnswerKind.PARAGRAPH,
            answered=False,
            text=f"No paragraph is labelled “{quote_user_text(label)}”. Try {PARAGRAPH_EXAMPLES}.",
        )

    @checked_text(AnswerKind.PASSAGE)
    def search(self, query: str, k: int = 5) -> Answer:
        """The raw top passages with their scores, for readers who want the text itself."""
        problem = _question_problem(query)
        if problem is not None:
            return refusal(query, self._library.documents, problem)
        try:
            hits = self._retriever_ready().search(query, k)
        except ModelNotAvailableError:
            return refusal(query, self._library.documents, NO_PASSAGES)
        lines = [
            f"{hit.rank}. **{hit.paragraph.label}** (score {hit.score:.3f}): "
            f"{excerpt(hit.paragraph.text, 200)}"
            for hit in hits
        ]
        return Answer(
            question=query,
            kind=AnswerKind.PASSAGE,
            answered=bool(hits),
            text="\n".join(lines) if lines else "No passage matches that search.",
            sources=[
                Source(
                    document=hit.paragraph.document,
                    label=hit.paragraph.label,
                    text=excerpt(hit.paragraph.text),
                    score=round(hit.score, 4),
                )
                for hit in hits
            ],
        )

    def vote_picture(
        self, document: str | None = None, ballot: Ballot = Ballot.COMMITTEE
    ) -> VotePicture:
        """Every Member State's position in one vote (default: the first report's, in the
        Committee or, with ``ballot``, in plenary), for front ends that draw it; raises
        ``NoVotePicture`` with a message for users."""
        return vote_picture(self._library, document, ballot)

    def groups_picture(
        self,
        document: str | None = None,
        groups: Sequence[str] = (),
        ballot: Ballot = Ballot.COMMITTEE,
    ) -> GroupsPicture:
        """How each group of States split in one vote (no ids: the five UN regional
        groups); raises ``NoVotePicture`` for an unknown document or group."""
        return groups_picture(vote_picture(self._library, document, ballot), groups)

    def trail_picture(self, document: str | None = None) -> TrailPicture:
        """Every Member State's position in a report's Committee vote, then in plenary;
        raises ``NoVotePicture`` when the report's plenary vote is not known."""
        from index.structured.trail_picture import trail_picture  # pictures only

        return trail_picture(self._library, document)

    def group_by_meaning(self, texts: Sequence[str]) -> list[list[int]]:
        """Indices of ``texts`` grouped by meaning with the question encoder (loading the
        search index if needed), the biggest group first; for digests of many questions."""
        from index.search.meaning import group_by_meaning

        cut = [text[:MAX_QUESTION_CHARS] for text in texts]
        return group_by_meaning(cut, self._retriever_ready().encode(cut))

    # ------------------------------------------------------------------ front-end helpers

    @property
    def documents(self) -> tuple[Document, ...]:
        """The parsed documents the engine answers from (replaced whole by a reindex)."""
        return self._library.documents

    @property
    def records(self) -> tuple[VotingRecord, ...]:
        """The voting records the engine answers plenary votes from (replaced with them)."""
        return self._library.records

    def country_suggestions(self, prefix: str, limit: int = 25) -> list[str]:
        return suggest(prefix, limit) if fits(prefix, NAME_LIMIT) else []

    def paragraph_labels(self, prefix: str, limit: int = 25) -> list[str]:
        if not fits(prefix, NAME_LIMIT):
            return []
        wanted = prefix.strip().casefold()
        labels = paragraph_labels(self._library)
        return [label for label in labels if wanted in label.casefold()][:limit]

    def about(self) -> EngineStatus:
        documents = self._library.documents
        retriever = self._retriever
        library = self._library
        plenary = {d.id: view for d in documents if (view := library.plenary(d)) is not None}
        return EngineStatus(
            documents=[
                DocumentSummary(
                    id=d.id,
                    title=document_title(d),
                    vote=vote_title(d.vote) if d.vote else None,
                    paragraphs=len(d.paragraphs),
                    plenary=plenary[d.id].title if d.id in plenary else None,
                )
                for d in documents
            ],
            paragraphs=sum(len(d.paragraphs) for d in documents),
            index=retriever.status() if retriever else None,
            examples=list(EXAMPLE_QUESTIONS),
            skipped=list(self._skipped),
            votes=[
                VotingSummary(
                    id=record.id,
                    title=f"{record.resolution}, “{record.title}”",
                    vote=view.title,
                    report=view.report.id if view.report is not None else None,
                    source=data_citation(view),
                )
                for record in library.records
                if (view := library.view(record.id)) is not None
            ],
        )

    # ------------------------------------------------------------------ index lifecycle

    def warm_up(self) -> ReindexReport:
        """Load (or build) the retrieval index now rather than on the first passage question;
        a report says why it failed (an embedding model that is not there, among others)."""
        started = time.perf_counter()
        try:
            return self._ensure_retriever()
        except ModelNotAvailableError as error:
            return _no_model(error, started)

    def reindex(self) -> ReindexReport:
        """Re-read the seeds and rebuild; on any failure the previous records and index stay.

        Serialised: a second call waits for the first and then rebuilds from what it reads.
        """
        with self._reindex_lock:
            started = time.perf_counter()
            try:
                sources = load_sources(self.settings)
            except ParseError as error:
                return ReindexReport(
                    ok=False,
                    action=ReadyAction.FAILED,
                    reason=f"the seeds could not be parsed: {error}",
                    seconds=round(time.perf_counter() - started, 3),
                )
            # One build, compared with the index that serves (or the one on disk), so the
            # report names what changed; loading the old index first would build twice.
            try:
                report = self._retriever_instance().rebuild(sources.documents)
            except ModelNotAvailableError as error:
                return _no_model(error, started)
            before = self._library
            if report.ok:
                self._library = Library(sources.documents, sources.records)
                self._skipped = sources.skipped
            changes = (
                source_changes(before.documents, sources.documents, before.records, sources.records)
                if report.ok
                else []
            )
            return report.model_copy(update={"skipped": sources.skipped, "sources": changes})

    def add(self, name: str, data: bytes) -> ReindexReport:
        """Add (or replace) one seed document from its file name and bytes, then reindex.

        The file is checked whole first (name, size, parse, clashes with what is read); one
        that fails changes nothing and the report, refused, says why in one line. A rebuild
        that fails puts the seeds folder back as it was.
        """
        from index.adding import Refused, checked_seed, undo_write, write_seed  # parses

        with self._reindex_lock:
            started = time.perf_counter()
            try:
                seed = checked_seed(self.settings, name, data, self._library)
            except Refused as refusal_reason:
                return refused(str(refusal_reason), started)
            try:
                previous = write_seed(seed)
            except OSError as error:
                cause = error.strerror or type(error).__name__
                return refused(
                    f"the seeds folder {seed.path.parent} cannot be written ({cause})", started
                )
            report = self.reindex()
            if report.ok:
                return report
            try:
                undo_write(seed.path, previous)
            except OSError as error:
                kept = f"; {seed.path} could not be put back ({error.strerror or error})"
            else:
                kept = f"; {seed.path.name} was not kept"
            return report.model_copy(update={"reason": f"{report.reason}{kept}"})

    def _ensure_retriever(self) -> ReindexReport:
        return self._retriever_instance().ensure_ready(self._library.documents)

    def _retriever_instance(self) -> Retriever:
        """The retriever; raises ``ModelNotAvailableError`` (logged once) while the configured
        embedding model cannot be found: passage answers are then refused, the rest works."""
        with self._retriever_lock:
            if self._retriever is None:
                from index.search.retriever import Retriever

                try:
                    self._retriever = Retriever(
                        self.settings, embedder=self._embedder, query_encoder=self._query_encoder
                    )
                except ModelNotAvailableError as error:
                    if not self._model_missing:
                        self._model_missing = True
                        log.warning("Passage answers are off: %s", error)
                    raise
            return self._retriever

    def _retriever_ready(self) -> Retriever:
        """The retriever with a live index; waits for a warm-up that is still building."""
        retriever = self._retriever
        if retriever is None or not retriever.status().ready:
            self._ensure_retriever()
            retriever = self._retriever
        assert retriever is not None
        return retriever


def refused(reason: str, started: float | None = None) -> ReindexReport:
    """The report for a document that failed its checks: one line, nothing changed."""
    seconds = time.perf_counter() - started if started is not None else 0.0
    return ReindexReport(
        ok=False,
        action=ReadyAction.REFUSED,
        reason=f"Not added: {reason}. Nothing changed.",
        seconds=round(seconds, 3),
    )


def _no_model(error: ModelNotAvailableError, started: float) -> ReindexReport:
    return ReindexReport(
        ok=False,
        action=ReadyAction.FAILED,
        reason=str(error),
        seconds=round(time.perf_counter() - started, 3),
    )


def _question_problem(question: str) -> str | None:
    if not question.strip():
        return "Please ask a question"
    if len(question) > MAX_QUESTION_CHARS:
        return f"That question is too long (the limit is {MAX_QUESTION_CHARS} characters)"
    return None


def _named_country(country: str | None) -> list[CountryMention] | Resolution:
    """The country typed in a command option as a mention, or the resolution that failed."""
    if country is None or not country.strip():
        return []
    resolution = resolve(country)
    if resolution.status is ResolutionStatus.UNKNOWN:
        return resolution
    mention = CountryMention(
        text=country.strip(),
        start=0,
        end=len(country),
        status=resolution.status,
        name=resolution.name,
        description=resolution.description,
        related_member=resolution.related_member,
        candidates=resolution.candidates,
        corrected=resolution.corrected,
    )
    return [mention]


__all__ = ["DocumentSummary", "Engine", "EngineStatus", "ReindexReport", "VotingSummary", "refused"]
