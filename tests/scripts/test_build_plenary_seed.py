"""The shipped plenary seed is what the build script makes from the data it was handed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.records import VotingSource
from scripts.build_plenary_seed import OUT, SOURCE, STEM, main

SHARED = Path("/work/shared/data") / SOURCE.name


def test_the_shipped_files_are_up_to_date() -> None:
    assert main(["--check"]) == 0


def test_a_rebuild_writes_the_same_bytes(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    for suffix in (".csv", ".source.json"):
        built = (tmp_path / f"{STEM}{suffix}").read_bytes()
        assert built == (OUT / f"{STEM}{suffix}").read_bytes()


def test_the_origin_carries_the_source_its_licence_and_caveat() -> None:
    origin = VotingSource.model_validate_json((OUT / f"{STEM}.source.json").read_bytes())
    handed = json.loads(SOURCE.read_text(encoding="utf-8"))
    assert origin.licence == "CC0" and "CC0" in handed["source"]
    assert any(handed["source"] in note for note in origin.notes)
    assert origin.caveat is not None and "not recorded" in origin.caveat


@pytest.mark.skipif(not SHARED.exists(), reason="the shared inputs are not on this machine")
def test_the_copy_in_the_repository_is_the_shared_file() -> None:
    assert SOURCE.read_bytes() == SHARED.read_bytes()


def test_a_source_that_misses_a_state_is_refused(tmp_path: Path) -> None:
    handed = json.loads(SOURCE.read_text(encoding="utf-8"))
    handed["positions"]["against"].remove("Cabo Verde")
    handed["totals"]["against"] -= 1
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(handed), encoding="utf-8")
    with pytest.raises(SystemExit, match="no position for Cabo Verde"):
        main(["--source", str(broken), "--out", str(tmp_path)])
