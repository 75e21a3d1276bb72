"""Groups of States named in running text, matched like country names."""

from __future__ import annotations

import pytest

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
    ],
)
def test_groups_are_found_longest_first(text: str, found: list[tuple[str, str]]) -> None:
    assert [(span.group.id, span.text) for span in find_groups(text)] == found


@pytest.mark.parametrize("text", ["the council of europe", "how did France vote", "g 8 summit"])
def test_other_words_are_no_group(text: str) -> None:
    assert find_groups(text) == []
