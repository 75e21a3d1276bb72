"""On-topic questions the document cannot answer, recognised before anything is looked up.

People ask who chairs the new committee, what it costs, and what happened afterwards (the
later plenary vote and the resolution's number are answered from voting data, see
``index.reading.ballots``). The report holds none of it; a
passage that merely shares words with such a question ("adopted", "committee", "budget") is
not an answer, so these are read as ``Intent.NOT_IN_DOCUMENT`` with the limit named, and the
answer says so and points to the nearest thing the report does hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.query import Limit
from index.reading.cues import words
from index.reading.text import word_set
from index.reading.text import words as split_words
from index.reading.vocabulary import Vocabulary

CHAIR = re.compile(
    r"\bwho\b(?:\s+\w+){0,3}?\s+(?:chair(?:s|ed|man|woman|person)?|presid(?:es|ed|ent)|"
    r"head(?:s|ed)?|leads?|led|runs?)\b"
    r"|\b(?:elected|appointed|named|chosen) (?:as )?(?:the )?chair\w*"
    r"|\bchair(?:man|woman|person)?s? (?:of|for) the\b|\bbureau\b"
)
MONEY = re.compile(
    r"(?<!by )\bhow much\b(?! of)|\bwhat (?:is|was|will be|would be) the (?:cost|price|amount|"
    r"budget|figure|bill)\b|\bwhat (?:did|does|will|would) (?:it|this|that) cost\b|\bdollars?\b"
    r"|\busd\b|\beuros?\b|\$\s?\d|\bamount\b|\bsums?\b|\bprice\b|\bpledge[ds]?\b"
    r"|\bhow expensive\b|\bbudget (?:figure|amount)\b|\bcost (?:estimate|figure)s?\b"
)
"""Asking for an amount. Asking whether costs were raised ("did anyone warn about the cost?")
is answered by the paragraph that raises them."""
PERSON = re.compile(
    r"\b(?:who (?:is|was|are|were)|names? of|called|named)\b(?:\s+\w+){0,5}?\s+"
    r"(?:secretary-general|secretary general|director|president|ambassador|diplomats?|envoys?|"
    r"officials?|representatives?|delegates?|head|chair(?:man|woman|person)?|speakers?|"
    r"person|guy|woman|man)\b"
    r"|\b(?:diplomat|envoy|official|representative|delegate|ambassador|director|person)"
    r"(?:\s+\w+){0,6}?\s+\(?names?\b|\bwhat (?:is|was) (?:his|her|their) names?\b"
    r"|^(?:and |his |her |their )?names?\s?\??$|\(names?\s?\?\)$"
)
"""The report names no one but its Rapporteur: "who is the Secretary-General?"."""
LATER_EVENT = re.compile(
    r"\bratif\w*|\b(?:enter|entered|entry|come|came) into force\b|\bsign(?:ed|ing|atures?)\b"
    r"|\b(?:eventually|finally|ever|since then|so far|to date|nowadays|today|currently|now|"
    r"in the end)\b"
    r"|\bfollow-?up resolution\b|\bwhat happened next\b"
)
LATER_SUBJECT = words(
    r"convention",
    r"treaty",
    r"organi[sz]ational session",
    r"ad hoc committee",
    r"new committee",
    r"negotiations?",
    r"seventy-fifth session",
    r"75th session",
)
PAST_EVENT = words(
    r"happened",
    r"took place",
    r"was held",
    r"were held",
    r"finish(?:ed)?",
    r"complet(?:e|ed)",
    r"conclud(?:e|ed)",
    r"(?:was|were|has been|have been) (?:eventually |finally )?(?:adopted|agreed|signed)",
    r"did (?:it|they) (?:meet|agree|decide|adopt)",
    r"decided",
    r"agreed",
)

_TOPIC_FRAMES = (
    re.compile(
        r"\b(?:mention(?:s|ed)?|say(?:s)? about|said about|anything (?:about|on)|refers? to|"
        r"reference to|talk(?:s)? about|cover(?:s)?|address(?:es)?|deal(?:s)? with|"
        r"discuss(?:es)?|position of)\s+(?:the |a |an |any )?(?P<topic>[^?]+)"
    ),
    re.compile(
        r"^(?:and |so |ok )?(?:what|how) about (?:the )?(?P<about>[^?]+)"
        r"|^(?:what|who) (?:is|are|was|were) (?:the |a |an )?(?P<topic>[^?]+)"
        r"|^(?:explain|define|tell me about)\s+(?:the |a |an )?(?P<other>[^?]+)"
    ),
)
DOCUMENT_POINTING = 0
"""Index of the frame that points at the document itself ("does it mention X?")."""
_TOPIC_STOP = word_set(
    """
    the a an of on in to for about and or this it its that these those is are was were
    resolution report document text draft say says said position mean means meaning name
    called any anything something else xcountryx xgroupx
    date dates day days time times place places location name names number numbers role roles
    purpose aim aims goal goals point points idea status difference thing things story
    background history context detail details content contents main key exact exactly kind
    sort type
    """
)


@dataclass(frozen=True, slots=True)
class Found:
    limit: Limit
    topic: str | None = None


def find_limit(
    plain: str, raw: str, vocabulary: Vocabulary, unexplained: Sequence[str]
) -> Found | None:
    """The limit a question runs into, if it is one the reader can tell from its words;
    ``unexplained`` are the words no other cue accounts for (only they can be unknown)."""
    if CHAIR.search(plain):
        return Found(Limit.CHAIR)
    if PERSON.search(plain):
        return Found(Limit.NOT_STATED, "names")
    if MONEY.search(plain):
        return Found(Limit.MONEY)
    if _later(plain, vocabulary):
        return Found(Limit.LATER_EVENTS)
    topic = unknown_topic(plain, raw, vocabulary, unexplained)
    if topic is not None:
        return Found(Limit.UNKNOWN_TOPIC, topic)
    return None


def _later(plain: str, vocabulary: Vocabulary) -> bool:
    """After the report: a year it never names (and later than all it names), or a past-tense
    event that the report only plans (the organizational session, the convention)."""
    latest = max(vocabulary.years, default=0)
    if any(year > latest for year in vocabulary.unknown_years(plain)):
        return True
    about_planned = LATER_SUBJECT.search(plain) is not None
    if LATER_EVENT.search(plain) and (about_planned or "ratif" in plain or "force" in plain):
        return True
    return about_planned and PAST_EVENT.search(plain) is not None and "will" not in plain


def unknown_topic(
    plain: str, raw: str, vocabulary: Vocabulary, unexplained: Sequence[str]
) -> str | None:
    """The words of a "what is X" or "does it mention X" question that the document never
    uses, as the user wrote them; ``None`` when X is known or the question is off topic."""
    for frame_index, frame in enumerate(_TOPIC_FRAMES):
        match = frame.search(plain)
        if match is None:
            continue
        phrase = next(group for group in match.groups() if group)
        topic = [w for w in split_words(phrase) if w not in _TOPIC_STOP]
        unknown = [w for w in topic if w in unexplained and not vocabulary.knows(w)]
        if not topic or not unknown:
            return None
        on_topic = frame_index == DOCUMENT_POINTING or len(unknown) < len(topic)
        return _as_written(raw, topic) if on_topic else None
    return None


def _as_written(raw: str, topic: list[str]) -> str:
    """The topic words as the user typed them (their case), from first to last."""
    folded = raw.casefold()
    start = folded.find(topic[0].casefold())
    end_word = topic[-1].casefold()
    end = folded.find(end_word, max(start, 0))
    if start < 0 or end < 0:
        return " ".join(topic)
    return raw[start : end + len(end_word)].strip()
