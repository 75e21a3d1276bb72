"""Attach footnote bodies to the paragraphs that cite them.

Numbering restarts in the resolution, so a number alone is ambiguous. A body is printed at
the foot of the page, after its marker: it belongs to the earliest still-unmatched marker
with the same number printed before it. That resolves each footnote within the right part
without knowing where the parts begin.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from index.parsing.errors import ParseError
from index.parsing.paragraphs import FootnoteBody, RawParagraph
from index.records import Footnote


class _Citation(BaseModel):
    model_config = ConfigDict(frozen=True)

    lineno: int
    number: int
    paragraph: int


def attach_footnotes(
    paragraphs: list[RawParagraph], bodies: list[FootnoteBody], document: str
) -> list[tuple[Footnote, ...]]:
    """Footnotes for each paragraph, aligned with ``paragraphs``."""
    unmatched = sorted(
        (
            _Citation(lineno=marker.lineno, number=marker.number, paragraph=index)
            for index, paragraph in enumerate(paragraphs)
            for marker in paragraph.markers
        ),
        key=lambda citation: citation.lineno,
    )
    attached: list[list[Footnote]] = [[] for _ in paragraphs]
    for body in sorted(bodies, key=lambda b: b.lineno):
        owner = next(
            (c for c in unmatched if c.number == body.number and c.lineno <= body.lineno), None
        )
        if owner is None:
            raise ParseError(
                document, f"line {body.lineno}: no paragraph above cites footnote {body.number}"
            )
        unmatched.remove(owner)
        attached[owner.paragraph].append(Footnote(number=body.number, text=body.text))
    if unmatched:
        citation = unmatched[0]
        paragraph = paragraphs[citation.paragraph]
        raise ParseError(
            document,
            f"line {citation.lineno}: footnote {citation.number} cited in "
            f"{paragraph.part.value} paragraph {paragraph.number} has no footnote text",
        )
    return [tuple(footnotes) for footnotes in attached]
