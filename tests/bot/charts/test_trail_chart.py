"""The trail picture: every State from its Committee position to its plenary position, the
changes standing out, checked in the SVG's words and in the rendered pixels."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import numpy as np
import pytest

from bot.charts import palette
from bot.charts.raster import png_from_svg
from bot.charts.trail_chart import describe_trail, trail_svg
from bot.charts.vote_map import map_svg
from index.engine import Engine
from index.query import Ballot
from index.records import Position
from index.settings import EngineSettings
from index.structured.trail_picture import TrailPicture
from index.structured.vote_picture import NoVotePicture
from tests.bot.charts.conftest import SEEDS, near, pixels
from tests.index.structured.test_trail import WORDS, expected_changes


@pytest.fixture(scope="module")
def trail(tmp_path_factory: pytest.TempPathFactory) -> TrailPicture:
    engine = Engine(EngineSettings(seeds_dir=SEEDS, data_dir=tmp_path_factory.mktemp("data")))
    return engine.trail_picture()


def test_the_picture_data_is_the_trail_of_every_state(trail: TrailPicture) -> None:
    assert len(trail.states) == 193
    changed = {s.name: (s.committee.value, s.plenary.value) for s in trail.changes}
    assert changed == expected_changes()
    assert trail.title == (
        "A/C.3/74/L.11/Rev.1 → A/RES/74/247: 19 of 193 Member States changed position"
    )
    assert trail.committee.count(Position.ABSENT) == 13
    assert trail.plenary.count(Position.NOT_RECORDED) == 21


def test_each_change_is_a_dark_line_and_a_label(trail: TrailPicture) -> None:
    svg = trail_svg(trail)
    drawn = [unescape(name) for name in re.findall(r'data-changed="([^"]+)"', svg)]
    assert sorted(drawn) == sorted(expected_changes())
    for name, (before, after) in expected_changes().items():
        assert f"{name}: {WORDS[before]} → {WORDS[after]}".replace("'", "&#x27;") in svg
    kept = svg.count(f'stroke-opacity="{0.35}"')
    assert kept == 193 - 19, "every other State is a faint band"


def test_the_alt_text_says_the_trail_in_words(trail: TrailPicture) -> None:
    words = describe_trail(trail)
    assert words.startswith(
        "Vote trail of draft resolution A/C.3/74/L.11/Rev.1: each Member State's position in "
        "the Third Committee on 18 November 2019 (88 in favour, 58 against, 34 abstaining, "
        "13 did not vote) and in the General Assembly plenary on 27 December 2019, as "
        "resolution A/RES/74/247 (79 in favour, 60 against, 33 abstaining, 21 not recorded). "
        "174 kept their position; 19 changed: Angola in favour → not recorded;"
    )
    assert "absent" not in words.casefold()


def test_the_rendered_columns_carry_the_position_colours(trail: TrailPicture) -> None:
    image = pixels(png_from_svg(trail_svg(trail)))
    for colour in (palette.IN_FAVOUR, palette.AGAINST, palette.ABSTAINING, palette.DID_NOT_VOTE):
        assert near(image, colour, 20).sum() > 2000, colour
    assert near(image, palette.INK, 30).sum() > 3000, "the changes are drawn dark"


def test_the_plenary_map_says_not_recorded_and_cites_the_data(
    tmp_path: Path,
) -> None:
    engine = Engine(EngineSettings(seeds_dir=SEEDS, data_dir=tmp_path))
    picture = engine.vote_picture(ballot=Ballot.PLENARY)
    assert picture.title == (
        "A/RES/74/247, General Assembly plenary, 27 December 2019: 79–60–33, 21 not recorded"
    )
    svg = map_svg(picture)
    assert "Not recorded (21)" in svg and "Voting data: Erik Voeten" in svg
    assert "absent" not in svg.casefold() and "Did not vote" not in svg
    image = pixels(png_from_svg(svg))
    assert np.any(near(image, palette.DID_NOT_VOTE, 20))


def test_a_report_without_voting_data_has_no_trail(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.md").write_bytes(next(SEEDS.glob("*.md")).read_bytes())
    engine = Engine(EngineSettings(seeds_dir=seeds, data_dir=tmp_path / "data"))
    with pytest.raises(NoVotePicture, match="No voting data gives the plenary vote"):
        engine.trail_picture()
