"""Statements for a group speak for its members as of the document's date."""

from __future__ import annotations

import datetime as dt

from index.engine import Engine
from index.groups import load_groups, speaks_for

EU = "European Union and its member States"
UK = "United Kingdom of Great Britain and Northern Ireland"


def test_the_2019_european_union_has_28_members() -> None:
    (eu,) = load_groups()
    assert sum(eu.has(m.name, dt.date(2019, 11, 25)) for m in eu.members) == 28


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
