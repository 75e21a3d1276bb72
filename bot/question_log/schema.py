"""The log's tables, as SQLAlchemy Core describes them for both SQLite and PostgreSQL.

Alembic's migrations (``migrations/versions``) create and change them; this module is what
the code reads and writes through, and ``SCHEMA_REVISION`` names the migration it matches
(a test checks it is Alembic's head).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA_REVISION = "0001"

metadata = MetaData()

Json = JSON().with_variant(JSONB(), "postgresql")

answers = Table(
    "answers",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("asked_at", DateTime(), nullable=False),
    Column("front_end", String(16), nullable=False),
    Column("command", String(32), nullable=False),
    Column("guild_id", BigInteger()),
    Column("channel_id", BigInteger()),
    Column("question", Text(), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("answered", Boolean(), nullable=False),
    Column("labels", Json, nullable=False),
    Column("reply", Text(), nullable=False),
    Column("query", Json),
    Column("answer", Json, nullable=False),
    Index("answers_asked_at", "asked_at"),
)
"""One row per answer given. ``answer`` and ``query`` are the engine's models as JSON;
``kind``, ``answered``, ``labels`` and ``reply`` (the answer's first line) are copied out
of them so the gaps digest reads columns, not JSON."""

feedback = Table(
    "feedback",
    metadata,
    Column("answer_id", String(32), primary_key=True),
    Column("voter", String(64), primary_key=True),
    Column("vote", String(4), nullable=False),
    Column("comment", Text()),
    Column("voted_at", DateTime(), nullable=False),
    Index("feedback_voted_at", "voted_at"),
)
"""One row per person and answer: the key keeps one vote each, a second click updates it.
``voter`` is a keyed hash of the answer and the user id, never the id itself. No foreign
key: a vote may arrive from another bot process before its answer's row does."""

settings = Table(
    "settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text(), nullable=False),
)
"""Values the processes sharing one log must agree on: the voter-hash key."""
