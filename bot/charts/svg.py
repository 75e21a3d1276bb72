"""Small SVG writing helpers shared by the map and the group chart."""

from __future__ import annotations

from html import escape

from bot.charts import palette

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
# Average advance of a character, in ems, in the widest font of FONT (DejaVu Sans), bold
# and regular: used to shrink or wrap text that would not fit, never to place it exactly.
WIDE_CHAR_EM = 0.63
WIDE_REGULAR_EM = 0.56
TITLE_SIZE = 24
SUBTITLE_SIZE = 15
LEGEND_SIZE = 16


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float,
    fill: str,
    weight: str = "normal",
    anchor: str = "start",
    halo: str | None = None,
) -> str:
    """A line of text; ``halo`` draws an outline behind it so it reads over a map."""
    outline = (
        f' stroke="{halo}" stroke-width="{size / 4:.1f}" paint-order="stroke"'
        ' stroke-linejoin="round"'
        if halo
        else ""
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size:.1f}" '
        f'font-weight="{weight}" text-anchor="{anchor}" fill="{fill}"{outline}>'
        f"{escape(content)}</text>"
    )


def fitted_size(content: str, width: float, largest: float) -> float:
    """The largest font size up to ``largest`` at which ``content`` fits in ``width``."""
    return min(largest, width / (max(len(content), 1) * WIDE_CHAR_EM))


def wrap(content: str, width: float, size: float) -> list[str]:
    """Greedy word wrap for regular text set at ``size`` in ``width`` pixels."""
    limit = max(int(width / (size * WIDE_REGULAR_EM)), 10)
    lines: list[str] = []
    current = ""
    for word in content.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) > limit and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def document(width: int, height: int, body: list[str], *, title: str, description: str) -> str:
    """A standalone SVG with an accessible title and description."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        + "".join(body)
        + "</svg>"
    )


def legend(items: list[tuple[str, str]], *, left: float, top: float, width: float) -> list[str]:
    """Colour swatches with their labels, in equal columns across ``width``."""
    column = width / max(len(items), 1)
    parts: list[str] = []
    for index, (fill, label) in enumerate(items):
        x = left + index * column
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="20" height="20" rx="3" fill="{fill}" '
            f'stroke="{palette.DOT_OUTLINE}" stroke-width="0.8"/>'
        )
        parts.append(text(x + 28, top + 16, label, size=LEGEND_SIZE, fill=palette.INK))
    return parts


def heading(title: str, subtitle: str, *, left: float, width: float) -> list[str]:
    """The bold title (shrunk to fit on one line) and a muted line under it."""
    size = fitted_size(title, width, TITLE_SIZE)
    return [
        text(left, 44, title, size=size, fill=palette.INK, weight="bold"),
        text(left, 72, subtitle, size=SUBTITLE_SIZE, fill=palette.MUTED_INK),
    ]


def paragraph(
    content: str, *, left: float, top: float, width: float, size: float, fill: str
) -> tuple[list[str], float]:
    """Wrapped lines starting under ``top``; returns them and the last baseline."""
    parts: list[str] = []
    y = top
    for number, line in enumerate(wrap(content, width, size)):
        y += size + 8 if number == 0 else size + 4
        parts.append(text(left, y, line, size=size, fill=fill))
    return parts, y
