"""What a question asks about, without how it asks to be shown it.

"does the res say when the GA comes back to this? exact words pls" is about when the Assembly
comes back to the question; "does the res say" and "exact words" ask for a quotation. Encoded
whole, the request pulls the question's vector towards any paragraph about the resolution
(paragraph 13 of the report recommends "the following draft resolution") and away from the
one that answers. The frames are grammar, the same in any report: a command to show a passage
("give me the para that", "quote", "can you paste"), a question whether the text says
something ("does it mention", "what does the report say about") and a demand for the wording
("exact words", "verbatim", "quote it").
"""

from __future__ import annotations

import re

_PASSAGE = (
    r"(?:para|paragraph|paras|paragraphs|line|lines|bit|part|passage|section|clause|wording|"
    r"language|text|sentence|op|pp)"
)
_DOCUMENT = r"(?:it|res|resolution|text|report|document|doc|draft|preamble)"
"""What a question calls the document; "do they" is its drafters too, but "did they say anything
after?" asks about the delegations' statements, a topic."""
_SAYING = (
    r"(?:say|said|says|mention|mentions|talk|talks|state|states|include|contain|cover|touch|"
    r"address)"
)
_FRAMES = re.compile(
    r"\bquote\s+it\b|\bword\s+for\s+word\b|\bverbatim\b"
    r"|\b(?:exact|precise|actual|full)\s+(?:words?|wording|text|language|quote)\b"
    r"|(?:^\W*|(?<=[,;:.?!-]\s))(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:please\s+|pls\s+)?"
    r"(?:give|show|paste|quote|send|pull\s+up|copy)(?:\s+(?:me|us))?(?:\s+(?:the|a))?"
    rf"(?:\s+(?:exact|precise|full|actual))?(?:\s+{_PASSAGE})?"
    r"(?:\s+(?:that|which|where|about|on|with|of))?\b"
    rf"|\b(?:(?:does|do|did|is)\s+(?:the\s+)?{_DOCUMENT}|do\s+they)(?:\s+(?:actually|even|ever))?"
    rf"\s+{_SAYING}(?:\s+(?:anything|something))?(?:\s+(?:about|on|of))?\b"
    rf"|\bwhat\s+(?:does|do|did)\s+(?:it|they|the\s+(?:{_DOCUMENT}|para|paragraph))"
    r"(?:\s+actually)?\s+say(?:\s+about)?\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
MIN_TOPIC_WORDS = 2
"""A request with less left ("quote it") keeps its words: they are all there is."""


def topic_of(question: str) -> str:
    """``question`` without the words that ask to be shown or quoted a passage; unchanged
    when it has none."""
    stripped = _FRAMES.sub(" ", question)
    if stripped == question:
        return question
    topic = _SPACES.sub(" ", stripped).strip(" ?.!,-:;")
    return topic if len(re.findall(r"\w+", topic)) >= MIN_TOPIC_WORDS else question
