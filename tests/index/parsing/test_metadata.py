from __future__ import annotations

import datetime as dt

import pytest

from index.parsing.document import parse_document
from index.parsing.errors import ParseError
from index.records import Document, Meeting
from tests.index.parsing.reports import small_report


def test_front_matter(seed: Document) -> None:
    meta = seed.meta
    assert meta.body == "General Assembly"
    assert meta.session == "Seventy-fourth session"
    assert meta.agenda_item == "107"
    assert meta.title == (
        "Countering the use of information and communications technologies for criminal purposes"
    )
    assert meta.subtitle == "Report of the Third Committee"
    assert meta.date == dt.date(2019, 11, 25)
    assert meta.rapporteur == "Mr. Firas Hassan Jabbar"
    assert meta.rapporteur_country == "Iraq"


def test_committee_meetings_with_inferred_years(seed: Document) -> None:
    assert seed.meta.meetings == (
        Meeting(number=5, date=dt.date(2019, 10, 3)),
        Meeting(number=6, date=dt.date(2019, 10, 3)),
        Meeting(number=44, date=dt.date(2019, 11, 7)),
        Meeting(number=50, date=dt.date(2019, 11, 18)),
    )


def test_year_is_inferred_backwards_across_new_year() -> None:
    text = small_report().replace("2 December 2021", "14 January 2022")
    document = parse_document(text, document_id="new-year", source="test")
    assert document.meta.meetings == (
        Meeting(number=4, date=dt.date(2021, 10, 5)),
        Meeting(number=20, date=dt.date(2021, 11, 10)),
    )


def test_conflicting_meeting_dates_are_an_error() -> None:
    text = small_report().replace(
        "At its 20th meeting, on 10 November", "At its 20th meeting, on 11 November"
    )
    with pytest.raises(
        ParseError, match="dates meeting 20 2021-11-11, but an earlier paragraph says 2021-11-10"
    ):
        parse_document(text, document_id="dates", source="test")


def test_missing_rapporteur_is_an_error() -> None:
    text = small_report().replace("*Rapporteur:* Mr. Tomás **Ruiz** (Chile)", "")
    with pytest.raises(ParseError, match="front matter lacks a Rapporteur line"):
        parse_document(text, document_id="no-rapporteur", source="test")


def test_rapporteur_country_with_parentheses() -> None:
    text = small_report().replace("(Chile)", "(the Bolivarian Republic of Venezuela)")
    meta = parse_document(text, document_id="r", source="test").meta
    assert meta.rapporteur == "Mr. Tomás Ruiz"
    assert meta.rapporteur_country == "Venezuela (Bolivarian Republic of)"


def test_the_heading_keeps_every_front_line_as_printed(seed: Document) -> None:
    assert seed.meta.heading == (
        "General Assembly",
        "Distr.: General",
        "25 November 2019",
        "Original: English",
        "Seventy-fourth session",
        "Agenda item 107",
        "Countering the use of information and communications technologies for criminal purposes",
        "Report of the Third Committee",
        "Rapporteur: Mr. Firas Hassan Jabbar (Iraq)",
    )
