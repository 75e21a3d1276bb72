"""The group chart: bar lengths in the pixels, counts and notes in the words."""

from __future__ import annotations

import pytest

from bot.charts import group_chart, palette
from bot.charts.group_chart import BAR_HEIGHT, ROW_HEIGHT, ROWS_TOP, describe_groups, groups_svg
from bot.charts.raster import png_from_svg
from bot.charts.vote_map import LEGEND_LABELS
from index.engine import Engine
from index.records import Position
from index.structured.group_picture import GroupsPicture
from index.structured.vote_picture import VOTING_POSITIONS
from tests.bot.charts.conftest import near, pixels
from tests.bot.charts.test_vote_map import svg_text


@pytest.fixture(scope="module")
def regional(engine: Engine) -> GroupsPicture:
    return engine.groups_picture()


def test_each_bar_is_split_in_proportion_to_the_records(regional: GroupsPicture) -> None:
    image = pixels(png_from_svg(groups_svg(regional)))
    widest = max(split.members for split in regional.groups)
    full = group_chart.WIDTH - group_chart.MARGIN - (group_chart.MARGIN + group_chart.LABEL_WIDTH)
    for index, split in enumerate(regional.groups):
        y = round(ROWS_TOP + index * ROW_HEIGHT + 4 + 3)  # above the counts written inside
        # (a 1-pixel white edge between segments, anti-aliased, costs each under 3.5 px)
        line = image[y : y + 1]
        for position in VOTING_POSITIONS:
            drawn = int(near(line, palette.POSITION_FILLS[position], tolerance=0).sum())
            expected = split.count(position) * full / widest
            assert abs(drawn - expected) <= 3.5, (split.name, position, drawn, expected)


def test_counts_names_and_notes_are_written(regional: GroupsPicture) -> None:
    words = svg_text(groups_svg(regional))
    assert "A/C.3/74/L.11/Rev.1, Third Committee, 18 November 2019: 88–58–34" in words
    assert "How each UN regional group voted" in words
    assert "African Group*" in words and "54 Member States" in words
    assert "* Benin (African Group): The delegation of Benin subsequently indicated" in words
    assert "Turkey (Türkiye) is counted in the Western European and Others Group" in words
    for position in VOTING_POSITIONS:
        assert LEGEND_LABELS[position] in words


def test_description_gives_every_group_in_words(regional: GroupsPicture) -> None:
    described = describe_groups(regional)
    assert described.startswith(
        "Bar chart of how each UN regional group voted on draft resolution A/C.3/74/L.11/Rev.1 "
        "(Third Committee, 18 November 2019): African Group (54): 36 in favour, 0 against, "
        "8 abstaining, 10 did not vote;"
    )
    assert described.endswith(
        "Western European and Others Group (29): 0 in favour, 28 against, 1 abstaining, "
        "0 did not vote."
    )


def test_one_named_group_is_named(engine: Engine) -> None:
    picture = engine.groups_picture(groups=["african-group"])
    assert "how the African Group voted" in describe_groups(picture)
    (split,) = picture.groups
    assert split.count(Position.ABSENT) == 10
    assert BAR_HEIGHT > 0 and "African Group*" in svg_text(groups_svg(picture))
