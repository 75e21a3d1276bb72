"""A question that names a resolution by its subject is answered for that document only."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.library import Library
from index.records import Position
from index.subjects import stem, subject_words
from tests.index.conftest import FIXTURE_ID, JOURNALISTS_ID, SEED_ID

ALL = {SEED_ID, FIXTURE_ID, JOURNALISTS_ID}


def documents_of(engine: Engine, question: str) -> set[str]:
    answer = engine.ask(question)
    return {v.document for v in answer.votes} | {s.document for s in answer.sources}


def test_subject_words_are_the_distinctive_words_of_each_title(
    three_document_engine: Engine,
) -> None:
    subjects = subject_words(three_document_engine._library.documents)
    assert subjects[JOURNALISTS_ID] == {"safety", "journalist", "impunity"}
    assert {"water", "sanitation", "rural"} <= subjects[FIXTURE_ID]
    assert {"criminal", "technology"} <= subjects[SEED_ID]
    assert not any({"human", "right", "purpose"} & words for words in subjects.values())


def test_country_names_in_a_title_are_not_subject_words(
    three_document_engine: Engine,
) -> None:
    documents = three_document_engine._library.documents
    renamed = documents[2].model_copy(
        update={"resolution_title": "Situation of human rights in Myanmar and journalists"}
    )
    assert subject_words([*documents[:2], renamed])[JOURNALISTS_ID] == {"journalist"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [("journalists", "journalist"), ("Technologies", "technology"), ("Impunity", "impunity")],
)
def test_plurals_meet_their_singular(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how did Egypt vote on the journalists resolution?", {JOURNALISTS_ID}),
        ("Who sponsored the water resolution?", {FIXTURE_ID}),
        ("Did Egypt abstain on the resolution on criminal use of technologies?", {SEED_ID}),
        ("How did Kenya vote on A/C.3/75/L.21/Rev.1?", {FIXTURE_ID}),
        ("How did Kenya vote under item 74 (b)?", {JOURNALISTS_ID}),
        ("How did France vote?", ALL),
        ("Who sponsored the water and the journalists resolutions?", {FIXTURE_ID, JOURNALISTS_ID}),
    ],
)
def test_questions_target_the_documents_they_name(
    three_document_engine: Engine, question: str, expected: set[str]
) -> None:
    assert documents_of(three_document_engine, question) == expected


def test_each_delegation_named_in_one_footnote_gets_its_own_note(
    three_document_engine: Engine,
) -> None:
    egypt = three_document_engine.ask("How did Egypt vote on the journalists resolution?")
    (entry,) = egypt.votes
    assert entry.position is Position.ABSTAINING
    assert entry.note == (
        "The delegation of Egypt subsequently indicated that it had intended to vote in favour."
    )
    assert "Egypt** **abstained**. Note: The delegation of Egypt" in egypt.text
    assert "Tonga" not in egypt.text
    tonga = three_document_engine.ask("How did Tonga vote on the safety of journalists?")
    (entry,) = tonga.votes
    assert entry.position is Position.ABSENT and entry.note is not None
    assert "Tonga subsequently indicated" in entry.note and "Egypt" not in entry.note


def test_with_one_document_nothing_needs_naming(engine: Engine) -> None:
    library = Library(engine._library.documents)
    assert library.named_documents("how did Egypt vote on the journalists resolution?") == ()
