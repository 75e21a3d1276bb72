"""Footnotes asked for by number: "what does footnote 2 of the draft resolution say?".

People read the printed document and ask about what they see there, footnote marks included.
The report and its draft resolution number their footnotes separately, so "footnote 1" alone
may be either; both are then given rather than a "which one?" that costs a round trip.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import Answer, AnswerKind, Source
from index.query import ParagraphRef
from index.records import Document, Footnote, Paragraph, Part
from index.structured.citing import document_line, excerpt, join_names


def answer_footnote(question: str, documents: Sequence[Document], ref: ParagraphRef) -> Answer:
    """The footnote's text, with the paragraph that carries its mark."""
    found = [
        (document, paragraph, note)
        for document in documents
        for paragraph in document.paragraphs
        for note in paragraph.footnotes
        if note.number == ref.number and _in_part(paragraph, ref)
    ]
    if not found:
        ranges = "; ".join(_numbering(document) for document in documents)
        return Answer(
            question=question,
            kind=AnswerKind.PARAGRAPH,
            answered=False,
            text=f"There is no footnote {ref.number} {_where(ref)}. {ranges}.",
        )
    blocks = [_show(document, paragraph, note) for document, paragraph, note in found]
    return Answer(
        question=question,
        kind=AnswerKind.PARAGRAPH,
        answered=True,
        text="\n\n".join(blocks),
        sources=[Source(document=d.id, label=p.label, text=p.text, score=1.0) for d, p, _ in found],
    )


def _in_part(paragraph: Paragraph, ref: ParagraphRef) -> bool:
    if ref.part is None:
        return True
    return (paragraph.part is Part.REPORT) == (ref.part is Part.REPORT)


def _where(ref: ParagraphRef) -> str:
    if ref.part is None:
        return "in the document"
    return "in the report" if ref.part is Part.REPORT else "in the draft resolution"


def _owner(document: Document, paragraph: Paragraph) -> str:
    if paragraph.part is Part.REPORT:
        return "the report"
    return f"draft resolution {document.drafts[-1]}" if document.drafts else "the resolution"


def _show(document: Document, paragraph: Paragraph, note: Footnote) -> str:
    carrier = _marked_sentence(paragraph, note)
    return "\n".join(
        [
            f"**Footnote {note.number} of {_owner(document, paragraph)}**, marked in "
            f"**{paragraph.label}**: {note.text}",
            f"> {carrier}",
            document_line(document),
        ]
    )


def _marked_sentence(paragraph: Paragraph, note: Footnote) -> str:
    """The words that carry the mark: up to it, from the sentence or clause it ends."""
    text = paragraph.text
    if note.offset is None or not 0 < note.offset <= len(text):
        return excerpt(text)
    before = text[: note.offset]
    start = max(before.rfind(". "), before.rfind("; "), before.rfind(", in which"))
    return excerpt(before[start + 2 :] if start >= 0 else before)


def _numbers(document: Document, *, in_report: bool) -> list[int]:
    return sorted(
        {
            note.number
            for paragraph in document.paragraphs
            if (paragraph.part is Part.REPORT) == in_report
            for note in paragraph.footnotes
        }
    )


def _numbering(document: Document) -> str:
    """Which footnote numbers each part has: the honest answer to a number that is not there."""
    report = _numbers(document, in_report=True)
    resolution = _numbers(document, in_report=False)
    spans = []
    if report:
        spans.append(f"the report has footnotes {join_names(str(n) for n in report)}")
    if resolution:
        spans.append(f"the draft resolution has footnotes {join_names(str(n) for n in resolution)}")
    return (join_names(spans) or "the document has no footnotes").capitalize()
