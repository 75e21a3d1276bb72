"""One cooldown window per person, shared by every way of asking.

The README promises one question every few seconds per person, across every command that
takes typed text and the questions asked in chat. Per-command buckets would let one person
run ``/ask``, ``/search``, ``/vote`` and a mention side by side; this keeps a single window
per user id instead. A person asking again inside their window is told once, then not again
until the window ends, so a burst of mentions never becomes a burst of public refusals.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from discord import app_commands

T = TypeVar("T")

CAPACITY = 10_000
"""People remembered at once; the oldest go first, so a large server never grows it."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """``retry_after`` is ``None`` when the person may ask now; otherwise ``tell`` is True
    for the first refusal of the window only."""

    retry_after: float | None
    tell: bool = False


@dataclass(slots=True)
class _Window:
    ends: float
    told: bool = False


class PersonCooldown:
    def __init__(
        self,
        seconds: float,
        *,
        capacity: int = CAPACITY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self._capacity = capacity
        self._clock = clock
        self._windows: OrderedDict[int, _Window] = OrderedDict()

    def ask(self, user_id: int) -> Verdict:
        """Whether ``user_id`` may ask now; a question let through starts their window."""
        if self.seconds <= 0:
            return Verdict(None)
        now = self._clock()
        window = self._windows.get(user_id)
        if window is not None and now < window.ends:
            tell = not window.told
            window.told = True
            return Verdict(window.ends - now, tell)
        self._windows[user_id] = _Window(now + self.seconds)
        self._windows.move_to_end(user_id)
        while len(self._windows) > self._capacity:
            self._windows.popitem(last=False)
        return Verdict(None)


class TooSoon(app_commands.CheckFailure):
    """A command asked inside the person's window; the error handler says how long to wait."""

    def __init__(self, seconds: float, retry_after: float) -> None:
        super().__init__(f"one question every {seconds:g} s")
        self.seconds = seconds
        self.retry_after = retry_after
