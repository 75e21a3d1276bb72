"""Lines in and JSON lines out survive any bytes and any line-splitting reader."""

from __future__ import annotations

import io
import json

from bot.text_io import input_lines, json_line, use_utf8
from index.answers import Answer, AnswerKind

SPLITTERS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character ``str.splitlines`` ends a line at (a superset of JSON Lines readers')."""


def test_json_lines_escape_every_line_end() -> None:
    answer = Answer(
        question=f"a{SPLITTERS}b", kind=AnswerKind.NO_ANSWER, answered=False, text=SPLITTERS
    )
    line = json_line(answer)
    assert len(line.splitlines()) == 1
    assert json.loads(line)["question"] == f"a{SPLITTERS}b"
    assert "Côte" in json_line(answer.model_copy(update={"text": "Côte"})), "UTF-8, not \\u"


def test_lines_split_at_newline_only_and_keep_bad_bytes_as_surrogates() -> None:
    raw = b"one\r\ntwo\rstill two\xe2\x80\xa8still two\n\xff bad\nlast"
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="ascii")
    use_utf8(stdin)
    assert list(input_lines(stdin, 100)) == [
        "one",
        "two\rstill two\u2028still two",
        "\udcff bad",
        "last",
    ]


def test_output_is_utf8_whatever_the_locale_says() -> None:
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer, encoding="latin-1")
    use_utf8(io.StringIO(), stdout)
    stdout.write("“Côte d’Ivoire” \udcff")
    stdout.flush()
    assert buffer.getvalue().decode("utf-8") == "“Côte d’Ivoire” ?"


def test_lines_are_bounded_and_a_longer_one_is_cut_and_marked() -> None:
    limit = 10
    exact = "a" * limit
    stdin = io.StringIO(f"{exact}\r\n{'b' * (limit + 1)}\n{'c' * 100_000}\nnext\n{'d' * 50}")
    assert list(input_lines(stdin, limit)) == [
        exact,
        "b" * (limit + 1),
        "c" * limit + "…",
        "next",
        "d" * limit + "…",
    ]
