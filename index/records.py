"""Typed records parsed from a Third Committee report.

Everything the bot says about a vote, a sponsor or a statement is read from these records,
so they carry enough provenance (document id, paragraph id) to cite the source.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for parsed records: immutable once parsed."""

    model_config = ConfigDict(frozen=True)


class Part(StrEnum):
    """Which part of the document a paragraph belongs to."""

    REPORT = "report"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"


class Position(StrEnum):
    """A Member State's position in a recorded vote."""

    IN_FAVOUR = "in_favour"
    AGAINST = "against"
    ABSTAINING = "abstaining"
    ABSENT = "absent"
    NOT_MEMBER = "not_member"
    NOT_RECORDED = "not_recorded"
    """Voting data holds no vote for the State: it cannot tell a State that was away from one
    present and not voting, so it never says which (the plenary vote's "did not vote")."""


class Footnote(Record):
    """A footnote, numbered within its part (numbering restarts in the resolution)."""

    number: int
    text: str
    offset: int | None = None
    """Where its mark stands in the paragraph's text (characters), when the mark is in the
    prose: a quote pairs the footnote with the sentence that carries it."""


class Paragraph(Record):
    """One citable paragraph.

    ``id`` is stable across re-parses: ``report-10``, ``preamble-9``, ``operative-2``.
    ``label`` is what a reader sees and can never be confused across parts:
    "paragraph 10 of the report", "preambular paragraph 9", "operative paragraph 2".
    """

    id: str
    document: str
    part: Part
    number: int
    label: str
    section: str
    lead: str | None = None
    text: str
    footnotes: tuple[Footnote, ...] = ()
    meeting: int | None = None
    """The Committee meeting a report paragraph tells of ("At the same meeting" included)."""


class Tally(Record):
    in_favour: int
    against: int
    abstaining: int


class RecordedVote(Record):
    """A recorded vote, validated against the tally the report states."""

    document: str
    subject: str
    body: str
    meeting: int
    date: dt.date | None
    adopted: bool
    in_favour: tuple[str, ...]
    against: tuple[str, ...]
    abstaining: tuple[str, ...]
    stated: Tally
    notes: dict[str, str] = Field(default_factory=dict)
    paragraph_id: str


class SponsorStage(StrEnum):
    """When a country sponsored: the original draft, the revision, or afterwards."""

    ORIGINAL = "original"
    REVISED = "revised"
    SUBSEQUENT = "subsequent"


class Sponsor(Record):
    country: str
    stage: SponsorStage
    draft: str
    paragraph_id: str


class StatementMoment(StrEnum):
    """When in the proceedings a statement was made."""

    INTRODUCTORY = "introductory"
    INTRODUCTION_OF_DRAFT = "introduction_of_draft"
    GENERAL = "general"
    BEFORE_VOTE = "before_vote"
    EXPLANATION_BEFORE_VOTE = "explanation_before_vote"
    EXPLANATION_AFTER_VOTE = "explanation_after_vote"
    AFTER_VOTE = "after_vote"


class Statement(Record):
    """Who spoke, when, and for whom (``on_behalf_of`` may include the speaker's group)."""

    speaker: str
    on_behalf_of: tuple[str, ...] = ()
    also_on_behalf: bool = False
    moment: StatementMoment
    meeting: int | None = None
    paragraph_id: str


class Meeting(Record):
    number: int
    date: dt.date | None


class Section(Record):
    """A numbered section of the report ("II. Consideration of draft resolutions ...")."""

    numeral: str
    title: str

    @property
    def heading(self) -> str:
        return f"{self.numeral}. {self.title}"


class DocumentMeta(Record):
    body: str
    session: str
    agenda_item: str
    title: str
    subtitle: str
    date: dt.date | None
    rapporteur: str
    rapporteur_country: str | None
    meetings: tuple[Meeting, ...] = ()
    heading: tuple[str, ...] = ()
    """The front matter's lines as printed (symbol and date block, session, agenda item,
    title, subtitle, Rapporteur): citable as "the report's heading"."""


class Document(Record):
    """A whole parsed report: its metadata, paragraphs and structured records."""

    id: str
    source: str
    sha256: str
    meta: DocumentMeta
    resolution_title: str
    drafts: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    vote: RecordedVote | None
    sponsors: tuple[Sponsor, ...] = ()
    statements: tuple[Statement, ...] = ()
    sections: tuple[Section, ...] = ()


class VotingSource(Record):
    """Where a voting-data file comes from, and what its silences mean: every answer that
    uses the file names ``citation`` and keeps to ``caveat``."""

    citation: str
    licence: str | None = None
    caveat: str | None = None
    notes: tuple[str, ...] = ()


class VotingTotals(Record):
    """The ``total_*`` columns of a voting-data file, as stated for one resolution."""

    yes: int
    no: int
    abstentions: int
    non_voting: int
    members: int


class VotingRecord(Record):
    """One resolution's recorded vote as a voting-data file gives it (one row per State).

    ``id`` comes from the resolution symbol ("A/RES/74/247" -> ``a-res-74-247``); ``draft``
    links it to the report that recommended the draft, when a report knows that symbol.
    Columns the file leaves empty stay ``None``: nothing here is filled in by guessing.
    """

    id: str
    source: str
    sha256: str
    resolution: str
    title: str
    date: dt.date
    draft: str | None = None
    committee_report: str | None = None
    session: str | None = None
    meeting: str | None = None
    agenda_title: str | None = None
    subjects: str | None = None
    vote_note: str | None = None
    undl_id: str | None = None
    undl_link: str | None = None
    in_favour: tuple[str, ...]
    against: tuple[str, ...]
    abstaining: tuple[str, ...]
    not_recorded: tuple[str, ...]
    totals: VotingTotals
    origin: VotingSource
