"""One cooldown window per person across every way of asking, and one notice per window
(issue 16, items 4 and 7)."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import BOT_USER_ID, CHANNEL_ID, Invocation
from tests.e2e.test_interactions import EPHEMERAL, embeds_of
from tests.e2e.test_messages import is_message_to

pytestmark = pytest.mark.e2e

SPREE = [
    ("ask", {"question": "How did Kenya vote?"}),
    ("ask", {"question": "How did Chad vote?"}),
    ("search", {"query": "ad hoc committee"}),
    ("vote", {"country": "Peru"}),
    ("sponsors", {"country": "Kenya"}),
    ("statements", {"country": "Japan"}),
    ("paragraph", {"label": "operative paragraph 2"}),
]


async def test_one_person_gets_one_answer_per_window_whatever_they_use(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    fake = harness.fake
    person = fake.next_id()
    sent: list[Invocation] = [
        await fake.invoke(name, options, user_id=person) for name, options in SPREE
    ]
    await fake.post_message(
        f"<@{BOT_USER_ID}> how did Chile vote?", mention_bot=True, author_id=person
    )
    first, *others = [await harness.callback(invocation) for invocation in sent]
    assert first.body["type"] == 5, "the first /ask is answered (deferred, then sent)"
    await harness.followups(sent[0])
    for refused in others:
        assert refused.body["data"]["flags"] & EPHEMERAL
        assert "try again in" in embeds_of(refused)[0]["description"]
    await asyncio.sleep(0.3)
    assert engine.calls == [("ask", "How did Kenya vote?")]
    assert [r for r in fake.requests if is_message_to(CHANNEL_ID)(r)] == [], (
        "the mention came inside a window already refused once: silence"
    )
    someone_else = await fake.invoke("vote", {"country": "Peru"}, user_id=fake.next_id())
    assert (await harness.callback(someone_else)).body["type"] == 4


async def test_a_burst_of_mentions_gets_one_answer_and_one_notice(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    person = harness.fake.next_id()
    for number in range(50):
        await harness.fake.post_message(
            f"<@{BOT_USER_ID}> how did Kenya vote? ({number})", mention_bot=True, author_id=person
        )
    await harness.wait_for(is_message_to(CHANNEL_ID), count=2)
    await asyncio.sleep(0.5)
    replies = [r for r in harness.fake.requests if is_message_to(CHANNEL_ID)(r)]
    texts = sorted(embeds_of(reply)[0]["description"] for reply in replies)
    assert len(texts) == 2, texts
    assert "Kenya" in texts[0]  # the answer, in whichever order the two were sent
    assert texts[1].startswith("One question every 30 s, please")
    assert engine.asked() == ["how did Kenya vote? (0)"]
