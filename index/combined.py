"""One reply to a message that asks several things, part by part.

Each part keeps its own answer (``Answer.parts``, each with its own reading); the reply shows
them in order under the reading they answer, names the document and the vote once at the end
rather than after every part, and collects the States and paragraphs every part cites.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import Answer, Source, TrailEntry, VoteEntry


def combine(question: str, parts: Sequence[Answer]) -> Answer:
    """The parts' answers as one; ``query`` is the last part's, for the next follow-up."""
    closings = [_closing(part.text) for part in parts]
    blocks: list[str] = []
    for number, (part, closing) in enumerate(zip(parts, closings, strict=True), start=1):
        text = part.text
        later = closings[number:]
        if closing is not None and closing in later:
            text = text[: -len(closing)].rstrip()
        heading = part.query.reading if part.query is not None else part.question
        blocks.append(f"**{number}. {heading}**\n{text}")
    votes: dict[tuple[str, str], VoteEntry] = {}
    trail: dict[tuple[str, str, str], TrailEntry] = {}
    sources: dict[tuple[str, str], Source] = {}
    for part in parts:
        for entry in part.votes:
            votes.setdefault((entry.country, entry.document), entry)
        for step in part.trail:
            trail.setdefault((step.country, step.report, step.resolution), step)
        for source in part.sources:
            sources.setdefault((source.document, source.label), source)
    return Answer(
        question=question,
        kind=parts[0].kind,
        answered=any(part.answered for part in parts),
        text="\n\n".join(blocks),
        votes=list(votes.values()),
        trail=list(trail.values()),
        sources=list(sources.values()),
        illustration=next((p.illustration for p in parts if p.illustration), None),
        query=parts[-1].query,
        parts=list(parts),
    )


def _closing(text: str) -> str | None:
    """The italic line that names the document and the vote, when an answer ends with one."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    return last if last.startswith("*") and last.endswith("*") and len(last) > 2 else None
