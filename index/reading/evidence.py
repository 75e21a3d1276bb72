"""Everything a question's words say, gathered before any decision is made.

The reader first finds what it can name (countries, groups, paragraph labels), then reads the
rest through the cue patterns, remembering which words each cue explained. What no cue
explains is kept as ``leftover``: words like "Doha Declaration" in "When was the Doha
Declaration adopted?" are evidence that the question is about a passage, not the tally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from index.countries import CountryMention, ResolutionStatus, country_mentions, resolve
from index.groups import group_by_id
from index.query import PLENARY_MEETING as PLENARY_MEETING_TOPIC
from index.query import (
    Ballot,
    DocumentSet,
    GroupMention,
    Limit,
    MetadataField,
    OperativeSelection,
    ParagraphRef,
    Quantifier,
    SetMention,
)
from index.reading import cues
from index.reading.ballots import read_ballot, read_transition, trail_sets, turned_sets
from index.reading.capitals import capital_spans
from index.reading.descriptors import DOCUMENT, Descriptor, find_descriptors
from index.reading.group_names import GroupSpan, find_groups
from index.reading.limits import PLENARY_MEETING, Found, find_limit
from index.reading.paragraph_refs import paragraph_ref
from index.reading.text import COUNTRY, GROUP, cue_text, word_set, words
from index.reading.typos import correct, correct_lower_case
from index.reading.vocabulary import Vocabulary, fold
from index.records import Position, SponsorStage, StatementMoment

GENERIC = word_set(
    """
    a about after again all also am an and any are as at be been before being both but by can
    could did do does doing done during each few for from had has have having he her here his
    how i if in into is it its itself just me more most my no nor not now of off on once only
    or other our out over own same she should so some such than that the their them then
    there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yes ok okay actually exactly
    really right tell show give know want like get got see look please pls hi hello hey
    thanks draft resolution resolutions text proposal report document doc committee third
    general assembly un united nations item country countries state states member members
    delegation delegations nation government governments people vote votes voted voting final
    one ones xcountryx xgroupx actual real official overall straight quick quickly
    """
)
"""Words every structured reading explains: function words and the vocabulary of the vote."""

_QUANTIFIER = re.compile(r"(?:any|all|the|some|those|these)\s+", re.IGNORECASE)
_SUBJECT_OF_VOTE = re.compile(
    r"^\W*(?:how\s+did|did|was|were|has|have|is|are)\s+(?P<name>[^?,;]{2,40}?)\s+"
    r"(?:vote|voted|voting|abstain|abstained|in\s+favou?r|against|support|supported|oppose|"
    r"opposed|back|backed|go\s+for|went\s+for|lobby|lobbied|object|objected|push|pushed|"
    r"campaign|campaigned|side|sided)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"\b(?:they|it|he|she|we|you|anyone|anybody|everyone|everybody|nobody|somebody|someone|"
    r"who|countries|country|states|state|members?|delegations?|committee|assembly|vote|draft|"
    r"resolution|most|many|all|any|none|each|both|majority|minority|region|group|the rest|"
    r"others?|people|nations|governments?|them|those|these|sponsors|speakers)\b",
    re.IGNORECASE,
)


MAX_VOTES = 193
"""No figure of a recorded vote exceeds the membership, so "65-230" is no result."""
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass
class Evidence:
    raw: str
    plain: str
    countries: list[CountryMention]
    groups: list[GroupMention]
    paragraph: ParagraphRef | None
    separately: bool = False
    sets: list[SetMention] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    either: bool = False
    quantifier: Quantifier | None = None
    count: bool = False
    listing: bool = False
    compare: bool = False
    split_breakdown: bool = False
    outliers: bool = False
    neighbours: bool = False
    vote: bool = False
    tally_strong: bool = False
    tally_weak: bool = False
    sponsor: bool = False
    stage: SponsorStage | None = None
    introduced: bool = False
    introductory: bool = False
    statement: bool = False
    moment: StatementMoment | None = None
    exact_moment: bool = False
    content: bool = False
    why: bool = False
    operative: OperativeSelection | None = None
    metadata_field: MetadataField | None = None
    other_fields: list[MetadataField] = field(default_factory=list)
    """Every header fact named at words of its own, in the order asked ("the date … and the
    agenda item")."""
    future: bool = False
    limit: Found | None = None
    follow_up_opening: bool = False
    anaphora: bool = False
    bare_moment: StatementMoment | None = None
    aligned_with: CountryMention | None = None
    membership: bool = False
    excluded: list[CountryMention] = field(default_factory=list)
    outside: list[GroupMention] = field(default_factory=list)
    day: tuple[int, int] | None = None
    """A day named (month, day), to find the meeting held on it."""
    quote: bool = False
    behalf: bool = False
    claimed: tuple[int, ...] = ()
    agent_pronoun: bool = False
    asks_for_source: bool = False
    neighbour_paragraph: int = 0
    """-1 for "the one before", +1 for "the next one": relative to the paragraph shown."""
    correction: bool = False
    it_or_that: bool = False
    person_country: bool = False
    when_or_where: bool = False
    unknown_subject: CountryMention | None = None
    unknown_kind: str | None = None
    """A kind of State no group defines ("island nations"), as the user wrote it."""
    meeting: int | None = None
    ballot: Ballot | None = None
    corrections: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    explained: list[tuple[int, int]] = field(default_factory=list)

    @property
    def subjects(self) -> bool:
        return bool(self.countries or self.groups or self.sets)

    def seen(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` occurs; its words count as explained."""
        found = False
        for match in pattern.finditer(self.plain):
            self.explained.append(match.span())
            found = True
        return found


_LEFT_OUT = re.compile(
    r"\b(?:not counting|without counting|excluding|except(?: for)?|leaving out|leave out|"
    r"other than|apart from|besides|but not)\b[^,.;?!()]*"
)
"""A clause that sets something aside: "not counting the ones who joined later on"."""


def _stage(evidence: Evidence) -> SponsorStage | None:
    """The sponsorship stage asked about: the first one named outside a clause that sets
    one aside ("added with Rev.1, not counting the ones who joined later")."""
    aside = [match.span() for match in _LEFT_OUT.finditer(evidence.plain)]
    for stage, pattern in cues.SPONSOR_STAGES:
        kept = [
            m
            for m in pattern.finditer(evidence.plain)
            if not any(a <= m.start() < b for a, b in aside)
        ]
        evidence.seen(pattern)
        if kept:
            return stage
    return None


def gather(raw: str, vocabulary: Vocabulary) -> Evidence:
    """Read every cue of ``raw`` (already valid text) into ``Evidence``; slips in the cue
    words are fixed first, so "african contries" is still the African Group."""
    raw, fixed = correct_lower_case(raw)
    group_spans, mentions, descriptors = _names(raw)
    spans = [(g.start, g.end, GROUP) for g in group_spans]
    spans += [(m.start, m.end, COUNTRY) for m in mentions]
    spans += [(d.start, d.end, DOCUMENT) for d in descriptors]
    countries = [
        m
        for i, m in enumerate(mentions)
        if all((m.name, m.candidates) != (o.name, o.candidates) for o in mentions[:i])
    ]
    plain, corrections = correct(cue_text(raw, spans))
    evidence = Evidence(
        raw=raw,
        plain=plain,
        corrections=list(dict.fromkeys([*fixed, *corrections])),
        countries=countries,
        groups=_group_mentions(group_spans),
        separately=_joined_as_alternatives(raw, group_spans),
        paragraph=paragraph_ref(raw),
    )
    _read_alignment(evidence, mentions)
    _read_exclusions(evidence, mentions)
    _read_outside(evidence, group_spans)
    _read_positions(evidence)
    evidence.moment = _moment(evidence)
    evidence.stage = _stage(evidence)
    if evidence.seen(cues.INCLUDING):
        evidence.stage = None
    _read_sets(evidence)
    _read_inclusions(evidence, mentions)
    _read_intent_cues(evidence)
    evidence.ballot = read_ballot(evidence, vocabulary)
    evidence.sets = trail_sets(evidence.sets, evidence.ballot)
    transition = read_transition(evidence)
    if transition is not None:
        evidence.sets = [s for s in evidence.sets if s.set is not DocumentSet.CHANGED]
        evidence.sets.append(transition)
        evidence.positions = []
        evidence.ballot = Ballot.BOTH
    if not evidence.why:
        evidence.sets = turned_sets(
            evidence,
            evidence.sets,
            evidence.ballot,
            named=bool(evidence.countries or evidence.groups),
            asks_who=evidence.listing or evidence.count or evidence.quantifier is not None,
        )
    if not evidence.countries and not evidence.groups:
        evidence.unknown_subject = _unknown_subject(raw, vocabulary)
    if not (evidence.countries or evidence.groups or evidence.sets or evidence.outside):
        evidence.unknown_kind = _unknown_kind(raw)
    evidence.leftover = _leftover(evidence)
    evidence.limit = find_limit(evidence.plain, raw, vocabulary, evidence.leftover)
    if evidence.ballot is Ballot.PLENARY and PLENARY_MEETING.search(evidence.plain):
        evidence.limit = Found(Limit.NOT_STATED, PLENARY_MEETING_TOPIC)
    return evidence


def _names(raw: str) -> tuple[list[GroupSpan], list[CountryMention], list[Descriptor]]:
    """Groups, countries (by name or by capital) and the phrases that name the document
    itself, the longer name winning where they overlap: "South Africa" is a country, not
    "Africa"; "the EU" is the group, not the observer of the same name; "the Russian draft"
    is the document, not Russia."""

    def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
        return start < other_end and other_start < end

    capitals = capital_spans(raw)

    def yields_to_capital(c: CountryMention) -> bool:
        return any(
            overlaps(c.start, c.end, k.mention.start, k.mention.end)
            and (c.corrected or k.mention.end - k.mention.start > c.end - c.start)
            for k in capitals
        )

    named = [c for c in country_mentions(raw) if not yields_to_capital(c)]
    named += [
        k.mention
        for k in capitals
        if k.governs
        and not any(overlaps(k.mention.start, k.mention.end, c.start, c.end) for c in named)
    ]
    named.sort(key=lambda mention: mention.start)
    descriptors, countries = find_descriptors(raw, sorted(named, key=lambda c: c.start))
    groups = [
        g
        for g in find_groups(raw)
        if not any(overlaps(g.start, g.end, d.start, d.end) for d in descriptors)
        and not any(
            overlaps(g.start, g.end, k.mention.start, k.mention.end)
            and k.mention.end - k.mention.start > g.end - g.start
            for k in capitals
        )
    ]

    itself = [g for g in groups if g.group.entity and _ITSELF.match(raw[g.end :])]
    groups = [g for g in groups if g not in itself]
    named += [_entity_mention(g) for g in itself]
    kept_groups = [
        g
        for g in groups
        if not any(
            overlaps(g.start, g.end, c.start, c.end) and c.end - c.start > g.end - g.start
            for c in countries
        )
    ]
    kept_countries = [
        c
        for c in countries
        if not any(overlaps(c.start, c.end, g.start, g.end) for g in kept_groups)
    ]
    return kept_groups, kept_countries, descriptors


_ALTERNATIVES = re.compile(
    r"^\s*(?:,|;|/|\+|&|and|or|vs\.?|versus|v\.?|plus|compared (?:to|with)|against|then|"
    r",\s*(?:and|or))\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _joined_as_alternatives(raw: str, spans: list[GroupSpan]) -> bool:
    """Two groups joined by "and", "vs", "/" or a comma are two subjects ("EU vs African
    Group"), each answered; a group that qualifies another ("EU members of NATO") narrows it."""
    first: dict[str, GroupSpan] = {}
    for span in sorted(spans, key=lambda span: span.start):
        first.setdefault(span.group.id, span)
    ordered = list(first.values())
    return len(ordered) > 1 and all(
        _ALTERNATIVES.match(raw[first.end : second.start]) is not None
        for first, second in pairwise(ordered)
    )


_ITSELF = re.compile(
    r"\s*(?:itself|as such|as an? (?:entity|body|organi[sz]ation|institution|bloc|whole)|in its "
    r"own right|(?:separately|separate) from (?:its|the) member)",
    re.IGNORECASE,
)
"""A group spoken of as a body in its own right ("did the European Union itself vote?")."""


def _entity_mention(span: GroupSpan) -> CountryMention:
    """The observer or body a group is, when a question asks about it rather than its members."""
    name = span.group.entity or span.group.name
    resolution = resolve(name)
    return CountryMention(
        text=span.text,
        start=span.start,
        end=span.end,
        status=resolution.status,
        name=resolution.name or name,
        description=resolution.description,
    )


def _group_mentions(spans: list[GroupSpan]) -> list[GroupMention]:
    mentions: dict[str, GroupMention] = {}
    for span in spans:
        group = span.group
        mentions.setdefault(group.id, GroupMention(id=group.id, name=group.name, text=span.text))
    return list(mentions.values())


def _read_alignment(evidence: Evidence, mentions: list[CountryMention]) -> None:
    """The State other States are compared with ("sided with Moscow"): it leaves the subjects
    unless it is also named as one elsewhere."""
    match = cues.ALIGNED.search(evidence.plain)
    if match is None:
        return
    evidence.explained.append(match.span())
    position = match.start("name") if match.group("name") else match.start("other")
    index = evidence.plain[:position].count(COUNTRY)
    if index >= len(mentions):
        return
    reference = mentions[index]
    evidence.aligned_with = reference
    others = [m for i, m in enumerate(mentions) if i != index and m.name == reference.name]
    if not others:
        evidence.countries = [c for c in evidence.countries if c.name != reference.name]


def _read_exclusions(evidence: Evidence, mentions: list[CountryMention]) -> None:
    """States named only to be left out ("besides the Russians"): not subjects."""
    for match in cues.EXCLUDED.finditer(evidence.plain):
        evidence.explained.append(match.span())
        index = evidence.plain[: match.start("name")].count(COUNTRY)
        if index < len(mentions):
            evidence.excluded.append(mentions[index])
    names = {m.name for m in evidence.excluded}
    evidence.countries = [c for c in evidence.countries if c.name not in names]


def _read_outside(evidence: Evidence, spans: list[GroupSpan]) -> None:
    """Groups named only to be left out ("NATO allies that aren't in the EU"): the rest of
    the subject without their members."""
    left_out: set[str] = set()
    for match in cues.OUTSIDE_GROUP.finditer(evidence.plain):
        evidence.explained.append(match.span())
        start = match.start("group") if match.group("group") else match.start("prefixed")
        index = evidence.plain[:start].count(GROUP)
        if index < len(spans):
            left_out.add(spans[index].group.id)
    if not left_out or all(g.id in left_out for g in evidence.groups):
        return
    evidence.outside = [g for g in evidence.groups if g.id in left_out]
    evidence.groups = [g for g in evidence.groups if g.id not in left_out]


def _read_inclusions(evidence: Evidence, mentions: list[CountryMention]) -> None:
    """A State named as one of the set asked about ("the sponsors, Benin included") is
    emphasis: the set stays whole."""
    if not (evidence.groups or evidence.sets):
        return
    names: set[str | None] = set()
    for match in cues.INCLUDED_STATE.finditer(evidence.plain):
        evidence.explained.append(match.span())
        index = evidence.plain[: match.start()].count(COUNTRY)
        if index < len(mentions):
            names.add(mentions[index].name)
    names |= _remarked_members(evidence, mentions)
    evidence.countries = [c for c in evidence.countries if c.name not in names]


_ASIDE = re.compile(r"\(([^()]*)\)")
_NEGATED_ASIDE = re.compile(r"\b(?:not|no|except|excluding|without|but)\b")


def _remarked_members(evidence: Evidence, mentions: list[CountryMention]) -> set[str | None]:
    """Members of a group the question names, named again only in brackets: a remark
    ("EU states (UK still counted, it was 2019)") or the group spelled out ("the five eyes
    (US, UK, Canada, Aus, NZ)"), not a narrower subject."""
    members = {member.name for group in evidence.groups for member in group_by_id(group.id).members}
    remarked: set[str | None] = set()
    for aside in _ASIDE.finditer(evidence.raw):
        if _NEGATED_ASIDE.search(aside.group(1).casefold()):
            continue
        named = [m.name for m in mentions if aside.start() < m.start < aside.end()]
        if named and all(name in members for name in named):
            remarked.update(named)
    return remarked


def _read_positions(evidence: Evidence) -> None:
    if evidence.seen(cues.EITHER):
        evidence.either = True
    found: list[Position] = []
    for position, pattern in cues.NEGATED:
        if evidence.seen(pattern):
            found += [p for p in Position if p not in (position, *cues.NOT_ASKED)]
    if not found:
        claimed: list[tuple[int, int]] = []
        for position, pattern in cues.STRONG_POSITIONS:
            spans = [match.span() for match in pattern.finditer(evidence.plain)]
            evidence.explained += spans
            free = [s for s in spans if not any(a < s[1] and s[0] < b for a, b in claimed)]
            if free:
                found.append(position)
                claimed += free
        about_vote = cues.VOTE.search(evidence.plain) is not None
        for position, pattern in cues.WEAK_POSITIONS:
            if position in found or evidence.either:
                continue
            if evidence.seen(pattern) or (
                about_vote and evidence.seen(cues.VOTE_CONTEXT_POSITIONS[position])
            ):
                found.append(position)
    evidence.positions = [] if evidence.either else list(dict.fromkeys(found))


def _read_sets(evidence: Evidence) -> None:
    sets: list[SetMention] = []
    for match in cues.SPONSOR_SET.finditer(evidence.plain):
        evidence.explained.append(match.span())
        stage = {
            "original": SponsorStage.ORIGINAL,
            "initial": SponsorStage.ORIGINAL,
            "first": SponsorStage.ORIGINAL,
            "revised": SponsorStage.REVISED,
            "later": SponsorStage.SUBSEQUENT,
            "subsequent": SponsorStage.SUBSEQUENT,
            "new": evidence.stage or SponsorStage.SUBSEQUENT,
        }.get(match.group("stage") or "", evidence.stage)
        sets.append(SetMention(set=DocumentSet.SPONSORS, stage=stage))
    if evidence.seen(cues.SPEAKER_SET):
        sets.append(
            SetMention(
                set=DocumentSet.SPEAKERS, moment=evidence.moment, exact=evidence.exact_moment
            )
        )
    if evidence.seen(cues.NOTED_SET):
        sets.append(SetMention(set=DocumentSet.NOTED))
    evidence.sets = list(dict.fromkeys(sets))


def _moment(evidence: Evidence) -> StatementMoment | None:
    """When a statement was made; "not counting the explanations" or "the explanations of
    vote" narrow a moment to one kind of statement."""
    found = next((m for m, pattern in cues.MOMENTS if evidence.seen(pattern)), None)
    if found not in (StatementMoment.BEFORE_VOTE, StatementMoment.EXPLANATION_AFTER_VOTE):
        return found
    before = found is StatementMoment.BEFORE_VOTE
    if evidence.seen(cues.ONLY_STATEMENTS):
        evidence.exact_moment = True
        return StatementMoment.BEFORE_VOTE if before else StatementMoment.AFTER_VOTE
    if cues.ONLY_EXPLANATIONS.search(evidence.plain):
        evidence.exact_moment = True
        return (
            StatementMoment.EXPLANATION_BEFORE_VOTE
            if before
            else StatementMoment.EXPLANATION_AFTER_VOTE
        )
    return found


def _read_intent_cues(evidence: Evidence) -> None:
    seen = evidence.seen
    for name, pattern in cues.QUANTIFIERS:
        if seen(pattern):
            evidence.quantifier = Quantifier(name)
            break
    if seen(cues.LIST_ALL):
        evidence.quantifier = None
    evidence.count = seen(cues.COUNT)
    evidence.listing = seen(cues.LISTING)
    evidence.split_breakdown = seen(cues.SPLIT_AS_BREAKDOWN)
    evidence.outliers = seen(cues.OUTLIERS)
    evidence.compare = seen(cues.COMPARE) and not evidence.split_breakdown
    evidence.neighbours = seen(cues.NEIGHBOURS)
    evidence.vote = seen(cues.VOTE)
    evidence.tally_strong = seen(cues.TALLY_STRONG)
    evidence.tally_weak = seen(cues.TALLY_WEAK)
    evidence.introduced = seen(cues.INTRODUCED)
    evidence.introductory = seen(cues.INTRODUCTORY)
    evidence.sponsor = seen(cues.SPONSOR)
    evidence.statement = seen(cues.STATEMENT)
    evidence.behalf = seen(cues.BEHALF)
    claimed = cues.CLAIMED_RESULT.search(evidence.plain)
    if claimed is not None:
        figures = tuple(int(n) for n in claimed.group("a", "b", "c") if n is not None)
        if all(n <= MAX_VOTES for n in figures):
            evidence.claimed = figures
            evidence.explained.append(claimed.span())
    evidence.content = seen(cues.CONTENT)
    evidence.why = seen(cues.WHY)
    if seen(cues.DECISIONS):
        evidence.operative = OperativeSelection.DECISIONS
    elif seen(cues.OPERATIVE_PART):
        evidence.operative = OperativeSelection.WHOLE
    evidence.future = seen(cues.FUTURE)
    evidence.metadata_field = next((MetadataField(f) for f, p in cues.METADATA if seen(p)), None)
    if evidence.metadata_field is not None:
        evidence.other_fields = _other_fields(evidence.plain)
    evidence.follow_up_opening = seen(cues.FOLLOW_UP_OPENING)
    evidence.anaphora = seen(cues.ANAPHORA)
    evidence.agent_pronoun = seen(cues.AGENT_PRONOUN)
    evidence.asks_for_source = seen(cues.ASKS_FOR_SOURCE)
    evidence.correction = seen(cues.CORRECTION)
    evidence.it_or_that = cues.IT_OR_THAT.search(evidence.plain) is not None
    neighbour = cues.NEIGHBOUR_PARAGRAPH.search(evidence.plain)
    if neighbour is not None:
        evidence.explained.append(neighbour.span())
        later = re.search(r"next|following|after|below", neighbour.group())
        evidence.neighbour_paragraph = 1 if later else -1
    evidence.quote = seen(cues.QUOTE)
    evidence.membership = seen(cues.MEMBERSHIP)
    evidence.person_country = seen(cues.PERSON_COUNTRY)
    evidence.when_or_where = seen(cues.WHEN_OR_WHERE)
    meeting = cues.MEETING.search(evidence.plain)
    if meeting is not None:
        evidence.meeting = int(meeting.group("number"))
    day = cues.DAY.search(evidence.plain)
    if day is not None:
        month = _MONTH_NUMBERS[(day.group("month") or day.group("month2"))[:3]]
        evidence.day = (month, int(day.group("day") or day.group("day2")))
        evidence.explained.append(day.span())
    bare = cues.BARE_MOMENT.match(evidence.plain)
    if bare is not None and len(words(evidence.plain)) <= 4:
        evidence.bare_moment = (
            StatementMoment.BEFORE_VOTE
            if bare.group("moment") == "before"
            else StatementMoment.EXPLANATION_AFTER_VOTE
        )


def _unknown_subject(raw: str, vocabulary: Vocabulary) -> CountryMention | None:
    """ "How did Atlantis vote?", "did the frenchies go for it", "did any NGOs lobby against
    it": a subject that is no country or group we know, holding a word the documents never
    use; said back to the user rather than dropped."""
    match = _SUBJECT_OF_VOTE.match(raw)
    if match is None:
        return None
    quantifier = _QUANTIFIER.match(match.group("name"))
    start = match.start("name") + (quantifier.end() if quantifier else 0)
    name = raw[start : match.end("name")].strip()
    if _NOT_A_NAME.search(name):
        return None
    if not name[:1].isalpha() or name.casefold() in ("this", "that", "it", "they"):
        return None
    if all(vocabulary.knows(w) or w in GENERIC for w in words(name.casefold())):
        return None
    return CountryMention(
        text=name, start=start, end=start + len(name), status=ResolutionStatus.UNKNOWN
    )


_KIND_OF_STATE = re.compile(
    r"\b(?:which|what|how many|any|all|the|did|do|were|are|among)\s+"
    r"(?P<kind>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)\s+(?:countries|nations|states|governments)\b",
    re.IGNORECASE,
)
_NOT_A_KIND = re.compile(
    r"\b(?:other|others|remaining|rest|member|members|sponsoring|co-?sponsoring|voting|"
    r"abstaining|participating|these|those|such|un|of|many|more|most|few|several|some|no|"
    r"individual|all|both|each|every|two|three|four|five|the|a|an|their|its|our|your|"
    r"non-voting|absent|present|different|same|listed|named|above|following|"
    r"last|first|affected|concerned|which|what|fellow)\b",
    re.IGNORECASE,
)
"""Words that say how many or which of the States, or that the vote itself defines: not a
kind of State."""


def _unknown_kind(raw: str) -> str | None:
    """ "Which island nations abstained?": a kind of State that no group defines. Said back
    (with the groups that share a word) rather than answered for all 193."""
    for match in _KIND_OF_STATE.finditer(raw):
        kind = match.group("kind")
        article = _ARTICLE.match(kind)
        start = match.start("kind") + (article.end() if article else 0)
        if not _NOT_A_KIND.search(raw[start : match.end("kind")]):
            return raw[start : match.end()].strip()
    return None


_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)


def _other_fields(plain: str) -> list[MetadataField]:
    """Every header fact named at words of its own, in the order asked."""
    found: list[tuple[int, int, MetadataField]] = []
    for name, pattern in cues.METADATA:
        match = pattern.search(plain)
        if match and not any(a < match.end() and match.start() < b for a, b, _ in found):
            found.append((match.start(), match.end(), MetadataField(name)))
    return [field for _, _, field in sorted(found)]


def _leftover(evidence: Evidence) -> list[str]:
    """Content words that no cue explained, in order; a word partly explained counts as
    explained ("A/C.3/74/L.11/Rev.1" is not left over because "Rev.1" named a stage)."""
    masked = bytearray(len(evidence.plain))
    for start, end in evidence.explained:
        masked[start:end] = b"\x01" * (end - start)
    rest = [
        word
        for match in _WORD.finditer(evidence.plain)
        if not any(masked[match.start() : match.end()])
        for word in words(match.group())
    ]
    return [w for w in rest if fold(w) not in GENERIC and w not in GENERIC and len(w) > 1]


_WORD = re.compile(r"[\w/.'-]+")
