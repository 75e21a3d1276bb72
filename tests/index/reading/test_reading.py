"""One reading per question: the intent and the slots every answer is computed from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.countries import ResolutionStatus
from index.engine import Engine
from index.query import (
    Ballot,
    DocumentSet,
    Intent,
    Limit,
    MetadataField,
    OperativeSelection,
    Quantifier,
)
from index.records import Part, Position, SponsorStage, StatementMoment

IN, AGAINST, ABSTAIN, ABSENT = (
    Position.IN_FAVOUR,
    Position.AGAINST,
    Position.ABSTAINING,
    Position.ABSENT,
)


@pytest.mark.parametrize(
    ("question", "countries", "positions"),
    [
        ("How did France vote?", ["France"], []),
        ("how'd the kiwis vote", ["New Zealand"], []),
        ("swiss vote?", ["Switzerland"], []),
        ("turkey yes or no?", ["Turkey"], []),
        ("congo-brazzaville yes or no", ["Congo"], []),
        ("how did the brits vote", ["United Kingdom of Great Britain and Northern Ireland"], []),
        ("the Yanks?", ["United States of America"], []),
        ("Did Brazil abstain?", ["Brazil"], [ABSTAIN]),
        ("was israel against it", ["Israel"], [AGAINST]),
        ("did the pakistanis back it", ["Pakistan"], [IN]),
        ("Did Benin not vote?", ["Benin"], [ABSENT]),
        ("did nigerien delegates vote yes", ["Niger"], [IN]),
        ("How did South Africa vote?", ["South Africa"], []),
        ("What was China's position?", ["China"], []),
        ("where did brazil land on this", ["Brazil"], []),
        ("what did the kiwis do", ["New Zealand"], []),
        ("how did the dutch go", ["Netherlands"], []),
    ],
)
def test_a_country_in_casual_words_is_a_vote(
    engine: Engine, question: str, countries: list[str], positions: list[Position]
) -> None:
    query = engine.read(question)
    assert query.intent is Intent.VOTE
    assert [c.name for c in query.countries] == countries
    assert list(query.positions) == positions


def test_near_collisions_stay_apart(engine: Engine) -> None:
    query = engine.read("how did niger, nigeria, guinea, guinea-bissau and dominica vote")
    assert [c.name for c in query.countries] == [
        "Niger",
        "Nigeria",
        "Guinea",
        "Guinea-Bissau",
        "Dominica",
    ]


@pytest.mark.parametrize(
    ("question", "intent", "groups", "positions", "quantifier"),
    [
        ("which EU countries voted in favour?", Intent.LIST, ["eu"], [IN], None),
        ("how did the african group vote?", Intent.BREAKDOWN, ["african-group"], [], None),
        ("did any G7 country vote yes?", Intent.LIST, ["g7"], [IN], Quantifier.ANY),
        ("did all the g7 vote against", Intent.LIST, ["g7"], [AGAINST], Quantifier.ALL),
        ("which ASEAN countries abstained", Intent.LIST, ["asean"], [ABSTAIN], None),
        ("how many african countries abstained", Intent.COUNT, ["african-group"], [ABSTAIN], None),
        (
            "did all Nordic countries vote the same way?",
            Intent.COMPARE,
            ["nordic"],
            [],
            Quantifier.ALL,
        ),
        ("how did the permanent five split", Intent.BREAKDOWN, ["p5"], [], None),
        (
            "which brics country didnt vote in favour",
            Intent.LIST,
            ["brics"],
            [AGAINST, ABSTAIN, ABSENT],
            None,
        ),
    ],
)
def test_groups_of_states(
    engine: Engine,
    question: str,
    intent: Intent,
    groups: list[str],
    positions: list[Position],
    quantifier: Quantifier | None,
) -> None:
    query = engine.read(question)
    assert query.intent is intent
    assert [g.id for g in query.groups] == groups
    assert sorted(query.positions) == sorted(positions)
    assert query.quantifier is quantifier


@pytest.mark.parametrize(
    ("question", "intent", "document_set", "positions"),
    [
        ("did any sponsor vote against?", Intent.LIST, DocumentSet.SPONSORS, [AGAINST]),
        ("which sponsors did not vote?", Intent.LIST, DocumentSet.SPONSORS, [ABSENT]),
        (
            "which countries that spoke after the vote had abstained?",
            Intent.LIST,
            DocumentSet.SPEAKERS,
            [ABSTAIN],
        ),
        ("did any country change its vote?", Intent.LIST, DocumentSet.NOTED, []),
        (
            "how did the countries that made statements vote",
            Intent.BREAKDOWN,
            DocumentSet.SPEAKERS,
            [],
        ),
    ],
)
def test_the_documents_own_sets(
    engine: Engine,
    question: str,
    intent: Intent,
    document_set: DocumentSet,
    positions: list[Position],
) -> None:
    query = engine.read(question)
    assert query.intent is intent
    assert [s.set for s in query.sets] == [document_set]
    assert list(query.positions) == positions


def test_speakers_after_the_vote_carry_their_moment(engine: Engine) -> None:
    query = engine.read("which countries that spoke after the vote had abstained?")
    assert query.sets[0].moment is StatementMoment.EXPLANATION_AFTER_VOTE


@pytest.mark.parametrize(
    ("question", "countries"),
    [
        ("compare France and Germany", ["France", "Germany"]),
        ("did china and russia vote alike?", ["China", "Russian Federation"]),
        ("india vs pakistan vote", ["India", "Pakistan"]),
    ],
)
def test_comparisons(engine: Engine, question: str, countries: list[str]) -> None:
    query = engine.read(question)
    assert query.intent is Intent.COMPARE
    assert [c.name for c in query.countries] == countries


def test_neighbours_are_read_as_regional_groups(engine: Engine) -> None:
    query = engine.read("which countries voted differently from their neighbours?")
    assert (query.intent, query.outliers, query.uncertain) == (Intent.COMPARE, True, True)


@pytest.mark.parametrize(
    "question",
    [
        "When was the Doha Declaration adopted?",
        "How many days does the organizational session last?",
        "At which session will the Assembly come back to this?",
        "what day was the general discussion held?",
        "Which countries support the fight against cybercrime?",
        "which other agenda items were discussed together with it",
        "What does the resolution say about human rights?",
    ],
)
def test_trigger_words_do_not_pull_passage_questions_away(engine: Engine, question: str) -> None:
    assert engine.read(question).intent is Intent.PASSAGE


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("which countries took part in the ad hoc committee", Limit.LATER_EVENTS),
        (
            "the number of the 75th-session resolution that approved the ad hoc committee's plan",
            Limit.LATER_EVENTS,
        ),
        ("who chairs the ad hoc committee", Limit.CHAIR),
        ("how much money was allocated for this", Limit.MONEY),
        ("what did China say before the vote?", Limit.ARGUMENTS),
        ("what did the uk say", Limit.ARGUMENTS),
        ("what did the netherlands argue after the vote", Limit.ARGUMENTS),
        ("what were russia's main arguments for the draft", Limit.ARGUMENTS),
        ("why did brazil abstain", Limit.REASONS),
        ("which countries joined the convention", Limit.LATER_EVENTS),
        ("how many states are parties to the treaty", Limit.LATER_EVENTS),
        ("was the convention eventually adopted", Limit.LATER_EVENTS),
        ("what happened at the organizational session in 2020", Limit.LATER_EVENTS),
        ("what did the 2021 follow-up resolution say", Limit.LATER_EVENTS),
        ("what is the Budapest Convention?", Limit.UNKNOWN_TOPIC),
        ("does it mention cryptocurrency", Limit.UNKNOWN_TOPIC),
        ("who is the secretary-general", Limit.NOT_STATED),
    ],
)
def test_honest_limits(engine: Engine, question: str, limit: Limit) -> None:
    query = engine.read(question)
    assert (query.intent, query.limit) == (Intent.NOT_IN_DOCUMENT, limit)


def test_an_unknown_topic_is_named_as_written(engine: Engine) -> None:
    assert engine.read("what is the Budapest Convention?").topic == "Budapest Convention"


@pytest.mark.parametrize(
    "question",
    [
        "Who were the original sponsors?",
        "what is the doha declaration about",
        "what is CCPCJ resolution 22/8",
        "what is A/74/130",
        "who pays for developing countries to attend",
        "by how much did it win",
        "what happened at the 44th meeting",
        "when does the ad hoc committee meet",
    ],
)
def test_known_subjects_are_not_limits(engine: Engine, question: str) -> None:
    assert engine.read(question).intent is not Intent.NOT_IN_DOCUMENT


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what was the final score", Intent.TALLY),
        ("did it pass", Intent.TALLY),
        ("was the resolution adopted or rejected?", Intent.TALLY),
        ("how close was the vote", Intent.TALLY),
        ("who voted no", Intent.LIST),
        ("how many abstained", Intent.COUNT),
        ("Who sponsored it?", Intent.SPONSORS),
        ("Who introduced the draft?", Intent.STATEMENTS),
        ("who spoke for the eu", Intent.STATEMENTS),
        ("did the us say anything", Intent.STATEMENTS),
        ("who's the rapporteur", Intent.METADATA),
        ("what agenda item is it under", Intent.METADATA),
        ("show me op 3", Intent.PARAGRAPH),
        ("what does the resolution decide", Intent.PARAGRAPH),
    ],
)
def test_facts_asked_casually(engine: Engine, question: str, intent: Intent) -> None:
    assert engine.read(question).intent is intent


def test_slots_of_facts(engine: Engine) -> None:
    assert engine.read("who joined as sponsors later on").stage is SponsorStage.SUBSEQUENT
    assert engine.read("which meetings discussed this item").field is MetadataField.MEETINGS
    paragraph = engine.read("pp9?").paragraph
    assert paragraph is not None and (paragraph.part, paragraph.number) == (Part.PREAMBLE, 9)
    decisions = engine.read("what does the resolution decide").operative
    assert decisions is OperativeSelection.DECISIONS
    assert engine.read("what did the US say at the 44th meeting").meeting == 44


def test_an_unknown_name_is_kept_for_did_you_mean(engine: Engine) -> None:
    query = engine.read("How did Atlantis vote?")
    assert query.intent is Intent.VOTE
    assert [(c.text, c.status) for c in query.countries] == [("Atlantis", ResolutionStatus.UNKNOWN)]


def test_the_reading_is_in_plain_words(engine: Engine) -> None:
    assert engine.read("how did the african group vote?").reading == (
        "How the members of the African Group voted, position by position"
    )
    assert not engine.read("How did France vote?").uncertain
    assert engine.read("How did Germny vote?").uncertain


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_yields_a_query(engine: Engine, question: str) -> None:
    query = engine.read(question)
    assert query.intent in Intent and query.reading


def test_naming_the_draft_is_not_a_topic(engine: Engine) -> None:
    query = engine.read("What was the result of the vote on A/C.3/74/L.11/Rev.1?")
    assert query.intent is Intent.TALLY


@pytest.mark.parametrize(
    ("question", "intent", "positions"),
    [
        ("who didn't show up for the vote", Intent.LIST, [ABSENT]),
        ("did more countries vote for or against", Intent.TALLY, []),
        ("did the philippines abstain or vote yes", Intent.VOTE, [ABSTAIN, IN]),
        ("switzerland for or against", Intent.VOTE, []),
    ],
)
def test_either_or_questions(
    engine: Engine, question: str, intent: Intent, positions: list[Position]
) -> None:
    query = engine.read(question)
    assert (query.intent, sorted(query.positions)) == (intent, sorted(positions))


FULLWIDTH_QUESTION = "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in "how did Kenya vote")


@pytest.mark.parametrize(
    "question",
    [
        "How did \U0001f1f0\U0001f1ea vote?",
        FULLWIDTH_QUESTION,
        "How did \U0001d40a\U0001d41e\U0001d427\U0001d432\U0001d41a vote?",
        "How did Kenya vote? #2030",
        "\u202eHow did Kenya vote?",
    ],
)
def test_text_forms_read_as_the_plain_question(engine: Engine, question: str) -> None:
    query = engine.read(question)
    assert query.intent is Intent.VOTE
    assert [c.name for c in query.countries] == ["Kenya"]


@pytest.mark.parametrize(
    ("question", "reference", "groups", "intent"),
    [
        (
            "Which Eastern European countries sided with Moscow?",
            "Russian Federation",
            ["eastern-european-group"],
            Intent.LIST,
        ),
        ("which african countries voted like china", "China", ["african-group"], Intent.LIST),
        ("how many countries sided with the US", "United States of America", [], Intent.COUNT),
    ],
)
def test_a_state_named_as_the_yardstick_is_not_a_subject(
    engine: Engine, question: str, reference: str, groups: list[str], intent: Intent
) -> None:
    query = engine.read(question)
    assert (query.intent, query.aligned_with) == (intent, reference)
    assert [g.id for g in query.groups] == groups
    assert query.countries == ()


def test_sided_with_moscow_lists_those_that_voted_as_russia_did(engine: Engine) -> None:
    answer = engine.ask("Which Eastern European countries sided with Moscow?")
    assert answer.text.startswith("Russian Federation voted in favour.")
    favour = {v.country for v in answer.votes if v.position is IN}
    assert favour == {"Armenia", "Azerbaijan", "Belarus", "Serbia"}


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What did Tbilisi and Kyiv do on the L.11 text?", Intent.VOTE),
        ("is the secretariat paying for this out of the regular budget", Intent.PASSAGE),
        ("Was there a PBI for the draft?", Intent.PASSAGE),
        ("how did this whole topic end up on the UN's agenda for that year?", Intent.PASSAGE),
        ("what language was this thing first drafted in?", Intent.PASSAGE),
        ("who tabled the original L.11", Intent.STATEMENTS),
        ("human rights mentioned at all or nah", Intent.PASSAGE),
        ("did anybody warn abt the cost before they voted?", Intent.PASSAGE),
        ("how much $ was in the programme budget implications statement", Intent.NOT_IN_DOCUMENT),
        ("whats the name of the russian diplomat who introduced L.11", Intent.NOT_IN_DOCUMENT),
        ("what's the agenda item name?", Intent.PASSAGE),
        ("Which summary record should I pull for the vote on 18 Nov?", Intent.METADATA),
    ],
)
def test_weak_words_need_their_context(engine: Engine, question: str, intent: Intent) -> None:
    assert engine.read(question).intent is intent


def test_a_meeting_named_by_its_day_and_a_state_left_out(engine: Engine) -> None:
    question = "besides the russians, which delegation talked about the drafts at the 7 nov meeting"
    query = engine.read(question)
    assert (query.intent, query.meeting, query.excluded) == (
        Intent.STATEMENTS,
        44,
        ("Russian Federation",),
    )
    answer = engine.ask(question)
    assert "United States of America" in answer.text and "Russian" not in answer.text.split("*")[0]


BEFORE, AFTER = StatementMoment.BEFORE_VOTE, StatementMoment.AFTER_VOTE
EXPLAINED_AFTER = StatementMoment.EXPLANATION_AFTER_VOTE


@pytest.mark.parametrize(
    ("question", "moment", "exact"),
    [
        ("who spoke before the voting (not counting the explanations)", BEFORE, True),
        ("after the vote one delegation made a statement that wasnt an EOV", AFTER, True),
        ("who gave explanations of vote once the vote was over", EXPLAINED_AFTER, True),
        ("who spoke before the vote", BEFORE, False),
    ],
)
def test_a_moment_narrowed_to_one_kind_of_statement(
    engine: Engine, question: str, moment: StatementMoment, exact: bool
) -> None:
    query = engine.read(question)
    assert (query.intent, query.moment, query.exact_moment) == (Intent.STATEMENTS, moment, exact)


def test_only_the_other_statements_after_the_vote(engine: Engine) -> None:
    answer = engine.ask("after the vote one delegation made a statement that wasnt an EOV, who?")
    assert "Iran (Islamic Republic of)" in answer.text
    assert "Japan" not in answer.text


@pytest.mark.parametrize(
    ("question", "part", "number"),
    [
        ("how does the very first preambular para frame ICTs", Part.PREAMBLE, 1),
        ("what does the last operative paragraph say", Part.OPERATIVE, -1),
        ("show me the 2nd preambular paragraph", Part.PREAMBLE, 2),
        ("the third paragraph of the report", Part.REPORT, 3),
    ],
)
def test_paragraphs_named_by_ordinal(
    engine: Engine, question: str, part: Part, number: int
) -> None:
    query = engine.read(question)
    assert query.intent is Intent.PARAGRAPH
    assert query.paragraph is not None
    assert (query.paragraph.part, query.paragraph.number) == (part, number)


def test_the_last_paragraph_of_a_part_is_its_highest(engine: Engine) -> None:
    assert engine.ask("what does the last operative paragraph say").sources[0].label == (
        "operative paragraph 6"
    )


def test_asking_for_the_words_quotes_the_cited_paragraph_in_full(engine: Engine) -> None:
    answer = engine.ask("the para about countries joining as sponsors later - quote")
    assert engine.read("the para about countries joining as sponsors later - quote").quote
    assert "joined in sponsoring the draft resolution" in answer.text
    assert "Paragraph 7 of the report, in full:" in answer.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is the Budapest Convention?", "Budapest Convention"),
        ("What did Human Rights Watch and NGOs say of it", "Human Rights Watch and NGOs"),
        ("how does this relate to the OEWG on ICTs in the first committee", "OEWG"),
    ],
)
def test_a_refusal_names_only_what_is_missing(engine: Engine, question: str, topic: str) -> None:
    query = engine.read(question)
    assert (query.limit, query.topic) == (Limit.UNKNOWN_TOPIC, topic)


@pytest.mark.parametrize(
    "question",
    [
        "whats the doc symbol of the text that actually got voted on",
        "what are they supposed to agree on at the organizational session",
        "what's the symbol of the SG report the committee had",
        "whats the precise language about the first session in 2020",
        "what's the 2013 commission resolution recalled for, quote",
    ],
)
def test_words_about_asking_are_never_the_missing_topic(engine: Engine, question: str) -> None:
    assert engine.read(question).limit is not Limit.UNKNOWN_TOPIC


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("who ended up chairing the ad hoc committee", Limit.CHAIR),
        ("what were the EU's main objections in finland's speech", Limit.ARGUMENTS),
        ("when was the final UN cybercrime convention adopted", Limit.LATER_EVENTS),
        ("how does the resolution define cybercrime", Limit.NOT_STATED),
    ],
)
def test_more_honest_limits(engine: Engine, question: str, limit: Limit) -> None:
    assert engine.read(question).limit is limit


def test_an_unknown_subject_is_said_back_with_what_it_may_mean(engine: Engine) -> None:
    answer = engine.ask("did the frenchies go for it")
    assert not answer.answered
    assert "“frenchies”" in answer.text and "Did you mean France?" in answer.text


def test_bodies_that_are_not_states_are_not_in_the_document(engine: Engine) -> None:
    query = engine.read("Did any human rights groups or NGOs lobby against the China-backed text?")
    assert (query.limit, query.topic) == (Limit.UNKNOWN_TOPIC, "human rights groups or NGOs")


@pytest.mark.parametrize(
    ("question", "groups"),
    [
        ("how many african contries voted for it in the commitee", ["african-group"]),
        ("Which western countries didn't vote against it?", ["weog"]),
    ],
)
def test_groups_named_loosely_or_with_a_slip(
    engine: Engine, question: str, groups: list[str]
) -> None:
    assert [g.id for g in engine.read(question).groups] == groups


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Who wrote this report up, the rapporteur?", Intent.METADATA),
        ("does it say anything about free speech online or nah", Intent.PASSAGE),
        ("who is supposed to cover the costs of running the new committee?", Intent.PASSAGE),
        ("how does this relate to the OEWG on ICTs in the first committee", Intent.NOT_IN_DOCUMENT),
        ("what is the budapest convention", Intent.NOT_IN_DOCUMENT),
    ],
)
def test_a_few_unknown_words_leave_the_passage_to_answer(
    engine: Engine, question: str, intent: Intent
) -> None:
    assert engine.read(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("did the ad hoc committee actually meet in August 2020?", Intent.NOT_IN_DOCUMENT),
        ("did the 2020 session actually happen or was it postponed", Intent.NOT_IN_DOCUMENT),
        ("did the organizational session take place", Intent.NOT_IN_DOCUMENT),
        ("when is the ad hoc committee meant to meet", Intent.PASSAGE),
        ("what session will look at it next", Intent.PASSAGE),
    ],
)
def test_a_plan_is_not_an_event(engine: Engine, question: str, intent: Intent) -> None:
    assert engine.read(question).intent is intent


def test_the_majority_needed_is_not_stated(engine: Engine) -> None:
    answer = engine.ask("how many votes did it need to pass?")
    assert not answer.answered
    assert answer.text.startswith("The report does not say what majority the draft needed")


def test_yes_slash_no_asks_which_way(engine: Engine) -> None:
    query = engine.read("guinea yes/no?")
    assert (query.intent, query.positions) == (Intent.VOTE, ())
    assert engine.ask("guinea yes/no?").text.startswith("**Guinea** voted **in favour**")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many latin america & caribbean countries abstained", "**15** of the 33 members"),
        ("how many joined as sponsors only after the revision?", "**20** later sponsors"),
        ("which eu country broke ranks", "**European Union** (most against: 28 of 28): none."),
        ("did any asean member break ranks", "abstaining (1): Philippines"),
        ("what exactly does the resolution set up", "*Decides* to establish"),
        ("what does the text actually create", "*Decides* to establish"),
        ("which plenary meeting put the item on the agenda", "2nd plenary meeting"),
    ],
)
def test_the_issue_examples_keep_their_constraints(
    engine: Engine, question: str, expected: str
) -> None:
    assert expected in engine.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "what was the vote count on resolution 73/187 the year before",
        "what are the main conclusions of the SG report A/74/130",
    ],
)
def test_a_document_the_report_only_cites(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered
    assert "refers to it but does not say what it contains" in answer.text


def test_a_stage_named_to_include_does_not_narrow(engine: Engine) -> None:
    question = "of all the co-sponsors incl the ones that joined late, how many voted yes"
    assert "**44** of the 47 sponsors" in engine.ask(question).text


def test_how_did_each_vote_asks_of_the_groups_not_of_both_votes(engine: Engine) -> None:
    query = engine.read("EU vs the African group: how did each vote?")
    assert (query.intent, query.separately, query.ballot) == (Intent.COMPARE, True, None)


def test_counting_the_later_ones_counts_them_all(engine: Engine) -> None:
    question = "How many co-sponsors in total, counting the ones who joined after Rev.1?"
    assert "**47** sponsors" in engine.ask(question).text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many countries spoke", "**15** States that spoke"),
        ("how many delegations made statements before the vote", "**9** States that spoke"),
        ("was it close?", "**88** in favour to **58** against"),
        ("how did brazil vote in plenary vs committee", "abstained** in both votes"),
        ("what about the ones who abstained in the GA", "**Abstaining** (33)"),
    ],
)
def test_speakers_closeness_and_the_vote_named_loosely(
    engine: Engine, question: str, expected: str
) -> None:
    assert expected in engine.ask(question).text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Does it talk about training police in countries that lack the skills?", Intent.PASSAGE),
        ("Why was the UN's cybercrime study panel created originally?", Intent.PASSAGE),
        ("Is there a nod to some declaration named after a city in Brazil?", Intent.PASSAGE),
        (
            "They mention some big crime conference in the Gulf, when did that happen?",
            Intent.PASSAGE,
        ),
        ("Do they say anything about how much regional agreements matter?", Intent.PASSAGE),
        ("Who's sponsoring the day-to-day running of the treaty talks?", Intent.PASSAGE),
        ("Who are they hoping will sponsor the global south's participation?", Intent.PASSAGE),
        ("Was it agreed by everyone or did they have to count hands?", Intent.TALLY),
        ("Who opened the discussion with a scene-setting talk?", Intent.STATEMENTS),
        ("when did this doc actualy come out? like the release date", Intent.METADATA),
        ("why did brazil abstain", Intent.NOT_IN_DOCUMENT),
    ],
)
def test_words_used_in_another_sense_do_not_pull_a_question_away(
    engine: Engine, question: str, intent: Intent
) -> None:
    assert engine.read(question).intent is intent


def test_a_lower_case_topic_the_document_lacks_may_still_be_answered_by_a_passage(
    engine: Engine,
) -> None:
    soft = engine.read("does it say anything about free speech online or nah")
    firm = engine.read("what is the budapest convention")
    assert (firm.intent, firm.soft_limit) == (Intent.NOT_IN_DOCUMENT, False)
    assert soft.intent is Intent.PASSAGE or soft.soft_limit


SYMBOL_QUESTION = "What is the document symbol of this Third Committee report itself?"
EU_QUESTION = "Did the European Union itself cast a vote, separate from its member States?"


@pytest.mark.parametrize(
    ("question", "expected", "answered"),
    [
        (SYMBOL_QUESTION, "does not print its own document symbol", False),
        ("what is the doc number", "does not print its own document symbol", False),
        ("Count the preambular paragraphs of the recommended draft.", "**17** preambular", True),
        ("how many operative paragraphs are there", "**6** operative", True),
        ("what happened at the 44th meeting", "At its **44th meeting** (7 November 2019)", True),
        ("Which delegation requested the recorded vote?", "not who requested the vote", False),
        ("At which plenary meeting was 74/247 adopted?", "not the number of the meeting", False),
        (EU_QUESTION, "it does not vote", True),
    ],
)
def test_facts_about_the_document_and_its_limits(
    engine: Engine, question: str, expected: str, answered: bool
) -> None:
    answer = engine.ask(question)
    assert expected in answer.text
    assert answer.answered is answered


@pytest.mark.parametrize(
    "question",
    [
        "Who's the person credited with writing this up for the committee, and which country?",
        "who wrote this?",
    ],
)
def test_who_wrote_the_report_is_its_rapporteur(engine: Engine, question: str) -> None:
    assert "Firas Hassan Jabbar" in engine.ask(question).text
    assert engine.read(question).field is MetadataField.RAPPORTEUR


@pytest.mark.parametrize(
    ("question", "claimed"),
    [
        ("confirm: 88-58-34?", (88, 58, 34)),
        ("was it 88 to 58 with 34 abstentions", (88, 58, 34)),
        ("what does resolution 65/230 say", ()),
        ("the meeting of 18-11-2019", ()),
        ("was it 65-230", ()),
    ],
)
def test_figures_for_the_result_are_read_never_symbols_or_dates(
    engine: Engine, question: str, claimed: tuple[int, ...]
) -> None:
    assert engine.read(question).claimed == claimed


@pytest.mark.parametrize(
    "question",
    [
        "How many Member States cast no vote at all in the Committee's recorded vote?",
        "how many countries had no vote",
        "how many states didn't cast a vote",
    ],
)
def test_no_vote_cast_is_not_a_vote_against(engine: Engine, question: str) -> None:
    assert list(engine.read(question).positions) == [Position.ABSENT]


@pytest.mark.parametrize(
    ("question", "group", "quantifier", "position"),
    [
        ("asian countries that voted no", "asia-pacific-group", None, Position.AGAINST),
        (
            "did the central asian states vote yes",
            "central-asia",
            Quantifier.ALL,
            Position.IN_FAVOUR,
        ),
        (
            "were the latam states all yes in committee?",
            "grulac",
            Quantifier.ALL,
            Position.IN_FAVOUR,
        ),
    ],
)
def test_groups_and_positions_in_casual_words(
    engine: Engine, question: str, group: str, quantifier: Quantifier | None, position: Position
) -> None:
    query = engine.read(question)
    assert [g.id for g in query.groups] == [group]
    assert (query.quantifier, list(query.positions)) == (quantifier, [position])


def test_a_state_included_in_the_set_does_not_narrow_it(engine: Engine) -> None:
    query = engine.read("Which of the sponsors, Benin included, had no recorded vote?")
    assert (query.countries, list(query.positions)) == ((), [Position.ABSENT])
    assert [s.set for s in query.sets] == [DocumentSet.SPONSORS]


def test_the_secretary_generals_report_is_not_this_report(engine: Engine) -> None:
    query = engine.read("which report of the Secretary-General did the Committee have before it?")
    assert query.intent is Intent.PASSAGE
    assert engine.read("what did it have before it for this item?").positions == ()


def test_how_those_a_statement_spoke_for_voted_in_one_message(engine: Engine) -> None:
    query = engine.read("canada spoke on behalf of a few others too, did that whole crew vote no?")
    assert (query.intent, query.quantifier, query.countries) == (Intent.LIST, Quantifier.ALL, ())
    [mention] = query.sets
    assert (mention.voice, mention.spoken_for) == ("Canada", True)


def test_each_of_them_without_a_position_is_a_breakdown(engine: Engine) -> None:
    assert engine.read("how did each of the nordics vote").intent is Intent.BREAKDOWN


@pytest.mark.parametrize("question", ["what does the Benin footnote say", "benin's note?"])
def test_a_states_footnote_is_the_noted_set(engine: Engine, question: str) -> None:
    query = engine.read(question)
    assert [s.set for s in query.sets] == [DocumentSet.NOTED]


@pytest.mark.parametrize(
    ("question", "names"),
    [
        (
            "At which Crime Congress was the Salvador Declaration adopted?",
            ("Crime", "Congress", "Salvador", "Declaration"),
        ),
        ("which decision by the Vienna crime commission does it recall?", ()),
        ("is there a part about expert meetings in Austria?", ()),
        ("what does it say about the salvador declaration", ()),
    ],
)
def test_names_the_passage_must_hold_leave_places_out(
    engine: Engine, question: str, names: tuple[str, ...]
) -> None:
    assert engine.read(question).names == names


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("whats the distribution date printed on the committee report itself", MetadataField.DATE),
        ("when was it issued", MetadataField.DATE),
        ("Which session and agenda item?", MetadataField.AGENDA_ITEM),
    ],
)
def test_header_facts_asked_plainly(engine: Engine, question: str, field: MetadataField) -> None:
    query = engine.read(question)
    assert (query.intent, query.field) == (Intent.METADATA, field)


def test_a_stage_set_aside_is_not_the_one_asked(engine: Engine) -> None:
    query = engine.read(
        "how many new cosponsors got added wehn rev 1 was submitted? "
        "not counting the ones who joined later on"
    )
    assert query.intent is Intent.COUNT
    assert [mention.stage for mention in query.sets] == [SponsorStage.REVISED]


@pytest.mark.parametrize(
    ("question", "positions"),
    [("no. of abstentions?", [ABSTAIN]), ("footnote no. 4", [])],
)
def test_a_number_sign_is_not_a_no_vote(
    engine: Engine, question: str, positions: list[Position]
) -> None:
    assert list(engine.read(question).positions) == positions


@pytest.mark.parametrize(
    ("question", "groups", "countries"),
    [
        ("How many EU member states voted against? (UK still counted, it was 2019)", ["eu"], []),
        ("how did the five eyes line up? (US, UK, Canada, Aus, NZ)", ["five-eyes"], []),
        ("how many arab states voted yes 🇸🇦", ["arab-league"], []),
        ("how did they vote 🇫🇷", [], ["France"]),
        ("how did the EU vote (not Hungary)", ["eu"], []),
    ],
)
def test_members_named_in_an_aside_do_not_narrow_the_group(
    engine: Engine, question: str, groups: list[str], countries: list[str]
) -> None:
    query = engine.read(question)
    assert [group.id for group in query.groups] == groups
    assert [country.name for country in query.countries] == countries


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how did france line up", Intent.VOTE),
        ("how did india fall on it", Intent.VOTE),
        ("what camp was brazil in", Intent.VOTE),
        ("how did the votes shake out", Intent.TALLY),
    ],
)
def test_vote_idioms(engine: Engine, question: str, intent: Intent) -> None:
    assert engine.read(question).intent is intent


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("which island nations abstained", "island nations"),
        ("how did the poorer countries vote", "poorer countries"),
        ("which landlocked countries voted no", "landlocked countries"),
    ],
)
def test_a_kind_of_state_no_group_defines_is_said_back(
    engine: Engine, question: str, topic: str
) -> None:
    query = engine.read(question)
    assert (query.intent, query.limit, query.topic) == (
        Intent.NOT_IN_DOCUMENT,
        Limit.UNKNOWN_GROUP,
        topic,
    )


@pytest.mark.parametrize(
    "question",
    [
        "which other countries voted no",
        "which sponsoring states abstained",
        "Are poorer countries getting their trips paid for so they can take part?",
        "did the arab countries vote yes",
    ],
)
def test_words_that_qualify_the_states_are_no_unknown_kind(engine: Engine, question: str) -> None:
    assert engine.read(question).limit is not Limit.UNKNOWN_GROUP


@pytest.mark.parametrize(
    ("question", "intent", "groups", "outside"),
    [
        ("the eu?", Intent.BREAKDOWN, ["eu"], []),
        ("g20 except g7?", Intent.BREAKDOWN, ["g20"], ["g7"]),
        ("nato minus the eu: how did they vote", Intent.BREAKDOWN, ["nato"], ["eu"]),
    ],
)
def test_a_bare_group_asks_how_it_voted(
    engine: Engine, question: str, intent: Intent, groups: list[str], outside: list[str]
) -> None:
    query = engine.read(question)
    assert query.intent is intent
    assert [group.id for group in query.groups] == groups
    assert [group.id for group in query.outside] == outside


@pytest.mark.parametrize(
    "question",
    ["what was the US position based on", "what drove china's vote"],
)
def test_what_a_position_rests_on_is_a_reason(engine: Engine, question: str) -> None:
    query = engine.read(question)
    assert (query.intent, query.limit) == (Intent.NOT_IN_DOCUMENT, Limit.REASONS)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what safeguards for human rights will the treaty have", "future content"),
        ("does the treaty protect journalists", "future content"),
        ("is the convention legally binding?", "future content"),
        ("what did the SG report recommend", "cited"),
        ("what did the expert group conclude", "cited"),
    ],
)
def test_what_other_texts_hold_is_not_stated(engine: Engine, question: str, topic: str) -> None:
    query = engine.read(question)
    assert (query.intent, query.limit, query.topic) == (
        Intent.NOT_IN_DOCUMENT,
        Limit.NOT_STATED,
        topic,
    )


@pytest.mark.parametrize(
    "question",
    ["did bolivia flip", "did france change its vote", "how did bolivia flip between nov and dec"],
)
def test_one_state_changing_is_its_vote_in_both(engine: Engine, question: str) -> None:
    query = engine.read(question)
    assert (query.intent, query.ballot, query.sets) == (Intent.VOTE, Ballot.BOTH, ())


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "what was the actual tally when the Third Committee pushed the draft through?",
            Intent.TALLY,
        ),
        ("how much have they actually coughed up?", Intent.NOT_IN_DOCUMENT),
        ("is the future convention going to be legally binding?", Intent.NOT_IN_DOCUMENT),
        ("how many african states didnt have any vote recorded in the plenary?", Intent.COUNT),
    ],
)
def test_round_six_wordings(engine: Engine, question: str, intent: Intent) -> None:
    assert engine.read(question).intent is intent


def test_an_emoji_before_a_capital_ends_a_sentence_and_a_report_fact_stays_one(
    engine: Engine,
) -> None:
    answer = engine.ask(
        "I'm writing an essay on the UN and cybercrime, sorry if this is basic 😅 "
        "To start with the citation stuff: who was the rapporteur on this Third Committee report?"
    )
    assert "Firas Hassan Jabbar" in answer.text


def test_the_adopted_resolution_s_number_does_not_hide_a_tally(engine: Engine) -> None:
    query = engine.read(
        "what was the result when the General Assembly adopted it as resolution 74/247?"
    )
    assert (query.intent, query.ballot) == (Intent.TALLY, Ballot.PLENARY)
    assert engine.read("how was 65/230 adopted").intent is not Intent.TALLY


def test_how_states_are_enabled_to_take_part_is_not_a_later_event(engine: Engine) -> None:
    query = engine.read(
        "Does the text do anything so that poorer countries can actually take part in the new "
        "committee?"
    )
    assert query.limit is not Limit.LATER_EVENTS


def test_each_of_two_groups_is_a_question_of_its_own(engine: Engine) -> None:
    answer = engine.ask("gcc vs asean - who abstained in each")
    assert [[g.id for g in part.query.groups] for part in answer.parts if part.query] == [
        ["gcc"],
        ["asean"],
    ]
    assert "Bahrain and Saudi Arabia" in answer.parts[0].text
    assert "Philippines" in answer.parts[1].text


@pytest.mark.parametrize(
    ("question", "intent", "limit"),
    [
        ("what did benin say about why it didn't vote", Intent.NOT_IN_DOCUMENT, Limit.REASONS),
        (
            "which countries were absent because of travel problems",
            Intent.NOT_IN_DOCUMENT,
            Limit.REASONS,
        ),
        ("was the vote by secret ballot", Intent.TALLY, None),
        (
            "what did the summary record of the 50th meeting say",
            Intent.NOT_IN_DOCUMENT,
            Limit.NOT_STATED,
        ),
    ],
)
def test_reasons_ballots_and_summary_records(
    engine: Engine, question: str, intent: Intent, limit: Limit | None
) -> None:
    query = engine.read(question)
    assert (query.intent, query.limit) == (intent, limit)


def test_a_because_that_is_not_about_a_vote_is_no_reason_asked(engine: Engine) -> None:
    query = engine.read(
        "my delegation is the philippines (i picked it because i like it). how did we vote?"
    )
    assert query.limit is not Limit.REASONS


def test_two_header_facts_in_one_breath_are_two_parts(engine: Engine) -> None:
    answer = engine.ask(
        "For my essay I need two things: the date the report was issued and the agenda item number."
    )
    assert [part.query.field for part in answer.parts if part.query] == [
        MetadataField.DATE,
        MetadataField.AGENDA_ITEM,
    ]
    assert "25 November 2019" in answer.text and "agenda item 107" in answer.text


def test_a_state_outside_the_group_is_a_subject_beside_it(engine: Engine) -> None:
    answer = engine.ask("how did the EU and china vote")
    queries = [part.query for part in answer.parts if part.query]
    assert [
        (q.intent, [g.id for g in q.groups], [c.name for c in q.countries]) for q in queries
    ] == [
        (Intent.BREAKDOWN, ["eu"], []),
        (Intent.VOTE, [], ["China"]),
    ]


def test_how_many_flipped_gives_the_note_and_the_changes_between_the_votes(engine: Engine) -> None:
    answer = engine.ask("how many countries flipped")
    assert "the report notes 1 delegation" in answer.text
    assert "**19** Member States took a different position" in answer.text
