"""Sponsors by stage: who introduced the original draft, who submitted the revision, and
who joined afterwards."""

from __future__ import annotations

import re

from index.parsing.errors import ParseError
from index.parsing.names import require_countries, split_behalf
from index.parsing.paragraphs import RawParagraph
from index.parsing.prose import DRAFT_SYMBOL, sentences
from index.records import Sponsor, SponsorStage

_INTRODUCED = re.compile(
    r"representatives?\s+of\s+(?P<who>.+?),?\s+introduced\s+(?:and\s+orally\s+revised\s+)?"
    rf"(?:a\s+|the\s+)?(?P<revised>revised\s+)?draft\s+resolution\b.*?(?P<symbol>{DRAFT_SYMBOL})"
)
_SUBMITTED = re.compile(
    r"had\s+before\s+it\s+(?:a\s+|the\s+)?(?P<revised>revised\s+)?draft\s+resolution\b[^.]*?"
    rf"\(?(?P<symbol>{DRAFT_SYMBOL})\)?,?\s+(?:which\s+was\s+)?(?:submitted|sponsored)\s+by\s+"
    r"(?P<who>.+?)\.?$"
)
_PREVIOUS_SPONSORS = re.compile(
    rf"^the\s+sponsors\s+of\s+(?:the\s+)?(?:draft\s+resolution\s+)?{DRAFT_SYMBOL},?(?:\s+and\s+|$)"
)
_JOINED = re.compile(
    r"^(?:(?:Subsequently|Also|In\s+addition|Thereafter|Later|(?:Also\s+)?at\s+(?:its|the)\s+"
    r"\S+\s+meeting(?:,\s+on\s+[^,]+)?),\s+)?(?P<who>.+?)\s+(?:also\s+)?joined\s+in\s+sponsoring"
    rf"\s+(?:the\s+)?(?:revised\s+)?draft\s+resolution(?:\s+\(?(?P<symbol>{DRAFT_SYMBOL}))?"
    r"[^:]*(?::\s*(?P<listed>.+?))?\.?$",
    re.IGNORECASE,
)
_FOLLOWING = re.compile(r"^the\s+following\s+(?:countries|States|Member\s+States)$", re.IGNORECASE)


def _stage(symbol: str, revised: bool) -> SponsorStage:
    return SponsorStage.REVISED if revised or "/Rev." in symbol else SponsorStage.ORIGINAL


class _Collector:
    def __init__(self, document: str) -> None:
        self.document = document
        self.sponsors: list[Sponsor] = []

    def add(self, countries: list[str], stage: SponsorStage, draft: str, paragraph_id: str) -> None:
        if len(set(countries)) != len(countries):
            twice = next(c for c in countries if countries.count(c) > 1)
            number = paragraph_id.removeprefix("report-")
            raise ParseError(
                self.document,
                f"paragraph {number} of the report lists {twice} twice as a sponsor of {draft}",
            )
        known = {sponsor.country for sponsor in self.sponsors}
        self.sponsors.extend(
            Sponsor(country=country, stage=stage, draft=draft, paragraph_id=paragraph_id)
            for country in countries
            if country not in known
        )


def extract_sponsors(
    paragraphs: list[RawParagraph], drafts: list[str | None], document: str
) -> tuple[Sponsor, ...]:
    """Sponsors in order of appearance; a country keeps the earliest stage it sponsored at."""
    collector = _Collector(document)
    for paragraph, current in zip(paragraphs, drafts, strict=True):
        paragraph_id = f"report-{paragraph.number}"
        where = f"paragraph {paragraph.number} of the report"
        for sentence in sentences(paragraph.prose):
            if match := _INTRODUCED.search(sentence):
                behalf = split_behalf(match.group("who"))
                names = behalf.name
                if behalf.on_behalf_of is not None:
                    names = f"{behalf.name}, {behalf.on_behalf_of}"
                symbol = match.group("symbol")
                collector.add(
                    require_countries(names, document, where),
                    _stage(symbol, bool(match.group("revised"))),
                    symbol,
                    paragraph_id,
                )
            if match := _SUBMITTED.search(sentence):
                symbol = match.group("symbol")
                who = _PREVIOUS_SPONSORS.sub("", match.group("who"))
                if who:
                    collector.add(
                        require_countries(who, document, where),
                        _stage(symbol, bool(match.group("revised"))),
                        symbol,
                        paragraph_id,
                    )
            if match := _JOINED.search(sentence):
                who = match.group("who")
                if _FOLLOWING.match(who) and match.group("listed"):
                    who = match.group("listed")
                draft = match.group("symbol") or current
                if draft is None:
                    raise ParseError(document, f"{where}: sponsors joined an unnamed draft")
                collector.add(
                    require_countries(who, document, where),
                    SponsorStage.SUBSEQUENT,
                    draft,
                    paragraph_id,
                )
    return tuple(collector.sponsors)
