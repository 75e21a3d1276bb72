"""The document's own names are the document, never a subject of the question."""

from __future__ import annotations

import pytest

from index.countries import country_mentions
from index.engine import Engine
from index.query import Intent
from index.reading.capitals import find_capitals
from index.reading.descriptors import find_descriptors


def described(text: str) -> tuple[list[str], list[str | None]]:
    mentions = sorted([*country_mentions(text), *find_capitals(text)], key=lambda m: m.start)
    found, kept = find_descriptors(text, mentions)
    return [text[d.start : d.end] for d in found], [m.name for m in kept]


@pytest.mark.parametrize(
    ("question", "phrases", "subjects"),
    [
        (
            "how did the nordics vote on the russian cyber resolution",
            ["the russian cyber resolution"],
            [],
        ),
        ("the chinese-backed text", ["the chinese-backed text"], []),
        (
            "did vietnam back the russian-drafted resolution",
            ["the russian-drafted resolution"],
            ["Viet Nam"],
        ),
        ("Did Beijing co-sponsor moscow's treaty push", ["moscow's treaty push"], ["China"]),
        ("manilas position on the china backed text?", ["the china backed text"], ["Philippines"]),
        ("what did russia say about Russia's draft", ["Russia's draft"], ["Russian Federation"]),
        ("how did this cybercrime thing go", ["this cybercrime thing"], []),
        ("did russia sponsor the resolution", [], ["Russian Federation"]),
        ("did china back the text", [], ["China"]),
        ("what did china's delegate say", [], ["China"]),
    ],
)
def test_descriptors_name_the_document(
    question: str, phrases: list[str], subjects: list[str]
) -> None:
    assert described(question) == (phrases, subjects)


@pytest.mark.parametrize(
    ("question", "intent", "subjects"),
    [
        ("how did the nordics vote on the russian cyber resolution", Intent.BREAKDOWN, ["nordic"]),
        ("how did the caricom guys vote on the chinese-backed text", Intent.BREAKDOWN, ["caricom"]),
        ("did vietnam back the russian-drafted resolution", Intent.VOTE, ["Viet Nam"]),
        ("did mexico support the russian resolution", Intent.VOTE, ["Mexico"]),
        ("whats the final tally on the russian cybercrime resolution", Intent.TALLY, []),
    ],
)
def test_a_described_document_leaves_the_real_subject(
    engine: Engine, question: str, intent: Intent, subjects: list[str]
) -> None:
    query = engine.read(question)
    assert query.intent is intent
    assert [c.name for c in query.countries] + [g.id for g in query.groups] == subjects
