"""Chat answers: mentions, the answer channel, threads, and mention suppression."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import (
    ANSWER_CHANNEL_ID,
    BOT_USER_ID,
    CHANNEL_ID,
    THREAD_ID,
    RecordedRequest,
)

pytestmark = pytest.mark.e2e


def is_message_to(channel_id: int) -> Callable[[RecordedRequest], bool]:
    path = f"/channels/{channel_id}/messages"
    return lambda request: request.method == "POST" and request.path == path


async def test_mention_gets_a_reply_with_the_mention_stripped(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    message_id = await harness.fake.post_message(
        f"<@{BOT_USER_ID}> how did Kenya vote?", mention_bot=True
    )
    (reply,) = await harness.wait_for(is_message_to(CHANNEL_ID))
    assert int(reply.body["message_reference"]["message_id"]) == message_id
    assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert engine.asked() == ["how did Kenya vote?"]


async def test_everyone_in_a_question_never_pings(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> @everyone how did Kenya vote?", mention_bot=True
    )
    (reply,) = await harness.wait_for(is_message_to(CHANNEL_ID))
    assert reply.body["allowed_mentions"]["parse"] == []
    assert reply.body["allowed_mentions"].get("roles", []) == []
    assert reply.body["allowed_mentions"].get("users", []) == []
    assert engine.asked() == ["@everyone how did Kenya vote?"]


async def test_answer_channel_answers_questions_only(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message("nice weather today", channel_id=ANSWER_CHANNEL_ID)
    await harness.fake.post_message("Which countries abstained", channel_id=ANSWER_CHANNEL_ID)
    await harness.wait_for(is_message_to(ANSWER_CHANNEL_ID))
    await harness.fake.post_message("who spoke before the vote", channel_id=CHANNEL_ID)
    await asyncio.sleep(0.3)
    assert engine.asked() == ["Which countries abstained"]


async def test_questions_in_an_answer_channel_thread_are_answered(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message("Did France vote against?", channel_id=THREAD_ID)
    (reply,) = await harness.wait_for(is_message_to(THREAD_ID))
    assert reply.body["embeds"]


async def test_other_bots_are_ignored(start_bot: StartBot, engine: RecordingEngine) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> how did Kenya vote?", mention_bot=True, author_is_bot=True
    )
    await asyncio.sleep(0.3)
    assert not [r for r in harness.fake.requests if "/channels/" in r.path]


async def test_mentions_share_the_ask_cooldown(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    asker = harness.fake.next_id()
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> how did Kenya vote?", mention_bot=True, author_id=asker
    )
    await harness.wait_for(is_message_to(CHANNEL_ID))
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> how did Chad vote?", mention_bot=True, author_id=asker
    )
    first, second = await harness.wait_for(is_message_to(CHANNEL_ID), count=2)
    assert "One question every 30 s, please" in str(second.body["embeds"])
    assert second.body["allowed_mentions"]["parse"] == []
    assert engine.asked() == ["how did Kenya vote?"]
    assert first.body["embeds"] != second.body["embeds"]


async def test_the_answer_channel_skips_one_users_burst_silently(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    asker = harness.fake.next_id()
    await harness.fake.post_message(
        "How did Kenya vote?", channel_id=ANSWER_CHANNEL_ID, author_id=asker
    )
    await harness.wait_for(is_message_to(ANSWER_CHANNEL_ID))
    await harness.fake.post_message(
        "How did Chad vote?", channel_id=ANSWER_CHANNEL_ID, author_id=asker
    )
    await harness.fake.post_message("How did Peru vote?", channel_id=ANSWER_CHANNEL_ID)
    await harness.wait_for(is_message_to(ANSWER_CHANNEL_ID), count=2)
    await asyncio.sleep(0.3)
    assert len([r for r in harness.fake.requests if is_message_to(ANSWER_CHANNEL_ID)(r)]) == 2
    assert engine.asked() == ["How did Kenya vote?", "How did Peru vote?"]


def embed_text(request: RecordedRequest) -> str:
    return " ".join(
        f"{embed.get('title', '')} {embed.get('description', '')}"
        for embed in request.body["embeds"]
    )


async def test_a_follow_up_from_the_same_person_is_read_in_context(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    asker = harness.fake.next_id()
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> how did France vote?", mention_bot=True, author_id=asker
    )
    await harness.wait_for(is_message_to(CHANNEL_ID))
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> and Brazil?", mention_bot=True, author_id=asker
    )
    _, second = await harness.wait_for(is_message_to(CHANNEL_ID), count=2)
    text = embed_text(second)
    assert "I read this as: How Brazil voted." in text
    assert "**Brazil** **abstained**" in text


async def test_a_reply_to_an_answer_follows_it_whoever_asks(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> how did the african group vote?", mention_bot=True
    )
    await harness.wait_for(is_message_to(CHANNEL_ID))
    answer_id = int(harness.fake.sent[-1]["id"])
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> which of them abstained?", mention_bot=True, reply_to=answer_id
    )
    _, second = await harness.wait_for(is_message_to(CHANNEL_ID), count=2)
    assert "**8 of the 54** members of the African Group abstained" in embed_text(second)


async def test_someone_else_does_not_inherit_a_conversation(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message(f"<@{BOT_USER_ID}> how did France vote?", mention_bot=True)
    await harness.wait_for(is_message_to(CHANNEL_ID))
    await harness.fake.post_message(f"<@{BOT_USER_ID}> and Brazil?", mention_bot=True)
    _, second = await harness.wait_for(is_message_to(CHANNEL_ID), count=2)
    assert "I read this as" not in embed_text(second)
