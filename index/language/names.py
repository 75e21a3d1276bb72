"""Proper names as a writer marks them: a capital inside a sentence, not at its start.

The corpus and the question are read with the same rule so that a name the question asks
about ("the Salvador Declaration") can be looked for in the passage that would answer it.
"""

from __future__ import annotations

import re

_WRITTEN_NAME = re.compile(r"(?<=[a-z,;:(] )[A-Z][a-z]{3,}\b")


def written_names(text: str) -> tuple[str, ...]:
    """Capitalised words of four letters or more that do not open a sentence."""
    return tuple(match.group() for match in _WRITTEN_NAME.finditer(text))
