"""Which draft resolution each paragraph is about, and which drafts the report considered."""

from __future__ import annotations

import re

from index.parsing.paragraphs import RawParagraph
from index.parsing.prose import DRAFT, DRAFT_SYMBOL
from index.records import Section

_TAKEN_UP = re.compile(
    rf"(?:introduced|had\s+before\s+it)\s+(?:and\s+orally\s+revised\s+)?(?:a\s+|the\s+)?"
    rf"(?:revised\s+)?draft\s+resolution\b[^.]*?\(?(?P<symbol>{DRAFT_SYMBOL})"
)


def considered_drafts(sections: list[Section], paragraphs: list[RawParagraph]) -> tuple[str, ...]:
    """Draft symbols in order of first mention, in section headings and then the report."""
    texts = [section.title for section in sections] + [p.prose for p in paragraphs]
    seen: dict[str, None] = {}
    for text in texts:
        seen.update(dict.fromkeys(DRAFT.findall(text)))
    return tuple(seen)


def current_drafts(paragraphs: list[RawParagraph]) -> list[str | None]:
    """The draft under discussion in each paragraph: the last one introduced or put before
    the Committee, so that "joined in sponsoring the draft resolution" has a referent."""
    current: str | None = None
    result: list[str | None] = []
    for paragraph in paragraphs:
        for match in _TAKEN_UP.finditer(paragraph.prose):
            current = match.group("symbol")
        result.append(current)
    return result
