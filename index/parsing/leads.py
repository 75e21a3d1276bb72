"""The italic lead of a resolution paragraph, found in plain text that has no italics.

A preambular paragraph opens with a participle or adjective ("*Noting also*", "*Deeply
concerned*") and an operative one with a verb ("*Also decides*", "*Takes note*"); Markdown and
PDF mark the lead by its italics, plain text does not. The words that belong to a lead beyond
its first are data (``index/data/resolution_leads.json``): a phrase ("Taking note"), an
adverb before it ("Also", "Deeply") or words after it ("also", "with concern"); so are the
adjectives that open preambular paragraphs ("Mindful"), beside the participles.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

LEADS_FILE = Path(__file__).resolve().parent.parent / "data" / "resolution_leads.json"
_PUNCTUATION = ",;:."


class LeadWords(BaseModel):
    """The file's schema: multi-word phrases, adverbs before a lead and words after one, and
    the adjectives a preambular paragraph may open with."""

    model_config = ConfigDict(frozen=True)

    source: str
    as_of: str
    phrases: tuple[str, ...]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    adjectives: tuple[str, ...]


@cache
def lead_words() -> LeadWords:
    return LeadWords.model_validate(json.loads(LEADS_FILE.read_text(encoding="utf-8")))


def lead_of(text: str) -> str | None:
    """The lead a resolution paragraph opens with, or ``None`` when it opens with no word
    that could be one (a lower-case word or a number: the text goes on from a page before)."""
    words = text.split()
    if not words or not words[0][:1].isupper():
        return None
    known = lead_words()
    taken = 0
    while taken < len(words) - 1 and _bare(words[taken]) in known.prefixes:
        taken += 1
        if _ends(words[taken - 1]):
            return _joined(words[:taken])
    phrase = _longest(words, taken, known.phrases)
    taken += phrase or 1
    while not _ends(words[taken - 1]):
        more = _longest(words, taken, known.suffixes)
        if not more:
            break
        taken += more
    return _joined(words[:taken])


def _longest(words: list[str], start: int, phrases: tuple[str, ...]) -> int:
    """How many words from ``start`` the longest matching phrase spans (0: none)."""
    best = 0
    for phrase in phrases:
        wanted = phrase.split()
        found = words[start : start + len(wanted)]
        matches = [_bare(word) for word in found] == wanted
        if matches and len(wanted) > best and not any(_ends(word) for word in found[:-1]):
            best = len(wanted)
    return best


def _bare(word: str) -> str:
    return word.rstrip(_PUNCTUATION)


def _ends(word: str) -> bool:
    """A word with punctuation after it ends the lead ("*Noting*, in this regard")."""
    return word[-1:] in _PUNCTUATION


def _joined(words: list[str]) -> str:
    return " ".join(words).rstrip(_PUNCTUATION)


def opens_preamble(text: str) -> bool:
    """Whether ``text`` opens like a preambular paragraph: a known phrase, or a participle
    ("Noting", "Concerned") or listed adjective after any adverbs. Text a page break cut from
    its paragraph ("Levels, and Public Participation") does not."""
    lead = lead_of(text)
    if lead is None:
        return False
    known = lead_words()
    if any(phrase in lead for phrase in known.phrases):
        return True
    main = next((word for word in lead.split() if word not in known.prefixes), lead)
    return main.endswith(("ing", "ed")) or main.capitalize() in known.adjectives
