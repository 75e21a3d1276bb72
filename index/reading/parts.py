"""Cutting one message into the questions it asks.

People ask two or three things at once: "who was the rapporteur and where is he from, and when
was the report issued?", "which EU countries voted against?? was it all of them", "how did
Japan vote and did it speak after?". Each question is read on its own, in the light of the one
before it (so "where is he from" follows "who was the rapporteur"), and answered in one reply.

A message is cut at sentence ends and where a coordinator opens a new question ("…, and when
was…", "… and did they…"); never inside a list of names ("how did Japan and South Korea
vote"). Sentences that ask nothing ("Hi!", "I'm writing an essay on this.") are kept as
context for the next question but not answered; a sentence that only elaborates the one before
("Like the part where they set up the new group?", "Please separate the general statements
from the EOVs.") is joined to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(
    r"(?<=[?!])\s+|(?<=[a-z)\]”\"'])\.\s+(?=[A-Z])"
    r"|(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF])\s+(?=[A-Z])"
)
"""Sentences end at "?", "!", a full stop before a capital, or an emoji before one ("sorry
if these are basic 😅 To start: who …")."""
_QUESTION_WORD = (
    r"(?:who|whom|whose|what|when|where|which|why|how|whats|what's|whos|who's|wheres|where's|"
    r"hows|how's|did|does|do|was|were|is|are|has|have|"
    r"had|can|could|will|would|should|list|name|quote|show|give|tell)"
)
_WH_WORD = r"(?:who|whom|whose|what|when|where|which|why|how)"
_CLAUSE_BREAK = re.compile(
    rf"\s*(?:[;+]|,?\s+(?:and|also|plus|&|but)(?:\s+also)?)\s+"
    rf"(?=(?:(?:at|in|on|by|for|from|to|with|since|until|exactly|precisely|roughly|then)\s+)?"
    rf"{_QUESTION_WORD}\b)"
    rf"|\s*,\s+(?=(?:(?:at|in|on|by|for|from|to|with|since|until)\s+)?{_WH_WORD}\b)"
    r"|\s*,\s+(?=(?:did|does|do|was|were|is|are|has|have|had|can|could|will|would)\s+"
    r"(?:(?:it|they|he|she|there|the|this|that|these|those|any|all)\b|(?-i:[A-Z])))",
    re.IGNORECASE,
)
"""A bare comma opens a new question before a wh-word or an auxiliary with its subject ("how
did Japan vote, did it speak after?"); in "which of the sponsors, Benin included, had no
vote" the "had" goes on with the same question."""
_ASKS = re.compile(
    rf"\?\s*$|^\s*(?:\+|&|plus\b|also\b)|\b{_WH_WORD}\W*$|,\s*{_WH_WORD}\b"
    rf"|(?:^|[:–—]|\s-)\W*(?:(?:at|in|on|by|for|from|to|with|since|until) )?"
    rf"(?:{_QUESTION_WORD}|and|or|so|ok|okay|what about|how about|any|"
    r"compare|explain|define|paste|summari[sz]e|find|pls|please)\b",
    re.IGNORECASE,
)
"""A clause asks when it ends in "?", opens with a question word, or leaves its question word
in place at its end ("Finland spoke on behalf of whom")."""
_ELABORATES = re.compile(
    r"^\s*\(|^\W*(?:like|i mean|e\.g\.|eg|for example|for instance|such as|specifically|"
    r"especially|in particular|i\.e\.|ie|namely)\b"
    r"|^\W*(?:(?:please|pls|and|but|also|can you|could you) )*(?:separate|split|distinguish|sort|"
    r"order|break (?:it|them|this|that) (?:down|up)|keep (?:\w+ ){0,3}apart|group them)\b"
    r"|^\W*(?:(?:please|pls|and|now) )*(?:list|name) (?:em|'em|them|those|them all)\W*$",
    re.IGNORECASE,
)
"""A sentence that only elaborates the question before, or says how to lay its answer out."""
MIN_CLAUSE_WORDS = 2
"""Both sides of a cut need this many words: "when and where will it meet" stays whole."""


@dataclass(frozen=True, slots=True)
class Part:
    text: str
    asks: bool
    """Whether this part is a question to answer, or only context for the next one."""


def split_parts(text: str) -> list[Part]:
    """The questions (and the context sentences between them) in ``text``, in order."""
    parts: list[Part] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        sentence = sentence.strip()
        if not sentence:
            continue
        if parts and parts[-1].asks and _ELABORATES.match(sentence):
            parts[-1] = Part(text=f"{parts[-1].text} {sentence}", asks=True)
            continue
        for clause in _clauses(sentence):
            parts.append(Part(text=clause, asks=bool(_ASKS.search(clause))))
    if not any(part.asks for part in parts):
        return [Part(text=text.strip(), asks=True)]
    return parts


def _clauses(sentence: str) -> list[str]:
    """A sentence cut where a coordinator opens a new question, when what comes before is a
    question too: "of all the sponsors, how many voted yes" is one question."""
    clauses: list[str] = []
    start = 0
    for cut in _CLAUSE_BREAK.finditer(sentence):
        left, right = sentence[start : cut.start()], sentence[cut.end() :]
        whole = len(left.split()) >= MIN_CLAUSE_WORDS and len(right.split()) >= MIN_CLAUSE_WORDS
        if whole and _ASKS.search(left):
            clauses.append(left.strip())
            start = cut.end()
    clauses.append(sentence[start:].strip())
    return [clause for clause in clauses if clause]
