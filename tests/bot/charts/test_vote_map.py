"""The world map, checked in the rendered pixels and in the SVG's words."""

from __future__ import annotations

import math
import re
from html import unescape

import numpy as np
import pytest

from bot.charts import palette
from bot.charts.raster import png_from_svg
from bot.charts.vote_map import (
    DOT_GAP,
    DOT_RADIUS,
    describe,
    map_layout,
    map_svg,
    small_state_dots,
    spread,
)
from bot.charts.world_shapes import world_shapes
from index.engine import Engine
from index.records import Position
from index.structured.vote_picture import StatePosition, VotePicture
from tests.bot.charts.conftest import FIXTURE_ID, Pixels, near, pixels

# Points well inside four countries, in the shipped map's own coordinates.
INSIDE = {
    "FR": (1293.0, 354.0),  # central France
    "RU": (1877.0, 239.0),  # western Siberia
    "BR": (867.0, 853.0),  # Mato Grosso
    "AF": (1750.0, 467.0),  # central Afghanistan
}
SMALL_STATES = [
    "Andorra",
    "Monaco",
    "San Marino",
    "Liechtenstein",
    "Malta",
    "Singapore",
    "Bahrain",
    "Tuvalu",
    "Nauru",
    "Palau",
    "Marshall Islands",
    "Kiribati",
    "Tonga",
    "Samoa",
    "Micronesia (Federated States of)",
    "Solomon Islands",
    "Saint Kitts and Nevis",
    "Saint Lucia",
    "Saint Vincent and the Grenadines",
    "Grenada",
    "Dominica",
    "Barbados",
    "Antigua and Barbuda",
    "Maldives",
    "Seychelles",
]


def colour_at(image: Pixels, picture: VotePicture, iso2: str) -> tuple[int, int, int]:
    layout = map_layout(world_shapes(), [s.iso2.lower() for s in picture.states])
    x, y = layout.to_pixel(INSIDE[iso2])
    red, green, blue = image[round(y), round(x)]
    return int(red), int(green), int(blue)


@pytest.mark.parametrize(
    ("iso2", "position"),
    [
        ("FR", Position.AGAINST),
        ("RU", Position.IN_FAVOUR),
        ("BR", Position.ABSTAINING),
        ("AF", Position.ABSENT),
    ],
)
def test_a_point_inside_a_country_has_its_position_colour(
    seed_map: Pixels, seed_picture: VotePicture, iso2: str, position: Position
) -> None:
    colour = colour_at(seed_map, seed_picture, iso2)
    assert colour == palette.rgb(palette.POSITION_FILLS[position])


def test_the_2020_report_shows_its_own_vote(engine: Engine) -> None:
    picture = engine.vote_picture(FIXTURE_ID)
    image = pixels(png_from_svg(map_svg(picture)))
    in_favour = palette.rgb(palette.IN_FAVOUR)
    against = palette.rgb(palette.AGAINST)
    assert colour_at(image, picture, "FR") == in_favour, "France voted in favour in 2020"
    assert colour_at(image, picture, "RU") == against, "the Russian Federation voted against"
    assert colour_at(image, picture, "BR") == in_favour
    assert colour_at(image, picture, "AF") == palette.rgb(palette.DID_NOT_VOTE)
    assert "120–12–40, 21 did not vote" in svg_text(map_svg(picture))


def svg_text(svg: str) -> str:
    return " ".join(unescape(match) for match in re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_title_and_legend_counts_come_from_the_records(seed_picture: VotePicture) -> None:
    words = svg_text(map_svg(seed_picture))
    assert (
        "A/C.3/74/L.11/Rev.1, Third Committee, 18 November 2019: 88–58–34, 13 did not vote" in words
    )
    stated = seed_picture.stated
    for label, count in [
        ("In favour", stated.in_favour),
        ("Against", stated.against),
        ("Abstaining", stated.abstaining),
        ("Did not vote", seed_picture.count(Position.ABSENT)),
    ]:
        assert f"{label} ({count})" in words
    assert "Not a Member State" in words


def test_a_changed_record_changes_the_legend(seed_picture: VotePicture) -> None:
    """The legend counts what it draws: move France and the numbers follow."""
    moved = tuple(
        state.model_copy(update={"position": Position.IN_FAVOUR})
        if state.name == "France"
        else state
        for state in seed_picture.states
    )
    words = svg_text(map_svg(seed_picture.model_copy(update={"states": moved})))
    assert "In favour (89)" in words and "Against (57)" in words


def test_benin_is_ringed_named_and_its_note_quoted(seed_picture: VotePicture) -> None:
    svg = map_svg(seed_picture)
    words = svg_text(svg)
    assert "Benin*" in words
    assert (
        "* Benin: The delegation of Benin subsequently indicated that it had intended to vote"
        in words
    )
    assert svg.count('fill="none" stroke="#1A1A1A" stroke-width="2"') == 1, "one ring"


def test_every_member_state_is_visible_as_a_shape_or_a_dot(seed_picture: VotePicture) -> None:
    """Each State drawn in a colour of its own: each colour must show on at least 5 pixels."""
    colours = {
        state.iso2: f"#{(index * 7 + 1) % 256:02X}{(index * 13 + 40) % 256:02X}"
        f"{(index * 29 + 80) % 256:02X}"
        for index, state in enumerate(seed_picture.states)
    }
    assert len(set(colours.values())) == 193

    def own_colour(state: StatePosition) -> str:
        return colours[state.iso2]

    image = pixels(png_from_svg(map_svg(seed_picture, own_colour)))
    wide = image.astype(np.int32)
    packed = wide[..., 0] << 16 | wide[..., 1] << 8 | wide[..., 2]
    keys, counts = np.unique(packed, return_counts=True)
    found = np.stack([keys >> 16, keys >> 8 & 255, keys & 255], axis=-1).astype(np.int16)
    shown = {
        state.name: int(counts[near(found[np.newaxis], colours[state.iso2])[0]].sum())
        for state in seed_picture.states
    }
    hidden = {name: count for name, count in shown.items() if count < 5}
    assert not hidden, hidden


def test_the_small_states_get_dots_that_do_not_overlap(seed_picture: VotePicture) -> None:
    shapes = world_shapes()
    codes = [state.iso2.lower() for state in seed_picture.states]
    layout = map_layout(shapes, codes)
    dots = small_state_dots(shapes, layout, dict.fromkeys(codes, palette.IN_FAVOUR))
    dotted = {dot.code for dot in dots}
    by_name = {state.name: state.iso2.lower() for state in seed_picture.states}
    assert {name for name in SMALL_STATES if by_name[name] not in dotted} == set()
    assert dotted <= set(codes), "only Member States get dots"
    for index, dot in enumerate(dots):
        for other in dots[index + 1 :]:
            assert math.dist(dot.centre, other.centre) >= 2 * DOT_RADIUS, (dot.code, other.code)
        assert math.dist(dot.anchor, dot.centre) < 40, f"{dot.code} drifted from home"


def test_small_state_dots_carry_the_position_colour(
    seed_map: Pixels, seed_picture: VotePicture
) -> None:
    shapes = world_shapes()
    states = {state.iso2.lower(): state for state in seed_picture.states}
    layout = map_layout(shapes, list(states))
    fills = {code: palette.POSITION_FILLS[state.position] for code, state in states.items()}
    for dot in small_state_dots(shapes, layout, fills):
        x, y = dot.centre
        assert tuple(seed_map[round(y), round(x)]) == palette.rgb(dot.colour), dot.code


def test_spreading_keeps_distance_and_is_deterministic() -> None:
    anchors = [(100.0, 100.0)] * 4 + [(103.0, 101.0), (300.0, 300.0)]
    distance = 2 * DOT_RADIUS + DOT_GAP
    first = spread(anchors, distance)
    assert first == spread(anchors, distance)
    assert first[-1] == (300.0, 300.0), "a lone dot stays where it is"
    gaps = [math.dist(a, b) for i, a in enumerate(first) for b in first[i + 1 :]]
    assert min(gaps) >= distance - 0.05


def test_non_members_and_sea_keep_neutral_colours(seed_map: Pixels) -> None:
    assert near(seed_map, palette.NOT_A_MEMBER, tolerance=0).sum() > 1000, "Greenland, Antarctica…"
    corner = seed_map[MAP_CORNER]
    assert tuple(corner) == palette.rgb(palette.BACKGROUND)


MAP_CORNER = (120, 600)  # the North Atlantic, between Greenland and Europe


def test_description_is_the_tally_in_words(seed_picture: VotePicture) -> None:
    assert describe(seed_picture) == (
        "World map of the Third Committee's recorded vote on 18 November 2019 on draft "
        "resolution A/C.3/74/L.11/Rev.1, adopted: 88 in favour, 58 against, 34 abstaining, "
        "13 did not vote. The delegation of Benin subsequently indicated that it had intended "
        "to vote in favour."
    )
