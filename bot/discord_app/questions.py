"""Deciding whether a chat message is a question for the bot, and cleaning it up."""

from __future__ import annotations

import re

QUESTION_WORDS = frozenset(
    {
        "who", "what", "when", "where", "which", "why", "how", "whose", "whom",
        "did", "does", "do", "is", "are", "was", "were", "has", "have", "had",
        "can", "could", "will", "would", "should", "list", "show", "tell",
    }
)  # fmt: skip

_FIRST_WORD = re.compile(r"[A-Za-z']+")
_WORD = re.compile(r"\w")


def strip_mentions(content: str, user_id: int) -> str:
    """Remove every mention of ``user_id`` (both ``<@id>`` and legacy ``<@!id>`` forms)."""
    without = re.sub(rf"<@!?{user_id}>", " ", content)
    return " ".join(without.split())


def looks_like_question(content: str) -> bool:
    """True for text ending in "?" or opening with a question word (answer-channel rule); a
    message with no word at all ("?", "??!") is a reaction, not a question."""
    text = content.strip()
    if not _WORD.search(text):
        return False
    if text.endswith("?"):
        return True
    first = _FIRST_WORD.match(text)
    return first is not None and first.group(0).lower() in QUESTION_WORDS


def question_problem(question: str, max_length: int) -> str | None:
    """Why ``question`` cannot be asked, in words a user understands; None if it is fine."""
    if not question.strip():
        return "Please include a question, for example: *How did Kenya vote?*"
    if len(question) > max_length:
        return (
            f"That question is {len(question)} characters long; please keep it under "
            f"{max_length} characters."
        )
    return None


def slow_down(cooldown_seconds: float, retry_after: float) -> str:
    """The reply to a user asking faster than the per-user cooldown allows."""
    return f"One question every {cooldown_seconds:g} s, please: try again in {retry_after:.1f} s."
