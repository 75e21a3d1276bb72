"""No answer repeats a user's markup live: every echo goes through ``quote_user_text``.

Injected into the evaluation's questions, a masked link, a spoiler, a broadcast mention, a
role mention and a user mention must never come back as they were typed, neither in the
answer's text nor in the reading shown as "I read this as: …".
"""

from __future__ import annotations

import pytest

from eval.end_to_end import read_items
from index.engine import Engine

INJECTIONS = (
    "[click](https://evil.example)",
    "||spoiler||",
    "@everyone",
    "<@&123456789012345678>",
    "<@123456789012345678>",
)


@pytest.mark.parametrize("injection", INJECTIONS)
def test_injected_markup_never_comes_back_live(engine: Engine, injection: str) -> None:
    questions = [item.question for item in read_items()]
    questions += ["what is the Malabo Convention {} here", "How did {} vote?"]
    live: list[str] = []
    for question in questions:
        typed = question.format(injection) if "{}" in question else f"{question} {injection}"
        answer = engine.ask(typed)
        reading = answer.query.reading if answer.query else ""
        if injection in answer.text or injection in reading:
            live.append(typed)
    assert live == []
