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

from index.query import CITED, DEFINITIONS, FUTURE_CONTENT, MAJORITY, NAMES, REQUESTED, Limit
from index.reading.cues import words
from index.reading.text import word_set
from index.reading.text import words as split_words
from index.reading.vocabulary import Vocabulary

CHAIR = re.compile(
    r"\bwho\b(?:\s+\w+){0,3}?\s+(?:chair(?:s|ed|ing|man|woman|person)?|presid(?:es|ed|ent|ing)|"
    r"head(?:s|ed|ing)?|leads?|leading|led|runs?|running)\b"
    r"|\b(?:elected|appointed|named|chosen) (?:as )?(?:the )?chair\w*"
    r"|\bchair(?:man|woman|person)?s? (?:of|for) the\b|\bbureau\b"
)
MONEY = re.compile(
    r"(?<!by )\bhow much\b(?! of)(?=.{0,40}\b(?:money|costs?|spend|spent|funds?|funding|"
    r"budget|pay|paid|dollars?|usd|euros?|allocat\w*|price|cash|it (?:cost|take))\b|.{0,40}\$"
    r"|\s+(?:was|is|were|are|did|does|will|would|have|has) (?:it|that|this|they|donors)\b"
    r"|\s*\??$)|\bwhat (?:is|was|will be|would be) the (?:cost|price|amount|"
    r"budget|figure|bill)\b|\bwhat (?:did|does|will|would) (?:it|this|that) cost\b|\bdollars?\b"
    r"|\busd\b|\beuros?\b|\$\s?\d|\bamount\b|\bsums?\b|\bprice\b|\bpledge[ds]?\b"
    r"|\bhow expensive\b|\bbudget (?:figure|amount)\b|\bcost (?:estimate|figure)s?\b"
    r"|\bcough(?:ed|ing)? up\b|\bshell(?:ed)? out\b|\bforked? out\b"
)
"""Asking for an amount. Asking whether costs were raised ("did anyone warn about the cost?")
is answered by the paragraph that raises them."""
PERSON = re.compile(
    r"\b(?:who (?:is|was|are|were)|names? of|called|named)\b(?:\s+\w+){0,5}?\s+"
    r"(?:secretary-general|secretary general|director|president|ambassador|diplomats?|envoys?|"
    r"officials?|representatives?|delegates?|head|chair(?:man|woman|person)?|speakers?|"
    r"person|guy|woman|man)\b"
    r"|\bname (?:the|a|an|that)\b(?:\s+\w+){0,5}?\s+(?:diplomat|envoy|official|"
    r"representative|delegate|ambassador|director|person|chair(?:man|woman|person)?|speaker)\b"
    r"|\b(?:chair|director|delegate|diplomat|representative|ambassador|envoy|"
    r"official)(?:'s|s)? (?:full )?names?\b"
    r"|\b(?:diplomat|envoy|official|representative|delegate|ambassador|director|person)"
    r"(?:\s+\w+){0,6}?\s+\(?names?\b|\bwhat (?:is|was) (?:his|her|their) names?\b"
    r"|^(?:and |his |her |their )?names?\s?\??$|\(names?\s?\?\)$"
)
"""The report names no one but its Rapporteur: "who is the Secretary-General?"."""
LATER_EVENT = re.compile(
    r"\bratif\w*|\b(?:enter|entered|entry|come|came) into force\b|\bsign(?:ed|ing|atures?)\b"
    r"|\b(?:eventually|finally|ever|since then|so far|to date|nowadays|today|currently|now|"
    r"in the end)\b"
    r"|\bfollow-?up resolution\b|\bwhat happened next\b|\bend(?:ed)? up\b|\b(?:go|went) on to\b"
    r"|\bjoin(?:ed|s)? (?:the |this |that )?(?:convention|treaty)\b|\bacce(?:ded|de|ssion)\b"
    r"|\b(?:states? )?parties to\b"
)
TAKING_PART = re.compile(r"\b(?:take|took|taking|takes) part\b|\bparticipat\w*")
"""Who took part in the new body: a later event, unless the question asks how States are
enabled to ("so that poorer countries can take part")."""
ENABLED = re.compile(r"\b(?:can|could|able to|so that|in order to|help|helps|enable\w*|let)\b")
LATER_SUBJECT = words(
    r"convention",
    r"treaty",
    r"organi[sz]ational session",
    r"(?:its |the |their |that |first |opening |(?:august )?2020 |august )session",
    r"ad hoc committee",
    r"new committee",
    r"negotiations?",
    r"seventy-fifth session",
    r"75th session",
)
LATER_OUTCOME = re.compile(
    r"\b(?:was|were|has|have|had|did|is)\b.{0,40}\b(?:convention|treaty|negotiations?|"
    r"ad hoc committee)\b.{0,25}\b(?:adopted|signed|ratified|agreed|finali[sz]ed|concluded|"
    r"approved|completed|drafted|opened for signature|negotiated)\b"
    r"|\bfinal (?:un |united nations )?(?:cybercrime |cyber )?(?:convention|treaty)\b"
)
"""What became of the convention the resolution only starts: asked in the past tense."""
DEFINITION = re.compile(
    r"\bhow (?:does|do|did) (?:the |this |it |they )?(?:\w+ )?defines?\b|\bdefinitions? of\b"
    r"|\bwhat (?:does|do) (?:it|the \w+) (?:mean by|define as)\b|\bdefined as\b"
)
"""A definition asked for; answerable only from a document that defines its terms."""
REQUIRED_MAJORITY = re.compile(
    r"\bhow many votes (?:did|does|would|will) (?:it|the \w+) (?:need|require)"
    r"|\b(?:what|which) (?:kind of )?majority\b|\bmajority (?:was |is )?(?:needed|required)\b"
    r"|\b(?:needed|need|required|require)\b.{0,15}\bto (?:pass|be adopted|get through)\b"
    r"|\bthreshold\b"
)
"""The majority a draft needed: a rule of procedure the report does not state."""
CITED_CONTENT = re.compile(
    r"\b(?:conclusions?|findings?|recommendations?|contents?|summary|summari[sz]e|main points|"
    r"key points|what (?:did|does) (?:it|that|this|the)(?: \w+)? (?:say|find|conclude|recommend)|"
    r"vote count|votes? on|tally|adopted by|how (?:was|were) (?:it|they) adopted)\b"
)
"""Asked of a document the report only cites: its contents, or how it was adopted."""
CITED_FINDINGS = re.compile(
    r"\bwhat (?:did|does|do) (?:the |that |its |his )?(?:(?:sg|secretary-general)(?:'s)? report|"
    r"report of the secretary-general|expert group|(?:comprehensive )?study|commission|"
    r"summary records?(?: of the \w+ meeting)?)(?:'s)? "
    r"(?:\w+ )?(?:say|find|found|conclude|recommend|propose|suggest)\b"
    r"|\b(?:findings?|conclusions?|recommendations?) of the (?:sg|secretary-general|expert group|"
    r"(?:comprehensive )?study)\b"
    r"|\b(?:sg|secretary-general|expert group)(?:'s)? (?:report'?s )?(?:findings?|conclusions?|"
    r"recommendations?)\b"
)
"""What another document found: the report names the Secretary-General's report and the
expert group's study, and says nothing of their findings."""
FUTURE_CONTENT_ASKED = re.compile(
    r"\b(?:will|would|does|is|did|could|can)\s+(?:the |this |that |a |an |its )?(?:new |future |"
    r"planned |proposed |eventual |un |cybercrime |resulting )*(?:treaty|convention)\s+"
    r"(?:\w+\s+)?(?:have|include|contain|cover|protect|require|ban|criminali[sz]e|define|allow|"
    r"permit|oblige|bind|be binding|be legally binding|apply|guarantee|safeguard|limit|restrict)\b"
    r"|\bwhat (?:safeguards|protections|rights|crimes|offen[cs]es|provisions|obligations|rules) "
    r"(?:will|would|does|did) (?:the |this |that )?(?:\w+ )?(?:treaty|convention)\b"
    r"|\bis (?:the |this |that )?(?:new |future )?(?:treaty|convention) (?:going to be |gonna be |"
    r"to be )?(?:legally )?binding\b"
)
"""The contents of the convention the resolution only decides to write."""
CITED_DOCUMENT = re.compile(
    r"\b(?:sg|secretary-general)(?:'s)? report\b|\breport of the secretary-general\b"
    r"|\b(?:that|its|his) report\b"
)
REQUESTED_VOTE = re.compile(
    r"\b(?:who|which (?:delegation|country|state|member))\b.{0,20}\b(?:requested|asked for|"
    r"called for|demanded|wanted|forced|insisted on|pushed for)\b.{0,15}\b(?:recorded )?vote\b"
)
"""Who asked for the recorded vote: the report says there was one, not who asked."""
PLENARY_MEETING = re.compile(
    r"\b(?:which|what) (?:plenary )?meeting\b|\bmeeting number\b|\bnumber of the meeting\b"
)
"""The plenary vote's meeting: the voting data gives its date, not its meeting."""
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
    r"did (?:the )?(?:\w+ ){0,7}?(?:actually |really |ever |eventually |finally )?"
    r"(?:meet|convene|take place|happen|go ahead|start|begin|finish|get held)",
    r"(?:was|were) (?:it|they|the (?:\w+ ){0,4}?)(?:actually |really |ever |eventually |finally )?"
    r"(?:held|convened|postponed|cancell?ed|delayed|moved)",
    r"postponed",
    r"cancell?ed",
    r"(?:that|which) (?:approved|adopted|endorsed|established)",
    r"covid\w*",
    r"pandemic",
    r"decided",
    r"agreed",
)

_TOPIC_FRAMES = (
    re.compile(
        r"\b(?:mention(?:s|ed)?|say(?:s)? about|said about|anything (?:about|on)|refers? to|"
        r"reference to|talk(?:s)? about|cover(?:s)?|address(?:es)?|deal(?:s)? with|"
        r"discuss(?:es)?|position of|relat(?:e|es|ed|ion|ionship) (?:to|with|between)|"
        r"compare[sd]? (?:to|with)|differ(?:s|ent)? from|replace[sd]?|connect(?:ed|ion)? "
        r"(?:to|with)|link(?:ed)? (?:to|with))\s+(?:the |a |an |any )?(?P<topic>[^?]+)"
        r"|\bwhat (?:did|do|does|have|has) (?P<who>[^?]{2,60}?) (?:say|said|think|thought|feel|"
        r"argue|make of)\b"
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
    sort type symbol symbols language wording words word precise quote quoted verbatim paste
    para paras paragraph paragraphs part parts bit bits section sections line lines passage
    preamble preambular operative actually really specifically supposed meant going able
    deal stuff info itself printed they them he she we you i us their his her our your
    will would should could can do does did be been being have has had first last very
    exact full whole entire
    """
)
"""Words about asking (and about the text itself), never the subject a refusal names."""


@dataclass(frozen=True, slots=True)
class Found:
    limit: Limit
    topic: str | None = None
    firm: bool = True
    """False when an unknown topic rests only on lower-case words the document lacks: a
    passage that answers the rest is then the better reply."""


def find_limit(
    plain: str, raw: str, vocabulary: Vocabulary, unexplained: Sequence[str]
) -> Found | None:
    """The limit a question runs into, if it is one the reader can tell from its words;
    ``unexplained`` are the words no other cue accounts for (only they can be unknown)."""
    if CHAIR.search(plain):
        return Found(Limit.CHAIR)
    if PERSON.search(plain):
        return Found(Limit.NOT_STATED, NAMES)
    if MONEY.search(plain):
        return Found(Limit.MONEY)
    if _later(plain, vocabulary):
        return Found(Limit.LATER_EVENTS)
    if _about_a_cited_document(plain, vocabulary):
        return Found(Limit.NOT_STATED, CITED)
    if FUTURE_CONTENT_ASKED.search(plain):
        return Found(Limit.NOT_STATED, FUTURE_CONTENT)
    if REQUESTED_VOTE.search(plain):
        return Found(Limit.NOT_STATED, REQUESTED)
    if DEFINITION.search(plain) and not vocabulary.knows("define"):
        return Found(Limit.NOT_STATED, DEFINITIONS)
    if REQUIRED_MAJORITY.search(plain) and not vocabulary.knows("required"):
        return Found(Limit.NOT_STATED, MAJORITY)
    return unknown_topic(plain, raw, vocabulary, unexplained)
    return None


def _about_a_cited_document(plain: str, vocabulary: Vocabulary) -> bool:
    """A question about what another document says, or how another resolution was adopted:
    the report cites it by symbol and says no more."""
    if CITED_FINDINGS.search(plain):
        return True
    if not CITED_CONTENT.search(plain):
        return False
    cited = [s for s in vocabulary.cited_symbols(plain) if s not in vocabulary.drafts]
    return bool(cited) or CITED_DOCUMENT.search(plain) is not None


def _later(plain: str, vocabulary: Vocabulary) -> bool:
    """After the report: a year it never names (and later than all it names), or a past-tense
    event that the report only plans (the organizational session, the convention)."""
    latest = max(vocabulary.years, default=0)
    if any(year > latest for year in vocabulary.unknown_years(plain)):
        return True
    if LATER_OUTCOME.search(plain):
        return True
    about_planned = LATER_SUBJECT.search(plain) is not None
    if LATER_EVENT.search(plain) and (about_planned or "ratif" in plain or "force" in plain):
        return True
    if about_planned and TAKING_PART.search(plain) and not ENABLED.search(plain):
        return True
    return about_planned and PAST_EVENT.search(plain) is not None and "will" not in plain


def unknown_topic(
    plain: str, raw: str, vocabulary: Vocabulary, unexplained: Sequence[str]
) -> Found | None:
    """The words of a "what is X" or "does it mention X" question that the document never
    uses, as the user wrote them; ``None`` when X is known, when the question is off topic, or
    when the unknown words are a minority of X and none is a name (the passage that holds the
    rest is a better answer than a refusal: "free speech online" and fundamental freedoms)."""
    for frame_index, frame in enumerate(_TOPIC_FRAMES):
        match = frame.search(plain)
        if match is None:
            continue
        phrase = next(group for group in match.groups() if group)
        topic = [w for w in split_words(phrase) if w not in _TOPIC_STOP]
        unknown = [w for w in topic if w in unexplained and not vocabulary.knows(w)]
        if not topic or not unknown:
            return None
        if match.lastgroup == "who":
            return Found(Limit.UNKNOWN_TOPIC, _as_written(raw, topic))
        if frame_index != DOCUMENT_POINTING and len(unknown) == len(topic):
            return None
        named = any(_written_as_name(raw, w) for w in unknown)
        if 2 * len(unknown) >= len(topic) or named:
            soft = frame_index == DOCUMENT_POINTING and not named
            return Found(Limit.UNKNOWN_TOPIC, _as_written(raw, unknown), firm=not soft)
        return None
    return None


def _written_as_name(raw: str, word: str) -> bool:
    """Whether the user capitalised ``word`` inside the question: a name ("OEWG", "Budapest"),
    which the document either holds or does not, however many other words it shares. A
    question typed all in capitals says nothing about names."""
    if raw.upper() == raw:
        return False
    for match in re.finditer(rf"\b{re.escape(word)}\b", raw, re.IGNORECASE):
        if match.start() > 0 and match.group()[:1].isupper():
            return True
    return False


def _as_written(raw: str, unknown: list[str]) -> str:
    """The words the document does not hold, as the user typed them (their case), from the
    first to the last of them, with the capitalised words of the same name around them:
    only what is really missing is named."""
    folded = raw.casefold()
    start = folded.find(unknown[0].casefold())
    end_word = unknown[-1].casefold()
    end = folded.find(end_word, max(start, 0))
    if start < 0 or end < 0:
        return " ".join(unknown)
    end += len(end_word)
    if raw.upper() == raw:
        return raw[start:end].strip()
    before = _CAPITALISED_BEFORE.search(raw[:start])
    after = _CAPITALISED_AFTER.match(raw[end:])
    start = before.start() if before and raw[start : start + 1].isupper() else start
    end += after.end() if after and raw[start : start + 1].isupper() else 0
    return raw[start:end].strip()


_CAPITALISED_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*\s+)+$")
_CAPITALISED_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*\b)+")
"""A name the user capitalised runs on: "the Budapest Convention" is named whole."""
