"""A message cut into the questions it asks, and the context it gives."""

from __future__ import annotations

import pytest

from index.reading.parts import split_parts


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "who was the rapporteur and where is he from, and when was the report issued?",
            ["who was the rapporteur", "where is he from", "when was the report issued?"],
        ),
        (
            "Finland spoke on behalf of whom, and how did Finland itself vote in the Committee?",
            ["Finland spoke on behalf of whom", "how did Finland itself vote in the Committee?"],
        ),
        (
            "which EU countries voted against?? was it literally all of them",
            ["which EU countries voted against??", "was it literally all of them"],
        ),
        (
            "how did japan and south korea vote, and did they say anything after?",
            ["how did japan and south korea vote", "did they say anything after?"],
        ),
        (
            "africa group vs EU: how many africans voted yes, how many EU states voted no?",
            ["africa group vs EU: how many africans voted yes", "how many EU states voted no?"],
        ),
        ("when and where will the ad hoc committee meet", None),
        ("of all the co-sponsors incl the late ones, how many voted yes", None),
        ("How did Japan and South Korea vote?", None),
        ("did the U.S. vote no", None),
        ("what is A/C.3/74/L.11/Rev.1?", None),
    ],
)
def test_a_message_is_cut_into_its_questions(message: str, parts: list[str] | None) -> None:
    found = split_parts(message)
    assert all(part.asks for part in found)
    assert [part.text for part in found] == (parts or [message])


def test_sentences_that_ask_nothing_are_context_and_elaborations_join_their_question() -> None:
    found = split_parts(
        "Hi! I'm writing an essay on this. What does the resolution decide? Like the part "
        "where they set up the new group?"
    )
    assert [(part.text, part.asks) for part in found] == [
        ("Hi!", False),
        ("I'm writing an essay on this", False),
        (
            "What does the resolution decide? Like the part where they set up the new group?",
            True,
        ),
    ]


def test_a_message_that_asks_nothing_is_read_whole() -> None:
    assert [(p.text, p.asks) for p in split_parts("Kenya.")] == [("Kenya.", True)]


def test_a_preposition_may_open_the_next_question() -> None:
    found = split_parts("Who introduced L.11 and at which meeting?")
    assert [part.text for part in found] == ["Who introduced L.11", "at which meeting?"]
    found = split_parts("how did france vote? in which meeting was the vote taken?")
    assert [part.text for part in found] == [
        "how did france vote?",
        "in which meeting was the vote taken?",
    ]


def test_how_to_lay_out_the_answer_joins_its_question() -> None:
    found = split_parts(
        "Who took the floor before the vote? Please separate the general statements from the EOVs."
    )
    assert [part.text for part in found] == [
        "Who took the floor before the vote? Please separate the general statements from the EOVs."
    ]


def test_a_clause_opened_by_plus_or_also_is_asked() -> None:
    found = split_parts("confirm: 88-58-34? + date of adoption in committee")
    assert [(part.text, part.asks) for part in found] == [
        ("confirm: 88-58-34?", True),
        ("+ date of adoption in committee", True),
    ]


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "Which of the sponsors, Benin included, had no recorded vote in the Committee?",
            ["Which of the sponsors, Benin included, had no recorded vote in the Committee?"],
        ),
        ("how did japan vote, did it speak after?", ["how did japan vote", "did it speak after?"]),
        (
            "how did france vote, was Germany the same",
            ["how did france vote", "was Germany the same"],
        ),
    ],
)
def test_a_comma_opens_a_question_only_with_its_own_subject(message: str, parts: list[str]) -> None:
    assert [part.text for part in split_parts(message)] == parts


def test_list_them_joins_the_question_it_asks_to_list() -> None:
    found = split_parts("did that whole crew vote no? list em")
    assert [part.text for part in found] == ["did that whole crew vote no? list em"]


def test_an_adverb_may_open_the_next_question() -> None:
    found = split_parts(
        "how did the EU vote, and exactly how many African Group members backed it?"
    )
    assert [part.text for part in found] == [
        "how did the EU vote",
        "exactly how many African Group members backed it?",
    ]
