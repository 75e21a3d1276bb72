"""The log as the front ends use it: hand an entry over and go on answering.

``record_answer`` and ``record_vote`` only build a small entry and queue it (a few
microseconds); one writer thread, looking every ``POLL_SECONDS``, writes what arrived in
one transaction. When the database cannot be written (locked, read-only, full, gone), the
writer says so in one warning line, keeps the rows in memory (up to ``MAX_PENDING``) and
tries again with a growing pause; when it can write again it says so once and catches up.
Nothing here ever raises into an answer. The writer also purges rows older than the
retention, at start and once a day.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.question_log.entries import (
    AnswerEntry,
    Entry,
    FrontEnd,
    GapRow,
    Vote,
    VoteEntry,
    utc_now,
)
from bot.question_log.errors import LogUnavailable, UnstorableEntry
from bot.question_log.gaps import GapDigest, Grouper, build_digest
from bot.question_log.settings import LogSettings
from bot.question_log.store import LogStore
from index.answers import Answer

log = logging.getLogger(__name__)

MAX_PENDING = 10_000
"""Rows kept in memory while the database is away; beyond it the oldest are dropped."""
RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0
PURGE_EVERY_SECONDS = 24 * 3600.0
BATCH = 500
"""Entries written in one transaction at most."""
POLL_SECONDS = 0.01
"""How often the writer looks for entries. It polls rather than waits on the queue: waking a
waiting thread at each answer let the host run the writer in the answering thread's place
(``record_answer`` p99 4-8 ms on a loaded 2-core host). A kill loses what arrived since the
last look and the batch being written: at most one row while answers come less often than
every 20 ms (``bench/log_kill.py``); a longer interval waits less often on the host but
loses more (50 ms: up to 3 rows a kill at that pace)."""
LOG_OFF = "the question log is off (RAPPORTEUR_LOG_QUESTIONS=false)"
_STOP = object()


@dataclass(frozen=True, slots=True)
class _Barrier:
    """Queued by ``flush``: set when every entry queued before it is written."""

    reached: threading.Event


class QuestionLog:
    """Off (``settings.log_questions`` false): records nothing, reads nothing."""

    def __init__(self, store: LogStore | None, *, retention_days: int, front_end: FrontEnd):
        self.store = store
        self._retention = timedelta(days=retention_days)
        self._front_end = front_end
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._failing = False
        """Set and cleared by the writer thread only."""
        self._waiting = 0
        """Rows the writer holds unwritten (written by the writer thread only)."""
        self._id_prefix = uuid.uuid4().hex[:16]
        self._ids = itertools.count()
        """Answer ids: a random prefix per process and a counter. ``uuid4`` per answer would
        read the kernel's random source, releasing the interpreter lock mid-answer to the
        writer thread for up to a switch interval (5 ms)."""
        self._thread: threading.Thread | None = None

    @classmethod
    def open(cls, settings: LogSettings, data_dir: Path, front_end: FrontEnd) -> QuestionLog:
        """The log the settings describe, its writer started (nothing connects yet: the
        writer does, off the caller's path)."""
        store = None
        if settings.log_questions:
            store = LogStore(
                settings.sqlalchemy_url(data_dir), sqlite_path=settings.sqlite_path(data_dir)
            )
        question_log = cls(store, retention_days=settings.log_retention_days, front_end=front_end)
        question_log.start()
        return question_log

    @property
    def enabled(self) -> bool:
        return self.store is not None

    def start(self) -> None:
        if self.store is not None and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
            self._thread.start()

    # ------------------------------------------------------------------ the answer path

    def record_answer(
        self,
        answer: Answer,
        *,
        command: str,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> str | None:
        """Queue ``answer`` for the log; its id (for feedback), or ``None`` when off."""
        if self.store is None:
            return None
        answer_id = f"{self._id_prefix}{next(self._ids):016x}"
        entry = AnswerEntry(
            answer_id, utc_now(), self._front_end, command, guild_id, channel_id, answer
        )
        self._submit(entry)
        return answer_id

    def record_vote(
        self, answer_id: str, user_id: int, vote: Vote, comment: str | None = None
    ) -> None:
        """Queue one person's vote on an answer; a later vote by them replaces it."""
        if self.store is not None:
            self._submit(VoteEntry(answer_id, user_id, vote, comment, utc_now()))

    def _submit(self, entry: Entry) -> None:
        """No lock on this path: a lock the writer thread held when the host descheduled it
        would hold the answer up for milliseconds."""
        self._queue.put(entry)

    # ------------------------------------------------------------------ reading

    def gap_rows(self, days: int) -> list[GapRow]:
        """The gaps of the last ``days`` days; raises ``LogUnavailable`` when off or away."""
        if self.store is None:
            raise LogUnavailable(LOG_OFF)
        try:
            return self.store.gap_rows(utc_now() - timedelta(days=days))
        except UnstorableEntry as error:
            raise LogUnavailable(str(error)) from None

    def digest(self, days: int, group: Grouper) -> GapDigest:
        """The gaps digest of the last ``days`` days, questions grouped by ``group``."""
        since = utc_now() - timedelta(days=days)
        return build_digest(self.gap_rows(days), days=days, since=since, group=group)

    # ------------------------------------------------------------------ lifecycle

    def flush(self, timeout: float) -> bool:
        """Wait until every entry queued so far is written (or skipped as unstorable);
        False if ``timeout`` passed first."""
        if self._thread is None:
            return True
        reached = threading.Event()
        self._queue.put(_Barrier(reached))
        return reached.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued (for at most ``timeout`` seconds), then stop the writer."""
        thread = self._thread
        if thread is None:
            return
        if (self._failing or not self.flush(timeout)) and self._waiting:
            log.warning("The question log stops with %d row(s) it could not write", self._waiting)
        self._queue.put(_STOP)
        thread.join(timeout=1.0)
        self._thread = None
        if self.store is not None:
            self.store.close()

    def _run(self) -> None:
        store = self.store
        assert store is not None
        pending: deque[Entry | _Barrier] = deque()
        pause = RETRY_FIRST_SECONDS
        retry_at = 0.0
        purge_at = 0.0
        while True:
            time.sleep(POLL_SECONDS)
            while (item := self._next()) is not None:
                if item is _STOP:
                    return
                self._keep(pending, item)
            now = time.monotonic()
            if (pending and now >= retry_at) or now >= purge_at:
                try:
                    self._write(store, pending)
                    if now >= purge_at:
                        self._purge(store)
                        purge_at = now + PURGE_EVERY_SECONDS
                except LogUnavailable as error:
                    self._failed(store, error, pause, self._waiting)
                    retry_at = time.monotonic() + pause
                    purge_at = max(purge_at, retry_at)
                    pause = min(pause * 2, RETRY_MAX_SECONDS)
                else:
                    pause = RETRY_FIRST_SECONDS

    def _next(self) -> object | None:
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return None

    def _keep(self, pending: deque[Entry | _Barrier], item: object) -> None:
        assert isinstance(item, AnswerEntry | VoteEntry | _Barrier)
        pending.append(item)
        if isinstance(item, _Barrier):
            return
        self._waiting += 1
        if self._waiting > MAX_PENDING:
            oldest = next(i for i, entry in enumerate(pending) if not isinstance(entry, _Barrier))
            del pending[oldest]
            self._waiting -= 1
            log.warning("The question log dropped its oldest waiting row (over %d)", MAX_PENDING)

    def _write(self, store: LogStore, pending: deque[Entry | _Barrier]) -> None:
        """Write what waits, in order: the entries up to each flush barrier in one
        transaction (one row at a time only to single out a row the database refuses)."""
        while pending:
            head = pending[0]
            if isinstance(head, _Barrier):
                head.reached.set()
                pending.popleft()
                continue
            batch: list[Entry] = []
            for entry in itertools.islice(pending, BATCH):
                if isinstance(entry, _Barrier):
                    break
                batch.append(entry)
            try:
                store.write_many(batch)
            except UnstorableEntry:
                for entry in batch:
                    self._write_alone(store, entry)
            if self._failing:
                log.info("The question log %s is written again", store.where)
                self._failing = False
            for _ in batch:
                pending.popleft()
            self._waiting -= len(batch)

    def _write_alone(self, store: LogStore, entry: Entry) -> None:
        try:
            store.write(entry)
        except UnstorableEntry as error:
            log.warning("The question log could not store one row (%s); skipped it", error)

    def _failed(self, store: LogStore, error: LogUnavailable, pause: float, waiting: int) -> None:
        first = not self._failing
        self._failing = True
        if first:
            log.warning(
                "The question log %s cannot be written (%s); answers go on, %d row(s) wait in "
                "memory and the log retries in %g s",
                store.where,
                error,
                waiting,
                pause,
            )

    def _purge(self, store: LogStore) -> None:
        answers, votes = store.purge(utc_now() - self._retention)
        if answers or votes:
            days = self._retention.days
            log.info("The question log purged %d answer(s) and %d vote(s) older than %d days",
                     answers, votes, days)  # fmt: skip
