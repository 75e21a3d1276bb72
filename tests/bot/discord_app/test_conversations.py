"""Remembering the last question per person and per answer, briefly and boundedly."""

from __future__ import annotations

from bot.discord_app.conversations import Conversations
from index.query import Intent, Query


def query(text: str) -> Query:
    return Query(text=text, intent=Intent.VOTE)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_same_person_in_the_same_channel_within_the_window() -> None:
    clock = Clock()
    memory = Conversations(300, clock=clock)
    memory.remember(query("how did France vote?"), channel_id=1, user_id=7, answer_ids=[100])
    assert memory.previous(channel_id=1, user_id=7, reply_to=None) == query("how did France vote?")
    assert memory.previous(channel_id=2, user_id=7, reply_to=None) is None
    assert memory.previous(channel_id=1, user_id=8, reply_to=None) is None
    clock.now = 301
    assert memory.previous(channel_id=1, user_id=7, reply_to=None) is None


def test_a_reply_follows_the_answer_it_replies_to_for_anyone() -> None:
    clock = Clock()
    memory = Conversations(300, clock=clock)
    memory.remember(query("first"), channel_id=1, user_id=7, answer_ids=[100, 101])
    memory.remember(query("second"), channel_id=1, user_id=7, answer_ids=[200])
    clock.now = 10_000
    assert memory.previous(channel_id=1, user_id=9, reply_to=101) == query("first")
    assert memory.previous(channel_id=1, user_id=9, reply_to=555) is None


def test_memory_is_bounded() -> None:
    memory = Conversations(300, capacity=3)
    for n in range(10):
        memory.remember(query(str(n)), channel_id=1, user_id=n, answer_ids=[n])
    assert memory.previous(channel_id=1, user_id=0, reply_to=0) is None
    assert memory.previous(channel_id=1, user_id=9, reply_to=9) == query("9")
