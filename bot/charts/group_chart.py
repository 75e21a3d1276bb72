"""How each group of States voted, as SVG: one horizontal bar per group, split by position.

Bars are drawn to one scale (a State is as wide in every bar), so group sizes compare too;
each segment carries its count where it fits, and the group's label says how many Member
States it counts. Members with a later-intention note (Benin) and the group's own notes
(who is counted where) are printed under the chart.
"""

from __future__ import annotations

import math

from bot.charts import palette
from bot.charts.svg import document, heading, legend, paragraph, text
from bot.charts.vote_map import LEGEND_LABELS
from index.groups import REGIONAL_GROUP_IDS
from index.library import format_date
from index.records import Position
from index.structured.group_picture import GroupsPicture, GroupSplit

WIDTH = 1200
MARGIN = 24
LABEL_WIDTH = 380
ROWS_TOP = 100.0
ROW_HEIGHT = 60.0
BAR_HEIGHT = 32
COUNT_SIZE = 15
MIN_LABELLED_SEGMENT = 12.0  # pixels: narrower segments carry no count
NOTE_SIZE = 14
GROUP_NOTE_SIZE = 12
DARK_FILLS = {palette.IN_FAVOUR, palette.AGAINST, palette.DID_NOT_VOTE}


def groups_svg(picture: GroupsPicture) -> str:
    vote = picture.vote
    body = [f'<rect width="{WIDTH}" height="100%" fill="{palette.BACKGROUND}"/>']
    body += heading(vote.title, _subtitle(picture), left=MARGIN, width=WIDTH - 2 * MARGIN)
    widest = max((split.members for split in picture.groups), default=1) or 1
    unit = (WIDTH - MARGIN - (MARGIN + LABEL_WIDTH)) / widest
    for index, split in enumerate(picture.groups):
        body += _row(split, ROWS_TOP + index * ROW_HEIGHT, unit, vote.positions)
    bottom: float = ROWS_TOP + len(picture.groups) * ROW_HEIGHT + 4
    items = [(palette.POSITION_FILLS[p], LEGEND_LABELS[p]) for p in vote.positions]
    body += legend(items, left=MARGIN, top=bottom, width=WIDTH - 2 * MARGIN)
    bottom += 24
    notes, bottom = _notes(picture, bottom)
    body += notes
    height = math.ceil(bottom + 20)
    return document(WIDTH, height, body, title=vote.title, description=describe_groups(picture))


def describe_groups(picture: GroupsPicture) -> str:
    """The chart in words: its alt text."""
    vote = picture.vote
    when = f", {format_date(vote.date)}" if vote.date else ""
    rows = "; ".join(
        f"{split.name} ({split.members}): "
        + ", ".join(
            f"{split.count(position)} {LEGEND_LABELS[position].lower()}"
            for position in vote.positions
        )
        for split in picture.groups
    )
    return (
        f"Bar chart of how {_which(picture)} voted on draft resolution {vote.draft} "
        f"({vote.body}{when}): {rows}."
    )


def _which(picture: GroupsPicture) -> str:
    ids = tuple(split.id for split in picture.groups)
    if ids == REGIONAL_GROUP_IDS:
        return "each UN regional group"
    if len(ids) == 1:
        return f"the {picture.groups[0].name}"
    return "each group"


def _subtitle(picture: GroupsPicture) -> str:
    when = f" on {format_date(picture.vote.date)}" if picture.vote.date else ""
    return (
        f"How {_which(picture)} voted: Member States counted as members{when}, bars to one scale."
    )


def _row(split: GroupSplit, top: float, unit: float, positions: tuple[Position, ...]) -> list[str]:
    marker = "*" if split.noted else ""
    parts = [
        text(MARGIN, top + 16, f"{split.name}{marker}", size=16, fill=palette.INK, weight="bold"),
        text(MARGIN, top + 36, f"{split.members} Member States", size=13, fill=palette.MUTED_INK),
    ]
    x: float = MARGIN + LABEL_WIDTH
    for position in positions:
        count = split.count(position)
        if count == 0:
            continue
        width = count * unit
        fill = palette.POSITION_FILLS[position]
        parts.append(
            f'<rect x="{x:.2f}" y="{top + 4:.1f}" width="{width:.2f}" height="{BAR_HEIGHT}" '
            f'fill="{fill}" stroke="{palette.BACKGROUND}" stroke-width="1"/>'
        )
        if width >= MIN_LABELLED_SEGMENT:
            ink = palette.BACKGROUND if fill in DARK_FILLS else palette.INK
            parts.append(
                text(
                    x + width / 2,
                    top + 4 + BAR_HEIGHT / 2 + COUNT_SIZE * 0.36,
                    str(count),
                    size=COUNT_SIZE,
                    fill=ink,
                    weight="bold",
                    anchor="middle",
                )
            )
        x += width
    return parts


def _notes(picture: GroupsPicture, top: float) -> tuple[list[str], float]:
    """Later-intention notes (starred), then each group's notes on who it counts."""
    parts: list[str] = []
    y = top
    states = {state.name: state for state in picture.vote.states}
    width = WIDTH - 2 * MARGIN
    for split in picture.groups:
        for name in split.noted:
            lines, y = paragraph(
                f"* {name} ({split.name}): {states[name].note}",
                left=MARGIN,
                top=y,
                width=width,
                size=NOTE_SIZE,
                fill=palette.INK,
            )
            parts += lines
    for split in picture.groups:
        if not split.notes:
            continue
        lines, y = paragraph(
            f"{split.name}: {' '.join(split.notes)}",
            left=MARGIN,
            top=y,
            width=width,
            size=GROUP_NOTE_SIZE,
            fill=palette.MUTED_INK,
        )
        parts += lines
    return parts, y
