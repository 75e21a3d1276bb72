from __future__ import annotations

import pytest

from index.language.stemming import fold_plural, stem


@pytest.mark.parametrize(
    "words",
    [
        ("meet", "meets", "meeting", "meetings"),
        ("decide", "decides", "decided", "decision"),
        ("establish", "established", "establishment"),
        ("organize", "organization", "organizational"),
        ("convene", "convened", "convening"),
        ("delegates", "delegation"),
        ("cooperate", "cooperated", "cooperation"),
        ("country", "countries"),
    ],
)
def test_related_forms_share_a_stem(words: tuple[str, ...]) -> None:
    assert len({stem(word) for word in words}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [("statement", "states"), ("session", "sess"), ("national", "nation"), ("assembly", "assemb")],
)
def test_unrelated_words_stay_apart(first: str, second: str) -> None:
    assert stem(first) != stem(second)


@pytest.mark.parametrize("token", ["a/74/130", "65/230", "rev", "l", "2019", "côte", "belarus"])
def test_symbols_numbers_and_short_or_foreign_words_are_untouched(token: str) -> None:
    assert stem(token) == token


def test_fold_plural_keeps_verb_forms() -> None:
    assert fold_plural("countries") == "country"
    assert fold_plural("contained") == "contained"
    assert fold_plural("process") == "process"
