"""The gaps digest: what the bot could not answer, grouped by meaning, biggest group first.

A gap is a logged answer that was refused (``answered`` false, which includes questions
read as not in the document) or that someone voted down. Rewordings of one question are
one gap: the engine groups the questions with its encoder. Every front end shows the same
digest: Discord as pages or a CSV file, the terminal as text or JSON.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from pydantic import BaseModel

from bot.question_log.entries import GapRow

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
MAX_DAYS = 3650
WORDINGS_SHOWN = 5
"""Other wordings a group lists besides its example."""
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Grouper = Callable[[Sequence[str]], list[list[int]]]


class GapGroup(BaseModel):
    count: int
    """How many times a question of this meaning was asked."""
    example: str
    """The latest wording asked."""
    wordings: list[str]
    """Other wordings, the most asked first (at most ``WORDINGS_SHOWN``)."""
    kinds: list[str]
    """How the bot read them (answer kinds), the most frequent first."""
    refused: int
    down_votes: int
    latest_comment: str | None
    answer: str
    """The first line of what the bot answered the example."""
    last_asked: datetime


class GapDigest(BaseModel):
    days: int
    since: datetime
    """Times are UTC (the log stores them without a zone)."""
    questions: int
    grouped_by_meaning: bool
    """False when the encoder could not be loaded and wordings were grouped exactly."""
    groups: list[GapGroup]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip("?!. ")


def build_digest(
    rows: Sequence[GapRow], *, days: int, since: datetime, group: Grouper
) -> GapDigest:
    """The digest of ``rows`` (newest first, as the store returns them)."""
    by_wording: dict[str, list[GapRow]] = {}
    for row in rows:
        by_wording.setdefault(_folded(row.question), []).append(row)
    wordings = list(by_wording)
    grouped_by_meaning = True
    try:
        groups = group([by_wording[key][0].question for key in wordings])
    except Exception as error:  # the encoder is optional here: exact wordings still help
        log.warning("Could not group the gaps by meaning (%s); grouping exact wordings", error)
        groups = [[index] for index in range(len(wordings))]
        grouped_by_meaning = False
    digest = [_group([by_wording[wordings[i]] for i in members]) for members in groups]
    digest.sort(key=lambda g: (-g.count, -g.last_asked.timestamp()))
    return GapDigest(
        days=days,
        since=since.replace(tzinfo=UTC),
        questions=len(rows),
        grouped_by_meaning=grouped_by_meaning,
        groups=digest,
    )


def _group(wordings: list[list[GapRow]]) -> GapGroup:
    rows = sorted((row for same in wordings for row in same), key=lambda r: r.asked_at)
    latest = rows[-1]
    by_count = sorted(wordings, key=lambda same: (-len(same), same[0].question))
    others = [same[0].question for same in by_count if same[0].question != latest.question]
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[row.kind] = kinds.get(row.kind, 0) + 1
    comments = [row for row in rows if row.comment is not None and row.commented_at is not None]
    commented = max(comments, key=lambda r: r.commented_at or r.asked_at, default=None)
    return GapGroup(
        count=len(rows),
        example=latest.question,
        wordings=others[:WORDINGS_SHOWN],
        kinds=sorted(kinds, key=lambda kind: -kinds[kind]),
        refused=sum(not row.answered for row in rows),
        down_votes=sum(row.down_votes for row in rows),
        latest_comment=commented.comment if commented is not None else None,
        answer=latest.reply,
        last_asked=latest.asked_at.replace(tzinfo=UTC),
    )


def _cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading ``=`` (or ``+ - @``) would make a user's
    question a formula."""
    return f"'{text}" if text.startswith(CSV_FORMULA_STARTS) else text


def digest_csv(digest: GapDigest) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["count", "example", "other wordings", "kinds", "refused", "down votes",
         "latest comment", "answer", "last asked (UTC)"]
    )  # fmt: skip
    for group in digest.groups:
        writer.writerow(
            [
                group.count,
                _cell(group.example),
                _cell(" | ".join(group.wordings)),
                " ".join(group.kinds),
                group.refused,
                group.down_votes,
                _cell(group.latest_comment or ""),
                _cell(group.answer),
                group.last_asked.isoformat(timespec="seconds"),
            ]
        )
    return out.getvalue()
