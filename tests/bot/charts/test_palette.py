"""The palette stays distinguishable for readers with colour-vision deficiencies."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from numpy.typing import NDArray

from bot.charts import palette
from index.records import Position
from index.structured.vote_picture import VOTING_POSITIONS as COMMITTEE_POSITIONS

# Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
SIMULATIONS: dict[str, NDArray[np.float64]] = {
    "normal vision": np.eye(3),
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
SRGB_TO_XYZ = np.array(
    [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
)
WHITE = np.array([0.95047, 1.0, 1.08883])


def lab(colour: str, simulation: NDArray[np.float64]) -> NDArray[np.float64]:
    srgb = np.array(palette.rgb(colour)) / 255
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    xyz = SRGB_TO_XYZ @ np.clip(simulation @ linear, 0, 1) / WHITE
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours: list[str], vision: str) -> float:
    simulation = SIMULATIONS[vision]
    return min(
        float(np.linalg.norm(lab(a, simulation) - lab(b, simulation)))
        for a, b in itertools.combinations(colours, 2)
    )


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_positions_stay_apart_whatever_the_colour_vision(vision: str) -> None:
    """ΔE (CIE76) of at least 30 between the four positions, and 18 to the neutral grey."""
    fills = palette.POSITION_FILLS
    voting = [fills[p] for p in COMMITTEE_POSITIONS]
    assert closest_pair(voting, vision) >= 30
    assert closest_pair(list(dict.fromkeys(fills.values())), vision) >= 18


def test_every_position_has_its_own_fill_and_no_vote_one_grey() -> None:
    """ "Did not vote" and "not recorded" both say no vote was cast: one grey, two words."""
    assert set(palette.POSITION_FILLS) == set(Position)
    fills = palette.POSITION_FILLS
    assert fills[Position.NOT_RECORDED] == fills[Position.ABSENT]
    assert len(set(fills.values())) == len(Position) - 1


def test_hex_conversions() -> None:
    assert palette.rgb("#0072B2") == (0, 114, 178)
    assert palette.as_int("#D55E00") == 0xD55E00
