"""The State the asker speaks for: "My country is Kenya. Did we sponsor it?".

Model UN delegates and diplomats ask about their own State in the first person once they have
said which it is. "We", "us" and "our delegation" then name that State, in the questions that
follow in the same message; before that, or without it, they name no one.
"""

from __future__ import annotations

import re

from index.countries import find_countries

_SAYS_WHO = re.compile(
    r"\b(?:my|our) (?:country|delegation|state|government|nation|assignment)"
    r"(?: this (?:year|time|conference))? (?:is|=)"
    r"|\bi(?:'m| am) (?:repping|representing|playing|the delegate (?:of|for)|delegate (?:of|for))"
    r"|\bwe(?:'re| are) (?:repping|representing|playing)\b|\bi (?:represent|rep)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"\b(?:my|our) (?:own )?(?:country|delegation|government|nation|state)\b|\b(?:we|us)\b",
    re.IGNORECASE,
)


def represented(text: str) -> str | None:
    """The one State ``text`` says the asker represents, if it says so."""
    said = _SAYS_WHO.search(text)
    if said is None:
        return None
    named = [mention.name for mention in find_countries(text[said.start() :]) if mention.name]
    return named[0] if len(set(named)) == 1 else None


def as_delegation(text: str, delegation: str) -> str:
    """``text`` with the asker's first person spelled as their State."""
    return _FIRST_PERSON.sub(delegation, text)
