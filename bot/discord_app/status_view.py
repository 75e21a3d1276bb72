"""Embeds for ``/about`` and ``/reindex``: what the bot knows and what a rebuild changed."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.discord_app.render import (
    ANSWER_COLOUR,
    ERROR_COLOUR,
    POSITION_COLOURS,
    build_pages,
    shorten,
)
from index.engine import EngineStatus
from index.records import Position
from index.search.models import ReadyAction, ReindexReport, SourceChange
from index.user_text import quote_user_text

CAPABILITIES = "\n".join(
    [
        "`/ask` any question (or mention me in a message)",
        "`/vote` how a Member State voted, in the Committee and in plenary · `/tally` the totals",
        "`/roster` every country in favour, against, abstaining or that did not vote",
        "`/map` the vote as a world map, or (vote: both) the trail from Committee to plenary",
        "`/sponsors` and `/statements`, optionally for one country",
        "`/paragraph` quote a paragraph · `/search` find passages",
    ]
)
LISTED_ITEMS = 15
SKIPPED_LINE_LIMIT = 300
"""A skipped seed's line may quote the file's text (the line that did not parse): it is
quoted like user text, at most this long."""


def caption(title: str, vote: str | None) -> str:
    """Footer caption naming a document and the vote it records."""
    return f"{title} — {vote}" if vote else title


def _index_line(status: EngineStatus) -> str:
    index = status.index
    if index is None or not index.ready:
        return f"{status.paragraphs} paragraphs · search index not loaded yet (loads on first use)"
    built = discord.utils.format_dt(index.built_at, "R") if index.built_at else "at an unknown time"
    return (
        f"{status.paragraphs} paragraphs · {index.vectors} vectors · model `{index.model}` · "
        f"built {built}"
    )


def render_status(status: EngineStatus) -> list[discord.Embed]:
    documents = "\n\n".join(
        f"**{shorten(doc.title, 300)}** ({doc.id}, {doc.paragraphs} paragraphs)"
        + (f"\n{doc.vote}" if doc.vote else "")
        + (f"\n{doc.plenary}" if doc.plenary else "")
        for doc in status.documents
    )
    standalone = [vote for vote in status.votes if vote.report is None]
    if standalone:
        documents += "\n\n" + "\n".join(
            f"**{shorten(vote.title, 300)}** ({vote.id}): {vote.vote}" for vote in standalone
        )
    sources = list(dict.fromkeys(vote.source for vote in status.votes))
    if sources:
        documents += "\n\nVoting data: " + "; ".join(sources)
    fields = [
        ("What I can answer", CAPABILITIES),
        ("Example questions", "\n".join(f"• {q}" for q in status.examples) or "—"),
        ("Index", _index_line(status)),
    ]
    if status.skipped:
        fields.append(_skipped_field(status.skipped))
    return build_pages(
        title="About Rapporteur",
        text=documents or "No document is loaded.",
        fields=fields,
        colour=ANSWER_COLOUR,
    )


def _skipped_field(skipped: Sequence[str]) -> tuple[str, str]:
    lines = "\n".join(f"• {quote_user_text(line, SKIPPED_LINE_LIMIT)}" for line in skipped)
    return (f"Seed files skipped ({len(skipped)})", lines)


def _source_changes(changes: Sequence[SourceChange]) -> list[tuple[str, list[str]]]:
    """ "Documents and votes added", and so on: what each is, with its paragraph count."""
    grouped: dict[str, list[str]] = {}
    for change in changes:
        what = "Documents" if change.kind == "document" else "Votes"
        counted = f" ({change.paragraphs} paragraphs)" if change.paragraphs is not None else ""
        line = quote_user_text(f"{change.id}: {change.title}", SKIPPED_LINE_LIMIT) + counted
        grouped.setdefault(f"{what} {change.change.value}", []).append(line)
    return list(grouped.items())


def _listing(items: Sequence[str]) -> str:
    shown = ", ".join(items[:LISTED_ITEMS])
    hidden = len(items) - LISTED_ITEMS
    return f"{shown} and {hidden} more" if hidden > 0 else shown


def render_reindex(report: ReindexReport) -> list[discord.Embed]:
    if report.action is ReadyAction.REFUSED:
        return build_pages(
            title="Not added",
            text=quote_user_text(report.reason, SKIPPED_LINE_LIMIT),
            colour=ERROR_COLOUR,
        )
    if not report.ok:
        return build_pages(
            title="Reindex failed — the previous index keeps answering",
            text=report.reason or "No reason was given.",
            footer=f"{report.seconds:.2f} s",
            colour=ERROR_COLOUR,
        )
    changes = [
        ("Paragraphs added", [p.id for p in report.paragraphs_added]),
        ("Paragraphs removed", [p.id for p in report.paragraphs_removed]),
        ("Paragraphs changed", [p.id for p in report.paragraphs_changed]),
    ]
    fields = [
        (f"{name} ({len(lines)})", "\n".join(lines[:LISTED_ITEMS]))
        for name, lines in _source_changes(report.sources)
    ]
    fields += [(f"{name} ({len(items)})", _listing(items)) for name, items in changes if items]
    if report.warning:
        fields.insert(0, ("Not saved", report.warning))
    if report.skipped:
        fields.append(_skipped_field(report.skipped))
    summary = f"{report.reason} in {report.seconds:.2f} s." if report.reason else ""
    return build_pages(
        title=f"Reindex complete ({report.action.value})",
        text=(summary or f"Finished in {report.seconds:.2f} s.")
        + ("" if fields else " Nothing changed since the last index."),
        fields=fields,
        footer=f"{report.documents} documents · {report.paragraphs} paragraphs · "
        f"{report.vectors} vectors",
        colour=POSITION_COLOURS[Position.IN_FAVOUR],
    )
