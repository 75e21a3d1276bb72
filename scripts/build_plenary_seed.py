"""Build the plenary vote's seed files from the voting data the project was handed.

``seeds/sources/plenary-a-res-74-247.json`` (a copy of ``/work/shared/data/``) lists the
General Assembly's positions on resolution 74/247 from Voeten, Strezhnev and Bailey's voting
data. This writes the same vote in the UN Digital Library's "General Assembly Voting Data"
layout (``seeds/plenary-a-res-74-247.csv``, one row per 2019 Member State), and beside it
``plenary-a-res-74-247.source.json``: the data's citation, licence and caveat, which every
answer built on it repeats. Columns the source does not give (the UN Digital Library's
record id and link, the meeting, the agenda title, the subjects, the committee report's
symbol) are left empty rather than filled in. The CSV is read back through the engine's own
reader before anything is written.

Run: ``.venv/bin/python scripts/build_plenary_seed.py`` (``--check`` only compares).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from index.countries import all_member_names, canonical_name, load_member_states
from index.parsing.voting_data import read_voting_data, voting_dictionary
from index.records import Position, VotingSource

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "seeds" / "sources" / "plenary-a-res-74-247.json"
OUT = ROOT / "seeds"
STEM = "plenary-a-res-74-247"
CODES = {
    Position.IN_FAVOUR: "Y",
    Position.AGAINST: "N",
    Position.ABSTAINING: "A",
    Position.NOT_RECORDED: "X",
}
SHORT_CITATION = (
    "Erik Voeten, Anton Strezhnev and Michael Bailey, “United Nations General Assembly Voting "
    "Data”, Harvard Dataverse, hdl:1902.1/12379"
)
"""How answers name the data; checked against the source's own citation below."""
LICENCE = "CC0"
CAVEAT = (
    "The data has no row for a Member State that cast no vote, so it cannot tell a State that "
    "was away from one present and not voting: both are “not recorded”."
)


class PlenaryTotals(BaseModel):
    model_config = ConfigDict(extra="forbid")

    in_favour: int
    against: int
    abstaining: int
    not_recorded: int


class PlenarySource(BaseModel):
    """The handed-over file's shape; anything else in it is an error, not ignored."""

    model_config = ConfigDict(extra="forbid")

    resolution: str
    title: str
    body: str
    date: dt.date
    draft: str
    committee_report: str
    totals: PlenaryTotals
    positions: dict[Position, list[str]]
    source: str
    notes: list[str]


def build(source: PlenarySource) -> tuple[str, str]:
    """The CSV text and the origin description, checked."""
    for needed in ("Voeten", "Strezhnev", "Bailey", "hdl:1902.1/12379", LICENCE):
        if needed not in source.source:
            raise SystemExit(f"the source no longer cites {needed!r}: update SHORT_CITATION")
    positions = _positions(source)
    stated = source.totals.model_dump()
    for position, names in source.positions.items():
        if stated[position.value] != len(names):
            raise SystemExit(f"{position.value}: {len(names)} names but a total of {stated}")
    session = re.fullmatch(r"A/RES/(\d+)/\d+", source.resolution)
    counts = {position: sum(1 for p in positions.values() if p is position) for position in CODES}
    codes = {member.name: member.iso3 for member in load_member_states().members}
    columns = [column.name for column in voting_dictionary().columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for name in all_member_names():
        row = dict.fromkeys(columns, "")
        row.update(
            ms_code=codes[name],
            ms_name=name,
            ms_vote=CODES[positions[name]],
            date=source.date.isoformat(),
            session=session.group(1) if session else "",
            resolution=source.resolution,
            draft=source.draft,
            title=source.title,
            total_yes=str(counts[Position.IN_FAVOUR]),
            total_no=str(counts[Position.AGAINST]),
            total_abstentions=str(counts[Position.ABSTAINING]),
            total_non_voting=str(counts[Position.NOT_RECORDED]),
            total_ms=str(len(positions)),
        )
        writer.writerow(row)
    origin = VotingSource(
        citation=SHORT_CITATION,
        licence=LICENCE,
        caveat=CAVEAT,
        notes=(
            f"Built by scripts/build_plenary_seed.py from {SOURCE.relative_to(ROOT)}.",
            f"Source as handed over: {source.source}",
            *source.notes,
        ),
    )
    text = buffer.getvalue()
    _check(text, origin, positions)
    return text, origin.model_dump_json(indent=2) + "\n"


def _positions(source: PlenarySource) -> dict[str, Position]:
    """Every 2019 Member State's position, each named once under its UN name."""
    found: dict[str, Position] = {}
    for position, names in source.positions.items():
        if position not in CODES:
            raise SystemExit(f"no vote code for the position {position.value}")
        for written in names:
            name = canonical_name(written)
            if name is None or name in found:
                raise SystemExit(f"{written!r} is unknown or listed twice")
            found[name] = position
    missing = [name for name in all_member_names() if name not in found]
    if missing:
        raise SystemExit(f"no position for {', '.join(missing)}")
    return found


def _check(text: str, origin: VotingSource, positions: dict[str, Position]) -> None:
    """The engine reads back exactly the positions it was given."""
    (record,) = read_voting_data(text.encode(), f"{STEM}.csv", origin).records
    read = {
        **dict.fromkeys(record.in_favour, Position.IN_FAVOUR),
        **dict.fromkeys(record.against, Position.AGAINST),
        **dict.fromkeys(record.abstaining, Position.ABSTAINING),
        **dict.fromkeys(record.not_recorded, Position.NOT_RECORDED),
    }
    if read != positions:
        raise SystemExit("the CSV does not read back as the positions it was built from")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--check", action="store_true", help="only say whether the files are up to date"
    )
    args = parser.parse_args(argv)
    text, origin = build(PlenarySource.model_validate_json(args.source.read_bytes()))
    targets = {args.out / f"{STEM}.csv": text, args.out / f"{STEM}.source.json": origin}
    if args.check:
        stale = [str(p) for p, content in targets.items() if _read(p) != content]
        print(f"out of date: {', '.join(stale)}" if stale else "up to date")
        return 1 if stale else 0
    for path, content in targets.items():
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path}")
    return 0


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
