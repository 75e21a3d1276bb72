"""The documents' words: what "is this in the document?" is decided against."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.library import Library
from index.reading.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def vocabulary(engine: Engine) -> Vocabulary:
    return Library(engine.documents).vocabulary


def test_words_of_the_report_are_known(vocabulary: Vocabulary) -> None:
    assert all(vocabulary.knows(w) for w in ["Doha", "declarations", "discussed", "convene"])
    assert vocabulary.knows("cybercrme"), "a one-letter slip of a long word is known"
    assert vocabulary.knows("ccpcj"), "the glossary's plain words count"
    assert not any(vocabulary.knows(w) for w in ["budapest", "ransomware", "cryptocurrency"])


def test_symbols_and_years(vocabulary: Vocabulary) -> None:
    assert vocabulary.unknown_symbols("is it 65/230 or 74/247?") == ["74/247"]
    assert vocabulary.unknown_years("in 2019, 2020 or 2021?") == [2021]
