from __future__ import annotations

import datetime as dt

import pytest

from index.parsing.document import parse_document
from index.parsing.errors import ParseError
from index.parsing.numbers import parse_count
from index.records import Document, RecordedVote, Tally
from tests.index.parsing.reports import SEED, small_report


def _vote(text: str) -> RecordedVote:
    vote = parse_document(text, document_id="small", source="test").vote
    assert vote is not None
    return vote


def test_recorded_vote_matches_the_stated_tally(seed: Document) -> None:
    vote = seed.vote
    assert vote is not None
    assert vote.stated == Tally(in_favour=88, against=58, abstaining=34)
    assert (len(vote.in_favour), len(vote.against), len(vote.abstaining)) == (88, 58, 34)
    assert vote.subject == "A/C.3/74/L.11/Rev.1"
    assert (vote.meeting, vote.date, vote.adopted) == (50, dt.date(2019, 11, 18), True)
    assert vote.body == "Third Committee"
    assert vote.paragraph_id == "report-10"


def test_names_with_commas_in_parentheses_and_long_names(seed: Document) -> None:
    vote = seed.vote
    assert vote is not None
    assert "Bolivia (Plurinational State of)" in vote.in_favour
    assert "Venezuela (Bolivarian Republic of)" in vote.in_favour
    assert vote.in_favour[-1] == "Zimbabwe"
    assert "United Kingdom of Great Britain and Northern Ireland" in vote.against
    assert "Côte d'Ivoire" in vote.abstaining
    assert vote.abstaining[-1] == "Zambia"


def test_list_cut_by_a_page_break_is_joined(seed: Document) -> None:
    vote = seed.vote
    assert vote is not None
    slovakia = vote.against.index("Slovakia")
    assert vote.against[slovakia : slovakia + 3] == ("Slovakia", "Slovenia", "Spain")
    assert vote.against[-1] == "United States of America"


def test_no_country_appears_twice_across_lists(seed: Document) -> None:
    vote = seed.vote
    assert vote is not None
    everyone = vote.in_favour + vote.against + vote.abstaining
    assert len(set(everyone)) == len(everyone) == 180


def test_vote_correction_footnote_is_a_note_on_the_country(seed: Document) -> None:
    vote = seed.vote
    assert vote is not None
    assert vote.notes == {
        "Benin": (
            "The delegation of Benin subsequently indicated that it had intended to vote in favour."
        )
    }


def test_tally_mismatch_names_the_list_and_both_counts() -> None:
    text = SEED.read_text(encoding="utf-8").replace("Slovenia, Spain,", "Spain,")
    with pytest.raises(
        ParseError, match="the Against list has 57 countries but the report states 58"
    ):
        parse_document(text, document_id="mismatch", source="test")


def test_unknown_country_in_a_list_is_an_error() -> None:
    text = small_report().replace("Brazil.", "Atlantis.")
    with pytest.raises(ParseError, match="'Atlantis' in the Against list is not a Member State"):
        parse_document(text, document_id="atlantis", source="test")


def test_country_in_two_lists_is_an_error() -> None:
    text = small_report().replace("Brazil.", "Chile.")
    with pytest.raises(ParseError, match="Chile appears twice"):
        parse_document(text, document_id="twice", source="test")


def test_missing_vote_list_is_an_error() -> None:
    text = small_report().replace("*Against:*\n\nBrazil.\n\n", "")
    with pytest.raises(ParseError, match="states 1 against votes but prints no 'Against:' list"):
        parse_document(text, document_id="missing", source="test")


def test_lists_without_a_stated_tally_are_an_error() -> None:
    text = small_report("adopted draft resolution A/C.3/76/L.5")
    with pytest.raises(ParseError, match="states no 'recorded vote of N to N'"):
        parse_document(text, document_id="untallied", source="test")


def test_no_abstentions_and_no_abstaining_list() -> None:
    text = (
        small_report(
            "adopted draft resolution A/C.3/76/L.5 by a recorded vote of 4 to 1, "
            "with no abstentions"
        )
        .replace("*Abstaining:*\n\nAlgeria.", "")
        .replace("Chile, Denmark", "Algeria, Chile, Denmark")
    )
    vote = _vote(text)
    assert vote.stated == Tally(in_favour=4, against=1, abstaining=0)
    assert vote.abstaining == ()


def test_counts_in_words_and_a_rejected_draft() -> None:
    vote = _vote(
        small_report(
            "rejected draft resolution A/C.3/76/L.5 by a recorded vote of three to one, "
            "with one abstention"
        )
    )
    assert vote.adopted is False
    assert vote.stated == Tally(in_favour=3, against=1, abstaining=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("88", 88), ("no", 0), ("one", 1), ("eighty-eight", 88), ("one hundred and twenty", 120)],
)
def test_parse_count(text: str, expected: int) -> None:
    assert parse_count(text) == expected


def test_parse_count_rejects_non_numbers() -> None:
    assert parse_count("several") is None


def test_lists_printed_on_the_heading_line() -> None:
    text = small_report().replace("*Against:*\n\nBrazil.", "*Against:* Brazil.")
    text = text.replace("*In favour:*\n\nChile,", "*In favour:* Chile,")
    vote = _vote(text)
    assert (vote.in_favour, vote.against) == (("Chile", "Denmark", "Egypt"), ("Brazil",))
