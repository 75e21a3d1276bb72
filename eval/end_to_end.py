"""Judge the answers users see, end to end, on questions written the way people type.

Each question of ``eval/understanding.jsonl`` goes through ``Engine.ask`` (reading, routing,
answering, with the real model and FAISS), after its ``previous`` questions for a follow-up,
and the answer is judged against what the line expects. Expected sets of States are computed
here from the records and the group data, never typed by hand: "which EU countries voted in
favour" expects exactly the EU members of the document's date whose recorded position is in
favour.

A stable hash splits the questions into a tuning half (the reader was tuned on its failures)
and a held-out half (only ever reported). Reported per category and half, with a confusion
table of intents and the honesty rate on questions the document cannot answer.

Run: ``.venv/bin/python eval/end_to_end.py [--json] [--failures tuning|held-out|all]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from index.answers import Answer
from index.countries import all_member_names
from index.engine import Engine
from index.groups import group_by_id, regional_groups
from index.library import Library
from index.query import Query
from index.records import Document, Position, SponsorStage, StatementMoment
from index.settings import EngineSettings

EVAL_FILE = Path(__file__).resolve().parent / "understanding.jsonl"
HALVES = ("tuning", "held-out")
_BEFORE = {StatementMoment.BEFORE_VOTE, StatementMoment.EXPLANATION_BEFORE_VOTE}
_AFTER = {StatementMoment.EXPLANATION_AFTER_VOTE, StatementMoment.AFTER_VOTE}


class Item(BaseModel):
    question: str
    previous: list[str] = []
    category: str
    intent: str
    expect: dict[str, Any]

    @property
    def key(self) -> str:
        return ">>".join([*self.previous, self.question])

    @property
    def half(self) -> str:
        """ "tuning" or "held-out": the parity of the first byte of the sha256 of the key."""
        return "tuning" if hashlib.sha256(self.key.encode()).digest()[0] % 2 == 0 else "held-out"


class Verdict(BaseModel):
    item: Item
    correct: bool
    reasons: list[str]
    intent: str
    answered: bool
    kind: str


def read_items(path: Path = EVAL_FILE) -> list[Item]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Item.model_validate_json(line) for line in lines if line.strip()]


# --- what a right answer holds, from the records ---------------------------------------------


def positions_of(library: Library, document: Document) -> dict[str, Position]:
    return {name: library.position(document, name) for name in all_member_names()}


def document_set(name: str, document: Document) -> set[str]:
    """One of the document's own sets, by the name the evaluation file uses."""
    stages = {"original_sponsors": SponsorStage.ORIGINAL}
    if name in ("sponsors", *stages):
        wanted = stages.get(name)
        return {s.country for s in document.sponsors if wanted in (None, s.stage)}
    moments = {"speakers": None, "speakers_before": _BEFORE, "speakers_after": _AFTER}
    if name in moments:
        family = moments[name]
        return {s.speaker for s in document.statements if family is None or s.moment in family}
    if name == "noted":
        return set(document.vote.notes) if document.vote else set()
    raise ValueError(f"unknown set {name!r}")


def expected_set(spec: dict[str, Any], library: Library, document: Document) -> dict[str, str]:
    """Country -> position for every State the answer must name with the asked positions."""
    positions = positions_of(library, document)
    scope = set(positions)
    for group in spec.get("groups", []):
        scope &= set(group_by_id(group).members_on(document.meta.date))
    for name in spec.get("sets", []):
        scope &= document_set(name, document)
    wanted = {Position(p) for p in spec.get("positions", [])} or set(Position)
    return {c: positions[c].value for c in scope if positions[c] in wanted}


def expected_outliers(library: Library, document: Document) -> dict[str, str]:
    """States whose position differs from their regional group's most common one (voters)."""
    positions = positions_of(library, document)
    found: dict[str, str] = {}
    for group in regional_groups():
        voted = {m: positions[m] for m in group.members_on(document.meta.date)}
        counts = Counter(p for p in voted.values() if p is not Position.ABSENT)
        majority = counts.most_common(1)[0][0]
        found |= {m: p.value for m, p in voted.items() if p not in (majority, Position.ABSENT)}
    return found


# --- judging ---------------------------------------------------------------------------------


def judge(item: Item, answer: Answer, library: Library) -> list[str]:
    """Why the answer is wrong; empty when it is right."""
    expect = item.expect
    document = library.documents[0]
    positions = positions_of(library, document)
    votes = {(v.country, v.position.value) for v in answer.votes}
    text = answer.text
    wrong: list[str] = []
    if "votes" in expect:
        wanted = {(c, _position(c, positions)) for c in expect["votes"]}
        if not wanted <= votes or {c for c, _ in votes} - set(expect["votes"]):
            wrong.append(f"votes {sorted(votes)} != {sorted(wanted)}")
    if "set" in expect:
        wanted_set = expected_set(expect["set"], library, document)
        asked = {Position(p).value for p in expect["set"].get("positions", [])}
        named = {(c, p) for c, p in votes if not asked or p in asked}
        if named != set(wanted_set.items()):
            wrong.append(f"set {sorted(named)} != {sorted(wanted_set.items())}")
        if expect.get("count") and f"**{len(wanted_set)}**" not in text:
            wrong.append(f"count {len(wanted_set)} not stated")
    if expect.get("outliers"):
        wanted_outliers = expected_outliers(library, document)
        if dict(votes) != wanted_outliers:
            wrong.append("outliers differ")
    verdict = expect.get("verdict") or {"same": "yes", "different": "no"}.get(
        expect.get("compare", "")
    )
    if verdict is not None and f"**{verdict.capitalize()}**" not in text:
        wrong.append(f"no “{verdict}” verdict")
    if "kind" in expect and answer.kind.value != expect["kind"]:
        wrong.append(f"kind {answer.kind.value} != {expect['kind']}")
    for snippet in expect.get("contains", []):
        if snippet.casefold() not in text.casefold():
            wrong.append(f"missing “{snippet}”")
    if "paragraphs" in expect:
        labels = {_label(library, pid) for pid in expect["paragraphs"]}
        first = answer.sources[0].label if answer.sources else None
        if first not in labels:
            wrong.append(f"cites {first} first, not {sorted(labels)}")
        quote = expect.get("quote")
        if quote and quote.casefold() not in text.casefold():
            wrong.append(f"does not quote “{quote}”")
    if "answered" in expect and answer.answered != expect["answered"]:
        wrong.append(f"answered={answer.answered}")
    for pid in expect.get("nearest", []):
        if _label(library, pid) not in {s.label for s in answer.sources}:
            wrong.append(f"does not cite {pid}")
    return wrong


def _position(country: str, positions: dict[str, Position]) -> str:
    return positions[country].value if country in positions else Position.NOT_MEMBER.value


def _label(library: Library, paragraph_id: str) -> str:
    for document in library.documents:
        paragraph = Library.paragraph(document, paragraph_id)
        if paragraph is not None:
            return paragraph.label
    raise ValueError(f"no paragraph {paragraph_id}")


def ask(engine: Engine, item: Item) -> Answer:
    previous: Query | None = None
    for earlier in item.previous:
        previous = engine.ask(earlier, previous).query
    return engine.ask(item.question, previous)


def evaluate(items: Sequence[Item], engine: Engine) -> list[Verdict]:
    library = Library(engine.documents)
    verdicts = []
    for item in items:
        answer = ask(engine, item)
        reasons = judge(item, answer, library)
        verdicts.append(
            Verdict(
                item=item,
                correct=not reasons,
                reasons=reasons,
                intent=answer.query.intent.value if answer.query else "none",
                answered=answer.answered,
                kind=answer.kind.value,
            )
        )
    return verdicts


# --- reporting -------------------------------------------------------------------------------


def table(verdicts: Sequence[Verdict]) -> str:
    categories = sorted({v.item.category for v in verdicts})
    rows = ["| category | tuning | held-out | all |", "| --- | ---: | ---: | ---: |"]
    for category in [*categories, "all"]:
        cells = []
        for half in (*HALVES, "all"):
            chosen = [
                v
                for v in verdicts
                if category in ("all", v.item.category) and half in ("all", v.item.half)
            ]
            right = sum(v.correct for v in chosen)
            cells.append(f"{right}/{len(chosen)} ({right / len(chosen):.1%})" if chosen else "-")
        rows.append(f"| {category} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def confusion(verdicts: Sequence[Verdict]) -> str:
    pairs = Counter((v.item.intent, v.intent) for v in verdicts)
    read = sorted({got for _, got in pairs})
    rows = ["| expected \\ read | " + " | ".join(read) + " |", "| --- |" + " ---: |" * len(read)]
    for expected in sorted({e for e, _ in pairs}):
        cells = [str(pairs.get((expected, got), "")) for got in read]
        rows.append(f"| {expected} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def honesty(verdicts: Sequence[Verdict]) -> str:
    lines = []
    for half in (*HALVES, "all"):
        limits = [
            v
            for v in verdicts
            if v.item.expect.get("answered") is False and half in ("all", v.item.half)
        ]
        false_answers = sum(v.answered for v in limits)
        lines.append(
            f"- {half}: {len(limits) - false_answers}/{len(limits)} not-answerable questions "
            f"answered honestly; false-answer rate {false_answers / max(len(limits), 1):.1%}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print every verdict as JSON")
    parser.add_argument(
        "--failures",
        choices=("none", "tuning", "held-out", "all"),
        default="tuning",
        help="which half's failures to list (default: tuning only, to keep held-out honest)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    items = read_items()
    with tempfile.TemporaryDirectory(prefix="rapporteur-e2e-") as data:
        engine = Engine(EngineSettings(data_dir=Path(data)))
        engine.warm_up()
        verdicts = evaluate(items, engine)
    if args.json:
        for verdict in verdicts:
            print(verdict.model_dump_json())
        return 0
    print(f"End to end on {len(items)} questions ({EVAL_FILE.name}):\n")
    print(table(verdicts), "\n")
    print("Intents (expected rows, read columns):\n")
    print(confusion(verdicts), "\n")
    print("Honest limits:\n")
    print(honesty(verdicts))
    shown: defaultdict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        if not verdict.correct and args.failures in ("all", verdict.item.half):
            shown[verdict.item.category].append(verdict)
    for category, failed in sorted(shown.items()):
        print(f"\nFailures, {category}:")
        for verdict in failed:
            print(f"- [{verdict.item.half}] {verdict.item.key!r} read as {verdict.intent}: ")
            print("    " + "; ".join(verdict.reasons)[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
