"""Countries as a question names them: ambiguous names answered for each, unknown ones kept
for "did you mean"."""

from __future__ import annotations

from collections.abc import Sequence

from index.answers import Answer
from index.countries import CountryMention, Resolution, ResolutionStatus, resolve
from index.structured.citing import join_names
from index.user_text import quote_user_text


def resolution_of(mention: CountryMention) -> Resolution:
    """A mention as a resolution; an unknown name is looked up again for "did you mean"."""
    if mention.status is ResolutionStatus.UNKNOWN:
        return resolve(mention.text)
    return mention.to_resolution()


def expand_ambiguous(
    mentions: Sequence[CountryMention],
) -> tuple[list[CountryMention], str]:
    """Answer for every country an ambiguous name could mean rather than guess one.

    "How did Congo vote?" gets both Congos, with a line that says why.
    """
    expanded: list[CountryMention] = []
    notes: list[str] = []
    for mention in mentions:
        if mention.status is not ResolutionStatus.AMBIGUOUS or not mention.candidates:
            expanded.append(mention)
            continue
        notes.append(
            f"“{quote_user_text(mention.text)}” could mean {join_names(mention.candidates, 'or')}: "
            "here is each of them."
        )
        expanded += [
            mention.model_copy(
                update={"status": ResolutionStatus.MEMBER, "name": name, "candidates": ()}
            )
            for name in mention.candidates
        ]
    return expanded, " ".join(notes)


def prefaced(answer: Answer, preface: str) -> Answer:
    if not preface:
        return answer
    return answer.model_copy(update={"text": f"{preface}\n{answer.text}"})


def understood(country: Resolution) -> str:
    """ " (reading “Germny” as Germany)" when a typed name was corrected, so a user can check."""
    if not country.corrected:
        return ""
    return f" (reading “{quote_user_text(country.query)}” as {country.name})"
