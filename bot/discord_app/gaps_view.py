"""The gaps digest in Discord: one field per group of questions, as pages or a CSV file.

Everything in it was typed by users (questions, comments), so all of it is quoted like any
user text an answer repeats: no mention, masked link or markup survives.
"""

from __future__ import annotations

import io

import discord

from bot.discord_app.render import ANSWER_COLOUR, build_pages, shorten
from bot.question_log.gaps import GapDigest, GapGroup, digest_csv
from index.user_text import quote_user_text

GROUPS_SHOWN = 50
"""Groups the pages list; the CSV export holds them all."""
WORDINGS_SHOWN = 3
ANSWER_SHOWN = 300


def render_gaps(digest: GapDigest) -> list[discord.Embed]:
    since = discord.utils.format_dt(digest.since, "D")
    summary = (
        f"{digest.questions} question(s) since {since} were refused, read as not in the "
        f"document, or voted 👎: {len(digest.groups)} group(s) of one meaning, the biggest "
        "first. `/gaps export` attaches them all as a CSV file."
    )
    if not digest.grouped_by_meaning:
        summary += "\nGrouped by exact wording: the search index could not be loaded."
    if not digest.groups:
        summary = f"Nothing since {since}: every question was answered and none was voted 👎."
    fields = [
        (f"{number}. {times(group.count)}: “{quote_user_text(group.example)}”", _details(group))
        for number, group in enumerate(digest.groups[:GROUPS_SHOWN], start=1)
    ]
    return build_pages(
        title=f"Gaps of the last {digest.days} days", text=summary, fields=fields,
        colour=ANSWER_COLOUR,
    )  # fmt: skip


def times(count: int) -> str:
    return {1: "Once", 2: "Twice"}.get(count, f"{count} times")


def _details(group: GapGroup) -> str:
    lines = []
    if group.wordings:
        shown = " · ".join(quote_user_text(w) for w in group.wordings[:WORDINGS_SHOWN])
        lines.append(f"Also: {shown}")
    lines.append(
        f"Read as {', '.join(group.kinds)} · refused {group.refused} · 👎 {group.down_votes} · "
        f"last {discord.utils.format_dt(group.last_asked, 'R')}"
    )
    lines.append(f"Answered: {shorten(group.answer, ANSWER_SHOWN)}")  # the bot's own words
    if group.latest_comment:
        lines.append(f"Latest comment: “{quote_user_text(group.latest_comment, 300)}”")
    return "\n".join(lines)


def gaps_file(digest: GapDigest) -> discord.File:
    name = f"rapporteur-gaps-{digest.since.date().isoformat()}-{digest.days}d.csv"
    data = io.BytesIO(digest_csv(digest).encode("utf-8-sig"))  # a BOM: spreadsheets read UTF-8
    return discord.File(data, filename=name, description="The gaps digest as a CSV file")
