from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from index.parsing.document import load_documents, parse_document
from index.parsing.errors import ParseError
from tests.index.parsing.reports import REPO, RURAL_WATER, SEED, small_report


def _folder(tmp_path: Path, *sources: Path) -> Path:
    for source in sources:
        (tmp_path / source.name).write_bytes(source.read_bytes())
    return tmp_path


def test_load_documents_parses_every_report_sorted_with_distinct_ids(tmp_path: Path) -> None:
    documents = load_documents(_folder(tmp_path, SEED, RURAL_WATER))
    assert [d.id for d in documents] == [SEED.stem, RURAL_WATER.stem]
    assert len({d.id for d in documents}) == 2
    for document, path in zip(documents, (SEED, RURAL_WATER), strict=True):
        assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert document.source == str(tmp_path / path.name)
        assert all(p.document == document.id for p in document.paragraphs)
        assert document.vote is not None and document.vote.document == document.id


def test_load_documents_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    assert [d.id for d in load_documents(_folder(tmp_path, SEED))] == [SEED.stem]


def test_the_real_seeds_folder_loads() -> None:
    assert [d.id for d in load_documents(REPO / "seeds")] == [SEED.stem]


def test_empty_seeds_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"holds no \*\.md, \*\.txt or \*\.pdf documents"):
        load_documents(tmp_path)


def test_missing_seeds_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="does not exist"):
        load_documents(tmp_path / "nowhere")


def test_a_folder_whose_only_file_is_unreadable_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes("Côte".encode("latin-1"))
    with pytest.raises(ParseError, match=r"no seed document can be read: .*latin1\.md: it is not"):
        load_documents(tmp_path)


def test_one_broken_report_is_skipped_naming_it_and_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = small_report().replace("Brazil.", "Atlantis.")
    (tmp_path / "broken.md").write_text(broken, encoding="utf-8")
    _folder(tmp_path, SEED)
    with caplog.at_level(logging.WARNING):
        assert [d.id for d in load_documents(tmp_path)] == [SEED.stem]
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith(f"Skipping seed {tmp_path / 'broken.md'}: ")
    assert "Atlantis" in warning


def test_impossible_date_is_a_parse_error() -> None:
    text = small_report().replace("2 December 2021", "31 February 2021")
    with pytest.raises(ParseError, match="invalid value"):
        parse_document(text, document_id="date", source="test")


def test_parsing_imports_no_heavy_libraries() -> None:
    code = (
        "import sys, index.parsing; "
        "heavy = {'torch', 'numpy', 'faiss', 'sentence_transformers', 'discord'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"
