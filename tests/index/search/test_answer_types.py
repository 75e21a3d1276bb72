"""Questions that ask for a date or a place favour paragraphs that state one."""

from __future__ import annotations

import numpy as np
import pytest

from index.search.answer_types import AnswerType, asked, bonus, stated


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("where did the expert group hold its meetings", AnswerType.PLACE),
        ("in which city is the session", AnswerType.PLACE),
        ("what are the dates of the sessions", AnswerType.DATE),
        ("when does the ad hoc committee meet", AnswerType.DATE),
        ("who sponsored it", None),
    ],
)
def test_what_a_question_asks_for(question: str, kind: AnswerType | None) -> None:
    assert asked(question) is kind


def test_what_a_paragraph_states() -> None:
    text = "held in Vienna from 17 to 21 January 2011 and in New York in August 2020"
    assert stated(text) == {AnswerType.DATE: 3, AnswerType.PLACE: 2}
    assert stated("in order to agree, in particular in accordance with it")[AnswerType.PLACE] == 0


def test_the_bonus_is_capped_and_only_for_what_is_asked() -> None:
    counts = {
        AnswerType.DATE: np.array([0, 1, 9], dtype=np.float32),
        AnswerType.PLACE: np.array([1, 0, 0], dtype=np.float32),
    }
    dates = np.asarray(bonus(AnswerType.DATE, counts))
    assert dates[0] == 0 and 0 < dates[1] < dates[2] <= 0.13
    assert bonus(None, counts) == 0.0
