"""Shared wording for structured answers: how a source is cited and how lists are written."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from index.answers import Answer, AnswerKind, Source, VoteEntry
from index.library import Library, document_title, vote_title
from index.records import Document, Position, RecordedVote

EXCERPT_CHARS = 240
NO_VOTE = "The report records no vote."

VoteBlock = tuple[list[str], list[VoteEntry], list[str]]
"""An answer block's lines, the votes it names and the paragraphs it cites beyond the vote."""

POSITION_PHRASES: dict[Position, str] = {
    Position.IN_FAVOUR: "voted **in favour**",
    Position.AGAINST: "voted **against**",
    Position.ABSTAINING: "**abstained**",
    Position.ABSENT: "**did not vote** (it is in none of the three lists)",
    Position.NOT_MEMBER: "is **not a Member State** and does not vote",
}

POSITION_HEADINGS: dict[Position, str] = {
    Position.IN_FAVOUR: "In favour",
    Position.AGAINST: "Against",
    Position.ABSTAINING: "Abstaining",
    Position.ABSENT: "Did not vote",
    Position.NOT_MEMBER: "Not a Member State",
}


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a paragraph, cut at a word boundary so citations stay short."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut} …"


def cite(document: Document, paragraph_id: str, score: float = 1.0) -> Source | None:
    """A source for an exact answer: the paragraph the record was parsed from."""
    paragraph = Library.paragraph(document, paragraph_id)
    if paragraph is None:
        return None
    return Source(
        document=document.id,
        label=paragraph.label,
        text=excerpt(paragraph.text),
        score=score,
    )


def sources(document: Document, paragraph_ids: Iterable[str]) -> list[Source]:
    """Distinct citations in the order given."""
    cited = (cite(document, paragraph_id) for paragraph_id in dict.fromkeys(paragraph_ids))
    return [source for source in cited if source is not None]


def cited_sources(documents: Iterable[Document], cited: dict[str, list[str]]) -> list[Source]:
    """Citations for answers that span documents: ``cited`` maps document id to paragraph ids."""
    return [source for d in documents for source in sources(d, cited.get(d.id, []))]


def vote_heading(document: Document, vote: RecordedVote) -> str:
    """The line that says which document and which vote an answer comes from."""
    outcome = "adopted" if vote.adopted else "rejected"
    counts = (
        f"{vote.stated.in_favour} in favour, {vote.stated.against} against, "
        f"{vote.stated.abstaining} abstaining"
    )
    return f"*{vote_title(vote)}: {outcome}, {counts}. {document_title(document)}.*"


def per_vote(
    question: str,
    kind: AnswerKind,
    documents: Sequence[Document],
    block: Callable[[Document, RecordedVote], VoteBlock],
) -> Answer:
    """One block per document, each closed by the line naming its vote and citing it; a
    document without a vote says so, and the answer counts as answered if any vote was."""
    blocks: list[str] = []
    entries: list[VoteEntry] = []
    cited: dict[str, list[str]] = {}
    for document in documents:
        vote = document.vote
        if vote is None:
            blocks.append(f"{NO_VOTE}\n{document_line(document)}")
            continue
        lines, votes, ids = block(document, vote)
        cited[document.id] = [vote.paragraph_id, *ids]
        entries += votes
        blocks.append("\n".join([*lines, vote_heading(document, vote)]))
    return Answer(
        question=question,
        kind=kind,
        answered=bool(cited),
        text="\n\n".join(blocks),
        votes=entries,
        sources=cited_sources(documents, cited),
    )


def document_line(document: Document) -> str:
    """The closing line of an answer: the document, and the vote it records, so an answer is
    never taken for one about the later plenary vote."""
    if document.vote is None:
        return f"*{document_title(document)}.*"
    return f"*{document_title(document)}; the vote it records: {vote_title(document.vote)}.*"


def join_names(names: Iterable[str], conjunction: str = "and") -> str:
    """Names as a reader expects them in running text: "A, B and C"."""
    listed = list(names)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} {conjunction} {listed[-1]}"


def vote_entries(
    names: Sequence[str], document: Document, vote: RecordedVote, library: Library
) -> list[VoteEntry]:
    return [
        VoteEntry(
            country=name,
            position=library.position(document, name),
            note=vote.notes.get(name),
            document=document.id,
        )
        for name in names
    ]


def with_quotation(answer: Answer, documents: Sequence[Document]) -> Answer:
    """``answer`` with the first paragraph it cites quoted in full, for a user who asked for
    the document's own words; nothing changes when the answer already quotes all of it."""
    if not answer.answered or not answer.sources:
        return answer
    cited = answer.sources[0]
    paragraph = next(
        (
            p
            for d in documents
            if d.id == cited.document
            for p in d.paragraphs
            if p.label == cited.label
        ),
        None,
    )
    if paragraph is None or paragraph.text in answer.text:
        return answer
    notes = "".join(f"\n> [{note.number}] {note.text}" for note in paragraph.footnotes)
    quoted = f"{paragraph.label[:1].upper()}{paragraph.label[1:]}, in full:\n> {paragraph.text}"
    return answer.model_copy(update={"text": f"{answer.text}\n\n{quoted}{notes}"})
