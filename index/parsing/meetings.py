"""Committee meetings: which were held when, and which meeting each paragraph is about.

Reports write dates without a year once the year is clear ("At its 5th meeting, on
3 October"), so missing years are taken from the document's own date.
"""

from __future__ import annotations

import datetime as dt
import re

from index.parsing.errors import ParseError
from index.parsing.paragraphs import RawParagraph
from index.records import Meeting

# fmt: off
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# fmt: on
_MONTH = "|".join(MONTHS)
_ORDINAL = r"\d+(?:st|nd|rd|th)"
_DAY = rf"\d{{1,2}}(?:\s+(?:{_MONTH}))?(?:\s+\d{{4}})?"
_LIST_JOIN = r"(?:,\s+and\s+|,\s+|\s+and\s+)"
_MENTION = re.compile(
    rf"(?P<ordinals>{_ORDINAL}(?:{_LIST_JOIN}{_ORDINAL})*)\s+(?P<plenary>plenary\s+)?meetings?"
    rf"(?:,?\s+(?:held\s+)?on\s+(?P<dates>{_DAY}(?:{_LIST_JOIN}{_DAY})*))?"
)
_DAY_PARTS = re.compile(rf"(\d{{1,2}})(?:\s+({_MONTH}))?(?:\s+(\d{{4}}))?")
_OPENING = re.compile(
    r"^(?:Also\s+)?at\s+(?:its|the)\s+(?:(?P<number>\d+)(?:st|nd|rd|th)\s+(?P<plenary>plenary\s+)?"
    r"meeting|(?P<same>same)\s+meeting)",
    re.IGNORECASE,
)
DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b")


def parse_date(text: str) -> dt.date | None:
    """The first full date ("25 November 2019") in ``text``."""
    match = DATE.search(text)
    if match is None:
        return None
    day, month, year = match.groups()
    return dt.date(int(year), MONTHS.index(month) + 1, int(day))


def _dates(text: str, reference: dt.date | None) -> list[dt.date | None]:
    """Dates of "7 and 18 November 2019": a bare day takes the month and year that follow."""
    parts = [m.groups() for m in _DAY_PARTS.finditer(text)]
    dates: list[dt.date | None] = []
    month: str | None = None
    year: str | None = None
    for day, day_month, day_year in reversed(parts):
        month = day_month or month
        year = day_year or year
        if month is None:
            dates.append(None)
            continue
        dates.append(_with_year(int(day), MONTHS.index(month) + 1, year, reference))
    return list(reversed(dates))


def _with_year(day: int, month: int, year: str | None, reference: dt.date | None) -> dt.date | None:
    if year is not None:
        return dt.date(int(year), month, day)
    if reference is None:
        return None
    candidate = dt.date(reference.year, month, day)
    return candidate if candidate <= reference else dt.date(reference.year - 1, month, day)


def committee_meetings(
    paragraphs: list[RawParagraph], reference: dt.date | None, document: str
) -> tuple[Meeting, ...]:
    """The Committee's meetings mentioned in the report (plenary meetings are the Assembly's)."""
    found: dict[int, dt.date | None] = {}
    for paragraph in paragraphs:
        for match in _MENTION.finditer(paragraph.prose):
            if match.group("plenary"):
                continue
            numbers = [int(n) for n in re.findall(r"\d+", match.group("ordinals"))]
            dates = _dates(match.group("dates") or "", reference)
            if len(dates) == 1:
                dates = dates * len(numbers)
            elif len(dates) != len(numbers):
                dates = [None] * len(numbers)
            for number, date in zip(numbers, dates, strict=True):
                known = found.get(number)
                if known is not None and date is not None and known != date:
                    raise ParseError(
                        document,
                        f"paragraph {paragraph.number} of the report dates meeting {number} "
                        f"{date}, but an earlier paragraph says {known}",
                    )
                found[number] = known or date
    return tuple(Meeting(number=n, date=d) for n, d in sorted(found.items()))


def paragraph_meetings(paragraphs: list[RawParagraph]) -> list[int | None]:
    """The Committee meeting each paragraph reports on, aligned with ``paragraphs``.

    "At the same meeting" and paragraphs that name no meeting ("Before the vote, ...") stay
    at the previous paragraph's meeting; a paragraph spanning several meetings has none.
    """
    current: int | None = None
    result: list[int | None] = []
    for paragraph in paragraphs:
        prose = paragraph.prose
        opening = _OPENING.match(prose)
        if opening is not None and not opening.group("same"):
            current = None if opening.group("plenary") else int(opening.group("number"))
        elif opening is None and _MENTION.search(prose):
            current = None
        result.append(current)
    return result
