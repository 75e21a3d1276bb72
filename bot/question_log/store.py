"""Reading and writing the log through SQLAlchemy Core, on SQLite or PostgreSQL.

Every failure the database can have at run time (locked, read-only, full, a server gone,
a file deleted under it) comes out as ``LogUnavailable`` with a short reason, so callers
decide once what to do: the writer keeps its rows and retries, a reader says "not now".
A SQLite file that is not a database any more is moved aside and made again, with one
warning line naming where the old file went.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from hashlib import sha256
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    and_,
    case,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite

from bot.question_log import migrate
from bot.question_log.entries import AnswerEntry, Entry, GapRow, Vote, VoteEntry, utc_now
from bot.question_log.errors import LogUnavailable, UnstorableEntry
from bot.question_log.schema import answers, feedback, settings

log = logging.getLogger(__name__)

T = TypeVar("T")

SQLITE_BUSY_SECONDS = 1.0
"""How long a SQLite write waits for another writer's lock before it counts as a failure.
Writes run off the answer path, so waiting costs nobody an answer; the writer retries."""
CONNECT_SECONDS = 5
POSTGRES_OPTIONS = "-c lock_timeout=2000 -c statement_timeout=10000"
"""A PostgreSQL lock held elsewhere (a migration, an operator's LOCK TABLE) fails the write
after 2 s instead of holding the writer forever; the writer retries it."""
REPLY_CHARS = 300
MAX_GAP_ROWS = 5_000
"""The newest logged gaps a digest reads; older ones wait for a shorter ``--days``."""
VOTER_KEY = "voter_key"
SQLITE_HEADER = b"SQLite format 3\x00"
_CORRUPT_CODES = frozenset({11, 26})
"""SQLITE_CORRUPT and SQLITE_NOTADB: the file is damaged or not a database at all."""


class LogStore:
    """Thread-safe: the writer thread writes while readers (``/gaps``) read."""

    def __init__(self, url: str, *, sqlite_path: Path | None = None) -> None:
        self._url = url
        self._sqlite_path = sqlite_path
        self._engine: Engine | None = None
        self._voter_key: bytes | None = None
        self._inode: int | None = None
        self._lock = threading.Lock()

    @property
    def where(self) -> str:
        """The log's place, safe to print: the SQLite file, or the server without password."""
        if self._sqlite_path is not None:
            return str(self._sqlite_path)
        from sqlalchemy.engine import make_url

        return make_url(self._url).render_as_string(hide_password=True)

    # ------------------------------------------------------------------ connection

    def ready(self) -> Engine:
        """The engine over a migrated schema; recreates a deleted or damaged SQLite file.

        SQLite connections stay open between rows (closing the last one checkpoints and
        syncs the file: 25 ms a row here), so the file is checked before each use instead:
        deleted, replaced, or no longer starting with SQLite's header.
        """
        with self._lock:
            if self._engine is not None and self._sqlite_path is not None:
                self._check_file(self._sqlite_path)
            if self._engine is None:
                self._engine = self._connect()
                self._inode = self._file_inode()
            return self._engine

    def _check_file(self, path: Path) -> None:
        inode = self._file_inode()
        if inode is None:
            log.warning("The question log %s was deleted; starting a new one", self.where)
            self._forget()
        elif inode != self._inode:
            log.info("The question log %s was replaced; opening the new file", self.where)
            self._forget()
        elif not _has_sqlite_header(path):
            self._forget()
            self._move_aside()

    def _file_inode(self) -> int | None:
        try:
            return self._sqlite_path.stat().st_ino if self._sqlite_path is not None else None
        except OSError:
            return None

    def close(self) -> None:
        with self._lock:
            self._forget()

    def _forget(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._voter_key = None

    def _connect(self, *, damaged_before: bool = False) -> Engine:
        if self._sqlite_path is not None:
            try:
                self._sqlite_path.parent.mkdir(parents=True, exist_ok=True)
                _create_private(self._sqlite_path)
            except OSError as error:
                raise LogUnavailable(error.strerror or type(error).__name__) from None
            engine = create_engine(self._url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(
                self._url,
                pool_pre_ping=True,
                connect_args={"connect_timeout": CONNECT_SECONDS, "options": POSTGRES_OPTIONS},
            )
        try:
            self._guarded(lambda: migrate.upgrade(engine))
        except _Corrupt:
            engine.dispose()
            if damaged_before:
                raise LogUnavailable("a new database file was damaged at once") from None
            self._move_aside()
            return self._connect(damaged_before=True)
        except BaseException:
            engine.dispose()
            raise
        return engine

    def _move_aside(self) -> None:
        path = self._sqlite_path
        assert path is not None, "only a SQLite file can be corrupt here"
        stamp = utc_now().strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        try:
            for suffix in ("-wal", "-shm", ""):
                companion = path.with_name(path.name + suffix)
                if companion.exists():
                    companion.replace(aside.with_name(aside.name + suffix))
        except OSError as error:
            raise LogUnavailable(f"damaged, and cannot be moved aside: {error}") from None
        log.warning(
            "The question log %s was damaged (not a readable SQLite database); moved it to %s "
            "and started a new one",
            path,
            aside,
        )

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        engine = self.ready()
        with engine.begin() as connection:
            yield connection

    def _run(self, work: Callable[[Connection], T]) -> T:
        """``work`` in one transaction; a damaged SQLite file is replaced and tried once more."""

        def attempt() -> T:
            with self._transaction() as connection:
                return work(connection)

        try:
            return self._guarded(attempt)
        except _Corrupt:
            with self._lock:
                self._forget()
                self._move_aside()
            return self._guarded(attempt)

    def _guarded(self, work: Callable[[], T]) -> T:
        """Turn the database's run-time failures into ``LogUnavailable``; a failed
        connection is dropped so the next attempt opens a fresh one."""
        try:
            return work()
        except sa_exc.DBAPIError as error:
            if _is_corrupt(error):
                raise _Corrupt from None
            if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError):
                self._drop_connections()
                raise LogUnavailable(_reason(error)) from None
            raise UnstorableEntry(_reason(error)) from None
        except (sa_exc.TimeoutError, sa_exc.DisconnectionError, OSError) as error:
            self._drop_connections()
            raise LogUnavailable(str(error) or type(error).__name__) from None

    def _drop_connections(self) -> None:
        engine = self._engine
        if engine is not None:
            engine.dispose()

    # ------------------------------------------------------------------ writing

    def write(self, entry: Entry) -> None:
        self.write_many([entry])

    def write_many(self, entries: Sequence[Entry]) -> None:
        """Write ``entries`` in one transaction: all of them, or (killed, failed) none."""
        rows = [_answer_row(entry) for entry in entries if isinstance(entry, AnswerEntry)]
        votes = [entry for entry in entries if isinstance(entry, VoteEntry)]

        def work(connection: Connection) -> None:
            if rows:
                connection.execute(_insert(connection, answers).on_conflict_do_nothing(), rows)
            for vote in votes:
                self._write_vote(connection, vote)

        self._run(work)

    def _write_vote(self, connection: Connection, entry: VoteEntry) -> None:
        voter = hmac.new(
            self._key(connection), f"{entry.answer_id}:{entry.user_id}".encode(), sha256
        ).hexdigest()
        statement = _insert(connection, feedback).values(
            answer_id=entry.answer_id,
            voter=voter,
            vote=entry.vote.value,
            comment=_clean(entry.comment) if entry.comment else None,
            voted_at=entry.voted_at,
        )
        new = statement.excluded
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[feedback.c.answer_id, feedback.c.voter],
                set_={
                    "vote": new.vote,
                    "voted_at": new.voted_at,
                    "comment": case(
                        (new.vote == Vote.UP.value, None),
                        else_=func.coalesce(new.comment, feedback.c.comment),
                    ),
                },
            )
        )

    def _key(self, connection: Connection) -> bytes:
        """The secret the voter hashes are keyed with, made once per log and shared by every
        process writing it (so one person keeps one vote whichever process counts it)."""
        if self._voter_key is None:
            connection.execute(
                _insert(connection, settings)
                .values(name=VOTER_KEY, value=secrets.token_hex(32))
                .on_conflict_do_nothing()
            )
            value = connection.execute(
                select(settings.c.value).where(settings.c.name == VOTER_KEY)
            ).scalar_one()
            self._voter_key = bytes.fromhex(value)
        return self._voter_key

    def purge(self, before: datetime) -> tuple[int, int]:
        """Delete answers and votes older than ``before``; how many of each went."""

        def work(connection: Connection) -> tuple[int, int]:
            gone = connection.execute(delete(answers).where(answers.c.asked_at < before))
            votes = connection.execute(delete(feedback).where(feedback.c.voted_at < before))
            return gone.rowcount, votes.rowcount

        return self._run(work)

    # ------------------------------------------------------------------ reading

    def gap_rows(self, since: datetime) -> list[GapRow]:
        """Answers since ``since`` that were refused, not in the document, or voted down,
        newest first, with their 👎 count and latest comment."""
        return self._run(lambda connection: _gap_rows(connection, since))

    def count_answers(self) -> int:
        return self._run(
            lambda c: int(c.execute(select(func.count()).select_from(answers)).scalar_one())
        )


class _Corrupt(Exception):
    """SQLite says the file is damaged or is not a database."""


def _create_private(path: Path) -> None:
    """A new log file that only its owner can read: it holds what people typed and their
    comments. SQLite gives its ``-wal`` and ``-shm`` files the database file's permissions,
    and reads an empty file as a new database."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _has_sqlite_header(path: Path) -> bool:
    """An empty file is a database SQLite has yet to write; any other starts with its magic."""
    try:
        with path.open("rb") as handle:
            start = handle.read(len(SQLITE_HEADER))
    except OSError:
        return True  # unreadable now: the write itself will say why
    return start in (b"", SQLITE_HEADER)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers (``/gaps``) read while the writer writes, and NORMAL sync keeps
    every committed row through a killed process (only a power cut can take the last ones)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _is_corrupt(error: sa_exc.DBAPIError) -> bool:
    original = error.orig
    code = getattr(original, "sqlite_errorcode", None)
    return (
        isinstance(original, sqlite3.DatabaseError)
        and code is not None
        and (code & 0xFF in _CORRUPT_CODES)
    )


def _reason(error: sa_exc.DBAPIError) -> str:
    text = str(error.orig).strip().splitlines()
    return text[0][:200] if text else type(error.orig).__name__


def _insert(connection: Connection, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT on both databases."""
    dialect = sqlite if connection.dialect.name == "sqlite" else postgresql
    statement: Insert = dialect.insert(table)
    return statement


def _clean(text: str) -> str:
    """PostgreSQL text holds no NUL character and no string holds a lone surrogate:
    both become U+FFFD, so one odd question never blocks the rows behind it."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {_clean(str(key)): _cleaned(item) for key, item in value.items()}
    return value


def _storable(data: Any) -> Any:
    """``data`` as both databases can store it: cleaned only when it needs to be (a check
    in C instead of a walk in Python for the usual answer)."""
    text = json.dumps(data, ensure_ascii=False)
    if "\x00" in text or "\\u0000" in text:
        return _cleaned(data)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _cleaned(data)
    return data


def _answer_row(entry: AnswerEntry) -> dict[str, Any]:
    answer = entry.answer
    data = _storable(answer.model_dump(mode="json"))
    first_line = answer.text.strip().split("\n", 1)[0] if answer.text.strip() else ""
    return {
        "id": entry.id,
        "asked_at": entry.asked_at,
        "front_end": entry.front_end.value,
        "command": entry.command,
        "guild_id": entry.guild_id,
        "channel_id": entry.channel_id,
        "question": _clean(answer.question),
        "kind": answer.kind.value,
        "answered": answer.answered,
        "labels": [_clean(source.label) for source in answer.sources],
        "reply": _clean(first_line[:REPLY_CHARS]),
        "query": data.get("query"),
        "answer": data,
    }


def _gap_rows(connection: Connection, since: datetime) -> list[GapRow]:
    downs = (
        select(feedback.c.answer_id, func.count().label("downs"))
        .where(feedback.c.vote == Vote.DOWN.value)
        .group_by(feedback.c.answer_id)
        .subquery()
    )
    down_count = func.coalesce(downs.c.downs, 0)
    rows = connection.execute(
        select(
            answers.c.id,
            answers.c.asked_at,
            answers.c.front_end,
            answers.c.question,
            answers.c.kind,
            answers.c.answered,
            answers.c.reply,
            down_count.label("downs"),
        )
        .outerjoin(downs, downs.c.answer_id == answers.c.id)
        .where(
            answers.c.asked_at >= since,
            or_(
                answers.c.answered.is_(False),
                answers.c.kind == "not_in_document",
                down_count > 0,
            ),
        )
        .order_by(answers.c.asked_at.desc(), answers.c.id)
        .limit(MAX_GAP_ROWS)
    ).all()
    comments: dict[str, tuple[str, datetime]] = {}
    for answer_id, comment, voted_at in connection.execute(
        select(feedback.c.answer_id, feedback.c.comment, feedback.c.voted_at)
        .join(answers, answers.c.id == feedback.c.answer_id)
        .where(
            and_(
                answers.c.asked_at >= since,
                feedback.c.vote == Vote.DOWN.value,
                feedback.c.comment.is_not(None),
            )
        )
        .order_by(feedback.c.voted_at)
    ):
        comments[answer_id] = (comment, voted_at)
    return [
        GapRow(
            answer_id=row.id,
            asked_at=row.asked_at,
            front_end=row.front_end,
            question=row.question,
            kind=row.kind,
            answered=row.answered,
            reply=row.reply,
            down_votes=int(row.downs),
            comment=comments[row.id][0] if row.id in comments else None,
            commented_at=comments[row.id][1] if row.id in comments else None,
        )
        for row in rows
    ]
