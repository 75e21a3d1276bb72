"""``python -m bot``: the same entry point as the ``rapporteur`` console script."""

from bot.cli import run

run()
