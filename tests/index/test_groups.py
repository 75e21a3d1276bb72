"""Groups of States: dated memberships, the UN regional groups' edge cases, and safe aliases."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from index.answers import AnswerKind
from index.countries import all_member_names
from index.engine import Engine
from index.groups import (
    GROUPS_DIR,
    GroupKind,
    MemberRole,
    group_by_id,
    groups_of,
    load_groups,
    read_groups,
    regional_groups,
    speaks_for,
)
from index.records import Position
from tests.seed_lists import VOTES

EU = "European Union and its member States"
UK = "United Kingdom of Great Britain and Northern Ireland"
US = "United States of America"
VOTE_DAY = dt.date(2019, 11, 18)  # the Committee's recorded vote
FIXTURE_DAY = dt.date(2020, 11, 20)  # the invented 2020 report
NEW_GROUP_SIZES = {
    # geography: UN M49 regions and sub-regions, the Middle East, the Western Balkans
    **{"europe": 43, "northern-europe": 10, "southern-europe": 14, "western-asia": 17},
    **{"central-asia": 5, "southern-asia": 9, "eastern-asia": 5, "oceania": 14},
    **{"south-america": 12, "central-america": 8, "northern-africa": 6, "eastern-africa": 18},
    **{"sub-saharan-africa": 48, "middle-africa": 9, "southern-africa": 5, "western-africa": 16},
    **{"middle-east": 16, "western-balkans": 5},
    # caucuses at the UN and the UN's lists of countries in special situations
    **{"g77": 133, "g77-and-china": 134, "nam": 119, "oic": 55, "psids": 12},
    **{"ldc": 47, "sids": 38, "lldc": 32},
    # organisations and shared histories
    **{"commonwealth": 53, "oecd": 36, "cis": 9, "csto": 6, "sco": 8},
    **{"visegrad": 4, "five-eyes": 5, "quad": 4, "andean-community": 4, "sica": 8},
    **{"mercosur": 4, "alba": 9, "ecowas": 15, "sadc": 16, "eac": 6, "arab-maghreb-union": 5},
    **{"saarc": 8, "pacific-islands-forum": 14, "former-yugoslavia": 6, "post-soviet": 15},
}
NEW_GROUPS = tuple(NEW_GROUP_SIZES)


def members(group_id: str, date: dt.date | None) -> tuple[str, ...]:
    return group_by_id(group_id).members_on(date)


def notes(group_id: str, date: dt.date | None) -> str:
    return " ".join(group_by_id(group_id).notes_on(date))


# --- the European Union and statements on behalf of a group (behaviour kept) -----------------


def test_the_2019_european_union_has_28_members_and_27_after_brexit() -> None:
    assert len(members("eu", VOTE_DAY)) == 28
    assert len(members("eu", dt.date(2020, 1, 31))) == 28
    assert len(members("eu", dt.date(2020, 2, 1))) == 27
    assert UK not in members("eu", None)


def test_membership_follows_the_date() -> None:
    assert speaks_for(EU, "France", dt.date(2019, 11, 25))
    assert speaks_for(EU, UK, dt.date(2019, 11, 25))
    assert not speaks_for(EU, UK, dt.date(2020, 11, 20))
    assert not speaks_for(EU, "Norway", dt.date(2019, 11, 25))
    assert speaks_for("Norway", "Norway", None)


def test_each_document_is_read_as_of_its_own_date(two_document_engine: Engine) -> None:
    text = two_document_engine.ask("Did the United Kingdom make a statement?").text
    first, second = text.split("\n\n")
    assert first.startswith("**Yes**: Finland spoke in explanation of vote before the vote")
    assert second.startswith("**No**: the report records no statement by or for **United King")
    germany = two_document_engine.ask("Did Austria speak?").text
    assert "Germany spoke in explanation of vote before the vote" in germany


# --- the five UN regional groups -------------------------------------------------------------


def test_the_five_regional_groups_come_in_the_un_order() -> None:
    assert [g.id for g in regional_groups()] == [
        "african-group",
        "asia-pacific-group",
        "eastern-european-group",
        "grulac",
        "weog",
    ]
    assert all(g.kind is GroupKind.REGIONAL for g in regional_groups())


@pytest.mark.parametrize("date", [VOTE_DAY, FIXTURE_DAY])
def test_every_member_state_is_counted_in_exactly_one_regional_group(date: dt.date) -> None:
    counted = Counter(name for group in regional_groups() for name in group.members_on(date))
    assert sorted(counted) == sorted(all_member_names())
    assert set(counted.values()) == {1}


def test_regional_group_sizes_match_the_published_counts_of_2019() -> None:
    sizes = {g.id: len(g.members_on(VOTE_DAY)) for g in regional_groups()}
    assert sizes == {
        "african-group": 54,
        "asia-pacific-group": 54,
        "eastern-european-group": 23,
        "grulac": 33,
        "weog": 29,
    }
    for group in regional_groups():
        (published,) = [s for s in group.published_sizes if s.on == VOTE_DAY]
        assert published.states == sizes[group.id]


def test_every_published_size_in_the_data_holds() -> None:
    checked = 0
    for group in load_groups():
        for size in group.published_sizes:
            assert len(group.members_on(size.on)) == size.states, (group.id, size.on)
            checked += 1
    assert checked >= 50


def test_turkey_is_counted_in_weog_not_in_asia_pacific() -> None:
    assert "Turkey" in members("weog", VOTE_DAY)
    assert "Turkey" not in members("asia-pacific-group", VOTE_DAY)
    (turkey,) = [m for m in group_by_id("asia-pacific-group").members if m.name == "Turkey"]
    assert turkey.role is MemberRole.PARTICIPANT and not turkey.counted
    assert "counted in the Western European and Others Group" in (turkey.note or "")
    assert "Turkey (Türkiye) takes part fully" in notes("asia-pacific-group", VOTE_DAY)
    assert [g.id for g in groups_of("Turkey", VOTE_DAY)] == [
        *("weog", "western-asia", "middle-east", "g20", "nato", "oic", "oecd"),
    ]


def test_israel_is_in_weog() -> None:
    assert "Israel" in members("weog", VOTE_DAY)
    assert [g.id for g in groups_of("Israel", VOTE_DAY)] == [
        *("weog", "western-asia", "middle-east", "oecd"),
    ]
    assert "May 2000" in notes("weog", VOTE_DAY)


def test_the_united_states_is_counted_with_weog_as_an_observer() -> None:
    (us,) = [m for m in group_by_id("weog").members if m.name == US]
    assert us.role is MemberRole.OBSERVER and us.counted
    assert US in members("weog", VOTE_DAY)
    assert "attends the Western European and Others Group as an observer" in notes("weog", VOTE_DAY)


def test_kiribati_is_counted_in_asia_pacific_from_its_dated_membership() -> None:
    group = group_by_id("asia-pacific-group")
    (kiribati,) = [m for m in group.members if m.name == "Kiribati"]
    assert kiribati.since == dt.date(2019, 6, 26)
    assert not group.has("Kiribati", dt.date(2014, 5, 1))
    assert group.has("Kiribati", VOTE_DAY)
    assert "UN pages of 2010-2014 placed Kiribati in no regional group" in (kiribati.note or "")
    assert any("55 members" in ref for ref in group.references)
    assert not [g for g in regional_groups() if g.has("Kiribati", dt.date(2014, 5, 1))]


def test_cyprus_is_in_asia_pacific_and_in_the_eu() -> None:
    assert [g.id for g in groups_of("Cyprus", VOTE_DAY)] == [
        *("asia-pacific-group", "western-asia", "middle-east", "eu", "commonwealth"),
    ]
    assert "Cyprus belongs to the Asia-Pacific Group" in notes("asia-pacific-group", VOTE_DAY)


def test_members_come_in_un_alphabetical_order() -> None:
    order = {name: rank for rank, name in enumerate(all_member_names())}
    for group in load_groups():
        listed = group.members_on(VOTE_DAY)
        assert list(listed) == sorted(listed, key=order.__getitem__)
    assert members("eu", VOTE_DAY)[:2] == ("Austria", "Belgium")


# --- blocs and the Security Council, dated ---------------------------------------------------


def test_nato_has_29_members_in_2019_and_30_from_27_march_2020() -> None:
    assert len(members("nato", VOTE_DAY)) == 29
    assert "North Macedonia" not in members("nato", dt.date(2020, 3, 26))
    assert len(members("nato", dt.date(2020, 3, 27))) == 30
    assert "Montenegro" in members("nato", VOTE_DAY)


def test_security_council_members_follow_the_term_years() -> None:
    elected_2019 = {
        "Belgium",
        "Côte d'Ivoire",
        "Dominican Republic",
        "Equatorial Guinea",
        "Germany",
        "Indonesia",
        "Kuwait",
        "Peru",
        "Poland",
        "South Africa",
    }
    p5 = set(members("p5", VOTE_DAY))
    assert p5 == {"China", "France", "Russian Federation", UK, US}
    assert set(members("security-council", VOTE_DAY)) == p5 | elected_2019
    in_2020 = set(members("security-council", FIXTURE_DAY))
    assert in_2020 - p5 - elected_2019 == {
        "Estonia",
        "Niger",
        "Saint Vincent and the Grenadines",
        "Tunisia",
        "Viet Nam",
    }
    assert not in_2020 & {"Côte d'Ivoire", "Equatorial Guinea", "Kuwait", "Peru", "Poland"}
    for year in range(2017, 2027):
        assert len(members("security-council", dt.date(year, 7, 1))) == 15, year


def test_suspended_syria_is_not_counted_in_the_arab_league_in_2019() -> None:
    league = group_by_id("arab-league")
    assert not league.has("Syrian Arab Republic", VOTE_DAY)
    assert len(league.members_on(VOTE_DAY)) == 20
    assert "suspended from the League of Arab States from 16 November 2011" in notes(
        "arab-league", VOTE_DAY
    )
    assert league.has("Syrian Arab Republic", dt.date(2023, 5, 7))
    assert not league.has("Syrian Arab Republic", dt.date(2023, 5, 6))


def test_african_union_dates_morocco_and_suspensions() -> None:
    union = group_by_id("african-union")
    assert not union.has("Morocco", dt.date(2016, 12, 31))
    assert union.has("Morocco", VOTE_DAY)
    assert not union.has("Sudan", dt.date(2019, 7, 1))
    assert union.has("Sudan", VOTE_DAY)
    assert "Sudan was suspended from the African Union from 6 June to 6 September 2019" in notes(
        "african-union", dt.date(2019, 7, 1)
    )
    assert len(union.members_on(VOTE_DAY)) == 54


def test_brics_had_five_members_in_2019() -> None:
    assert members("brics", VOTE_DAY) == (
        "Brazil",
        "China",
        "India",
        "Russian Federation",
        "South Africa",
    )
    after = members("brics", dt.date(2025, 6, 1))
    assert {"Egypt", "Ethiopia", "Iran (Islamic Republic of)", "Indonesia"} <= set(after)
    assert "Saudi Arabia" not in after


def test_g20_is_19_states_and_the_eu_which_is_not_a_state() -> None:
    g20 = group_by_id("g20")
    assert len(g20.members_on(VOTE_DAY)) == 19
    (eu,) = g20.non_state_members_on(VOTE_DAY)
    assert eu.name == "European Union"
    assert "not a State" in eu.note
    assert [m.name for m in g20.non_state_members_on(dt.date(2023, 9, 9))] == [
        "European Union",
        "African Union",
    ]


def test_members_that_are_not_member_states_are_kept_apart() -> None:
    expected = {
        "asia-pacific-group": "State of Palestine",
        "arab-league": "State of Palestine",
        "african-union": "Sahrawi Arab Democratic Republic",
        "caricom": "Montserrat",
        "g7": "European Union",
        "g77": "State of Palestine",
        "oic": "State of Palestine",
        "psids": "Cook Islands",
        "sids": "Aruba",
        "pacific-islands-forum": "New Caledonia",
        "former-yugoslavia": "Kosovo",
        "western-balkans": "Kosovo",
        "western-asia": "State of Palestine",
        "europe": "Holy See",
    }
    for group_id, name in expected.items():
        group = group_by_id(group_id)
        assert name in [m.name for m in group.non_state_members_on(VOTE_DAY)], group_id
        assert name not in group.members_on(VOTE_DAY)


def test_every_group_has_its_source_and_date() -> None:
    groups = load_groups()
    assert {g.id for g in groups} == {
        *("african-group", "asia-pacific-group", "eastern-european-group", "grulac", "weog"),
        *("eu", "g7", "g20", "brics", "asean", "african-union", "arab-league", "gcc"),
        *("caricom", "nordic", "baltic", "benelux", "nato", "p5", "security-council"),
        *NEW_GROUPS,
    }
    for group in groups:
        assert "https://" in group.source, group.id
        assert dt.date(2019, 1, 1) <= group.as_of <= dt.date(2026, 12, 31), group.id
        assert group.aliases, group.id


def test_scandinavia_is_read_as_the_nordic_countries_and_says_so() -> None:
    nordic = group_by_id("nordic")
    assert "Scandinavia" in nordic.aliases
    assert nordic.members_on(VOTE_DAY) == ("Denmark", "Finland", "Iceland", "Norway", "Sweden")
    assert "in the strict sense it is only Denmark, Norway and Sweden" in (nordic.note or "")


def test_lookups() -> None:
    assert group_by_id("grulac").name == "Latin American and Caribbean Group"
    with pytest.raises(KeyError):
        group_by_id("atlantis")
    assert groups_of("Atlantis", VOTE_DAY) == ()


def test_an_undated_document_is_read_as_of_today() -> None:
    assert members("eu", None) == members("eu", dt.date.today())
    assert "Finland" in members("nato", None)


# --- groups people name beyond the UN's own: geography, caucuses, organisations, history ------


def test_new_groups_count_their_published_sizes_on_the_vote_day() -> None:
    sizes = {group_id: len(members(group_id, VOTE_DAY)) for group_id in NEW_GROUPS}
    assert sizes == NEW_GROUP_SIZES
    for group_id in NEW_GROUPS:
        group = group_by_id(group_id)
        for size in group.published_sizes:
            assert len(group.members_on(size.on)) == size.states, (group_id, size.on)


def test_the_pacific_islands_are_the_twelve_psids() -> None:
    psids = set(members("psids", VOTE_DAY))
    assert psids == {
        *("Fiji", "Kiribati", "Marshall Islands", "Micronesia (Federated States of)", "Nauru"),
        *("Palau", "Papua New Guinea", "Samoa", "Solomon Islands", "Tonga", "Tuvalu"),
        "Vanuatu",
    }
    assert psids < set(members("oceania", VOTE_DAY)) and psids < set(members("sids", VOTE_DAY))
    assert not psids & {"Australia", "New Zealand", "Timor-Leste"}
    assert {"Australia", "New Zealand"} < set(members("pacific-islands-forum", VOTE_DAY))
    assert "Cook Islands and Niue" in notes("psids", VOTE_DAY)


def test_former_yugoslavia_is_six_member_states_and_kosovo_apart() -> None:
    assert members("former-yugoslavia", VOTE_DAY) == (
        *("Bosnia and Herzegovina", "Croatia", "Montenegro", "North Macedonia", "Serbia"),
        "Slovenia",
    )
    assert "Montenegro" not in members("former-yugoslavia", dt.date(2006, 6, 1))
    assert "Kosovo" in notes("former-yugoslavia", VOTE_DAY)
    balkans = set(members("western-balkans", VOTE_DAY))
    assert balkans == set(members("former-yugoslavia", VOTE_DAY)) - {"Croatia", "Slovenia"} | {
        "Albania"
    }
    assert "Croatia" in members("western-balkans", dt.date(2013, 6, 30))


def test_the_central_asian_republics_and_the_post_soviet_states() -> None:
    central = members("central-asia", VOTE_DAY)
    assert central == ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")
    assert set(central) < set(members("post-soviet", VOTE_DAY))
    assert {"Estonia", "Ukraine", "Georgia"} < set(members("post-soviet", VOTE_DAY))
    cis = group_by_id("cis")
    assert not cis.has("Turkmenistan", VOTE_DAY) and not cis.has("Georgia", VOTE_DAY)
    assert "associate member" in notes("cis", VOTE_DAY)


def test_venezuela_is_suspended_from_mercosur_and_not_counted() -> None:
    mercosur = group_by_id("mercosur")
    assert mercosur.members_on(VOTE_DAY) == ("Argentina", "Brazil", "Paraguay", "Uruguay")
    assert mercosur.has("Venezuela (Bolivarian Republic of)", dt.date(2016, 6, 1))
    assert "suspended from Mercosur since December 2016" in notes("mercosur", VOTE_DAY)
    assert not mercosur.has("Bolivia (Plurinational State of)", VOTE_DAY)
    assert mercosur.has("Bolivia (Plurinational State of)", dt.date(2024, 7, 8))


def test_alba_counts_neither_ecuador_nor_bolivia_in_the_week_of_the_vote() -> None:
    alba = group_by_id("alba")
    bolivia = "Bolivia (Plurinational State of)"
    assert alba.has(bolivia, dt.date(2019, 11, 14))
    assert not alba.has(bolivia, VOTE_DAY) and not alba.has(bolivia, dt.date(2019, 11, 25))
    assert "announced on 15 November 2019 that it had left ALBA-TCP" in notes("alba", VOTE_DAY)
    assert alba.has(bolivia, FIXTURE_DAY)
    assert not alba.has("Ecuador", VOTE_DAY) and alba.has("Ecuador", dt.date(2018, 1, 1))
    assert len(alba.members_on(VOTE_DAY)) == 9


def test_the_commonwealth_has_53_members_until_the_maldives_rejoin() -> None:
    commonwealth = group_by_id("commonwealth")
    assert not commonwealth.has("Maldives", VOTE_DAY)
    assert commonwealth.has("Maldives", dt.date(2020, 2, 1))
    assert len(commonwealth.members_on(dt.date(2020, 1, 31))) == 53
    assert not commonwealth.has("Gabon", FIXTURE_DAY)
    assert [g.id for g in load_groups() if g.has("Maldives", VOTE_DAY)][-1] == "saarc"


def test_dated_joins_and_graduations() -> None:
    assert "Colombia" not in members("oecd", VOTE_DAY)
    assert "Colombia" in members("oecd", FIXTURE_DAY)
    assert "Vanuatu" in members("ldc", VOTE_DAY)
    assert "Vanuatu" not in members("ldc", dt.date(2020, 12, 4))
    assert "South Sudan" not in members("nam", VOTE_DAY)
    assert "Iran (Islamic Republic of)" not in members("sco", VOTE_DAY)


def test_the_group_of_77_counts_china_only_with_china() -> None:
    assert "China" not in members("g77", VOTE_DAY)
    assert "China" in members("g77-and-china", VOTE_DAY)
    assert set(members("g77-and-china", VOTE_DAY)) - set(members("g77", VOTE_DAY)) == {"China"}
    assert "Azerbaijan" in members("g77", VOTE_DAY)
    assert "Azerbaijan" not in members("g77", dt.date(2019, 9, 26))
    assert "does not consider itself a member" in notes("g77", VOTE_DAY)


def test_suspended_members_of_the_new_groups_are_not_counted() -> None:
    assert not group_by_id("oic").has("Syrian Arab Republic", VOTE_DAY)
    ecowas = group_by_id("ecowas")
    assert len(ecowas.members_on(VOTE_DAY)) == 15
    assert ecowas.has("Mali", FIXTURE_DAY) and not ecowas.has("Mali", dt.date(2020, 9, 1))
    late_2021 = dt.date(2021, 11, 16)
    assert not ecowas.has("Mali", late_2021) and not ecowas.has("Guinea", late_2021)
    assert not ecowas.has("Burkina Faso", dt.date(2025, 6, 1))


def test_the_geographic_regions_partition_the_member_states() -> None:
    """M49 Europe, the four Asian sub-regions named here, Oceania, Africa, Latin America and
    Northern America cover the 193 Member States once each (South-eastern Asia is ASEAN's
    ten of 2019 and Timor-Leste)."""
    parts = [
        *("europe", "western-asia", "central-asia", "southern-asia", "eastern-asia"),
        *("asean", "oceania", "african-group", "grulac"),
    ]
    counted = Counter(name for group_id in parts for name in members(group_id, VOTE_DAY))
    counted.update(["Timor-Leste", "Canada", "United States of America"])
    assert sorted(counted) == sorted(all_member_names())
    assert set(counted.values()) == {1}


def test_the_sub_regions_add_up_to_their_regions() -> None:
    regions = ("northern-africa", "eastern-africa", "middle-africa", "southern-africa")
    parts = [*regions, "western-africa"]
    counted = Counter(name for group_id in parts for name in members(group_id, VOTE_DAY))
    assert sorted(counted) == sorted(members("african-group", VOTE_DAY))
    assert set(counted.values()) == {1}
    south_of_sahara = set(counted) - set(members("northern-africa", VOTE_DAY))
    assert south_of_sahara == set(members("sub-saharan-africa", VOTE_DAY))
    north_and_south = {*members("northern-europe", VOTE_DAY), *members("southern-europe", VOTE_DAY)}
    assert north_and_south < set(members("europe", VOTE_DAY))


def test_the_middle_east_is_read_in_its_usual_sense_and_says_so() -> None:
    middle_east = set(members("middle-east", VOTE_DAY))
    western_asia = set(members("western-asia", VOTE_DAY))
    assert middle_east - western_asia == {"Egypt", "Iran (Islamic Republic of)"}
    assert western_asia - middle_east == {"Armenia", "Azerbaijan", "Georgia"}
    assert "The UN has no “Middle East” region" in (group_by_id("middle-east").note or "")
    assert "UN M49 places it in Northern Africa" in notes("middle-east", VOTE_DAY)


def test_where_m49_surprises_the_member_carries_a_note() -> None:
    assert "counts Mexico in Central America" in notes("central-america", VOTE_DAY)
    assert "counts Iran in Southern Asia" in notes("southern-asia", VOTE_DAY)
    assert "Cyprus in Western Asia" in notes("western-asia", VOTE_DAY)


@pytest.mark.parametrize("group_id", sorted(NEW_GROUPS))
def test_each_new_group_cites_one_source_and_regions_say_how_they_are_read(group_id: str) -> None:
    group = group_by_id(group_id)
    assert group.source.count("https://") == 1, group_id
    if group.kind is GroupKind.GEOGRAPHIC:
        assert group.note and ("M49" in group.note or "European Union" in group.note), group_id


def test_a_region_never_speaks_and_a_longer_name_wins() -> None:
    assert not speaks_for("Group of Eastern European States", "France", VOTE_DAY)
    assert speaks_for("Pacific Small Island Developing States", "Fiji", VOTE_DAY)
    assert not speaks_for("Pacific Small Island Developing States", "Cuba", VOTE_DAY)
    assert speaks_for("Group of 77 and China", "China", VOTE_DAY)
    assert speaks_for("Group of 77 and China", "Brazil", VOTE_DAY)
    assert not speaks_for("Group of 77", "China", VOTE_DAY)


# --- the new groups answered end to end (the real seed, the fake embedder) -------------------


SEED_POSITION = {name: Position(position) for position, names in VOTES.items() for name in names}


def _voted(position: str, group_id: str) -> set[str]:
    return set(VOTES[position]) & set(members(group_id, VOTE_DAY))


def test_which_ex_yugoslav_states_voted_in_favour(engine: Engine) -> None:
    answer = engine.ask("which of the ex-yugoslav states voted in favour")
    assert answer.kind is AnswerKind.LIST and answer.answered
    assert {v.country for v in answer.votes if v.position is Position.IN_FAVOUR} == _voted(
        "in_favour", "former-yugoslavia"
    )
    assert {v.country for v in answer.votes} == set(members("former-yugoslavia", VOTE_DAY))
    assert answer.text.startswith("**1 of the 6** Former Yugoslav States voted in favour: Serbia.")
    assert "Kosovo" in answer.text


def test_how_did_the_pacific_islands_vote(engine: Engine) -> None:
    answer = engine.ask("how did the pacific islands vote")
    assert answer.kind is AnswerKind.BREAKDOWN and answer.answered
    assert {v.country for v in answer.votes} == set(members("psids", VOTE_DAY))
    for position in ("in_favour", "against", "abstaining"):
        chosen = {v.country for v in answer.votes if v.position is Position(position)}
        assert chosen == _voted(position, "psids"), position
    assert answer.text.startswith(
        "How the Pacific Small Island Developing States voted in the Third Committee "
        "(12 Member States"
    )


def test_the_five_central_asian_republics(engine: Engine) -> None:
    answer = engine.ask("the five central asian republics, how did they vote")
    assert answer.kind is AnswerKind.BREAKDOWN and answer.answered
    assert {v.country for v in answer.votes} == set(members("central-asia", VOTE_DAY))
    assert _voted("in_favour", "central-asia") == set(members("central-asia", VOTE_DAY))
    assert all(v.position is Position.IN_FAVOUR for v in answer.votes)


@pytest.mark.parametrize("group_id", NEW_GROUPS)
def test_each_new_group_is_answered_with_its_members_of_the_day(
    engine: Engine, group_id: str
) -> None:
    group = group_by_id(group_id)
    answer = engine.ask(f"how did the {group.aliases[0]} vote?")
    assert answer.kind is AnswerKind.BREAKDOWN, group_id
    assert {v.country for v in answer.votes} == set(group.members_on(VOTE_DAY)), group_id
    assert all(v.position is SEED_POSITION.get(v.country, Position.ABSENT) for v in answer.votes)


def test_the_old_name_of_north_macedonia_is_still_a_country(engine: Engine) -> None:
    answer = engine.ask("how did the former yugoslav republic of macedonia vote")
    assert answer.text.startswith("**North Macedonia** voted **against**")


def test_alba_is_answered_without_bolivia_and_says_why(engine: Engine) -> None:
    answer = engine.ask("how did ALBA vote?")
    assert {v.country for v in answer.votes} == set(members("alba", VOTE_DAY))
    assert "Bolivia (Plurinational State of)" not in {v.country for v in answer.votes}
    assert "announced on 15 November 2019 that it had left ALBA-TCP" in answer.text


# --- the validator: bad data cannot load -----------------------------------------------------


def _bad_copy(tmp_path: Path, change: dict[str, Any], group_id: str = "gcc") -> Path:
    """A copy of the shipped data with one group's fields changed."""
    for path in GROUPS_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for group in data["groups"]:
            if group["id"] == group_id:
                group.update(change)
        (tmp_path / path.name).write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_the_shipped_data_loads_from_a_copy(tmp_path: Path) -> None:
    for path in GROUPS_DIR.glob("*.json"):
        shutil.copy(path, tmp_path)
    assert read_groups(tmp_path) == load_groups()


@pytest.mark.parametrize(
    ("alias", "named"),
    [
        ("France", "France"),  # a Member State's name
        ("Holland", "Netherlands"),  # a Member State's alias
        ("the Swiss", "Switzerland"),  # a demonym
        ("Kiwis", "New Zealand"),  # a nickname
        ("AU", "Australia"),  # an ISO code: why the African Union has no "AU" alias
        ("Korea", "Korea"),  # an ambiguous term
        ("Vatican", "Holy See"),  # an observer
        ("EU", "European Union"),  # the EU's own name, taken by a group that is not the EU
        ("the Gulf Cooperation Council", "gcc"),  # another group's name
    ],
)
def test_an_alias_naming_a_country_or_another_group_is_rejected(
    tmp_path: Path, alias: str, named: str
) -> None:
    folder = _bad_copy(tmp_path, {"aliases": ["Arab League", alias]}, group_id="arab-league")
    with pytest.raises(ValueError, match=f"names.*{named}"):
        read_groups(folder)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"members": [{"name": "Bahrein"}]}, "not canonical"),
        ({"members": [{"name": "Oman"}, {"name": "Oman", "since": "2019-01-01"}]}, "twice"),
        ({"members": [{"name": "Oman", "since": "2020-01-01", "until": "2019-01-01"}]}, "before"),
        ({"members": [{"name": "Oman", "role": "suspended"}]}, "never counted"),
        ({"non_state_members": [{"name": "Yemen", "note": "a State"}]}, "non-State"),
        ({"published_sizes": [{"on": "2019-11-18", "states": 7, "source": "x"}]}, "says 7"),
        ({"id": "arab-league"}, "duplicate group ids"),
    ],
)
def test_bad_group_data_is_rejected(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_groups(_bad_copy(tmp_path, change))


def test_overlap_is_allowed_only_between_separate_stretches(tmp_path: Path) -> None:
    stretches = [
        {"name": "Oman", "until": "2018-12-31"},
        {"name": "Oman", "since": "2019-01-01", "role": "suspended", "counted": False},
    ]
    groups = read_groups(_bad_copy(tmp_path, {"members": stretches, "published_sizes": []}))
    gcc = next(g for g in groups if g.id == "gcc")
    assert gcc.members_on(dt.date(2018, 6, 1)) == ("Oman",)
    assert gcc.members_on(VOTE_DAY) == ()
