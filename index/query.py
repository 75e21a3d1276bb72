"""The typed reading of a question: made once, by ``index.reading``, and used by every answer.

Nothing downstream looks at the raw question again. The query is also the unit of
conversation: a follow-up ("and Brazil?") is read in the light of the previous query, and
front ends keep it between turns. It is part of the public JSON (``rapporteur ask --json``).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from index.countries import CountryMention
from index.records import Part, Position, SponsorStage, StatementMoment


class Intent(StrEnum):
    """What kind of answer the question wants."""

    VOTE = "vote"
    """How named countries voted (with a yes/no verdict when a position is asked)."""
    BREAKDOWN = "breakdown"
    """How a set of States split, position by position."""
    LIST = "list"
    """Which States of a set took a position; with a quantifier, "did any/all ...?"."""
    COUNT = "count"
    """How many States of a set took a position."""
    COMPARE = "compare"
    """Whether States voted alike, or who broke ranks with their regional group."""
    TALLY = "tally"
    """The overall result."""
    SPONSORS = "sponsors"
    STATEMENTS = "statements"
    METADATA = "metadata"
    PARAGRAPH = "paragraph"
    PASSAGE = "passage"
    """An open question, answered by quoting the passage that answers it."""
    NOT_IN_DOCUMENT = "not_in_document"
    """On topic, but the document does not hold the answer (see ``Limit``)."""


class MetadataField(StrEnum):
    RAPPORTEUR = "rapporteur"
    DATE = "date"
    MEETINGS = "meetings"
    AGENDA_ITEM = "agenda_item"
    SESSION = "session"
    OVERVIEW = "overview"
    SYMBOL = "symbol"
    """The report's own document symbol."""
    STRUCTURE = "structure"
    """How many paragraphs each part of the document has."""
    PROCEEDINGS = "proceedings"
    """What the report records of one meeting (``Query.meeting``)."""


class ParagraphRef(BaseModel):
    """A paragraph named by label; ``part`` is ``None`` when the label did not say which part."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    part: Part | None
    number: int
    footnote: bool = False
    """A footnote by its number ("footnote 2 of the draft resolution"): footnotes are numbered
    afresh in the resolution, so ``part`` is then the report's or any of the resolution's."""


class OperativeSelection(StrEnum):
    """The operative part as a whole, or only the paragraphs that "decide"."""

    WHOLE = "whole"
    DECISIONS = "decisions"


class GroupMention(BaseModel):
    """A group of States named in the question ("the Africans" -> the African Group)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    name: str
    text: str
    note: str | None = None
    """Why this group was chosen when the words could mean another ("neighbours")."""


class DocumentSet(StrEnum):
    """Sets of States the document itself defines."""

    SPONSORS = "sponsors"
    SPEAKERS = "speakers"
    NOTED = "noted"
    """Delegations whose later intention the report notes ("meant to vote in favour")."""
    CHANGED = "changed"
    """States whose position in the plenary vote differs from the Committee's (the trail)."""


class SetMention(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    set: DocumentSet
    stage: SponsorStage | None = None
    """For sponsors: only those of one stage."""
    moment: StatementMoment | None = None
    """For speakers: ``BEFORE_VOTE`` or ``EXPLANATION_AFTER_VOTE`` (each with its family)."""
    exact: bool = False
    """Only that moment, not its family ("not counting the explanations")."""
    voice: str | None = None
    """For speakers: only the statements this delegation made."""
    spoken_for: bool = False
    """For speakers: the States each statement spoke for ("did all of those vote no?" after
    "on whose behalf did Canada speak?")."""
    with_speaker: bool = False
    """With ``spoken_for``: the speaker counted too ("did Canada and all of those vote no?")."""
    before: tuple[Position, ...] = ()
    """For the States that changed: their positions in the earlier vote (empty: any)."""
    after: tuple[Position, ...] = ()
    """For the States that changed: their positions in the later vote (empty: any)."""


class Ballot(StrEnum):
    """Which vote a question is about: the Committee's, the General Assembly's plenary vote
    on the resolution it recommended, or both in turn."""

    COMMITTEE = "committee"
    PLENARY = "plenary"
    BOTH = "both"


class Quantifier(StrEnum):
    ANY = "any"
    ALL = "all"
    NONE = "none"


class Limit(StrEnum):
    """Things people ask that this document does not hold."""

    CHAIR = "chair"
    MONEY = "money"
    ARGUMENTS = "arguments"
    REASONS = "reasons"
    LATER_EVENTS = "later_events"
    UNKNOWN_TOPIC = "unknown_topic"
    UNKNOWN_GROUP = "unknown_group"
    """A kind of State the question names that no group in the data defines ("island
    nations", "muslim countries"): said back, never dropped for the whole membership."""
    NOT_STATED = "not_stated"


NAMES = "names"
"""The ``topic`` of a ``Limit.NOT_STATED`` question asking for a person's name."""
DEFINITIONS = "definitions"
"""The ``topic`` of a ``Limit.NOT_STATED`` question asking how the document defines a term."""
CITED = "cited"
"""The ``topic`` of a ``Limit.NOT_STATED`` question about a document the report only cites."""
REQUESTED = "requested"
"""The ``topic`` of a ``Limit.NOT_STATED`` question asking who requested the recorded vote."""
PLENARY_MEETING = "plenary meeting"
"""The ``topic`` of a ``Limit.NOT_STATED`` question asking the plenary vote's meeting."""
MAJORITY = "majority"
"""The ``topic`` of a ``Limit.NOT_STATED`` question asking what majority the draft needed."""
FUTURE_CONTENT = "future content"
"""The ``topic`` of a ``Limit.NOT_STATED`` question asking what a convention the resolution only
sets out to write will contain ("will the treaty protect journalists?")."""


class Query(BaseModel):
    """One question, read. Every structured answer is computed from this alone."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    """The question as asked (after making it valid text)."""
    intent: Intent
    countries: tuple[CountryMention, ...] = ()
    groups: tuple[GroupMention, ...] = ()
    separately: bool = False
    """The groups are subjects each in its own right ("the EU vs the African Group"), not a
    narrowing of one another ("EU members of NATO")."""
    sets: tuple[SetMention, ...] = ()
    positions: tuple[Position, ...] = ()
    """The positions asked about, as a filter (empty: any position)."""
    membership: bool = False
    """Whether the States named belong to the groups named ("is the UK still in the EU?")."""
    aligned_with: str | None = None
    """A State whose position is the filter ("which sided with Moscow?"), read per vote."""
    quantifier: Quantifier | None = None
    outliers: bool = False
    """Compare each State with its own regional group rather than with each other."""
    why: bool = False
    quote: bool = False
    """The document's own words are asked for ("quote it", "exact wording")."""
    behalf: bool = False
    """For whom a statement was made ("on whose behalf?"): the States spoken for are named."""
    claimed: tuple[int, ...] = ()
    """Figures the question gives for the result, to check: in favour, against and perhaps
    abstaining ("confirm: 88-58-34?")."""
    stage: SponsorStage | None = None
    moment: StatementMoment | None = None
    exact_moment: bool = False
    """Only that moment: "before the vote, not counting the explanations"."""
    meeting: int | None = None
    """A meeting the question names ("at the 44th meeting", or by its day: "on 7 November")."""
    excluded: tuple[str, ...] = ()
    """States the question leaves out ("besides the Russians")."""
    outside: tuple[GroupMention, ...] = ()
    """Groups whose members the question leaves out ("NATO allies that aren't in the EU")."""
    field: MetadataField | None = None
    also_fields: tuple[MetadataField, ...] = ()
    """Every header fact asked in one breath, in the order asked ("the date it was issued and
    the agenda item number"), when there are several: answered each as its own part."""
    paragraph: ParagraphRef | None = None
    operative: OperativeSelection | None = None
    limit: Limit | None = None
    topic: str | None = None
    """For ``Limit.UNKNOWN_TOPIC``: the words the document never uses."""
    soft_limit: bool = False
    """The limit rests on lower-case words the document lacks, not on a name: a passage that
    does answer the rest of the question is given instead."""
    own_search_text: str | None = None
    """For a passage follow-up searched with the previous question's words: its own words,
    searched when those find nothing ("and who's footing the bill?" after "what will the
    new body do?")."""
    documents: tuple[str, ...] = ()
    """Ids of the documents the question names; empty means every document."""
    ballot: Ballot | None = None
    """The vote asked about; ``None``: the intent's default (both for a country's vote, the
    Committee's otherwise)."""
    search_text: str = ""
    names: tuple[str, ...] = ()
    """Words the asker capitalised inside the sentence ("the Salvador Declaration"): a
    passage that answers about one of them names it."""
    """What passage retrieval reads: the question, joined to the previous one for a
    follow-up such as "where?"."""
    follow_up: bool = False
    inherited: tuple[str, ...] = ()
    """Which slots came from the previous question."""
    corrections: tuple[str, ...] = ()
    """Words read as something else ("sponsers" as "sponsors")."""
    uncertain: bool = False
    """The reading involved a guess a user may want to check."""
    reading: str = ""
    """The reading in plain words, for "I read this as: …"."""
