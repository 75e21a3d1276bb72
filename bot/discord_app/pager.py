"""Answers shown one page at a time: which page each message shows, and for how long.

A long answer is one message showing its first page, with ◀ ▶ under it. The pages stay in
memory for ``PAGES_SECONDS`` after the last turn; then the message is edited so its page
buttons are disabled rather than dead (the 👍 👎 buttons keep working: they need no
memory). The oldest entries go first when ``CAPACITY`` is reached, and a restart forgets
them all: a turn that finds nothing says so and disables the buttons then.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import discord

from bot.charts.pictures import Picture

log = logging.getLogger(__name__)

PAGES_SECONDS = 600.0
"""How long the page buttons work after the last turn; under Discord's 15 minutes, after
which an interaction's token can no longer edit the message it answered."""
CAPACITY = 2048

Edit = Callable[[discord.ui.View], Awaitable[object]]
"""Replaces the view of the message that shows the pages (through the interaction's
webhook, or the channel for chat replies)."""
ViewFor = Callable[["Paged", bool], discord.ui.View]


@dataclass
class Paged:
    pages: list[discord.Embed]
    asker_id: int
    answer_id: str | None
    """The logged answer the 👍 👎 buttons vote on; ``None`` when nothing is logged."""
    private: bool
    """An ephemeral answer: it offers "Share in channel"."""
    picture: Picture | None = None
    key: str = field(default_factory=lambda: secrets.token_hex(8))
    page: int = 0
    shared: bool = False
    edit: Edit | None = None
    _expiry: asyncio.TimerHandle | None = None

    @property
    def current(self) -> discord.Embed:
        return self.pages[self.page]

    @property
    def turns(self) -> bool:
        return len(self.pages) > 1


class Pager:
    def __init__(self, view_for: ViewFor, *, seconds: float | None = None) -> None:
        self._view_for = view_for
        self._seconds = PAGES_SECONDS if seconds is None else seconds
        self._entries: OrderedDict[str, Paged] = OrderedDict()
        self._expiring: set[asyncio.Task[None]] = set()

    def keep(self, paged: Paged) -> None:
        """Remember ``paged`` until it times out (only answers with buttons to disable)."""
        if not (paged.turns or paged.private):
            return
        self._entries[paged.key] = paged
        self._restart(paged)
        while len(self._entries) > CAPACITY:
            _, oldest = self._entries.popitem(last=False)
            if oldest._expiry is not None:
                oldest._expiry.cancel()

    def get(self, key: str) -> Paged | None:
        paged = self._entries.get(key)
        if paged is not None:
            self._restart(paged)
        return paged

    def _restart(self, paged: Paged) -> None:
        if paged._expiry is not None:
            paged._expiry.cancel()
        loop = asyncio.get_running_loop()
        paged._expiry = loop.call_later(self._seconds, self._expire, paged.key)

    def _expire(self, key: str) -> None:
        paged = self._entries.pop(key, None)
        if paged is None or paged.edit is None:
            return
        task = asyncio.get_running_loop().create_task(self._disable(paged))
        self._expiring.add(task)
        task.add_done_callback(self._expiring.discard)

    async def _disable(self, paged: Paged) -> None:
        assert paged.edit is not None
        try:
            await paged.edit(self._view_for(paged, True))
        except discord.HTTPException as error:
            log.info("Could not disable the page buttons of an answer: %s", error)

    def close(self) -> None:
        """Stop the timers (the bot is closing: its messages keep their buttons)."""
        for paged in self._entries.values():
            if paged._expiry is not None:
                paged._expiry.cancel()
        self._entries.clear()
