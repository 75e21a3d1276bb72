"""Every name printed in the seed document's vote lists and sponsor paragraphs must resolve.

Names are cut out of the Markdown with plain string splits on purpose: this checks the
country data against the document, independently of the real parser.
"""

from __future__ import annotations

import re

import pytest

from index.countries import all_member_names, canonical_name
from tests.seed_lists import SPONSOR_NAMES, SPONSORS, VOTE_NAMES, VOTES


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
