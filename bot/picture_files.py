"""Pictures from the terminal: ``rapporteur chart map --out vote.png`` and the console's
``:map``, which write a PNG and say where it is.

The drawing code is imported inside these functions, so other commands never load it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from index.engine import Engine
from index.structured.vote_picture import NoVotePicture

PICTURES_FOLDER = "charts"


def write_map(engine: Engine, out: Path | None, document: str | None) -> int:
    """The ``chart`` command: write the picture, print where and what it shows."""
    try:
        path, alt_text = _draw_map(engine, out, document)
    except NoVotePicture as error:
        print(f"rapporteur: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"rapporteur: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {path}\n{alt_text}")
    return 0


def console_map(engine: Engine, argument: str) -> str:
    """The console's ``:map [document]``: the picture's path and its description."""
    try:
        path, alt_text = _draw_map(engine, None, argument.strip() or None)
    except NoVotePicture as error:
        return str(error)
    except OSError as error:
        return f"Could not write the picture: {error.strerror or error}"
    return f"Picture written to {path}\n{alt_text}"


def _draw_map(engine: Engine, out: Path | None, document: str | None) -> tuple[Path, str]:
    """Draw (or fetch) the picture; copy it to ``out``, else say where the store keeps it."""
    from bot.charts.pictures import vote_map
    from bot.charts.store import PictureStore

    store = PictureStore(engine.settings.data_dir / PICTURES_FOLDER)
    picture = vote_map(engine, store, document)
    if out is not None:
        out.write_bytes(picture.png)
        return out, picture.alt_text
    if picture.path is not None:
        return picture.path, picture.alt_text
    with tempfile.NamedTemporaryFile(prefix="rapporteur-", suffix=".png", delete=False) as file:
        file.write(picture.png)
    return Path(file.name), picture.alt_text
