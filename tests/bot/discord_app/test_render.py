"""Rendering answers into embeds that never exceed Discord's limits."""

from __future__ import annotations

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord_app.render import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    PAGE_FIELDS,
    PAGE_TEXT,
    POSITION_COLOURS,
    TITLE_LIMIT,
    colour_for,
    render_answer,
    split_text,
)
from index.answers import Answer, AnswerKind, Source, VoteEntry
from index.records import Position

DOC = "third-committee-report-ict-criminal-purposes-2019"


def within_limits(embed: discord.Embed) -> bool:
    data = embed.to_dict()
    return (
        len(data.get("title", "")) <= TITLE_LIMIT
        and len(data.get("description", "")) <= DESCRIPTION_LIMIT
        and len(data.get("fields", [])) <= FIELD_COUNT_LIMIT
        and all(
            0 < len(f["name"]) <= FIELD_NAME_LIMIT and 0 < len(f["value"]) <= FIELD_VALUE_LIMIT
            for f in data.get("fields", [])
        )
        and len(embed) <= EMBED_TOTAL_LIMIT
    )


def answer(text: str, *, sources: int = 0, question: str = "How did Kenya vote?") -> Answer:
    return Answer(
        question=question,
        kind=AnswerKind.PASSAGE,
        answered=True,
        text=text,
        sources=[
            Source(document=DOC, label=f"operative paragraph {n}", text="x " * 900, score=0.5)
            for n in range(sources)
        ],
    )


def test_split_text_prefers_paragraph_breaks() -> None:
    text = "first paragraph here\n\nsecond paragraph"
    assert split_text(text, 25) == ["first paragraph here", "second paragraph"]


def test_split_text_cuts_an_overlong_word() -> None:
    assert split_text("a" * 10, 4) == ["aaaa", "aaaa", "aa"]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=3000), st.integers(min_value=5, max_value=500))
def test_split_text_respects_the_limit_and_keeps_every_word(text: str, limit: int) -> None:
    chunks = split_text(text, limit)
    assert all(0 < len(chunk) <= limit for chunk in chunks)
    assert "".join("".join(chunks).split()) == "".join(text.split())


def test_short_answer_is_one_embed_with_cited_fields_and_footer() -> None:
    (embed,) = render_answer(answer("Yes.", sources=2), {DOC: "Report — recorded vote"})
    data = embed.to_dict()
    assert data["description"] == "Yes."
    assert [f["name"] for f in data["fields"]] == [
        "operative paragraph 0 · 0.50",
        "operative paragraph 1 · 0.50",
    ]
    assert len(data["fields"][0]["value"]) <= 300
    assert data["footer"]["text"] == "Report — recorded vote"


@settings(max_examples=60, deadline=None)
@given(
    st.text(min_size=0, max_size=20_000),
    st.integers(min_value=0, max_value=60),
    st.text(min_size=0, max_size=600),
)
def test_any_answer_renders_within_every_limit(text: str, sources: int, question: str) -> None:
    pages = render_answer(answer(text, sources=sources, question=question))
    assert pages and all(within_limits(page) for page in pages)
    assert sum(len(page.fields) for page in pages) == sources
    for page in pages:
        assert len(page.description or "") <= PAGE_TEXT and len(page.fields) <= PAGE_FIELDS


def test_long_answers_are_numbered_pages() -> None:
    pages = render_answer(answer("word " * 3000, sources=30))
    assert len(pages) > 2
    footers = [page.footer.text or "" for page in pages]
    assert footers[0].endswith(f"page 1/{len(pages)}")


def test_vote_colour_follows_position() -> None:
    for position, colour in POSITION_COLOURS.items():
        vote = Answer(
            question="q",
            kind=AnswerKind.VOTE,
            answered=True,
            text="t",
            votes=[VoteEntry(country="Kenya", position=position, document=DOC)],
        )
        assert colour_for(vote) == colour
    mixed = vote.model_copy(
        update={
            "votes": [
                VoteEntry(country="Kenya", position=Position.IN_FAVOUR, document=DOC),
                VoteEntry(country="France", position=Position.AGAINST, document=DOC),
            ]
        }
    )
    assert colour_for(mixed) not in POSITION_COLOURS.values()


def test_the_question_in_the_title_renders_no_link_and_no_mention() -> None:
    question = "[Verify your account](https://evil.example/login) <@123> @everyone"
    (page,) = render_answer(answer("text", question=question))
    assert page.title == (
        "\\[Verify your account\\]\\(https:\u200b//evil.example/login\\) "
        "\\<@\u200b123\\> @\u200beveryone"
    )


def test_a_title_of_markdown_characters_still_fits_once_escaped() -> None:
    (page,) = render_answer(answer("text", question="*_" * 300))
    assert page.title is not None and len(page.title) <= TITLE_LIMIT
    assert page.title.endswith("…") and "\\*\\_" in page.title
