"""Pictures are checked as a reader sees them: decoded pixels of the rendered PNG."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from bot.charts.palette import rgb
from bot.charts.raster import png_from_svg
from bot.charts.vote_map import map_svg
from index.engine import Engine
from index.settings import PROJECT_ROOT, EngineSettings
from index.structured.vote_picture import VotePicture

SEEDS = PROJECT_ROOT / "seeds"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
FIXTURE_ID = "third-committee-report-rural-water-2020"

Pixels = NDArray[np.int16]


def pixels(png: bytes) -> Pixels:
    """Height x width x RGB, composited on white as Discord shows it."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    flat = Image.new("RGBA", image.size, "white")
    flat.alpha_composite(image)
    return np.asarray(flat.convert("RGB"), dtype=np.int16)


def near(image: Pixels, colour: str, tolerance: int = 45) -> NDArray[np.bool_]:
    """Where the image shows ``colour`` (summed channel difference within ``tolerance``)."""
    wanted = np.array(rgb(colour), dtype=np.int16)
    difference: NDArray[np.int16] = np.abs(image - wanted).sum(axis=2)
    return difference <= tolerance


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The real report and the invented 2020 report, as a reindexed seeds folder holds them."""
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(next(SEEDS.glob("*.md")), seeds)
    shutil.copy(FIXTURES / f"{FIXTURE_ID}.md", seeds)
    data = tmp_path_factory.mktemp("data")
    return Engine(EngineSettings(seeds_dir=seeds, data_dir=data))


@pytest.fixture(scope="session")
def seed_picture(engine: Engine) -> VotePicture:
    return engine.vote_picture()


@pytest.fixture(scope="session")
def seed_map(seed_picture: VotePicture) -> Pixels:
    return pixels(png_from_svg(map_svg(seed_picture)))
