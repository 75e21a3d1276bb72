"""Capitals stand for their governments only where the words are about a government acting."""

from __future__ import annotations

import pytest

from index.countries import canonical_name
from index.engine import Engine
from index.reading.capitals import find_capitals, known_states, load_capitals


def states_in(text: str) -> list[str | None]:
    return [mention.name for mention in find_capitals(text)]


def test_every_capital_names_a_known_state_and_no_country_or_group() -> None:
    states = known_states()
    for capital in load_capitals().capitals:
        assert capital.state in states, capital.state
        for name in capital.names:
            assert canonical_name(name) in (None, capital.state), name
    named = {capital.state for capital in load_capitals().capitals}
    assert len(named) >= 180


@pytest.mark.parametrize(
    ("question", "states"),
    [
        ("how did berlin vote on ths", ["Germany"]),
        ("Did New Delhi really vote FOR this thing??", ["India"]),
        ("Where was Seoul on this?", ["Republic of Korea"]),
        ("and pyongyang?", ["Democratic People's Republic of Korea"]),
        ("What did Tbilisi and Kyiv do on the L.11 text?", ["Georgia", "Ukraine"]),
        ("manilas position on the text?", ["Philippines"]),
        ("did La Paz stick with it at the General Assembly", ["Bolivia (Plurinational State of)"]),
        ("what did Washington do?", ["United States of America"]),
        ("Beijing's vote?", ["China"]),
        ("what did the Kremlin say", ["Russian Federation"]),
        ("and brazzaville?", ["Congo"]),
        ("Taipei's position?", ["Taiwan"]),
    ],
)
def test_a_capital_acting_is_its_government(question: str, states: list[str]) -> None:
    assert states_in(question) == states


@pytest.mark.parametrize(
    "question",
    [
        "held in Doha from 12 to 19 April",
        "what is the Doha Declaration",
        "where did the expert group meet in Vienna?",
        "is this meant to replace the budapest convention?",
        "what about the Malabo Convention",
        "the Vienna expert group meetings",
        "the organizational session in New York",
        "what happened at the Paris summit on cybersecurity",
    ],
)
def test_a_capital_as_a_place_stays_a_place(question: str) -> None:
    assert states_in(question) == []


def test_a_capital_is_read_as_its_own_state_and_no_other(engine: Engine) -> None:
    """Neither a country or group inside the name ("Port of Spain") nor a country one letter away
    ("Manama", "Panama") is read in its place."""
    for capital in load_capitals().capitals:
        for name in capital.names:
            query = engine.read(f"how did {name} vote?")
            assert [c.name for c in query.countries] == [capital.state], name
            assert query.groups == (), name
