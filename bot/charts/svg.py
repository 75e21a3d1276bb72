"""Small SVG writing helpers shared by the map and the group chart."""

from __future__ import annotations

from html import escape

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
# Average advance of a character, in ems, for the widest font in FONT (DejaVu Sans Bold):
# used to shrink a title that would not fit, never to place text exactly.
WIDE_CHAR_EM = 0.63


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
    """Greedy word wrap for text set at ``size`` in ``width`` pixels."""
    limit = max(int(width / (size * WIDE_CHAR_EM)), 10)
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
