"""Alembic's entry point: runs the migrations on the connection the store hands over.

``bot.question_log.migrate`` passes its open connection (inside the transaction that holds
the migration lock); run from Alembic's own command line, the URL comes from ``-x url=…``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from bot.question_log.schema import metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if isinstance(given, Connection):
    run(given)
else:
    engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])
    with engine.begin() as connection:
        run(connection)
