"""Fixing slips in the words that decide a reading ("sponsers", "abstaind", "agianst").

Only the cue words are corrected, and only towards one clear candidate that starts with the
same letter; English words that happen to sit one letter away from a cue word ("sponges",
"abstract") are listed in ``index/data/cue_guards.json`` and left alone, and a test runs the
model's whole English vocabulary through the corrector to keep that list complete.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from index.countries import edit_distance
from index.reading.text import word_set

GUARDS_FILE = Path(__file__).resolve().parent.parent / "data" / "cue_guards.json"
CUE_WORDS = word_set(
    """
    abstain abstained abstaining abstains abstention abstentions against favour favor
    favoured sponsor sponsors sponsored sponsoring cosponsor cosponsors cosponsored statement
    statements rapporteur resolution breakdown delegation delegations countries meeting
    meetings adopted introduced explained explanation operative preambular paragraph
    organizational session committee permanent council security tally result outcome compare
    different differently voted voting speakers absent support supported supporting
    """
)
_MIN_LENGTH = 5
_WORD = re.compile(r"[a-z]+")


class CueGuards(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str
    words: frozenset[str]


@cache
def guards() -> frozenset[str]:
    return CueGuards.model_validate_json(GUARDS_FILE.read_bytes()).words


def correct(plain: str) -> tuple[str, tuple[str, ...]]:
    """``plain`` with misspelt cue words fixed, and the corrections made ("sponsers → sponsors")."""
    made: list[str] = []

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        target = cue_for(word)
        if target is None:
            return word
        made.append(f"{word} → {target}")
        return target

    return _WORD.sub(fix, plain), tuple(dict.fromkeys(made))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def correct_lower_case(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with its misspelt cue words fixed where they are typed in lower case (how
    slips are typed; a capitalised word may be a name), before names are looked for."""
    made: list[str] = []

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        target = cue_for(word)
        if target is None:
            return word
        made.append(f"{word} → {target}")
        return target

    return _LOWER_WORD.sub(fix, text), tuple(dict.fromkeys(made))


@cache
def cue_for(word: str) -> str | None:
    """The one cue word ``word`` is a slip of, if there is exactly one."""
    if len(word) < _MIN_LENGTH or word in CUE_WORDS or word in guards():
        return None
    if word.removesuffix("s") in CUE_WORDS or word.removesuffix("es") in CUE_WORDS:
        return None
    budget = 1 if len(word) < 8 else 2
    close = sorted(
        (edit_distance(word, cue, budget), cue)
        for cue in CUE_WORDS
        if cue[0] == word[0] and abs(len(cue) - len(word)) <= budget
    )
    best = [cue for distance, cue in close if distance == close[0][0] and distance <= budget]
    return best[0] if len(best) == 1 else None
