"""Answers across the Committee's vote and the plenary vote, checked against lists read
independently: the report's printed vote lists and the voting data handed to the project."""

from __future__ import annotations

import json
import re

import pytest

from index.answers import AnswerKind, IllustrationKind
from index.countries import all_member_names
from index.engine import Engine
from index.groups import group_by_id
from index.query import Ballot
from index.records import Position
from scripts.build_plenary_seed import SOURCE
from tests.index.conftest import SEED_ID
from tests.seed_lists import VOTES

RESOLUTION_ID = "a-res-74-247"
NO_VOTE = {"absent", "not_recorded"}
WORDS = {
    "in_favour": "in favour",
    "against": "against",
    "abstaining": "abstaining",
    "absent": "did not vote",
    "not_recorded": "not recorded",
}


def committee_lists() -> dict[str, str]:
    """Each State's Committee position as the report prints it (none: "absent")."""
    printed = {name: position for position, names in VOTES.items() for name in names}
    return {name: printed.get(name, "absent") for name in all_member_names()}


def plenary_lists() -> dict[str, str]:
    """Each State's plenary position as the handed-over voting data lists it."""
    handed = json.loads(SOURCE.read_text(encoding="utf-8"))["positions"]
    return {name: position for position, names in handed.items() for name in names}


def expected_changes() -> dict[str, tuple[str, str]]:
    committee, plenary = committee_lists(), plenary_lists()
    return {
        name: (committee[name], plenary[name])
        for name in all_member_names()
        if committee[name] != plenary[name]
        and not (committee[name] in NO_VOTE and plenary[name] in NO_VOTE)
    }


def test_the_nineteen_changes_are_computed_from_both_sources(engine: Engine) -> None:
    expected = expected_changes()
    assert len(expected) == 19
    assert expected["Cabo Verde"] == ("in_favour", "against")
    assert expected["Republic of Moldova"] == ("absent", "against")
    answer = engine.ask("who changed their vote between the committee and the plenary?")
    assert answer.kind is AnswerKind.LIST and answer.answered
    assert {e.country: (e.committee.value, e.plenary.value) for e in answer.trail} == expected
    assert all(e.changed and e.resolution == RESOLUTION_ID for e in answer.trail)
    listed = dict(
        (name, (before, after))
        for name, before, after in re.findall(r"- \*\*(.+?)\*\*: (.+?) → (.+)", answer.text)
    )
    assert listed == {n: (WORDS[c], WORDS[p]) for n, (c, p) in expected.items()}
    assert [e.country for e in answer.votes] == list(expected)
    assert all(e.document == SEED_ID for e in answer.votes), "votes: the Committee's"
    assert answer.illustration is not None
    assert answer.illustration.kind is IllustrationKind.TRAIL


def test_a_country_gets_both_votes_each_named_and_the_change_said(engine: Engine) -> None:
    answer = engine.ask("how did Cabo Verde vote?")
    first_line = answer.text.splitlines()[0]
    assert "**changed its position**" in first_line
    assert "in the Third Committee (18 November 2019) it voted **in favour**" in first_line
    assert "in the General Assembly plenary (27 December 2019) it voted **against**" in first_line
    assert [(e.country, e.position, e.document) for e in answer.votes] == [
        ("Cabo Verde", Position.IN_FAVOUR, SEED_ID)
    ]
    (step,) = answer.trail
    assert (step.committee, step.plenary, step.changed) == (
        Position.IN_FAVOUR,
        Position.AGAINST,
        True,
    )
    assert (step.report, step.resolution) == (SEED_ID, RESOLUTION_ID)
    assert "Third Committee recorded vote on A/C.3/74/L.11/Rev.1" in answer.text
    assert "General Assembly plenary vote on resolution A/RES/74/247" in answer.text
    assert [s.document for s in answer.sources] == [SEED_ID, RESOLUTION_ID]


def test_a_state_that_did_not_vote_then_voted_is_told_so(engine: Engine) -> None:
    line = engine.ask("how did Moldova vote?").text.splitlines()[0]
    assert line.startswith("**Republic of Moldova** **changed its position**")
    assert "it **did not vote**" in line and "it voted **against**" in line


def test_a_state_that_kept_its_position_says_so(engine: Engine) -> None:
    line = engine.vote("France").text.splitlines()[0]
    assert line.startswith("**France** voted **against** in both votes")


@pytest.mark.parametrize(
    "question",
    [
        "how did Brazil vote in the General Assembly?",
        "how did Brazil vote in plenary?",
        "how did Brazil vote in the final vote?",
    ],
)
def test_the_plenary_alone_gives_one_vote(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.text.startswith("**Brazil** **abstained** in the General Assembly's plenary")
    assert [(e.country, e.position, e.document) for e in answer.votes] == [
        ("Brazil", Position.ABSTAINING, RESOLUTION_ID)
    ]
    assert answer.trail == []
    assert "Third Committee recorded vote" not in answer.text
    assert [s.label for s in answer.sources] == ["voting data for A/RES/74/247"]


@pytest.mark.parametrize(
    "question", ["what was the final vote?", "what resolution number did it get?"]
)
def test_the_final_vote_and_the_resolution_number(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.kind is AnswerKind.TALLY and answer.answered
    assert "resolution **74/247** (A/RES/74/247)" in answer.text
    assert "**27 December 2019**" in answer.text
    assert "(79–60–33)" in answer.text and "21 not recorded" in answer.text
    silent = [n for n, p in plenary_lists().items() if p == "not_recorded"]
    assert f"**{len(silent)}** Member States have no vote recorded: {silent[0]}, " in answer.text
    assert "Voeten, Anton Strezhnev and Michael Bailey" in answer.text
    assert f"**{len(expected_changes())}** Member States took a different position" in answer.text
    assert answer.illustration is not None
    assert (answer.illustration.kind, answer.illustration.document) == (
        IllustrationKind.MAP,
        RESOLUTION_ID,
    )


@pytest.mark.parametrize(
    "question",
    [
        "how did Afghanistan vote in plenary?",
        "who did not vote in plenary?",
        "what was the final vote?",
        "how did the african group vote in plenary?",
        "which G20 countries did not vote in the general assembly?",
        "how many states did not vote in plenary?",
    ],
)
def test_the_plenary_data_says_not_recorded_never_absent(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.answered
    assert "absent" not in answer.text.casefold()
    assert "not recorded" in answer.text.casefold() or "no vote recorded" in answer.text
    assert all(e.position is not Position.ABSENT for e in answer.votes)
    assert "Voeten" in answer.text


def test_a_state_without_a_plenary_row_is_said_plainly_with_the_caveat(engine: Engine) -> None:
    lines = engine.vote("Kiribati", Ballot.PLENARY).text.splitlines()
    assert (
        lines[0] == "**Kiribati** has **no vote recorded** in the General Assembly's plenary vote."
    )
    assert lines[1].startswith("The data has no row for a Member State that cast no vote")


def test_a_did_not_vote_roster_of_the_plenary_lists_the_not_recorded(engine: Engine) -> None:
    answer = engine.roster(Position.ABSENT, Ballot.PLENARY)
    silent = [n for n, p in plenary_lists().items() if p == "not_recorded"]
    assert {e.country for e in answer.votes} == set(silent)
    assert {e.position for e in answer.votes} == {Position.NOT_RECORDED}
    assert answer.text.startswith(f"**Not recorded** ({len(silent)}): ")


def test_a_group_on_the_plenary_vote(engine: Engine) -> None:
    answer = engine.ask("how did the african group vote in plenary?")
    members = group_by_id("african-group").members_on(None)
    plenary = plenary_lists()
    favour = sorted(n for n in members if plenary[n] == "in_favour")
    assert f"**In favour** ({len(favour)}): " in answer.text
    assert answer.text.startswith(
        "How the members of the African Group voted in the General Assembly plenary"
    )
    assert {e.document for e in answer.votes} == {RESOLUTION_ID}
    assert answer.illustration is not None and answer.illustration.document == RESOLUTION_ID


def test_a_group_on_both_votes_side_by_side(engine: Engine) -> None:
    answer = engine.ask("did the African Group vote the same way in plenary?")
    members = set(group_by_id("african-group").members_on(None))
    changed = [n for n in expected_changes() if n in members]
    assert answer.text.startswith(
        f"**No**: {len(changed)} of the {len(members)} members of the African Group took a "
        "different position between the Third Committee (18 November 2019) and the General "
        "Assembly plenary (27 December 2019)."
    )
    committee = committee_lists()
    plenary = plenary_lists()
    before = sum(1 for n in members if committee[n] == "in_favour")
    after = sum(1 for n in members if plenary[n] == "in_favour")
    assert f"**In favour**: {before} in the Third Committee → {after} in plenary." in answer.text
    assert {e.country for e in answer.trail} == members
    assert sorted(e.country for e in answer.trail if e.changed) == sorted(changed)
    assert {e.document for e in answer.votes} == {SEED_ID}


def test_a_set_answer_on_the_plenary_vote(engine: Engine) -> None:
    answer = engine.ask("did any sponsor vote against in plenary?")
    assert answer.answered and {e.document for e in answer.votes} == {RESOLUTION_ID}
    assert answer.text.startswith("**No**: none of the")


def test_the_tally_of_both_votes_comes_with_the_trail(engine: Engine) -> None:
    answer = engine.tally(Ballot.BOTH)
    first, second = answer.text.split("\n\n")
    assert first.startswith("The Third Committee **adopted** draft resolution A/C.3/74/L.11/Rev.1")
    assert second.startswith("The General Assembly **adopted** the text in plenary")
    assert answer.illustration is not None
    assert answer.illustration.kind is IllustrationKind.TRAIL


def test_the_roster_of_both_votes_is_one_block_each(engine: Engine) -> None:
    answer = engine.roster(Position.AGAINST, Ballot.BOTH)
    assert {e.document for e in answer.votes} == {SEED_ID, RESOLUTION_ID}
    assert "**Against** (58)" in answer.text and "**Against** (60)" in answer.text


def test_the_committee_alone_is_as_before(engine: Engine) -> None:
    answer = engine.vote("Cabo Verde", Ballot.COMMITTEE)
    assert answer.text.startswith("**Cabo Verde** voted **in favour**.")
    assert answer.trail == [] and "plenary" not in answer.text


def test_who_spoke_in_plenary_is_not_recorded(engine: Engine) -> None:
    answer = engine.ask("Who gave explanations of vote in the plenary?")
    assert not answer.answered
    assert answer.text.startswith(
        "Who spoke in the General Assembly's plenary meeting is not recorded here"
    )
    assert "Committee's proceedings" in answer.text


def test_how_many_had_no_vote_recorded_in_plenary(engine: Engine) -> None:
    answer = engine.ask("How many African states had no recorded vote in the final plenary vote?")
    members = group_by_id("african-group").members_on(None)
    silent = [n for n in members if plenary_lists()[n] == "not_recorded"]
    assert answer.text.startswith(f"**{len(silent)}** of the {len(members)} members")
    assert "had no vote recorded" in answer.text and "absent" not in answer.text.casefold()


@pytest.mark.parametrize(
    ("question", "changed"),
    [
        (
            "Which countries voted in favour in Committee but then abstained in the plenary?",
            {"Bolivia (Plurinational State of)", "Solomon Islands"},
        ),
        (
            "WHO VOTED AGAINST IN THE FINAL VOTE BUT NOT IN THE COMMITTEE",
            {"Cabo Verde", "Micronesia (Federated States of)", "Republic of Moldova"},
        ),
        ("which countries went from yes to no", {"Cabo Verde"}),
        ("who voted no in plenary but yes in committee", {"Cabo Verde"}),
        (
            "who abstained in the general assembly but voted yes in committee?",
            {"Bolivia (Plurinational State of)", "Solomon Islands"},
        ),
    ],
)
def test_a_change_asked_by_its_two_ends(engine: Engine, question: str, changed: set[str]) -> None:
    answer = engine.ask(question)
    assert {entry.country for entry in answer.trail} == changed


BETWEEN = (
    "between the Third Committee (18 November 2019) and the General Assembly plenary "
    "(27 December 2019)"
)


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "did France change its vote in plenary?",
            f"**No**: **France** kept its position {BETWEEN}: against in both.",
        ),
        (
            "did Cabo Verde change its vote between the committee and the plenary?",
            f"**Yes**: **Cabo Verde** changed its position {BETWEEN}: in favour → against.",
        ),
        (
            "did Bolivia go from yes to no?",
            f"**No**: **Bolivia (Plurinational State of)** changed its position {BETWEEN}: "
            "in favour → abstaining.",
        ),
        (
            "did Afghanistan change its vote in plenary?",
            f"**No**: **Afghanistan** cast no vote in either {BETWEEN}: did not vote → not "
            "recorded.",
        ),
    ],
)
def test_one_state_asked_whether_it_changed_is_answered_about_that_state(
    engine: Engine, question: str, first_line: str
) -> None:
    answer = engine.ask(question)
    assert answer.text.splitlines()[0] == first_line
    (entry,) = answer.trail
    assert entry.country in first_line
    committee, plenary = committee_lists(), plenary_lists()
    assert (entry.committee.value, entry.plenary.value) == (
        committee[entry.country],
        plenary[entry.country],
    )


def test_several_states_asked_whether_they_changed_are_each_named(engine: Engine) -> None:
    answer = engine.ask(
        "did France, Brazil and Cabo Verde change their votes between committee and plenary?"
    )
    assert answer.text.splitlines()[:4] == [
        f"**1** of the 3 States asked about (France, Brazil and Cabo Verde) took a different "
        f"position {BETWEEN}:",
        "- **Brazil**: abstaining in both",
        "- **Cabo Verde**: in favour → against",
        "- **France**: against in both",
    ]
    assert [e.country for e in answer.trail] == ["Brazil", "Cabo Verde", "France"]


def test_one_change_is_one_member_state(engine: Engine) -> None:
    first = engine.ask("which countries went from yes to no").text.splitlines()[0]
    assert first == f"**1** Member State took a different position {BETWEEN}:"


@pytest.mark.parametrize(
    "question",
    [
        "who flipped between committee and plenary",
        "which countries changed sides in the GA?",
        "which countries voted differently in the two votes?",
    ],
)
def test_a_change_in_other_words_lists_the_nineteen(engine: Engine, question: str) -> None:
    expected = expected_changes()
    answer = engine.ask(question)
    assert {e.country: (e.committee.value, e.plenary.value) for e in answer.trail} == expected
