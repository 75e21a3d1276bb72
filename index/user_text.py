"""Text typed by users, read safely on the way in and quoted safely on the way out.

Every front end hands the engine whatever arrived: a line of stdin that was not UTF-8, a
6,000-character slash-command option, a masked link. The engine's public methods check that
text once, here, so the terminal and Discord get the same one-line refusals; and every answer
that repeats the user's words quotes them through ``quote_user_text``, so an answer can never
carry a clickable link, a live mention or Markdown that the user smuggled in.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from index.answers import Answer, AnswerKind

NAME_LIMIT = 100
"""Longest country name, code or paragraph label a command option may carry. The longest
Member State name is 52 characters; a label such as "paragraph 10 of the report" far less."""

QUOTE_LIMIT = 80
"""Longest piece of user text an answer repeats: enough to recognise what was typed."""

UNREADABLE = (
    "I could not read that: it contains bytes that are not valid UTF-8 text "
    "(or a lone surrogate). Please type it again."
)

_SURROGATE = re.compile("[\ud800-\udfff]")
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Invisible marks that reorder how text is shown (U+202E reverses it): they change how
text looks, never what it says."""
_SPACES = re.compile(r"\s+")
_MARKDOWN = re.compile(r"([\\*_~`|\[\]()<>#])")
_MENTION = re.compile(r"<(@[!&]?|#)(\d+)>")
_BROADCAST = re.compile(r"@(everyone|here)\b", re.IGNORECASE)
_LIST_BULLET = re.compile(r"^([-+])(?=\s)")
_LIST_NUMBER = re.compile(r"^(\d+)\.(?=\s)")
_ZERO_WIDTH_SPACE = "\u200b"
_ELLIPSIS = "…"

AnswerMethod = TypeVar("AnswerMethod", bound=Callable[..., Answer])


def is_readable(text: str) -> bool:
    """False for text holding lone surrogates: how undecodable bytes reach Python strings
    (``surrogateescape`` on stdin and in ``sys.argv``, ``\\ud800`` escapes in JSON)."""
    return _SURROGATE.search(text) is None


def readable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so it can always be encoded."""
    return _SURROGATE.sub("\ufffd", text)


def quote_user_text(text: str, limit: int = QUOTE_LIMIT) -> str:
    """User text made safe to repeat inside an answer's Markdown.

    One line, at most ``limit`` characters (cut with an ellipsis), without the invisible
    controls that would reverse how it reads (U+202E); Markdown characters
    escaped so nothing renders as a link, emphasis or spoiler, and a leading "- ", "+ " or "1. "
    so a quote that opens a line (an embed's title) is no list item; mention markup and link
    schemes broken with a zero-width space, so neither pings nor links even when the text
    is copied and pasted elsewhere.
    """
    text = _SPACES.sub(" ", BIDI_CONTROLS.sub("", readable(text))).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + _ELLIPSIS
    text = _MENTION.sub(rf"<\1{_ZERO_WIDTH_SPACE}\2>", text)
    text = _BROADCAST.sub(rf"@{_ZERO_WIDTH_SPACE}\1", text)
    text = text.replace("://", f":{_ZERO_WIDTH_SPACE}//")
    text = _MARKDOWN.sub(r"\\\1", text)
    return _LIST_NUMBER.sub(r"\1\\.", _LIST_BULLET.sub(r"\\\1", text))


def fits(text: str, limit: int) -> bool:
    """Readable and no longer than ``limit``: worth looking up at all."""
    return len(text) <= limit and is_readable(text)


def checked_text(
    kind: AnswerKind, *, limit: int | None = None, blank: str | None = None
) -> Callable[[AnswerMethod], AnswerMethod]:
    """Guard an engine method whose first argument is user text.

    Unreadable text, text over ``limit`` characters and (when ``blank`` is given) blank text
    get a one-line refusal of the method's ``kind`` instead of reaching the method. ``None``
    (an optional option left empty) always passes.
    """

    def decorate(method: AnswerMethod) -> AnswerMethod:
        name = list(inspect.signature(method).parameters)[1]

        @functools.wraps(method)
        def guarded(self: object, *args: Any, **kwargs: Any) -> Answer:
            text = args[0] if args else kwargs.get(name)
            if isinstance(text, str):
                problem = _problem(text, limit, blank)
                if problem is not None:
                    return Answer(question=readable(text), kind=kind, answered=False, text=problem)
            return method(self, *args, **kwargs)

        return cast(AnswerMethod, guarded)

    return decorate


def _problem(text: str, limit: int | None, blank: str | None) -> str | None:
    if not is_readable(text):
        return UNREADABLE
    if limit is not None and len(text) > limit:
        return f"That is {len(text):,} characters long; the limit here is {limit:,}."
    if blank is not None and not text.strip():
        return blank
    return None
