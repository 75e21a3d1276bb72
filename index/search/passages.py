"""What gets embedded and indexed for each paragraph, in variants the evaluation compares.

Measured with all-MiniLM-L6-v2 (eval/evaluate.py): prefixing every paragraph with the
document title, section and label *lowers* dense recall, because the shared heading dominates
the mean-pooled vector of short paragraphs. The default therefore embeds the bare paragraph
plus each of its sentences (a long paragraph is found by its most relevant sentence), while
the context a reader needs (label and footnotes resolved inline: operative paragraph 1
names report "A/74/130" only in its footnote) goes into the BM25 text, where exact terms count.
Section headings stay out of it: "II. Consideration of draft resolutions A/C.3/74/L.11 and
A/C.3/74/L.11/Rev.1" would make every paragraph of that section match those symbols.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from index.records import Document, Paragraph, Part


class TextVariant(StrEnum):
    """How a paragraph becomes one or more embedded texts."""

    PARAGRAPH = "paragraph"
    PARAGRAPH_WITH_CONTEXT = "paragraph+context"
    SENTENCES = "paragraph+sentences"
    SENTENCES_WITH_CONTEXT = "paragraph+sentences+context"


DEFAULT_VARIANT = TextVariant.SENTENCES

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[*“\"(\[A-Z0-9])")
_ABBREVIATION_END = re.compile(
    r"\b(?:para|paras|Mr|Mrs|Ms|Dr|No|Nos|chap|sect|art|vol|e\.g|i\.e|cf|St)\.$"
)


@dataclass(frozen=True, slots=True)
class IndexedParagraph:
    """A paragraph ready to index: its embedded units, the sentences an answer may quote and
    the text BM25 sees."""

    paragraph: Paragraph
    units: tuple[str, ...]
    sentences: tuple[str, ...]
    lexical_text: str
    sha256: str

    @property
    def sentence_units(self) -> tuple[int, ...]:
        """Which unit embeds each sentence: the whole paragraph when it is one sentence, none
        when the variant embeds paragraphs only (quotes are then chosen by their words)."""
        if len(self.sentences) == 1:
            return (0,)
        if len(self.units) == len(self.sentences) + 1:
            return tuple(range(1, len(self.units)))
        return ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.paragraph.document, self.paragraph.id)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking at "para. 13" or "Mr. Jabbar"."""
    sentences: list[str] = []
    for piece in _SENTENCE_BREAK.split(text.strip()):
        if sentences and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        elif piece:
            sentences.append(piece)
    return sentences


def paragraph_body(paragraph: Paragraph) -> str:
    """The paragraph as printed: its italic lead (if split off by the parser) and its text."""
    text = paragraph.text.strip()
    lead = (paragraph.lead or "").strip()
    if lead and not text.lower().startswith(lead.lower()):
        return f"{lead} {text}"
    return text


def footnotes_inline(paragraph: Paragraph) -> str:
    return " ".join(
        f"(Footnote {note.number}: {note.text.strip()})" for note in paragraph.footnotes
    )


def context_header(paragraph: Paragraph, document: Document) -> str:
    """Where the paragraph sits, in the words a question would use."""
    if paragraph.part is Part.REPORT:
        where = f"Report of the Third Committee: {document.meta.title}"
    else:
        draft = document.drafts[-1] if document.drafts else "the draft resolution"
        where = f"Draft resolution {draft}: {document.resolution_title}"
    section = f" - {paragraph.section}" if paragraph.section else ""
    return f"{where}{section} - {paragraph.label}."


def embedded_units(paragraph: Paragraph, document: Document, variant: TextVariant) -> list[str]:
    """The texts embedded for one paragraph: the paragraph, then each sentence if several."""
    body = paragraph_body(paragraph)
    with_context = variant in (
        TextVariant.PARAGRAPH_WITH_CONTEXT,
        TextVariant.SENTENCES_WITH_CONTEXT,
    )
    prefix = f"{context_header(paragraph, document)} " if with_context else ""
    notes = footnotes_inline(paragraph) if with_context else ""
    texts = [body]
    if variant in (TextVariant.SENTENCES, TextVariant.SENTENCES_WITH_CONTEXT):
        sentences = split_sentences(body)
        texts += sentences if len(sentences) > 1 else []
    return [f"{prefix}{text} {notes}".strip() for text in texts]


def paragraph_sha256(paragraph: Paragraph) -> str:
    """Content hash used by the manifest and the reindex report to spot changed paragraphs."""
    return hashlib.sha256(paragraph.model_dump_json().encode("utf-8")).hexdigest()


def index_paragraphs(
    documents: Sequence[Document], variant: TextVariant = DEFAULT_VARIANT
) -> list[IndexedParagraph]:
    """Every paragraph of every document, in a stable order, with its texts to index."""
    indexed: list[IndexedParagraph] = []
    for document in documents:
        for paragraph in document.paragraphs:
            body = paragraph_body(paragraph)
            sentences = split_sentences(body) or [body]
            units = embedded_units(paragraph, document, variant)
            lexical = f"{paragraph.label} {body}"
            indexed.append(
                IndexedParagraph(
                    paragraph=paragraph,
                    units=tuple(units),
                    sentences=tuple(sentences),
                    lexical_text=f"{lexical} {footnotes_inline(paragraph)}".strip(),
                    sha256=paragraph_sha256(paragraph),
                )
            )
    return indexed
