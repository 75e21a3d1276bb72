"""A report's vote trail as SVG: every Member State, from its Committee position to its plenary
position, the States that changed drawn dark and named.

Two columns of stacked positions (the Committee's vote on the left, the plenary's on the
right), one line per State between them. States that kept their position draw faint bands in
their position's colour, grouped so they run nearly straight; each State that changed is a
dark line with a white edge, labelled "from → to" beside the plenary column. "Did not vote"
and "not recorded" share the bottom block: both mean no vote was cast.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.charts import palette
from bot.charts.svg import document, heading, legend, paragraph, text
from bot.charts.vote_map import LEGEND_LABELS
from index.library import format_date
from index.records import Position
from index.structured.trail_picture import TrailPicture, TrailState
from index.structured.vote_picture import VotePicture

WIDTH = 1200
MARGIN = 24
LEFT_BAR = 220.0
RIGHT_BAR = 580.0
BAR_WIDTH = 24.0
COLUMNS_TOP = 150.0
COLUMNS_HEIGHT = 640.0
BLOCK_GAP = 14.0
LABEL_X = RIGHT_BAR + BAR_WIDTH + 190
LABEL_SIZE = 12
LABEL_STEP = 15.0
KEPT_OPACITY = 0.35
CHANGED_WIDTH = 2.2
NOTE_SIZE = 13
BLOCKS = (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, Position.ABSENT)
"""The four blocks of each column; the last holds the States that cast no vote."""
CHANGED_LABEL = "Changed position"
NO_VOTE_LABEL = "No vote cast"
WORDS = {
    Position.IN_FAVOUR: "in favour",
    Position.AGAINST: "against",
    Position.ABSTAINING: "abstaining",
    Position.ABSENT: "did not vote",
    Position.NOT_RECORDED: "not recorded",
}


def trail_svg(picture: TrailPicture) -> str:
    body = [f'<rect width="{WIDTH}" height="100%" fill="{palette.BACKGROUND}"/>']
    body += heading(picture.title, _subtitle(picture), left=MARGIN, width=WIDTH - 2 * MARGIN)
    left = _slots(picture.states, committee=True)
    right = _slots(picture.states, committee=False)
    body += _column_heads(picture)
    body += _kept(picture.states, left, right)
    body += _blocks(picture.committee, left, LEFT_BAR, label_side="left")
    body += _blocks(picture.plenary, right, RIGHT_BAR, label_side="right")
    labels, bottom = _changed(picture.changes, left, right)
    body += labels
    bottom = max(bottom, COLUMNS_TOP + COLUMNS_HEIGHT) + 24
    items = [(palette.POSITION_FILLS[p], LEGEND_LABELS[p]) for p in BLOCKS[:-1]]
    items.append((palette.POSITION_FILLS[Position.ABSENT], NO_VOTE_LABEL))
    items.append((palette.INK, CHANGED_LABEL))
    body += legend(items, left=MARGIN, top=bottom, width=WIDTH - 2 * MARGIN)
    bottom += 24
    notes, bottom = _notes(picture, bottom)
    body += notes
    height = math.ceil(bottom + 24)
    return document(WIDTH, height, body, title=picture.title, description=describe_trail(picture))


def describe_trail(picture: TrailPicture) -> str:
    """The trail in words: its alt text."""
    committee, plenary = picture.committee, picture.plenary
    changes = "; ".join(
        f"{state.name} {WORDS[state.committee]} → {WORDS[state.plenary]}"
        for state in picture.changes
    )
    kept = len(picture.states) - len(picture.changes)
    return (
        f"Vote trail of draft resolution {committee.draft}: each Member State's position in "
        f"the {committee.body} on {_when(committee)} ({_counts(committee)}) and in the "
        f"{plenary.body} on {_when(plenary)}, as resolution {plenary.resolution} "
        f"({_counts(plenary)}). {kept} kept their position; {len(picture.changes)} changed: "
        f"{changes}."
    )


def _when(vote: VotePicture) -> str:
    return format_date(vote.date) if vote.date else "an unknown date"


def _counts(vote: VotePicture) -> str:
    return ", ".join(
        f"{vote.count(position)} {LEGEND_LABELS[position].lower()}" for position in vote.positions
    )


def _subtitle(picture: TrailPicture) -> str:
    return (
        "Each line is a Member State: its Committee vote (left), then its plenary vote (right). "
        f"The {len(picture.changes)} that changed are dark and named."
    )


def _block(position: Position) -> Position:
    return Position.ABSENT if position is Position.NOT_RECORDED else position


def _slots(states: Sequence[TrailState], *, committee: bool) -> dict[str, float]:
    """Each State's height in one column: blocks by position, and inside a block, ordered by
    the State's position in the other vote, so unchanged States run straight across."""
    slot = _slot_height(len(states))
    order = {position: index for index, position in enumerate(BLOCKS)}
    y = COLUMNS_TOP
    placed: dict[str, float] = {}
    for position in BLOCKS:
        members: list[tuple[int, int, str]] = []
        for index, state in enumerate(states):
            mine, other = (
                (state.committee, state.plenary) if committee else (state.plenary, state.committee)
            )
            if _block(mine) is position:
                members.append((order[_block(other)], index, state.name))
        for _, _, name in sorted(members):
            placed[name] = y + slot / 2
            y += slot
        y += BLOCK_GAP
    return placed


def _slot_height(states: int) -> float:
    return (COLUMNS_HEIGHT - BLOCK_GAP * (len(BLOCKS) - 1)) / max(states, 1)


def _curve(start: tuple[float, float], end: tuple[float, float]) -> str:
    middle = (start[0] + end[0]) / 2
    return (
        f"M{start[0]:.1f},{start[1]:.2f} C{middle:.1f},{start[1]:.2f} "
        f"{middle:.1f},{end[1]:.2f} {end[0]:.1f},{end[1]:.2f}"
    )


def _kept(
    states: Sequence[TrailState], left: dict[str, float], right: dict[str, float]
) -> list[str]:
    """Faint bands, one per State that kept its position, in its position's colour."""
    width = _slot_height(len(states)) * 0.95
    parts: list[str] = []
    for state in states:
        if state.changed:
            continue
        fill = palette.POSITION_FILLS[_block(state.plenary)]
        path = _curve((LEFT_BAR + BAR_WIDTH, left[state.name]), (RIGHT_BAR, right[state.name]))
        parts.append(
            f'<path d="{path}" fill="none" stroke="{fill}" stroke-opacity="{KEPT_OPACITY}" '
            f'stroke-width="{width:.2f}"/>'
        )
    return parts


def _blocks(vote: VotePicture, slots: dict[str, float], x: float, *, label_side: str) -> list[str]:
    """The column's stacked positions, each labelled with its count."""
    half = _slot_height(len(slots)) / 2
    parts: list[str] = []
    for position in BLOCKS:
        names = [state.name for state in vote.states if _block(state.position) is position]
        if not names:
            continue
        top = min(slots[name] for name in names) - half
        bottom = max(slots[name] for name in names) + half
        fill = palette.POSITION_FILLS[position]
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.2f}" width="{BAR_WIDTH}" height="{bottom - top:.2f}" '
            f'fill="{fill}" stroke="{palette.INK}" stroke-width="0.6"/>'
        )
        word = LEGEND_LABELS[vote.silent if position is Position.ABSENT else position]
        label = f"{word} ({len(names)})"
        middle = (top + bottom) / 2 + 5
        if label_side == "left":
            parts.append(
                text(x - 10, middle, label, size=15, fill=palette.INK, anchor="end", weight="bold")
            )
        else:
            parts.append(
                text(
                    x + BAR_WIDTH + 8,
                    middle,
                    label,
                    size=15,
                    fill=palette.INK,
                    weight="bold",
                    halo=palette.BACKGROUND,
                )
            )
    return parts


def _column_heads(picture: TrailPicture) -> list[str]:
    parts: list[str] = []
    for x, vote in ((LEFT_BAR, picture.committee), (RIGHT_BAR, picture.plenary)):
        name = vote.resolution if vote.resolution else vote.draft
        parts.append(
            text(
                x + BAR_WIDTH / 2,
                COLUMNS_TOP - 30,
                vote.body,
                size=16,
                fill=palette.INK,
                weight="bold",
                anchor="middle",
            )
        )
        parts.append(
            text(
                x + BAR_WIDTH / 2,
                COLUMNS_TOP - 12,
                f"{name}, {_when(vote)}",
                size=13,
                fill=palette.MUTED_INK,
                anchor="middle",
            )
        )
    return parts


def _changed(
    changes: Sequence[TrailState], left: dict[str, float], right: dict[str, float]
) -> tuple[list[str], float]:
    """Dark lines for the States that changed, each named beside the plenary column."""
    lines: list[str] = []
    labels: list[str] = []
    placed = _spread([right[state.name] for state in changes])
    for state, label_y in zip(changes, placed, strict=True):
        start = (LEFT_BAR + BAR_WIDTH, left[state.name])
        end = (RIGHT_BAR, right[state.name])
        path = _curve(start, end)
        lines.append(
            f'<path d="{path}" fill="none" stroke="{palette.BACKGROUND}" '
            f'stroke-width="{CHANGED_WIDTH + 2.4:.1f}"/>'
        )
        lines.append(
            f'<path d="{path}" fill="none" stroke="{palette.INK}" '
            f'stroke-width="{CHANGED_WIDTH}" data-changed="{state.name}"/>'
        )
        for point in (start, end):
            lines.append(
                f'<circle cx="{point[0]:.1f}" cy="{point[1]:.2f}" r="2.6" fill="{palette.INK}"/>'
            )
        labels.append(
            f'<path d="M{RIGHT_BAR + BAR_WIDTH:.1f},{end[1]:.2f} L{LABEL_X - 6:.1f},'
            f'{label_y:.2f}" stroke="{palette.MUTED_INK}" stroke-width="0.8" fill="none"/>'
        )
        words = f"{state.name}: {WORDS[state.committee]} → {WORDS[state.plenary]}"
        labels.append(
            text(LABEL_X, label_y + LABEL_SIZE * 0.35, words, size=LABEL_SIZE, fill=palette.INK)
        )
    bottom = max(placed, default=COLUMNS_TOP) + LABEL_STEP
    return [*lines, *labels], bottom


def _spread(wanted: Sequence[float]) -> list[float]:
    """Label heights near ``wanted`` (in its order, which is top to bottom), at least a line
    apart, kept below the column heads."""
    order = sorted(range(len(wanted)), key=lambda index: wanted[index])
    placed = [0.0] * len(wanted)
    floor = COLUMNS_TOP
    for index in order:
        placed[index] = max(wanted[index], floor)
        floor = placed[index] + LABEL_STEP
    ceiling = COLUMNS_TOP + COLUMNS_HEIGHT + LABEL_STEP * 2
    for index in reversed(order):
        if placed[index] > ceiling:
            placed[index] = ceiling
        ceiling = placed[index] - LABEL_STEP
    return [max(y, COLUMNS_TOP) for y in placed]


def _notes(picture: TrailPicture, top: float) -> tuple[list[str], float]:
    """Where the plenary vote comes from, and what "not recorded" means in it."""
    plenary = picture.plenary
    said = [f"Plenary vote: voting data, {plenary.source}." if plenary.source else ""]
    said += [plenary.caveat or ""]
    lines, bottom = paragraph(
        " ".join(part for part in said if part),
        left=MARGIN,
        top=top,
        width=WIDTH - 2 * MARGIN,
        size=NOTE_SIZE,
        fill=palette.MUTED_INK,
    )
    return lines, bottom
