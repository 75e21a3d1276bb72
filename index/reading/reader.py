"""The reader's entry point: text (and the previous query) in, one ``Query`` out."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from index.query import Query
from index.reading.describe import described
from index.reading.evidence import gather
from index.reading.follow_up import is_follow_up, merge
from index.reading.intent import decide
from index.reading.text import valid_text
from index.reading.vocabulary import Vocabulary


class ReadingContext(Protocol):
    """What the reader needs to know about the documents."""

    @property
    def vocabulary(self) -> Vocabulary: ...

    @property
    def membership_date(self) -> dt.date | None:
        """The date group membership is read as of (the documents' date)."""

    def named_documents(self, text: str) -> tuple[str, ...]:
        """Ids of the documents ``text`` names (by symbol, agenda item or subject)."""


def read(question: str, context: ReadingContext, previous: Query | None = None) -> Query:
    """The typed reading of ``question``, completed from ``previous`` for a follow-up."""
    text = valid_text(question)
    evidence = gather(text, context.vocabulary)
    query = decide(evidence, context.vocabulary)
    query = query.model_copy(update={"documents": context.named_documents(text)})
    if previous is not None and is_follow_up(evidence, query, previous):
        query = merge(evidence, query, previous, context.membership_date)
    return described(query)
