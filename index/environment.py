"""Settings values from the environment and a ``.env`` file, without pydantic-settings.

pydantic-settings costs a cold ``rapporteur vote`` about a tenth of a second of imports
(asyncio, ssl and its source providers) for four engine values; this reads the same places
the same way: ``RAPPORTEUR_``-prefixed names in any case, the environment winning over
``.env``, empty values ignored, ``.env`` read as UTF-8 (a file that is not raises
``UnicodeDecodeError`` for the caller to explain).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from index.regular_files import Unusable, read_regular

ENV_FILE_MAX_BYTES = 1_000_000
"""A ``.env`` holds a dozen short lines; anything near this size is not one."""


class EnvFileError(Exception):
    """The ``.env`` file is there but cannot be used; the message says why."""


def dotenv_values(path: Path) -> dict[str, str]:
    """``KEY=value`` lines of a ``.env`` file (comments, ``export`` and quotes handled);
    an absent file is empty.

    The file is read with the guards of ``index.regular_files`` (a folder, a pipe or a link
    to a device raises ``EnvFileError``, never a hang), and a UTF-8 byte-order mark, which
    some editors write, is not part of the first name.
    """
    try:
        data = read_regular(path, ENV_FILE_MAX_BYTES)
    except FileNotFoundError:
        return {}
    except Unusable as why:
        raise EnvFileError(f"{path.absolute()} cannot be used as settings: {why}") from None
    values: dict[str, str] = {}
    for raw in data.removeprefix(codecs.BOM_UTF8).decode("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        values[key.strip()] = _unquoted(value.strip())
    return values


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    comment = value.find(" #")
    return value[:comment].rstrip() if comment >= 0 else value


def environment(
    prefix: str,
    names: Iterable[str],
    env_file: Path | None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The non-empty value of each ``prefix + name`` (any case), environment first."""
    environ = os.environ if environ is None else environ
    sources = [
        {key.casefold(): value for key, value in environ.items()},
        {
            key.casefold(): value
            for key, value in (dotenv_values(env_file) if env_file else {}).items()
        },
    ]
    found: dict[str, str] = {}
    for name in names:
        key = f"{prefix}{name}".casefold()
        value = next((source[key] for source in sources if source.get(key)), None)
        if value is not None:
            found[name] = value
    return found
