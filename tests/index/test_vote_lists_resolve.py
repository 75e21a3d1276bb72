"""Every name printed in the seed document's vote lists and sponsor paragraphs must resolve.

Names are cut out of the Markdown with plain string splits on purpose: this checks the
country data against the document, independently of the real parser.
"""

from __future__ import annotations

import re

import pytest

from index.countries import all_member_names, canonical_name
from index.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
TEXT = SEED.read_text(encoding="utf-8")


def between(start: str, end: str) -> str:
    return TEXT.split(start, 1)[1].split(end, 1)[0]


def vote_list(start: str, end: str) -> list[str]:
    lines = [
        line.strip()
        for line in between(start, end).splitlines()
        if line.strip() and line.strip() != "---" and not line.startswith("<sup>")
    ]
    return [name.strip() for name in " ".join(lines).rstrip(".").split(",")]


def sponsor_list(start: str, end: str) -> list[str]:
    *names, last_two = between(start, end).split(", ")
    return [*names, *last_two.split(" and ")]


VOTES = {
    "in_favour": vote_list("*In favour:*", "*Against:*"),
    "against": vote_list("*Against:*", "*Abstaining:*"),
    "abstaining": vote_list("*Abstaining:*", "\n11. "),
}
SPONSORS = {
    "original": sponsor_list("also on behalf of ", ", introduced"),
    "revised": sponsor_list("draft resolution [A/C.3/74/L.11](#) and ", ". Subsequently"),
    "subsequent": sponsor_list("Subsequently, ", " joined in sponsoring"),
}
VOTE_NAMES = [name for names in VOTES.values() for name in names]
SPONSOR_NAMES = [name for names in SPONSORS.values() for name in names]


def test_the_lists_match_the_stated_tally_and_sponsor_counts() -> None:
    assert {key: len(names) for key, names in VOTES.items()} == {
        "in_favour": 88,
        "against": 58,
        "abstaining": 34,
    }
    assert {key: len(names) for key, names in SPONSORS.items()} == {
        "original": 7,
        "revised": 19,
        "subsequent": 20,
    }


@pytest.mark.parametrize("name", VOTE_NAMES)
def test_every_vote_list_name_is_canonical(name: str) -> None:
    assert canonical_name(name) == name


@pytest.mark.parametrize("name", SPONSOR_NAMES)
def test_every_sponsor_resolves_to_the_name_without_its_article(name: str) -> None:
    assert canonical_name(name) == re.sub(r"^the ", "", name)


def test_voters_are_distinct_members_and_thirteen_were_absent() -> None:
    assert len(set(VOTE_NAMES)) == 180
    absent = set(all_member_names()) - set(VOTE_NAMES)
    assert len(absent) == 13
    assert "Benin" in absent  # footnote 3: Benin intended to vote in favour
    assert "Congo" in absent  # a late sponsor that did not vote
