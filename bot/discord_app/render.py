"""Turns engine answers into Discord embeds that always fit Discord's limits.

Pure functions (no client, no network) so the limits are unit-tested in isolation; the
command layer only decides where the pages are sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import discord

from bot.charts.palette import POSITION_FILLS, as_int
from index.answers import Answer, AnswerKind
from index.records import Position
from index.user_text import quote_user_text

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
PAGE_TEXT = 1200
"""Characters of answer text on one page: a page fits a phone's screen, and a longer
answer (a roster of 88, a group's breakdown, the operative part) turns pages with ◀ ▶."""
PAGE_CHARS = 2000
PAGE_FIELDS = 4
"""Cited paragraphs on one page."""

EXCERPT_LENGTH = 300
FOOTER_BUDGET = 400
PAGE_MARK_RESERVE = len(" · page 999/999")
ELLIPSIS = "…"

# The pictures' colour-blind-safe palette, so an embed's colour means what the map's does.
POSITION_COLOURS: Mapping[Position, discord.Colour] = {
    position: discord.Colour(as_int(fill)) for position, fill in POSITION_FILLS.items()
}
ANSWER_COLOUR = discord.Colour(0x5865F2)
NO_ANSWER_COLOUR = discord.Colour(0x99AAB5)
ERROR_COLOUR = discord.Colour(0xE67E22)

_SEPARATORS = ("\n\n", "\n", ". ", "; ", ", ", " ")


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters on a word boundary, marking the cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS)]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into chunks of at most ``limit`` characters without losing words.

    Cuts prefer paragraph breaks, then line breaks, then sentence and clause ends, then
    spaces; a single word longer than ``limit`` is the only thing ever cut mid-way.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_position(rest, limit)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _cut_position(text: str, limit: int) -> int:
    for separator in _SEPARATORS:
        index = text.rfind(separator, 0, limit)
        if index > limit // 4:
            return index + len(separator)
    return limit


def colour_for(answer: Answer) -> discord.Colour:
    """Vote answers take the colour of their position; mixed positions, and a State that
    changed position between the two votes, stay neutral."""
    if not answer.answered:
        return NO_ANSWER_COLOUR
    if any(step.changed for step in answer.trail):
        return ANSWER_COLOUR
    positions = {vote.position for vote in answer.votes}
    if answer.kind in (AnswerKind.VOTE, AnswerKind.ROSTER) and len(positions) == 1:
        return POSITION_COLOURS[positions.pop()]
    return ANSWER_COLOUR


def footer_for(answer: Answer, captions: Mapping[str, str]) -> str:
    """Name every document the answer draws on, with the caption the bot knows for it."""
    documents = _unique(
        [vote.document for vote in answer.votes] + [source.document for source in answer.sources]
    )
    return shorten(" · ".join(captions.get(doc, doc) for doc in documents), FOOTER_BUDGET)


def title_for(answer: Answer) -> str:
    """The question as the title, quoted like any user text an answer repeats.

    Escapes add characters, so the quote is shortened until it fits with them.
    """
    question = answer.question.strip()
    if not question:
        return answer.kind.value.replace("_", " ").capitalize()
    limit = TITLE_LIMIT
    while len(title := quote_user_text(question, limit)) > TITLE_LIMIT:
        limit = min(limit - 1, limit * TITLE_LIMIT // len(title))
    return title


def source_fields(answer: Answer) -> list[tuple[str, str]]:
    """One field per cited paragraph: its label (and retrieval score) and an excerpt."""
    fields: list[tuple[str, str]] = []
    for source in answer.sources:
        name = source.label if source.score >= 1.0 else f"{source.label} · {source.score:.2f}"
        excerpt = shorten(" ".join(source.text.split()), EXCERPT_LENGTH) or "—"
        fields.append((shorten(name, FIELD_NAME_LIMIT) or "—", excerpt))
    return fields


def render_answer(answer: Answer, captions: Mapping[str, str] | None = None) -> list[discord.Embed]:
    """Render ``answer`` as one or more embeds; each fits Discord's per-embed limits alone."""
    text = answer.text if answer.text.strip() else "No answer text."
    if answer.query is not None and answer.query.uncertain:
        text = f"*I read this as: {answer.query.reading}.*\n{text}"
    return build_pages(
        title=title_for(answer),
        text=text,
        fields=source_fields(answer),
        footer=footer_for(answer, captions or {}),
        colour=colour_for(answer),
    )


def build_pages(
    *,
    title: str,
    text: str,
    fields: Sequence[tuple[str, str]] = (),
    footer: str = "",
    colour: discord.Colour = ANSWER_COLOUR,
) -> list[discord.Embed]:
    """Lay out text and fields over as many pages as needed, numbering them in the footer;
    each page is one embed within Discord's limits and ``PAGE_TEXT`` and ``PAGE_FIELDS``."""
    title = shorten(title, TITLE_LIMIT)
    footer = shorten(footer, FOOTER_LIMIT - PAGE_MARK_RESERVE)
    budget = min(PAGE_CHARS, EMBED_TOTAL_LIMIT - len(title) - len(footer) - PAGE_MARK_RESERVE)
    pages: list[discord.Embed] = [
        discord.Embed(title=title, description=chunk, colour=colour)
        for chunk in split_text(text, min(PAGE_TEXT, budget))
    ] or [discord.Embed(title=title, colour=colour)]
    used = len(pages[-1].description or "")
    for raw_name, raw_value in fields:
        name = shorten(raw_name, FIELD_NAME_LIMIT) or "—"
        value = shorten(raw_value, FIELD_VALUE_LIMIT) or "—"
        page = pages[-1]
        if len(page.fields) >= PAGE_FIELDS or used + len(name) + len(value) > budget:
            page = discord.Embed(title=title, colour=colour)
            pages.append(page)
            used = 0
        page.add_field(name=name, value=value, inline=False)
        used += len(name) + len(value)
    for number, page in enumerate(pages, start=1):
        mark = f"page {number}/{len(pages)}" if len(pages) > 1 else ""
        text_parts = [part for part in (footer, mark) if part]
        if text_parts:
            page.set_footer(text=" · ".join(text_parts))
    return pages


def notice(text: str, *, title: str | None = None) -> discord.Embed:
    """A short single-embed message (refusals, errors, hints)."""
    return discord.Embed(
        title=shorten(title, TITLE_LIMIT) if title else None,
        description=shorten(text, DESCRIPTION_LIMIT),
        colour=ERROR_COLOUR,
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))
