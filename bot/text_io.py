"""Bytes in, UTF-8 out: how the terminal front end reads lines and writes answers.

Standard input is split on ``\\n`` only, so one input line is always one question whatever it
holds and however long (only a bounded part of it is kept), and bytes that are not UTF-8
reach the engine as lone surrogates, which it answers with a one-line refusal instead of
losing the line or the stream. Output is always UTF-8,
and JSON escapes every character that some line-splitting reader treats as a line end, so
each JSON record stays on its one line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import TextIO

from pydantic import BaseModel

# JSON already escapes the C0 controls (\n, \r, \v, \f, \x1c-\x1e); these are the other line
# ends of Python's str.splitlines and of JavaScript (U+2028, U+2029).
_LINE_ENDS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_LINE_END_TABLE = str.maketrans(_LINE_ENDS)


DRAIN_CHARS = 1 << 16
"""How much of an over-long line is read at a time while skipping it."""
CUT = "…"


def input_lines(stream: TextIO, max_chars: int) -> Iterator[str]:
    """Each line (a final unterminated one too), without its line end.

    A line longer than ``max_chars`` is cut there and ends in "…", so it is still too long
    for the engine, which says so, and what it echoes stays short; the rest of the line is
    read in bounded pieces and dropped. One 200 MB line costs time, never memory.
    """
    keep = max_chars + 2  # room for "\r\n" after a line of exactly ``max_chars``
    while True:
        line = stream.readline(keep)
        if not line:
            return
        if len(line) == keep and not line.endswith("\n"):
            while (rest := stream.readline(DRAIN_CHARS)) and not rest.endswith("\n"):
                pass
            line = line[:max_chars] + CUT
        yield line.removesuffix("\n").removesuffix("\r")


def json_line(model: BaseModel) -> str:
    """One JSON record on one line, readable as UTF-8 and by any line splitter."""
    text = json.dumps(model.model_dump(mode="json"), ensure_ascii=False)
    return text.translate(_LINE_END_TABLE)


def use_utf8(stdin: TextIO, *outputs: TextIO) -> None:
    """Read and write UTF-8 whatever the locale says.

    Input lines end at ``\\n`` alone (not at ``\\r`` or U+2028) and keep undecodable bytes as
    lone surrogates; output replaces anything unencodable rather than raising.
    """
    if isinstance(stdin, io.TextIOWrapper):
        stdin.reconfigure(encoding="utf-8", errors="surrogateescape", newline="\n")
    for stream in outputs:
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
