"""The engine as front ends use it: any input is safe, and reindex never loses what works."""

from __future__ import annotations

import logging
import math
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.answers import Answer, AnswerKind
from index.engine import MAX_QUESTION_CHARS, Engine
from index.records import Position
from index.search.embedders import BUILD_BATCH_SIZE
from index.settings import EngineSettings
from index.user_text import NAME_LIMIT, UNREADABLE
from tests.index.conftest import FIXTURE_ID, FIXTURES, SEED_ID, SEEDS
from tests.index.search.helpers import FakeEmbedder
from tests.index.test_user_text import LIVE_WHEN_PASTED, rendered


def fake_engine(seeds: Path, data: Path) -> Engine:
    return Engine(EngineSettings(seeds_dir=seeds, data_dir=data), embedder=FakeEmbedder())


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    engine = fake_engine(SEEDS, tmp_path_factory.mktemp("data"))
    assert engine.warm_up().ok
    return engine


@pytest.fixture
def own_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / f"{SEED_ID}.md", seeds)
    return seeds


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode_question_gets_an_answer_not_an_exception(
    searchable: Engine, question: str
) -> None:
    answer = searchable.ask(question)
    assert answer.kind in AnswerKind and answer.question == question


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_typed_country_or_label_is_safe(searchable: Engine, typed: str) -> None:
    for answer in (
        searchable.vote(typed),
        searchable.sponsors(typed),
        searchable.statements(typed),
        searchable.paragraph(typed),
    ):
        assert answer.kind in AnswerKind
    assert len(searchable.country_suggestions(typed)) <= 25


@pytest.mark.parametrize("question", ["", "   ", "x" * (MAX_QUESTION_CHARS + 1)])
def test_empty_or_huge_questions_get_a_friendly_refusal(searchable: Engine, question: str) -> None:
    answer = searchable.ask(question)
    assert answer.kind is AnswerKind.NO_ANSWER and not answer.answered
    assert "For example" in answer.text


def test_search_lists_passages_with_scores(searchable: Engine) -> None:
    answer = searchable.search("65/230", k=3)
    assert answer.kind is AnswerKind.PASSAGE and len(answer.sources) == 3
    assert answer.sources[0].label == "preambular paragraph 8"
    scores = [source.score for source in answer.sources]
    assert scores == sorted(scores, reverse=True)


def test_about_reports_documents_and_index(searchable: Engine) -> None:
    status = searchable.about()
    assert [d.id for d in status.documents] == [SEED_ID]
    assert status.index is not None and status.index.ready
    assert status.index.vectors >= status.paragraphs == 36


def test_reindex_picks_up_a_new_document(own_seeds: Path, tmp_path: Path) -> None:
    engine = fake_engine(own_seeds, tmp_path / "data")
    engine.warm_up()
    shutil.copy(FIXTURES / f"{FIXTURE_ID}.md", own_seeds)
    report = engine.reindex()
    assert report.ok and report.documents_added == [FIXTURE_ID]
    assert {v.document for v in engine.vote("France").votes} == {SEED_ID, FIXTURE_ID}


def test_a_failing_reindex_keeps_records_and_index(own_seeds: Path, tmp_path: Path) -> None:
    engine = fake_engine(own_seeds, tmp_path / "data")
    engine.warm_up()
    seed = own_seeds / f"{SEED_ID}.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("88 to 58", "87 to 58"), "utf-8")
    report = engine.reindex()
    assert not report.ok
    assert "the seeds could not be parsed" in report.reason and "87" in report.reason
    assert engine.vote("France").votes[0].position is Position.AGAINST
    assert engine.search("ad hoc committee organizational session").answered


def test_an_empty_seeds_folder_fails_reindex_cleanly(own_seeds: Path, tmp_path: Path) -> None:
    engine = fake_engine(own_seeds, tmp_path / "data")
    (own_seeds / f"{SEED_ID}.md").unlink()
    report = engine.reindex()
    assert not report.ok and "holds no *.md, *.txt or *.pdf documents" in report.reason
    assert engine.tally().answered


def test_concurrent_reindex_calls_are_serialised(own_seeds: Path, tmp_path: Path) -> None:
    engine = fake_engine(own_seeds, tmp_path / "data")
    engine.warm_up()
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(engine.reindex())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(reports) == 4 and all(report.ok for report in reports)
    assert engine.search("Doha Declaration").sources[0].label == "preambular paragraph 9"


def assert_defused(text: str) -> None:
    """No masked link or mention in the Markdown, and none in what a reader could copy."""
    assert not re.search(r"(?<!\\)\]\(|(?<!\\)<", text), text
    assert not LIVE_WHEN_PASTED.search(rendered(text)), text


@pytest.mark.parametrize(
    ("call", "echoed"),
    [
        # _other_line: an unknown name.
        (lambda e: e.vote("[Verify your account](https://evil.example/login)"), "Verify"),
        # _country_line: a corrected name is repeated in "reading … as".
        (lambda e: e.vote("G*rmany <@123>"), "reading"),
        # The ambiguous-name preface.
        (lambda e: e.vote("Korea @everyone"), "could mean"),
        # The paragraph command's "No paragraph is labelled".
        (lambda e: e.paragraph("<@&456> [x](http://e.x)"), "No paragraph is labelled"),
        # A question naming an unknown country, through the question reader.
        (lambda e: e.ask("How did Atlantis <@123> vote?"), "Atlantis"),
        (lambda e: e.ask("How did G*rmany_ vote?"), "reading"),
    ],
)
def test_user_text_repeated_in_answers_is_defused(
    searchable: Engine, call: Callable[[Engine], Answer], echoed: str
) -> None:
    answer = call(searchable)
    assert echoed in answer.text
    assert_defused(answer.text)


@pytest.mark.parametrize(
    "call",
    [
        lambda e: e.ask("How did \udcff vote?"),
        lambda e: e.search("\ud800 travel costs"),
        lambda e: e.vote("Ken\udcffya"),
        lambda e: e.sponsors("\udcff"),
        lambda e: e.statements("\udcff"),
        lambda e: e.paragraph("operative \udcff"),
    ],
)
def test_unreadable_text_gets_one_line_not_an_exception(
    searchable: Engine, call: Callable[[Engine], Answer]
) -> None:
    answer = call(searchable)
    assert not answer.answered and answer.text == UNREADABLE
    answer.model_dump_json()  # encodable: the echoed question holds no lone surrogate


@pytest.mark.parametrize(
    "call",
    [
        lambda e: e.vote("Niger " * 1000),
        lambda e: e.sponsors("x" * (NAME_LIMIT + 1)),
        lambda e: e.statements("x" * (NAME_LIMIT + 1)),
        lambda e: e.paragraph("operative paragraph 2" * 20),
    ],
)
def test_over_long_names_are_refused_before_any_lookup(
    searchable: Engine, call: Callable[[Engine], Answer]
) -> None:
    answer = call(searchable)
    assert not answer.answered and f"the limit here is {NAME_LIMIT}" in answer.text


def test_suggestions_for_unusable_prefixes_are_empty(searchable: Engine) -> None:
    assert searchable.country_suggestions("ke") and searchable.paragraph_labels("operative")
    for prefix in ("x" * (NAME_LIMIT + 1), "\udcff"):
        assert searchable.country_suggestions(prefix) == []
        assert searchable.paragraph_labels(prefix) == []


@pytest.mark.parametrize("blank", ["", " ", "\t\n"])
def test_a_blank_country_or_label_asks_for_one(searchable: Engine, blank: str) -> None:
    vote = searchable.vote(blank)
    assert not vote.answered and vote.kind is AnswerKind.VOTE
    assert vote.text.startswith("Which Member State?")
    label = searchable.paragraph(blank)
    assert not label.answered and label.text.startswith("Which paragraph?")


def test_reindex_after_a_seed_edit_encodes_only_the_changed_text_and_names_it(
    own_seeds: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert fake_engine(own_seeds, data).warm_up().ok
    seed = own_seeds / f"{SEED_ID}.md"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("three-day organizational", "four-day organizational"), "utf-8")
    builder = FakeEmbedder()
    engine = Engine(
        EngineSettings(seeds_dir=own_seeds, data_dir=data),
        embedder=builder,
        query_encoder=FakeEmbedder(),
    )
    report = engine.reindex()
    assert report.ok and report.documents_changed == [SEED_ID]
    assert [change.id for change in report.paragraphs_changed] == ["operative-3"]
    assert builder.encoded and all("four-day" in text for text in builder.encoded)
    assert report.texts_encoded == len(builder.encoded) < report.vectors
    assert builder.calls == math.ceil(len(builder.encoded) / BUILD_BATCH_SIZE)


def test_a_rebuild_that_adds_no_text_encodes_nothing(own_seeds: Path, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / f"{FIXTURE_ID}.md", own_seeds)
    data = tmp_path / "data"
    assert fake_engine(own_seeds, data).warm_up().ok
    (own_seeds / f"{FIXTURE_ID}.md").unlink()
    builder = FakeEmbedder()
    engine = Engine(
        EngineSettings(seeds_dir=own_seeds, data_dir=data),
        embedder=builder,
        query_encoder=FakeEmbedder(),
    )
    report = engine.reindex()
    assert report.ok and report.documents_removed == [FIXTURE_ID]
    assert builder.calls == 0 and report.texts_encoded == 0
    answer = engine.ask("Who pays for delegates from developing countries?")
    assert answer.answered and answer.sources[0].label == "operative paragraph 5"


@pytest.mark.parametrize(
    "question",
    [
        "how'd the kiwis vote",
        "which eu countries backed it?",
        "what was the tally",
        "who sponsored it",
        "what did china say",
        "when does the ad hoc committee meet",
    ],
)
def test_every_answer_names_the_document_and_the_committee_vote(
    searchable: Engine, question: str
) -> None:
    answer = searchable.ask(question)
    assert "Report of the Third Committee, “Countering the use of information" in answer.text
    assert "Third Committee recorded vote on A/C.3/74/L.11/Rev.1" in answer.text
    assert "(50th meeting, 18 November 2019)" in answer.text


def test_about_and_reindex_list_a_seed_that_was_skipped(own_seeds: Path, tmp_path: Path) -> None:
    (own_seeds / "zz.md").write_bytes(bytes(range(256)))
    engine = fake_engine(own_seeds, tmp_path / "data")
    (line,) = engine.about().skipped
    assert line.startswith(f"Skipping seed {own_seeds / 'zz.md'}: it is not UTF-8 text")
    assert engine.vote("France").answered
    (own_seeds / "notes.md").write_text("# Notes\n", encoding="utf-8")
    report = engine.reindex()
    assert report.ok and [s.split(":")[0] for s in report.skipped] == [
        f"Skipping seed {own_seeds / 'notes.md'}",
        f"Skipping seed {own_seeds / 'zz.md'}",
    ]
    assert engine.about().skipped == report.skipped


@pytest.mark.parametrize("model", ["/no/such/model", "someone/unbundled-model"])
def test_a_missing_embedding_model_refuses_passages_in_one_line_and_answers_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, model: str
) -> None:
    engine = Engine(EngineSettings(seeds_dir=SEEDS, data_dir=tmp_path, embedding_model=model))
    with caplog.at_level(logging.WARNING):
        answers = [
            engine.ask(question)
            for question in (
                "How did France vote?",
                "When does the ad hoc committee meet?",
                "what is the budapest convention?",
                "When does the ad hoc committee meet?",
                "Who sponsored it?",
            )
        ]
        searched = engine.search("ad hoc committee")
        reports = [engine.warm_up(), engine.reindex()]
    assert [a.answered for a in answers] == [True, False, False, False, True]
    assert answers[1].text.startswith("I cannot search the documents' text here right now")
    assert answers[2].kind is AnswerKind.NOT_IN_DOCUMENT
    assert not searched.answered and searched.text.startswith("I cannot search")
    assert all(not r.ok and model in r.reason for r in reports)
    (warning,) = [r.getMessage() for r in caplog.records]
    assert warning.startswith("Passage answers are off: embedding model") and model in warning


@pytest.mark.parametrize(
    "question",
    ["was it adopted in plenary", "how did Japan vote in the general assembly?", "final vote?"],
)
def test_every_plenary_answer_names_the_resolution_the_vote_and_the_data(
    searchable: Engine, question: str
) -> None:
    answer = searchable.ask(question)
    assert "General Assembly plenary vote on resolution A/RES/74/247 (27 December 2019)" in (
        answer.text
    )
    assert "“Countering the use of information and communications technologies" in answer.text
    assert (
        "This vote is not in the report: it comes from the voting data of Erik Voeten, Anton "
        "Strezhnev and Michael Bailey" in answer.text
    )
    assert "(CC0)" in answer.text
    assert "Third Committee recorded vote" not in answer.text
