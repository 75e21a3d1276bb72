"""The echo attack's judge sees every string's live markup and passes its quoted form, so its
count of 0 means something."""

from __future__ import annotations

import pytest

from bench.echo_attack import ECHOED, INJECTIONS, NEUTRAL, Injection, live_markup, questions_to_ask
from index.user_text import quote_user_text


@pytest.mark.parametrize("injection", INJECTIONS, ids=lambda i: i.name)
def test_each_string_is_live_as_typed_and_inert_once_quoted(injection: Injection) -> None:
    for template in ECHOED:
        typed = template.format(injection.text)
        assert live_markup(f"The document does not mention “{typed}”."), typed
        assert live_markup(f"The document does not mention “{quote_user_text(typed)}”.") == []


def test_markup_of_the_answers_own_is_not_counted() -> None:
    answer = (
        "**France** voted **against**.\n> operative paragraph 2\n"
        "*Third Committee recorded vote on A/C.3/74/L.11/Rev.1*"
    )
    assert live_markup(answer) == []


def test_every_question_is_asked_whole_and_on_one_line() -> None:
    clean = ["How did France vote?", "who sponsored it"]
    asked = questions_to_ask(clean)
    per_question = 3 * len(INJECTIONS) + len(NEUTRAL)
    assert len(asked) == len(clean) * (1 + per_question) + len(ECHOED) * len(INJECTIONS)
    assert all("\n" not in a.question for a in asked)
    assert {a.clean for a in asked if a.placement == "middle"} == {0, 1}


@pytest.mark.parametrize("injection", INJECTIONS, ids=lambda i: i.name)
def test_each_string_opening_a_title_is_judged_too(injection: Injection) -> None:
    """An embed's title is the question itself, quoted: there a string opens the line."""
    assert live_markup(injection.text.strip()), injection.text
    assert live_markup(quote_user_text(injection.text)) == []
