"""Attach footnote bodies to the paragraphs that cite them.

Numbering restarts in the resolution, so a number alone is ambiguous. A body is printed at
the foot of the page, after its marker: it belongs to the earliest still-unmatched marker
with the same number printed before it. That resolves each footnote within the right part
without knowing where the parts begin.
"""

from __future__ import annotations

from collections import defaultdict, deque

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
    """Footnotes for each paragraph, aligned with ``paragraphs``.

    Unmatched markers wait in one queue per footnote number, oldest first, so each body finds
    its marker at the head of its queue: linear in the number of footnotes.
    """
    waiting: dict[int, deque[_Citation]] = defaultdict(deque)
    citations = sorted(
        (
            _Citation(lineno=marker.lineno, number=marker.number, paragraph=index)
            for index, paragraph in enumerate(paragraphs)
            for marker in paragraph.markers
        ),
        key=lambda citation: citation.lineno,
    )
    for citation in citations:
        waiting[citation.number].append(citation)
    attached: list[list[Footnote]] = [[] for _ in paragraphs]
    for body in sorted(bodies, key=lambda b: b.lineno):
        queue = waiting[body.number]
        if not queue or queue[0].lineno > body.lineno:
            raise ParseError(
                document, f"line {body.lineno}: no paragraph above cites footnote {body.number}"
            )
        owner = queue.popleft()
        attached[owner.paragraph].append(Footnote(number=body.number, text=body.text))
    unmatched = sorted(
        (citation for queue in waiting.values() for citation in queue),
        key=lambda citation: citation.lineno,
    )
    if unmatched:
        citation = unmatched[0]
        paragraph = paragraphs[citation.paragraph]
        raise ParseError(
            document,
            f"line {citation.lineno}: footnote {citation.number} cited in "
            f"{paragraph.part.value} paragraph {paragraph.number} has no footnote text",
        )
    return [tuple(footnotes) for footnotes in attached]
