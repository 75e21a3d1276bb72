from __future__ import annotations

import pytest

from index.language.requests import topic_of


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "does the resolution say when the general assembly comes back to this? exact words",
            "when the general assembly comes back to this",
        ),
        (
            "give me the para that lists all the previous general assembly resolutions",
            "lists all the previous general assembly resolutions",
        ),
        ("can you paste the exact op that creates the new committee", "creates the new committee"),
        (
            "quote me the line about the treaties already on the books",
            "the treaties already on the books",
        ),
        ("what does the report say happened after the vote, exact text", "happened after the vote"),
        (
            "is there anything about human rights in it? quote it",
            "is there anything about human rights in it",
        ),
        ("does it talk about training local police", "training local police"),
    ],
)
def test_the_request_is_taken_off_the_topic(question: str, topic: str) -> None:
    assert topic_of(question) == topic


@pytest.mark.parametrize(
    "question",
    [
        "What day was the general discussion held?",
        "who's supposed to find the cash for the new committee",
        "quote it",
        "please show me the part about travel",
    ],
)
def test_a_question_without_a_request_or_with_nothing_else_is_kept(question: str) -> None:
    """ "find" inside a question is not a command, and a request that leaves one word or none
    ("quote it", "... about travel") keeps its words: they are all the question has."""
    assert topic_of(question) == question


def test_what_the_delegations_said_is_a_topic() -> None:
    assert topic_of("do they mention tech companies or business?") == "tech companies or business"
    question = "how did japan and south korea vote, and did they say anything after?"
    assert topic_of(question) == question
