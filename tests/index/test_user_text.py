"""User text: refused when it cannot be read, defused whenever an answer repeats it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.answers import Answer, AnswerKind
from index.user_text import (
    QUOTE_LIMIT,
    UNREADABLE,
    checked_text,
    fits,
    is_readable,
    quote_user_text,
    readable,
)

PHISHING = "[Verify your account](https://evil.example/login)"
LIVE_WHEN_PASTED = re.compile(r"<@[!&]?\d+>|<#\d+>|@everyone|@here|\w://", re.IGNORECASE)
MARKDOWN_SPECIALS = set("\\*_~`|[]()<>#")


def rendered(markdown: str) -> str:
    """What a reader sees (and can copy) once Discord has applied the backslash escapes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def unescaped_specials(markdown: str) -> list[str]:
    """Markdown characters that a renderer would read as syntax rather than as text."""
    found: list[str] = []
    escaped = False
    for char in markdown:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in MARKDOWN_SPECIALS:
            found.append(char)
    return found


def test_a_masked_link_is_shown_as_text_not_rendered() -> None:
    quoted = quote_user_text(PHISHING)
    assert quoted == "\\[Verify your account\\]\\(https:\u200b//evil.example/login\\)"
    assert not unescaped_specials(quoted) and not LIVE_WHEN_PASTED.search(rendered(quoted))


@pytest.mark.parametrize("markup", ["<@123>", "<@!123>", "<@&456>", "<#789>", "@everyone", "@here"])
def test_mentions_do_not_survive_a_copy_and_paste(markup: str) -> None:
    seen = rendered(quote_user_text(f"Kenya {markup} please"))
    assert not LIVE_WHEN_PASTED.search(seen)
    assert seen.replace("\u200b", "") == f"Kenya {markup} please", "still legible"


def test_emphasis_spoilers_and_code_are_escaped() -> None:
    assert quote_user_text("**bold** ||spoiler|| `code` ~~gone~~ __under__") == (
        "\\*\\*bold\\*\\* \\|\\|spoiler\\|\\| \\`code\\` \\~\\~gone\\~\\~ \\_\\_under\\_\\_"
    )


def test_quotes_are_one_line_and_bounded() -> None:
    quoted = quote_user_text("line one\n# heading\n> quote " + "x" * 500)
    assert "\n" not in quoted
    assert len(rendered(quoted)) <= QUOTE_LIMIT and quoted.endswith("…")


def test_lone_surrogates_are_unreadable_and_replaced_when_echoed() -> None:
    broken = "How did \udcff vote?"
    assert not is_readable(broken) and is_readable("Côte d'Ivoire 🇨🇮")
    assert readable(broken) == "How did \ufffd vote?"
    assert "\udcff" not in quote_user_text(broken)
    assert fits("Kenya", 10) and not fits("Kenya", 4) and not fits(broken, 100)


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=200))
def test_no_quoted_text_carries_live_markup_or_bad_characters(text: str) -> None:
    quoted = quote_user_text(text)
    seen = rendered(quoted)
    assert is_readable(quoted) and "\n" not in quoted
    assert len(seen) <= QUOTE_LIMIT
    assert not unescaped_specials(quoted) and not LIVE_WHEN_PASTED.search(seen)


class _Echo:
    @checked_text(AnswerKind.VOTE, limit=10, blank="Which one?")
    def answer(self, text: str) -> Answer:
        return Answer(question=text, kind=AnswerKind.VOTE, answered=True, text=f"got {text}")

    @checked_text(AnswerKind.SPONSORS, limit=10)
    def optional(self, text: str | None = None) -> Answer:
        return Answer(question="x", kind=AnswerKind.SPONSORS, answered=True, text=str(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\udcff", UNREADABLE),
        ("x" * 11, "That is 11 characters long; the limit here is 10."),
        ("  ", "Which one?"),
    ],
)
def test_checked_methods_refuse_in_one_line(text: str, expected: str) -> None:
    answer = _Echo().answer(text)
    assert (answer.kind, answer.answered, answer.text) == (AnswerKind.VOTE, False, expected)
    assert is_readable(answer.question)
    assert _Echo().answer(text=text).text == expected, "keyword arguments are checked too"


def test_checked_methods_pass_fine_and_absent_text_through() -> None:
    assert _Echo().answer("Kenya").text == "got Kenya"
    assert _Echo().optional().text == "None"
    assert _Echo().optional("  ").text == "  ", "blank is only refused when asked for"


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("- pwn", "\\- pwn"),
        ("\r+ pwn", "\\+ pwn"),
        ("12. pwn", "12\\. pwn"),
        ("-# pwn", "-\\# pwn"),
        ("1.5 million - or more", "1.5 million - or more"),
        ("-5 degrees", "-5 degrees"),
    ],
)
def test_a_quote_that_opens_a_line_is_no_list_item(typed: str, quoted: str) -> None:
    """An embed's title is the question quoted: it must not start a bullet or a numbered list."""
    assert quote_user_text(typed) == quoted
    assert rendered(quote_user_text(typed)) == " ".join(typed.split())
