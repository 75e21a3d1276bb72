"""The names people give the document itself: "the Russian draft", "the Chinese-backed text",
"Moscow's treaty push", "this cybercrime thing".

Such a phrase names what is being voted on, not a subject of the question: in "how did the
Nordics vote on the Russian cyber resolution" the Nordics are the subject and "the Russian
cyber resolution" is the document. A country (or capital) read as an adjective of a
document noun ("Russian", "China-backed", "Russia's", "Moscow's") is therefore taken out of
the question's subjects, and the whole phrase reads as "the resolution".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.countries import CountryMention

DOCUMENT = "the resolution"
"""What a document descriptor reads as in the plain text the cue patterns see."""

_PARTICIPLE = (
    r"(?:[- ]?(?:backed|drafted|led|sponsored|co-?sponsored|authored|proposed|written|pushed|"
    r"inspired|supported|promoted|championed|initiated|tabled|introduced|penned|crafted|"
    r"made|driven|run|sponsered))"
)
_MODIFIER = (
    r"(?:cyber|cybercrime|cyber-crime|crime|ict|un|new|own|big|draft|proposed|controversial|"
    r"so-called|treaty|convention|cyber crime)"
)
_NOUN = (
    r"(?:draft resolution|resolution|res|draft|text|proposal|initiative|treaty push|"
    r"treaty proposal|treaty|push|plan|bill|motion|thing|document|measure|effort|one|"
    r"l\.?\s?11(?:/rev\.?\s?1)?)"
)
_AFTER_NAME = re.compile(
    rf"^(?:['’]s|s(?=\s))?{_PARTICIPLE}?\s+(?:{_MODIFIER}\s+){{0,2}}{_NOUN}\b", re.IGNORECASE
)
_PARTICIPLE_ONLY = re.compile(rf"^{_PARTICIPLE}\b", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|this|that|a|their|its)\s+$", re.IGNORECASE)
_TOPIC_PHRASE = re.compile(
    r"\b(?:the|this|that|their)\s+(?:(?:un|new|whole|so-called|controversial)\s+)?"
    r"(?:cyber ?crime|cyber-crime|cyber|ict(?:[- ]crime)?|criminal ict|icts)\s+"
    r"(?:resolution|draft|text|thing|stuff|business|vote|proposal|treaty|one|measure|motion)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Descriptor:
    start: int
    end: int


def find_descriptors(
    text: str, mentions: Sequence[CountryMention]
) -> tuple[list[Descriptor], list[CountryMention]]:
    """Phrases of ``text`` that name the document, and the mentions that remain subjects."""
    found: list[Descriptor] = []
    kept: list[CountryMention] = []
    for mention in mentions:
        after = text[mention.end :]
        described = _AFTER_NAME.match(after) or (
            _PARTICIPLE_ONLY.match(after) if _DETERMINER.search(text[: mention.start]) else None
        )
        if described is None:
            kept.append(mention)
            continue
        determiner = _DETERMINER.search(text[: mention.start])
        start = determiner.start() if determiner else mention.start
        found.append(Descriptor(start=start, end=mention.end + described.end()))
    for match in _TOPIC_PHRASE.finditer(text):
        if not any(d.start < match.end() and match.start() < d.end for d in found):
            found.append(Descriptor(start=match.start(), end=match.end()))
    return sorted(found, key=lambda d: d.start), kept
