"""Alembic's migrations of the question log (see ``bot.question_log.migrate``)."""
