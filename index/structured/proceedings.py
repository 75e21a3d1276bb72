"""Sponsors and statements: who put the draft forward, who spoke, when and for whom."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from index.answers import Answer, AnswerKind, VoteEntry
from index.countries import CountryMention, ResolutionStatus, all_member_names, canonical_name
from index.groups import Group, speaks_for
from index.library import Library, format_date, ordinal
from index.records import Document, Sponsor, SponsorStage, Statement, StatementMoment
from index.structured.citing import cited_sources, document_line, join_names, vote_entries
from index.vote_view import Stage, VoteView

STAGE_HEADINGS: dict[SponsorStage, str] = {
    SponsorStage.ORIGINAL: "Original sponsors of {draft}",
    SponsorStage.REVISED: "Added as sponsors of the revised draft {draft}",
    SponsorStage.SUBSEQUENT: "Joined as sponsors of {draft} afterwards",
}

MOMENT_PHRASES: dict[StatementMoment, str] = {
    StatementMoment.INTRODUCTORY: "made the introductory statement",
    StatementMoment.INTRODUCTION_OF_DRAFT: "introduced the draft resolution",
    StatementMoment.GENERAL: "made a statement",
    StatementMoment.BEFORE_VOTE: "made a statement before the vote",
    StatementMoment.EXPLANATION_BEFORE_VOTE: "spoke in explanation of vote before the vote",
    StatementMoment.EXPLANATION_AFTER_VOTE: "spoke in explanation of vote after the vote",
    StatementMoment.AFTER_VOTE: "made a statement after the vote",
}

MOMENT_HEADINGS: dict[StatementMoment, str] = {
    StatementMoment.INTRODUCTORY: "Introductory statement",
    StatementMoment.INTRODUCTION_OF_DRAFT: "Introduction of the draft resolution",
    StatementMoment.GENERAL: "Statements",
    StatementMoment.BEFORE_VOTE: "Statements before the vote",
    StatementMoment.EXPLANATION_BEFORE_VOTE: "Explanations of vote before the vote",
    StatementMoment.EXPLANATION_AFTER_VOTE: "Explanations of vote after the vote",
    StatementMoment.AFTER_VOTE: "Statements after the vote",
}


_STAGE_WORDS = {
    SponsorStage.ORIGINAL: "original sponsor",
    SponsorStage.REVISED: "added in the revision",
    SponsorStage.SUBSEQUENT: "joined later",
}


def sponsor_phrase(document: Document, sponsor: Sponsor) -> str:
    """What a country's sponsorship was, in words, with the paragraph it stands in."""
    label = paragraph_label(document, sponsor.paragraph_id)
    if sponsor.stage is SponsorStage.ORIGINAL:
        return f"an original sponsor of {sponsor.draft} ({label})"
    if sponsor.stage is SponsorStage.REVISED:
        return f"a sponsor of the revised draft {sponsor.draft} ({label})"
    return f"one of those who joined the sponsors of {sponsor.draft} afterwards ({label})"


def meeting_name(document: Document, number: int) -> str:
    """ "44th meeting (7 November 2019)": a meeting with its day, where the report gives it."""
    date = next((m.date for m in document.meta.meetings if m.number == number), None)
    return f"{ordinal(number)} meeting" + (f" ({format_date(date)})" if date else "")


def report_facts(library: Library, view: VoteView, name: str) -> list[str]:
    """What the report says of a State beyond its vote: a note, its sponsorship, its
    statements; given only with the report's own vote, where they belong."""
    report = view.report
    if report is None or view.stage is not Stage.COMMITTEE:
        return []
    facts: list[str] = []
    note = view.notes.get(name)
    if note:
        facts.append(f"Note: {note}")
    sponsor = library.sponsorship(report, name)
    if sponsor is not None:
        facts.append(f"It was {sponsor_phrase(report, sponsor)}.")
    facts += [f"{statement_phrase(report, s, name)}." for s in library.statements_by(report, name)]
    return facts


def report_paragraphs(library: Library, report: Document, names: Sequence[str]) -> list[str]:
    """The paragraphs ``report_facts`` relies on for these States, to cite."""
    ids: list[str] = []
    for name in names:
        sponsor = library.sponsorship(report, name)
        ids += [sponsor.paragraph_id] if sponsor is not None else []
        ids += [s.paragraph_id for s in library.statements_by(report, name)]
    return ids


def statement_phrase(document: Document, statement: Statement, country: str | None = None) -> str:
    """One statement in words; from the point of view of ``country`` when it was spoken for."""
    meeting = f" at the {meeting_name(document, statement.meeting)}" if statement.meeting else ""
    label = paragraph_label(document, statement.paragraph_id)
    phrase = MOMENT_PHRASES[statement.moment]
    if country is not None and country != statement.speaker:
        date = document.meta.date
        behalf = next(b for b in statement.on_behalf_of if speaks_for(b, country, date))
        if behalf == country:
            return f"{statement.speaker} {phrase} also on its behalf{meeting} ({label})"
        return (
            f"{statement.speaker} {phrase}{meeting} on behalf of {_parties([behalf])}, "
            f"{country} among them ({label})"
        )
    behalf = ""
    if statement.on_behalf_of:
        also = "also " if statement.also_on_behalf else ""
        behalf = f" {also}on behalf of {_parties(statement.on_behalf_of)}"
    return f"{statement.speaker} {phrase}{behalf}{meeting} ({label})"


def voices(statement: Statement, date: dt.date | None) -> list[str]:
    """The Member States a statement spoke for: its speaker (unless it spoke only for others
    it does not belong to) and each State of the parties it named."""
    spoken_for = [
        name
        for name in all_member_names()
        if any(speaks_for(behalf, name, date) for behalf in statement.on_behalf_of)
    ]
    itself = statement.also_on_behalf or not statement.on_behalf_of
    return list(dict.fromkeys([*([statement.speaker] if itself else []), *spoken_for]))


def _parties(names: Sequence[str]) -> str:
    """Countries by name, groups with their article: "the European Union and its member States"."""
    return join_names(name if canonical_name(name) else f"the {name}" for name in names)


def answer_sponsors(
    library: Library,
    question: str,
    documents: Sequence[Document],
    countries: Sequence[CountryMention],
    stage: SponsorStage | None,
    groups: Sequence[Group] = (),
) -> Answer:
    """Whether named countries sponsored, or the sponsors by stage (within ``groups``, as of
    the document's date: "the sponsors from Latin America"), with how those voted."""
    named = [c for c in countries if c.status is ResolutionStatus.MEMBER and c.name]
    blocks: list[str] = []
    entries: list[VoteEntry] = []
    cited: dict[str, list[str]] = {}
    for document in documents:
        if not document.sponsors:
            blocks.append(f"The report does not record any sponsors.\n{document_line(document)}")
            continue
        if named:
            lines = [_country_sponsorship(library, document, c.name or "") for c in named]
        elif groups:
            lines, within = _sponsors_within(library, document, stage, groups)
            entries += within
        else:
            lines = _sponsor_lists(document, stage)
        cited[document.id] = [
            s.paragraph_id for s in document.sponsors if stage is None or s.stage is stage or named
        ]
        blocks.append("\n".join([*lines, document_line(document)]))
    return Answer(
        question=question,
        kind=AnswerKind.SPONSORS,
        answered=True,
        text="\n\n".join(blocks),
        votes=entries,
        sources=cited_sources(documents, cited),
    )


def _sponsors_within(
    library: Library, document: Document, stage: SponsorStage | None, groups: Sequence[Group]
) -> tuple[list[str], list[VoteEntry]]:
    date = document.meta.date
    members = set.intersection(*(set(group.members_on(date)) for group in groups))
    chosen = [
        s for s in document.sponsors if s.country in members and (stage is None or s.stage is stage)
    ]
    where = " and the ".join(group.name for group in groups)
    if not chosen:
        return [f"**None** of the sponsors is a member of the {where}."], []
    listed = join_names(f"{s.country} ({_STAGE_WORDS[s.stage]})" for s in chosen)
    view = library.committee(document)
    entries = vote_entries([s.country for s in chosen], view) if view else []
    return [f"**{len(chosen)}** sponsors are members of the {where}: {listed}."], entries


def _country_sponsorship(library: Library, document: Document, country: str) -> str:
    sponsor = library.sponsorship(document, country)
    if sponsor is None:
        drafts = join_names(document.drafts, "or")
        return f"**No**: **{country}** is not among the sponsors of {drafts}."
    return f"**Yes**: **{country}** was {sponsor_phrase(document, sponsor)}."


def _sponsor_lists(document: Document, stage: SponsorStage | None) -> list[str]:
    lines: list[str] = []
    for current in SponsorStage:
        group = [s for s in document.sponsors if s.stage is current]
        if not group or (stage is not None and current is not stage):
            continue
        heading = STAGE_HEADINGS[current].format(draft=group[0].draft)
        label = paragraph_label(document, group[0].paragraph_id)
        names = join_names(s.country for s in group)
        lines.append(f"**{heading}** ({len(group)}, {label}): {names}.")
    if stage is None:
        lines.append(f"In all, **{len(document.sponsors)}** sponsors.")
    return lines


def answer_statements(
    library: Library,
    question: str,
    documents: Sequence[Document],
    countries: Sequence[CountryMention],
    moment: StatementMoment | None,
    groups: Sequence[Group] = (),
    *,
    meeting: int | None = None,
    excluded: Sequence[str] = (),
    exact: bool = False,
    behalf: bool = False,
) -> Answer:
    """Statements by or for named countries and groups (and each group's members), or all of
    them by moment (only that moment when ``exact``: "not counting the explanations"), at one
    meeting when one is named, leaving out ``excluded`` speakers."""
    entities = [c.name for c in countries if c.status is not ResolutionStatus.MEMBER and c.name]
    members = [c.name for c in countries if c.status is ResolutionStatus.MEMBER and c.name]
    blocks: list[str] = []
    cited: dict[str, list[str]] = {}
    entries: list[VoteEntry] = []
    for document in documents:
        if behalf:
            made = _statements_for_whom(library, document, members, moment, meeting)
            lines, named = _for_whom(document, made)
            view = library.committee(document)
            entries += vote_entries(named, view) if view is not None else []
            ids = [s.paragraph_id for s in made]
        elif members or groups or entities:
            lines, ids = _statements_about(library, document, members, entities)
            for group in groups:
                more, more_ids = _group_statements(library, document, group)
                lines += more
                ids += more_ids
        else:
            chosen = [
                s
                for s in document.statements
                if s.speaker not in excluded and meeting in (None, s.meeting)
            ]
            lines, ids = _statement_lists(document, chosen, moment, exact=exact)
        cited[document.id] = ids
        blocks.append("\n".join([*lines, document_line(document)]))
    return Answer(
        question=question,
        kind=AnswerKind.STATEMENTS,
        answered=True,
        text="\n\n".join(blocks),
        votes=entries,
        sources=cited_sources(documents, cited),
    )


def _statements_for_whom(
    library: Library,
    document: Document,
    members: Sequence[str],
    moment: StatementMoment | None,
    meeting: int | None,
) -> list[Statement]:
    """The statements an "on whose behalf?" asks of: those the named States made (or, when
    they did not speak, those made for them), else those of the moment or meeting asked."""
    if members:
        made = [s for m in members for s in library.statements_by(document, m) if s.speaker == m]
        return made or [s for m in members for s in library.statements_by(document, m)]
    family = moments_asked(moment)
    chosen = [s for s in document.statements if s.moment in family and meeting in (None, s.meeting)]
    if moment is None and meeting is None:
        return [s for s in chosen if s.on_behalf_of]
    return chosen


def _for_whom(document: Document, made: Sequence[Statement]) -> tuple[list[str], list[str]]:
    """Each statement with the parties it spoke for, and the Member States among them (not
    its speaker, whom the question already knows)."""
    date = document.meta.date
    lines: list[str] = []
    named: list[str] = []
    for statement in made:
        label = paragraph_label(document, statement.paragraph_id)
        if not statement.on_behalf_of:
            lines.append(
                f"**{statement.speaker}** {MOMENT_PHRASES[statement.moment]} for itself only: "
                f"the report names no one else it spoke for ({label})."
            )
            continue
        others = [n for n in voices(statement, date) if n != statement.speaker]
        lines.append(f"{statement_phrase(document, statement)}.")
        groups = [b for b in statement.on_behalf_of if not canonical_name(b)]
        if groups:
            lines.append(
                f"That is {len(others)} Member States besides {statement.speaker}: "
                f"{join_names(others)}."
            )
        named += others
    if not lines:
        lines.append("The report records no statement made on behalf of others.")
    return lines, list(dict.fromkeys(named))


def _statements_about(
    library: Library, document: Document, members: Sequence[str], groups: Sequence[str]
) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    ids: list[str] = []
    for country in members:
        made = library.statements_by(document, country)
        ids += [s.paragraph_id for s in made]
        if made:
            said = "; ".join(statement_phrase(document, s, country) for s in made)
            lines.append(f"**Yes**: {said}.")
        else:
            lines.append(f"**No**: the report records no statement by or for **{country}**.")
    for group in groups:
        made = library.statements_on_behalf_of(document, group)
        ids += [s.paragraph_id for s in made]
        if made:
            lines += [f"{statement_phrase(document, s)}." for s in made]
        else:
            lines.append(f"The report records no statement on behalf of the **{group}**.")
    return lines, ids


def _group_statements(
    library: Library, document: Document, group: Group
) -> tuple[list[str], list[str]]:
    """Statements on behalf of a group, then those by or for each of its members."""
    made = library.statements_on_behalf_of(document, group.name)
    lines = [f"{statement_phrase(document, s)}." for s in made]
    silent: list[str] = []
    for member in group.members_on(document.meta.date):
        own = [s for s in library.statements_by(document, member) if s not in made]
        if own:
            said = "; ".join(statement_phrase(document, s, member) for s in own)
            lines.append(f"**{member}**: {said}.")
        elif not made:
            silent.append(member)
    if not lines:
        return [
            f"The report records no statement by or for the **{group.name}** or any of its members."
        ], []
    if silent:
        lines.append(f"No statement by or for: {join_names(silent)}.")
    ids = [s.paragraph_id for s in made]
    ids += [
        s.paragraph_id
        for m in group.members_on(document.meta.date)
        for s in library.statements_by(document, m)
    ]
    return lines, list(dict.fromkeys(ids))


def _statement_lists(
    document: Document,
    statements: Sequence[Statement],
    moment: StatementMoment | None,
    *,
    exact: bool,
) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    ids: list[str] = []
    for current in StatementMoment:
        group = [s for s in statements if s.moment is current]
        family = current if exact else _moment_family(current)
        if not group or (moment is not None and family != moment):
            continue
        ids += [s.paragraph_id for s in group]
        lines.append(f"**{MOMENT_HEADINGS[current]}**:")
        lines += [f"- {_speaker_line(document, s)}" for s in group]
    if not lines:
        lines.append("The report records no statements at that moment.")
    return lines, ids


BEFORE_THE_VOTE = (StatementMoment.BEFORE_VOTE, StatementMoment.EXPLANATION_BEFORE_VOTE)
AFTER_THE_VOTE = (StatementMoment.EXPLANATION_AFTER_VOTE, StatementMoment.AFTER_VOTE)


def moments_asked(moment: StatementMoment | None) -> tuple[StatementMoment, ...]:
    """The moments a question about ``moment`` covers: "before the vote" includes the
    explanations of vote given before it; any other moment only itself; none, them all."""
    for family in (BEFORE_THE_VOTE, AFTER_THE_VOTE):
        if moment in family:
            return family
    return tuple(StatementMoment) if moment is None else (moment,)


def _moment_family(moment: StatementMoment) -> StatementMoment:
    """Explanations of vote count as statements before or after the vote."""
    if moment is StatementMoment.EXPLANATION_BEFORE_VOTE:
        return StatementMoment.BEFORE_VOTE
    if moment in (StatementMoment.EXPLANATION_AFTER_VOTE, StatementMoment.AFTER_VOTE):
        return StatementMoment.EXPLANATION_AFTER_VOTE
    return moment


def _speaker_line(document: Document, statement: Statement) -> str:
    behalf = ""
    if statement.on_behalf_of:
        also = "also " if statement.also_on_behalf else ""
        behalf = f" ({also}on behalf of {_parties(statement.on_behalf_of)})"
    meeting = f", {meeting_name(document, statement.meeting)}" if statement.meeting else ""
    return (
        f"{statement.speaker}{behalf}{meeting}, {paragraph_label(document, statement.paragraph_id)}"
    )


def paragraph_label(document: Document, paragraph_id: str) -> str:
    paragraph = Library.paragraph(document, paragraph_id)
    return paragraph.label if paragraph else paragraph_id
