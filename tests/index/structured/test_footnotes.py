from __future__ import annotations

import pytest

from index.answers import AnswerKind
from index.engine import Engine
from index.records import Part


@pytest.mark.parametrize(
    ("question", "part", "number"),
    [
        ("Footnote 2 of the draft resolution — what does it point to?", Part.PREAMBLE, 2),
        ("what's in the 2nd footnote of the report", Part.REPORT, 2),
        ("what does footnote 1 say", None, 1),
        ("footnote no. 4 in the preamble?", Part.PREAMBLE, 4),
    ],
)
def test_footnotes_are_read_by_number_and_part(
    engine: Engine, question: str, part: Part | None, number: int
) -> None:
    ref = engine.read(question).paragraph
    assert ref is not None
    assert (ref.footnote, ref.part, ref.number) == (True, part, number)


def test_a_footnote_is_quoted_with_the_paragraph_that_carries_its_mark(engine: Engine) -> None:
    answer = engine.ask("Footnote 2 of the draft resolution — what does it point to?")
    assert answer.kind is AnswerKind.PARAGRAPH
    assert answer.answered
    assert "Resolution 70/174, annex." in answer.text
    assert "**preambular paragraph 9**" in answer.text
    assert "Doha Declaration" in answer.text
    assert [source.label for source in answer.sources] == ["preambular paragraph 9"]


def test_a_number_both_parts_use_gives_both(engine: Engine) -> None:
    answer = engine.ask("what does footnote 1 say")
    assert "Footnote 1 of the report" in answer.text
    assert "Footnote 1 of draft resolution A/C.3/74/L.11/Rev.1" in answer.text
    assert "A/C.3/74/SR.5" in answer.text
    assert "E/2013/30" in answer.text


def test_a_footnote_that_is_not_there_says_which_there_are(engine: Engine) -> None:
    answer = engine.ask("footnote 9")
    assert not answer.answered
    assert answer.text.startswith("There is no footnote 9 in the document.")
    assert "the report has footnotes 1, 2 and 3" in answer.text.casefold()
