"""Documents added from Discord: ``/reindex`` with an attached report, through the fake."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.settings import EngineSettings
from tests.e2e.conftest import RecordingEngine, StartBot
from tests.e2e.test_interactions import EPHEMERAL, embeds_of
from tests.index.parsing.reports import JOURNALISTS, RURAL_WATER
from tests.index.parsing.un_layout import as_pdf, as_text

pytestmark = pytest.mark.e2e

ASKER = 701


def listing(seeds_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in seeds_dir.iterdir() if path.is_file()}


async def test_a_moderator_adds_a_text_report_and_reads_what_changed(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    text = as_text(RURAL_WATER.read_text(encoding="utf-8")).encode()
    invocation = await harness.fake.invoke(
        "reindex", files={"file": ("water.txt", text)}, moderator=True
    )
    assert (await harness.callback(invocation)).body["type"] == 5
    (followup,) = await harness.followups(invocation)
    (embed,) = embeds_of(followup)
    assert embed["title"].startswith("Reindex complete")
    fields = {field["name"]: field["value"] for field in embed["fields"]}
    added = fields["Documents added (1)"]
    assert added.startswith("water: Report of the Third Committee") and "paragraphs)" in added
    assert fields["Votes added (1)"].startswith("A/C.3/75/L.21/Rev.1: Third Committee")
    assert len(harness.fake.downloads) == 1
    assert (seeds_dir / "water.txt").read_bytes() == text
    vote = await harness.fake.invoke("vote", {"country": "Nepal"}, user_id=ASKER)
    await harness.callback(vote)
    assert "A/C.3/75/L.21/Rev.1" in str(await harness.pages(vote, ASKER)), "on one of its pages"


async def test_a_moderator_adds_a_pdf_report(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    pdf = as_pdf(JOURNALISTS.read_text(encoding="utf-8"))
    invocation = await harness.fake.invoke(
        "reindex", files={"file": ("journalists.pdf", pdf)}, moderator=True
    )
    (embed,) = embeds_of((await harness.followups(invocation))[0])
    assert "Documents added (1)" in [field["name"] for field in embed["fields"]]
    assert (seeds_dir / "journalists.pdf").is_file()


async def test_a_file_that_is_not_a_report_is_one_line_and_changes_nothing(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    before = listing(seeds_dir)
    invocation = await harness.fake.invoke(
        "reindex",
        files={"file": ("notes.md", b"# Notes\n\nAsk about the plenary.\n")},
        moderator=True,
    )
    (embed,) = embeds_of((await harness.followups(invocation))[0])
    assert embed["title"] == "Not added"
    description = embed["description"]
    assert description.startswith("Not added: notes.md does not read as a report: no draft")
    assert description.endswith("Nothing changed.") and "\n" not in description
    assert listing(seeds_dir) == before and engine.reindexes == 0


async def test_a_moderator_adds_voting_data(
    start_bot: StartBot, seeds_dir: Path, tmp_path: Path
) -> None:
    plenary = seeds_dir / "plenary-a-res-74-247.csv"
    data = plenary.read_bytes()
    plenary.unlink()
    engine = RecordingEngine(EngineSettings(seeds_dir=seeds_dir, data_dir=tmp_path / "data"))
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke(
        "reindex", files={"file": (plenary.name, data)}, moderator=True
    )
    (embed,) = embeds_of((await harness.followups(invocation))[0])
    fields = {field["name"]: field["value"] for field in embed["fields"]}
    assert fields["Votes added (1)"].startswith("A/RES/74/247")
    assert "79–60–33, 21 not recorded" in fields["Votes added (1)"]
    again = await harness.fake.invoke(
        "reindex", files={"file": ("again.csv", data)}, moderator=True
    )
    (refusal,) = embeds_of((await harness.followups(again))[0])
    assert refusal["title"] == "Not added" and "already gives" in refusal["description"]


async def test_bad_voting_data_is_one_line_naming_the_row_and_changes_nothing(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    before = listing(seeds_dir)
    plenary = seeds_dir / "plenary-a-res-74-247.csv"
    bad = plenary.read_bytes().replace(b",Albania,N,", b",Albania,Q,", 1)
    assert bad != plenary.read_bytes()
    invocation = await harness.fake.invoke(
        "reindex", files={"file": (plenary.name, bad)}, moderator=True
    )
    (embed,) = embeds_of((await harness.followups(invocation))[0])
    assert embed["title"] == "Not added" and "\n" not in embed["description"]
    assert embed["description"].startswith(
        f"Not added: {plenary.name} does not read as voting data: {plenary.name} row 3: "
        "unknown vote code 'Q' for Albania"
    )
    assert listing(seeds_dir) == before and engine.reindexes == 0
    final = await harness.fake.invoke("tally", {"vote": "plenary"})
    await harness.callback(final)
    assert "as resolution **74/247**" in str(embeds_of((await harness.followups(final))[0]))


async def test_an_oversized_file_is_refused_before_it_is_downloaded(
    start_bot: StartBot, seeds_dir: Path, tmp_path: Path
) -> None:
    small = RecordingEngine(
        EngineSettings(seeds_dir=seeds_dir, data_dir=tmp_path / "data", max_seed_bytes=100_000)
    )
    harness = await start_bot(small)
    invocation = await harness.fake.invoke(
        "reindex", files={"file": ("big.md", b"#" * 100_001)}, moderator=True
    )
    (embed,) = embeds_of((await harness.followups(invocation))[0])
    assert embed["description"].startswith(
        "Not added: big.md is 100,001 bytes, over the limit of 100,000"
    )
    assert harness.fake.downloads == []


async def test_only_moderators_may_attach_a_file(
    start_bot: StartBot, engine: RecordingEngine, seeds_dir: Path
) -> None:
    harness = await start_bot(engine)
    before = listing(seeds_dir)
    text = as_text(RURAL_WATER.read_text(encoding="utf-8")).encode()
    invocation = await harness.fake.invoke("reindex", files={"file": ("water.txt", text)})
    callback = await harness.callback(invocation)
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "only moderators" in embeds_of(callback)[0]["description"]
    assert harness.fake.downloads == [] and listing(seeds_dir) == before


async def test_about_lists_a_seed_that_was_skipped(
    start_bot: StartBot, seeds_dir: Path, tmp_path: Path
) -> None:
    """Issue 16, item 5: the bot starts and answers beside a file that does not parse."""
    (seeds_dir / "zz.md").write_bytes(bytes(range(256)))
    engine = RecordingEngine(EngineSettings(seeds_dir=seeds_dir, data_dir=tmp_path / "data"))
    harness = await start_bot(engine)
    invocation = await harness.fake.invoke("about")
    fields = {
        field["name"]: field["value"]
        for embed in embeds_of(await harness.callback(invocation))
        for field in embed.get("fields", [])
    }
    skipped = fields["Seed files skipped (1)"]
    assert "zz.md" in skipped and "it is not UTF-8 text" in skipped
    vote = await harness.fake.invoke("vote", {"country": "France"})
    assert "against" in str(embeds_of(await harness.callback(vote)))
