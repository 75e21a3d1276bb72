"""Answers about sets of States, checked against the seed's own vote lists and the group data."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.answers import AnswerKind, IllustrationKind
from index.countries import canonical_name
from index.engine import Engine
from index.groups import group_by_id, load_groups
from index.query import Intent
from index.records import Position
from tests.seed_lists import SPONSOR_NAMES, VOTES

SEED_POSITION = {name: Position(position) for position, names in VOTES.items() for name in names}


def seed_position(country: str) -> Position:
    return SEED_POSITION.get(country, Position.ABSENT)


def test_which_eu_countries_voted_in_favour(engine: Engine) -> None:
    answer = engine.ask("which EU countries voted in favour?")
    assert answer.kind is AnswerKind.LIST and answer.answered
    assert answer.text.startswith(
        "**None** of the 28 members of the European Union voted in favour"
    )
    assert {v.position for v in answer.votes} == {Position.AGAINST} and len(answer.votes) == 28
    assert "observer" in answer.text


def test_the_african_group_breakdown_adds_up(engine: Engine) -> None:
    answer = engine.ask("how did the african group vote?")
    assert answer.kind is AnswerKind.BREAKDOWN
    members = {v.country for v in answer.votes}
    assert len(members) == 54
    assert all(v.position is seed_position(v.country) for v in answer.votes)
    counts = [int(n) for n in re.findall(r"\*\* \((\d+)\)", answer.text)]
    assert sum(counts) == 54
    assert answer.illustration is not None
    assert answer.illustration.kind is IllustrationKind.GROUPS
    assert answer.illustration.groups == ["african-group"]


def test_any_and_all(engine: Engine) -> None:
    no = engine.ask("did any G7 country vote yes?")
    assert no.text.startswith("**No**: none of the 7")
    yes = engine.ask("did all the g7 vote against")
    assert yes.text.startswith("**Yes**: **All 7**")
    some = engine.ask("did all of asean back it")
    assert some.text.startswith("**No**: **9 of the 10**")


def test_count(engine: Engine) -> None:
    answer = engine.ask("how many african countries abstained")
    expected = [v.country for v in engine.ask("how did the african group vote?").votes]
    abstaining = [c for c in expected if seed_position(c) is Position.ABSTAINING]
    assert answer.text.startswith(f"**{len(abstaining)}** of the 54")
    assert [v.country for v in answer.votes] == abstaining


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("compare France and Germany", "**Yes**"),
        ("did china and russia vote alike?", "**Yes**"),
        ("did japan and china vote differently", "**No**"),
        ("did all Nordic countries vote the same way?", "**Yes**"),
        ("did the gulf countries all vote the same way", "**No**"),
    ],
)
def test_comparisons(engine: Engine, question: str, verdict: str) -> None:
    answer = engine.ask(question)
    assert answer.kind is AnswerKind.COMPARE
    assert answer.text.startswith(verdict)
    assert all(v.position is seed_position(v.country) for v in answer.votes)


def test_sets_crossed_with_the_documents_own_sets(engine: Engine) -> None:
    against = engine.ask("did any sponsor vote against?")
    assert against.text.startswith("**No**")
    absent = engine.ask("which sponsors did not vote?")
    sponsors = {canonical_name(n) or n for n in SPONSOR_NAMES}
    expected = {n for n in sponsors if seed_position(n) is Position.ABSENT}
    assert {v.country for v in absent.votes if v.position is Position.ABSENT} == expected
    spoke = engine.ask("which countries that spoke after the vote had abstained?")
    assert {v.country for v in spoke.votes if v.position is Position.ABSTAINING} == {
        "Costa Rica",
        "Peru",
    }


def test_a_changed_vote_is_benins_note(engine: Engine) -> None:
    answer = engine.ask("did any country change its vote?")
    assert [(v.country, v.position) for v in answer.votes] == [("Benin", Position.ABSENT)]
    assert "intended to vote in favour" in answer.text


def test_a_changed_vote_points_to_the_plenary_changes_too(engine: Engine) -> None:
    """The asker may mean the plenary vote: the count comes from the trail, not typed."""
    changed = len(engine.ask("who changed their vote between the committee and the plenary?").trail)
    said = engine.ask("who changed their vote?").text
    assert (
        f"Between the Committee's vote and the plenary vote (27 December 2019), **{changed}** "
        "Member States took a different position (ask “who changed their vote between the "
        "committee and the plenary?”)."
    ) in said
    assert "Between the Committee's vote" not in engine.ask("did benin change its vote?").text


def test_outliers_are_read_against_regional_groups(engine: Engine) -> None:
    answer = engine.ask("which countries voted differently from their neighbours?")
    assert answer.text.startswith("Read as:")
    assert ("Turkey", Position.ABSTAINING) in {(v.country, v.position) for v in answer.votes}


@pytest.mark.parametrize(
    ("question", "verdict", "group"),
    [
        ("was turkey an outlier in weog?", "**Yes**: **Turkey** abstained", "Western European"),
        ("was mexico an outlier", "**No**: **Mexico** abstained", "Latin American"),
    ],
)
def test_a_state_asked_about_is_told_whether_it_broke_ranks(
    engine: Engine, question: str, verdict: str, group: str
) -> None:
    answer = engine.ask(question)
    assert answer.text.startswith(verdict)
    heads = [line for line in answer.text.split("\n") if "(most" in line]
    assert [line.startswith(f"**{group}") for line in heads] == [True]
    assert "African Group" not in answer.text


def test_sponsors_within_a_group(engine: Engine) -> None:
    answer = engine.ask("list the sponsors from Latin America")
    assert answer.kind is AnswerKind.SPONSORS
    assert {v.country for v in answer.votes} == {
        "Antigua and Barbuda",
        "Bolivia (Plurinational State of)",
        "Cuba",
        "Jamaica",
        "Nicaragua",
        "Saint Vincent and the Grenadines",
        "Suriname",
        "Venezuela (Bolivarian Republic of)",
    }


GROUP_IDS = [group.id for group in load_groups()]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(GROUP_IDS))
def test_every_group_breakdown_adds_up_to_its_size(engine: Engine, group_id: str) -> None:
    group = group_by_id(group_id)
    date = engine.documents[0].meta.date
    answer = engine.ask(f"how did the {group.aliases[0]} vote?")
    assert {v.country for v in answer.votes} == set(group.members_on(date))
    counts = [int(n) for n in re.findall(r"\*\* \((\d+)\)", answer.text)]
    assert sum(counts) == len(group.members_on(date))


@pytest.mark.parametrize(
    ("question", "groups"),
    [
        ("eu vs african group?", ["eu", "african-group"]),
        ("brics vs g7", ["brics", "g7"]),
        ("nordics vs baltics, any diff?", ["nordic", "baltic"]),
    ],
)
def test_two_groups_side_by_side_are_compared_group_by_group(
    engine: Engine, question: str, groups: list[str]
) -> None:
    query = engine.read(question)
    assert (query.intent, query.separately) == (Intent.COMPARE, True)
    assert [g.id for g in query.groups] == groups
    answer = engine.ask(question)
    for group in query.groups:
        assert f"**{group.name}**" in answer.text
    assert answer.text.startswith(("**Yes**", "**No**"))


def test_groups_joined_by_a_slash_are_each_answered_not_intersected(engine: Engine) -> None:
    answer = engine.ask("the arab league / gcc, who abstained?")
    assert "**5 of the 20** members of the League of Arab States abstained" in answer.text
    assert "**2 of the 6** members of the Gulf Cooperation Council abstained" in answer.text


def test_a_group_that_qualifies_another_narrows_it(engine: Engine) -> None:
    query = engine.read("which EU members of NATO abstained")
    assert not query.separately
    assert "None** of the 22 members" in engine.ask("which EU members of NATO abstained").text


def test_in_each_asks_group_by_group_not_whether_all(engine: Engine) -> None:
    query = engine.read("gcc vs asean - who abstained in each")
    assert (query.intent, query.quantifier, query.separately) == (Intent.LIST, None, True)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the UK still in the EU here", "**Yes**: on 18 November 2019 United Kingdom"),
        ("is russia a G7 member", "**No**: on 18 November 2019 Russian Federation was not"),
    ],
)
def test_whether_a_state_belongs_to_a_group_on_the_day(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question)
    assert engine.read(question).membership
    assert answer.text.startswith(expected)
    if "United Kingdom" in expected:
        assert "left the European Union on 31 January 2020" in answer.text


@pytest.mark.parametrize(
    "question",
    ["how did non-EU NATO members vote", "how did the nato allies that aren't in the eu vote"],
)
def test_a_group_left_out_takes_its_members_out(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.query is not None
    assert [g.id for g in answer.query.outside] == ["eu"]
    assert {v.country for v in answer.votes} == {
        "Albania",
        "Canada",
        "Iceland",
        "Montenegro",
        "Norway",
        "Turkey",
        "United States of America",
    }


def test_a_count_of_several_positions_gives_each(engine: Engine) -> None:
    answer = engine.ask("abstentions and no votes, how many?")
    assert "**92** Member States voted against or abstained" in answer.text
    assert "(**58** voted against, **34** abstained)" in answer.text
