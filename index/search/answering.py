"""Turn retrieved paragraphs into a cited, extractive answer, or an honest refusal.

Answers only quote the document: the best sentences of the best paragraph, with its label
and document, so a reader can check every word against the source.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import Answer, AnswerKind, Source
from index.records import Document, Paragraph, Part
from index.search.models import Hit
from index.structured.citing import document_line

EXCERPT_CHARS = 240
MAX_SOURCES = 3

EXAMPLE_QUESTIONS = (
    "What does the resolution decide?",
    "When does the ad hoc committee meet?",
    "Who pays for delegates from developing countries?",
    "How did France vote?",
    "Which report of the Secretary-General did the Committee have before it?",
)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def where(paragraph: Paragraph, document: Document | None) -> str:
    """Name the paragraph's place: "operative paragraph 5 of draft resolution …"."""
    if document is None:
        return f"{paragraph.label} of document {paragraph.document}"
    if paragraph.part is Part.REPORT:
        return paragraph.label
    draft = document.drafts[-1] if document.drafts else "the draft resolution"
    return f"{paragraph.label} of draft resolution {draft}"


def passage_answer(
    question: str,
    hits: Sequence[Hit],
    documents: dict[str, Document],
    min_dense: float,
    *,
    weak: bool = False,
    lacking: str | None = None,
) -> Answer:
    """Quote the first hit's chosen sentences; cite it and the other hits that are on topic;
    close, like every answer, with the document and the vote it records.

    ``weak`` (the best match is not close) or ``lacking`` (what the question asks for and the
    quote fails to give: "gives no number for it") turn the answer into the closest passage, said
    plainly not to answer, with ``answered`` false.
    """
    best = hits[0]
    quoted = best.quote or (best.paragraph.text,)
    document = documents.get(best.paragraph.document)
    quote = "\n> ".join(quoted)
    place = where(best.paragraph, document)
    if lacking is not None:
        opening = (
            f"The document does not say. The closest passage, **{place}**, {lacking} and "
            f"may not answer the question:"
        )
    elif weak:
        opening = (
            f"The document does not say this in so many words; the closest passage, "
            f"**{place}**, may not answer the question:"
        )
    else:
        opening = f"According to **{place}**:"
    text = f"{opening}\n\n> {quote}"
    related = [
        hit for hit in hits[1:MAX_SOURCES] if hit.dense >= min_dense or hit.score >= best.score
    ]
    if related:
        text += "\n\nSee also " + ", ".join(hit.paragraph.label for hit in related) + "."
    if document is not None:
        text += f"\n{document_line(document)}"
    sources = [_source(best, " ".join(quoted))]
    sources += [_source(hit, hit.paragraph.text) for hit in related]
    return Answer(
        question=question,
        kind=AnswerKind.PASSAGE,
        answered=not weak and lacking is None,
        text=text,
        sources=sources,
    )


def _source(hit: Hit, text: str) -> Source:
    return Source(
        document=hit.paragraph.document,
        label=hit.paragraph.label,
        text=excerpt(text),
        score=round(hit.score, 4),
    )


NO_PASSAGES = (
    "I cannot search the documents' text here right now (the search model is not available), "
    "so I cannot quote a passage; questions about votes, sponsors, statements and paragraphs "
    "still work"
)
"""The refusal of passage answers while the embedding model cannot be found."""


def refusal(question: str, documents: Sequence[Document], reason: str | None = None) -> Answer:
    """Say what the bot covers and how to ask, rather than presenting an unrelated paragraph."""
    if documents:
        topics = "; ".join(
            f"“{doc.meta.title}” ({doc.meta.body}, {doc.meta.session})"
            + (f" and its draft resolution {doc.drafts[-1]}" if doc.drafts else "")
            for doc in documents
        )
    else:
        topics = "the Third Committee report on countering the use of ICT for criminal purposes"
    opening = reason or "I could not find an answer to that in the documents I know"
    examples = "\n".join(f"- {example}" for example in EXAMPLE_QUESTIONS)
    text = (
        f"{opening}. I answer questions about {topics}: what it decides, who voted how, "
        f"who sponsored it, who spoke and when. For example:\n{examples}"
    )
    return Answer(question=question, kind=AnswerKind.NO_ANSWER, answered=False, text=text)
