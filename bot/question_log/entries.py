"""What the front ends hand the log, and what the gaps digest reads back.

Entries are plain frozen dataclasses: making one is the only logging work done on the
answer path, so it must cost microseconds; the JSON is made on the writer thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from index.answers import Answer


class FrontEnd(StrEnum):
    DISCORD = "discord"
    CONSOLE = "console"


class Vote(StrEnum):
    UP = "up"
    DOWN = "down"


def utc_now() -> datetime:
    """Naive UTC, as both databases store it."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class AnswerEntry:
    id: str
    asked_at: datetime
    front_end: FrontEnd
    command: str
    """How it was asked: a slash command's name, ``chat`` or ``console``."""
    guild_id: int | None
    channel_id: int | None
    answer: Answer


@dataclass(frozen=True, slots=True)
class VoteEntry:
    answer_id: str
    user_id: int
    """Turned into a keyed hash by the writer; never stored."""
    vote: Vote
    comment: str | None
    """``None`` keeps a comment given before (a 👎 clicked again); a 👍 always clears it."""
    voted_at: datetime


Entry = AnswerEntry | VoteEntry


@dataclass(frozen=True, slots=True)
class GapRow:
    """One logged answer the gaps digest lists: refused, not in the document, or voted down."""

    answer_id: str
    asked_at: datetime
    front_end: str
    question: str
    kind: str
    answered: bool
    reply: str
    down_votes: int
    comment: str | None
    """The latest 👎 comment on this answer, if any."""
    commented_at: datetime | None
