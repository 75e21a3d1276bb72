from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from index.countries import (
    MemberStateList,
    ResolutionStatus,
    all_member_names,
    canonical_name,
    find_countries,
    load_member_states,
    load_other_entities,
    normalise,
    resolve,
    suggest,
)
from tests.english_words import english_words

MEMBERS = load_member_states().members
AMBIGUOUS_KEYS = {normalise(term.term) for term in load_member_states().ambiguous_terms}
ALIASES = [(member.name, alias) for member in MEMBERS for alias in member.aliases]
CODES = [(member.name, code) for member in MEMBERS for code in (member.iso2, member.iso3)]

NEAR_COLLISIONS = [
    ("Niger", "Nigeria"),
    ("Guinea", "Guinea-Bissau"),
    ("Guinea", "Equatorial Guinea"),
    ("Guinea", "Papua New Guinea"),
    ("Guinea-Bissau", "Equatorial Guinea"),
    ("Dominica", "Dominican Republic"),
    ("Congo", "Democratic Republic of the Congo"),
    ("Sudan", "South Sudan"),
    ("Austria", "Australia"),
    ("Iran (Islamic Republic of)", "Iraq"),
    ("Mali", "Malawi"),
    ("Mali", "Malta"),
    ("Malawi", "Malta"),
    ("Gambia", "Zambia"),
    ("Slovakia", "Slovenia"),
    ("Republic of Korea", "Democratic People's Republic of Korea"),
]


def names_in(question: str) -> list[str | None]:
    return [mention.name for mention in find_countries(question)]


def test_exactly_193_members_with_unique_names_and_codes() -> None:
    assert len(MEMBERS) == 193
    assert len(all_member_names()) == 193
    for field in ("name", "iso2", "iso3"):
        assert len({getattr(member, field) for member in MEMBERS}) == 193


def test_all_member_names_are_sorted_as_in_un_lists() -> None:
    names = all_member_names()
    assert names[:3] == ["Afghanistan", "Albania", "Algeria"]
    assert names.index("Costa Rica") + 1 == names.index("Côte d'Ivoire")
    assert names[-1] == "Zimbabwe"


def test_the_list_rejects_duplicates_and_unknown_ambiguity_candidates() -> None:
    member = {"name": "Chad", "iso2": "TD", "iso3": "TCD"}
    with pytest.raises(ValidationError, match="duplicate member name"):
        MemberStateList.model_validate(
            {"as_of": "2019", "source": "t", "demonyms_source": "t", "members": [member, member]}
        )
    with pytest.raises(ValidationError, match="non-members"):
        MemberStateList.model_validate(
            {
                "as_of": "2019",
                "source": "test",
                "demonyms_source": "test",
                "members": [member],
                "ambiguous_terms": [{"term": "Ch", "candidates": ["Chad", "Chile"]}],
            }
        )


@pytest.mark.parametrize("name", [member.name for member in MEMBERS])
def test_every_member_resolves_by_its_canonical_name(name: str) -> None:
    assert canonical_name(name) == name
    assert canonical_name(f"the {name}") == name
    assert canonical_name(name.upper()) == name
    resolution = resolve(name)
    if normalise(name) in AMBIGUOUS_KEYS:
        assert resolution.status is ResolutionStatus.AMBIGUOUS
        assert name in resolution.candidates
    else:
        assert resolution.status is ResolutionStatus.MEMBER
        assert resolution.name == name
        assert not resolution.corrected


@pytest.mark.parametrize("name", [member.name for member in MEMBERS])
def test_every_member_is_found_alone_in_a_question(name: str) -> None:
    question = f"How did {name} vote on the draft resolution?"
    mentions = find_countries(question)
    assert len(mentions) == 1
    mention = mentions[0]
    assert question[mention.start : mention.end] == mention.text == name
    assert mention.name == name or name in mention.candidates


@pytest.mark.parametrize(("name", "code"), CODES)
def test_every_member_resolves_by_its_iso_codes(name: str, code: str) -> None:
    assert canonical_name(code) == name
    assert canonical_name(code.lower()) == name
    assert resolve(code).name == name


@pytest.mark.parametrize(("name", "alias"), ALIASES)
def test_every_alias_resolves(name: str, alias: str) -> None:
    assert canonical_name(alias) == name
    assert resolve(alias).name == name
    assert names_in(f"What did {alias} say?") == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Sudan", "Sudan"),
        ("the Niger", "Niger"),
        ("the Congo", "Congo"),
        ("the Democratic People's Republic of Korea", "Democratic People's Republic of Korea"),
        ("the Lao People's Democratic Republic", "Lao People's Democratic Republic"),
        ("the Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"),
        ("the Islamic Republic of Iran", "Iran (Islamic Republic of)"),
        ("the Plurinational State of Bolivia", "Bolivia (Plurinational State of)"),
        ("the Federated States of Micronesia", "Micronesia (Federated States of)"),
        ("The Gambia", "Gambia"),
        ("the Syrian Arab Republic", "Syrian Arab Republic"),
    ],
)
def test_running_text_forms_with_the(text: str, name: str) -> None:
    assert canonical_name(text) == name
    assert canonical_name(text.replace("'", "\u2019")) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("USA", "United States of America"),
        ("U.S.", "United States of America"),
        ("america", "United States of America"),
        ("great britain", "United Kingdom of Great Britain and Northern Ireland"),
        ("COTE D'IVOIRE", "Côte d'Ivoire"),
        ("Cote d\u2019Ivoire", "Côte d'Ivoire"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Sao Tomé & Príncipe", "Sao Tome and Principe"),
        ("St. Kitts & Nevis", "Saint Kitts and Nevis"),
        ("Timor Leste", "Timor-Leste"),
        ("guinea bissau", "Guinea-Bissau"),
        ("France's", "France"),
        ("Democratic Peoples Republic of Korea", "Democratic People's Republic of Korea"),
    ],
)
def test_case_accent_and_punctuation_insensitive(text: str, name: str) -> None:
    assert canonical_name(text) == name


@pytest.mark.parametrize("text", ["", "   ", "Korea", "Palestine", "Holy See", "Atlantis", "?!"])
def test_canonical_name_is_none_for_anything_but_one_member(text: str) -> None:
    assert canonical_name(text) is None


@pytest.mark.parametrize(("first", "second"), NEAR_COLLISIONS)
def test_near_collisions_resolve_exactly_both_ways(first: str, second: str) -> None:
    for name in (first, second):
        resolution = resolve(name)
        if normalise(name) in AMBIGUOUS_KEYS:
            assert set(resolution.candidates) == {first, second}
        else:
            assert resolution.name == name
            assert not resolution.corrected
    assert canonical_name(first) == first
    assert canonical_name(second) == second


@pytest.mark.parametrize(("first", "second"), NEAR_COLLISIONS)
def test_near_collisions_in_free_text_both_ways(first: str, second: str) -> None:
    for one, other in ((first, second), (second, first)):
        mentions = find_countries(f"Did {one} vote like {other}?")
        assert [m.text for m in mentions] == [one, other]
        for mention in mentions:
            assert mention.name == mention.text or mention.text in mention.candidates
    if normalise(first) not in AMBIGUOUS_KEYS:
        assert names_in(f"Was {first} in favour?") == [first]
    assert names_in(f"Was {second} in favour?") == [second]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How did France, the UK and Côte d'Ivoire vote?", ["France", "UK", "Côte d'Ivoire"]),
        ("did the US and north korea vote differently?", ["US", "north korea"]),
        ("Was Niger in favour?", ["Niger"]),
        ("Did the Democratic Republic of the Congo abstain?", ["Democratic Republic of the Congo"]),
        ("Nigeria, then Niger, then Nigeria again", ["Nigeria", "Niger"]),
        ("Papua New Guinea or Guinea?", ["Papua New Guinea", "Guinea"]),
        ("Was the U.S.A. against, like the U.K.?", ["U.S.A.", "U.K."]),
        ("the Bolivarian Republic of Venezuela spoke", ["Bolivarian Republic of Venezuela"]),
        ("Türkiye, Swaziland and Burma", ["Türkiye", "Swaziland", "Burma"]),
        ("What did the DRC and the DPRK say?", ["DRC", "DPRK"]),
        ("Did America vote? Not Latin America.", ["America"]),
        ("Why did Russia's delegation vote in favour?", ["Russia's"]),
        ("What happened to Northern Ireland and Ireland?", ["Northern Ireland", "Ireland"]),
        ("Did the uk or usa vote? (lower case)", ["uk", "usa"]),
        ("did the us vote? they told us nothing", ["us"]),
        ("How did the Kiwis, the Swiss and the Brits vote?", ["Kiwis", "Swiss", "Brits"]),
        ("Is the Japanese statement against the resolution?", ["Japanese"]),
        ("Nigerien or Nigerian delegates?", ["Nigerien", "Nigerian"]),
        ("the South Sudanese and the Sudanese", ["South Sudanese", "Sudanese"]),
        (
            "Papua New Guinean and Equatorial Guinean votes",
            ["Papua New Guinean", "Equatorial Guinean"],
        ),
    ],
)
def test_find_countries_in_order_longest_match(question: str, expected: list[str]) -> None:
    assert [mention.text for mention in find_countries(question)] == expected


@pytest.mark.parametrize(
    "question",
    [
        "IN which meeting IS IT adopted? NO, DO tell ME, I AM AT a loss TO BE honest",
        "tell us how it went; we are in the room",
        "Is the statement against the resolution? Who voted in favour?",
        "Which nations did abstain, sponsor or make a statement? Is the republic guineaish?",
        "While the tiger began, Susan and Nigel had a benign child in Latin America.",
        "How many States in Central America, South America and North America?",
        "Which Member States sponsored operative paragraph 2?",
    ],
)
def test_free_text_ignores_codes_and_ordinary_words(question: str) -> None:
    assert find_countries(question) == []


@pytest.mark.parametrize(
    ("typo", "name"),
    [
        ("Germny", "Germany"),
        ("Frnace", "France"),
        ("Switzerlnd", "Switzerland"),
        ("Phillipines", "Philippines"),
        ("Kazakstan", "Kazakhstan"),
        ("Columbia", "Colombia"),
        ("Venezuala", "Venezuela (Bolivarian Republic of)"),
        ("Gambai", "Gambia"),
        ("Guniea-Bissau", "Guinea-Bissau"),
    ],
)
def test_clear_typos_are_corrected(typo: str, name: str) -> None:
    resolution = resolve(typo)
    assert (resolution.status, resolution.name, resolution.corrected) == (
        ResolutionStatus.MEMBER,
        name,
        True,
    )


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("How did Germny vote?", "Germany"),
        ("And Frnace?", "France"),
        ("and Swizerland?", "Switzerland"),
    ],
)
def test_clear_typos_are_corrected_in_free_text(question: str, name: str) -> None:
    mentions = find_countries(question)
    assert [(m.name, m.corrected) for m in mentions] == [(name, True)]


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("Nigera", {"Niger", "Nigeria"}),
        ("Slovania", {"Slovakia", "Slovenia"}),
        ("Xambia", {"Gambia", "Zambia"}),
        ("Austraia", {"Austria", "Australia"}),
        ("Malti", {"Mali", "Malta"}),
    ],
)
def test_unclear_typos_only_suggest(typo: str, expected: set[str]) -> None:
    resolution = resolve(typo)
    assert resolution.status is ResolutionStatus.UNKNOWN
    assert resolution.name is None
    assert expected <= set(resolution.suggestions)
    assert find_countries(f"How did {typo} vote?") == []


def test_unknown_input_gets_suggestions_or_nothing() -> None:
    assert resolve("Atlantis").status is ResolutionStatus.UNKNOWN
    assert resolve("Swit").suggestions[0] == "Switzerland"
    assert resolve("").status is ResolutionStatus.UNKNOWN
    assert resolve("").suggestions == ()


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("Korea", {"Republic of Korea", "Democratic People's Republic of Korea"}),
        ("Congo", {"Congo", "Democratic Republic of the Congo"}),
        ("the Congo", {"Congo", "Democratic Republic of the Congo"}),
        ("Dominican", {"Dominica", "Dominican Republic"}),
    ],
)
def test_ambiguous_names_give_candidates(text: str, candidates: set[str]) -> None:
    resolution = resolve(text)
    assert resolution.status is ResolutionStatus.AMBIGUOUS
    assert set(resolution.candidates) == candidates
    [mention] = find_countries(f"How did {text} vote?")
    assert mention.status is ResolutionStatus.AMBIGUOUS
    assert mention.name is None
    assert set(mention.candidates) == candidates


def test_guinea_and_the_long_congo_forms_are_not_ambiguous() -> None:
    assert resolve("Guinea").name == "Guinea"
    assert resolve("Republic of the Congo").name == "Congo"
    assert resolve("Congo-Kinshasa").name == "Democratic Republic of the Congo"
    assert names_in("Congo-Brazzaville and Congo-Kinshasa") == [
        "Congo",
        "Democratic Republic of the Congo",
    ]


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        ("Palestine", "State of Palestine", ResolutionStatus.OBSERVER),
        ("State of Palestine", "State of Palestine", ResolutionStatus.OBSERVER),
        ("Vatican", "Holy See", ResolutionStatus.OBSERVER),
        ("the Holy See", "Holy See", ResolutionStatus.OBSERVER),
        ("European Union", "European Union", ResolutionStatus.OBSERVER),
        ("Taiwan", "Taiwan", ResolutionStatus.NON_MEMBER),
        ("Kosovo", "Kosovo", ResolutionStatus.NON_MEMBER),
        ("Western Sahara", "Western Sahara", ResolutionStatus.NON_MEMBER),
        ("Cook Islands", "Cook Islands", ResolutionStatus.NON_MEMBER),
        ("Niue", "Niue", ResolutionStatus.NON_MEMBER),
        ("Scotland", "Scotland", ResolutionStatus.NON_MEMBER),
    ],
)
def test_observers_and_non_members_are_recognised(
    text: str, name: str, status: ResolutionStatus
) -> None:
    resolution = resolve(text)
    assert (resolution.status, resolution.name, resolution.corrected) == (status, name, False)
    assert resolution.description
    assert canonical_name(text) is None
    [mention] = find_countries(f"Did {text} vote in favour?")
    assert (mention.status, mention.name) == (status, name)


def test_observer_descriptions_and_related_members() -> None:
    holy_see = resolve("Holy See")
    assert holy_see.description is not None
    assert "does not vote in the General Assembly" in holy_see.description
    assert resolve("Hong Kong").related_member == "China"
    for entity in load_other_entities().entities:
        assert entity.related_member is None or canonical_name(entity.related_member)


def test_eu_is_read_in_any_case() -> None:
    assert names_in("How did the EU vote?") == ["European Union"]
    assert names_in("eu") == ["European Union"]


def test_a_whole_question_resolves_when_it_names_one_country() -> None:
    assert resolve("how did the UK vote?").name == (
        "United Kingdom of Great Britain and Northern Ireland"
    )
    both = resolve("France and Germany")
    assert both.status is ResolutionStatus.AMBIGUOUS
    assert both.candidates == ("France", "Germany")


def test_mentions_are_listed_once_in_order_of_first_appearance() -> None:
    assert names_in("Chad, Peru, Chad and the Republic of Chad? Peru!") == ["Chad", "Peru"]


@pytest.mark.parametrize(
    ("prefix", "first"),
    [
        ("ger", ["Germany"]),
        ("guin", ["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"]),
        (
            "united",
            ["United Arab Emirates", "United Kingdom of Great Britain and Northern Ireland"],
        ),
        ("Bolivia", ["Bolivia (Plurinational State of)"]),
        ("Vietnam", ["Viet Nam"]),
        ("fr", ["France"]),
        ("Germny", ["Germany"]),
    ],
)
def test_suggest_best_first(prefix: str, first: list[str]) -> None:
    assert suggest(prefix)[: len(first)] == first


def test_suggest_limits_and_empty_prefix() -> None:
    assert suggest("", limit=3) == ["Afghanistan", "Albania", "Algeria"]
    assert len(suggest("a", limit=5)) == 5
    assert suggest("republic")[:2] == ["Republic of Korea", "Republic of Moldova"]
    assert "Sao Tome and Principe" not in suggest("a")
    assert suggest("a", limit=0) == []
    assert set(suggest("korea")) == {"Republic of Korea", "Democratic People's Republic of Korea"}
    assert suggest("zzzzzz") == []


def test_import_stays_light_for_a_fast_cold_start() -> None:
    script = (
        "import sys, index.countries as c; c.find_countries('How did France vote?');"
        "heavy = {'torch', 'numpy', 'sentence_transformers', 'discord', 'faiss'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    resolution = resolve(text)
    assert resolution.query == text
    for mention in find_countries(text):
        assert text[mention.start : mention.end] == mention.text
    canonical_name(text)
    suggest(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([m.name for m in MEMBERS]), min_size=1, max_size=4))
def test_lists_of_names_are_found_in_order(names: list[str]) -> None:
    text = "; ".join(names)
    found = [m.name or m.text for m in find_countries(text)]
    assert found == list(dict.fromkeys(names))


@pytest.mark.parametrize(
    "question", ["Did Congo-Brazzaville vote?", "Did the Holy See vote?", "How did Korea vote?"]
)
def test_a_mention_converts_to_the_same_resolution_as_its_text(question: str) -> None:
    [mention] = find_countries(question)
    assert mention.to_resolution() == resolve(mention.text)


INTENDED_CORRECTIONS = {"columbia": "Colombia", "brasil": "Brazil"}
"""English-vocabulary words that really are misspelt country names."""


def test_no_english_word_is_pulled_onto_a_country() -> None:
    """Every whole word of the bundled model's English vocabulary stays itself in free text,
    but for the intended corrections: the guard list must be complete, not merely tried."""
    pulled = {
        word: mentions[0].name
        for word in english_words()
        if (mentions := find_countries(f"did {word} vote"))
        and mentions[0].corrected
        and INTENDED_CORRECTIONS.get(word) != mentions[0].name
    }
    assert pulled == {}
