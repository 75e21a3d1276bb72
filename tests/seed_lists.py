"""The seed document's vote and sponsor lists, cut out of the Markdown with plain string splits.

Deliberately independent of the real parser, so tests can check the parser, the resolver and
the answers against what the document prints.
"""

from __future__ import annotations

from index.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
TEXT = SEED.read_text(encoding="utf-8")


def between(start: str, end: str) -> str:
    return TEXT.split(start, 1)[1].split(end, 1)[0]


def vote_list(start: str, end: str) -> list[str]:
    lines = [
        line.strip()
        for line in between(start, end).splitlines()
        if line.strip() and line.strip() != "---" and not line.startswith("<sup>")
    ]
    return [name.strip() for name in " ".join(lines).rstrip(".").split(",")]


def sponsor_list(start: str, end: str) -> list[str]:
    *names, last_two = between(start, end).split(", ")
    return [*names, *last_two.split(" and ")]


VOTES = {
    "in_favour": vote_list("*In favour:*", "*Against:*"),
    "against": vote_list("*Against:*", "*Abstaining:*"),
    "abstaining": vote_list("*Abstaining:*", "\n11. "),
}
SPONSORS = {
    "original": sponsor_list("also on behalf of ", ", introduced"),
    "revised": sponsor_list("draft resolution [A/C.3/74/L.11](#) and ", ". Subsequently"),
    "subsequent": sponsor_list("Subsequently, ", " joined in sponsoring"),
}
VOTE_NAMES = [name for names in VOTES.values() for name in names]
SPONSOR_NAMES = [name for names in SPONSORS.values() for name in names]
