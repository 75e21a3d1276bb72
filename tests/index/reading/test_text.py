"""The plain form cue patterns read: contractions, shorthand and placeholders folded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.reading.text import COUNTRY, MAX_READ_CHARS, cue_text, searchable, valid_text, words


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("How'd they vote?", "how did they vote?"),
        ("didnt vote", "did not vote"),
        ("Didn’t they abstain", "did not they abstain"),
        ("what's the result", "what is the result"),
        ("whats the result", "what is the result"),
        ("uk y/n", "uk yes or no"),
        ("yay or nay?", "yes or no?"),
        ("india vs pakistan", "india versus pakistan"),
        ("did the GA vote", "did the general assembly vote"),
        ("who's the rapporteur pls", "who is the rapporteur"),
        ("wat did they say", "what did they say"),
    ],
)
def test_contractions_and_shorthand_are_spelled_out(typed: str, plain: str) -> None:
    assert cue_text(typed, []) == plain


def test_found_names_become_placeholders() -> None:
    text = "How did Kenya and Chad vote?"
    spans = [(8, 13, COUNTRY), (18, 22, COUNTRY)]
    assert cue_text(text, spans) == "how did xcountryx and xcountryx vote?"


def test_valid_text_drops_what_cannot_be_read() -> None:
    assert valid_text("a\x00b\u2028c\ud800d") == "a b c?d"
    assert valid_text("  spaced   out  ") == "spaced out"
    assert len(valid_text("x" * 10 * MAX_READ_CHARS)) == MAX_READ_CHARS


def test_words_keep_symbols_whole() -> None:
    assert words("see a/74/130, and 65/230.") == ["see", "a/74/130", "and", "65/230"]


@given(st.text())
def test_any_text_reads(text: str) -> None:
    plain = cue_text(valid_text(text), [])
    assert plain == plain.strip()


FULLWIDTH_QUESTION = "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in "how did Kenya vote")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("How did \U0001f1f0\U0001f1ea vote?", "How did Kenya vote?"),
        ("\U0001f1f5\U0001f1f8 vote?", "State of Palestine vote?"),
        (FULLWIDTH_QUESTION, "how did Kenya vote"),
        ("How did \U0001d40a\U0001d41e\U0001d427\U0001d432\U0001d41a vote?", "How did Kenya vote?"),
        ("\u202eHow did France vote\u202c", "How did France vote"),
        ("How did Kenya vote? #2030", "How did Kenya vote?"),
        ("#cybercrime how did chad vote", "how did chad vote"),
        ("operative para #3", "operative para 3"),
        ("what is agenda item #107?", "what is agenda item 107?"),
    ],
)
def test_valid_text_reads_flags_compatibility_forms_and_tags(typed: str, read: str) -> None:
    assert valid_text(typed) == read


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("And who's footing the bill?", "who's footing the bill?"),
        ("ok so, and where will it meet", "where will it meet"),
        ("Android apps?", "android apps?"),
    ],
)
def test_a_chat_opening_is_not_searched(question: str, searched: str) -> None:
    assert searchable(question) == searched


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("who voted no @everyone", "who voted no"),
        ("how did fr\u200bance vote", "how did france vote"),
        (
            "what is [the Malabo Convention](https://evil.example)?",
            "what is the Malabo Convention ?",
        ),
        ("para 10 <@123456> of the report https://x.example/y", "para 10 of the report"),
        ("how did <@&999> <#42> chile vote", "how did chile vote"),
    ],
)
def test_chat_markup_and_invisible_marks_are_not_read(raw: str, read: str) -> None:
    assert valid_text(raw) == read
