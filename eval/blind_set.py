"""Judge the blind question set: questions written by helpers who never saw the reader.

Five writers, each in a persona (journalist, diplomat's intern, student, activist, Discord
regular), wrote ``eval/blind/raw/*.jsonl`` from the seed document and the plenary data alone,
following ``eval/blind/FORMAT.md``; a sixth wrote hard paraphrases of passages
(``paraphrase.jsonl``), reported as a set of its own. Every expected set of States and every
count is computed here from the records and the group data, never typed: a writer names the
group and the position, the script names the States.

A fixed hash of each question's id splits the set into a tuning half and a held-out half. Only
the tuning half's failures are ever printed unless ``--failures held-out`` is asked for, which
is meant for the end of the work.

Run: ``.venv/bin/python eval/blind_set.py [--failures tuning|held-out|all|none] [--json]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from index.answers import Answer
from index.countries import all_member_names
from index.engine import Engine
from index.groups import group_by_id
from index.library import Library
from index.query import Query
from index.records import Document, Position, StatementMoment
from index.settings import EngineSettings

BLIND_DIR = Path(__file__).resolve().parent / "blind" / "raw"
FRESH_DIR = BLIND_DIR.parent / "fresh"
"""Round 4: questions run only to be measured, never tuned on; their failures are never shown."""
PARAPHRASES = "paraphrase"
"""The prefix of the files of hard paraphrases, reported as a set of their own."""
HALVES = ("tuning", "held-out")
VoteName = Literal["committee", "plenary"]

_BEFORE = {StatementMoment.BEFORE_VOTE, StatementMoment.EXPLANATION_BEFORE_VOTE}
_AFTER = {StatementMoment.EXPLANATION_AFTER_VOTE, StatementMoment.AFTER_VOTE}
_SAYS_NOT = re.compile(
    r"not why|does not (?:say|record|give|state|tell|name|contain|mention)|doesn't "
    r"(?:say|record|give|tell|mention)|not (?:recorded|given|stated) in|no (?:record|mention) "
    r"of|not in (?:the|this) (?:document|report)|may not answer",
    re.IGNORECASE,
)
"""How an answer says plainly that the document does not hold what was asked."""


class Item(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    q: str
    previous: list[str] = []
    type: str
    expect: dict[str, Any]
    kind: str = ""
    set_name: str = ""

    @property
    def half(self) -> str:
        """ "tuning" or "held-out": the parity of the first byte of the sha256 of the id."""
        return "tuning" if hashlib.sha256(self.id.encode()).digest()[0] % 2 == 0 else "held-out"

    @property
    def paraphrase(self) -> bool:
        return self.set_name.startswith(PARAPHRASES)

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


class Verdict(BaseModel):
    item: Item
    reasons: list[str]
    answered: bool
    kind: str
    text: str

    @property
    def correct(self) -> bool:
        return not self.reasons


def read_items(folder: Path = BLIND_DIR) -> list[Item]:
    items: list[Item] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = Item.model_validate_json(line)
                items.append(item.model_copy(update={"set_name": path.stem}))
    return items


# --- what a right answer holds, from the records -------------------------------------------


class Truth:
    """Every Member State's position in each vote, and the document's own sets."""

    def __init__(self, library: Library, plenary: dict[str, Position]) -> None:
        self.document: Document = library.documents[0]
        self.date = self.document.meta.date
        members = all_member_names()
        self.positions: dict[VoteName, dict[str, Position]] = {
            "committee": {name: library.position(self.document, name) for name in members},
            "plenary": {name: plenary.get(name, Position.ABSENT) for name in members},
        }

    def scope(self, spec: dict[str, Any]) -> list[str]:
        """The States a group expectation is about, in UN order."""
        chosen = set(all_member_names())
        if "group" in spec:
            chosen &= set(group_by_id(spec["group"]).members_on(self.date))
        if "countries" in spec:
            chosen &= set(spec["countries"])
        if "set" in spec:
            chosen &= self.document_set(spec["set"])
        return [name for name in all_member_names() if name in chosen]

    def document_set(self, name: str) -> set[str]:
        document = self.document
        if name == "sponsors":
            return {s.country for s in document.sponsors}
        if name == "original_sponsors":
            return {s.country for s in document.sponsors if s.stage.value == "original"}
        family = {"speakers": None, "speakers_before": _BEFORE, "speakers_after": _AFTER}[name]
        return {s.speaker for s in document.statements if family is None or s.moment in family}

    def expected(self, spec: dict[str, Any]) -> dict[str, Position]:
        """State -> position for every State the answer must name."""
        vote: VoteName = spec.get("vote", "committee")
        positions = self.positions[vote]
        scope = self.scope(spec)
        if spec.get("breakdown") or "position" not in spec:
            return {name: positions[name] for name in scope}
        wanted = Position(spec["position"])
        return {name: positions[name] for name in scope if positions[name] is wanted}


def plenary_positions(library: Library) -> dict[str, Position]:
    """The plenary vote's positions as the engine holds them (empty when no voting data gives
    it); a State with no vote recorded is ``ABSENT``, as the writers' format names it."""
    view = library.plenary(library.documents[0])
    if view is None:
        return {}
    return {name: _as_written(view.position(name)) for name in all_member_names()}


def _as_written(position: Position) -> Position:
    """The writers' format has one word for no vote in either vote: ``absent``."""
    return Position.ABSENT if position is Position.NOT_RECORDED else position


# --- judging --------------------------------------------------------------------------------


def named_positions(answer: Answer, vote: VoteName, truth: Truth) -> dict[str, set[Position]]:
    """The positions the answer gives each State in one vote."""
    wanted_document = truth.document.id if vote == "committee" else None
    found: dict[str, set[Position]] = {}
    for entry in answer.votes:
        in_vote = (
            entry.document == wanted_document
            if wanted_document
            else entry.document != truth.document.id
        )
        if in_vote or entry.position is Position.NOT_MEMBER:
            found.setdefault(entry.country, set()).add(_as_written(entry.position))
    for step in answer.trail:
        position = step.committee if vote == "committee" else step.plenary
        found.setdefault(step.country, set()).add(_as_written(position))
    if not found:
        positions = truth.positions[vote]
        found = {name: {positions[name]} for name in names_in(answer.text)}
    return found


def names_in(text: str) -> set[str]:
    """Member States named in an answer's words, longest name first, each blanked once found
    so "Niger" is not read inside "Nigeria"; for answers that name States without votes."""
    folded = text.replace("’", "'").casefold()
    found: set[str] = set()
    for name in sorted(all_member_names(), key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)"
        if re.search(pattern, folded):
            found.add(name)
            folded = re.sub(pattern, " ", folded)
    return found


def has_word(text: str, word: str) -> bool:
    folded = text.replace("’", "'").casefold()
    wanted = word.replace("’", "'").casefold()
    return re.search(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)", folded) is not None


def judge(kind: str, expect: dict[str, Any], answer: Answer, truth: Truth) -> list[str]:
    """Why the answer is wrong for one expectation; empty when it is right."""
    text = answer.text
    if kind == "unanswerable":
        if answer.answered and not _SAYS_NOT.search(text):
            return ["answered a question the document does not answer"]
        return []
    if kind == "multi":
        asked = expect["parts"]
        answers = answer.parts if len(answer.parts) == len(asked) else [answer] * len(asked)
        return [
            f"part {i + 1}: {reason}"
            for i, (part, reply) in enumerate(zip(asked, answers, strict=True))
            for reason in judge(part["type"], part["expect"], reply, truth)
        ]
    if not answer.answered:
        return ["refused"]
    if kind == "vote":
        return _judge_vote(expect, answer, truth)
    if "answer_contains" in expect:
        if any(has_word(text, w) for w in expect["answer_contains"]):
            return []
        return [f"none of {expect['answer_contains']}"]
    if kind == "fact":
        return [] if any(has_word(text, w) for w in expect["contains"]) else ["fact not stated"]
    if kind == "passage":
        cited = {s.label.casefold() for s in answer.sources[:3]}
        quoted = expect["contains"].casefold() in text.casefold()
        if quoted or _label(expect["label"]) in cited:
            return []
        return [f"{expect['label']} not cited"]
    if kind in ("group", "count"):
        return _judge_set(kind, expect, answer, truth)
    return [f"unknown type {kind}"]


def _label(label: str) -> str:
    folded = label.casefold()
    return folded.replace("op ", "operative paragraph ").replace("pp ", "preambular paragraph ")


def _judge_vote(expect: dict[str, Any], answer: Answer, truth: Truth) -> list[str]:
    country, position = expect["country"], Position(expect["position"])
    vote: VoteName = expect.get("vote", "committee")
    got = named_positions(answer, vote, truth).get(country)
    if position is Position.NOT_MEMBER:
        said = re.search(r"observer|not a member|non-member|does not vote", answer.text, re.I)
        return [] if got == {position} or said else ["no non-member answer"]
    return [] if got == {position} else [f"{country} in {vote}: got {got}"]


def _judge_set(kind: str, expect: dict[str, Any], answer: Answer, truth: Truth) -> list[str]:
    wanted = truth.expected(expect)
    vote: VoteName = expect.get("vote", "committee")
    named = named_positions(answer, vote, truth)
    wrong: list[str] = []
    if expect.get("breakdown") or "position" not in expect:
        missing = [c for c, p in wanted.items() if named.get(c) != {p}]
        if missing:
            wrong.append(f"breakdown wrong/missing for {missing[:5]}")
    else:
        asked = Position(expect["position"])
        got = {c for c, ps in named.items() if asked in ps}
        if got != set(wanted):
            extra, lost = sorted(got - set(wanted)), sorted(set(wanted) - got)
            wrong.append(f"missing {lost[:4]} extra {extra[:4]}")
    if kind == "count" and not re.search(rf"(?<![\d/.]){len(wanted)}(?![\d/])", answer.text):
        wrong.append(f"count {len(wanted)} not stated")
    return wrong


def ask(engine: Engine, item: Item) -> Answer:
    previous: Query | None = None
    for earlier in item.previous:
        previous = engine.ask(earlier, previous).query
    return engine.ask(item.q, previous)


def evaluate(items: Sequence[Item], engine: Engine) -> list[Verdict]:
    library = Library(engine.documents, engine.records)
    truth = Truth(library, plenary_positions(library))
    verdicts: list[Verdict] = []
    for item in items:
        answer = ask(engine, item)
        verdicts.append(
            Verdict(
                item=item,
                reasons=judge(item.type, item.expect, answer, truth),
                answered=answer.answered,
                kind=answer.kind.value,
                text=answer.text,
            )
        )
    return verdicts


# --- reporting ------------------------------------------------------------------------------


def _cell(chosen: Sequence[Verdict]) -> str:
    right = sum(v.correct for v in chosen)
    return f"{right}/{len(chosen)} ({right / len(chosen):.1%})" if chosen else "-"


def table(verdicts: Sequence[Verdict], category: Callable[[Item], list[str]]) -> str:
    names = sorted({name for v in verdicts for name in category(v.item)})
    rows = ["| | tuning | held-out | all |", "| --- | ---: | ---: | ---: |"]
    for name in [*names, "all"]:
        cells = [
            _cell(
                [
                    v
                    for v in verdicts
                    if (name == "all" or name in category(v.item)) and half in ("all", v.item.half)
                ]
            )
            for half in (*HALVES, "all")
        ]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _types(item: Item) -> list[str]:
    found = [item.type]
    if item.previous:
        found.append("(follow-ups)")
    return found


def honesty(verdicts: Sequence[Verdict]) -> str:
    """Answered-when-it-should-not (on questions the document cannot answer) and
    refused-when-it-should-not (on answerable ones), per half."""
    lines = ["| | tuning | held-out | all |", "| --- | ---: | ---: | ---: |"]
    rates: list[tuple[str, Callable[[Verdict], bool], Callable[[Verdict], bool]]] = [
        ("answered when it should not", lambda v: not v.item.answerable, lambda v: not v.correct),
        ("refused when it should not", lambda v: v.item.answerable, lambda v: not v.answered),
    ]
    for label, pick, wrong in rates:
        cells = []
        for half in (*HALVES, "all"):
            chosen = [v for v in verdicts if pick(v) and half in ("all", v.item.half)]
            bad = sum(wrong(v) for v in chosen)
            cells.append(f"{bad}/{len(chosen)} ({bad / max(len(chosen), 1):.1%})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--failures",
        choices=("none", "tuning", "held-out", "all"),
        default="tuning",
        help="which half's failures to list (default: tuning only, to keep held-out honest)",
    )
    parser.add_argument("--json", action="store_true", help="print every verdict as JSON")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="measure the fresh round (eval/blind/fresh) instead; it lists no failures",
    )
    args = parser.parse_args(argv)
    if args.fresh and (args.json or args.failures != "none"):
        parser.error("the fresh round is only measured: use --fresh --failures none")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    items = read_items(FRESH_DIR if args.fresh else BLIND_DIR)
    with tempfile.TemporaryDirectory(prefix="rapporteur-blind-") as data:
        engine = Engine(EngineSettings(data_dir=Path(data)))
        engine.warm_up()
        verdicts = evaluate(items, engine)
    if args.json:
        for verdict in verdicts:
            print(verdict.model_dump_json())
        return 0
    personas = [v for v in verdicts if not v.item.paraphrase]
    paraphrases = [v for v in verdicts if v.item.paraphrase]
    print(f"Blind set: {len(personas)} questions, by persona\n")
    print(table(personas, _types), "\n")
    print("By persona:\n")
    print(table(personas, lambda item: [item.set_name]), "\n")
    print("Honesty:\n")
    print(honesty(personas), "\n")
    if paraphrases:
        print(f"Hard paraphrases of passages: {len(paraphrases)} questions\n")
        print(table(paraphrases, lambda item: [item.type]), "\n")
    for verdict in verdicts:
        if not verdict.correct and args.failures in ("all", verdict.item.half):
            item = verdict.item
            chain = " >> ".join([*item.previous, item.q])
            print(f"FAIL [{item.half}] {item.id} ({item.type}; {item.kind}) {chain!r}")
            print(f"    {'; '.join(verdict.reasons)[:200]}")
            print(f"    [{verdict.kind}] {verdict.text[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
