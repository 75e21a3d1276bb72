"""Counts as reports print them: digits, or words ("one hundred and twenty", "no")."""

from __future__ import annotations

import re

# fmt: off
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
_WORDS = {word: value for value, word in enumerate(_UNITS)} | {
    word: 20 + 10 * index for index, word in enumerate(_TENS)
}
_WORDS["no"] = 0


def parse_count(text: str) -> int | None:
    """The number ``text`` spells, or None if it is not a count."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words:
        return None
    current = 0
    for word in words:
        if word == "hundred" and 0 < current < 10:
            current *= 100
        elif word in _WORDS:
            current += _WORDS[word]
        else:
            return None
    return current
