"""Vote answers against the lists the document prints, for every Member State and alias."""

from __future__ import annotations

import json

import pytest

from index.answers import AnswerKind, VoteEntry
from index.countries import load_member_states
from index.engine import Engine
from index.records import Position
from tests.index.conftest import FIXTURE_ID, SEED_ID, fixture_text
from tests.seed_lists import VOTES

EXPECTED = {name: Position(position) for position, names in VOTES.items() for name in names}
MEMBERS = load_member_states().members
ABSENT = [
    "Afghanistan",
    "Benin",
    "Burkina Faso",
    "Central African Republic",
    "Congo",
    "Guinea-Bissau",
    "Lesotho",
    "Liberia",
    "Micronesia (Federated States of)",
    "Republic of Moldova",
    "Sao Tome and Principe",
    "Sierra Leone",
    "South Sudan",
]
# Names a reader types in the country box: the official name, each alias, both ISO codes.
TYPED = [
    (member.name, typed)
    for member in MEMBERS
    for typed in (member.name, *member.aliases, member.iso2, member.iso3)
]


def expected(name: str) -> Position:
    return EXPECTED.get(name, Position.ABSENT)


@pytest.mark.parametrize(("name", "typed"), TYPED)
def test_every_member_by_every_name_gets_the_recorded_position(
    engine: Engine, name: str, typed: str
) -> None:
    answer = engine.vote(typed)
    assert answer.kind is AnswerKind.VOTE and answer.answered
    assert_votes_include(answer.votes, name)
    assert {v.document for v in answer.votes} == {SEED_ID}


# In a question, ISO codes are not read (too many are words: "IN", "IT", "NO"): names and
# aliases only.
SPOKEN = [(member.name, typed) for member in MEMBERS for typed in (member.name, *member.aliases)]


@pytest.mark.parametrize(("name", "typed"), SPOKEN)
def test_every_member_by_name_in_a_question(engine: Engine, name: str, typed: str) -> None:
    assert_votes_include(engine.ask(f"How did {typed} vote?").votes, name)


def assert_votes_include(votes: list[VoteEntry], name: str) -> None:
    """``name`` is answered, and alone unless the name is ambiguous ("Congo": both Congos)."""
    answered = [(v.country, v.position) for v in votes]
    assert (name, expected(name)) in answered
    assert all(position is expected(country) for country, position in answered)
    assert len(answered) == 1 or name in ("Congo", "Democratic Republic of the Congo")


def test_the_counts_and_the_thirteen_who_did_not_vote(engine: Engine) -> None:
    positions = [expected(member.name) for member in MEMBERS]
    assert [positions.count(p) for p in Position][:4] == [88, 58, 34, 13]
    answer = engine.ask("Who did not vote?")
    assert answer.kind is AnswerKind.ROSTER
    assert "**Did not vote** (13): " + ", ".join(ABSENT[:-1]) + " and South Sudan." in answer.text


def test_tally_states_result_counts_and_the_vote_it_comes_from(engine: Engine) -> None:
    answer = engine.ask("What was the result of the vote?")
    assert answer.kind is AnswerKind.TALLY and answer.answered
    assert (
        "**adopted** draft resolution A/C.3/74/L.11/Rev.1 at its 50th meeting on "
        "**18 November 2019**, by a recorded vote of **88** in favour to **58** against"
        in answer.text
    )
    assert (
        "**34** abstentions" in answer.text and "**13** Member States did not vote" in answer.text
    )
    assert "18 November 2019" in answer.text and "A/C.3/74/L.11/Rev.1" in answer.text
    assert [s.label for s in answer.sources] == ["paragraph 10 of the report"]


@pytest.mark.parametrize(
    ("position", "count"),
    [
        (Position.IN_FAVOUR, 88),
        (Position.AGAINST, 58),
        (Position.ABSTAINING, 34),
        (Position.ABSENT, 13),
    ],
)
def test_roster_lists_every_country_of_a_position(
    engine: Engine, position: Position, count: int
) -> None:
    answer = engine.roster(position)
    names = (
        [n for n, p in EXPECTED.items() if p is position]
        if position is not Position.ABSENT
        else ABSENT
    )
    assert f"({count}): " in answer.text
    assert all(name in answer.text for name in names)


def test_benin_carries_its_footnote_and_sponsorship(engine: Engine) -> None:
    answer = engine.ask("How did Benin vote?")
    (entry,) = answer.votes
    assert entry.position is Position.ABSENT
    assert (
        entry.note
        == "The delegation of Benin subsequently indicated that it had intended to vote in favour."
    )
    assert "joined the sponsors" in answer.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Did Brazil abstain?", "**Yes**"),
        ("Was Japan against?", "**Yes**"),
        ("Did France vote in favour?", "**No**"),
        ("Did Kenya vote against?", "**No**"),
    ],
)
def test_yes_no_questions(engine: Engine, question: str, verdict: str) -> None:
    assert engine.ask(question).text.startswith(verdict)


def test_several_countries_in_one_question(engine: Engine) -> None:
    answer = engine.ask("How did Niger, Nigeria and the Dominican Republic vote?")
    assert [(v.country, v.position) for v in answer.votes] == [
        ("Niger", Position.IN_FAVOUR),
        ("Nigeria", Position.IN_FAVOUR),
        ("Dominican Republic", Position.AGAINST),
    ]


def test_observers_and_non_members_are_not_typos(engine: Engine) -> None:
    for typed, name in [
        ("Palestine", "State of Palestine"),
        ("Holy See", "Holy See"),
        ("Taiwan", "Taiwan"),
    ]:
        answer = engine.vote(typed)
        assert [(v.country, v.position) for v in answer.votes] == [(name, Position.NOT_MEMBER)]
        assert "does not vote" in answer.text


def test_ambiguous_names_are_answered_for_each_candidate(engine: Engine) -> None:
    korea = engine.ask("How did Korea vote?")
    assert korea.text.startswith("“Korea” could mean")
    assert [(v.country, v.position) for v in korea.votes] == [
        ("Republic of Korea", Position.AGAINST),
        ("Democratic People's Republic of Korea", Position.IN_FAVOUR),
    ]


def test_unknown_countries_get_did_you_mean(engine: Engine) -> None:
    atlantis = engine.vote("Atlantis")
    assert not atlantis.answered and not atlantis.votes
    assert "Atlantis" in atlantis.text
    assert "Did you mean Eswatini?" in engine.vote("Swazilandish").text


def test_a_typo_is_corrected_and_said(engine: Engine) -> None:
    answer = engine.vote("Germny")
    assert [(v.country, v.position) for v in answer.votes] == [("Germany", Position.AGAINST)]
    assert "Germny" in answer.text


def test_json_contract(engine: Engine) -> None:
    data = json.loads(engine.ask("How did France vote?").model_dump_json())
    assert set(data) == {
        "question",
        "kind",
        "answered",
        "text",
        "votes",
        "trail",
        "sources",
        "illustration",
        "query",
        "parts",
    }
    assert data["query"]["intent"] == "vote"
    assert [c["name"] for c in data["query"]["countries"]] == ["France"]
    assert data["kind"] == "vote" and data["answered"] is True
    assert data["illustration"] is None, "a vote answer carries no picture"
    assert data["votes"] == [
        {"country": "France", "position": "against", "note": None, "document": SEED_ID}
    ]
    assert data["trail"] == [
        {
            "country": "France",
            "committee": "against",
            "plenary": "against",
            "changed": False,
            "report": SEED_ID,
            "resolution": "a-res-74-247",
        }
    ]
    assert set(data["sources"][0]) == {"document", "label", "text", "score"}
    tally = json.loads(engine.ask("Was it adopted?").model_dump_json())
    assert tally["illustration"] == {"kind": "map", "document": SEED_ID, "groups": []}


def _fixture_position(country: str) -> Position:
    text = fixture_text()
    sections = {
        Position.IN_FAVOUR: text.split("*In favour:*")[1].split("*Against:*")[0],
        Position.AGAINST: text.split("*Against:*")[1].split("*Abstaining:*")[0],
        Position.ABSTAINING: text.split("*Abstaining:*")[1].split("\n10. ")[0],
    }
    found = [
        p
        for p, section in sections.items()
        if f" {country}," in f" {section.replace(chr(10), ' ')}"
    ]
    return found[0] if found else Position.ABSENT


def test_a_second_document_is_answered_and_named(two_document_engine: Engine) -> None:
    answer = two_document_engine.ask("How did France vote?")
    by_document = {v.document: v.position for v in answer.votes}
    assert by_document == {SEED_ID: Position.AGAINST, FIXTURE_ID: _fixture_position("France")}
    assert "A/C.3/74/L.11/Rev.1" in answer.text and "A/C.3/75/L.21/Rev.1" in answer.text
    only_2020 = two_document_engine.ask("How did France vote on A/C.3/75/L.21/Rev.1?")
    assert [v.document for v in only_2020.votes] == [FIXTURE_ID]
    tally = two_document_engine.tally()
    assert "**120** in favour to **12** against" in tally.text and "**88** in favour" in tally.text


def test_why_gets_facts_and_says_the_report_has_no_reasons(engine: Engine) -> None:
    answer = engine.ask("Why did the US vote against?")
    assert (answer.kind, answer.answered) == (AnswerKind.NOT_IN_DOCUMENT, False)
    assert answer.text.startswith("The report records how delegations voted, not why.")
    assert "United States of America voted against" in answer.text
    assert "A/C.3/74/SR.50" in answer.text
    assert [(v.country, v.position) for v in answer.votes] == [
        ("United States of America", Position.AGAINST)
    ]


def test_an_unknown_country_in_a_question_is_not_answered_with_the_tally(engine: Engine) -> None:
    answer = engine.ask("Was Swazilandish in favour?")
    assert answer.kind is AnswerKind.VOTE and not answer.answered
    assert answer.text == (
        "I do not know a Member State called “Swazilandish”. Did you mean Eswatini?"
    )
    lower_case = engine.ask("how did the uk vote")
    assert [v.country for v in lower_case.votes] == [
        "United Kingdom of Great Britain and Northern Ireland"
    ]


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("confirm: 88-58-34?", "**Yes**: 88–58–34 is the result of the recorded vote in the Third"),
        ("confirm 79-60-33", "**Yes**: 79–60–33 is the result of the recorded vote in the General"),
        ("was it 88 to 58?", "**Yes**: 88–58 is the result"),
        ("was the vote 90-50?", "**No**: no recorded vote came out 90–50."),
    ],
)
def test_figures_given_for_the_result_are_checked(
    engine: Engine, question: str, verdict: str
) -> None:
    answer = engine.ask(question)
    assert answer.kind is AnswerKind.TALLY
    assert answer.text.startswith(verdict)
