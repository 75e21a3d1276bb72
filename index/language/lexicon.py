"""The words a question may use for the document's: the UN glossary plus the document's own
short forms.

Readers write "UNODC", "CCPCJ", "the GA" or "the SG" for names the document spells out in
full ("the United Nations Office on Drugs and Crime"). Those short forms are derived from the
documents themselves, from the initials of every capitalised name they print, so a second
report brings its own; general knowledge that no document spells (Vienna is in Austria,
"free speech" is a fundamental freedom) stays in the reasoned glossary file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from index.language.glossary import Glossary, GlossaryEntry, default_glossary

ASKING_FILE = Path(__file__).resolve().parent / "data" / "asking_words.json"
_CONNECTORS = frozenset({"of", "on", "and", "for", "the", "in", "to"})
_NAME = re.compile(
    r"[A-Z][\w'-]*(?:[ \t]+(?:(?:of|on|and|for|the|in|to)[ \t]+)*[A-Z][\w'-]*)+"
    r"|[A-Z][a-z]+-[A-Z][a-z]+"
)
MIN_INITIALS = 3
"""Two letters collide with what people type for other things ("Dr", "Ms", "pp" for a
preambular paragraph); the common two-letter ones (GA, SG, UN) are in the glossary."""
MAX_INITIALS = 7


def initials(name: str) -> str:
    """ "United Nations Office on Drugs and Crime" -> "unodc"; "Secretary-General" -> "sg"."""
    letters = [
        part[0]
        for word in name.split()
        if word.lower() not in _CONNECTORS
        for part in word.split("-")
        if part[:1].isupper()
    ]
    return "".join(letters).lower()


def _names(text: str) -> Iterable[str]:
    """Every capitalised name; the names joined in it by "of the" ("the Director of the
    Division for Treaty Affairs of the United Nations Office on Drugs and Crime"); and each
    without its first word, which may only be capitalised because it opens a sentence
    ("Recalling Commission on Crime Prevention")."""
    for match in _NAME.finditer(text):
        whole = match.group()
        for name in {whole, *re.split(r"\s+of\s+the\s+", whole)}:
            yield name
            rest = name.split(maxsplit=1)
            if len(rest) == 2 and rest[1][:1].isupper():
                yield rest[1]


def document_short_forms(texts: Iterable[str]) -> Glossary:
    """One entry per initialism of a name the texts print, unless the initialism is itself a
    word of the texts (then it would stand for two things)."""
    corpus = list(texts)
    words = {word.lower() for text in corpus for word in re.findall(r"[\w'-]+", text)}
    names: dict[str, set[str]] = {}
    for text in corpus:
        for name in _names(text):
            short = initials(name)
            if MIN_INITIALS <= len(short) <= MAX_INITIALS and short not in words:
                names.setdefault(short, set()).add(name)
    return Glossary(
        entries=tuple(
            GlossaryEntry(
                plain=(short,),
                formal=tuple(sorted(found)),
                reason=f"Initials of {', '.join(sorted(found))}, as the document prints it.",
            )
            for short, found in sorted(names.items())
        )
    )


def lexicon(texts: Sequence[str]) -> Glossary:
    """The glossary, then the texts' own short forms that the glossary does not already hold."""
    glossary = default_glossary()
    known = {plain for entry in glossary.entries for plain in entry.plain}
    own = [
        entry
        for entry in document_short_forms(texts).entries
        if not known.intersection(entry.plain)
    ]
    return Glossary(entries=(*glossary.entries, *own))


@cache
def asking_words() -> frozenset[str]:
    """Words of asking about a text ("quote", "mention", "lol", "exactly"): they say nothing
    about the topic, so they count neither for nor against a question being about the
    document."""
    data = json.loads(ASKING_FILE.read_text(encoding="utf-8"))
    return frozenset(str(word) for word in data["words"])
