from __future__ import annotations

import numpy as np
import pytest

from index.language.glossary import default_glossary
from index.search.fusion import FusionMethod, fuse, reciprocal_rank_fusion, weighted_fusion
from index.search.lexical import LexicalIndex, tokenize
from tests.index.search.helpers import seed_paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("report A/74/130", ["a/74/130", "74", "130"]),
        ("resolution 65/230", ["65/230", "65", "230"]),
        ("ECOSOC 2019/19", ["2019/19", "2019", "19"]),
        ("resolution 22/8", ["22/8", "22", "8"]),
        ("A/C.3/74/L.11/Rev.1", ["a/c.3/74/l.11/rev.1", "c", "3", "74", "l", "11", "rev", "1"]),
    ],
)
def test_symbols_are_kept_whole_and_split(text: str, expected: list[str]) -> None:
    assert all(token in tokenize(text) for token in expected)


def test_words_are_stemmed_and_stopwords_drop() -> None:
    assert tokenize("the developing countries") == ["develop", "country"]


def test_exact_symbol_beats_shared_parts() -> None:
    paragraphs = seed_paragraphs()
    index = LexicalIndex([p.text for p in paragraphs])
    for symbol, expected in [
        ("A/74/130", "report-3"),
        ("65/230", "preamble-8"),
        ("22/8", "preamble-6"),
    ]:
        scores = index.scores(symbol)
        assert paragraphs[int(scores.argmax())].id == expected


def test_unknown_terms_score_zero() -> None:
    index = LexicalIndex(["ad hoc committee", "donor countries"])
    assert not index.scores("zzzz qqqq").any()
    assert index.symbol_matches("A/74/130") == set()


def test_rrf_rewards_agreement_and_ignores_missing_lexical_matches() -> None:
    dense = np.array([0.9, 0.8, 0.1], dtype=np.float32)
    bm25 = np.array([0.0, 2.0, 1.0], dtype=np.float32)
    fused = reciprocal_rank_fusion(dense, bm25)
    assert list(np.argsort(-fused)) == [1, 2, 0]
    both_first = reciprocal_rank_fusion(dense, np.array([3.0, 0.0, 0.0], dtype=np.float32))
    assert both_first[0] == pytest.approx(1.0)


def test_weighted_fusion_normalises_bm25_per_query() -> None:
    dense = np.array([0.5, 0.4], dtype=np.float32)
    fused = weighted_fusion(dense, np.array([10.0, 0.0], dtype=np.float32), weight=0.5)
    assert fused == pytest.approx([0.75, 0.2])
    no_match = weighted_fusion(dense, np.zeros(2, dtype=np.float32), weight=0.5)
    assert no_match == pytest.approx([0.25, 0.2])


def test_coverage_and_unknown_years() -> None:
    index = LexicalIndex(["The ad hoc committee meets in August 2020 in New York."])
    assert index.coverage("When does the ad hoc committee meet?") == 1.0
    assert index.coverage("Who won the 2020 World Cup?") == 0.0
    assert index.coverage("2020") == 1.0
    assert index.coverage("???") == 0.0
    assert index.unknown_years("What happened in 2020 and 2024?") == {"2024"}


def test_a_glossary_phrase_replaces_its_own_words() -> None:
    texts = [
        "Reaffirming the importance of respect for human rights and fundamental freedoms.",
        "Recognizing that criminals, including traffickers in persons, use technology.",
    ]
    scores = LexicalIndex(texts, default_glossary()).scores("does it mention human trafficking?")
    assert scores[1] > 0 and scores[0] == 0, "'human' is part of the phrase, not a word alone"
    assert LexicalIndex(texts, default_glossary()).scores("human rights")[0] > 0


def test_words_of_asking_are_not_scored() -> None:
    texts = ["It was adopted by 88 to 58 (see para. 13).", "Recalling its resolutions."]
    asking = LexicalIndex(texts, asking=frozenset({"para", "paragraph"}))
    assert not asking.scores("give me the para").any()
    assert LexicalIndex(texts).scores("give me the para")[0] > 0


def test_the_lexical_mass_counts_each_scored_term_once() -> None:
    index = LexicalIndex(["the ad hoc committee", "donor countries", "the committee"])
    scored = index.scored("committee committee donor zzzz")
    assert scored.mass == pytest.approx(index.idf("committe") + index.idf("donor"))
    assert scored.scores.max() < scored.mass
    assert index.scored("zzzz").mass == 0.0


def test_weighted_fusion_discounts_a_weak_best_lexical_match() -> None:
    dense = np.array([0.5, 0.4], dtype=np.float32)
    bm25 = np.array([1.0, 0.0], dtype=np.float32)
    assert weighted_fusion(dense, bm25, weight=0.5, floor=4.0) == pytest.approx([0.375, 0.2])
    assert weighted_fusion(dense, bm25, weight=0.5, floor=0.5) == pytest.approx([0.75, 0.2])


def test_a_question_asking_for_a_kind_of_answer_leans_on_meaning() -> None:
    dense = np.array([0.9, 0.0], dtype=np.float32)
    bm25 = np.array([0.0, 1.0], dtype=np.float32)
    untyped = fuse(FusionMethod.WEIGHTED, dense, bm25)
    typed = fuse(FusionMethod.WEIGHTED, dense, bm25, typed=True)
    assert untyped.argmax() == 1 and typed.argmax() == 0


def test_the_glossary_plain_words_count_in_any_inflection() -> None:
    index = LexicalIndex(
        ["Requests the Secretary-General to allocate resources."], default_glossary()
    )
    assert index.coverage("who pays") == index.coverage("who's paying") == 1.0
    assert index.coverage("who won the cup") == 0.0
