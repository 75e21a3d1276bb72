from __future__ import annotations

import pytest

from index.language.names import written_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "At which Congress was the Salvador Declaration adopted?",
            ("Congress", "Salvador", "Declaration"),
        ),
        ("Salvador: which congress?", ()),
        ("does it promote the rule of law", ()),
        ("was the UN there, Vienna or not", ("Vienna",)),
        ("WHAT ABOUT THE DOHA DECLARATION", ()),
    ],
)
def test_names_are_capitals_inside_a_sentence(text: str, names: tuple[str, ...]) -> None:
    assert written_names(text) == names
