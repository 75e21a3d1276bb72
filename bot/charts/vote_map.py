"""The world map of a recorded vote, as SVG: every Member State coloured by its position.

States too small to see at this size (the map package marks them) are also drawn as outlined
dots, spread apart where they crowd (the Lesser Antilles, the Gulf) with a leader line back
to where they are. States with a later-intention note (Benin) are ringed and named, and the
note is quoted under the legend, so the picture says everything the tally answer says.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.charts import palette
from bot.charts.svg import WIDE_CHAR_EM, document, heading, legend, paragraph, text
from bot.charts.world_shapes import Box, CountryShape, WorldShapes, world_shapes
from index.library import format_date, ordinal
from index.records import Position
from index.structured.vote_picture import StatePosition, VotePicture
from index.vote_view import Stage

WIDTH = 1200
MARGIN = 24
MAP_TOP = 92
CROP_PADDING = 12.0  # map units around the Member States' extent
BORDER_PX = 0.5
DOT_RADIUS = 5.5
MIN_SHAPE_AREA = 18.0  # square pixels (4 x 4 and a bit): smaller shapes also get a dot
DOT_GAP = 1.5
NOTE_RING = 10.0
LABEL_SIZE = 13
NOTE_SIZE = 14
FOOTER_SIZE = 12

LEGEND_LABELS: dict[Position, str] = {
    Position.IN_FAVOUR: "In favour",
    Position.AGAINST: "Against",
    Position.ABSTAINING: "Abstaining",
    Position.ABSENT: "Did not vote",
    Position.NOT_RECORDED: "Not recorded",
}
NOT_A_MEMBER_LABEL = "Not a Member State"
SMALL_STATES_LINE = "Small States are drawn as dots."
BOUNDARIES_LINE = (
    "Shapes: pygal-maps-world. Boundaries shown imply no view on the status of any territory."
)

Colouring = Callable[[StatePosition], str]


def position_colour(state: StatePosition) -> str:
    return palette.POSITION_FILLS[state.position]


@dataclass(frozen=True, slots=True)
class MapLayout:
    """Where the map's shapes land in the picture: ``pixel = (point - origin) * scale + offset``."""

    crop: Box
    scale: float
    offset: tuple[float, float]

    def to_pixel(self, point: tuple[float, float]) -> tuple[float, float]:
        return (
            (point[0] - self.crop.left) * self.scale + self.offset[0],
            (point[1] - self.crop.top) * self.scale + self.offset[1],
        )

    @property
    def height(self) -> float:
        return self.crop.height * self.scale


@dataclass(frozen=True, slots=True)
class Dot:
    code: str
    anchor: tuple[float, float]
    centre: tuple[float, float]
    colour: str


def map_layout(shapes: WorldShapes, codes: Sequence[str]) -> MapLayout:
    """Crop to the Member States (Antarctica and far southern islands fall outside)."""
    boxes = [shapes.countries[code].box for code in codes]
    extent = shapes.view_box
    known = [box for box in boxes if box is not None]
    if known:
        extent = known[0]
        for box in known[1:]:
            extent = extent.union(box)
    crop = Box(
        extent.left - CROP_PADDING,
        extent.top - CROP_PADDING,
        extent.right + CROP_PADDING,
        extent.bottom + CROP_PADDING,
    )
    scale = (WIDTH - 2 * MARGIN) / crop.width
    return MapLayout(crop, scale, (MARGIN, MAP_TOP))


def map_svg(picture: VotePicture, colour: Colouring = position_colour) -> str:
    """The whole picture: title, map, dots, note rings, legend with counts, notes, source."""
    shapes = world_shapes()
    missing = [state.name for state in picture.states if state.iso2.lower() not in shapes.countries]
    if missing:
        raise ValueError(f"the map has no shape for {missing}")
    states = {state.iso2.lower(): state for state in picture.states}
    layout = map_layout(shapes, list(states))
    body = [f'<rect width="{WIDTH}" height="100%" fill="{palette.BACKGROUND}"/>']
    body += _heading(picture)
    body.append(_countries(shapes, layout, {code: colour(s) for code, s in states.items()}))
    dots = small_state_dots(shapes, layout, {code: colour(s) for code, s in states.items()})
    body += _dots(dots)
    body += _note_rings(picture, shapes, layout, dots)
    bottom = MAP_TOP + layout.height + 16
    legend, bottom = _legend(picture, bottom)
    body += legend
    notes, bottom = _notes(picture, bottom)
    body += notes
    body.append(
        text(
            MARGIN,
            bottom + 22,
            f"{SMALL_STATES_LINE} {BOUNDARIES_LINE}",
            size=FOOTER_SIZE,
            fill=palette.MUTED_INK,
        )
    )
    height = math.ceil(bottom + 36)
    return document(WIDTH, height, body, title=picture.title, description=describe(picture))


def describe(picture: VotePicture) -> str:
    """The vote in words: the alt text of the picture."""
    when = f" on {format_date(picture.date)}" if picture.date else ""
    counts = ", ".join(
        f"{picture.count(position)} {LEGEND_LABELS[position].lower()}"
        for position in picture.positions
    )
    outcome = "adopted" if picture.adopted else "rejected"
    notes = " ".join(dict.fromkeys(state.note for state in picture.noted if state.note))
    if picture.stage is Stage.PLENARY:
        sentence = (
            f"World map of the {picture.body} vote{when} on resolution {picture.resolution} "
            f"(draft {picture.draft}), {outcome}: {counts}. Voting data: {picture.source}."
        )
        notes = picture.caveat or ""
    else:
        sentence = (
            f"World map of the {picture.body}'s recorded vote{when} on draft resolution "
            f"{picture.draft}, {outcome}: {counts}."
        )
    return f"{sentence} {notes}".strip()


def _heading(picture: VotePicture) -> list[str]:
    outcome = "adopted" if picture.adopted else "rejected"
    if picture.stage is Stage.PLENARY:
        subtitle = (
            f"{picture.body} vote on draft resolution {picture.draft}: {outcome}. Each Member "
            "State is coloured by its vote in the voting data."
        )
    else:
        meeting = f" at the {ordinal(picture.meeting)} meeting" if picture.meeting else ""
        subtitle = (
            f"Recorded vote{meeting} of the {picture.body}: draft resolution {outcome}. Each "
            "Member State is coloured by its vote."
        )
    return heading(picture.title, subtitle, left=MARGIN, width=WIDTH - 2 * MARGIN)


def _countries(shapes: WorldShapes, layout: MapLayout, fills: dict[str, str]) -> str:
    crop = layout.crop
    transform = (
        f"translate({layout.offset[0]:.3f},{layout.offset[1]:.3f}) scale({layout.scale:.6f}) "
        f"translate({-crop.left:.3f},{-crop.top:.3f})"
    )
    parts = [
        '<clipPath id="map-area">'
        f'<rect x="{crop.left:.2f}" y="{crop.top:.2f}" width="{crop.width:.2f}" '
        f'height="{crop.height:.2f}"/></clipPath>',
        f'<g transform="{transform}" clip-path="url(#map-area)" stroke="{palette.BORDER}" '
        f'stroke-width="{BORDER_PX / layout.scale:.3f}" stroke-linejoin="round">',
    ]
    for code, shape in shapes.countries.items():
        parts.append(_country(shape, fills.get(code, palette.NOT_A_MEMBER)))
    parts.append("</g>")
    return "".join(parts)


def _country(shape: CountryShape, fill: str) -> str:
    pieces: list[str] = []
    for outline in shape.outlines:
        transform = f' transform="{outline.transform}"' if outline.transform else ""
        if outline.d is not None:
            pieces.append(f'<path d="{outline.d}"{transform}/>')
        elif outline.circle is not None:
            cx, cy, r = outline.circle
            pieces.append(f'<circle cx="{cx}" cy="{cy}" r="{r}"{transform}/>')
    return f'<g fill="{fill}">{"".join(pieces)}</g>'


def small_state_dots(shapes: WorldShapes, layout: MapLayout, fills: dict[str, str]) -> list[Dot]:
    """A dot for every drawn State too small to see, spread so that no two overlap.

    Small means marked so by the map package, or covering less than ``MIN_SHAPE_AREA``
    pixels here (the package leaves the Solomon Islands unmarked: scattered islands that
    add up to a few pixels). A dot sits on the package's marker, else on the shape's centre.
    """
    anchors: list[tuple[str, tuple[float, float]]] = []
    for code, shape in shapes.countries.items():
        if code not in fills:
            continue
        tiny = shape.area * layout.scale**2 < MIN_SHAPE_AREA
        if shape.marker is not None:
            anchors.append((code, layout.to_pixel(shape.marker)))
        elif tiny and shape.box is not None:
            anchors.append((code, layout.to_pixel(shape.box.centre)))
    centres = spread([anchor for _, anchor in anchors], 2 * DOT_RADIUS + DOT_GAP)
    return [
        Dot(code, anchor, centre, fills[code])
        for (code, anchor), centre in zip(anchors, centres, strict=True)
    ]


def spread(anchors: Sequence[tuple[float, float]], distance: float) -> list[tuple[float, float]]:
    """Move points apart until each pair is ``distance`` apart, each staying near its anchor.

    Deterministic: overlapping pairs push apart along the line between them (coincident ones
    along a fixed direction), a weak pull keeps each near home, and the last rounds only push.
    """
    points = [list(anchor) for anchor in anchors]
    rounds = 300
    for round_number in range(rounds):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                dx = points[j][0] - points[i][0]
                dy = points[j][1] - points[i][1]
                gap = math.hypot(dx, dy)
                if gap >= distance:
                    continue
                if gap < 1e-6:
                    dx, dy, gap = 1.0, 0.0, 1.0
                push = (distance - gap) / 2 + 0.01
                ux, uy = dx / gap, dy / gap
                points[i][0] -= ux * push
                points[i][1] -= uy * push
                points[j][0] += ux * push
                points[j][1] += uy * push
                moved = True
        if round_number < rounds // 2:
            for point, anchor in zip(points, anchors, strict=True):
                point[0] += (anchor[0] - point[0]) * 0.05
                point[1] += (anchor[1] - point[1]) * 0.05
        elif not moved:
            break
    return [(point[0], point[1]) for point in points]


def _dots(dots: Sequence[Dot]) -> list[str]:
    leaders = [
        f'<line x1="{dot.anchor[0]:.1f}" y1="{dot.anchor[1]:.1f}" x2="{dot.centre[0]:.1f}" '
        f'y2="{dot.centre[1]:.1f}" stroke="{palette.INK}" stroke-width="1"/>'
        for dot in dots
        if math.dist(dot.anchor, dot.centre) > DOT_RADIUS / 2
    ]
    circles = [
        f'<circle cx="{dot.centre[0]:.1f}" cy="{dot.centre[1]:.1f}" r="{DOT_RADIUS}" '
        f'fill="{dot.colour}" stroke="{palette.DOT_OUTLINE}" stroke-width="1"/>'
        for dot in dots
    ]
    return leaders + circles


def _note_rings(
    picture: VotePicture, shapes: WorldShapes, layout: MapLayout, dots: Sequence[Dot]
) -> list[str]:
    """A ring and the State's name where a later-intention note applies."""
    at_dot = {dot.code: dot.centre for dot in dots}
    parts: list[str] = []
    for state in picture.noted:
        code = state.iso2.lower()
        shape = shapes.countries[code]
        centre = at_dot.get(code)
        radius = DOT_RADIUS + 4 if centre else NOTE_RING
        if centre is None and shape.box is not None:
            centre = layout.to_pixel(shape.box.centre)
        if centre is None:
            continue
        x, y = centre
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="none" '
            f'stroke="{palette.INK}" stroke-width="2"/>'
        )
        label = f"{state.name}*"
        left, baseline, anchor = _label_place(label, (x, y), radius, dots)
        parts.append(
            text(
                left,
                baseline,
                label,
                size=LABEL_SIZE,
                fill=palette.INK,
                weight="bold",
                anchor=anchor,
                halo=palette.BACKGROUND,
            )
        )
    return parts


def _label_place(
    label: str, centre: tuple[float, float], radius: float, dots: Sequence[Dot]
) -> tuple[float, float, str]:
    """Where a ring's label goes: below right, below left, above right or above left of
    the ring, whichever first covers no small State's dot."""
    x, y = centre
    width = len(label) * LABEL_SIZE * WIDE_CHAR_EM
    for dx, dy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
        side = x + dx * (radius + 3)
        baseline = y + dy * radius + (LABEL_SIZE if dy > 0 else -2)
        box = (min(side, side + dx * width), baseline - LABEL_SIZE, max(side, side + dx * width))
        if not any(_covers(box, baseline, dot.centre) for dot in dots):
            return side, baseline, "start" if dx > 0 else "end"
    return x + radius + 3, y + radius + LABEL_SIZE, "start"


def _covers(box: tuple[float, float, float], bottom: float, point: tuple[float, float]) -> bool:
    left, top, right = box
    margin = DOT_RADIUS + 1
    return (
        left - margin <= point[0] <= right + margin and top - margin <= point[1] <= bottom + margin
    )


def _legend(picture: VotePicture, top: float) -> tuple[list[str], float]:
    items = [
        (palette.POSITION_FILLS[position], f"{LEGEND_LABELS[position]} ({picture.count(position)})")
        for position in picture.positions
    ]
    items.append((palette.NOT_A_MEMBER, NOT_A_MEMBER_LABEL))
    return legend(items, left=MARGIN, top=top, width=WIDTH - 2 * MARGIN), top + 24


def _notes(picture: VotePicture, top: float) -> tuple[list[str], float]:
    """Each distinct later-intention note, quoted from the report, marked like its ring."""
    parts: list[str] = []
    y = top
    notes = [state.note for state in picture.noted if state.note]
    notes += [f"Voting data: {picture.source}."] if picture.source else []
    notes += [picture.caveat] if picture.caveat else []
    for note in dict.fromkeys(notes):
        names = ", ".join(s.name for s in picture.noted if s.note == note)
        lines, y = paragraph(
            f"* {names}: {note}" if names else note,
            left=MARGIN,
            top=y,
            width=WIDTH - 2 * MARGIN,
            size=NOTE_SIZE,
            fill=palette.INK,
        )
        parts += lines
    return parts, y
