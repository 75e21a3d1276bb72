"""Which vote a question is about: the Committee's, the General Assembly's plenary vote on the
resolution, or both.

"How did Brazil vote in the General Assembly?", "in plenary", "in the final vote", "what
resolution number did it get?" and "74/247" ask about the plenary; "in the Third Committee"
about the Committee; "both votes", "between the committee and the plenary", "the same way in
plenary" or a change of vote said with the plenary ("who switched in plenary?") about both.
A question that says none leaves the choice to the answer (both for a country, the
Committee's vote otherwise). A change of vote asked across the two votes is the trail's set
of States that changed, not the report's note on later intentions.

Every pattern is a plain alternation without nested repetition, so matching is linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from index.query import Ballot, DocumentSet, SetMention
from index.reading.cues import words
from index.reading.vocabulary import Vocabulary
from index.records import Position

PLENARY = re.compile(
    r"\bplenary\b(?! meetings?\b)"
    r"|\b(?:general assembly|the assembly|the ga)\b(?:\s+\w+){0,6}?\s+"
    r"(?:vote[ds]?|voting|adopt(?:ed|ion)?|pass(?:ed)?|approv(?:ed|al))\b"
    r"|\b(?:vote[ds]?|voting|adopt(?:ed|ion)|pass(?:ed)?)\b(?:\s+\w+){0,6}?\s+"
    r"(?:in|by|at) the (?:general assembly|ga)\b"
    r"|\bfinal (?:general assembly |ga )?"
    r"(?:vote|voting|result|tally|outcome|count|numbers|figures|totals)\b"
    r"|\b(?:general assembly|ga) (?:vote|voting|result|tally|numbers|figures|totals)\b"
    r"|\bresolution number\b|\bnumber (?:of|did) (?:the|it|this) (?:final )?resolution\b"
    r"|\b(?:what|which) number\b|\bnumbered\b|\bnumber (?:did it get|was it given)\b"
    r"|\ba/res/\d+/\d+\b"
    r"|\bsymbol (?:of|for) the (?:final|adopted|plenary) resolution\b"
    r"|\b(?:final|adopted) resolution'?s? symbol\b"
    r"|\bsymbol did (?:the (?:general assembly|ga|assembly)|it|they) (?:give|assign)\b"
    r"|\b(?:in|at|by) the (?:general assembly|ga)\b(?! (?:agenda|session|documents?|item))"
)
COMMITTEE = words(
    r"(?<!hoc )(?:in|at|by) (?:the )?(?:third )?committee",
    r"(?<!hoc )(?:third )?committee(?:'s)? (?:vote|voting|stage|level|result|tally)",
    r"first vote",
)
BOTH = words(
    r"both votes?",
    r"(?:in|at) both",
    r"(?:the )?two votes",
    r"(?<!did )(?<!do )each vote",
    r"(?:third )?committee (?:and|or|versus|compared (?:to|with)|then) (?:in )?(?:the )?"
    r"(?:plenary|general assembly|final vote)",
    r"(?:plenary|general assembly|final vote) (?:and|or|versus|compared (?:to|with)|then) "
    r"(?:in )?(?:the )?(?:third )?committee",
    r"from (?:the )?(?:third )?committee to (?:the )?(?:plenary|general assembly)",
    r"same way in (?:the )?(?:plenary|general assembly|final vote)",
    r"(?:plenary|general assembly) (?:too|as well|again)",
    r"vote trail",
)
CHANGE = words(
    r"chang(?:e|ed|es|ing) (?:its|their|his|her|the) (?:vote|mind|position)s?",
    r"vote changes?",
    r"changed votes?",
    r"switch(?:ed|es)?",
    r"flip(?:ped|s)?",
    r"changed sides",
    r"differently",
)
TURNED = words(r"flip(?:ped|s)?", r"switch(?:ed|es)?", r"changed sides", r"changed positions?")
"""A change of vote said without "changed its vote" ("who flipped?", "who switched sides?")."""
DIFFERENTLY = words(r"(?:voted|vote|voting) differently")
"""Said of the States at large, a change; said of a group, the side-by-side comparison."""
DATED = words(
    r"(?:on |in )?(?:the )?(?:\d{1,2}(?:st|nd|rd|th)? )?(?:of )?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?: \d{4})?"
)
"""A date said with a vote names that vote ("the final vote in december"): no other topic."""
_RESOLUTION_SYMBOL = re.compile(r"^(?:a/res/)?\d{2,3}/\d{1,3}$")


class Explains(Protocol):
    """The reader's evidence: a pattern that is ``seen`` counts as explaining its words."""

    plain: str

    def seen(self, pattern: re.Pattern[str]) -> bool: ...


def read_ballot(evidence: Explains, vocabulary: Vocabulary) -> Ballot | None:
    """The vote the question names, or ``None`` when it names none."""
    both = evidence.seen(BOTH)
    plenary = evidence.seen(PLENARY) or _resolution_named(evidence, vocabulary)
    committee = evidence.seen(COMMITTEE)
    if plenary or committee or both:
        evidence.seen(DATED)
    if both or (plenary and committee):
        return Ballot.BOTH
    if plenary:
        return Ballot.BOTH if CHANGE.search(evidence.plain) else Ballot.PLENARY
    return Ballot.COMMITTEE if committee else None


def _resolution_named(evidence: Explains, vocabulary: Vocabulary) -> bool:
    """A resolution number the documents never cite ("74/247"): the adopted resolution."""
    unknown = [s for s in vocabulary.unknown_symbols(evidence.plain) if _RESOLUTION_SYMBOL.match(s)]
    if not unknown:
        return False
    return evidence.seen(
        re.compile("|".join(rf"(?<![\w/]){re.escape(s)}(?![\w/])" for s in unknown))
    )


_POSITION = (
    r"yes|in favou?r|for it|for|no|against|abstain(?:ed|ing|s)?|abstentions?|(?:did )?not vote"
    r"|no vote|absent|not recorded"
)
_LATER_VOTE = r"(?:the )?(?:plenary|general assembly|final vote|final one|end|december)"
_EARLIER_VOTE = r"(?:the )?(?:third )?committee"
TRANSITIONS = (
    re.compile(rf"\bfrom (?P<before>{_POSITION}) to (?P<after>{_POSITION})\b"),
    re.compile(
        rf"\b(?:voted |went |was )?(?P<before>{_POSITION}) (?:in|at) {_EARLIER_VOTE},? "
        rf"(?:but|and|then|before)(?: then| later| still)? (?:voted |went |switched to |changed to "
        rf"|turned )?(?P<after>{_POSITION}) (?:in|at|by) {_LATER_VOTE}\b"
    ),
    re.compile(
        rf"\b(?:voted |went )?(?P<after>{_POSITION}) (?:in|at) {_LATER_VOTE},? but not "
        rf"(?:in|at) {_EARLIER_VOTE}\b"
    ),
    re.compile(
        rf"\b(?:voted |went )?(?P<before>{_POSITION}) (?:in|at) {_EARLIER_VOTE},? but not "
        rf"(?:in|at) {_LATER_VOTE}\b"
    ),
    re.compile(
        rf"\b(?:voted |went |was )?(?P<after>{_POSITION}) (?:in|at|by) {_LATER_VOTE},? "
        rf"(?:but|and|after|while|whereas|though)(?: had| having)?(?: voted| gone| been| was)? "
        rf"(?P<before>{_POSITION}) (?:in|at) {_EARLIER_VOTE}\b"
    ),
)
"""A change asked by its two ends: "from yes to no", "in favour in committee but then
abstained in plenary", "against in the final vote but not in the committee", "no in plenary
but yes in committee"."""


def read_transition(evidence: Explains) -> SetMention | None:
    """The States that changed, narrowed to the positions the question names at either end
    ("but not in the committee" names the other end by what it was not)."""
    for pattern in TRANSITIONS:
        match = pattern.search(evidence.plain)
        if match is None:
            continue
        evidence.seen(pattern)
        found = match.groupdict()
        before = _positions(found.get("before"))
        after = _positions(found.get("after"))
        if "before" not in found:
            before = tuple(p for p in _VOTED if p not in after)
        if "after" not in found:
            after = tuple(p for p in _VOTED if p not in before)
        return SetMention(set=DocumentSet.CHANGED, before=before, after=after)
    return None


_VOTED = (Position.IN_FAVOUR, Position.AGAINST, Position.ABSTAINING, Position.ABSENT)


def _positions(words: str | None) -> tuple[Position, ...]:
    if words is None:
        return ()
    if re.match(r"yes|in favou?r|for", words):
        return (Position.IN_FAVOUR,)
    if re.match(r"no$|against", words):
        return (Position.AGAINST,)
    if words.startswith("abst"):
        return (Position.ABSTAINING,)
    return (Position.ABSENT,)


def trail_sets(sets: Sequence[SetMention], ballot: Ballot | None) -> list[SetMention]:
    """A change of vote across both votes is the trail's changed States."""
    if ballot is not Ballot.BOTH:
        return list(sets)
    return [
        SetMention(set=DocumentSet.CHANGED) if mention.set is DocumentSet.NOTED else mention
        for mention in sets
    ]


def turned_sets(
    evidence: Explains,
    sets: Sequence[SetMention],
    ballot: Ballot | None,
    *,
    named: bool,
    asks_who: bool,
) -> list[SetMention]:
    """ "Who flipped between the committee and the plenary?", "which countries voted
    differently in the two votes?": the trail's changed States, as "changed their vote" is;
    "who switched sides?", naming neither vote, is the report's note, as "who changed their
    vote?" is. Left to the rest of the reading: a group's or a State's "voted differently"
    (``named``: a comparison across the votes), a flip naming neither vote that is said of
    a State or does not ask who (``asks_who``), and, by the caller, "why did they flip?"."""
    if ballot not in (None, Ballot.BOTH) or any(
        m.set in (DocumentSet.CHANGED, DocumentSet.NOTED) for m in sets
    ):
        return list(sets)
    if ballot is None and (named or not asks_who):
        return list(sets)
    turned = evidence.seen(TURNED)
    if not turned and (ballot is None or named or not evidence.seen(DIFFERENTLY)):
        return list(sets)
    found = DocumentSet.CHANGED if ballot is Ballot.BOTH else DocumentSet.NOTED
    return [*sets, SetMention(set=found)]
