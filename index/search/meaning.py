"""Grouping questions that mean the same thing, with the question encoder's vectors.

Moderators read what the bot could not answer as groups: "who chairs the ad hoc committee"
and "who is the chair of the ad hoc committee?" are one gap, asked twice. Each question
joins the group whose mean vector is nearest, if its cosine reaches ``SAME_MEANING``;
otherwise it starts a group. Cosine alone joins questions about one subject that ask
different things ("who chairs the ad hoc committee" and "when does the ad hoc committee
meet" score 0.88 with all-MiniLM-L6-v2), so a question asking for a date or a place only
joins questions asking for the same.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from index.search.answer_types import asked

SAME_MEANING = 0.8
"""Calibrated with all-MiniLM-L6-v2 on rewordings of questions people ask the bot: 10 of 11
reworded pairs score 0.85–0.97 ("how much money was allocated" / "how much funding did they
allocate?" scores 0.75 and stays apart), while different questions score at most 0.73
("What is the weather in Paris?" / "… in London?")."""


def group_by_meaning(
    texts: Sequence[str], vectors: npt.NDArray[np.float32], threshold: float = SAME_MEANING
) -> list[list[int]]:
    """Indices of ``texts`` in groups of one meaning, the biggest group first (ties: the
    group whose first member comes first). ``vectors`` are the texts' L2-normalised rows."""
    groups: list[list[int]] = []
    sums: list[npt.NDArray[np.float32]] = []
    kinds: list[object] = []
    for index, (text, vector) in enumerate(zip(texts, vectors, strict=True)):
        kind = asked(text)
        best, best_score = -1, threshold
        for number, total in enumerate(sums):
            if kinds[number] != kind:
                continue
            score = float(vector @ total) / max(float(np.linalg.norm(total)), 1e-12)
            if score >= best_score:
                best, best_score = number, score
        if best < 0:
            groups.append([index])
            sums.append(vector.astype(np.float32).copy())
            kinds.append(kind)
        else:
            groups[best].append(index)
            sums[best] += vector
    return sorted(groups, key=lambda group: (-len(group), group[0]))
