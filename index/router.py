"""Decide which kind of answer a question wants, before anything is looked up.

Structured routes are taken only on clear signals (a country plus vote words, a paragraph
label, "sponsor", "rapporteur" ...); anything else goes to passage retrieval, so a question the
records cannot answer never gets a confidently wrong structured answer.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from index.countries import CountryMention, ResolutionStatus, find_countries
from index.records import Part, Position, SponsorStage, StatementMoment


class Route(StrEnum):
    VOTE = "vote"
    TALLY = "tally"
    ROSTER = "roster"
    SPONSORS = "sponsors"
    STATEMENTS = "statements"
    METADATA = "metadata"
    PARAGRAPH = "paragraph"
    RESOLUTION = "resolution"
    PASSAGE = "passage"


class MetadataField(StrEnum):
    RAPPORTEUR = "rapporteur"
    DATE = "date"
    MEETINGS = "meetings"
    AGENDA_ITEM = "agenda_item"
    SESSION = "session"
    OVERVIEW = "overview"


class ParagraphRef(BaseModel):
    """A paragraph named by label; ``part`` is ``None`` when the label did not say which part."""

    model_config = ConfigDict(frozen=True)

    part: Part | None
    number: int


class Intent(BaseModel):
    model_config = ConfigDict(frozen=True)

    route: Route
    decisions_only: bool = False
    why: bool = False
    countries: tuple[CountryMention, ...] = ()
    position: Position | None = None
    stage: SponsorStage | None = None
    moment: StatementMoment | None = None
    field: MetadataField | None = None
    paragraph: ParagraphRef | None = None


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_OPERATIVE = re.compile(
    r"\b(?:operative|op)\s*(?:paragraph|para\.?|§)?\s*(\d{1,3})\b", re.IGNORECASE
)
_PREAMBULAR = re.compile(
    r"\b(?:preambular|preamble|pp)\s*(?:paragraph|para\.?|§)?\s*(\d{1,3})\b", re.IGNORECASE
)
_REPORT = re.compile(
    r"\b(?:paragraph|para\.?|§)\s*(\d{1,3})\s+of\s+the\s+report\b"
    r"|\breport(?:'s)?\s+(?:paragraph|para\.?|§)\s*(\d{1,3})\b",
    re.IGNORECASE,
)
_RESOLUTION_PARAGRAPH = re.compile(
    r"\b(?:paragraph|para\.?|§)\s*(\d{1,3})\s+of\s+the\s+(?:draft\s+)?resolution\b", re.IGNORECASE
)
_BARE_PARAGRAPH = re.compile(r"\b(?:paragraph|para\.?|§)\s*(\d{1,3})\b", re.IGNORECASE)

# After a weak position word ("against", "support"), what makes it about the vote itself:
# "was Japan against?" or "against the draft", not "against cybercrime".
_ABOUT_THE_TEXT = (
    r"(?=\s*(?:[?.!,;]|$|it\b|this\b|that\b|them\b|"
    r"the\s+(?:draft|resolution|text|proposal|motion)\b))"
)
_STRONG_POSITIONS: tuple[tuple[Position, re.Pattern[str]], ...] = (
    (
        Position.ABSENT,
        _words(
            r"did(?:\s+not|n't)\s+(?:vote|participate|take\s+part)",
            r"not\s+(?:voting|vote|participating|present|recorded)",
            r"absent",
            r"absentees?",
            r"non-?voting",
            r"missed\s+the\s+vote",
            r"skipped\s+the\s+vote",
        ),
    ),
    (Position.ABSTAINING, _words(r"abstain\w*", r"abstention\w*")),
    (Position.AGAINST, _words(r"voted?\s+against", r"voted?\s+no", r"no\s+votes?")),
    (
        Position.IN_FAVOUR,
        _words(r"in\s+favou?r", r"voted?\s+for", r"voted?\s+yes", r"yes\s+votes?"),
    ),
)
_WEAK_POSITIONS: tuple[tuple[Position, str], ...] = (
    (Position.AGAINST, r"against|oppos(?:ed|es|e|ing)|reject(?:ed|s|ing)?"),
    (Position.IN_FAVOUR, r"support(?:ed|s|ing)?|back(?:ed|s|ing)?|favou?r(?:ed|s)?|approv(?:ed|e)"),
)
_VOTE = _words(r"vot\w*", r"ballot", r"position", r"stance", r"stand", r"side")
_TALLY = _words(
    r"tally",
    r"results?",
    r"outcome",
    r"counts?",
    r"numbers",
    r"breakdown",
    r"margin",
    r"score",
    r"adopted",
    r"adopt",
    r"pass(?:ed)?",
    r"carried",
    r"recorded\s+vote",
    r"how\s+many",
    r"vote\s+(?:go|end|turn\s+out)",
    r"what\s+was\s+the\s+vote",
)
_ROSTER = _words(
    r"which",
    r"who",
    r"list\w*",
    r"names?",
    r"countries",
    r"states",
    r"members",
    r"delegations",
    r"how\s+many",
)
_SPONSOR = _words(
    r"sponsor\w*",
    r"co-?sponsor\w*",
    r"who\s+(?:submitted|proposed|tabled|put\s+forward|drafted)",
    r"(?:submitted|tabled|proposed|drafted)\s+(?:the|this)\s+(?:draft|resolution|text)",
    r"authors?\s+of\s+(?:the|this)\s+(?:draft|resolution|text)",
)
# Introducing a draft is a statement by one delegation (for its co-sponsors), not the list of
# sponsors: "who introduced the draft?" wants the speaker.
_INTRODUCED = _words(
    r"introduc(?:e|ed|es|ing|tion)\s+(?:of\s+)?(?:the\s+)?(?:original\s+)?(?:draft|resolution|text)",
    r"who\s+introduc\w*",
)
_STATEMENT = _words(
    r"spoke",
    r"speakers?",
    r"statements?",
    r"explanations?\s+of\s+(?:the\s+)?vote",
    r"took\s+the\s+floor",
    r"on\s+behalf\s+of",
    r"who\s+speaks?",
)
# Words that mean "statement" only when a country is named: "what did France say?", but
# "what does the resolution say about human rights?" is a passage question.
_STATEMENT_WITH_COUNTRY = _words(
    r"said", r"say", r"says", r"speak", r"explain\w*", r"remarks", r"interven\w*"
)
# A "statement" that is not a delegation speaking.
_NOT_A_SPEAKER = _words(r"budget", r"programme", r"program")
_STAGE_WORDS: tuple[tuple[SponsorStage, re.Pattern[str]], ...] = (
    (SponsorStage.SUBSEQUENT, _words(r"subsequent\w*", r"later", r"afterwards?", r"joined")),
    (SponsorStage.REVISED, _words(r"revis\w*", r"rev\.?\s*1", r"added")),
    (SponsorStage.ORIGINAL, _words(r"original\w*", r"initial\w*", r"first")),
)
_MOMENT_WORDS: tuple[tuple[StatementMoment, re.Pattern[str]], ...] = (
    (StatementMoment.INTRODUCTORY, _words(r"introductory", r"opening")),
    (StatementMoment.EXPLANATION_AFTER_VOTE, _words(r"after\s+the\s+vote", r"after\s+voting")),
    (StatementMoment.BEFORE_VOTE, _words(r"before\s+the\s+vote", r"before\s+voting")),
)
_METADATA_WORDS: tuple[tuple[MetadataField, re.Pattern[str]], ...] = (
    (
        MetadataField.RAPPORTEUR,
        _words(r"rapporteur", r"who\s+(?:wrote|prepared|authored)\s+(?:the|this)\s+report"),
    ),
    (MetadataField.AGENDA_ITEM, _words(r"agenda(?:\s+item)?")),
    (MetadataField.SESSION, _words(r"which\s+session", r"what\s+session", r"session\s+number")),
    (
        MetadataField.MEETINGS,
        _words(
            r"which\s+meetings?",
            r"what\s+meetings?",
            r"how\s+many\s+meetings",
            r"meetings?\s+(?:of|did|were|was)\s+the\s+(?:third\s+)?committee",
            r"when\s+did\s+the\s+(?:third\s+)?committee\s+(?:meet|discuss|consider)",
            r"summary\s+records?",
        ),
    ),
    (
        MetadataField.DATE,
        _words(
            r"when\s+was\s+(?:the|this)\s+report\s+(?:issued|published|dated|released|written)",
            r"date\s+of\s+(?:the|this)\s+report",
            r"report(?:'s)?\s+date",
        ),
    ),
    (
        MetadataField.OVERVIEW,
        _words(
            r"what\s+is\s+this\s+(?:document|report)",
            r"which\s+(?:document|report)",
            r"document\s+(?:title|symbol)",
            r"title\s+of\s+the\s+(?:document|report)",
            r"about\s+this\s+(?:document|report)",
        ),
    ),
)
# "What does the resolution decide?" is answered by the operative part itself, not by the one
# paragraph that happens to embed closest.
_DECISIONS = _words(
    r"what\s+(?:does|did|will|would)\s+(?:the|this|it|that)?\s*(?:draft\s+)?(?:resolution|text|"
    r"general\s+assembly|assembly)?\s*decide",
    r"what\s+(?:was|were|is|are)\s+(?:decided|the\s+decisions?)",
    r"decisions?\s+(?:of|in|taken\s+by)\s+the\s+(?:draft\s+)?resolution",
)
_OPERATIVE_PART = _words(
    r"what\s+(?:does|did|will|would)\s+(?:the|this)\s+(?:draft\s+)?resolution\s+do",
    r"operative\s+(?:part|paragraphs|section)",
    r"summar(?:y|ise|ize)\s+(?:of\s+)?(?:the|this)\s+(?:draft\s+)?resolution",
    r"main\s+points\s+of\s+(?:the|this)\s+(?:draft\s+)?resolution",
    r"key\s+provisions",
)
# "How did Atlantis vote?": a named subject that is no country we know. Answered as a vote
# question about an unknown country ("did you mean ...?"), never with the overall tally.
_SUBJECT_OF_VOTE = re.compile(
    r"^\W*(?:how\s+did|did|was|were|has|have|is)\s+(?P<name>[^?,;]{2,60}?)\s+"
    r"(?:vote|voted|voting|abstain|abstained|in\s+favou?r|against|support|oppose)\b",
    re.IGNORECASE,
)
_GENERIC_SUBJECTS = _words(
    r"they",
    r"it",
    r"he",
    r"she",
    r"we",
    r"you",
    r"anyone",
    r"anybody",
    r"everyone",
    r"everybody",
    r"nobody",
    r"somebody",
    r"someone",
    r"who",
    r"\w+\s+countries",
    r"countries",
    r"states",
    r"members?",
    r"delegations?",
    r"committee",
    r"assembly",
    r"vote",
    r"draft",
    r"resolution",
    r"most",
    r"many",
    r"all",
    r"any",
    r"none",
    r"each",
    r"both",
    r"majority",
    r"minority",
    r"region",
    r"group",
)
_FILLER = _words(
    r"what", r"about", r"how", r"and", r"or", r"the", r"of", r"with", r"re", r"regarding"
)


def route(question: str) -> Intent:
    """Classify a question; never raises, and anything unclear is a passage question."""
    question = question.replace("\u2019", "'")
    paragraph = _paragraph_ref(question)
    if paragraph is not None:
        return Intent(route=Route.PARAGRAPH, paragraph=paragraph)
    if _DECISIONS.search(question):
        return Intent(route=Route.RESOLUTION, decisions_only=True)
    if _OPERATIVE_PART.search(question):
        return Intent(route=Route.RESOLUTION)
    countries = tuple(find_countries(question))
    for field, pattern in _METADATA_WORDS:
        if pattern.search(question):
            return Intent(route=Route.METADATA, field=field)
    if _INTRODUCED.search(question):
        return Intent(
            route=Route.STATEMENTS,
            countries=countries,
            moment=StatementMoment.INTRODUCTION_OF_DRAFT,
        )
    if _SPONSOR.search(question):
        return Intent(route=Route.SPONSORS, countries=countries, stage=_stage(question))
    if _is_about_statements(question, countries):
        return Intent(route=Route.STATEMENTS, countries=countries, moment=_moment(question))
    position = _position(question)
    if countries and (
        position is not None or _VOTE.search(question) or _only_names(question, countries)
    ):
        why = re.match(r"\W*why\b", question, re.IGNORECASE) is not None
        return Intent(route=Route.VOTE, countries=countries, position=position, why=why)
    unknown = _unknown_subject(question) if not countries else None
    if unknown is not None:
        return Intent(route=Route.VOTE, countries=(unknown,), position=position)
    if not countries and _ROSTER.search(question) and (position is not None):
        return Intent(route=Route.ROSTER, position=position)
    if not countries and (_TALLY.search(question) or _VOTE.search(question)):
        return Intent(route=Route.TALLY)
    return Intent(route=Route.PASSAGE)


def _unknown_subject(question: str) -> CountryMention | None:
    match = _SUBJECT_OF_VOTE.match(question)
    if match is None or _GENERIC_SUBJECTS.search(match.group("name")):
        return None
    if match.group("name").strip().casefold() in ("the", "a", "an", "this", "that"):
        return None
    return CountryMention(
        text=match.group("name").strip(),
        start=match.start("name"),
        end=match.end("name"),
        status=ResolutionStatus.UNKNOWN,
    )


def _paragraph_ref(question: str) -> ParagraphRef | None:
    for part, pattern in (
        (Part.OPERATIVE, _OPERATIVE),
        (Part.PREAMBLE, _PREAMBULAR),
        (Part.REPORT, _REPORT),
    ):
        match = pattern.search(question)
        if match:
            return ParagraphRef(part=part, number=int(next(g for g in match.groups() if g)))
    if _RESOLUTION_PARAGRAPH.search(question):
        return None
    match = _BARE_PARAGRAPH.search(question)
    if match and not re.search(r"\bparagraphs?\s+(?:about|on|that|which|where)\b", question, re.I):
        return ParagraphRef(part=None, number=int(match.group(1)))
    return None


def _is_about_statements(question: str, countries: tuple[CountryMention, ...]) -> bool:
    if _NOT_A_SPEAKER.search(question):
        return False
    return bool(
        _STATEMENT.search(question) or (countries and _STATEMENT_WITH_COUNTRY.search(question))
    )


def _position(question: str) -> Position | None:
    """The position a question asks about; weak words count only when about the vote."""
    for position, pattern in _STRONG_POSITIONS:
        if pattern.search(question):
            return position
    about_vote = _VOTE.search(question) is not None
    for position, words in _WEAK_POSITIONS:
        tail = "" if about_vote else _ABOUT_THE_TEXT
        if re.search(rf"\b(?:{words})\b{tail}", question, re.IGNORECASE):
            return position
    return None


def _stage(question: str) -> SponsorStage | None:
    return next((s for s, pattern in _STAGE_WORDS if pattern.search(question)), None)


def _moment(question: str) -> StatementMoment | None:
    return next((m for m, pattern in _MOMENT_WORDS if pattern.search(question)), None)


def _only_names(question: str, countries: tuple[CountryMention, ...]) -> bool:
    """True when the question is nothing but country names ("France?", "what about Chad")."""
    rest = question
    for mention in sorted(countries, key=lambda m: m.start, reverse=True):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = _FILLER.sub(" ", rest)
    return not re.search(r"\w", rest)
