from __future__ import annotations

import pytest

from index.parsing.document import parse_document
from index.parsing.errors import ParseError
from index.records import Document, SponsorStage
from tests.index.parsing.reports import SEED


def _by_stage(document: Document, stage: SponsorStage) -> list[str]:
    return [s.country for s in document.sponsors if s.stage is stage]


def test_original_sponsors(seed: Document) -> None:
    assert _by_stage(seed, SponsorStage.ORIGINAL) == [
        "Russian Federation",
        "Belarus",
        "Cambodia",
        "China",
        "Democratic People's Republic of Korea",
        "Myanmar",
        "Nicaragua",
        "Venezuela (Bolivarian Republic of)",
    ]
    original = [s for s in seed.sponsors if s.stage is SponsorStage.ORIGINAL]
    assert {(s.draft, s.paragraph_id) for s in original} == {("A/C.3/74/L.11", "report-6")}


def test_revised_sponsors_exclude_the_sponsors_of_the_original(seed: Document) -> None:
    revised = _by_stage(seed, SponsorStage.REVISED)
    assert revised[:4] == ["Algeria", "Angola", "Azerbaijan", "Bolivia (Plurinational State of)"]
    assert "Lao People's Democratic Republic" in revised
    assert "Sudan" in revised
    assert revised[-1] == "Zimbabwe"
    assert len(revised) == 19
    drafts = {s.draft for s in seed.sponsors if s.stage is SponsorStage.REVISED}
    assert drafts == {"A/C.3/74/L.11/Rev.1"}


def test_subsequent_sponsors_with_and_inside_names(seed: Document) -> None:
    subsequent = _by_stage(seed, SponsorStage.SUBSEQUENT)
    assert subsequent[0] == "Antigua and Barbuda"
    assert "Saint Vincent and the Grenadines" in subsequent
    assert {"Central African Republic", "Congo", "Niger"} <= set(subsequent)
    assert subsequent[-2:] == ["Turkmenistan", "Uganda"]
    assert len(subsequent) == 20
    drafts = {s.draft for s in seed.sponsors if s.stage is SponsorStage.SUBSEQUENT}
    assert drafts == {"A/C.3/74/L.11/Rev.1"}


def test_every_sponsor_is_listed_once(seed: Document) -> None:
    countries = [s.country for s in seed.sponsors]
    assert len(countries) == len(set(countries)) == 47


def test_unresolvable_sponsor_is_an_error_not_dropped() -> None:
    text = SEED.read_text(encoding="utf-8").replace("Eritrea, Iran", "Eritrea, Atlantis, Iran")
    with pytest.raises(ParseError, match="'Atlantis' is not a Member State"):
        parse_document(text, document_id="atlantis", source="test")


def test_sponsor_listed_twice_is_an_error() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "Togo, Turkmenistan", "Togo, Togo, Turkmenistan", 1
    )
    with pytest.raises(ParseError, match="paragraph 7 of the report lists Togo twice as a sponsor"):
        parse_document(text, document_id="twice", source="test")
