"""Short follow-ups read in the light of the previous question."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.query import Ballot, DocumentSet, Intent, Limit, MetadataField, Quantifier
from index.records import Position, SponsorStage, StatementMoment


def follow(engine: Engine, first: str, then: str):  # type: ignore[no-untyped-def]
    return engine.read(then, engine.read(first))


@pytest.mark.parametrize(
    ("first", "then", "intent", "countries", "groups"),
    [
        ("how did france vote?", "and Brazil?", Intent.VOTE, ["Brazil"], []),
        ("how'd the kiwis vote", "and the aussies?", Intent.VOTE, ["Australia"], []),
        ("how did the african group vote?", "what about GRULAC?", Intent.BREAKDOWN, [], ["grulac"]),
        ("how did germany vote", "and the rest of the EU?", Intent.BREAKDOWN, [], ["eu"]),
        ("how did the p5 vote", "and the g7?", Intent.BREAKDOWN, [], ["g7"]),
        ("how did kenya vote", "and its neighbours?", Intent.BREAKDOWN, [], ["african-group"]),
        ("did india sponsor it?", "and pakistan?", Intent.SPONSORS, ["Pakistan"], []),
        ("how did russia vote", "did it sponsor it?", Intent.SPONSORS, ["Russian Federation"], []),
        ("how did france vote", "and germany and italy?", Intent.VOTE, ["Germany", "Italy"], []),
    ],
)
def test_a_new_subject_keeps_the_kind_of_question(
    engine: Engine,
    first: str,
    then: str,
    intent: Intent,
    countries: list[str],
    groups: list[str],
) -> None:
    query = engine.read(then, engine.read(first))
    assert query.follow_up and query.uncertain
    assert query.intent is intent
    assert [c.name for c in query.countries] == countries
    assert [g.id for g in query.groups] == groups


def test_a_pronoun_keeps_the_subject(engine: Engine) -> None:
    query = engine.read("which of them abstained?", engine.read("how did the african group vote?"))
    assert (query.intent, [g.id for g in query.groups]) == (Intent.LIST, ["african-group"])
    assert list(query.positions) == [Position.ABSTAINING]
    assert "subjects" in query.inherited


def test_a_position_asked_before_is_kept(engine: Engine) -> None:
    query = engine.read("and south korea?", engine.read("did japan vote against?"))
    assert [c.name for c in query.countries] == ["Republic of Korea"]
    assert list(query.positions) == [Position.AGAINST]


def test_a_new_position_keeps_the_set(engine: Engine) -> None:
    query = engine.read("and against?", engine.read("which EU countries voted in favour?"))
    assert (query.intent, [g.id for g in query.groups]) == (Intent.LIST, ["eu"])
    assert list(query.positions) == [Position.AGAINST]


def test_how_many_counts_the_previous_set(engine: Engine) -> None:
    query = engine.read("how many?", engine.read("who voted against"))
    assert (query.intent, list(query.positions)) == (Intent.COUNT, [Position.AGAINST])


def test_a_group_narrows_the_previous_list(engine: Engine) -> None:
    query = engine.read("any of them from the G20?", engine.read("who abstained?"))
    assert (query.intent, [g.id for g in query.groups]) == (Intent.LIST, ["g20"])
    assert list(query.positions) == [Position.ABSTAINING]


def test_why_asks_about_the_previous_subject(engine: Engine) -> None:
    query = engine.read("why?", engine.read("how did china vote"))
    assert (query.intent, query.limit) == (Intent.NOT_IN_DOCUMENT, Limit.REASONS)
    assert [c.name for c in query.countries] == ["China"]


def test_before_and_after(engine: Engine) -> None:
    query = engine.read("and after?", engine.read("who spoke before the vote?"))
    assert (query.intent, query.moment) == (
        Intent.STATEMENTS,
        StatementMoment.EXPLANATION_AFTER_VOTE,
    )


def test_a_passage_follow_up_searches_with_the_previous_question(engine: Engine) -> None:
    query = engine.read("where?", engine.read("when does the ad hoc committee meet?"))
    assert query.intent is Intent.PASSAGE
    assert query.search_text == "when does the ad hoc committee meet? where?"


@pytest.mark.parametrize(
    "question",
    ["How did France vote?", "What was the result?", "operative paragraph 3", "Who sponsored it?"],
)
def test_a_whole_question_stands_alone(engine: Engine, question: str) -> None:
    query = engine.read(question, engine.read("how did the african group vote?"))
    assert not query.follow_up and query.inherited == ()


def chain(engine: Engine, *questions: str):  # type: ignore[no-untyped-def]
    query = None
    for question in questions:
        query = engine.read(question, query)
    return query


def test_a_person_leads_to_their_country_and_its_vote(engine: Engine) -> None:
    where = chain(engine, "who was the rapporteur?", "which country is he from?")
    assert (where.intent, where.field) == (Intent.METADATA, MetadataField.RAPPORTEUR)
    vote = chain(engine, "who's the rapporteur", "where's he from", "how did his country vote?")
    assert vote.intent is Intent.VOTE
    assert [c.name for c in vote.countries] == ["Iraq"]


def test_a_set_answered_before_is_the_subject_of_them(engine: Engine) -> None:
    query = chain(engine, "who sponsored it originally?", "did all of them vote yes?")
    assert (query.intent, query.quantifier) == (Intent.LIST, Quantifier.ALL)
    assert [(s.set, s.stage) for s in query.sets] == [(DocumentSet.SPONSORS, SponsorStage.ORIGINAL)]
    assert list(query.positions) == [Position.IN_FAVOUR]


def test_a_position_after_the_result_lists_it(engine: Engine) -> None:
    query = chain(engine, "was it adopted?", "and the abstentions?")
    assert (query.intent, list(query.positions)) == (Intent.LIST, [Position.ABSTAINING])


@pytest.mark.parametrize("then", ["at which meeting?", "when?", "what date was that"])
def test_when_asks_again_of_what_was_just_answered(engine: Engine, then: str) -> None:
    query = chain(engine, "did canada make a statement?", then)
    assert query.intent is Intent.STATEMENTS
    assert [c.name for c in query.countries] == ["Canada"]


def test_a_pronoun_acting_is_the_state_not_the_draft(engine: Engine) -> None:
    vote = chain(engine, "did china sponsor it?", "how did it vote?")
    assert (vote.intent, [c.name for c in vote.countries]) == (Intent.VOTE, ["China"])
    tally = chain(engine, "did china sponsor it?", "was it adopted?")
    assert tally.intent is Intent.TALLY


def test_at_which_meeting_keeps_the_whole_previous_question(engine: Engine) -> None:
    query = chain(engine, "who introduced the draft?", "at which meeting?")
    assert (query.intent, query.moment) == (
        Intent.STATEMENTS,
        StatementMoment.INTRODUCTION_OF_DRAFT,
    )


def test_a_statement_names_its_meeting_with_the_day(engine: Engine) -> None:
    assert "44th meeting (7 November 2019)" in engine.ask("Who introduced L.11?").text


@pytest.mark.parametrize(
    ("first", "then", "number"),
    [
        ("what does the last preambular paragraph say", "and the one b4 that", -2),
        ("operative paragraph 3", "and the next one?", 4),
        ("operative paragraph 3", "the one before", 2),
    ],
)
def test_the_paragraph_before_or_after_the_one_shown(
    engine: Engine, first: str, then: str, number: int
) -> None:
    query = chain(engine, first, then)
    assert query.intent is Intent.PARAGRAPH and query.paragraph is not None
    assert query.paragraph.number == number


def test_the_one_before_the_last_is_shown(engine: Engine) -> None:
    previous = engine.read("what does the last preambular paragraph say")
    answer = engine.ask("and the one b4 that", previous)
    assert answer.sources[0].label == "preambular paragraph 16"


@pytest.mark.parametrize("then", ["Quote it exactly, please.", "source?", "where does it say that"])
def test_asking_for_the_words_keeps_the_question_and_quotes(engine: Engine, then: str) -> None:
    query = chain(engine, "What does the resolution decide?", then)
    assert (query.intent, query.quote) == (Intent.PARAGRAPH, True)


@pytest.mark.parametrize(
    ("first", "then", "countries", "ballot"),
    [
        ("Was Nigeria one of the sponsors?", "Sorry, I meant Niger, not Nigeria.", ["Niger"], None),
        (
            "how did moldova vote in committee",
            "no, I meant the general assembly vote",
            ["Republic of Moldova"],
            Ballot.PLENARY,
        ),
    ],
)
def test_a_correction_replaces_what_it_corrects(
    engine: Engine, first: str, then: str, countries: list[str], ballot: Ballot | None
) -> None:
    query = chain(engine, first, then)
    assert query.intent is engine.read(first).intent
    assert [c.name for c in query.countries] == countries
    assert query.ballot is (ballot or engine.read(first).ballot)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("What ECOSOC resolution does the preamble mention?", "When was it adopted?"),
        ("Where did the expert group on cybercrime meet?", "How many meetings does it list?"),
        ("when was this item put on the GA agenda?", "At which meeting?"),
    ],
)
def test_a_pronoun_after_a_passage_keeps_searching_that_passage(
    engine: Engine, first: str, then: str
) -> None:
    query = chain(engine, first, then)
    assert query.intent is Intent.PASSAGE
    assert query.search_text.startswith(first.casefold()[:10])


def test_a_set_question_without_a_subject_asks_of_the_last_one(engine: Engine) -> None:
    count = chain(
        engine,
        "How many sponsors were there in total?",
        "How many joined only after the revised draft was submitted?",
    )
    later = [(DocumentSet.SPONSORS, SponsorStage.SUBSEQUENT)]
    assert [(s.set, s.stage) for s in count.sets] == later
    abstained = chain(engine, "how did the arab league vote", "how many abstaind")
    assert (abstained.intent, [g.id for g in abstained.groups]) == (Intent.COUNT, ["arab-league"])


def test_a_question_of_its_own_kind_after_a_passage_stands_alone(engine: Engine) -> None:
    query = chain(engine, "What ECOSOC resolution does the preamble mention?", "who introduced it?")
    assert query.intent is Intent.STATEMENTS


def test_a_correction_may_ask_a_new_kind_of_question(engine: Engine) -> None:
    query = chain(engine, "how did nigeria vote", "sorry, I meant did niger sponsor it")
    assert (query.intent, [c.name for c in query.countries]) == (Intent.SPONSORS, ["Niger"])


def test_an_outlier_after_a_group_is_read_within_that_group(engine: Engine) -> None:
    query = chain(engine, "how did the eu vote", "was hungary an outlier?")
    assert (query.intent, query.outliers) == (Intent.COMPARE, True)
    assert [g.id for g in query.groups] == ["eu"]
    assert [c.name for c in query.countries] == ["Hungary"]


def test_before_or_after_the_vote_asks_when_again(engine: Engine) -> None:
    query = chain(engine, "who introduced the draft", "was that before or after the vote?")
    assert query.intent is Intent.STATEMENTS


def test_a_decision_at_a_named_meeting_is_looked_up_in_the_text(engine: Engine) -> None:
    answer = engine.ask("what did the general assembly decide at its 2nd plenary meeting?")
    assert answer.sources[0].label == "paragraph 1 of the report"


def test_the_rapporteurs_name_is_in_the_report(engine: Engine) -> None:
    assert "Firas Hassan Jabbar" in engine.ask("what is the rapporteur's name?").text


def test_on_whose_behalf_asks_of_the_statement_just_shown(engine: Engine) -> None:
    query = chain(engine, "Who introduced L.11?", "On behalf of which countries?")
    assert (query.intent, query.moment, query.behalf) == (
        Intent.STATEMENTS,
        StatementMoment.INTRODUCTION_OF_DRAFT,
        True,
    )


@pytest.mark.parametrize(
    ("first", "then", "voice"),
    [
        (
            "Canada's statement - on whose behalf was it?",
            "And did Canada and all of those vote no?",
            "Canada",
        ),
        ("who did finland speak for", "did all of them vote against?", "Finland"),
    ],
)
def test_those_spoken_for_are_the_set_asked_about(
    engine: Engine, first: str, then: str, voice: str
) -> None:
    query = chain(engine, first, then)
    assert (query.intent, query.countries) == (Intent.LIST, ())
    [mention] = query.sets
    assert (mention.set, mention.voice, mention.spoken_for) == (DocumentSet.SPEAKERS, voice, True)


def test_all_of_those_an_introduction_spoke_for(engine: Engine) -> None:
    previous = engine.read("Who introduced L.11?")
    previous = engine.read("On behalf of which countries?", previous)
    answer = engine.ask("Did all of them end up voting in favour in the committee?", previous)
    assert answer.text.startswith("**Yes**: **All 7**")


def test_a_passage_follow_up_that_says_enough_is_also_searched_alone(engine: Engine) -> None:
    query = chain(engine, "What exactly will this new body do?", "And who's footing the bill?")
    assert (query.intent, query.own_search_text) == (Intent.PASSAGE, "who's footing the bill?")


@pytest.mark.parametrize(
    ("then", "intent"),
    [
        ("his country?", Intent.METADATA),
        ("and how did his country vote?", Intent.VOTE),
        ("what did his government do", Intent.VOTE),
    ],
)
def test_the_rapporteurs_country_is_named_or_its_vote_given(
    engine: Engine, then: str, intent: Intent
) -> None:
    assert chain(engine, "who was the rapporteur", then).intent is intent


def test_a_whole_question_after_a_fact_of_the_report_is_searched(engine: Engine) -> None:
    query = chain(
        engine,
        "what's the doc symbol?",
        "And pursuant to which earlier General Assembly resolution was that report prepared?",
    )
    assert query.intent is Intent.PASSAGE


def test_which_ones_after_a_statement_for_others_names_the_others(engine: Engine) -> None:
    query = chain(
        engine,
        "Canada's explanation of vote was also delivered on behalf of several other delegations.",
        "Which ones",
    )
    assert query.intent is Intent.BREAKDOWN
    assert [(s.voice, s.spoken_for, s.with_speaker) for s in query.sets] == [
        ("Canada", True, False)
    ]


def test_a_group_left_out_is_not_merged_back_in(engine: Engine) -> None:
    query = chain(
        engine,
        "List the EU member states that are also NATO allies",
        "ok and the nato allies that AREN'T in the eu, which of them didnt vote against?",
    )
    assert ([g.id for g in query.groups], [g.id for g in query.outside]) == (["nato"], ["eu"])


@pytest.mark.parametrize(
    ("then", "ballot"),
    [
        ("How many member states didn't vote at all?", Ballot.PLENARY),
        ("which EU countries abstained?", Ballot.PLENARY),
        ("how did france vote", None),
    ],
)
def test_a_whole_vote_question_after_the_plenary_stays_with_it(
    engine: Engine, then: str, ballot: Ballot | None
) -> None:
    query = follow(engine, "what was the final GA vote on the cybercrime resolution?", then)
    assert query.ballot is ballot


@pytest.mark.parametrize(
    ("then", "intent", "sets"),
    [
        ("which of those were sponsors?", Intent.LIST, [DocumentSet.SPONSORS]),
        ("how many of them spoke", Intent.COUNT, [DocumentSet.SPEAKERS]),
        ("were any of those sponsors?", Intent.LIST, [DocumentSet.SPONSORS]),
    ],
)
def test_which_of_those_narrows_the_last_set(
    engine: Engine, then: str, intent: Intent, sets: list[DocumentSet]
) -> None:
    query = follow(engine, "Which Caribbean states voted yes", then)
    assert query.intent is intent
    assert [group.id for group in query.groups] == ["caricom"]
    assert list(query.positions) == [Position.IN_FAVOUR]
    assert [mention.set for mention in query.sets] == sets


@pytest.mark.parametrize(
    ("first", "then", "groups", "positions"),
    [
        (
            "how many abstained?",
            "which of them are african",
            ["african-group"],
            [Position.ABSTAINING],
        ),
        (
            "which eu states voted no",
            "which of those are in nato",
            ["eu", "nato"],
            [Position.AGAINST],
        ),
    ],
)
def test_which_of_them_with_a_group_takes_the_group_within_the_last_set(
    engine: Engine, first: str, then: str, groups: list[str], positions: list[Position]
) -> None:
    query = follow(engine, first, then)
    assert [group.id for group in query.groups] == groups
    assert list(query.positions) == positions


@pytest.mark.parametrize(
    "then", ["wait and then in the plenary in december??", "oh and in plenary?"]
)
def test_an_interjection_before_a_follow_up_keeps_it_a_follow_up(engine: Engine, then: str) -> None:
    query = follow(engine, "How did Cabo Verde vote in the Third Committee?", then)
    assert (query.intent, [c.name for c in query.countries], query.ballot) == (
        Intent.VOTE,
        ["Cabo Verde"],
        Ballot.PLENARY,
    )


@pytest.mark.parametrize(
    "then", ["how did that delegation itself vote?", "how did that country vote"]
)
def test_the_state_that_spoke_for_a_group_is_who_that_delegation_is(
    engine: Engine, then: str
) -> None:
    query = follow(engine, "who spoke on behalf of the European Union?", then)
    assert (query.intent, [c.name for c in query.countries]) == (Intent.VOTE, ["Finland"])
    assert follow(engine, "who spoke for the EU?", "and how did the EU vote").groups


def test_who_introduced_it_asks_for_its_own_subject(engine: Engine) -> None:
    query = follow(
        engine, "did the kiwis and the brits vote agianst it?", "and who introduced the draft"
    )
    assert (query.intent, query.countries) == (Intent.STATEMENTS, ())


def test_the_solomons_are_the_solomon_islands(engine: Engine) -> None:
    query = follow(engine, "how did bolivia vote", "what about the solomons")
    assert [c.name for c in query.countries] == ["Solomon Islands"]
