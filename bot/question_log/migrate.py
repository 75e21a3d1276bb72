"""Bringing a log's schema to the revision this code reads and writes.

Alembic runs the migrations; a start that finds the schema already current skips importing
it. On PostgreSQL the upgrade holds a transaction-scoped advisory lock, so bot processes
starting together against one database take turns instead of racing to create tables.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, column, inspect, select, table, text

from bot.question_log.schema import SCHEMA_REVISION

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x52415050
"""The advisory lock's key ("RAPP"): any constant the processes share."""


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    version = table("alembic_version", column("version_num"))
    return connection.execute(select(version.c.version_num)).scalar_one_or_none()


def upgrade(engine: Engine) -> None:
    """Migrate to the newest revision, unless the schema is already there."""
    with engine.connect() as connection:
        if current_revision(connection) == SCHEMA_REVISION:
            return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
