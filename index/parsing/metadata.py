"""The report's front matter: body, session, agenda item, title, date and Rapporteur."""

from __future__ import annotations

import re

from index.parsing.errors import ParseError
from index.parsing.markdown import Line, LineKind, clean_inline
from index.parsing.meetings import parse_date
from index.parsing.names import resolve_country, trailing_parenthetical
from index.records import DocumentMeta

_SESSION = re.compile(r"^[A-Z][\w-]*(?:\s+[\w-]+)*\s+session$")
_AGENDA = re.compile(r"^Agenda\s+items?\s+(.+)$", re.IGNORECASE)
_RAPPORTEUR = re.compile(r"^Rapporteur:\s*(.+)$", re.IGNORECASE)
_SUBTITLE = re.compile(r"^Report\s+of\s+the\s+", re.IGNORECASE)


def committee_name(subtitle: str) -> str:
    """ "Report of the Third Committee" -> "Third Committee": the body that voted."""
    return _SUBTITLE.sub("", subtitle).strip()


def parse_metadata(front: list[Line], document: str) -> DocumentMeta:
    headings = [
        (line.level, clean_inline(line.text)) for line in front if line.kind is LineKind.HEADING
    ]
    texts = [clean_inline(line.text) for line in front if line.kind is not LineKind.HEADING]

    body = next((text for level, text in headings if level == 1), None)
    subtitle = next((text for _, text in headings if _SUBTITLE.match(text)), None)
    title = next((text for level, text in headings if level > 1 and text != subtitle), None)
    session = next((text for text in texts if _SESSION.match(text)), None)
    agenda = next((m.group(1) for text in texts if (m := _AGENDA.match(text))), None)
    rapporteur_line = next((m.group(1) for text in texts if (m := _RAPPORTEUR.match(text))), None)
    date = next((d for text in texts if (d := parse_date(text)) is not None), None)

    name, country = trailing_parenthetical(_need(rapporteur_line, "a Rapporteur line", document))
    return DocumentMeta(
        body=_need(body, "a level-1 heading naming the body", document),
        session=_need(session, "a session line", document),
        agenda_item=_need(agenda, "an 'Agenda item' line", document),
        title=_need(title, "a title heading", document),
        subtitle=_need(subtitle, "a 'Report of the ...' heading", document),
        date=date,
        rapporteur=name,
        rapporteur_country=(resolve_country(country) or country) if country else None,
        heading=tuple(text for line in _from_the_body(front) if (text := clean_inline(line.text))),
    )


def _from_the_body(front: list[Line]) -> list[Line]:
    """The front matter from the body's own heading on: a printed masthead above it ("United
    Nations", the document's symbol) is layout, and a Markdown edition may not carry it."""
    start = next(
        (i for i, line in enumerate(front) if line.kind is LineKind.HEADING and line.level == 1),
        0,
    )
    return front[start:]


def _need(value: str | None, what: str, document: str) -> str:
    if value is None:
        raise ParseError(document, f"the front matter lacks {what}")
    return value
