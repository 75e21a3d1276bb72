"""No answer repeats a user's markup live: every echo goes through ``quote_user_text``.

Injected into the evaluation's questions, a masked link, a spoiler, a broadcast mention, a
role mention and a user mention must never come back as they were typed, neither in the
answer's text nor in the reading shown as "I read this as: …".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eval.end_to_end import read_items
from index.engine import Engine
from index.structured.vote_picture import NoVotePicture
from index.user_text import quote_user_text

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


PICTURES: dict[str, Callable[[Engine, str], object]] = {
    "map": lambda engine, typed: engine.vote_picture(typed),
    "trail": lambda engine, typed: engine.trail_picture(typed),
    "groups": lambda engine, typed: engine.groups_picture(None, [typed]),
}


@pytest.mark.parametrize("picture", PICTURES)
@pytest.mark.parametrize("injection", INJECTIONS)
def test_a_picture_of_an_unknown_name_quotes_the_name(
    engine: Engine, picture: str, injection: str
) -> None:
    """The refusal of /map document:… (and of the terminal's pictures) names what was typed."""
    typed = f"Kenya {injection} report"
    with pytest.raises(NoVotePicture) as refused:
        PICTURES[picture](engine, typed)
    message = str(refused.value)
    assert injection not in message and f"“{quote_user_text(typed)}”" in message
