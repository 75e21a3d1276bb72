"""Group splits count each group's members on the vote's date, from the same positions."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.groups import regional_groups
from index.records import Position
from index.structured.vote_picture import VOTING_POSITIONS, NoVotePicture
from tests.index.conftest import FIXTURE_ID


def test_the_regional_groups_partition_the_tally(engine: Engine) -> None:
    picture = engine.groups_picture()
    assert [split.id for split in picture.groups] == [g.id for g in regional_groups()]
    assert sum(split.members for split in picture.groups) == 193
    for position in VOTING_POSITIONS:
        total = sum(split.count(position) for split in picture.groups)
        assert total == picture.vote.count(position), position


def test_each_split_counts_its_members_positions(engine: Engine) -> None:
    picture = engine.groups_picture()
    positions = {state.name: state.position for state in picture.vote.states}
    date = picture.vote.date
    for split, group in zip(picture.groups, regional_groups(), strict=True):
        members = group.members_on(date)
        assert split.members == len(members)
        assert split.against == sum(1 for m in members if positions[m] is Position.AGAINST)
        assert split.notes == group.notes_on(date)
    african = picture.groups[0]
    assert african.noted == ("Benin",), "Benin's later-intention note belongs to its group"
    assert (african.in_favour, african.against) == (36, 0)


def test_named_groups_in_the_order_asked(engine: Engine) -> None:
    picture = engine.groups_picture(groups=["weog", "african-group"])
    assert [split.name for split in picture.groups] == [
        "Western European and Others Group",
        "African Group",
    ]


def test_another_document_counts_its_own_vote(two_document_engine: Engine) -> None:
    picture = two_document_engine.groups_picture(FIXTURE_ID, ["weog"])
    assert picture.vote.document == FIXTURE_ID
    (weog,) = picture.groups
    assert weog.in_favour > weog.against, "WEOG voted mostly in favour in the 2020 fixture"
    assert picture.content_key != two_document_engine.groups_picture(None, ["weog"]).content_key


def test_an_unknown_group_is_refused_in_words(engine: Engine) -> None:
    with pytest.raises(NoVotePicture, match="no group of States with the id “atlantis”"):
        engine.groups_picture(groups=["atlantis"])
