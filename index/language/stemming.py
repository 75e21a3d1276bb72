"""A light English stemmer for BM25, so "meeting"/"meets" and "decides"/"decision" meet.

Written for the register of UN texts rather than taken from Porter: it strips inflections and
a few derivational endings (-ation, -ment, -ional, -ision, -ate) that separate a
question's plain verb from the report's nominal style, and leaves alone anything that is not a
plain lower-case word of five letters or more, so symbols ("a/74/130", "rev", "l") and short
words stay intact. Stems only need to be consistent between query and corpus, not words.
"""

from __future__ import annotations

import functools

_VOWELS = frozenset("aeiouy")
_MIN_STEM = 3
_NO_UNDOUBLE = frozenset("lsz")
_RESTORE_E = ("at", "bl", "iz")
"""After "-ed"/"-ing", these stems had an "e" ("cooperat-ed" is "cooperate"), as in Porter."""
_DERIVATIONS = (
    ("ization", "ize", 4),
    ("ational", "ate", 4),
    ("ation", "", 4),
    ("ision", "ide", 3),
    ("ional", "ion", 4),
    ("ment", "", 6),
    ("ate", "", 4),
)
"""(suffix, replacement, shortest stem allowed): "organization" -> "organize",
"consideration" -> "consider", "decision" -> "decide", "establishment" -> "establish". They
apply repeatedly ("organizational" -> "organizate" -> "organiz"). "-ment" needs a long stem so
"statement" does not become "state"."""
_NOUN_ION = ("ct", "pt", "nt", "ss")
""""-ion" after these is a verb plus "-ion": "prevention", "adoption", "discussion"."""


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The stem of a lower-case word; anything else (numbers, symbols) comes back unchanged.

    Cached: a corpus repeats its words, and loading the index stems every one of them.
    """
    if len(word) < 5 or not word.isalpha() or not word.isascii():
        return word
    word = _strip_inflection(word)
    word = _strip_derivation(word)
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=65_536)
def fold_plural(word: str) -> str:
    """Only the plural ending ("countries" -> "country"), for tests of wording, not topic."""
    if len(word) < 5 or not word.isalpha() or not word.isascii():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _strip_inflection(word: str) -> str:
    word = fold_plural(word)
    if word.endswith("ied"):
        return word[:-3] + "y"
    for suffix in ("ed", "ing"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= _MIN_STEM and _VOWELS & set(base):
            if base.endswith(_RESTORE_E):
                return base + "e"
            if base[-1] == base[-2] and base[-1] not in _VOWELS | _NO_UNDOUBLE:
                return base[:-1]
            return base
    return word


def _strip_derivation(word: str) -> str:
    if word.endswith("ion") and word[-5:-3] in _NOUN_ION and len(word) - 3 >= 5:
        return word[:-3]
    for suffix, replacement, shortest in _DERIVATIONS:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= shortest:
            return _strip_derivation(base + replacement)
    return word
