"""The one exception the parser raises, so callers need a single ``except``."""

from __future__ import annotations


class ParseError(Exception):
    """A document could not be turned into trustworthy records.

    Raised instead of guessing: a wrong tally or a dropped country would later be
    reported to users as fact.
    """

    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason
