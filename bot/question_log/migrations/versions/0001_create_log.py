"""Create the question log: answers, feedback and shared settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "answers",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("front_end", sa.String(16), nullable=False),
        sa.Column("command", sa.String(32), nullable=False),
        sa.Column("guild_id", sa.BigInteger()),
        sa.Column("channel_id", sa.BigInteger()),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("labels", JSON, nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("query", JSON),
        sa.Column("answer", JSON, nullable=False),
    )
    op.create_index("answers_asked_at", "answers", ["asked_at"])
    op.create_table(
        "feedback",
        sa.Column("answer_id", sa.String(32), primary_key=True),
        sa.Column("voter", sa.String(64), primary_key=True),
        sa.Column("vote", sa.String(4), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("voted_at", sa.DateTime(), nullable=False),
    )
    op.create_index("feedback_voted_at", "feedback", ["voted_at"])
    op.create_table(
        "settings",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_index("feedback_voted_at", "feedback")
    op.drop_table("feedback")
    op.drop_index("answers_asked_at", "answers")
    op.drop_table("answers")
