"""Document metadata and paragraphs by label."""

from __future__ import annotations

import pytest

from index.answers import AnswerKind
from index.engine import Engine


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who was the rapporteur?", "**Mr. Firas Hassan Jabbar** (Iraq)"),
        ("When was the report issued?", "**25 November 2019**"),
        ("What agenda item is it?", "**agenda item 107**"),
        ("Which meetings considered the item?", "44th (7 November 2019) and 50th (18 November"),
        ("Which session?", "**Seventy-fourth session**"),
    ],
)
def test_metadata(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.kind is AnswerKind.METADATA and answer.answered
    assert expected in answer.text


@pytest.mark.parametrize(
    ("question", "label", "start"),
    [
        (
            "operative paragraph 3",
            "operative paragraph 3",
            "Also decides that the ad hoc committee",
        ),
        ("paragraph 10 of the report", "paragraph 10 of the report", "Also at its 50th meeting"),
        ("preambular paragraph 9", "preambular paragraph 9", "Recalling also the Doha"),
    ],
)
def test_paragraph_by_label(engine: Engine, question: str, label: str, start: str) -> None:
    answer = engine.ask(question)
    assert answer.kind is AnswerKind.PARAGRAPH and answer.answered
    assert [s.label for s in answer.sources] == [label]
    assert answer.sources[0].text.startswith(start)


def test_paragraph_shows_its_footnote(engine: Engine) -> None:
    assert "Footnote 5: A/74/130." in engine.paragraph("operative paragraph 1").text
    assert "Footnote 3: The delegation of Benin" in engine.paragraph("report-10").text


def test_a_bare_number_asks_which_part(engine: Engine) -> None:
    answer = engine.ask("show paragraph 2")
    assert not answer.answered
    assert "“paragraph 2 of the report”" in answer.text and "“operative paragraph 2”" in answer.text


def test_a_missing_paragraph_says_what_exists(engine: Engine) -> None:
    answer = engine.ask("operative paragraph 9")
    assert not answer.answered
    assert "operative paragraphs 1–6" in answer.text


def test_paragraph_labels_for_autocomplete(engine: Engine) -> None:
    assert engine.paragraph_labels("operative")[:2] == [
        "operative paragraph 1",
        "operative paragraph 2",
    ]
    assert len(engine.paragraph_labels("")) == 25
    unknown = engine.paragraph("clause 4")
    assert not unknown.answered and "operative paragraph 2" in unknown.text


def test_what_the_resolution_decides_quotes_every_decision(engine: Engine) -> None:
    answer = engine.ask("What does the resolution decide?")
    assert answer.kind is AnswerKind.PARAGRAPH and answer.answered
    assert [s.label for s in answer.sources] == [
        "operative paragraph 2",
        "operative paragraph 3",
        "operative paragraph 6",
    ]
    assert "- **2.** *Decides* to establish an open-ended ad hoc intergovernmental" in answer.text


def test_the_whole_operative_part(engine: Engine) -> None:
    answer = engine.ask("What does the resolution do?")
    assert [s.label for s in answer.sources] == [f"operative paragraph {n}" for n in range(1, 7)]
    assert "*Invites* donor countries" in answer.text
