"""What each person last asked, so a short follow-up ("and Brazil?") can be read in its light.

A follow-up leans on the previous question of the same person in the same channel or thread,
if it came within a few minutes, or on the answer it replies to (whoever asked that). Both
memories are bounded: the oldest entries go first, so a busy server never grows them.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.query import Query

CAPACITY = 4096


@dataclass(frozen=True, slots=True)
class _Turn:
    query: Query
    at: float


class Conversations:
    def __init__(
        self,
        window_seconds: float,
        *,
        capacity: int = CAPACITY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._window = window_seconds
        self._capacity = capacity
        self._clock = clock
        self._by_person: OrderedDict[tuple[int, int], _Turn] = OrderedDict()
        self._by_answer: OrderedDict[int, Query] = OrderedDict()

    def previous(self, *, channel_id: int, user_id: int, reply_to: int | None) -> Query | None:
        """The query a new question follows up: the answer it replies to, else the same
        person's last question here within the window."""
        if reply_to is not None and reply_to in self._by_answer:
            return self._by_answer[reply_to]
        turn = self._by_person.get((channel_id, user_id))
        if turn is None or self._clock() - turn.at > self._window:
            return None
        return turn.query

    def remember(
        self, query: Query | None, *, channel_id: int, user_id: int, answer_ids: Iterable[int]
    ) -> None:
        """Keep ``query`` as this person's last question, and as what the answer messages
        ``answer_ids`` answered."""
        if query is None:
            return
        key = (channel_id, user_id)
        self._by_person[key] = _Turn(query, self._clock())
        self._by_person.move_to_end(key)
        for answer_id in answer_ids:
            self._by_answer[answer_id] = query
            self._by_answer.move_to_end(answer_id)
        for memory in (self._by_person, self._by_answer):
            while len(memory) > self._capacity:
                memory.popitem(last=False)
