"""Where a question points in the document's structure, beside what it is about.

Some questions describe a paragraph rather than ask a fact: "how does the very first
preambular para frame ICTs", "the preambular para noting the commission's expert group work -
what does it say". Their words name a place ("the very first preambular para") or a
paragraph's lead ("noting": preambular paragraph 7 opens with *Noting*, while paragraph 14,
about the same expert group, opens with *Taking note*). Words and meaning cannot tell such
paragraphs apart; the structure the parser read can:

- an ordinal with a part ("first preambular", "last operative", "the first paragraph of the
  report") points at that paragraph of that part;
- a paragraph's lead, without the adverbs that travel with it ("Also decides" is *decides*,
  "Taking note also" is *taking note*), named in the question points at the paragraphs that
  open with it;
- a plain word for what a kind of paragraph does (``index.language.drafting``: "worried" for
  *Concerned*, "earlier" for *Recalling*, "in charge of" for *Requests*) favours, a little,
  the paragraphs whose lead is of that kind.

Each gives a bonus beside the fused score, like the date and place bonuses of
``answer_types``: evidence, not a verdict, so a question about the topic of another paragraph
still finds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from index.language.drafting import drafting_acts
from index.parsing.leads import lead_words
from index.records import Paragraph, Part

ORDINAL_BONUS = 0.2
"""For the paragraph an ordinal and a part name: a place named outright is strong evidence,
and "the very first preambular para" shares no word with that paragraph (0.15 was the least
that lifted it above the paragraphs about ICTs on the outside set)."""
LEAD_BONUS = 0.1
"""For each paragraph opening with a lead the question names."""
ACT_BONUS = 0.03
"""For each paragraph whose lead does what the question's plain words ask about: the words
are loose ("value", "hope"), so the bonus only settles near ties."""

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "opening": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": -1,
    "final": -1,
    "closing": -1,
}
_PARTS = {
    "preamble": Part.PREAMBLE,
    "preambular": Part.PREAMBLE,
    "pp": Part.PREAMBLE,
    "operative": Part.OPERATIVE,
    "op": Part.OPERATIVE,
    "report": Part.REPORT,
}
_ORDINAL_PART = re.compile(
    rf"\b(?P<ordinal>{'|'.join(_ORDINALS)})\b(?P<between>(?:\W+\w+){{0,3}}?)\W+"
    rf"(?P<part>{'|'.join(_PARTS)})\b(?P<after>(?:'s)?\W+(?:para|paragraph|paras|paragraphs)\b)?",
    re.IGNORECASE,
)
"""An ordinal and, at most three words on, a part: "the very first preambular para", "last
paragraph of the report"."""
_PARAGRAPH = re.compile(r"\b(?:para|paragraph|paras|paragraphs)\b", re.IGNORECASE)
""""Report" only names the part with a paragraph word: "the first report" may be another."""

FloatArray = npt.NDArray[np.float32]


def lead_head(lead: str) -> str:
    """A lead without the adverbs that travel with it: "Also decides" -> "decides", "Taking
    note also" -> "taking note", "Deeply concerned" -> "concerned"."""
    known = lead_words()
    words = lead.split()
    while len(words) > 1 and words[0] in known.prefixes:
        words = words[1:]
    for suffix in sorted(known.suffixes, key=len, reverse=True):
        tail = suffix.split()
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            words = words[: -len(tail)]
            break
    return " ".join(words).lower()


class Structure:
    """Each paragraph's part, place in its part and lead, for the bonuses above. Immutable."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self._size = len(paragraphs)
        self._parts: dict[tuple[str, Part], list[int]] = {}
        for row, paragraph in enumerate(paragraphs):
            if paragraph.number > 0:
                self._parts.setdefault((paragraph.document, paragraph.part), []).append(row)
        self._leads: dict[str, list[int]] = {}
        for row, paragraph in enumerate(paragraphs):
            if paragraph.lead:
                self._leads.setdefault(lead_head(paragraph.lead), []).append(row)
        self._named_lead = _alternation(self._leads)
        acts = drafting_acts().acts
        self._acts: dict[str, list[int]] = {}
        for head, rows in self._leads.items():
            for act in acts:
                if head in act.leads:
                    self._acts.setdefault(act.act, []).extend(rows)
        self._act_of = {plain: act.act for act in acts for plain in act.plain}
        self._act_words = _alternation(self._act_of)

    def bonus(self, question: str) -> FloatArray:
        """What each paragraph gains for being the place, the lead or the kind of paragraph the
        question names; a paragraph named by place or lead gets nothing more for its kind."""
        gained = np.zeros(self._size, dtype=np.float32)
        for row in self._places(question):
            gained[row] += ORDINAL_BONUS
        gained[self._rows(self._named_lead, question, self._leads.get)] += LEAD_BONUS
        kind = np.zeros(self._size, dtype=np.float32)
        kind[
            self._rows(self._act_words, question, lambda word: self._acts.get(self._act_of[word]))
        ] = ACT_BONUS
        return gained + np.where(gained > 0, 0.0, kind).astype(np.float32)

    @staticmethod
    def _rows(
        pattern: re.Pattern[str] | None, question: str, rows_of: Callable[[str], list[int] | None]
    ) -> list[int]:
        """The paragraphs that the words ``pattern`` finds in ``question`` point at, each once."""
        if pattern is None:
            return []
        found = {match.group().lower() for match in pattern.finditer(question)}
        return sorted({row for word in found for row in rows_of(word) or ()})

    def _places(self, question: str) -> set[int]:
        rows: set[int] = set()
        for match in _ORDINAL_PART.finditer(question):
            part = _PARTS[match.group("part").lower()]
            named = match.group("after") or _PARAGRAPH.search(match.group("between"))
            if part is Part.REPORT and not named:
                continue
            ordinal = _ORDINALS[match.group("ordinal").lower()]
            for (_, of_part), members in self._parts.items():
                if of_part is part and ordinal <= len(members):
                    rows.add(members[ordinal - 1 if ordinal > 0 else ordinal])
        return rows


def _alternation(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for any of ``phrases`` as whole words, the longest first."""
    ordered = sorted(phrases, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)
