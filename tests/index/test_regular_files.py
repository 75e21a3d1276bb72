"""Files others can replace are read only when they are regular files of a bounded size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.regular_files import Unusable, open_regular, read_regular


def test_a_regular_file_within_the_bound_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"{}")
    assert read_regular(path, 2) == b"{}"
    with open_regular(path) as handle:
        assert handle.read() == b"{}"


def test_nothing_there_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "absent", 10)


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: os.mkfifo(p), "a named pipe (FIFO), not a regular file"),
        (lambda p: p.symlink_to("/dev/zero"), "a character device, through a link to /dev/zero"),
        (lambda p: p.mkdir(), "a folder, not a regular file"),
        (lambda p: p.write_bytes(b"x" * 11), "11 bytes, over the limit of 10 bytes (raise X"),
    ],
)
def test_anything_else_is_refused_at_once_with_the_reason(
    tmp_path: Path, make: object, why: str
) -> None:
    path = tmp_path / "a.json"
    assert callable(make)
    make(path)
    with pytest.raises(Unusable, match=r"^it is .*") as raised:
        read_regular(path, 10, size_setting="X")
    assert why in str(raised.value)


def test_opening_a_pipe_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(Unusable, match="named pipe"):
        open_regular(path)
