"""Where engine calls run: bounded worker threads, so the event loop stays free for everyone.

The engine is synchronous, and Python threads share one interpreter lock: every extra thread
working on the engine takes turns away from the event loop that acknowledges interactions.
So calls run on a few threads, never one per request, in two lanes:

- the *text* lane runs calls on text a user typed (questions, country names, labels), whose
  cost the user controls within the engine's bounds; its backlog is bounded too;
- the *fixed* lane runs calls whose cost the document fixes (tally, roster, about,
  autocomplete), so a burst of typed questions never queues ahead of them.

Index builds (warm-up, reindex) run elsewhere: they take seconds and are serialised anyway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

MAX_WAITING = 100
"""Text calls that may wait for a worker before new ones are turned away. Each call is bounded
by the engine's input limits (a passage question costs tens of milliseconds), so a full
backlog drains in about a second."""


class Busy(Exception):
    """The text lane's backlog is full: the caller should ask the user to retry."""


class EngineWorkers:
    def __init__(self, text_workers: int) -> None:
        self._text = ThreadPoolExecutor(text_workers, thread_name_prefix="engine-text")
        self._fixed = ThreadPoolExecutor(1, thread_name_prefix="engine-fixed")
        self._text_workers = text_workers
        self._text_pending = 0

    @property
    def text_saturated(self) -> bool:
        """True when a new text call would wait for a worker rather than start at once."""
        return self._text_pending >= self._text_workers

    def text(self, call: Callable[[], T]) -> asyncio.Future[T]:
        """Run ``call`` on the text lane; raises ``Busy`` when too many already wait."""
        if self._text_pending >= self._text_workers + MAX_WAITING:
            raise Busy
        future = asyncio.wrap_future(self._text.submit(call))
        self._text_pending += 1
        future.add_done_callback(self._text_done)
        return future

    def fixed(self, call: Callable[[], T]) -> asyncio.Future[T]:
        """Run ``call`` on the fixed-cost lane."""
        return asyncio.wrap_future(self._fixed.submit(call))

    def shutdown(self) -> None:
        """Stop taking work; calls already running finish in their threads."""
        for pool in (self._text, self._fixed):
            pool.shutdown(wait=False, cancel_futures=True)

    def _text_done(self, _: asyncio.Future[T]) -> None:
        self._text_pending -= 1
