"""Pictures in Discord: uploaded as PNG attachments with alt text, shown inside the embed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.charts.raster import PNG_SIGNATURE
from index.query import Ballot
from index.settings import PROJECT_ROOT, EngineSettings
from index.structured.vote_picture import VotePicture
from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.fake_discord import BOT_USER_ID, CHANNEL_ID, RecordedRequest

pytestmark = pytest.mark.e2e

EPHEMERAL = 1 << 6
MAP_IMAGE = "attachment://vote-map.png"
TALLY_WORDS = "88 in favour, 58 against, 34 abstaining, 13 did not vote"
FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "third-committee-report-rural-water-2020.md"


def single_png(request: RecordedRequest) -> tuple[bytes, dict[str, Any]]:
    """The one uploaded file and the attachment entry that describes it."""
    (upload,) = request.files
    assert upload.field == "files[0]" and upload.filename == "vote-map.png"
    (described,) = request.body["attachments"]
    assert str(described["id"]) == "0" and described["filename"] == "vote-map.png"
    return upload.data, described


async def test_map_uploads_a_png_with_the_tally_as_alt_text(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("map")
    assert (await harness.callback(invocation)).body["type"] == 5, "drawing may take a second"
    (followup,) = await harness.followups(invocation)
    png, described = single_png(followup)
    assert png.startswith(PNG_SIGNATURE) and len(png) < 8 * 1024 * 1024
    assert TALLY_WORDS in described["description"]
    (embed,) = followup.body["embeds"]
    assert embed["image"]["url"] == MAP_IMAGE
    assert embed["title"].startswith("A/C.3/74/L.11/Rev.1, Third Committee, 18 November 2019")
    assert followup.body["allowed_mentions"]["parse"] == []


async def test_tally_carries_the_map_in_its_embed(
    start_bot: StartBot, engine: RecordingEngine, tmp_path: Path
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("tally")
    (followup,) = await harness.followups(invocation)
    (embed,) = followup.body["embeds"]
    assert "**88** in favour" in embed["description"], "the words come first"
    assert embed["image"]["url"] == MAP_IMAGE
    png, described = single_png(followup)
    assert TALLY_WORDS in described["description"]
    stored = list((tmp_path / "bot-state" / "charts").glob("map-*.png"))
    assert [path.read_bytes() for path in stored] == [png], "drawn once, kept in the data folder"


async def test_a_mention_asking_the_result_gets_the_map_too(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message(f"<@{BOT_USER_ID}> was it adopted?", mention_bot=True)
    path = f"/channels/{CHANNEL_ID}/messages"
    (reply,) = await harness.wait_for(lambda r: r.method == "POST" and r.path == path)
    png, described = single_png(reply)
    assert png.startswith(PNG_SIGNATURE) and TALLY_WORDS in described["description"]
    assert reply.body["embeds"][0]["image"]["url"] == MAP_IMAGE


async def test_map_offers_and_draws_each_document_with_a_vote(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    shutil.copy(FIXTURE, seeds_dir)
    assert engine.reindex().ok
    harness = await start_bot(engine)
    choices = await harness.fake.autocomplete("map", "document", "75/L.21")
    assert choices == [
        {
            "name": "Third Committee recorded vote on A/C.3/75/L.21/Rev.1 "
            "(18th meeting, 17 November 2020)",
            "value": "third-committee-report-rural-water-2020",
        }
    ]
    invocation = await harness.fake.invoke("map", {"document": choices[0]["value"]})
    (followup,) = await harness.followups(invocation)
    _, described = single_png(followup)
    assert "120 in favour, 12 against, 40 abstaining, 21 did not vote" in described["description"]


async def test_an_unknown_document_is_answered_privately(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("map", {"document": "A/C.3/99/L.1"})
    (notice,) = await harness.wait_for(
        lambda r: r.method == "POST" and "A/C.3/99/L.1" in str(r.body) and "flags" in r.body
    )
    assert notice.body["flags"] & EPHEMERAL and not notice.files
    assert harness.fake.matching("DELETE", f"/{invocation.token}/messages/@original")


class BrokenPictures(RecordingEngine):
    def vote_picture(
        self, document: str | None = None, ballot: Ballot = Ballot.COMMITTEE
    ) -> VotePicture:
        raise RuntimeError("the shapes are gone")


async def test_a_picture_that_fails_leaves_the_answer_in_words(
    start_bot: StartBot, seeds_dir: Path, tmp_path: Path
) -> None:
    broken = BrokenPictures(EngineSettings(seeds_dir=seeds_dir, data_dir=tmp_path / "data"))
    harness = await start_bot(broken)
    harness.errors.expected = True
    invocation = await harness.fake.invoke("tally")
    (followup,) = await harness.followups(invocation)
    (embed,) = followup.body["embeds"]
    assert "**88** in favour" in embed["description"] and "image" not in embed
    assert not followup.files
    assert any("picture failed" in record.getMessage() for record in harness.errors.records)


async def test_a_group_answer_carries_its_group_chart(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("ask", {"question": "How did the African Group vote?"})
    (followup,) = await harness.followups(invocation)
    (upload,) = followup.files
    assert upload.filename == "vote-groups.png" and upload.data.startswith(PNG_SIGNATURE)
    (described,) = followup.body["attachments"]
    assert described["description"].startswith("Bar chart of how the African Group voted")
    assert "36 in favour, 0 against, 8 abstaining, 10 did not vote" in described["description"]
    assert followup.body["embeds"][0]["image"]["url"] == "attachment://vote-groups.png"
