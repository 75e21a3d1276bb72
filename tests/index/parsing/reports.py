"""A small, valid report in the seed format that tests bend into edge cases."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "third-committee-report-ict-criminal-purposes-2019.md"
FIXTURES = REPO / "tests" / "fixtures"
RURAL_WATER = FIXTURES / "third-committee-report-rural-water-2020.md"
JOURNALISTS = FIXTURES / "third-committee-report-safety-of-journalists-2021.md"

VOTE_SENTENCE = (
    "adopted draft resolution [A/C.3/76/L.5](#) by a recorded vote of 3 to 1, with 1 abstention"
)

SMALL_REPORT = """\
# General Assembly

Distr.: General
2 December 2021

**Seventy-sixth session**

Agenda item 25

## **Social development**

### **Report of the Third Committee**

*Rapporteur:* Mr. Tomás **Ruiz** (Chile)

#### **I. Introduction**

1. The Committee considered the item at its 4th and 20th meetings, on 5 October and 10 November.

#### **II. Consideration of draft resolution [A/C.3/76/L.5](#)**

2. At its 20th meeting, on 10 November, the representative of Denmark, also on behalf of \
Chile and Egypt, introduced a draft resolution entitled "Cooperatives in social development" \
([A/C.3/76/L.5](#)).

3. At the same meeting, the Committee VOTE_SENTENCE. The voting was as follows:

*In favour:*

Chile, Denmark, Egypt.

*Against:*

Brazil.

*Abstaining:*

Algeria.

#### **III. Recommendation of the Third Committee**

4. The Third Committee recommends to the General Assembly the adoption of the following draft \
resolution:

#### **Cooperatives in social development**

*The General Assembly,*

*Recalling* its resolution [74/119](#) of 18 December 2019,

1. *Decides* to continue its consideration of the question at its seventy-eighth session.
"""


def small_report(vote_sentence: str = VOTE_SENTENCE) -> str:
    return SMALL_REPORT.replace("VOTE_SENTENCE", vote_sentence)
