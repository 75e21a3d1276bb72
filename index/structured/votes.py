"""Vote answers: one country's position, the tally, and the roster for a position."""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import Answer, AnswerKind, Illustration, IllustrationKind, VoteEntry
from index.countries import Resolution, ResolutionStatus
from index.library import Library
from index.records import Document, Position, RecordedVote
from index.structured.citing import (
    NO_VOTE,
    POSITION_HEADINGS,
    POSITION_PHRASES,
    VoteBlock,
    cited_sources,
    document_line,
    join_names,
    per_vote,
    vote_heading,
)
from index.structured.proceedings import sponsor_phrase, statement_phrase
from index.user_text import quote_user_text

NO_REASONS = (
    "The report records how delegations voted, not why: explanations of vote are given in the "
    "Committee's summary records, which the report cites."
)


def answer_vote(
    library: Library,
    question: str,
    documents: Sequence[Document],
    countries: Sequence[Resolution],
    asked: Sequence[Position] = (),
    *,
    why: bool = False,
) -> Answer:
    """How each named country voted, per document, with its sponsorship and statements.

    A "why" question gets the facts and a plain word that the report records votes, not
    reasons, rather than a "yes" that would pretend to answer it.
    """
    voting = [c for c in countries if c.status is ResolutionStatus.MEMBER and c.name]
    others = [c for c in countries if c.status is not ResolutionStatus.MEMBER]
    blocks: list[str] = []
    entries: list[VoteEntry] = []
    cited: dict[str, list[str]] = {}
    for document in documents if voting else ():
        vote = document.vote
        if vote is None:
            blocks.append(f"{NO_VOTE}\n{document_line(document)}")
            continue
        lines: list[str] = []
        cited[document.id] = [vote.paragraph_id]
        for country in voting:
            name = country.name or ""
            position = library.position(document, name)
            note = vote.notes.get(name)
            entries.append(
                VoteEntry(country=name, position=position, note=note, document=document.id)
            )
            line, extra_ids = _country_line(
                library, document, country, position, note, () if why else asked
            )
            lines.append(line)
            cited[document.id] += extra_ids
        if why:
            lines.append(NO_REASONS)
        blocks.append("\n".join([*lines, vote_heading(document, vote)]))
    for other in others:
        blocks.append(_other_line(other))
        if other.status in (ResolutionStatus.OBSERVER, ResolutionStatus.NON_MEMBER) and other.name:
            entries += [
                VoteEntry(
                    country=other.name,
                    position=Position.NOT_MEMBER,
                    note=other.description,
                    document=document.id,
                )
                for document in library.voted()
            ]
    answered = bool(entries)
    return Answer(
        question=question,
        kind=AnswerKind.VOTE,
        answered=answered,
        text="\n\n".join(blocks),
        votes=entries,
        sources=cited_sources(documents, cited),
    )


def _country_line(
    library: Library,
    document: Document,
    country: Resolution,
    position: Position,
    note: str | None,
    asked: Sequence[Position],
) -> tuple[str, list[str]]:
    """One country's answer line, and the paragraphs beyond the vote that it cites."""
    name = country.name or ""
    verdict = ""
    if len(asked) != 2:  # "did X abstain or vote yes?" asks which, it is no yes/no question
        verdict = ("**Yes**: " if position in asked else "**No**: ") if asked else ""
    understood = (
        f" (reading “{quote_user_text(country.query)}” as {name})" if country.corrected else ""
    )
    parts = [f"{verdict}**{name}** {POSITION_PHRASES[position]}.{understood}"]
    cited: list[str] = []
    if note:
        parts.append(f"Note: {note}")
    sponsor = library.sponsorship(document, name)
    if sponsor is not None:
        parts.append(f"It was {sponsor_phrase(document, sponsor)}.")
        cited.append(sponsor.paragraph_id)
    for statement in library.statements_by(document, name):
        parts.append(f"{statement_phrase(document, statement, name)}.")
        cited.append(statement.paragraph_id)
    return " ".join(parts), cited


def _other_line(other: Resolution) -> str:
    if other.status is ResolutionStatus.AMBIGUOUS:
        options = join_names(other.candidates, "or")
        return f"“{quote_user_text(other.query)}” could mean {options}: which one?"
    if other.status in (ResolutionStatus.OBSERVER, ResolutionStatus.NON_MEMBER):
        return other.description or f"{other.name} is not a Member State and does not vote."
    hint = f" Did you mean {join_names(other.suggestions[:5], 'or')}?" if other.suggestions else ""
    return f"I do not know a Member State called “{quote_user_text(other.query)}”.{hint}"


def answer_tally(library: Library, question: str, documents: Sequence[Document]) -> Answer:
    """The result of each document's vote, with who did not vote."""

    def block(document: Document, vote: RecordedVote) -> VoteBlock:
        absent = library.absent(document)
        lines = [
            _result_sentence(vote),
            f"**{len(absent)}** Member States did not vote: {join_names(absent)}.",
        ]
        return lines, [], []

    answer = per_vote(question, AnswerKind.TALLY, documents, block)
    voted = [document.id for document in documents if document.vote is not None]
    if not voted:
        return answer
    return answer.model_copy(
        update={"illustration": Illustration(kind=IllustrationKind.MAP, document=voted[0])}
    )


def _result_sentence(vote: RecordedVote) -> str:
    outcome = "**adopted**" if vote.adopted else "**rejected**"
    return (
        f"Draft resolution {vote.subject} was {outcome} by a recorded vote of "
        f"**{vote.stated.in_favour}** in favour to **{vote.stated.against}** against, "
        f"with **{vote.stated.abstaining}** abstentions."
    )


def answer_roster(
    library: Library,
    question: str,
    documents: Sequence[Document],
    asked: Sequence[Position] = (),
) -> Answer:
    """The full list of countries for the positions asked (or for every position)."""
    positions = list(asked) or [p for p in Position if p is not Position.NOT_MEMBER]

    def block(document: Document, vote: RecordedVote) -> VoteBlock:
        listed: list[str] = []
        named: list[VoteEntry] = []
        for current in positions:
            names = library.roster(document, current)
            listed.append(
                f"**{POSITION_HEADINGS[current]}** ({len(names)}): {join_names(names) or 'none'}."
            )
            named += [
                VoteEntry(
                    country=name, position=current, note=vote.notes.get(name), document=document.id
                )
                for name in names
            ]
        if Position.ABSENT in positions:
            listed.append("“Did not vote” = 2019 Member States recorded in none of the lists.")
        return listed, named, []

    return per_vote(question, AnswerKind.ROSTER, documents, block)
