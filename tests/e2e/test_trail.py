"""The two votes through Discord: both for a country, one when asked, the changes, the final
vote and the trail picture, driven through the fake gateway."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.charts.raster import PNG_SIGNATURE
from bot.discord_app.render import ANSWER_COLOUR
from tests.e2e.conftest import Harness, RecordingEngine, StartBot
from tests.e2e.fake_discord import BOT_USER_ID, CHANNEL_ID, Invocation, RecordedRequest
from tests.e2e.test_interactions import embeds_of
from tests.index.structured.test_trail import WORDS, expected_changes

pytestmark = pytest.mark.e2e

PLENARY_CAPTION = "General Assembly plenary vote on resolution A/RES/74/247 (27 December 2019)"


ASKER = 601


def text_of(requests: list[RecordedRequest]) -> str:
    return "\n".join(
        embed.get("description", "") for request in requests for embed in embeds_of(request)
    )


async def answer_text(harness: Harness, invocation: Invocation) -> tuple[str, RecordedRequest]:
    """The answer's words, whether sent at once or after a deferral."""
    callback = await harness.callback(invocation)
    if callback.body["type"] == 4:
        return text_of([callback]), callback
    (followup,) = await harness.followups(invocation)
    return text_of([followup]), followup


def attachment(request: RecordedRequest) -> tuple[str, bytes, str]:
    (upload,) = request.files
    (described,) = request.body["attachments"]
    return str(upload.filename), upload.data, str(described["description"])


async def test_the_vote_command_offers_the_vote_to_use(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    registered = {c["name"]: c for c in harness.fake.commands["global"]}
    for command in ("vote", "tally", "map", "roster"):
        options = {o["name"]: o for o in registered[command]["options"]}
        choices = [c["value"] for c in options["vote"]["choices"]]
        assert choices == ["both", "committee", "plenary"] and not options["vote"]["required"]


async def test_a_country_gets_both_votes_by_default_and_one_when_asked(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    both, callback = await answer_text(
        harness, await harness.fake.invoke("vote", {"country": "Cabo Verde"})
    )
    assert "**Cabo Verde** **changed its position** between the two votes" in both
    assert "in the Third Committee (18 November 2019) it voted **in favour**" in both
    assert "in the General Assembly plenary (27 December 2019) it voted **against**" in both
    (embed,) = embeds_of(callback)
    assert embed["color"] == ANSWER_COLOUR.value, "no one position's colour for a change"
    assert PLENARY_CAPTION in embed["footer"]["text"]
    assert "recorded vote on A/C.3/74/L.11/Rev.1" in embed["footer"]["text"]
    one, _ = await answer_text(
        harness, await harness.fake.invoke("vote", {"country": "Brazil", "vote": "plenary"})
    )
    assert one.startswith("**Brazil** **abstained** in the General Assembly's plenary vote.")
    assert "Third Committee" not in one


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "how did Cabo Verde vote?",
            "**Cabo Verde** **changed its position** between the two votes: in the Third "
            "Committee (18 November 2019) it voted **in favour**; then in the General Assembly "
            "plenary (27 December 2019) it voted **against**.",
        ),
        (
            "moldova?",
            "**Republic of Moldova** **changed its position** between the two votes: in the "
            "Third Committee (18 November 2019) it **did not vote** (it is in none of the three "
            "lists); then in the General Assembly plenary (27 December 2019) it voted "
            "**against**.",
        ),
    ],
)
async def test_asking_how_a_state_voted_gives_both_votes(
    start_bot: StartBot, engine: RecordingEngine, question: str, first_line: str
) -> None:
    harness = await start_bot(engine)
    text, _ = await answer_text(harness, await harness.fake.invoke("ask", {"question": question}))
    assert text.splitlines()[0] == first_line
    assert PLENARY_CAPTION in text and "Voeten" in text


@pytest.mark.parametrize(
    "question",
    [
        "how did Brazil vote in the General Assembly?",
        "how did Brazil vote in plenary?",
        "how did Brazil vote in the final vote?",
    ],
)
async def test_asking_for_the_plenary_gives_one_vote(
    start_bot: StartBot, engine: RecordingEngine, question: str
) -> None:
    harness = await start_bot(engine)
    text, _ = await answer_text(harness, await harness.fake.invoke("ask", {"question": question}))
    assert "**Brazil** **abstained** in the General Assembly's plenary vote." in text
    assert "Voeten" in text


@pytest.mark.parametrize(
    "question",
    [
        "who changed their vote between the committee and the plenary?",
        "who flipped between committee and plenary",
    ],
)
async def test_who_changed_lists_every_change_and_draws_the_trail(
    start_bot: StartBot, engine: RecordingEngine, question: str
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("ask", {"question": question})
    await harness.callback(invocation)
    (followup,) = await harness.followups(invocation)
    listed = {
        name: (before, after)
        for name, before, after in re.findall(r"- \*\*(.+?)\*\*: (.+?) → (.+)", text_of([followup]))
    }
    assert listed == {n: (WORDS[c], WORDS[p]) for n, (c, p) in expected_changes().items()}
    filename, png, alt = attachment(followup)
    assert filename == "vote-trail.png" and png.startswith(PNG_SIGNATURE)
    assert "19 changed: Angola in favour → not recorded" in alt
    assert followup.body["embeds"][0]["image"]["url"] == "attachment://vote-trail.png"


@pytest.mark.parametrize(
    "question", ["what was the final vote?", "what resolution number did it get?"]
)
async def test_the_final_vote_and_its_number(
    start_bot: StartBot, engine: RecordingEngine, question: str
) -> None:
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("ask", {"question": question}, user_id=ASKER)
    await harness.callback(invocation)
    (followup,) = await harness.followups(invocation)
    text = "\n".join(page["description"] for page in await harness.pages(invocation, ASKER))
    for said in ("79–60–33", "21 not recorded", "resolution **74/247**", "27 December 2019"):
        assert said in text
    assert "absent" not in text.casefold()
    filename, _, alt = attachment(followup)
    assert filename == "vote-map.png" and "21 not recorded" in alt


async def test_a_mention_about_a_group_in_plenary_sets_both_votes_side_by_side(
    start_bot: StartBot, engine: RecordingEngine
) -> None:
    harness = await start_bot(engine)
    await harness.fake.post_message(
        f"<@{BOT_USER_ID}> did the African Group vote the same way in plenary?", mention_bot=True
    )
    path = f"/channels/{CHANNEL_ID}/messages"
    (reply,) = await harness.wait_for(lambda r: r.method == "POST" and r.path == path)
    text = text_of([reply])
    assert text.startswith("**No**: 9 of the 54 members of the African Group took a different")
    assert "**Changed** (9): Angola: in favour → not recorded" in text


async def test_tally_and_map_take_the_vote(start_bot: StartBot, engine: RecordingEngine) -> None:
    harness = await start_bot(engine)
    tally = await harness.fake.invoke("tally", {"vote": "plenary"})
    await harness.callback(tally)
    (followup,) = await harness.followups(tally)
    assert "as resolution **74/247**" in text_of([followup])
    trail = await harness.fake.invoke("map", {"vote": "both"})
    await harness.callback(trail)
    (drawn,) = await harness.followups(trail)
    filename, png, alt = attachment(drawn)
    assert filename == "vote-trail.png" and png.startswith(PNG_SIGNATURE)
    embed: dict[str, Any] = drawn.body["embeds"][0]
    assert embed["title"] == (
        "A/C.3/74/L.11/Rev.1 → A/RES/74/247: 19 of 193 Member States changed position"
    )
    assert alt.startswith("Vote trail of draft resolution A/C.3/74/L.11/Rev.1")
