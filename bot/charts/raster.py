"""SVG to PNG without a browser or system libraries: vl-convert's bundled resvg renderer.

Imported only when a picture is drawn, so answering in words never loads it.
"""

from __future__ import annotations

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_from_svg(svg: str) -> bytes:
    import vl_convert

    png = vl_convert.svg_to_png(svg)
    if not png.startswith(PNG_SIGNATURE):
        raise RuntimeError("the SVG renderer did not return a PNG")
    return png
