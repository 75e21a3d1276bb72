"""What each kind of resolution paragraph does, and the plain words readers ask about it with.

A resolution paragraph's lead says what kind of paragraph it is: "Recalling" names earlier
texts, "Concerned" what worries the Assembly, "Requests" gives someone a task, "Invites" asks
for help without obliging. Readers ask in plain words ("what earlier decisions does it build
on", "are they worried about", "who is in charge of"), which a paragraph's own words rarely
share. The acts and their words are general knowledge of UN drafting, the same for any
resolution (``data/drafting_acts.json``, one reasoned entry per act).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

ACTS_FILE = Path(__file__).resolve().parent / "data" / "drafting_acts.json"


class DraftingAct(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    act: str
    leads: tuple[str, ...] = Field(min_length=1)
    """Leads of this kind, lower case, without the adverbs that travel with them."""
    plain: tuple[str, ...] = Field(min_length=1)
    """Words and phrases a reader asks about this kind of paragraph with, lower case."""
    reason: str = Field(min_length=10)


class DraftingActs(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    as_of: str
    acts: tuple[DraftingAct, ...]


@cache
def drafting_acts() -> DraftingActs:
    """The packaged acts, validated once per process."""
    return DraftingActs.model_validate_json(ACTS_FILE.read_text(encoding="utf-8"))
