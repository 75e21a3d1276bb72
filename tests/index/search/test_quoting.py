"""Which sentence a passage answer quotes, with the deterministic fake embedder."""

from __future__ import annotations

import pytest

from index.records import Footnote, Paragraph, Part
from index.search import quoting
from index.search.passages import TextVariant
from index.search.retriever import Retriever
from index.settings import EngineSettings
from tests.index.search.conftest import FAKE_MIN_DENSE
from tests.index.search.helpers import FakeEmbedder, make_document, seed_paragraphs

DISCUSSION = Paragraph(
    id="report-2",
    document="A/74/401",
    part=Part.REPORT,
    number=2,
    label="paragraph 2 of the report",
    section="I. Introduction",
    text=(
        "The Third Committee held a general discussion on the item at its 5th and 6th "
        "meetings, on 3 October 2019. An account of the Committee's discussion is contained "
        "in the relevant summary records."
    ),
)


def ready(settings: EngineSettings, variant: TextVariant = TextVariant.SENTENCES) -> Retriever:
    retriever = Retriever(
        settings, embedder=FakeEmbedder(), min_dense_score=FAKE_MIN_DENSE, variant=variant
    )
    assert retriever.ensure_ready([make_document([DISCUSSION, *seed_paragraphs()])]).ok
    return retriever


def quote(retriever: Retriever, question: str) -> str:
    hit = retriever.search(question, k=1)[0]
    assert hit.paragraph.id == "report-2"
    return " ".join(hit.quote)


def test_a_when_question_quotes_the_sentence_with_the_date(
    settings: EngineSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "When was the Committee's discussion?"
    assert "3 October 2019" in quote(ready(settings), question)
    monkeypatch.setattr(quoting, "DATE_WEIGHT", 0.0)
    assert "3 October 2019" not in quote(ready(settings), question)


def test_rare_words_outweigh_common_ones(settings: EngineSettings) -> None:
    retriever = ready(settings)
    assert quote(retriever, "Where are the summary records of the discussion?") == (
        "An account of the Committee's discussion is contained in the relevant summary records."
    )
    assert "3 October" in quote(retriever, "Which meetings held the general discussion?")


def test_without_sentence_vectors_words_still_choose(settings: EngineSettings) -> None:
    retriever = ready(settings, TextVariant.PARAGRAPH)
    assert "summary records" in quote(retriever, "Where are the summary records?")


def test_a_one_sentence_paragraph_is_quoted_whole(settings: EngineSettings) -> None:
    hit = ready(settings).search("Who pays for delegates from developing countries?", k=1)[0]
    assert hit.paragraph.id == "operative-5"
    assert hit.quote == (hit.sentence,) and hit.sentence.startswith("Invites donor countries")
    assert hit.sentence_score == 1.0


def _noted(text: str, after: str, note: str) -> Paragraph:
    return DISCUSSION.model_copy(
        update={
            "text": text,
            "footnotes": (Footnote(number=1, text=note, offset=text.index(after) + len(after)),),
        }
    )


def test_a_footnote_is_quoted_with_the_sentence_that_carries_its_mark(
    settings: EngineSettings,
) -> None:
    noted = _noted(
        DISCUSSION.text,
        "relevant summary records.",
        "See A/C.3/74/SR.5, A/C.3/74/SR.6, A/C.3/74/SR.44 and A/C.3/74/SR.50.",
    )
    retriever = Retriever(settings, embedder=FakeEmbedder(), min_dense_score=FAKE_MIN_DENSE)
    assert retriever.ensure_ready([make_document([noted, *seed_paragraphs()[1:]])]).ok
    hit = retriever.search("Where are the summary records?", k=1)[0]
    assert hit.quote == (
        "An account of the Committee's discussion is contained in the relevant summary records.",
        "Footnote 1: See A/C.3/74/SR.5, A/C.3/74/SR.6, A/C.3/74/SR.44 and A/C.3/74/SR.50.",
    )
    hit = retriever.search("Which symbols does footnote 1 give, SR.44?", k=1)[0]
    assert hit.quote[0].startswith("An account") and hit.quote[-1].startswith("Footnote 1")


def test_a_mark_on_a_list_opener_brings_the_sentence_before_it(settings: EngineSettings) -> None:
    text = (
        "The Committee adopted the draft by a recorded vote of 88 to 58. "
        "The voting was as follows:\nIn favour: Algeria, Angola.\nAgainst: Albania."
    )
    noted = _noted(text, "as follows:", "The delegation of Benin later said it meant yes.")
    retriever = Retriever(settings, embedder=FakeEmbedder(), min_dense_score=FAKE_MIN_DENSE)
    assert retriever.ensure_ready([make_document([noted, *seed_paragraphs()[1:]])]).ok
    hit = retriever.search("What did the delegation of Benin later say?", k=1)[0]
    assert hit.quote == (
        "The Committee adopted the draft by a recorded vote of 88 to 58.",
        "The voting was as follows:",
        "Footnote 1: The delegation of Benin later said it meant yes.",
    )
