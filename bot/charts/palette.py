"""The one set of colours for positions, shared by the map, the group chart and Discord embeds.

Okabe–Ito colours, chosen by simulating protanopia, deuteranopia and tritanopia (Machado et
al., 2009) and keeping the closest pair as far apart as possible in CIELAB: the four
positions stay at least 30 ΔE apart under every simulation (33.6 under deuteranopia, where
Okabe–Ito's bluish green for "in favour" next to a grey "did not vote" falls to 10), and the
neutral non-member grey stays 18 from yellow under tritanopia. Lightness differs too (dark
blue, mid vermillion, light yellow, dark grey), so the map still reads in greyscale.
``tests/bot/charts/test_palette.py`` repeats the measurement. A plenary vote's "not recorded"
is the same grey as "did not vote": both say no vote was cast; the legend words differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from index.records import Position

IN_FAVOUR = "#0072B2"  # Okabe–Ito blue
AGAINST = "#D55E00"  # Okabe–Ito vermillion
ABSTAINING = "#F0E442"  # Okabe–Ito yellow
DID_NOT_VOTE = "#666666"
NOT_A_MEMBER = "#DCDCDC"

POSITION_FILLS: Mapping[Position, str] = MappingProxyType(
    {
        Position.IN_FAVOUR: IN_FAVOUR,
        Position.AGAINST: AGAINST,
        Position.ABSTAINING: ABSTAINING,
        Position.ABSENT: DID_NOT_VOTE,
        Position.NOT_RECORDED: DID_NOT_VOTE,
        Position.NOT_MEMBER: NOT_A_MEMBER,
    }
)

BACKGROUND = "#FFFFFF"
BORDER = "#FFFFFF"
INK = "#1A1A1A"
MUTED_INK = "#555555"
DOT_OUTLINE = "#1A1A1A"


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#0072B2"`` as ``(0, 114, 178)``."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def as_int(colour: str) -> int:
    """The colour as the integer Discord embeds take."""
    return int(colour.lstrip("#"), 16)
