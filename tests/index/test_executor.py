"""Running a query: a passage follow-up falls back on its own words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from index.answers import Answer, AnswerKind
from index.engine import Engine
from index.executor import execute
from index.library import Library
from index.parsing.document import load_documents
from index.search.retriever import Retriever
from tests.index.conftest import SEEDS

LIBRARY = Library(load_documents(SEEDS))


class _Retriever:
    """Answers only the texts it is given, and remembers what it was asked."""

    def __init__(self, answered: set[str]) -> None:
        self.answered = answered
        self.asked: list[str] = []

    def answer(self, text: str, names: Sequence[str] = ()) -> Answer:
        self.asked.append(text)
        found = text in self.answered
        kind = AnswerKind.PASSAGE if found else AnswerKind.NO_ANSWER
        return Answer(question=text, kind=kind, answered=found, text=text)


def test_a_follow_up_is_searched_alone_when_the_joined_words_find_nothing(
    engine: Engine,
) -> None:
    query = engine.read("And who's footing the bill?", engine.read("What will the new body do?"))
    stub = _Retriever({"who's footing the bill?"})
    answer = execute(query, LIBRARY, lambda: cast(Retriever, stub))
    assert stub.asked == [query.search_text, "who's footing the bill?"]
    assert (answer.answered, answer.question) == (True, "And who's footing the bill?")


def test_a_follow_up_the_joined_words_answer_is_searched_once(engine: Engine) -> None:
    query = engine.read("and where?", engine.read("When will the ad hoc committee meet?"))
    stub = _Retriever({query.search_text})
    answer = execute(query, LIBRARY, lambda: cast(Retriever, stub))
    assert stub.asked == [query.search_text]
    assert answer.answered
