"""Shared wording for structured answers: how a source is cited and how lists are written."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from index.answers import Answer, AnswerKind, Source, VoteEntry
from index.library import Library, document_title, vote_title
from index.records import Document, Position
from index.vote_view import Stage, VoteView

EXCERPT_CHARS = 240
NO_VOTE = "The report records no vote."

VoteBlock = tuple[list[str], list[VoteEntry], list[str]]
"""An answer block's lines, the votes it names and the paragraphs it cites beyond the vote."""

Chosen = VoteView | str
"""A vote an answer is about, or the line that says why a document has none to answer from."""

POSITION_PHRASES: dict[Position, str] = {
    Position.IN_FAVOUR: "voted **in favour**",
    Position.AGAINST: "voted **against**",
    Position.ABSTAINING: "**abstained**",
    Position.ABSENT: "**did not vote** (it is in none of the three lists)",
    Position.NOT_MEMBER: "is **not a Member State** and does not vote",
    Position.NOT_RECORDED: "has **no vote recorded** in the voting data",
}

SHORT_WORDS: dict[Position, str] = {
    Position.IN_FAVOUR: "in favour",
    Position.AGAINST: "against",
    Position.ABSTAINING: "abstaining",
    Position.ABSENT: "did not vote",
    Position.NOT_RECORDED: "not recorded",
}
"""A position in a list or a change: "in favour → against"."""

POSITION_HEADINGS: dict[Position, str] = {
    Position.IN_FAVOUR: "In favour",
    Position.AGAINST: "Against",
    Position.ABSTAINING: "Abstaining",
    Position.ABSENT: "Did not vote",
    Position.NOT_MEMBER: "Not a Member State",
    Position.NOT_RECORDED: "Not recorded",
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


def vote_heading(view: VoteView) -> str:
    """The line that says which document and which vote an answer comes from; for voting
    data, whose data it is."""
    stated = view.stated
    outcome = "adopted" if view.adopted else "rejected"
    counts = (
        f"{stated.in_favour} in favour, {stated.against} against, {stated.abstaining} abstaining"
    )
    record = view.record
    if record is None:
        named = f" {document_title(view.report)}." if view.report is not None else ""
        return f"*{view.title}: {outcome}, {counts}.{named}*"
    silent = len(view.roster(view.silent))
    source = (
        "This vote is not in the report: it comes from the voting data of"
        if view.report is not None
        else "Voting data:"
    )
    return (
        f"*{view.title}: {outcome}, {counts}, {silent} not recorded. “{record.title}”. "
        f"{source} {data_citation(view)}.*"
    )


def data_citation(view: VoteView) -> str:
    record = view.record
    if record is None:
        return ""
    licence = f" ({record.origin.licence})" if record.origin.licence else ""
    return f"{record.origin.citation}{licence}"


def caveat(view: VoteView) -> str | None:
    """What "not recorded" means in this vote's data, said where an answer uses it."""
    if view.record is None:
        return None
    return view.record.origin.caveat or (
        "“Not recorded”: the voting data holds no vote for the State and does not say why."
    )


def view_sources(view: VoteView, paragraph_ids: Iterable[str] = ()) -> list[Source]:
    """What an answer from ``view`` cites: the report's vote paragraph, or the voting data,
    and the report's paragraphs the answer also relies on."""
    report = view.report
    cited = sources(report, paragraph_ids) if report is not None else []
    record = view.record
    if record is None:
        vote = report.vote if report is not None else None
        return sources(report, [vote.paragraph_id, *paragraph_ids]) if report and vote else cited
    data = Source(
        document=view.key,
        label=f"voting data for {record.resolution}",
        text=excerpt(f"{data_citation(view)}. {caveat(view)}"),
        score=1.0,
    )
    return [data, *cited]


def choose_votes(
    library: Library,
    documents: Sequence[Document],
    stages: Sequence[Stage],
    ids: Sequence[str] = (),
) -> list[Chosen]:
    """The votes an answer is computed from, document by document and in ``stages`` order,
    then the plenary votes no report knows that ``ids`` names; a document without the vote
    asked for gives the line that says so."""
    chosen: list[Chosen] = []
    for document in documents:
        committee = library.committee(document)
        if committee is None:
            chosen.append(f"{NO_VOTE}\n{document_line(document)}")
            continue
        for stage in stages:
            if stage is Stage.COMMITTEE:
                chosen.append(committee)
                continue
            plenary = library.plenary(document)
            chosen.append(plenary if plenary is not None else no_plenary(document))
    if Stage.PLENARY in stages and ids:
        chosen += library.standalone(ids)
    return chosen


def no_plenary(document: Document) -> str:
    """The honest limit for a report whose plenary vote no voting data gives."""
    vote = document.vote
    recorded = (
        f"the vote it records is {vote_title(vote)} ({vote.stated.in_favour} in favour, "
        f"{vote.stated.against} against, {vote.stated.abstaining} abstentions)"
        if vote is not None
        else "it records no vote"
    )
    return (
        "The report does not record the General Assembly's plenary vote, and no voting data "
        f"for the resolution it recommended is loaded: {recorded}.\n{document_line(document)}"
    )


def per_vote(
    question: str,
    kind: AnswerKind,
    votes: Sequence[Chosen],
    block: Callable[[VoteView], VoteBlock],
) -> Answer:
    """One block per vote, each closed by the line naming its vote and citing it; a
    document without the vote says so, and the answer counts as answered if any vote was."""
    blocks: list[str] = []
    entries: list[VoteEntry] = []
    cited: list[Source] = []
    answered = False
    for view in votes:
        if isinstance(view, str):
            blocks.append(view)
            continue
        lines, named, ids = block(view)
        answered = True
        cited += view_sources(view, ids)
        entries += named
        blocks.append("\n".join([*lines, vote_heading(view)]))
    return Answer(
        question=question,
        kind=kind,
        answered=answered,
        text="\n\n".join(blocks),
        votes=entries,
        sources=distinct(cited),
    )


def distinct(cited: Iterable[Source]) -> list[Source]:
    """Sources in order, each once."""
    seen: dict[tuple[str, str], Source] = {}
    for source in cited:
        seen.setdefault((source.document, source.label), source)
    return list(seen.values())


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


def vote_entries(names: Sequence[str], view: VoteView) -> list[VoteEntry]:
    return [
        VoteEntry(
            country=name,
            position=view.position(name),
            note=view.notes.get(name),
            document=view.key,
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
