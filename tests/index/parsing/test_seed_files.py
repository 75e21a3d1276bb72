"""Whatever is dropped into seeds/ costs at most one warning line: no hang, no memory blow-up."""

from __future__ import annotations

import logging
import os
import shutil
import socket
from pathlib import Path

import pytest

from index.parsing.document import load_documents
from index.parsing.errors import ParseError
from index.parsing.seed_files import read_seed, readable_seeds
from tests.index.parsing.reports import RURAL_WATER, SEED

pytestmark = pytest.mark.timeout(30)  # a hang on a pipe or /dev/zero fails, never blocks CI


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-report.md")
    return folder


def skipped(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def assert_only_the_report_loads(seeds: Path, caplog: pytest.LogCaptureFixture) -> str:
    """Load the folder; the good report is served and exactly one warning explains the rest."""
    with caplog.at_level(logging.WARNING):
        documents = load_documents(seeds)
    assert [d.id for d in documents] == ["a-report"]
    (warning,) = skipped(caplog)
    assert warning.startswith(f"Skipping seed {seeds / 'x.md'}: ")
    return warning


def test_a_named_pipe_is_skipped_not_waited_on(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    os.mkfifo(seeds / "x.md")
    assert "a named pipe (FIFO), not a regular file" in assert_only_the_report_loads(seeds, caplog)


def test_a_link_to_dev_zero_is_skipped_not_read(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (seeds / "x.md").symlink_to("/dev/zero")
    warning = assert_only_the_report_loads(seeds, caplog)
    assert "a character device, through a link to /dev/zero, not a regular file" in warning


def test_a_folder_named_like_a_report_is_skipped(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (seeds / "x.md").mkdir()
    assert "it is a folder, not a regular file" in assert_only_the_report_loads(seeds, caplog)


def test_a_socket_is_skipped(seeds: Path, caplog: pytest.LogCaptureFixture) -> None:
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind(str(seeds / "x.md"))
        assert "a socket" in assert_only_the_report_loads(seeds, caplog)
    finally:
        listener.close()


def test_a_dangling_link_is_skipped(seeds: Path, caplog: pytest.LogCaptureFixture) -> None:
    (seeds / "x.md").symlink_to(seeds / "gone.md")
    assert "cannot be read (No such file" in assert_only_the_report_loads(seeds, caplog)


def test_an_over_size_file_is_refused_from_its_size_alone(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with open(seeds / "x.md", "wb") as sparse:
        sparse.truncate(50_000_000)  # 50 MB that would take minutes to parse
    warning = assert_only_the_report_loads(seeds, caplog)
    assert warning.endswith(
        "it is 50,000,000 bytes, over the limit of 5,000,000 bytes "
        "(raise RAPPORTEUR_MAX_SEED_BYTES to allow it)"
    )


def test_the_limit_is_a_setting_and_reads_are_bounded(seeds: Path) -> None:
    size = (seeds / "a-report.md").stat().st_size
    assert read_seed(seeds / "a-report.md", size).data == SEED.read_bytes()
    assert readable_seeds(seeds, size - 1).seeds == []
    with pytest.raises(ParseError, match="no readable"):
        load_documents(seeds, max_bytes=size - 1)


def test_a_second_copy_of_a_report_is_skipped_naming_both(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(SEED, seeds / "b-copy.md")
    with caplog.at_level(logging.WARNING):
        documents = load_documents(seeds)
    assert [d.id for d in documents] == ["a-report"]
    assert skipped(caplog) == [
        f"Skipping seed {seeds / 'b-copy.md'}: it is a copy of {seeds / 'a-report.md'} "
        "(same content)"
    ]


def test_another_edition_of_the_same_report_is_skipped_naming_both(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    edited = SEED.read_text(encoding="utf-8").replace("Distr.: General", "Distr.: Limited")
    (seeds / "b-edition.md").write_text(edited, encoding="utf-8")
    shutil.copy(RURAL_WATER, seeds / "c-water.md")
    with caplog.at_level(logging.WARNING):
        documents = load_documents(seeds)
    assert [d.id for d in documents] == ["a-report", "c-water"]
    assert skipped(caplog) == [
        f"Skipping seed {seeds / 'b-edition.md'}: it reports on the same draft resolution "
        f"(A/C.3/74/L.11/Rev.1) as {seeds / 'a-report.md'}"
    ]


def test_a_folder_of_nothing_but_bad_entries_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    os.mkfifo(tmp_path / "y.md")
    with pytest.raises(ParseError, match=r"holds no readable \*\.md, \*\.txt or \*\.pdf documents"):
        load_documents(tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        (
            "notes.md",
            b"# Notes\n\nRemember to ask about the plenary vote.\n",
            "no draft resolution found",
        ),
        ("zz.md", bytes(range(256)) * 8, "it is not UTF-8 text"),
        ("partial.md", SEED.read_bytes()[: len(SEED.read_bytes()) // 2], "no draft resolution"),
        ("notes.txt", b"Things to check before the meeting.\n", "no draft resolution found"),
    ],
)
def test_an_extra_file_that_does_not_parse_is_skipped_with_one_line(
    seeds: Path, caplog: pytest.LogCaptureFixture, name: str, content: bytes, why: str
) -> None:
    """Issue 16, item 5: one bad file beside the report costs one warning, not the library."""
    (seeds / name).write_bytes(content)
    with caplog.at_level(logging.WARNING):
        documents = load_documents(seeds)
    assert [d.id for d in documents] == ["a-report"]
    (warning,) = skipped(caplog)
    assert warning.startswith(f"Skipping seed {seeds / name}: ") and why in warning
    assert "\n" not in warning


def test_a_second_file_of_the_same_name_is_skipped(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (seeds / "a-report.txt").write_text("another form of it", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [d.id for d in load_documents(seeds)] == ["a-report"]
    assert skipped(caplog) == [
        f"Skipping seed {seeds / 'a-report.txt'}: {seeds / 'a-report.md'} has the same name"
    ]
