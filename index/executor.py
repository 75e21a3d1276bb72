"""From a typed query to an answer: the one dispatch over the records and the passages.

Every structured answer is computed from the ``Query`` alone; the raw question is never read
again here. Open questions go to passage retrieval, which is only loaded when one arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from index.answers import Answer, Source
from index.countries import ResolutionStatus
from index.groups import group_by_id
from index.library import Library
from index.query import Ballot, DocumentSet, Intent, OperativeSelection, Query
from index.records import Document
from index.search.answering import NO_PASSAGES, refusal
from index.search.model_path import ModelNotAvailableError
from index.structured.citing import choose_votes, excerpt, with_quotation
from index.structured.document_facts import answer_metadata, answer_paragraph, answer_resolution
from index.structured.footnotes import answer_footnote
from index.structured.limits import answer_limit, no_plenary_statements
from index.structured.mentions import expand_ambiguous, prefaced, resolution_of
from index.structured.proceedings import answer_sponsors, answer_statements
from index.structured.sets import answer_set
from index.structured.trail_sets import answer_across
from index.structured.votes import STAGES, answer_roster, answer_tally, answer_vote

if TYPE_CHECKING:
    from index.search.retriever import Retriever

NEAREST_PASSAGES = 3


def execute(query: Query, library: Library, retriever: Callable[[], Retriever]) -> Answer:
    """The answer to ``query``; ``retriever`` is called only for questions that need it."""
    answer = _answer(query, library, retriever)
    return with_quotation(answer, library.documents) if query.quote else answer


def _answer(query: Query, library: Library, retriever: Callable[[], Retriever]) -> Answer:
    documents = library.documents_for(query.documents)
    if query.intent is Intent.PASSAGE:
        try:
            passage = retriever().answer(query.search_text, query.names)
            if not passage.answered and query.own_search_text:
                alone = retriever().answer(query.own_search_text, query.names)
                passage = alone if alone.answered else passage
        except ModelNotAvailableError:
            return refusal(query.text, documents, NO_PASSAGES)
        return passage.model_copy(update={"question": query.text})
    if query.intent is Intent.NOT_IN_DOCUMENT and query.soft_limit:
        passage = retriever().answer(query.search_text, query.names)
        if passage.answered:
            return passage.model_copy(update={"question": query.text})
    if query.intent is Intent.NOT_IN_DOCUMENT:
        return answer_limit(query, documents, library, lambda text: _nearest(retriever, text))
    countries, preface = expand_ambiguous(query.countries)
    answer = _structured(
        query.model_copy(update={"countries": tuple(countries)}), documents, library
    )
    return prefaced(answer, preface)


def _structured(query: Query, documents: Sequence[Document], library: Library) -> Answer:
    intent = query.intent
    ballot = ballot_of(query)
    if intent is Intent.VOTE or (intent in _SETS and _only_unknown(query)):
        resolutions = [resolution_of(mention) for mention in query.countries]
        return answer_vote(
            library,
            query.text,
            documents,
            resolutions,
            query.positions,
            why=query.why,
            ballot=ballot,
            named=query.documents,
        )
    votes = choose_votes(library, documents, STAGES[ballot], query.documents)
    unscoped = not (query.countries or query.groups or query.sets or query.aligned_with)
    if intent is Intent.LIST and unscoped and query.quantifier is None:
        return answer_roster(library, query.text, votes, query.positions)
    if intent in _SETS and ballot is Ballot.BOTH and _across(query):
        return answer_across(query, documents, library)
    if intent in _SETS:
        return answer_set(query, votes, library)
    if intent is Intent.TALLY:
        return answer_tally(library, query.text, votes, ballot, query.claimed)
    if intent is Intent.SPONSORS:
        groups = [group_by_id(g.id) for g in query.groups]
        return answer_sponsors(library, query.text, documents, query.countries, query.stage, groups)
    if intent is Intent.STATEMENTS:
        groups = [group_by_id(g.id) for g in query.groups]
        said = answer_statements(
            library,
            query.text,
            documents,
            query.countries,
            query.moment,
            groups,
            meeting=query.meeting,
            excluded=query.excluded,
            exact=query.exact_moment,
            behalf=query.behalf,
        )
        return no_plenary_statements(said) if query.ballot is Ballot.PLENARY else said
    if intent is Intent.METADATA and query.field is not None:
        return answer_metadata(query.text, documents, query.field, query.meeting)
    if query.paragraph is not None and query.paragraph.footnote:
        return answer_footnote(query.text, documents, query.paragraph)
    if query.paragraph is not None:
        return answer_paragraph(query.text, documents, query.paragraph)
    decisions = query.operative is OperativeSelection.DECISIONS
    return answer_resolution(query.text, documents, decisions_only=decisions)


_SETS = (Intent.BREAKDOWN, Intent.LIST, Intent.COUNT, Intent.COMPARE)


def ballot_of(query: Query) -> Ballot:
    """The vote to answer from: the one asked, else both for a country's vote and the
    Committee's for anything else; the States that changed exist only across both."""
    if any(mention.set is DocumentSet.CHANGED for mention in query.sets):
        return Ballot.BOTH
    if query.ballot is not None:
        return query.ballot
    return Ballot.BOTH if query.intent is Intent.VOTE or query.claimed else Ballot.COMMITTEE


def _across(query: Query) -> bool:
    """Set questions that compare the two votes rather than answer each in turn."""
    if any(mention.set is DocumentSet.CHANGED for mention in query.sets):
        return True
    return query.intent in (Intent.BREAKDOWN, Intent.COMPARE) and not query.outliers


def _only_unknown(query: Query) -> bool:
    """A set question whose only subject is a name we do not know: say so, not the tally."""
    return (
        bool(query.countries)
        and not (query.groups or query.sets)
        and all(c.status is not ResolutionStatus.MEMBER for c in query.countries)
    )


def _nearest(retriever: Callable[[], Retriever], text: str) -> list[Source]:
    """Retrieval's best passage for a subject the document never names, if it is close."""
    try:
        found = retriever().search(text, NEAREST_PASSAGES)
    except ModelNotAvailableError:
        return []  # the limit is said all the same, without the nearest passage
    if not found or not retriever().in_scope(text, found[:1]):
        return []
    best = found[0]
    return [
        Source(
            document=best.paragraph.document,
            label=best.paragraph.label,
            text=excerpt(best.paragraph.text),
            score=round(best.score, 4),
        )
    ]
