"""What the log's readers and writer are told when the database fails them.

Apart from the store so that front ends can name them without importing SQLAlchemy.
"""

from __future__ import annotations


class LogUnavailable(Exception):
    """The log cannot be read or written right now; ``str()`` says why in a few words."""


class UnstorableEntry(Exception):
    """The database refused this one entry for what it holds; retrying would not help."""
