from __future__ import annotations

import numpy as np

from index.search.structure import ACT_BONUS, LEAD_BONUS, ORDINAL_BONUS, Structure, lead_head
from tests.index.search.helpers import seed_paragraphs


def _favoured(question: str) -> dict[str, float]:
    paragraphs = seed_paragraphs()
    bonus = Structure(paragraphs).bonus(question)
    return {paragraphs[int(row)].id: round(float(bonus[row]), 4) for row in np.flatnonzero(bonus)}


def test_an_ordinal_and_a_part_point_at_that_paragraph() -> None:
    assert _favoured("how does the very first preambular para frame icts") == {
        "preamble-3": ORDINAL_BONUS
    }, "the first preambular paragraph of these hand-built ones is the seed's third"
    assert _favoured("the last operative paragraph?") == {"operative-6": ORDINAL_BONUS}
    assert _favoured("what is the second op about") == {"operative-2": ORDINAL_BONUS}
    assert _favoured("quote the first paragraph of the report") == {"report-3": ORDINAL_BONUS}


def test_an_ordinal_without_a_part_names_no_paragraph() -> None:
    assert _favoured("when is the first session of the new committee?") == {}
    assert _favoured("what did the first report of the secretary-general say") == {}


def test_a_named_lead_favours_the_paragraphs_opening_with_it() -> None:
    assert _favoured("the preambular para noting the commission's work") == {}
    assert _favoured("which para recalling the salvador declaration") == {
        "preamble-6": LEAD_BONUS,
        "preamble-8": LEAD_BONUS,
    }
    assert _favoured("what does it decide? the op that decides") == {
        "operative-2": LEAD_BONUS,
        "operative-3": LEAD_BONUS,
        "operative-6": LEAD_BONUS,
    }, "'Also decides' is a paragraph that decides"


def test_a_lead_loses_the_adverbs_that_travel_with_it() -> None:
    assert lead_head("Also decides") == "decides"
    assert lead_head("Taking note also") == "taking note"
    assert lead_head("Deeply concerned") == "concerned"
    assert lead_head("Noting with concern") == "noting"
    assert lead_head("Recalling") == "recalling"


def test_a_plain_word_for_an_act_favours_paragraphs_of_that_kind() -> None:
    assert _favoured("are they worried about power grids") == {"preamble-3": ACT_BONUS}
    assert _favoured("who is in charge of the money") == {"operative-4": ACT_BONUS}
    assert _favoured("what earlier texts does it build on") == {
        "preamble-6": ACT_BONUS,
        "preamble-8": ACT_BONUS,
    }
    assert _favoured("was it decided by a vote") == {}, "a past 'decided' tells of proceedings"
