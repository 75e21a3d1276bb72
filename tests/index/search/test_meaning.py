"""Grouping questions by meaning: the threshold, the order of groups, the asked-for guard."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from index.search.meaning import SAME_MEANING, group_by_meaning


def unit(*angles_degrees: float) -> npt.NDArray[np.float32]:
    """Unit vectors in a plane at the given angles (cosine of two = cos of their gap)."""
    radians = np.radians(angles_degrees)
    return np.stack([np.cos(radians), np.sin(radians)], axis=1).astype(np.float32)


def test_close_vectors_group_and_the_biggest_group_comes_first() -> None:
    texts = ["a", "b", "c", "d", "e"]
    vectors = unit(90, 0, 5, 92, 10)
    assert group_by_meaning(texts, vectors) == [[1, 2, 4], [0, 3]]


def test_the_threshold_is_a_cosine() -> None:
    just_apart = float(np.degrees(np.arccos(SAME_MEANING))) + 1
    assert group_by_meaning(["a", "b"], unit(0, just_apart)) == [[0], [1]]
    assert group_by_meaning(["a", "b"], unit(0, just_apart - 2)) == [[0, 1]]


def test_a_question_asking_when_joins_only_questions_asking_when() -> None:
    texts = ["who chairs the committee", "when does the committee meet", "who leads the committee"]
    assert group_by_meaning(texts, unit(0, 1, 2)) == [[0, 2], [1]]


def test_no_questions_no_groups() -> None:
    assert group_by_meaning([], np.zeros((0, 2), dtype=np.float32)) == []
