from __future__ import annotations

import pytest

from index.engine import Engine
from index.query import Intent
from index.reading.delegation import as_delegation, represented


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("My country is Kenya.", "Kenya"),
        ("i'm repping tuvalu and our advisor said the islands stick together", "Tuvalu"),
        ("my delegation this year is the philippines", "Philippines"),
        ("I'm doing a presentation on Japan.", None),
        ("we are repping France and Germany", None),
    ],
)
def test_the_state_the_asker_represents(text: str, state: str | None) -> None:
    assert represented(text) == state


def test_the_first_person_is_that_state() -> None:
    assert as_delegation("did we sponsor it? how did our delegation vote", "Kenya") == (
        "did Kenya sponsor it? how did Kenya vote"
    )


def test_a_message_that_says_who_it_speaks_for_is_read_with_it(engine: Engine) -> None:
    answer = engine.ask("My country is Kenya. Did we sponsor it? And how did we vote in the GA?")
    queries = [part.query for part in answer.parts if part.query]
    assert [(q.intent, [c.name for c in q.countries]) for q in queries] == [
        (Intent.SPONSORS, ["Kenya"]),
        (Intent.VOTE, ["Kenya"]),
    ]
    assert engine.read("how did we vote").countries == ()


def test_a_state_named_as_context_is_it_in_the_questions_after(engine: Engine) -> None:
    answer = engine.ask(
        "I'm doing a presentation on Japan. How did it vote, and did it make a statement?"
    )
    queries = [part.query for part in answer.parts if part.query]
    assert [(q.intent, [c.name for c in q.countries]) for q in queries] == [
        (Intent.VOTE, ["Japan"]),
        (Intent.STATEMENTS, ["Japan"]),
    ]
