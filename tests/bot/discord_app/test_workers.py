"""The bounded lanes engine calls run on."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.discord_app.workers import MAX_WAITING, Busy, EngineWorkers


async def test_text_calls_saturate_wait_and_are_turned_away_past_the_backlog() -> None:
    workers = EngineWorkers(2)
    gate = threading.Event()
    try:
        assert not workers.text_saturated
        running = [workers.text(gate.wait) for _ in range(2)]
        assert workers.text_saturated
        waiting = [workers.text(lambda: 1) for _ in range(MAX_WAITING)]
        with pytest.raises(Busy):
            workers.text(lambda: 1)
        assert await workers.fixed(lambda: "fixed") == "fixed", "the fixed lane is not blocked"
        gate.set()
        assert await asyncio.gather(*running) == [True, True]
        assert await asyncio.gather(*waiting) == [1] * MAX_WAITING
        assert not workers.text_saturated
    finally:
        gate.set()
        workers.shutdown()
