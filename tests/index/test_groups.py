"""Groups of States: dated memberships, the UN regional groups' edge cases, and safe aliases."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

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

EU = "European Union and its member States"
UK = "United Kingdom of Great Britain and Northern Ireland"
US = "United States of America"
VOTE_DAY = dt.date(2019, 11, 18)  # the Committee's recorded vote
FIXTURE_DAY = dt.date(2020, 11, 20)  # the invented 2020 report


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
    assert checked >= 20


def test_turkey_is_counted_in_weog_not_in_asia_pacific() -> None:
    assert "Turkey" in members("weog", VOTE_DAY)
    assert "Turkey" not in members("asia-pacific-group", VOTE_DAY)
    (turkey,) = [m for m in group_by_id("asia-pacific-group").members if m.name == "Turkey"]
    assert turkey.role is MemberRole.PARTICIPANT and not turkey.counted
    assert "counted in the Western European and Others Group" in (turkey.note or "")
    assert "Turkey (Türkiye) takes part fully" in notes("asia-pacific-group", VOTE_DAY)
    assert [g.id for g in groups_of("Turkey", VOTE_DAY)] == ["weog", "g20", "nato"]


def test_israel_is_in_weog() -> None:
    assert "Israel" in members("weog", VOTE_DAY)
    assert [g.id for g in groups_of("Israel", VOTE_DAY)] == ["weog"]
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
    assert [g.id for g in groups_of("Cyprus", VOTE_DAY)] == ["asia-pacific-group", "eu"]
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
