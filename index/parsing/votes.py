"""The recorded vote: three lists of countries, checked against the tally the report states.

Every check failure is a ParseError: a roster that does not add up would otherwise be
served to users as the official record.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict

from index.parsing.errors import ParseError
from index.parsing.markdown import clean_inline
from index.parsing.names import resolve_country, split_names, split_top_level, strip_article
from index.parsing.numbers import parse_count
from index.parsing.paragraphs import RawParagraph
from index.parsing.prose import DRAFT_SYMBOL, sentences
from index.records import Footnote, RecordedVote, Tally

_TALLY = re.compile(
    r"by\s+a\s+recorded\s+vote\s+of\s+(?P<in_favour>[\w\s-]+?)\s+to\s+(?P<against>[\w\s-]+?),?"
    r"\s+with\s+(?P<abstaining>[\w\s-]+?)\s+abstentions?\b",
    re.IGNORECASE,
)
_DECISION = re.compile(
    rf"\b(?P<verb>adopted|rejected)\s+(?:the\s+)?(?:revised\s+)?draft\s+(?:resolution|decision)"
    rf"(?:\s+(?P<symbol>{DRAFT_SYMBOL}))?",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"delegations?\s+of\s+(?P<names>.+?)\s+(?:subsequently\s+)?(?:indicated|informed|stated)"
    r"\s+that\s+(?:it|they)\s+had\s+(?:intended|not\s+intended)",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r";\s+|(?<=\.)\s+(?=[A-Z])")
_LISTS = {"in favour:": "in_favour", "against:": "against", "abstaining:": "abstaining"}
_READABLE = {"in_favour": "In favour", "against": "Against", "abstaining": "Abstaining"}


class VoteContext(BaseModel):
    """What the vote paragraph inherits from the rest of the report."""

    model_config = ConfigDict(frozen=True)

    document: str
    body: str
    meeting: int | None
    date: dt.date | None
    current_draft: str | None


def has_vote(paragraph: RawParagraph) -> bool:
    return bool(paragraph.lists) or _TALLY.search(paragraph.prose) is not None


def parse_vote(
    paragraph: RawParagraph, footnotes: tuple[Footnote, ...], context: VoteContext
) -> RecordedVote:
    where = f"paragraph {paragraph.number} of the report"
    document = context.document
    prose = paragraph.prose
    tally_match = _TALLY.search(prose)
    if tally_match is None:
        raise ParseError(document, f"{where} lists votes but states no 'recorded vote of N to N'")
    stated = _stated_tally(tally_match, where, document)
    lists = _lists(paragraph, where, document)
    for key in _READABLE:
        expected = getattr(stated, key)
        if key not in lists and expected > 0:
            raise ParseError(
                document,
                f"{where} states {expected} {_READABLE[key].lower()} votes "
                f"but prints no '{_READABLE[key]}:' list",
            )
        names = lists.setdefault(key, [])
        if len(names) != expected:
            raise ParseError(
                document,
                f"{where}: the {_READABLE[key]} list has {len(names)} countries "
                f"but the report states {expected}",
            )
    _check_unique(lists, where, document)

    verb, symbol = _decision(prose, tally_match.start())
    subject = symbol or context.current_draft
    if verb is None or subject is None:
        raise ParseError(document, f"{where}: cannot tell which draft was adopted or rejected")
    if context.meeting is None:
        raise ParseError(document, f"{where}: cannot tell at which meeting the vote was held")
    return RecordedVote(
        document=document,
        subject=subject,
        body=context.body,
        meeting=context.meeting,
        date=context.date,
        adopted=verb.lower() == "adopted",
        in_favour=tuple(lists["in_favour"]),
        against=tuple(lists["against"]),
        abstaining=tuple(lists["abstaining"]),
        stated=stated,
        notes=_notes(footnotes, where, document),
        paragraph_id=f"report-{paragraph.number}",
    )


def _stated_tally(match: re.Match[str], where: str, document: str) -> Tally:
    counts: dict[str, int] = {}
    for key in _READABLE:
        count = parse_count(match.group(key))
        if count is None:
            raise ParseError(document, f"{where}: {match.group(key)!r} is not a vote count")
        counts[key] = count
    return Tally(**counts)


def _lists(paragraph: RawParagraph, where: str, document: str) -> dict[str, list[str]]:
    """The printed lists by key; a list that is not printed is absent, not empty."""
    lists: dict[str, list[str]] = {}
    for item in paragraph.lists:
        key = _LISTS.get(item.heading.lower())
        if key is None:
            raise ParseError(document, f"{where}: unknown vote list {item.heading!r}")
        if key in lists:
            raise ParseError(document, f"{where}: the {_READABLE[key]} list is printed twice")
        lists[key] = _countries(clean_inline(item.raw), _READABLE[key], where, document)
    return lists


def _countries(text: str, heading: str, where: str, document: str) -> list[str]:
    names = split_top_level(text.strip().rstrip("."))
    if names == ["None"]:
        return []
    countries: list[str] = []
    for position, name in enumerate(names, start=1):
        name = name.rstrip(".").strip()
        if not name:
            raise ParseError(document, f"{where}: empty name at position {position} of {heading}")
        canonical = resolve_country(name)
        if canonical is None:
            raise ParseError(
                document, f"{where}: {name!r} in the {heading} list is not a Member State"
            )
        countries.append(canonical)
    return countries


def _check_unique(lists: dict[str, list[str]], where: str, document: str) -> None:
    first_list: dict[str, str] = {}
    for key, names in lists.items():
        for name in names:
            if name in first_list:
                raise ParseError(
                    document,
                    f"{where}: {name} appears twice (in {_READABLE[first_list[name]]} "
                    f"and {_READABLE[key]})",
                )
            first_list[name] = key


def _decision(prose: str, tally_at: int) -> tuple[str | None, str | None]:
    """The verb and symbol of the decision whose tally starts at ``tally_at``."""
    before = sentences(prose[:tally_at])
    matches = list(_DECISION.finditer(before[-1])) if before else []
    if not matches:
        return None, None
    return matches[-1].group("verb"), matches[-1].group("symbol")


def _notes(footnotes: tuple[Footnote, ...], where: str, document: str) -> dict[str, str]:
    """Footnotes in which a delegation corrects its vote, keyed by canonical country.

    One footnote may carry several corrections ("the delegation of Tonga …; the delegation of
    Egypt …"): each delegation gets its own clause, whether it was absent or voted otherwise.
    """
    notes: dict[str, str] = {}
    for footnote in footnotes:
        for clause in _CLAUSES.split(footnote.text):
            match = _NOTE.search(clause)
            if match is None:
                continue
            countries = split_names(strip_article(match.group("names")), resolve_country)
            if countries is None:
                raise ParseError(
                    document,
                    f"{where}, footnote {footnote.number}: {match.group('names')!r} "
                    "does not name Member States",
                )
            for country in countries:
                notes[country] = _as_sentence(clause)
    return notes


def _as_sentence(clause: str) -> str:
    clause = clause.strip().rstrip(".;")
    return f"{clause[:1].upper()}{clause[1:]}."
