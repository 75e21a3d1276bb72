"""What kind of thing a question asks for, and which paragraphs state one.

"Where did the expert group hold its meetings?" wants a place; "what are the dates of its
sessions?" wants dates. Words and embeddings find the paragraphs about the expert group, but
several are; the one that states a place ("held in Vienna") or several dates is the one that
answers. A small bonus for stating what is asked breaks such ties; it cannot lift a paragraph
that is not about the question's subject, because it is small beside the fused score.
"""

from __future__ import annotations

import re
from enum import StrEnum

import numpy as np
import numpy.typing as npt

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE = re.compile(rf"\b(?:\d{{1,2}} (?:{_MONTHS})|(?:{_MONTHS}) \d{{4}}|(?:19|20)\d\d)\b", re.I)
_PLACE = re.compile(
    rf"\b(?:in|at) (?!(?i:{_MONTHS}|the|its|their|this|that|order|particular|accordance)\b)"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?\b"
)
ASKS_WHEN = re.compile(
    r"\b(?:when|what (?:day|date|month|year|time)|which (?:day|date|month|year)|how long|"
    r"dates?)\b",
    re.I,
)
ASKS_WHERE = re.compile(r"\b(?:where|what (?:city|place|venue)|which (?:city|place|venue))\b", re.I)

DATE_BONUS = 0.04
"""Per date a paragraph states, up to ``MOST_COUNTED``, for a question that asks when."""
PLACE_BONUS = 0.08
MOST_COUNTED = 3


class AnswerType(StrEnum):
    DATE = "date"
    PLACE = "place"


def asked(question: str) -> AnswerType | None:
    if ASKS_WHERE.search(question):
        return AnswerType.PLACE
    if ASKS_WHEN.search(question):
        return AnswerType.DATE
    return None


def stated(text: str) -> dict[AnswerType, int]:
    """How many dates and places a paragraph states."""
    return {AnswerType.DATE: len(DATE.findall(text)), AnswerType.PLACE: len(_PLACE.findall(text))}


def bonus(
    kind: AnswerType | None, counts: dict[AnswerType, npt.NDArray[np.float32]]
) -> npt.NDArray[np.float32] | float:
    """What each paragraph gains for stating the kind of thing the question asks for."""
    if kind is None:
        return 0.0
    per = DATE_BONUS if kind is AnswerType.DATE else PLACE_BONUS
    gained: npt.NDArray[np.float32] = (per * np.minimum(counts[kind], MOST_COUNTED)).astype(
        np.float32
    )
    return gained
