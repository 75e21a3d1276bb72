"""Sentence splitting and document symbols in the report's running text."""

from __future__ import annotations

import re

DRAFT_SYMBOL = r"A/C\.\d+/\d+/L\.\d+(?:/Rev\.\d+)?"
DRAFT = re.compile(DRAFT_SYMBOL)
_SENTENCE_END = re.compile(r"(?<=[.!?])[)\"”]?\s+(?=[A-Z“\"(])")


def sentences(text: str) -> list[str]:
    """Sentences of plain text; symbols such as "A/C.3/74/L.11" never end one."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
