"""Vote answers: one country's position, the tally, and the roster for a position, in the
Committee's vote, the plenary's, or both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from index.answers import (
    Answer,
    AnswerKind,
    Illustration,
    IllustrationKind,
    Source,
    TrailEntry,
    VoteEntry,
)
from index.countries import Resolution, ResolutionStatus
from index.library import Library
from index.query import Ballot
from index.records import Document, Position
from index.structured.citing import (
    NO_VOTE,
    POSITION_HEADINGS,
    POSITION_PHRASES,
    Chosen,
    VoteBlock,
    caveat,
    distinct,
    document_line,
    join_names,
    no_plenary,
    per_vote,
    view_sources,
    vote_heading,
)
from index.structured.mentions import understood
from index.structured.proceedings import report_facts, report_paragraphs
from index.structured.trail import trail_lines, trail_sentence
from index.user_text import quote_user_text
from index.vote_view import Stage, VoteView, ordinal, resolution_number

NO_REASONS = (
    "The report records how delegations voted, not why: explanations of vote are given in the "
    "Committee's summary records, which the report cites."
)
STAGES = {
    Ballot.COMMITTEE: (Stage.COMMITTEE,),
    Ballot.PLENARY: (Stage.PLENARY,),
    Ballot.BOTH: (Stage.COMMITTEE, Stage.PLENARY),
}


def answer_vote(
    library: Library,
    question: str,
    documents: Sequence[Document],
    countries: Sequence[Resolution],
    asked: Sequence[Position] = (),
    *,
    why: bool = False,
    ballot: Ballot = Ballot.BOTH,
    named: Sequence[str] = (),
) -> Answer:
    """How each named country voted, per document, with its sponsorship and statements.

    Both votes (the default) are given together where the report's plenary vote is known,
    saying whether the State changed position; ``named`` are the ids a question named, for
    plenary votes no report knows. A "why" question gets the facts and a plain word that
    the report records votes, not reasons, rather than a "yes" that would pretend to
    answer it.
    """
    voting = [c for c in countries if c.status is ResolutionStatus.MEMBER and c.name]
    others = [c for c in countries if c.status is not ResolutionStatus.MEMBER]
    blocks: list[str] = []
    answer = _Collected()
    for document in documents if voting else ():
        committee = library.committee(document)
        if committee is None:
            blocks.append(f"{NO_VOTE}\n{document_line(document)}")
            continue
        plenary = library.plenary(document)
        trail = library.trail(document)
        if ballot is Ballot.BOTH and trail is not None:
            lines = trail_lines(library, trail, voting, () if why else asked, answer.trail)
            answer.votes += _entries(committee, voting)
            answer.sources += view_sources(committee, _report_ids(library, committee, voting))
            answer.sources += view_sources(trail.plenary)
            lines += [NO_REASONS] if why else []
            headings = [vote_heading(committee), vote_heading(trail.plenary)]
            blocks.append("\n".join([*lines, *headings]))
            continue
        if ballot is Ballot.PLENARY and plenary is None:
            blocks.append(no_plenary(document))
            continue
        view = plenary if ballot is Ballot.PLENARY and plenary is not None else committee
        blocks.append(_one_vote(library, view, voting, asked, why=why, answer=answer))
    if voting and ballot is not Ballot.COMMITTEE:
        for view in library.standalone(named) if named else ():
            blocks.append(_one_vote(library, view, voting, asked, why=False, answer=answer))
    for other in others:
        blocks.append(_other_line(other))
        if other.status in (ResolutionStatus.OBSERVER, ResolutionStatus.NON_MEMBER) and other.name:
            answer.votes += [
                VoteEntry(
                    country=other.name,
                    position=Position.NOT_MEMBER,
                    note=other.description,
                    document=document.id,
                )
                for document in library.voted()
            ]
    return Answer(
        question=question,
        kind=AnswerKind.VOTE,
        answered=bool(answer.votes),
        text="\n\n".join(blocks),
        votes=answer.votes,
        trail=answer.trail,
        sources=distinct(answer.sources),
    )


@dataclass
class _Collected:
    """What the blocks of a vote answer name and cite, gathered as they are written."""

    votes: list[VoteEntry] = field(default_factory=list)
    trail: list[TrailEntry] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


def _entries(view: VoteView, voting: Sequence[Resolution]) -> list[VoteEntry]:
    return [
        VoteEntry(
            country=country.name or "",
            position=view.position(country.name or ""),
            note=view.notes.get(country.name or ""),
            document=view.key,
        )
        for country in voting
    ]


def _report_ids(library: Library, view: VoteView, voting: Sequence[Resolution]) -> list[str]:
    """The report's paragraphs that the countries' sponsorship and statements come from."""
    if view.report is None or view.stage is not Stage.COMMITTEE:
        return []
    return report_paragraphs(library, view.report, [c.name or "" for c in voting])


def _one_vote(
    library: Library,
    view: VoteView,
    voting: Sequence[Resolution],
    asked: Sequence[Position],
    *,
    why: bool,
    answer: _Collected,
) -> str:
    """Each named country's position in one vote, closed by the line naming the vote."""
    lines = [_country_line(library, view, country, () if why else asked) for country in voting]
    if view.stage is Stage.PLENARY and any(
        view.position(c.name or "") is Position.NOT_RECORDED for c in voting
    ):
        lines.append(caveat(view) or "")
    if why:
        lines.append(NO_REASONS)
    answer.votes += _entries(view, voting)
    answer.sources += view_sources(view, _report_ids(library, view, voting))
    return "\n".join([*lines, vote_heading(view)])


def _country_line(
    library: Library, view: VoteView, country: Resolution, asked: Sequence[Position]
) -> str:
    """One country's answer line, with what the report says of it beyond the vote."""
    name = country.name or ""
    position = view.position(name)
    verdict = ""
    if len(asked) != 2:  # "did X abstain or vote yes?" asks which, it is no yes/no question
        verdict = ("**Yes**: " if position in view.asked(asked) else "**No**: ") if asked else ""
    where = " in the General Assembly's plenary vote" if view.stage is Stage.PLENARY else ""
    said = POSITION_PHRASES[position]
    if where and position is Position.NOT_RECORDED:
        said = "has **no vote recorded**"  # the caveat line under it names the voting data
    parts = [f"{verdict}**{name}** {said}{where}.{understood(country)}"]
    parts += report_facts(library, view, name)
    return " ".join(parts)


def _other_line(other: Resolution) -> str:
    if other.status is ResolutionStatus.AMBIGUOUS:
        options = join_names(other.candidates, "or")
        return f"“{quote_user_text(other.query)}” could mean {options}: which one?"
    if other.status in (ResolutionStatus.OBSERVER, ResolutionStatus.NON_MEMBER):
        return other.description or f"{other.name} is not a Member State and does not vote."
    hint = f" Did you mean {join_names(other.suggestions[:5], 'or')}?" if other.suggestions else ""
    return f"I do not know a Member State called “{quote_user_text(other.query)}”.{hint}"


def answer_tally(
    library: Library,
    question: str,
    votes: Sequence[Chosen],
    ballot: Ballot = Ballot.COMMITTEE,
    claimed: Sequence[int] = (),
) -> Answer:
    """The result of each vote chosen, with who did not vote (or has no vote recorded);
    figures the question gives are checked first, against each vote chosen."""
    voted = [view for view in votes if isinstance(view, VoteView)]
    if claimed and voted:
        matching = [view for view in voted if _figures(view)[: len(claimed)] == tuple(claimed)]
        answer = answer_tally(library, question, matching or votes, ballot)
        verdict = _checked(claimed, matching, voted)
        return answer.model_copy(update={"text": f"{verdict}\n{answer.text}"})

    def block(view: VoteView) -> VoteBlock:
        silent = view.roster(view.silent)
        if view.stage is Stage.PLENARY:
            lines = _plenary_result(library, view, silent)
        else:
            lines = [
                _result_sentence(view),
                f"**{len(silent)}** Member States did not vote: {join_names(silent)}.",
            ]
        return lines, [], []

    answer = per_vote(question, AnswerKind.TALLY, votes, block)
    if not voted:
        return answer
    return answer.model_copy(update={"illustration": _picture(voted, ballot)})


def _figures(view: VoteView) -> tuple[int, int, int]:
    stated = view.stated
    return (stated.in_favour, stated.against, stated.abstaining)


def _checked(
    claimed: Sequence[int], matching: Sequence[VoteView], voted: Sequence[VoteView]
) -> str:
    """Whether the figures given are a vote's result, and which vote's."""
    given = "–".join(str(n) for n in claimed)
    if matching:
        which = " and ".join(f"{view.short_name}" for view in matching)
        return f"**Yes**: {given} is the result of the recorded vote in {which}."
    results = "; ".join(
        f"in {view.short_name}, {'–'.join(str(n) for n in _figures(view))}" for view in voted
    )
    return f"**No**: no recorded vote came out {given}. The results were: {results}."


def _picture(voted: Sequence[VoteView], ballot: Ballot) -> Illustration:
    """The trail for both votes of a report, else the map of the first vote."""
    first = voted[0]
    if ballot is Ballot.BOTH and first.report is not None and len(voted) > 1:
        return Illustration(kind=IllustrationKind.TRAIL, document=first.report.id)
    return Illustration(kind=IllustrationKind.MAP, document=first.key)


def _result_sentence(view: VoteView) -> str:
    outcome = "**adopted**" if view.adopted else "**rejected**"
    vote = view.report.vote if view.report is not None else None
    at = f" at its {ordinal(vote.meeting)} meeting" if vote is not None else ""
    on = f" on **{view.when}**" if view.date else ""
    return (
        f"The {view.body} {outcome} draft resolution {view.subject}{at}{on}, by a recorded vote of "
        f"**{view.stated.in_favour}** in favour to **{view.stated.against}** against, "
        f"with **{view.stated.abstaining}** abstentions."
    )


def _plenary_result(library: Library, view: VoteView, silent: Sequence[str]) -> list[str]:
    """The resolution's number, date and result, and the Committee vote it followed."""
    record = view.record
    assert record is not None
    stated = view.stated
    counts = f"{stated.in_favour}–{stated.against}–{stated.abstaining}"
    lines = [
        f"The General Assembly **adopted** the text in plenary on **{view.when}** as resolution "
        f"**{resolution_number(record)}** ({record.resolution}), by a recorded vote of "
        f"**{stated.in_favour}** in favour to **{stated.against}** against, with "
        f"**{stated.abstaining}** abstentions ({counts}).",
        f"**{len(silent)}** Member States have no vote recorded: {join_names(silent)}.",
    ]
    said = caveat(view)
    if silent and said:
        lines.append(said)
    report = view.report
    trail = library.trail(report) if report is not None else None
    if trail is not None:
        lines.append(trail_sentence(trail))
    return lines


def answer_roster(
    library: Library,
    question: str,
    votes: Sequence[Chosen],
    asked: Sequence[Position] = (),
) -> Answer:
    """The full list of countries for the positions asked (or for every position)."""

    def block(view: VoteView) -> VoteBlock:
        positions = view.asked(asked) or view.voting_positions
        listed: list[str] = []
        named: list[VoteEntry] = []
        for current in positions:
            names = view.roster(current)
            listed.append(
                f"**{POSITION_HEADINGS[current]}** ({len(names)}): {join_names(names) or 'none'}."
            )
            named += [
                VoteEntry(
                    country=name, position=current, note=view.notes.get(name), document=view.key
                )
                for name in names
            ]
        if Position.ABSENT in positions:
            listed.append("“Did not vote” = 2019 Member States recorded in none of the lists.")
        if Position.NOT_RECORDED in positions:
            listed.append(caveat(view) or "")
        return listed, named, []

    return per_vote(question, AnswerKind.ROSTER, votes, block)
