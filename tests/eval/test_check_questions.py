from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from eval import check_questions

SEED = check_questions.DEFAULT_SEED


def _write_jsonl(path: Path, rows: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_seed_paragraph_counts_match_the_id_scheme() -> None:
    counts = check_questions.count_paragraphs(SEED.read_text(encoding="utf-8"))
    assert (counts.report, counts.preamble, counts.operative) == (13, 17, 6)
    assert counts.ids()[13] == "preamble-1"
    assert counts.ids()[-1] == "operative-6"


def test_shipped_question_files_are_valid() -> None:
    eval_dir = check_questions.EVAL_DIR
    problems = check_questions.check(
        SEED, eval_dir / "questions.jsonl", eval_dir / "out_of_scope.jsonl"
    )
    assert problems == []


def test_bad_labels_are_reported(tmp_path: Path) -> None:
    good = [{"question": f"q{n}", "relevant": [f"operative-{n % 6 + 1}"]} for n in range(70)]
    bad = [
        {"question": "Who pays?", "relevant": ["operative-7"]},
        {"question": "who  PAYS?", "relevant": ["report-1"]},
        {"question": "Extra key", "relevant": ["report-1"], "answer": "x"},
        {"question": "No ids", "relevant": []},
    ]
    questions = _write_jsonl(tmp_path / "q.jsonl", good + bad)
    with questions.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    out_of_scope = _write_jsonl(tmp_path / "o.jsonl", [{"question": "q0"}])

    problems = "\n".join(check_questions.check(SEED, questions, out_of_scope))

    assert "unknown paragraph id(s) ['operative-7']" in problems
    assert "duplicate of" in problems and "'who  PAYS?'" in problems
    assert "Extra inputs are not permitted" in problems
    assert "at least 1 item" in problems
    assert "not JSON" in problems
    assert "o.jsonl:1: duplicate of" in problems
    assert "1 questions, need 25" in problems


def test_main_exits_nonzero_on_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.jsonl"
    assert check_questions.main(["--questions", str(missing)]) == 1
