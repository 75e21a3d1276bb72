"""What gets embedded and indexed for each paragraph, in variants the evaluation compares.

Measured with all-MiniLM-L6-v2 (eval/evaluate.py): prefixing every paragraph with the
document title, section and label *lowers* dense recall, because the shared heading dominates
the mean-pooled vector of short paragraphs. The default therefore embeds the bare paragraph
plus each of its sentences (a long paragraph is found by its most relevant sentence), while
the context a reader needs (label and footnotes resolved inline: operative paragraph 1
names report "A/74/130" only in its footnote) goes into the BM25 text, where exact terms count.
Section headings stay out of it: "II. Consideration of draft resolutions A/C.3/74/L.11 and
A/C.3/74/L.11/Rev.1" would make every paragraph of that section match those symbols. A
resolution paragraph's BM25 text does carry the subject it is printed under ("The General
Assembly, ... Decides to examine the question"): "when does the GA come back to this?" asks
about operative paragraph 6, whose words never name the Assembly, and not about the report
paragraph that happens to.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from index.records import Document, Footnote, Paragraph, Part


class TextVariant(StrEnum):
    """How a paragraph becomes one or more embedded texts."""

    PARAGRAPH = "paragraph"
    PARAGRAPH_WITH_CONTEXT = "paragraph+context"
    SENTENCES = "paragraph+sentences"
    SENTENCES_WITH_CONTEXT = "paragraph+sentences+context"


DEFAULT_VARIANT = TextVariant.SENTENCES

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[*“\"(\[A-Z0-9])|\s*\n\s*")
"""A sentence ends at a full stop before a capital, or at a line break: a vote's lists are
printed one a line under "The voting was as follows:"."""
_ABBREVIATION_END = re.compile(
    r"\b(?:para|paras|Mr|Mrs|Ms|Dr|No|Nos|chap|sect|art|vol|e\.g|i\.e|cf|St)\.$"
)


_RESOLUTION_PARTS = (Part.PREAMBLE, Part.OPERATIVE)

HEADING_ID = "heading"
HEADING_LABEL = "the report's heading"
"""The front matter is citable like a paragraph, under this id and label."""


@dataclass(frozen=True, slots=True)
class IndexedParagraph:
    """A paragraph ready to index: its embedded units, the sentences an answer may quote and
    the text BM25 sees.

    A paragraph's footnotes are quotable sentences of it, after its own: ``anchors`` holds,
    for each footnote sentence, the sentence that carries its mark (``None`` for the
    paragraph's own sentences, or a mark that is not in the prose), so a quote of either
    brings the other.
    """

    paragraph: Paragraph
    units: tuple[str, ...]
    sentences: tuple[str, ...]
    lexical_text: str
    sha256: str
    anchors: tuple[int | None, ...] = ()
    whole: bool = False
    """Quoted whole, never a part of it (the report's heading: a block of short lines)."""

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

    def anchor(self, sentence: int) -> int | None:
        return self.anchors[sentence] if sentence < len(self.anchors) else None

    def notes_of(self, sentence: int) -> list[int]:
        """The footnote sentences whose mark ``sentence`` carries."""
        return [position for position, at in enumerate(self.anchors) if at == sentence]


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


def implied_subject(paragraph: Paragraph, document: Document) -> str:
    """Who speaks in a resolution paragraph: each one continues the opening line "The General
    Assembly," (the body of the report's heading), which its own words never repeat."""
    return document.meta.body if paragraph.part in _RESOLUTION_PARTS else ""


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


def footnote_sentence(note: Footnote) -> str:
    return f"Footnote {note.number}: {note.text.strip()}"


def embedded_units(paragraph: Paragraph, document: Document, variant: TextVariant) -> list[str]:
    """The texts embedded for one paragraph: the paragraph, then each sentence if several
    (its footnotes count as sentences of it). The heading is embedded whole: its lines
    ("Seventy-fourth session") are too short to stand for it, and too close to many
    questions."""
    body = paragraph_body(paragraph)
    with_context = variant in (
        TextVariant.PARAGRAPH_WITH_CONTEXT,
        TextVariant.SENTENCES_WITH_CONTEXT,
    )
    prefix = f"{context_header(paragraph, document)} " if with_context else ""
    notes = footnotes_inline(paragraph) if with_context else ""
    texts = [body]
    if paragraph.id == HEADING_ID:
        return [_heading_own(body, document)]
    if variant in (TextVariant.SENTENCES, TextVariant.SENTENCES_WITH_CONTEXT):
        sentences = [*_own_sentences(paragraph, body), *map(footnote_sentence, paragraph.footnotes)]
        texts += sentences if len(sentences) > 1 else []
    return [f"{prefix}{text} {notes}".strip() for text in texts]


def _heading_own(body: str, document: Document) -> str:
    """The heading without the lines every paragraph shares in spirit (the body, the title):
    indexed with them, it matched any question about the topic ("when does the GA come back
    to this?") for being short."""
    shared = {document.meta.body, document.meta.title}
    return " ".join(line for line in body.splitlines() if line not in shared)


def _own_sentences(paragraph: Paragraph, body: str) -> list[str]:
    if paragraph.id == HEADING_ID:
        return body.splitlines()
    return split_sentences(body) or [body]


def _anchors(paragraph: Paragraph, sentences: Sequence[str]) -> tuple[int | None, ...]:
    """For each sentence: ``None``, or for a footnote the sentence its mark follows."""
    body = paragraph_body(paragraph)
    shift = len(body) - len(paragraph.text.strip())
    starts: list[int] = []
    position = 0
    for sentence in sentences:
        found = body.find(sentence[:40], position)
        starts.append(found if found >= 0 else position)
        position = max(position, found)
    anchors: list[int | None] = [None] * len(sentences)
    for note in paragraph.footnotes:
        if note.offset is None:
            anchors.append(None)
            continue
        mark = note.offset + shift
        anchors.append(max((i for i, start in enumerate(starts) if start < mark), default=None))
    return tuple(anchors)


def heading_paragraph(document: Document) -> Paragraph | None:
    """The report's front matter as a citable passage: "what date is printed on it?",
    "what language was it written in?", "who is the Rapporteur?"."""
    if not document.meta.heading:
        return None
    return Paragraph(
        id=HEADING_ID,
        document=document.id,
        part=Part.REPORT,
        number=0,
        label=HEADING_LABEL,
        section="",
        text="\n".join(document.meta.heading),
    )


def paragraph_sha256(paragraph: Paragraph) -> str:
    """Content hash used by the manifest and the reindex report to spot changed paragraphs."""
    return hashlib.sha256(paragraph.model_dump_json().encode("utf-8")).hexdigest()


def index_paragraphs(
    documents: Sequence[Document], variant: TextVariant = DEFAULT_VARIANT
) -> list[IndexedParagraph]:
    """Every paragraph of every document, its heading first, in a stable order, with its
    texts to index."""
    indexed: list[IndexedParagraph] = []
    for document in documents:
        heading = heading_paragraph(document)
        for paragraph in (*([heading] if heading else []), *document.paragraphs):
            body = paragraph_body(paragraph)
            own = _own_sentences(paragraph, body)
            sentences = [*own, *map(footnote_sentence, paragraph.footnotes)]
            units = embedded_units(paragraph, document, variant)
            indexed_body = _heading_own(body, document) if paragraph is heading else body
            subject = implied_subject(paragraph, document)
            lexical = " ".join(filter(None, (paragraph.label, subject, indexed_body)))
            indexed.append(
                IndexedParagraph(
                    paragraph=paragraph,
                    units=tuple(units),
                    sentences=tuple(sentences),
                    lexical_text=f"{lexical} {footnotes_inline(paragraph)}".strip(),
                    sha256=paragraph_sha256(paragraph),
                    anchors=_anchors(paragraph, own),
                    whole=paragraph.id == HEADING_ID,
                )
            )
    return indexed
