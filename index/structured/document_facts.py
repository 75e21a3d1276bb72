"""Facts about the document itself: metadata, and any paragraph shown by its label."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.answers import Answer, AnswerKind, Source
from index.library import Library, format_date, ordinal
from index.query import MetadataField, ParagraphRef
from index.records import Document, Paragraph, Part
from index.structured.citing import cited_sources, document_line, excerpt, join_names, sources

_PART_RANGES = {
    Part.REPORT: "paragraphs 1–{n} of the report",
    Part.PREAMBLE: "preambular paragraphs 1–{n}",
    Part.OPERATIVE: "operative paragraphs 1–{n}",
}
_PART_LABELS = {
    Part.REPORT: "paragraph {n} of the report",
    Part.PREAMBLE: "preambular paragraph {n}",
    Part.OPERATIVE: "operative paragraph {n}",
}


def answer_metadata(
    question: str, documents: Sequence[Document], field: MetadataField, meeting: int | None = None
) -> Answer:
    if field is MetadataField.PROCEEDINGS and meeting is not None:
        return _proceedings(question, documents, meeting)
    if field is MetadataField.SYMBOL:
        return _symbol(question, documents)
    blocks = [_metadata_block(document, field) for document in documents]
    cited = {
        document.id: ["report-1"] if field is MetadataField.AGENDA_ITEM else _meeting_ids(document)
        for document in documents
        if field in (MetadataField.AGENDA_ITEM, MetadataField.MEETINGS)
    }
    return Answer(
        question=question,
        kind=AnswerKind.METADATA,
        answered=True,
        text="\n\n".join(blocks),
        sources=cited_sources(documents, cited),
    )


_SYMBOL = re.compile(r"^[A-Z]{1,2}/(?:[A-Z]{1,3}\.\d+/)?\d+/(?:[A-Z]+\.)?\d+(?:/\S+)?$")


def _symbol(question: str, documents: Sequence[Document]) -> Answer:
    """The report's own symbol where its printed heading carries one; where it does not,
    saying so, and naming the drafts it does carry."""
    blocks: list[str] = []
    found = False
    for document in documents:
        symbol = next((line for line in document.meta.heading if _SYMBOL.match(line)), None)
        found = found or symbol is not None
        drafts = join_names(document.drafts)
        said = (
            f"The report's symbol is **{symbol}**."
            if symbol
            else "The text of the report does not print its own document symbol; the symbols "
            f"it gives are those of the draft resolutions it considered: {drafts}."
        )
        blocks.append(f"{said}\n{document_line(document)}")
    return Answer(
        question=question,
        kind=AnswerKind.METADATA,
        answered=found,
        text="\n\n".join(blocks),
        sources=[],
    )


def _proceedings(question: str, documents: Sequence[Document], meeting: int) -> Answer:
    """What the report records of one meeting, paragraph by paragraph, quoted."""
    blocks: list[str] = []
    cited: dict[str, list[str]] = {}
    for document in documents:
        told = [p for p in document.paragraphs if p.part is Part.REPORT and p.meeting == meeting]
        date = next((m.date for m in document.meta.meetings if m.number == meeting), None)
        when = f" ({format_date(date)})" if date else ""
        if not told:
            blocks.append(
                f"The report records nothing of a {ordinal(meeting)} meeting.\n"
                f"{document_line(document)}"
            )
            continue
        lines = [f"At its **{ordinal(meeting)} meeting**{when}, the report records:"]
        lines += [f"- **{p.label}**: {excerpt(p.text)}" for p in told]
        cited[document.id] = [p.id for p in told]
        blocks.append("\n".join([*lines, document_line(document)]))
    return Answer(
        question=question,
        kind=AnswerKind.METADATA,
        answered=bool(cited),
        text="\n\n".join(blocks),
        sources=cited_sources(documents, cited),
    )


def _metadata_block(document: Document, field: MetadataField) -> str:
    meta = document.meta
    country = f" ({meta.rapporteur_country})" if meta.rapporteur_country else ""
    dated = format_date(meta.date) if meta.date else "undated"
    lines = {
        MetadataField.RAPPORTEUR: f"The Rapporteur of the Third Committee was **{meta.rapporteur}**"
        f"{country}.",
        MetadataField.DATE: f"The report is dated **{dated}**.",
        MetadataField.AGENDA_ITEM: f"The report is under **agenda item {meta.agenda_item}** of the "
        f"{meta.session.lower()}, “{meta.title}”.",
        MetadataField.SESSION: f"The report belongs to the **{meta.session}** of the {meta.body}.",
        MetadataField.MEETINGS: _meetings_line(document),
        MetadataField.STRUCTURE: _structure_line(document),
    }
    if field is MetadataField.OVERVIEW:
        body = "\n".join(
            [
                f"**{meta.subtitle}**: “{meta.title}”",
                f"{meta.body}, {meta.session}, agenda item {meta.agenda_item}; dated {dated}.",
                f"Rapporteur: {meta.rapporteur}{country}.",
                f"Draft resolutions considered: {join_names(document.drafts)}.",
                _meetings_line(document),
            ]
        )
        return body
    return f"{lines[field]}\n{document_line(document)}"


def _structure_line(document: Document) -> str:
    count = {part: sum(1 for p in document.paragraphs if p.part is part) for part in Part}
    return (
        f"The report has **{count[Part.REPORT]}** numbered paragraphs; its draft resolution "
        f"has **{count[Part.PREAMBLE]}** preambular and **{count[Part.OPERATIVE]}** operative "
        "paragraphs."
    )


def _meetings_line(document: Document) -> str:
    meetings = document.meta.meetings
    if not meetings:
        return "The report does not list the Committee's meetings."
    listed = join_names(
        f"{ordinal(m.number)} ({format_date(m.date)})" if m.date else ordinal(m.number)
        for m in meetings
    )
    records = summary_records(document)
    where = f"; their summary records are {join_names(records.values())}" if records else ""
    count = f"**{len(meetings)}** meeting{'s' if len(meetings) > 1 else ''}"
    return f"The Committee dealt with the item at {count}: its {listed}{where}."


_SUMMARY_RECORD = re.compile(r"A/C\.\d+/\d+/SR\.(\d+)")


def summary_records(document: Document) -> dict[int, str]:
    """Meeting number -> summary record symbol, from the footnotes that cite them."""
    found: dict[int, str] = {}
    for paragraph in document.paragraphs:
        for note in paragraph.footnotes:
            for match in _SUMMARY_RECORD.finditer(note.text):
                found.setdefault(int(match.group(1)), match.group(0))
    return dict(sorted(found.items()))


def _meeting_ids(document: Document) -> list[str]:
    return [p.id for p in document.paragraphs if p.part is Part.REPORT and p.number <= 2]


def answer_paragraph(question: str, documents: Sequence[Document], ref: ParagraphRef) -> Answer:
    """A paragraph by label; a label that fits several parts gets a "which one?" reply."""
    found = [
        (document, paragraph)
        for document in documents
        for paragraph in document.paragraphs
        if paragraph.number == _numbered(document, ref)
        and (ref.part is None or paragraph.part is ref.part)
    ]
    if len(found) == 1 or (found and len({p.part for _, p in found}) == 1):
        return Answer(
            question=question,
            kind=AnswerKind.PARAGRAPH,
            answered=True,
            text="\n\n".join(_show(document, paragraph) for document, paragraph in found),
            sources=[_source(document, paragraph) for document, paragraph in found],
        )
    if found:
        options = join_names(dict.fromkeys(f"“{p.label}”" for _, p in found), "or")
        return Answer(
            question=question,
            kind=AnswerKind.PARAGRAPH,
            answered=False,
            text=f"Which paragraph {ref.number}? Ask for {options}.",
            sources=[_source(document, paragraph) for document, paragraph in found],
        )
    wanted = _PART_LABELS[ref.part].format(n=ref.number) if ref.part else f"paragraph {ref.number}"
    ranges = "; ".join(_ranges(document) for document in documents)
    return Answer(
        question=question,
        kind=AnswerKind.PARAGRAPH,
        answered=False,
        text=f"There is no {wanted}. The document has {ranges}.",
    )


def _numbered(document: Document, ref: ParagraphRef) -> int:
    """The number a reference means in ``document``: "the last" (-1) is the part's highest,
    -2 the one before it, and so on."""
    if ref.number > 0:
        return ref.number
    numbers = sorted(p.number for p in document.paragraphs if ref.part in (None, p.part))
    return numbers[ref.number] if -len(numbers) <= ref.number < 0 else 0


def _show(document: Document, paragraph: Paragraph) -> str:
    heading = f"**{paragraph.label[:1].upper()}{paragraph.label[1:]}** ({paragraph.section})"
    notes = [f"Footnote {f.number}: {f.text}" for f in paragraph.footnotes]
    return "\n".join([heading, paragraph.text, *notes, document_line(document)])


def _source(document: Document, paragraph: Paragraph) -> Source:
    return Source(document=document.id, label=paragraph.label, text=paragraph.text, score=1.0)


def _ranges(document: Document) -> str:
    counts = [
        _PART_RANGES[part].format(n=count)
        for part in Part
        if (count := sum(1 for p in document.paragraphs if p.part is part))
    ]
    return join_names(counts)


def paragraph_labels(library: Library) -> list[str]:
    """Every paragraph label, in document order, for autocomplete."""
    return list(dict.fromkeys(p.label for d in library.documents for p in d.paragraphs))


def answer_resolution(
    question: str, documents: Sequence[Document], *, decisions_only: bool
) -> Answer:
    """The operative part of each draft resolution, or only what it "decides"."""
    blocks: list[str] = []
    cited: list[Source] = []
    for document in documents:
        operative = [p for p in document.paragraphs if p.part is Part.OPERATIVE]
        if decisions_only:
            operative = [p for p in operative if p.lead and "decide" in p.lead.casefold()]
        if not operative:
            continue
        labels = join_names(str(p.number) for p in operative)
        plural = "s" if len(operative) > 1 else ""
        verb = "decides" if decisions_only else "in its operative part"
        lines = [
            f"Draft resolution {document.drafts[-1]}, “{document.resolution_title}”, {verb} "
            f"(operative paragraph{plural} {labels}):"
        ]
        lines += [f"- **{p.number}.** {_lead_in_bold(p)}" for p in operative]
        lines.append(document_line(document))
        blocks.append("\n".join(lines))
        cited += sources(document, [p.id for p in operative])
    return Answer(
        question=question,
        kind=AnswerKind.PARAGRAPH,
        answered=bool(blocks),
        text="\n\n".join(blocks) or "The document has no operative paragraphs.",
        sources=cited,
    )


def _lead_in_bold(paragraph: Paragraph) -> str:
    lead = paragraph.lead
    if lead and paragraph.text.startswith(lead):
        return f"*{lead}*{paragraph.text[len(lead) :]}"
    return paragraph.text
