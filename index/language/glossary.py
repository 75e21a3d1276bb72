"""The UN drafting vocabulary a reader does not use, and the plain words they use instead.

Readers ask "when does the committee meet?" of a text that says it "shall convene a
session". The glossary (``data/un_glossary.json``) is general domain knowledge, one reasoned
entry per term, used only to expand the BM25 side of a query: plain words add the formal
terms, never the reverse, so a question already in UN language is scored as written.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

GLOSSARY_FILE = Path(__file__).resolve().parent / "data" / "un_glossary.json"


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    plain: tuple[str, ...] = Field(min_length=1)
    """Words or phrases a reader would use."""
    formal: tuple[str, ...] = Field(min_length=1)
    """The UN drafting terms they stand for."""
    reason: str = Field(min_length=10)
    """Why this is a general synonym, not a fit to some question."""


class Glossary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    entries: tuple[GlossaryEntry, ...]


@cache
def default_glossary() -> Glossary:
    """The packaged glossary, validated once per process."""
    return Glossary.model_validate_json(GLOSSARY_FILE.read_text(encoding="utf-8"))
