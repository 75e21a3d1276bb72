"""Validate the evaluation question sets against the seed document.

A mislabelled or malformed question silently skews retrieval metrics, so the labels are
checked against the paragraph ids the seed actually yields (counted here with plain regexes,
independently of the parser) before any evaluation trusts them.

Run: ``.venv/bin/python eval/check_questions.py`` (exit status 1 when a problem is found).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_SEED = EVAL_DIR.parent / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
MIN_QUESTIONS = 70
MIN_OUT_OF_SCOPE = 25

_NUMBERED = re.compile(r"^\d+\.\s")
_RESOLUTION_START = re.compile(r"^\*The General Assembly,\*")
_PREAMBLE_LEAD = re.compile(r"^\*[A-Z][a-z]+(?: [a-z]+)*\*\s")


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(min_length=1)
    relevant: tuple[str, ...] = Field(min_length=1)


class OutOfScopeQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(min_length=1)


class ParagraphCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    report: int
    preamble: int
    operative: int

    def ids(self) -> list[str]:
        """Every paragraph id of the fixed scheme, in document order."""
        parts = {"report": self.report, "preamble": self.preamble, "operative": self.operative}
        return [f"{part}-{n}" for part, count in parts.items() for n in range(1, count + 1)]


def count_paragraphs(seed_text: str) -> ParagraphCounts:
    """Numbered lines before the resolution are report paragraphs, after it operative ones;
    italic-lead lines inside the resolution (other than its opening) are preambular."""
    report = preamble = operative = 0
    in_resolution = False
    for line in seed_text.splitlines():
        if _RESOLUTION_START.match(line):
            in_resolution = True
        elif not in_resolution and _NUMBERED.match(line):
            report += 1
        elif in_resolution and _NUMBERED.match(line):
            operative += 1
        elif in_resolution and operative == 0 and _PREAMBLE_LEAD.match(line):
            preamble += 1
    return ParagraphCounts(report=report, preamble=preamble, operative=operative)


def _normalise(question: str) -> str:
    return " ".join(question.casefold().split())


Model = TypeVar("Model", bound=BaseModel)


def _validated(path: Path, model: type[Model], problems: list[str]) -> list[tuple[str, Model]]:
    """Each readable line of ``path`` as ``model``, with its location; the rest as problems."""
    valid: list[tuple[str, Model]] = []
    for number, value in _read_lines(path, problems):
        location = f"{path}:{number}"
        try:
            valid.append((location, model.model_validate(value)))
        except ValidationError as exc:
            problems.append(f"{location}: {exc.errors()[0]['msg']}")
    return valid


def _read_lines(path: Path, problems: list[str]) -> list[tuple[int, object]]:
    """Parsed JSON values with their 1-based line numbers; unreadable lines become problems."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read ({exc})")
        return []
    values: list[tuple[int, object]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            problems.append(f"{path}:{number}: blank line")
            continue
        try:
            values.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not JSON ({exc.msg})")
    return values


def _duplicates(questions: Iterable[tuple[str, str]]) -> list[str]:
    """``questions`` holds (location, text); duplicates are compared case- and space-blind."""
    seen: dict[str, str] = {}
    problems = []
    for location, text in questions:
        key = _normalise(text)
        if key in seen:
            problems.append(f"{location}: duplicate of {seen[key]}: {text!r}")
        else:
            seen[key] = location
    return problems


def check(seed: Path, questions_path: Path, out_of_scope_path: Path) -> list[str]:
    """All problems found in both question files; an empty list means they are valid."""
    problems: list[str] = []
    try:
        counts = count_paragraphs(seed.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{seed}: cannot read seed ({exc})"]
    known_ids = counts.ids()

    labelled = _validated(questions_path, LabelledQuestion, problems)
    out_of_scope = _validated(out_of_scope_path, OutOfScopeQuestion, problems)

    for location, item in labelled:
        unknown = [pid for pid in item.relevant if pid not in known_ids]
        if unknown:
            problems.append(f"{location}: unknown paragraph id(s) {unknown}")
        if len(set(item.relevant)) != len(item.relevant):
            problems.append(f"{location}: repeated paragraph id in {list(item.relevant)}")

    problems += _duplicates(
        [(loc, item.question) for loc, item in labelled]
        + [(loc, item.question) for loc, item in out_of_scope]
    )

    covered = {pid for _, item in labelled for pid in item.relevant}
    missing_operative = [
        pid for pid in known_ids if pid.startswith("operative-") and pid not in covered
    ]
    if missing_operative:
        problems.append(f"{questions_path}: no question for {missing_operative}")
    if len(labelled) < MIN_QUESTIONS:
        problems.append(f"{questions_path}: {len(labelled)} questions, need {MIN_QUESTIONS}")
    if len(out_of_scope) < MIN_OUT_OF_SCOPE:
        problems.append(
            f"{out_of_scope_path}: {len(out_of_scope)} questions, need {MIN_OUT_OF_SCOPE}"
        )
    return problems


def coverage_summary(seed: Path, questions_path: Path) -> str:
    """One line per part: how many of its paragraphs at least one question points to."""
    counts = count_paragraphs(seed.read_text(encoding="utf-8"))
    covered: set[str] = set()
    for line in questions_path.read_text(encoding="utf-8").splitlines():
        covered.update(LabelledQuestion.model_validate_json(line).relevant)
    lines = []
    for part in ("report", "preamble", "operative"):
        ids = [pid for pid in counts.ids() if pid.startswith(f"{part}-")]
        uncovered = [pid for pid in ids if pid not in covered]
        done = len(ids) - len(uncovered)
        lines.append(f"{part}: {done}/{len(ids)} covered; uncovered {uncovered}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--questions", type=Path, default=EVAL_DIR / "questions.jsonl")
    parser.add_argument("--out-of-scope", type=Path, default=EVAL_DIR / "out_of_scope.jsonl")
    args = parser.parse_args(argv)
    problems = check(args.seed, args.questions, args.out_of_scope)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(coverage_summary(args.seed, args.questions))
    print("question files are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
