"""A bot whose embedding model is missing starts, refuses passage questions in one line and
answers everything else, with one warning and no traceback (issue 16, item 3)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from index.engine import Engine
from index.settings import EngineSettings
from tests.e2e.conftest import StartBot
from tests.e2e.test_interactions import embeds_of

pytestmark = pytest.mark.e2e


async def test_a_missing_model_costs_passage_answers_only(
    start_bot: StartBot, seeds_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = EngineSettings(
        seeds_dir=seeds_dir, data_dir=tmp_path / "data", embedding_model="/no/such/model"
    )
    with caplog.at_level(logging.WARNING):
        harness = await start_bot(Engine(settings))
        asked = []
        for question in ("When does the ad hoc committee meet?", "How did France vote?"):
            invocation = await harness.fake.invoke("ask", {"question": question})
            await harness.callback(invocation)
            (followup,) = await harness.followups(invocation)
            asked.append(embeds_of(followup)[0]["description"])
    passage, vote = asked
    assert passage.startswith("I cannot search the documents' text here right now"), passage
    assert "**France** voted **against**" in vote
    assert not [r for r in caplog.records if r.exc_info], "no traceback"
    off = [r.getMessage() for r in caplog.records if "Passage answers are off" in r.getMessage()]
    assert len(off) == 1, [r.getMessage() for r in caplog.records]
