"""The log as the front ends use it: hand an entry over and go on answering.

``record_answer`` and ``record_vote`` only build a small entry and queue it (a few
microseconds); one writer thread turns entries into rows. When the database cannot be
written (locked, read-only, full, gone), the writer says so in one warning line, keeps the
rows in memory (up to ``MAX_PENDING``) and tries again with a growing pause; when it can
write again it says so once and catches up. Nothing here ever raises into an answer.
The writer also purges rows older than the retention, at start and once a day.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections import deque
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
LOG_OFF = "the question log is off (RAPPORTEUR_LOG_QUESTIONS=false)"
_STOP = object()


class QuestionLog:
    """Off (``settings.log_questions`` false): records nothing, reads nothing."""

    def __init__(self, store: LogStore | None, *, retention_days: int, front_end: FrontEnd):
        self.store = store
        self._retention = timedelta(days=retention_days)
        self._front_end = front_end
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._submitted = 0
        self._handled = 0
        self._failing = False
        self._progress = threading.Condition()
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
        answer_id = uuid.uuid4().hex
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
        with self._progress:
            self._submitted += 1
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
        deadline = time.monotonic() + timeout
        with self._progress:
            target = self._submitted
            while self._handled < target:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._progress.wait(remaining)
            return True

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued (for at most ``timeout`` seconds), then stop the writer."""
        thread = self._thread
        if thread is None:
            return
        if self._failing or not self.flush(timeout):
            with self._progress:
                unwritten = self._submitted - self._handled
            log.warning("The question log stops with %d row(s) it could not write", unwritten)
        self._queue.put(_STOP)
        thread.join(timeout=1.0)
        self._thread = None
        if self.store is not None:
            self.store.close()

    def _run(self) -> None:
        store = self.store
        assert store is not None
        pending: deque[Entry] = deque()
        pause = RETRY_FIRST_SECONDS
        retry_at = 0.0
        purge_at = 0.0
        while True:
            now = time.monotonic()
            wake = min(purge_at, retry_at if pending else purge_at)
            item = self._next(timeout=max(0.0, wake - now))
            if item is _STOP:
                return
            if item is not None:
                self._keep(pending, item)
            while (more := self._next(timeout=None, block=False)) is not None:
                if more is _STOP:
                    return
                self._keep(pending, more)
            now = time.monotonic()
            if (pending and now >= retry_at) or now >= purge_at:
                try:
                    self._write(store, pending)
                    if now >= purge_at:
                        self._purge(store)
                        purge_at = now + PURGE_EVERY_SECONDS
                except LogUnavailable as error:
                    self._failed(store, error, pause, len(pending))
                    retry_at = time.monotonic() + pause
                    purge_at = max(purge_at, retry_at)
                    pause = min(pause * 2, RETRY_MAX_SECONDS)
                else:
                    pause = RETRY_FIRST_SECONDS

    def _next(self, timeout: float | None, *, block: bool = True) -> object | None:
        try:
            return self._queue.get(block=block, timeout=timeout if block else None)
        except queue.Empty:
            return None

    def _keep(self, pending: deque[Entry], item: object) -> None:
        assert isinstance(item, AnswerEntry | VoteEntry)
        pending.append(item)
        if len(pending) > MAX_PENDING:
            pending.popleft()
            log.warning("The question log dropped its oldest waiting row (over %d)", MAX_PENDING)
            self._handled_one()

    def _write(self, store: LogStore, pending: deque[Entry]) -> None:
        while pending:
            try:
                store.write(pending[0])
            except UnstorableEntry as error:
                log.warning("The question log could not store one row (%s); skipped it", error)
            if self._failing:
                log.info("The question log %s is written again", store.where)
                with self._progress:
                    self._failing = False
            pending.popleft()
            self._handled_one()

    def _failed(self, store: LogStore, error: LogUnavailable, pause: float, waiting: int) -> None:
        with self._progress:
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

    def _handled_one(self) -> None:
        with self._progress:
            self._handled += 1
            self._progress.notify_all()
