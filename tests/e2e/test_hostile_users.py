"""One user, or sixteen, cannot slow the bot for everyone else, nor make it say their links."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.discord_app.client import RapporteurBot
from index.answers import Answer
from index.query import Ballot
from index.settings import EngineSettings
from index.user_text import NAME_LIMIT
from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import RecordedRequest
from tests.e2e.test_interactions import EPHEMERAL, embeds_of

pytestmark = pytest.mark.e2e

HOSTILE = ("Niger Nigeria " * NAME_LIMIT)[:NAME_LIMIT]
"""The longest country the option admits, in the shape that used to cost the most."""
BURST = 16
ACKNOWLEDGED_WITHIN = 3.0
"""Discord's own deadline for acknowledging an interaction: what the other users must get.
Every worker spins in Python meanwhile, so the event loop has a share of the interpreter lock
only: on this 2-core host acknowledgements took 0.5 to 1.1 s."""


class BusyEngine(RecordingEngine):
    """The real engine, except that a hostile vote keeps its worker thread computing (and
    contending for the interpreter lock, as real Python work does) until the test says stop.

    That holds every worker busy for as long as the test measures, however fast or loaded
    the machine is: what is measured is the acknowledgement of other users, not the engine.
    """

    def __init__(self, settings: EngineSettings) -> None:
        super().__init__(settings)
        self.release = threading.Event()
        self.running = 0
        self._count = threading.Lock()

    def vote(self, country: str, ballot: Ballot = Ballot.BOTH) -> Answer:
        if country == HOSTILE:
            with self._count:
                self.running += 1
            deadline = time.monotonic() + 60
            while not self.release.is_set() and time.monotonic() < deadline:
                sum(range(2_000))
        return super().vote(country, ballot)


async def test_a_burst_of_hostile_votes_does_not_delay_other_users(
    start_bot: StartBot, seeds_dir: Path, tmp_path: Path
) -> None:
    engine = BusyEngine(EngineSettings(seeds_dir=seeds_dir, data_dir=tmp_path))
    harness = await start_bot(engine)
    assert isinstance(harness.bot, RapporteurBot)
    workers = harness.bot.context.settings.engine_workers
    fake = harness.fake
    hostile = [await fake.invoke("vote", {"country": HOSTILE}) for _ in range(BURST)]
    deadline = time.monotonic() + 10
    while engine.running < workers:
        assert time.monotonic() < deadline, "the hostile votes never started"
        await asyncio.sleep(0.01)
    try:
        tally = await fake.invoke("tally")
        france = await fake.invoke("vote", {"country": "France"})
        tally_ack = await harness.callback(tally)
        france_ack = await harness.callback(france)
        delays = [tally_ack.at - tally.sent_at, france_ack.at - france.sent_at]
        print(f"\nacknowledged during a burst of {BURST} hostile /vote: {delays}")
        assert max(delays) < ACKNOWLEDGED_WITHIN
        assert france_ack.body["type"] == 5, "typed text waits for a worker: deferred at once"
        # Fixed-cost answers never queue behind typed text: the tally (deferred only to draw
        # its map) is complete while every worker is still held.
        (tally_answer,) = await harness.followups(tally)
        assert "adopted" in embeds_of(tally_answer)[0]["description"]
        assert engine.running == workers, "the burst never got more than its workers"
    finally:
        engine.release.set()
    (answer,) = await harness.followups(france)
    assert "**France** voted **against**" in embeds_of(answer)[0]["description"]
    for invocation in hostile:
        await harness.wait_for(answer_to(invocation.token), timeout=30)


def answer_to(token: str) -> Callable[[RecordedRequest], bool]:
    """The interaction's answer: its response, or a follow-up once it was deferred."""

    def answered(request: RecordedRequest) -> bool:
        if request.path.endswith(f"/{token}/callback"):
            return bool(request.body["type"] == 4)
        return token in request.path and request.method in {"POST", "PATCH"}

    return answered


async def test_options_are_bounded_in_the_schema_and_again_by_the_engine(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    registered = {c["name"]: c for c in harness.fake.commands["global"]}
    lengths = {
        (name, option["name"]): (option.get("min_length"), option.get("max_length"))
        for name, command in registered.items()
        for option in command.get("options", [])
        if option["type"] == 3 and not option.get("choices")
    }
    assert lengths == {
        ("ask", "question"): (1, 1000),
        ("search", "query"): (1, 1000),
        ("vote", "country"): (1, NAME_LIMIT),
        ("sponsors", "country"): (1, NAME_LIMIT),
        ("statements", "country"): (1, NAME_LIMIT),
        ("paragraph", "label"): (1, NAME_LIMIT),
        ("map", "document"): (1, NAME_LIMIT),
    }
    # Discord enforces max_length; a client that does not gets the engine's refusal instead.
    invocation = await harness.fake.invoke("vote", {"country": "Niger Nigeria " * 430})
    description = embeds_of(await harness.callback(invocation))[0]["description"]
    assert description == "That is 6,020 characters long; the limit here is 100."


@pytest.mark.parametrize(
    ("command", "first", "second"),
    [
        ("vote", {"country": "Kenya"}, {"country": "Peru"}),
        ("sponsors", {"country": "Kenya"}, {}),
        ("statements", {}, {"country": "Japan"}),
        ("paragraph", {"label": "operative paragraph 1"}, {"label": "operative paragraph 2"}),
    ],
)
async def test_commands_that_take_typed_text_share_the_per_user_cooldown(
    start_bot: StartBot,
    engine: RecordingEngine,
    command: str,
    first: dict[str, str],
    second: dict[str, str],
) -> None:
    harness = await start_bot(engine, ask_cooldown_seconds=30)
    done = await harness.fake.invoke(command, first, user_id=42)
    assert (await harness.callback(done)).body["type"] in (4, 5)
    refused = await harness.fake.invoke(command, second, user_id=42)
    callback = await harness.callback(refused)
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "try again in" in embeds_of(callback)[0]["description"]
    other = await harness.fake.invoke(command, second, user_id=43)
    assert not (await harness.callback(other)).body.get("data", {}).get("flags", 0) & EPHEMERAL


PHISHING = "[Verify your account](https://evil.example/login)"


async def test_user_text_in_answers_and_titles_renders_no_link_and_pings_no_one(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    vote = await harness.fake.invoke("vote", {"country": f"{PHISHING} <@123> @everyone"})
    (embed,) = embeds_of(await harness.callback(vote))
    ask = await harness.fake.invoke("ask", {"question": f"How did {PHISHING} vote? <@&456>"})
    await harness.callback(ask)
    (asked,) = embeds_of((await harness.followups(ask))[0])
    for text in (embed["title"], embed["description"], asked["title"], asked["description"]):
        assert not re.search(r"(?<!\\)\]\(|(?<!\\)<@|@everyone|https://", text), text
    assert "Verify your account" in embed["description"] and "Verify" in asked["title"]


@pytest.mark.parametrize("vote", ["committee", "both"])
async def test_an_unknown_map_document_is_quoted_not_rendered(
    start_bot: StartBot, engine: RecordingEngine, vote: str
) -> None:
    """The /map refusal names the document asked for: through ``quote_user_text`` too."""
    harness = await start_bot(engine)
    typed = f"{PHISHING} ||spoiler|| <@&456> @everyone"
    await harness.fake.invoke("map", {"document": typed, "vote": vote})
    (notice,) = await harness.wait_for(
        lambda r: r.method == "POST" and "Verify your account" in str(r.body) and "flags" in r.body
    )
    (embed,) = notice.body["embeds"]
    description = embed["description"]
    assert description.startswith("No document with a recorded vote is called “")
    assert not re.search(r"(?<!\\)\]\(|(?<!\\)\|\||(?<!\\)<@|@everyone|https://", description), (
        description
    )
