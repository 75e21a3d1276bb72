"""The set of States a question is about, computed from the records and the group data.

"The EU countries", "the sponsors from Latin America", "the countries that spoke after the
vote": each is an intersection of groups of States (as of the vote's date), the document's
own sets (sponsors by stage, speakers by moment, delegations whose later intention is noted,
States whose position changed between the Committee and the plenary) and named countries.
Never typed by hand: always derived.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from index.countries import ResolutionStatus, all_member_names, load_other_entities
from index.groups import Group, group_by_id
from index.library import Library
from index.query import DocumentSet, Query, SetMention
from index.reading.describe import group_phrase, subject_phrase
from index.records import Document
from index.structured.proceedings import moments_asked, voices
from index.vote_view import VoteView


@dataclass(frozen=True, slots=True)
class Scope:
    members: tuple[str, ...]
    """Member States in scope, in UN alphabetical order."""
    noun: str
    """How the answer names them: "members of the African Group", "sponsors"."""
    notes: tuple[str, ...]
    """Membership notes that matter on the document's date (Turkey, the United States...)."""
    groups: tuple[Group, ...]
    paragraph_ids: tuple[str, ...]
    """Paragraphs the document's own sets were read from, to cite."""

    @property
    def whole_membership(self) -> bool:
        return self.noun == ALL_STATES


ALL_STATES = "Member States"


def scope_of(query: Query, view: VoteView, library: Library) -> Scope:
    """The States ``query`` is about in the vote ``view`` (all Member States when it names
    none); the document's own sets come from the report the vote belongs to."""
    document = view.report
    date = view.date or (document.meta.date if document is not None else None)
    groups = tuple(group_by_id(mention.id) for mention in query.groups)
    chosen = set(all_member_names())
    notes: list[str] = []
    for group in groups:
        chosen &= set(group.members_on(date))
        notes += _group_notes(group, date)
    cited: list[str] = []
    for mention in query.sets:
        names, ids = _document_set(mention, document, view, library)
        chosen &= set(names)
        cited += ids
    named = [c.name for c in query.countries if c.status is ResolutionStatus.MEMBER and c.name]
    if named:
        chosen &= set(named)
    chosen -= {query.aligned_with or "", *query.excluded}
    for left_out in query.outside:
        chosen -= set(group_by_id(left_out.id).members_on(date))
    ordered = tuple(name for name in all_member_names() if name in chosen)
    return Scope(
        members=ordered,
        noun=_noun(query, groups),
        notes=tuple(dict.fromkeys(notes)),
        groups=groups,
        paragraph_ids=tuple(dict.fromkeys(cited)),
    )


def _group_notes(group: Group, date: dt.date | None) -> list[str]:
    notes: list[str] = []
    if group.entity is not None:
        entity = next((e for e in load_other_entities().entities if e.name == group.entity), None)
        if entity is not None:
            notes.append(entity.description)
    notes += list(group.notes_on(date))
    return notes


def _document_set(
    mention: SetMention, document: Document | None, view: VoteView, library: Library
) -> tuple[list[str], list[str]]:
    """The Member States of one of the document's own sets, and where it says so."""
    if document is None:
        return [], []
    if mention.set is DocumentSet.CHANGED:
        trail = library.trail(document)
        return [step.country for step in trail.changes] if trail else [], []
    if mention.set is DocumentSet.SPONSORS:
        sponsors = [
            s for s in document.sponsors if mention.stage is None or s.stage is mention.stage
        ]
        return [s.country for s in sponsors], [s.paragraph_id for s in sponsors]
    if mention.set is DocumentSet.SPEAKERS:
        family = (mention.moment,) if mention.exact else moments_asked(mention.moment)
        spoken = [
            s
            for s in document.statements
            if s.moment in family and mention.voice in (None, s.speaker)
        ]
        ids = [s.paragraph_id for s in spoken]
        if mention.spoken_for:
            names = [
                name
                for s in spoken
                for name in voices(s, view.date)
                if mention.with_speaker or name != s.speaker
            ]
            return names, ids
        return [s.speaker for s in spoken], ids
    vote = document.vote
    noted = list(view.notes)
    return noted, [vote.paragraph_id] if vote is not None and noted else []


def _noun(query: Query, groups: Sequence[Group]) -> str:
    if not (query.countries or query.groups or query.sets):
        return ALL_STATES
    if query.outside:
        return subject_phrase(query).removeprefix("the ")
    if query.sets and groups:
        sets = subject_phrase(query.model_copy(update={"groups": (), "countries": ()}))
        return f"{sets.removeprefix('the ')} in the {' and the '.join(g.name for g in groups)}"
    if len(groups) == 1 and not query.sets and not query.countries:
        return group_phrase(groups[0].name).removeprefix("the ")
    if query.countries and not (groups or query.sets):
        return f"States asked about ({subject_phrase(query)})"
    return subject_phrase(query).removeprefix("the ")
