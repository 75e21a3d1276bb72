"""The /reindex report embed: failures say why, successes list what changed."""

from __future__ import annotations

from bot.discord_app.status_view import render_reindex
from index.search.models import ParagraphChange, ReadyAction, ReindexReport


def test_failed_reindex_shows_the_reason() -> None:
    report = ReindexReport(ok=False, action=ReadyAction.FAILED, reason="bad seed", seconds=0.2)
    (embed,) = render_reindex(report)
    assert embed.title is not None and embed.title.startswith("Reindex failed")
    assert embed.description == "bad seed"


def test_successful_reindex_lists_changes_and_truncates_long_lists() -> None:
    changed = [
        ParagraphChange(document="d", id=f"preamble-{n}", old_sha256="a", new_sha256="b")
        for n in range(20)
    ]
    report = ReindexReport(
        ok=True,
        action=ReadyAction.BUILT,
        reason="reindex requested",
        seconds=1.234,
        paragraphs_changed=changed,
    )
    (embed,) = render_reindex(report)
    (field,) = embed.fields
    assert field.name == "Paragraphs changed (20)"
    assert field.value is not None and field.value.endswith("and 5 more")
    assert embed.description == "reindex requested in 1.23 s."


def test_a_reindex_that_could_not_be_saved_says_so() -> None:
    warning = "Cannot write to the data folder /srv/data (Read-only file system); ..."
    report = ReindexReport(
        ok=True, action=ReadyAction.BUILT, reason="reindex requested", seconds=1.0, warning=warning
    )
    (embed,) = render_reindex(report)
    assert (embed.fields[0].name, embed.fields[0].value) == ("Not saved", warning)
