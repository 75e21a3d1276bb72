"""Honest answers to on-topic questions the document does not answer.

Each says so in its first line, then gives the nearest thing the document does hold, cited:
"what did China say?" gets when China spoke (paragraph 11) and where its words are (the
summary record the report cites); "who chairs the ad hoc committee?" gets the paragraphs that
set the committee up. ``answered`` is always false: the question itself is not answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.answers import Answer, AnswerKind, Source, VoteEntry
from index.countries import ResolutionStatus, canonical_name
from index.groups import groups_sharing_words
from index.library import Library, format_date, ordinal
from index.query import (
    CITED,
    DEFINITIONS,
    FUTURE_CONTENT,
    MAJORITY,
    PLENARY_MEETING,
    REQUESTED,
    Limit,
    Query,
)
from index.records import Document, Part, Statement, StatementMoment
from index.structured.citing import (
    NO_VOTE,
    cite,
    document_line,
    excerpt,
    join_names,
    vote_entries,
)
from index.structured.document_facts import summary_records
from index.structured.proceedings import moments_asked, paragraph_label, statement_phrase
from index.structured.scope import scope_of
from index.structured.sets import POSITION_VERBS
from index.user_text import quote_user_text

Nearest = Callable[[str], Sequence[Source]]
"""Retrieval's closest passages for a text, for subjects the document never names."""


def answer_limit(
    query: Query, documents: Sequence[Document], library: Library, nearest: Nearest
) -> Answer:
    """What the documents cannot answer, said plainly, with the nearest they come; answered
    only where the report does record a State's words after all (Benin's note)."""
    limit = query.limit or Limit.NOT_STATED
    blocks: list[str] = []
    sources: list[Source] = []
    votes: list[VoteEntry] = []
    told = limit is Limit.ARGUMENTS and any(
        _noted(query, d, library) and not _statements_for(query, d, library) for d in documents
    )
    for document in documents:
        text, cited, named = _explain(limit, query, document, library)
        blocks.append(f"{text}\n{document_line(document)}")
        sources += [s for s in (cite(document, pid) for pid in dict.fromkeys(cited)) if s]
        votes += named
    if limit is Limit.UNKNOWN_TOPIC or query.topic in (DEFINITIONS, CITED):
        found = list(nearest(query.search_text))[:1]
        if found:
            blocks.append(f"The closest the document comes is {found[0].label}: “{found[0].text}”")
            sources = [*found, *sources]
    return Answer(
        question=query.text,
        kind=AnswerKind.NOT_IN_DOCUMENT,
        answered=told,
        text="\n\n".join(blocks),
        votes=votes,
        sources=sources,
    )


NO_PLENARY_STATEMENTS = (
    "Who spoke in the General Assembly's plenary meeting is not recorded here: the voting data "
    "gives only how each State voted. What the report records of the Committee's proceedings:"
)


def no_plenary_statements(said: Answer) -> Answer:
    """Statements asked of the plenary: not answered, and the Committee's given as the nearest."""
    return said.model_copy(
        update={"answered": False, "text": f"{NO_PLENARY_STATEMENTS}\n{said.text}"}
    )


def _unknown_group(kind: str) -> str:
    """Which States a kind covers is not ours to guess: say so, and offer the groups that
    share a word with it."""
    near = groups_sharing_words(kind)[:MAX_GROUP_SUGGESTIONS]
    text = (
        f"I don't know which States count as “{quote_user_text(kind)}”, so I can't pick them "
        "out of the vote."
    )
    if near:
        text += f" Groups I know with a like name: {join_names([g.name for g in near])}."
    return f"{text} {_NAME_THEM}"


_NAME_THEM = "Ask about a group I know, or name the States (“how did Fiji, Samoa and Tonga vote?”)."


MAX_GROUP_SUGGESTIONS = 4


def _explain(
    limit: Limit, query: Query, document: Document, library: Library
) -> tuple[str, list[str], list[VoteEntry]]:
    """The answer text for one document, the paragraphs it cites and the votes it names."""
    meta = document.meta
    if limit is Limit.ARGUMENTS:
        return _arguments(query, document, library)
    if limit is Limit.REASONS:
        return _reasons(query, document, library)
    if limit is Limit.UNKNOWN_TOPIC:
        return f"The document does not mention “{quote_user_text(query.topic or '')}”.", [], []
    if limit is Limit.UNKNOWN_GROUP:
        return _unknown_group(query.topic or ""), [], []
    officer = (
        f"{meta.rapporteur}{f' ({meta.rapporteur_country})' if meta.rapporteur_country else ''}"
    )
    headline = {
        Limit.CHAIR: "The report does not say who chairs that body; the only officer it names is "
        f"its Rapporteur, {officer}.",
        Limit.MONEY: "The report gives no sums of money.",
        Limit.LATER_EVENTS: f"The report is dated {_date(document)} and says nothing of what "
        "happened afterwards.",
        Limit.NOT_STATED: {
            DEFINITIONS: "The document does not define its terms: it uses them without a "
            "definition.",
            MAJORITY: "The report does not say what majority the draft needed; it records "
            f"the result: {_tally_words(document)}.",
            CITED: "The report refers to it but does not say what it contains, found or "
            "recommended, or how it was adopted.",
            REQUESTED: "The report says the draft was adopted by a recorded vote but not who "
            "requested the vote.",
            PLENARY_MEETING: _plenary_meeting(library, document),
            FUTURE_CONTENT: "The resolution only decides that a convention is to be "
            "written; the report says nothing of what that convention will contain.",
        }.get(
            query.topic or "",
            f"The report does not say; the only person it names is its Rapporteur, {officer}.",
        ),
    }[limit]
    ids = _nearest_paragraphs(limit, document)
    if query.topic in (MAJORITY, REQUESTED) and document.vote is not None:
        ids = [document.vote.paragraph_id]
    if query.topic == FUTURE_CONTENT:
        ids = [
            p.id for p in document.paragraphs if p.part is Part.OPERATIVE and "convention" in p.text
        ][:1]
    if not ids:
        return headline, [], []
    nearest = "; ".join(
        f"{paragraph_label(document, pid)}: “{_excerpt(document, pid)}”" for pid in ids
    )
    return f"{headline}\nThe nearest it comes: {nearest}", ids, []


_NEAREST_WORDS = {
    Limit.CHAIR: ("the Chair", "ad hoc"),
    Limit.MONEY: ("budget", "resources", "costs", "expenses"),
    Limit.LATER_EVENTS: ("session", "convene"),
    Limit.NOT_STATED: (),
}
"""What each limit's nearest paragraphs are about: the words that say so in any report."""
NEAREST_LIMIT = 3


def _nearest_paragraphs(limit: Limit, document: Document) -> list[str]:
    """The paragraphs closest to a question the report cannot answer, by what they say."""
    words = _NEAREST_WORDS.get(limit, ())
    found = [
        p.id
        for p in document.paragraphs
        if p.part is not Part.PREAMBLE and any(w in p.text for w in words)
    ]
    if limit is Limit.LATER_EVENTS:
        found = [pid for pid in found if pid.startswith(Part.OPERATIVE.value)]
    return found[:NEAREST_LIMIT]


def _plenary_meeting(library: Library, document: Document) -> str:
    trail = library.trail(document)
    if trail is None:
        return "The report does not record the plenary vote, nor the meeting it was taken at."
    return (
        f"The voting data gives the day of the plenary vote, {trail.plenary.when}, not the "
        "number of the meeting it was taken at."
    )


def _tally_words(document: Document) -> str:
    vote = document.vote
    if vote is None:
        return "no recorded vote"
    counts = vote.stated
    return (
        f"adopted by {counts.in_favour} votes to {counts.against}, with {counts.abstaining} "
        "abstentions"
        if vote.adopted
        else f"rejected by {counts.against} votes to {counts.in_favour}"
    )


def _date(document: Document) -> str:
    return format_date(document.meta.date) if document.meta.date else "undated"


def _excerpt(document: Document, paragraph_id: str) -> str:
    paragraph = Library.paragraph(document, paragraph_id)
    return excerpt(paragraph.text.split("\n")[0], 160) if paragraph else ""


def _records_of(document: Document, meetings: Sequence[int | None]) -> str:
    """Where the words of these meetings are: their summary records, read once."""
    records = summary_records(document)
    return join_names(dict.fromkeys(_record_of(records, meeting) for meeting in meetings))


def _record_of(records: dict[int, str], meeting: int | None) -> str:
    if meeting is not None and meeting in records:
        return f"the summary record of the {ordinal(meeting)} meeting, {records[meeting]}"
    return "the Committee's summary records"


def _arguments(
    query: Query, document: Document, library: Library
) -> tuple[str, list[str], list[VoteEntry]]:
    """When the delegation spoke, that its words are not in the report, and where they are."""
    statements = _statements_for(query, document, library)
    noted = _noted(query, document, library)
    if not statements and noted:
        vote = document.vote
        ids = [vote.paragraph_id] if vote is not None else []
        where = f" ({paragraph_label(document, ids[0])})" if ids else ""
        lines = [
            f"The report records no statement by {name}, only what it later told the "
            f"Committee{where}: “{note}”"
            for name, note in noted.items()
        ]
        return "\n".join(lines), ids, []
    if not statements:
        subject = _who(query) or "that delegation"
        recorded = list(dict.fromkeys(s.paragraph_id for s in document.statements))
        where = join_names(paragraph_label(document, pid) for pid in recorded)
        listed = f" The statements it records are in {where}." if recorded else ""
        return (
            f"The report does not record what {subject} said; it records no statement by "
            f"{subject} at all.{listed}",
            recorded,
            [],
        )
    facts = "; ".join(
        statement_phrase(document, s, _country_of(query, s.speaker)) for s in statements
    )
    records = _records_of(document, [s.meeting for s in statements])
    quoted = "\n".join(
        f"> {sentence}"
        for sentence in dict.fromkeys(_sentence_naming(document, s) for s in statements)
    )
    who = _who(query) or join_names(
        dict.fromkeys(
            sp if canonical_name(sp) else f"the {sp}" for sp in (s.speaker for s in statements)
        )
    )
    return (
        f"The report does not record what {who} said, only who spoke and when.\n"
        f"It records: {facts}. The words themselves are in {records}.\n{quoted}",
        [s.paragraph_id for s in statements],
        [],
    )


def _noted(query: Query, document: Document, library: Library) -> dict[str, str]:
    """What the report notes a named State told the Committee after the vote (Benin's
    intention to have voted in favour): the one thing it says of that State's words."""
    view = library.committee(document)
    if view is None:
        return {}
    named = [c.name for c in query.countries if c.name]
    return {name: view.notes[name] for name in named if name in view.notes}


def _sentence_naming(document: Document, statement: Statement) -> str:
    """The report's own sentence about a statement (it may say what the statement concerned)."""
    paragraph = Library.paragraph(document, statement.paragraph_id)
    if paragraph is None:
        return statement.speaker
    sentences = re.split(r"(?<=[.;])\s+(?=[A-Z])", paragraph.text.split("\n")[0])
    key = statement.speaker.split(" (")[0].split()[-1]
    return next((s for s in sentences if key in s), sentences[0])


def _statements_for(query: Query, document: Document, library: Library) -> list[Statement]:
    if query.moment is StatementMoment.INTRODUCTORY:
        return [s for s in document.statements if s.moment is StatementMoment.INTRODUCTORY]
    found: list[Statement] = []
    for country in query.countries:
        if country.status is ResolutionStatus.MEMBER and country.name:
            found += library.statements_by(document, country.name)
    for group in query.groups:
        found += [s for s in document.statements if any(group.name in b for b in s.on_behalf_of)]
    view = library.committee(document)
    if query.sets and not (query.countries or query.groups) and view is not None:
        members = set(scope_of(query, view, library).members)
        found += [s for s in document.statements if s.speaker in members]
    if not (query.countries or query.groups or query.sets):
        found = list(document.statements)
    return [s for s in dict.fromkeys(found) if _at(query, s)]


def _at(query: Query, statement: Statement) -> bool:
    """Whether a statement fits the meeting and moment the question names, if any."""
    if query.meeting is not None and statement.meeting != query.meeting:
        return False
    return statement.moment in moments_asked(query.moment)


def _country_of(query: Query, speaker: str) -> str | None:
    """Speak from the asked country's point of view when it was spoken for."""
    for country in query.countries:
        if country.name and country.name != speaker:
            return country.name
    return None


def _who(query: Query) -> str:
    names = [c.name for c in query.countries if c.name]
    names += [f"the {g.name}" for g in query.groups]
    return join_names(names)


def _reasons(
    query: Query, document: Document, library: Library
) -> tuple[str, list[str], list[VoteEntry]]:
    """The votes asked about, and that the report does not give reasons."""
    vote = document.vote
    view = library.committee(document)
    if vote is None or view is None:
        return NO_VOTE, [], []
    facts: list[str] = []
    votes: list[VoteEntry] = []
    if query.countries or query.groups or query.sets:
        scope = scope_of(query, view, library)
        named = scope.members
        for name in named[:12]:
            facts.append(f"{name} {POSITION_VERBS[view.position(name)]}")
        if len(named) > 12:
            facts.append(f"and {len(named) - 12} more")
        votes = vote_entries(named, view)
    elif query.positions:
        for position in query.positions:
            count = len(library.roster(document, position))
            facts.append(f"{count} Member States {POSITION_VERBS[position]}")
    explained = [
        s for s in document.statements if s.moment in _EXPLANATIONS and s.meeting == vote.meeting
    ]
    where = _records_of(document, [vote.meeting])
    paragraphs = list(dict.fromkeys(s.paragraph_id for s in explained))
    speakers = join_names(dict.fromkeys(s.speaker for s in explained))
    said = (
        f" {speakers} explained their votes there ("
        + ", ".join(paragraph_label(document, pid) for pid in paragraphs)
        + ")."
        if explained
        else ""
    )
    known = f" What it records: {join_names(facts)}." if facts else ""
    return (
        "The report records how delegations voted, not why."
        f"{known} Explanations of vote were given at the {ordinal(vote.meeting)} meeting and "
        f"are in {where}.{said}",
        [vote.paragraph_id, *paragraphs],
        votes,
    )


_EXPLANATIONS = (
    StatementMoment.EXPLANATION_BEFORE_VOTE,
    StatementMoment.EXPLANATION_AFTER_VOTE,
)
