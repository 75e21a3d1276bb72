"""The gaps digest: groups by meaning, the biggest first, comments, CSV, and its fallback."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest

from bot.question_log.entries import GapRow
from bot.question_log.gaps import build_digest, digest_csv

NOW = datetime(2026, 11, 20, 12, 0)


def row(question: str, minutes_ago: int, *, comment: str | None = None, downs: int = 0) -> GapRow:
    asked = NOW - timedelta(minutes=minutes_ago)
    return GapRow(
        answer_id=f"{minutes_ago:032d}",
        asked_at=asked,
        front_end="discord",
        question=question,
        kind="not_in_document",
        answered=downs > 0,  # a voted-down answer; the others were refused
        reply=f"reply to {question}",
        down_votes=downs,
        comment=comment,
        commented_at=asked + timedelta(seconds=30) if comment else None,
    )


def by_first_word(texts: Sequence[str]) -> list[list[int]]:
    """A stand-in for the encoder: questions sharing their first word mean the same."""
    groups: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        groups.setdefault(text.split()[0].casefold(), []).append(index)
    return sorted(groups.values(), key=len, reverse=True)


ROWS = [  # newest first, as the store returns them
    row("chair of the committee?", 1),
    row("Budget of the committee", 2, comment="no sums at all", downs=1),
    row("chair — who is it", 3, comment="it named the Rapporteur", downs=1),
    row("Chair of the committee?", 4),
    row('=HYPERLINK("http://x")', 5),
]


def test_groups_come_biggest_first_with_their_latest_wording_and_comment() -> None:
    digest = build_digest(ROWS, days=7, since=NOW - timedelta(days=7), group=by_first_word)
    first = digest.groups[0]
    assert (first.count, first.example) == (3, "chair of the committee?")
    assert first.wordings == ["chair — who is it"], "one wording per exact question, folded"
    assert (first.refused, first.down_votes) == (2, 1)
    assert first.latest_comment == "it named the Rapporteur"
    assert first.answer == "reply to chair of the committee?"
    assert first.last_asked.tzinfo is not None
    assert [g.count for g in digest.groups] == [3, 1, 1]
    assert digest.questions == 5 and digest.grouped_by_meaning


def test_the_csv_never_turns_a_question_into_a_formula() -> None:
    digest = build_digest(ROWS, days=7, since=NOW, group=by_first_word)
    rows = list(csv.DictReader(io.StringIO(digest_csv(digest))))
    assert rows[0]["count"] == "3"
    assert '\'=HYPERLINK("http://x")' in [r["example"] for r in rows]


def test_without_the_encoder_exact_wordings_are_grouped(caplog: pytest.LogCaptureFixture) -> None:
    def broken(texts: Sequence[str]) -> list[list[int]]:
        raise RuntimeError("the search index is not loaded")

    digest = build_digest(ROWS, days=7, since=NOW, group=broken)
    assert not digest.grouped_by_meaning
    assert [g.count for g in digest.groups] == [2, 1, 1, 1]
    assert "Could not group the gaps by meaning (the search index is not loaded)" in caplog.text
