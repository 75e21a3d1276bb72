"""Paragraphs named by label: "op 3", "preambular paragraph 9", "paragraph 10 of the report"."""

from __future__ import annotations

import re

from index.query import ParagraphRef
from index.records import Part

_OPERATIVE = re.compile(
    r"\b(?:operative|op)\s*(?:paragraph|para\.?|§|p)?\s*(?:number\s*)?(\d{1,3})\b", re.IGNORECASE
)
_PREAMBULAR = re.compile(
    r"\b(?:preambular|preamble|pp)\s*(?:paragraph|para\.?|§)?\s*(?:number\s*)?(\d{1,3})\b",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:paragraph|para\.?|§)\s*(?:number\s*)?(\d{1,3})\s+of\s+the\s+report\b"
    r"|\breport(?:'s)?\s+(?:paragraph|para\.?|§)\s*(?:number\s*)?(\d{1,3})\b",
    re.IGNORECASE,
)
_RESOLUTION_PARAGRAPH = re.compile(
    r"\b(?:paragraph|para\.?|§)\s*(?:number\s*)?(\d{1,3})\s+of\s+the\s+(?:draft\s+)?resolution\b",
    re.IGNORECASE,
)
_BARE_PARAGRAPH = re.compile(
    r"\b(?:paragraph|para\.?|§)\s*(?:number\s*)?(\d{1,3})\b", re.IGNORECASE
)
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_ORDINAL = r"(?P<ordinal>" + "|".join(_ORDINALS) + r"|last|final|\d{1,2}(?:st|nd|rd|th))"
_ORDINAL_PARTS = (
    (Part.OPERATIVE, rf"\b{_ORDINAL}\s+(?:operative|op)\b"),
    (Part.OPERATIVE, rf"\b{_ORDINAL}\s+(?:paragraph|para\.?)\s+of\s+the\s+operative\b"),
    (Part.PREAMBLE, rf"\b{_ORDINAL}\s+(?:preambular|preamble|pp)\b"),
    (Part.PREAMBLE, rf"\b{_ORDINAL}\s+(?:paragraph|para\.?)\s+of\s+the\s+preamble\b"),
    (Part.REPORT, rf"\b{_ORDINAL}\s+(?:paragraph|para\.?)\s+of\s+the\s+report\b"),
)
LAST = -1
"""``ParagraphRef.number`` for "the last preambular paragraph": the last of its part (and -2
the one before it, as "the one before that" reads after it)."""
_FOOTNOTE = re.compile(
    r"\bfoot ?notes?\s*(?:no\.?|number|#)?\s*(\d{1,2})\b"
    r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+foot ?note\b",
    re.IGNORECASE,
)
_OF_THE_RESOLUTION = re.compile(r"\b(?:resolution|draft|rev|l\.?11|preamble|operative)\b", re.I)
_OF_THE_REPORT = re.compile(r"\breport\b", re.IGNORECASE)
_DESCRIBED = re.compile(r"\bparagraphs?\s+(?:about|on|that|which|where)\b", re.IGNORECASE)


def paragraph_ref(text: str) -> ParagraphRef | None:
    """The paragraph a question names by label; "paragraph 4" alone leaves the part open."""
    footnote = _FOOTNOTE.search(text)
    if footnote:
        return _footnote_ref(text, int(next(g for g in footnote.groups() if g)))
    for part, pattern in (
        (Part.OPERATIVE, _OPERATIVE),
        (Part.PREAMBLE, _PREAMBULAR),
        (Part.REPORT, _REPORT),
    ):
        match = pattern.search(text)
        if match:
            return ParagraphRef(part=part, number=int(next(g for g in match.groups() if g)))
    for part, ordinal in _ORDINAL_PARTS:
        found = re.search(ordinal, text, re.IGNORECASE)
        if found:
            return ParagraphRef(part=part, number=_number(found.group("ordinal")))
    if _RESOLUTION_PARAGRAPH.search(text):
        return None
    match = _BARE_PARAGRAPH.search(text)
    if match and not _DESCRIBED.search(text):
        return ParagraphRef(part=None, number=int(match.group(1)))
    return None


def _footnote_ref(text: str, number: int) -> ParagraphRef:
    """A footnote of the resolution, of the report, or of either when the question says
    neither (their numbers overlap: both have a footnote 1)."""
    if _OF_THE_RESOLUTION.search(text):
        return ParagraphRef(part=Part.PREAMBLE, number=number, footnote=True)
    if _OF_THE_REPORT.search(text):
        return ParagraphRef(part=Part.REPORT, number=number, footnote=True)
    return ParagraphRef(part=None, number=number, footnote=True)


def _number(ordinal: str) -> int:
    word = ordinal.casefold()
    if word in ("last", "final"):
        return LAST
    if word in _ORDINALS:
        return _ORDINALS.index(word) + 1
    return int(word[:-2])
