"""One reply for a message that asks several things: every part answered, in order."""

from __future__ import annotations

from index.answers import AnswerKind
from index.engine import Engine
from index.records import Position


def test_every_part_is_answered_in_order_under_its_reading(engine: Engine) -> None:
    """ "Where is he from" asks what the Rapporteur's answer already says: answered once."""
    answer = engine.ask(
        "who was the rapporteur and where is he from, and when was the report issued?"
    )
    assert [part.query.field for part in answer.parts if part.query] == ["rapporteur", "date"]
    assert "Jabbar" in answer.text and "Iraq" in answer.text and "25 November 2019" in answer.text
    assert answer.text.startswith("**1. The report's rapporteur**")
    assert answer.answered


def test_the_document_is_named_once_at_the_end(engine: Engine) -> None:
    answer = engine.ask("how did indonesia vote and did it speak before or after?")
    closing = answer.parts[-1].text.rsplit("\n", 1)[-1]
    assert answer.text.endswith(closing)
    assert answer.text.count(closing) == 1
    assert ("Indonesia", Position.IN_FAVOUR) in [(v.country, v.position) for v in answer.votes]


def test_a_later_part_reads_in_the_light_of_an_earlier_one(engine: Engine) -> None:
    answer = engine.ask("Did Beijing co-sponsor moscow's treaty push, and how did it vote?")
    assert [part.kind for part in answer.parts] == [AnswerKind.SPONSORS, AnswerKind.VOTE]
    assert [(v.country, v.position) for v in answer.votes] == [("China", Position.IN_FAVOUR)]
    assert answer.query is answer.parts[-1].query


def test_a_repeated_question_is_answered_once(engine: Engine) -> None:
    answer = engine.ask("How did France vote? how did France vote?")
    assert answer.parts == []
