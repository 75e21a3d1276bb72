"""Slips in cue words are fixed; real English words never are."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.reading.typos import correct, cue_for
from index.records import Position
from tests.english_words import english_words


@pytest.mark.parametrize(
    ("slip", "word"),
    [
        ("sponsers", "sponsors"),
        ("agianst", "against"),
        ("statment", "statement"),
        ("rapporter", "rapporteur"),
        ("breakdwon", "breakdown"),
        ("abstension", "abstention"),
    ],
)
def test_slips_of_cue_words_are_fixed(slip: str, word: str) -> None:
    assert cue_for(slip) == word


def test_no_english_word_is_corrected() -> None:
    assert [word for word in english_words() if cue_for(word)] == []


def test_corrections_are_reported() -> None:
    assert correct("who were the sponsers") == ("who were the sponsors", ("sponsers → sponsors",))


def test_a_corrected_reading_says_so(engine: Engine) -> None:
    query = engine.read("did japan vote agianst")
    assert list(query.positions) == [Position.AGAINST]
    assert query.corrections == ("agianst → against",) and query.uncertain


def test_support_misspelt_is_support() -> None:
    assert cue_for("suport") == "support"
    assert cue_for("supprt") == "support"
    assert cue_for("supportive") is None
