"""An answer whose question was deleted, or whose interaction expired, is still posted:
without the reference, in the same channel, with one log line (issue 16, item 12)."""

from __future__ import annotations

import logging

import pytest

from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import BOT_USER_ID, CHANNEL_ID
from tests.e2e.test_interactions import embeds_of
from tests.e2e.test_messages import is_message_to

pytestmark = pytest.mark.e2e


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_deleted_question_still_gets_its_answer_without_the_reply(
    start_bot: StartBot, engine: RecordingEngine, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await start_bot(engine)
    with caplog.at_level(logging.WARNING):
        message_id = await harness.fake.post_message(
            f"<@{BOT_USER_ID}> how did Kenya vote?", mention_bot=True, deleted=True
        )
        refused, posted = await harness.wait_for(is_message_to(CHANNEL_ID), count=2)
    assert int(refused.body["message_reference"]["message_id"]) == message_id
    assert "message_reference" not in posted.body
    assert "**Kenya** voted **in favour**" in embeds_of(posted)[0]["description"]
    assert posted.body["allowed_mentions"]["parse"] == []
    (warning,) = warnings(caplog)
    assert f"Message {message_id} was deleted before its answer" in warning


async def test_an_interaction_that_expired_before_its_answer_is_answered_in_its_channel(
    start_bot: StartBot, engine: RecordingEngine, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await start_bot(engine)
    with caplog.at_level(logging.WARNING):
        invocation = await harness.fake.invoke("vote", {"country": "Kenya"}, expired=True)
        (posted,) = await harness.wait_for(is_message_to(CHANNEL_ID))
    assert "**Kenya** voted **in favour**" in embeds_of(posted)[0]["description"]
    assert posted.body["allowed_mentions"]["parse"] == []
    (warning,) = warnings(caplog)
    assert f"Interaction {invocation.id} expired before its answer was sent" in warning


async def test_a_follow_up_whose_token_expired_is_answered_in_its_channel(
    start_bot: StartBot, engine: RecordingEngine, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await start_bot(engine)
    harness.fake.tokens_expire_after_ack = True
    with caplog.at_level(logging.WARNING):
        invocation = await harness.fake.invoke(
            "ask", {"question": "When does the ad hoc committee meet?"}
        )
        assert (await harness.callback(invocation)).body["type"] == 5, "deferred in time"
        (posted,) = await harness.wait_for(is_message_to(CHANNEL_ID))
    assert "ad hoc committee" in embeds_of(posted)[0]["title"]
    (warning,) = warnings(caplog)
    assert f"Interaction {invocation.id} expired before its answer was sent" in warning


async def test_a_note_for_one_person_is_never_posted_for_everyone(
    start_bot: StartBot, engine: RecordingEngine, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    first = await harness.fake.invoke("vote", {"country": "Kenya"}, user_id=42)
    await harness.callback(first)
    with caplog.at_level(logging.WARNING):
        late = await harness.fake.invoke("vote", {"country": "Peru"}, user_id=42, expired=True)
        await harness.callback(late)  # refused: the fake answers 404, as Discord does
        await harness.wait_for(lambda _: bool(warnings(caplog)), timeout=5)
    (warning,) = warnings(caplog)
    assert f"Interaction {late.id} expired before its note could be sent" in warning
    assert not [r for r in harness.fake.requests if is_message_to(CHANNEL_ID)(r)]
