"""The second report: other wording, counts and names, read by the same rules."""

from __future__ import annotations

import datetime as dt

from index.records import Document, Part, SponsorStage, StatementMoment, Tally


def test_metadata_and_meetings(rural: Document) -> None:
    assert rural.meta.session == "Seventy-fifth session"
    assert rural.meta.agenda_item == "72 (b)"
    assert (rural.meta.rapporteur, rural.meta.rapporteur_country) == ("Ms. Amina Haddad", "Jordan")
    assert [(m.number, m.date) for m in rural.meta.meetings] == [
        (9, dt.date(2020, 10, 6)),
        (10, dt.date(2020, 10, 7)),
        (15, dt.date(2020, 10, 30)),
        (18, dt.date(2020, 11, 17)),
    ]
    assert rural.resolution_title == (
        "Promoting the human rights to safe drinking water and sanitation in rural areas"
    )


def test_structure(rural: Document) -> None:
    counts = {part: sum(p.part is part for p in rural.paragraphs) for part in Part}
    assert counts == {Part.REPORT: 12, Part.PREAMBLE: 6, Part.OPERATIVE: 5}
    operative = {p.number: p for p in rural.paragraphs if p.part is Part.OPERATIVE}
    assert "faced by rural communities in realizing" in operative[3].text
    assert "Resolution 70/1" not in operative[3].text
    preamble = {p.number: p for p in rural.paragraphs if p.part is Part.PREAMBLE}
    assert preamble[3].lead == "Deeply concerned"
    assert [f.text for f in preamble[6].footnotes] == ["A/75/208."]


def test_vote(rural: Document) -> None:
    vote = rural.vote
    assert vote is not None
    assert vote.stated == Tally(in_favour=120, against=12, abstaining=40)
    assert (vote.meeting, vote.date, vote.subject) == (
        18,
        dt.date(2020, 11, 17),
        "A/C.3/75/L.21/Rev.1",
    )
    mauritius = vote.in_favour.index("Mauritius")
    assert vote.in_favour[mauritius + 1] == "Mexico"
    note = (
        "The delegations of Nepal and the Republic of Moldova subsequently indicated that they "
        "had intended to vote in favour."
    )
    assert vote.notes == {"Nepal": note, "Republic of Moldova": note}


def test_sponsors(rural: Document) -> None:
    stages = {s.country: s.stage for s in rural.sponsors}
    assert stages["Saint Vincent and the Grenadines"] is SponsorStage.ORIGINAL
    assert stages["Trinidad and Tobago"] is SponsorStage.ORIGINAL
    assert stages["Bosnia and Herzegovina"] is SponsorStage.REVISED
    assert stages["Gambia"] is SponsorStage.REVISED
    assert stages["Côte d'Ivoire"] is SponsorStage.SUBSEQUENT
    assert len(stages) == 21


def test_statements(rural: Document) -> None:
    found = [(s.speaker, s.moment, s.meeting) for s in rural.statements]
    assert found == [
        (
            "Special Rapporteur on the human rights to safe drinking water and sanitation",
            StatementMoment.INTRODUCTORY,
            9,
        ),
        ("Egypt", StatementMoment.GENERAL, 15),
        ("Portugal", StatementMoment.INTRODUCTION_OF_DRAFT, 15),
        ("Portugal", StatementMoment.GENERAL, 18),
        ("Germany", StatementMoment.EXPLANATION_BEFORE_VOTE, 18),
        ("Singapore", StatementMoment.EXPLANATION_BEFORE_VOTE, 18),
        ("Syrian Arab Republic", StatementMoment.EXPLANATION_BEFORE_VOTE, 18),
        ("Argentina", StatementMoment.EXPLANATION_AFTER_VOTE, 18),
        ("State of Palestine", StatementMoment.AFTER_VOTE, 18),
    ]
