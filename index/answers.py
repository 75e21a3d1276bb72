"""The typed answer every front end renders; its JSON form is a stable public contract."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from index.query import Query
from index.records import Position


class AnswerKind(StrEnum):
    VOTE = "vote"
    BREAKDOWN = "breakdown"
    LIST = "list"
    COUNT = "count"
    COMPARE = "compare"
    TALLY = "tally"
    ROSTER = "roster"
    SPONSORS = "sponsors"
    STATEMENTS = "statements"
    METADATA = "metadata"
    PARAGRAPH = "paragraph"
    PASSAGE = "passage"
    NOT_IN_DOCUMENT = "not_in_document"
    NO_ANSWER = "no_answer"


class VoteEntry(BaseModel):
    country: str
    position: Position
    note: str | None = None
    document: str


class TrailEntry(BaseModel):
    """One State in an answer about both votes: its position in the Committee's vote (in
    ``report``) and in the plenary vote (in ``resolution``, the voting record's id)."""

    country: str
    committee: Position
    plenary: Position
    changed: bool
    report: str
    resolution: str


class Source(BaseModel):
    """A cited paragraph: ``label`` is the human label, ``score`` the retrieval score.

    Exact (structured) answers cite with score 1.0.
    """

    document: str
    label: str
    text: str
    score: float


class IllustrationKind(StrEnum):
    MAP = "map"
    GROUPS = "groups"
    TRAIL = "trail"


class Illustration(BaseModel):
    """A picture that shows an answer better than words: front ends draw it, the engine
    only says which one.

    ``document`` names the vote: a report's id for its Committee vote (for a trail, the
    report whose two votes it shows), a voting record's id for a plenary vote. ``groups``
    names the groups of States a group chart shows (empty: the five UN regional groups); the
    other pictures ignore it.
    """

    kind: IllustrationKind
    document: str
    groups: list[str] = []


class Answer(BaseModel):
    question: str
    kind: AnswerKind
    answered: bool
    text: str
    votes: list[VoteEntry] = []
    """Every State the answer names with its position in one vote, the answer's primary one
    (the Committee's when it is about both)."""
    trail: list[TrailEntry] = []
    """For an answer about both votes: each State it names, in each vote."""
    sources: list[Source] = []
    illustration: Illustration | None = None
    query: Query | None = None
    """How the question was read; ``None`` for commands that take no free text. For a message
    that asks several things, the last part's reading (the one a follow-up continues)."""
    parts: list[Answer] = []
    """For a message that asks several things, each part's own answer, in order."""
