"""Groups of States named in running text, matched like country names."""

from __future__ import annotations

import pytest

from index.groups import load_groups
from index.reading.group_names import find_groups


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("did any G7 country vote yes", [("g7", "G7 country")]),
        ("did any african country vote no", [("african-group", "african country")]),
        ("g-20 breakdown", [("g20", "g-20")]),
        ("how did the Africans vote", [("african-group", "the Africans")]),
        ("which eu countries backed it", [("eu", "eu countries")]),
        ("Gulf states position?", [("gcc", "Gulf states")]),
        ("the permanent five", [("p5", "the permanent five")]),
        ("African Union members", [("african-union", "African Union members")]),
        ("WEOG and GRULAC", [("weog", "WEOG"), ("grulac", "GRULAC")]),
        ("latin america", [("grulac", "latin america")]),
        (
            "which of the ex-yugoslav states voted in favour",
            [("former-yugoslavia", "the ex-yugoslav states")],
        ),
        ("how did the pacific islands vote", [("psids", "the pacific islands")]),
        (
            "the five central asian republics, how did they vote",
            [("central-asia", "the five central asian republics")],
        ),
        ("how did the andean countries vote", [("andean-community", "the andean countries")]),
        ("SICA members?", [("sica", "SICA members")]),
        (
            "pacific islands forum members",
            [("pacific-islands-forum", "pacific islands forum members")],
        ),
        ("Visegrad group", [("visegrad", "Visegrad group")]),
    ],
)
def test_groups_are_found_longest_first(text: str, found: list[tuple[str, str]]) -> None:
    assert [(span.group.id, span.text) for span in find_groups(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "the council of europe",
        "how did France vote",
        "g 8 summit",
        "who pays for delegates from developing countries",
        "how did landlocked countries vote",
        "how did muslim countries vote",
        "the balkans",
        "how did NAM vote",
    ],
)
def test_other_words_are_no_group(text: str) -> None:
    """Phrases deliberately left unread: the Council of Europe is a body, not a bloc asked
    about (so "Europe" alone names no group either), "developing countries" is the report's
    own words, a religion is not a membership, "the Balkans" has no agreed list, and "NAM" is
    Namibia's code."""
    assert find_groups(text) == []


@pytest.mark.parametrize(
    ("phrase", "group_id"),
    [
        ("the caribbean", "caricom"),
        ("asian countries", "asia-pacific-group"),
        ("asia and the pacific", "asia-pacific-group"),
        ("european countries", "europe"),
        ("the europeans", "eu"),
        ("the middle east", "middle-east"),
        ("western asia", "western-asia"),
        ("south asia", "southern-asia"),
        ("southeast asia", "asean"),
        ("east africa", "eastern-africa"),
        ("central america", "central-america"),
        ("the maghreb", "arab-maghreb-union"),
        ("the pacific", "psids"),
        ("oceania", "oceania"),
        ("the commonwealth", "commonwealth"),
        ("commonwealth of independent states", "cis"),
        ("g77", "g77"),
        ("g77 and china", "g77-and-china"),
        ("pacific small island developing states", "psids"),
        ("small island developing states", "sids"),
    ],
)
def test_each_colliding_phrase_has_one_reading(phrase: str, group_id: str) -> None:
    """Where a phrase could mean two groups, the data keeps one reading, and says so."""
    (span,) = find_groups(f"how did {phrase} vote?")
    assert span.group.id == group_id


GROUP_ALIASES = [(group.id, alias) for group in load_groups() for alias in group.aliases]


@pytest.mark.parametrize(("group_id", "alias"), GROUP_ALIASES)
def test_every_alias_is_found_in_a_sentence(group_id: str, alias: str) -> None:
    for text in (f"which of the {alias} voted in favour?", f"{alias.lower()}, how did they vote"):
        assert [span.group.id for span in find_groups(text)] == [group_id], text
