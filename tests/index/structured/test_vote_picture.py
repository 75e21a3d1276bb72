"""The data a vote picture is drawn from agrees with the printed lists and the stated tally."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.answers import Illustration, IllustrationKind
from index.countries import load_member_states
from index.engine import Engine
from index.records import Position
from index.settings import EngineSettings
from index.structured.vote_picture import VOTING_POSITIONS, NoVotePicture
from tests.index.conftest import FIXTURE_ID, FIXTURES, SEED_ID
from tests.seed_lists import VOTES


def test_every_member_state_has_its_printed_position(engine: Engine) -> None:
    picture = engine.vote_picture()
    expected = {name: Position(position) for position, names in VOTES.items() for name in names}
    assert len(picture.states) == len(load_member_states().members) == 193
    for state in picture.states:
        assert state.position is expected.get(state.name, Position.ABSENT), state.name
    assert {state.position for state in picture.states} <= set(VOTING_POSITIONS)


def test_counts_equal_the_stated_tally_and_the_title_says_so(engine: Engine) -> None:
    picture = engine.vote_picture()
    stated = picture.stated
    assert picture.count(Position.IN_FAVOUR) == stated.in_favour == 88
    assert picture.count(Position.AGAINST) == stated.against == 58
    assert picture.count(Position.ABSTAINING) == stated.abstaining == 34
    assert picture.count(Position.ABSENT) == 13
    assert picture.title == (
        "A/C.3/74/L.11/Rev.1, Third Committee, 18 November 2019: 88–58–34, 13 did not vote"
    )


def test_codes_come_from_the_country_data_and_benin_carries_its_note(engine: Engine) -> None:
    picture = engine.vote_picture()
    france = next(state for state in picture.states if state.name == "France")
    assert (france.iso2, france.iso3, france.position) == ("FR", "FRA", Position.AGAINST)
    (benin,) = picture.noted
    assert benin.name == "Benin" and benin.position is Position.ABSENT
    assert benin.note is not None and "intended to vote in favour" in benin.note


def test_each_document_is_drawn_from_its_own_vote(two_document_engine: Engine) -> None:
    first = two_document_engine.vote_picture()
    fixture = two_document_engine.vote_picture(FIXTURE_ID)
    assert two_document_engine.vote_picture("A/C.3/75/L.21/Rev.1") == fixture
    assert (first.document, fixture.document) == (SEED_ID, FIXTURE_ID)
    assert fixture.date == dt.date(2020, 11, 17)
    assert fixture.title.endswith(": 120–12–40, 21 did not vote")
    assert {state.name for state in fixture.noted} == {"Nepal", "Republic of Moldova"}
    assert first.content_key != fixture.content_key


def test_the_content_key_is_stable_and_follows_the_content(engine: Engine) -> None:
    picture = engine.vote_picture()
    assert engine.vote_picture().content_key == picture.content_key
    moved = picture.model_copy(
        update={"states": (picture.states[0].model_copy(update={"position": Position.AGAINST}),)}
    )
    assert moved.content_key != picture.content_key


@pytest.mark.parametrize("document", ["no-such-report", "A/C.3/99/L.1"])
def test_unknown_documents_are_refused_in_words(engine: Engine, document: str) -> None:
    with pytest.raises(NoVotePicture, match="No document with a recorded vote"):
        engine.vote_picture(document)


def test_tally_answers_ask_for_a_map_of_their_vote(
    two_document_engine: Engine, tmp_path: Path
) -> None:
    answer = two_document_engine.ask("What was the result?")
    assert answer.illustration is not None
    assert answer.illustration.kind is IllustrationKind.MAP
    assert answer.illustration.document == SEED_ID, "several votes: the first one's map"
    fixture_only = Engine(EngineSettings(seeds_dir=FIXTURES, data_dir=tmp_path / "data"))
    assert fixture_only.tally().illustration == Illustration(
        kind=IllustrationKind.MAP, document=FIXTURE_ID
    )
