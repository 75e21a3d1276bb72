"""Recognising questions in chat and cleaning mentions out of them."""

from __future__ import annotations

import pytest

from bot.discord_app.questions import looks_like_question, question_problem, strip_mentions


def test_strip_mentions_removes_both_forms_only_for_the_bot() -> None:
    assert strip_mentions("<@42> how did <@7> vote? <@!42>", 42) == "how did <@7> vote?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How did Kenya vote", True),
        ("Kenya voted in favour?", True),
        ("did France abstain", True),
        ("nice weather today", False),
        ("   ", False),
        ("Showdown tonight", False),
        ("?", False),
        ("??!", False),
        ("kenya?", True),
    ],
)
def test_looks_like_question(text: str, expected: bool) -> None:
    assert looks_like_question(text) is expected


def test_question_problem_explains_empty_and_long_questions() -> None:
    assert question_problem("How did Kenya vote?", 300) is None
    assert "include a question" in (question_problem("  ", 300) or "")
    assert "under 10 characters" in (question_problem("x" * 11, 10) or "")
