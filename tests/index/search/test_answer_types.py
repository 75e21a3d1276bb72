"""Questions that ask for a date or a place favour paragraphs that state one; a quote that
does not give what is asked does not answer."""

from __future__ import annotations

import numpy as np
import pytest

from index.search.answer_types import ASKS_COUNT, AnswerType, asked, bonus, missing, stated

OP2 = (
    "Decides to establish an open-ended ad hoc intergovernmental committee of experts, "
    "representative of all regions, to elaborate a comprehensive international convention"
)
OP3 = (
    "Also decides that the ad hoc committee shall convene a three-day organizational session "
    "in August 2020, in New York, to be submitted to the General Assembly at its "
    "seventy-fifth session"
)
PP10 = (
    "Noting the discussions held during the first to fifth meetings of the open-ended "
    "intergovernmental expert group, held in Vienna from 17 to 21 January 2011"
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("where did the expert group hold its meetings", AnswerType.PLACE),
        ("in which city is the session", AnswerType.PLACE),
        ("what are the dates of the sessions", AnswerType.DATE),
        ("when does the ad hoc committee meet", AnswerType.DATE),
        ("who sponsored it", AnswerType.WHO),
        ("what does the resolution decide", None),
        ("how many days will the first session last", AnswerType.COUNT),
        ("how long is the organizational session", AnswerType.DURATION),
        ("how does the resolution define cybercrime", AnswerType.DEFINITION),
        ("which body advised the assembly", AnswerType.BODY),
        ("did the ad hoc committee actually meet in August 2020?", AnswerType.EVENT),
        ("where did the expert group meet", AnswerType.PLACE),
        ("does the preamble mention human trafficking? where", None),
        ("so where will the committee meet", AnswerType.PLACE),
        ("when and where is the new panel supposed to get together", AnswerType.PLACE),
        ("do they value the expert group as a place where countries swap know-how?", None),
        ("what's the full name of the july 2019 decision", None),
        ("whats the name of the treaty affairs director", AnswerType.WHO),
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


@pytest.mark.parametrize(
    ("question", "quote", "lacking"),
    [
        ("how many experts per region will sit on the ad hoc committee", OP2, "number"),
        ("how many days will the first session last", OP3, None),
        ("how many sessions will the ad hoc committee hold in total", OP3, "number"),
        ("how many times had the experts met in Vienna", PP10, None),
        ("how many of its meetings does the text mention", PP10, None),
        ("which city hosts the organisational session", OP3, None),
        ("which city hosts the organisational session", OP2, "place"),
        ("when does the ad hoc committee meet", OP3, None),
        ("when does the ad hoc committee meet", OP2, "date"),
        ("who ended up chairing the ad hoc committee", OP3, "no one"),
        ("who ended up chairing it", "At the same meeting, the Chair drew attention", "no one"),
        ("who pays for the delegates", "Invites donor countries to provide assistance", None),
        ("who introduced the draft", "the representative of Japan introduced it", None),
        ("who wrote the report", "Rapporteur: Mr. Firas Hassan Jabbar (Iraq)", None),
        ("how does the resolution define cybercrime", OP2, "definition"),
        ("did the ad hoc committee actually meet in August 2020?", OP3, "happened"),
        ("did the committee hold a general discussion?", "The Committee held a general", None),
        ("where was the 2013 decision published", "See Official Records (E/2013/30)", None),
        ("what does the resolution decide", OP2, None),
    ],
)
def test_a_quote_gives_what_is_asked_or_says_what_it_lacks(
    question: str, quote: str, lacking: str | None
) -> None:
    gap = missing(asked(question), question, quote, ["Japan"])
    if lacking is None:
        assert gap is None
    else:
        assert gap is not None and lacking in gap


def test_representative_of_all_regions_names_no_one() -> None:
    question = "Who chaired the ad hoc committee during the treaty negotiations?"
    assert missing(asked(question), question, OP2) == "names no one for it"
    said = "the representative of the Russian Federation introduced the draft"
    assert missing(asked("who introduced the draft?"), "who introduced the draft?", said) is None


def test_who_is_asked_by_a_who_of_its_own_and_bodies_answer_it() -> None:
    assert asked("Does the text name any type of criminal who exploits tech?") is None
    assert asked("and who pays for it?") is AnswerType.WHO
    question = "whose recommendation was it to add this to the agenda"
    quote = "on the recommendation of the General Committee, decided to include"
    assert missing(asked(question), question, quote) is None
    chaired = "who ended up chairing the ad hoc committee"
    assert missing(asked(chaired), chaired, "submitted to the General Assembly") is not None


def test_the_number_of_a_resolution_is_its_symbol_not_a_count() -> None:
    assert ASKS_COUNT.search("what's the number of the ECOSOC resolution from July 2019") is None
    assert ASKS_COUNT.search("what was the number of sponsors") is not None
