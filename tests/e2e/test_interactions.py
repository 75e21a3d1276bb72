"""Slash commands driven through the fake gateway, asserting on what the bot sent back."""

from __future__ import annotations

import asyncio
import statistics
from pathlib import Path
from typing import Any

import pytest

from bot.charts.palette import AGAINST, as_int
from bot.discord_app.render import EMBED_TOTAL_LIMIT
from index.answers import Answer, AnswerKind
from index.query import Query
from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import APPLICATION_ID, RecordedRequest

pytestmark = pytest.mark.e2e

EPHEMERAL = 1 << 6
VOTE_CAPTION = "recorded vote on A/C.3/74/L.11/Rev.1"


def embeds_of(request: RecordedRequest) -> list[dict[str, Any]]:
    body = request.body
    data = body.get("data") or {} if "type" in body else body
    embeds: list[dict[str, Any]] = data.get("embeds") or []
    return embeds


def embed_size(embed: dict[str, Any]) -> int:
    fields = embed.get("fields", [])
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + len(embed.get("footer", {}).get("text", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in fields)
    )


async def test_vote_autocomplete_then_answer_coloured_by_position(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    choices = await harness.fake.autocomplete("vote", "country", "ke")
    assert {"name": "Kenya", "value": "Kenya"} in choices

    invocation = await harness.fake.invoke("vote", {"country": "France"})
    callback = await harness.callback(invocation)
    assert callback.body["type"] == 4, "a structured answer is sent immediately"
    (embed,) = embeds_of(callback)
    assert embed["color"] == as_int(AGAINST), "the pictures' colour for against"
    assert "**France** voted **against**" in embed["description"]
    assert embed["fields"][0]["name"] == "paragraph 10 of the report"
    assert VOTE_CAPTION in embed["footer"]["text"], "footer names document and vote"
    assert callback.body["data"]["allowed_mentions"]["parse"] == []


async def test_ask_defers_then_follows_up_with_cited_paragraphs(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke(
        "ask", {"question": "When does the ad hoc committee meet?"}
    )
    callback = await harness.callback(invocation)
    assert callback.body["type"] == 5, "ask must defer (thinking) first"
    (followup,) = await harness.followups(invocation)
    (embed,) = embeds_of(followup)
    assert "fields" in embed, embed
    assert "ad hoc committee" in embed["title"]
    assert any(field["name"].startswith("operative paragraph 3") for field in embed["fields"])
    assert followup.body["allowed_mentions"]["parse"] == []
    assert engine.asked() == ["When does the ad hoc committee meet?"]


async def test_roster_did_not_vote_lists_everyone(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("roster", {"position": "absent"})
    (embed,) = embeds_of(await harness.callback(invocation))
    assert "Did not vote" in embed["description"]
    assert "Benin" in embed["description"] and "South Sudan" in embed["description"]


async def test_too_long_question_is_refused_politely(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, max_question_length=50)
    invocation = await harness.fake.invoke("ask", {"question": "why " * 30})
    callback = await harness.callback(invocation)
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "under 50 characters" in embeds_of(callback)[0]["description"]
    assert engine.asked() == []


async def test_cooldown_answers_the_second_ask_ephemerally(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    first = await harness.fake.invoke("ask", {"question": "How did Kenya vote?"}, user_id=42)
    await harness.followups(first)
    second = await harness.fake.invoke("ask", {"question": "How did Peru vote?"}, user_id=42)
    callback = await harness.callback(second)
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "try again in" in embeds_of(callback)[0]["description"]
    assert engine.asked() == ["How did Kenya vote?"]


def edit_operative_six(seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("*.md"))
    text = seed.read_text(encoding="utf-8")
    edited = text.replace(
        "at its seventy-fifth session under the item", "at its next session under the item"
    )
    assert edited != text
    seed.write_text(edited, encoding="utf-8")


async def test_reindex_by_moderator_reports_the_diff(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    edit_operative_six(seeds_dir)
    invocation = await harness.fake.invoke("reindex", moderator=True)
    assert (await harness.callback(invocation)).body["type"] == 5
    (followup,) = await harness.followups(invocation)
    (embed,) = embeds_of(followup)
    assert embed["title"].startswith("Reindex complete")
    assert {"name": "Paragraphs changed (1)", "value": "operative-6", "inline": False} in embed[
        "fields"
    ]
    assert " s." in embed["description"]
    assert engine.reindexes == 1


async def test_manage_server_permission_also_allows_reindex(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine, moderator_role_id=None)
    invocation = await harness.fake.invoke("reindex", manage_guild=True)
    await harness.followups(invocation)
    assert engine.reindexes == 1


async def test_reindex_by_anyone_else_is_refused_and_changes_nothing(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    edit_operative_six(seeds_dir)
    invocation = await harness.fake.invoke("reindex")
    callback = await harness.callback(invocation)
    assert callback.body["type"] == 4
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "only moderators" in embeds_of(callback)[0]["description"]
    assert engine.reindexes == 0
    quoted = engine.paragraph("operative paragraph 6")
    assert "seventy-fifth session" in quoted.text, "the old records keep answering"


async def test_concurrent_reindexes_are_serialised(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    invocations = [await harness.fake.invoke("reindex", moderator=True) for _ in range(3)]
    for invocation in invocations:
        await harness.followups(invocation)
    assert engine.reindexes == 3 and engine.max_parallel_reindexes == 1


async def test_failed_reindex_says_why_and_keeps_answering(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    seed = next(seeds_dir.glob("*.md"))
    seed.write_text("# Not a Third Committee report\n\nNothing to see.\n", encoding="utf-8")
    invocation = await harness.fake.invoke("reindex", moderator=True)
    (embed,) = embeds_of((await harness.followups(invocation))[0])
    assert embed["title"].startswith("Reindex failed")
    assert "could not be parsed" in embed["description"]

    after = await harness.fake.invoke("vote", {"country": "Kenya"})
    assert "voted **in favour**" in embeds_of(await harness.callback(after))[0]["description"]


async def test_long_answers_turn_pages_within_discord_limits(
    start_bot: StartBot, engine: RecordingEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n\n".join(f"Paragraph {n}. " + "word " * 400 for n in range(12))

    def long_answer(question: str, previous: Query | None = None) -> Answer:
        return Answer(question=question, kind=AnswerKind.PASSAGE, answered=True, text=text)

    monkeypatch.setattr(engine, "ask", long_answer)
    harness = await start_bot(engine)
    fake = harness.fake
    invocation = await fake.invoke("ask", {"question": "Tell me everything?"}, user_id=7)
    await harness.callback(invocation)
    (first,) = await harness.followups(invocation)
    message_id = int(fake.original_of(invocation)["id"])
    pages = [embeds_of(first)]
    while not fake.buttons(message_id)[1].get("disabled", False):
        click = await fake.click(message_id, fake.buttons(message_id)[1]["custom_id"], user_id=7)
        callback = await harness.callback(click)
        assert callback.body["type"] == 7, "a page turn edits the message"
        pages.append(embeds_of(callback))
    assert len(pages) > 2
    for (page,) in pages:
        assert embed_size(page) <= EMBED_TOTAL_LIMIT and len(page["description"]) <= 4096
    words = " ".join(page["description"] for (page,) in pages).split()
    assert words == text.split(), "nothing is lost or reordered by paging"
    assert len(fake.matching("POST", f"/webhooks/{APPLICATION_ID}/")) == 1, "one message"


async def test_fifty_concurrent_interactions_are_all_acknowledged(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    countries = ["Kenya", "France", "Turkey", "Benin", "Côte d'Ivoire"]
    invocations = await asyncio.gather(
        *(harness.fake.invoke("vote", {"country": countries[n % 5]}) for n in range(50))
    )
    callbacks = [await harness.callback(invocation) for invocation in invocations]
    delays = sorted(
        (callback.at - invocation.sent_at) * 1000
        for callback, invocation in zip(callbacks, invocations, strict=True)
    )
    p50 = statistics.median(delays)
    p99 = delays[min(len(delays) - 1, round(0.99 * len(delays)))]
    print(f"\n50 concurrent /vote: time to callback p50={p50:.1f} ms p99={p99:.1f} ms")
    # Answered in the response itself, or deferred when every worker was busy: never lost.
    assert {callback.body["type"] for callback in callbacks} <= {4, 5}
    assert len({c.path for c in callbacks}) == 50
    for invocation, callback in zip(invocations, callbacks, strict=True):
        if callback.body["type"] == 5:
            (followup,) = await harness.followups(invocation)
            assert "recorded vote" in embeds_of(followup)[0]["description"]
    assert not harness.fake.unexpected


async def test_unexpected_engine_error_is_logged_not_shown(
    start_bot: StartBot, engine: RecordingEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(country: str) -> Answer:
        raise RuntimeError("engine exploded with internal detail")

    monkeypatch.setattr(engine, "vote", broken)
    harness = await start_bot(engine)
    harness.errors.expected = True
    invocation = await harness.fake.invoke("vote", {"country": "Kenya"})
    callback = await harness.callback(invocation)
    description = embeds_of(callback)[0]["description"]
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "went wrong" in description and "exploded" not in description
    logged = harness.errors.records
    assert logged and logged[0].exc_info is not None
    assert f"/webhooks/{APPLICATION_ID}" not in " ".join(r.path for r in harness.fake.requests)


async def test_about_paragraph_and_search(start_bot: StartBot, engine: RecordingEngine) -> None:
    harness = await start_bot(engine)
    about = await harness.fake.invoke("about")
    (embed,) = embeds_of(await harness.callback(about))
    assert "A/C.3/74/L.11/Rev.1" in embed["description"]
    assert [f["name"] for f in embed["fields"]] == [
        "What I can answer",
        "Example questions",
        "Index",
    ]
    assert "vectors" in embed["fields"][2]["value"], "warm-up built the index"

    labels = await harness.fake.autocomplete("paragraph", "label", "operative paragraph")
    assert [c["value"] for c in labels][:2] == ["operative paragraph 1", "operative paragraph 2"]
    quote = await harness.fake.invoke("paragraph", {"label": "operative paragraph 2"})
    assert "ad hoc" in embeds_of(await harness.callback(quote))[0]["description"]

    search = await harness.fake.invoke("search", {"query": "travel costs"})
    assert (await harness.callback(search)).body["type"] == 5
    (result,) = embeds_of((await harness.followups(search))[0])
    assert result["fields"][0]["name"].startswith("operative paragraph 5")


async def test_ask_reads_a_follow_up_in_the_light_of_the_same_users_last_question(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    asker = harness.fake.next_id()
    first = await harness.fake.invoke("ask", {"question": "How did France vote?"}, user_id=asker)
    await harness.followups(first)
    then = await harness.fake.invoke("ask", {"question": "and Brazil?"}, user_id=asker)
    (followup,) = await harness.followups(then)
    (embed,) = embeds_of(followup)
    assert embed["description"].startswith("*I read this as: How Brazil voted.*")
    assert "**Brazil** **abstained**" in embed["description"]
