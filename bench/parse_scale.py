"""How parsing time grows with the size of a report: it should grow in proportion.

Run: ``.venv/bin/python bench/parse_scale.py [--sizes 0.25 0.5 1 2 4]``. Each size (in MB)
is an invented report in the seed format, built two ways: many report paragraphs (each with
a footnote, as real reports cite summary records), and one paragraph continued over many
lines. CPU seconds (``time.process_time``), best of ``--runs``; a linear parser shows a
constant seconds-per-MB column.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from index.parsing.document import parse_document

HEAD = """\
# General Assembly

Distr.: General
2 December 2021

**Seventy-sixth session**

Agenda item 25

## **Social development**

### **Report of the Third Committee**

*Rapporteur:* Mr. Tomás **Ruiz** (Chile)

#### **I. Introduction**

"""
FILLER = (
    "At its {n}th meeting, the Committee heard statements by the representatives of Chile, "
    "Denmark and Egypt on the social development agenda, and took note of the reports before "
    "it on cooperatives, ageing and persons with disabilities.<sup>{note}</sup>"
)
TAIL = """\
#### **II. Consideration of draft resolution [A/C.3/76/L.5](#)**

{n}. At the same meeting, the Committee adopted draft resolution [A/C.3/76/L.5](#) by a \
recorded vote of 3 to 1, with 1 abstention. The voting was as follows:

*In favour:*

Chile, Denmark, Egypt.

*Against:*

Brazil.

*Abstaining:*

Algeria.

#### **III. Recommendation of the Third Committee**

{m}. The Third Committee recommends to the General Assembly the adoption of the following \
draft resolution:

#### **Cooperatives in social development**

*The General Assembly,*

*Recalling* its resolution [74/119](#) of 18 December 2019,

1. *Decides* to continue its consideration of the question at its seventy-eighth session.
"""


def many_paragraphs(size: int) -> str:
    """Numbered report paragraphs, each citing a footnote printed right after it."""
    parts = [HEAD]
    number = 0
    length = len(HEAD)
    while length < size:
        number += 1
        note = f"<sup>1</sup> See A/C.3/76/SR.{number}."
        block = f"{number}. {FILLER.format(n=number, note=1)}\n\n{note}\n\n"
        parts.append(block)
        length += len(block)
    parts.append(TAIL.format(n=number + 1, m=number + 2))
    return "".join(parts)


def one_paragraph(size: int) -> str:
    """A single report paragraph continued line after line."""
    parts = [HEAD, "1. " + FILLER.format(n=1, note=1) + "\n"]
    line = FILLER.format(n=2, note=2).split("<sup>")[0] + "\n"
    parts += [line] * max(0, (size - len(HEAD)) // len(line))
    parts.append("\n<sup>1</sup> See A/C.3/76/SR.1.\n\n")
    parts.append(TAIL.format(n=2, m=3))
    return "".join(parts)


def cpu_seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        parse_document(text, document_id="bench", source="bench.md")
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2, 4])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    shapes: dict[str, Callable[[int], str]] = {
        "many paragraphs": many_paragraphs,
        "one paragraph": one_paragraph,
    }
    print("| shape | MB | CPU s | s per MB |\n|---|---:|---:|---:|")
    for name, build in shapes.items():
        for megabytes in args.sizes:
            text = build(int(megabytes * 1_000_000))
            seconds = cpu_seconds(text, args.runs)
            size = len(text.encode()) / 1_000_000
            print(f"| {name} | {size:.2f} | {seconds:.3f} | {seconds / size:.3f} |")


if __name__ == "__main__":
    main()
