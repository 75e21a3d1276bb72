"""The reading in plain words ("How the African Group voted"), and whether to show it.

A user who typed "and its neighbours?" or "germny" deserves to see what the bot understood;
a user who typed "How did France vote?" does not need telling. The reading is marked
uncertain when it inherited from a previous question, corrected a word, chose between
meanings, or interpreted a loose word such as "neighbours".
"""

from __future__ import annotations

from collections.abc import Sequence

from index.countries import CountryMention, ResolutionStatus
from index.query import Ballot, DocumentSet, Intent, Limit, Quantifier, Query, SetMention
from index.records import Position, SponsorStage, StatementMoment
from index.user_text import quote_user_text

_POSITION_WORDS = {
    Position.IN_FAVOUR: "voted in favour",
    Position.AGAINST: "voted against",
    Position.ABSTAINING: "abstained",
    Position.ABSENT: "did not vote",
    Position.NOT_MEMBER: "are not Member States",
}
_LIMITS = {
    Limit.CHAIR: "who chairs a body",
    Limit.MONEY: "sums of money",
    Limit.ARGUMENTS: "what a delegation said",
    Limit.REASONS: "why delegations voted as they did",
    Limit.LATER_EVENTS: "what happened after the report",
    Limit.UNKNOWN_TOPIC: "a subject the document does not mention",
    Limit.UNKNOWN_GROUP: "a kind of State no group I know defines",
    Limit.NOT_STATED: "something the report does not state",
}


def described(query: Query) -> Query:
    """``query`` with its plain-words reading and the uncertainty flag filled in."""
    corrected = any(c.corrected for c in query.countries)
    ambiguous = any(c.status is ResolutionStatus.AMBIGUOUS for c in query.countries)
    interpreted = any(g.note for g in query.groups) or query.outliers
    uncertain = query.follow_up or corrected or ambiguous or interpreted or bool(query.corrections)
    changed = any(mention.set is DocumentSet.CHANGED for mention in query.sets)
    vote = "" if query.ballot is None or changed else _BALLOT_WORDS[query.ballot]
    text = reading(query) + vote
    if query.corrections:
        fixed = ", ".join(
            "“{}” as “{}”".format(*map(quote_user_text, c.split(" → ", 1)))
            for c in query.corrections
        )
        text = f"{text} (reading {fixed})"
    return query.model_copy(update={"reading": text, "uncertain": uncertain})


_BALLOT_WORDS = {
    Ballot.COMMITTEE: ", in the Committee's vote",
    Ballot.PLENARY: ", in the General Assembly's plenary vote",
    Ballot.BOTH: ", in both votes",
}


def reading(query: Query) -> str:
    subject = subject_phrase(query)
    positions = _positions(query.positions)
    if query.aligned_with:
        positions = f"voted as {query.aligned_with} did"
    intent = query.intent
    if intent is Intent.VOTE:
        return f"Whether {subject} {positions}" if positions else f"How {subject} voted"
    if intent is Intent.BREAKDOWN:
        return f"How {subject} voted, position by position"
    if intent is Intent.LIST:
        if query.membership:
            groups = " and the ".join(g.name for g in query.groups)
            return f"Whether {_country_names(query.countries)} belonged to the {groups}"
        if query.quantifier is Quantifier.ANY:
            return f"Whether any of {subject} {positions}"
        if query.quantifier is Quantifier.ALL:
            return f"Whether all of {subject} {positions}"
        if query.quantifier is Quantifier.NONE:
            return f"Whether none of {subject} {positions}"
        return f"Which of {subject} {positions}" if positions else subject[:1].upper() + subject[1:]
    if intent is Intent.COUNT:
        if positions:
            return f"How many of {subject} {positions}"
        return f"How many {subject.removeprefix('the ')} there are"
    if intent is Intent.COMPARE:
        if query.outliers and query.countries:
            named = " and the ".join(g.name for g in query.groups)
            within = f"the {named}" if named else "its UN regional group"
            return f"Whether {_country_names(query.countries)} broke from {within}"
        if query.outliers and query.groups:
            return f"Which of {subject} voted differently from most of the group"
        if query.outliers:
            return "Which States voted differently from most of their UN regional group"
        return f"Whether {subject} voted alike"
    if intent is Intent.TALLY:
        return "The result of the recorded vote"
    if intent is Intent.SPONSORS:
        if _named(query):
            return f"The sponsorship of {subject}"
        stage = _STAGE_WORDS[query.stage] if query.stage else ""
        return f"The {stage}sponsors of the draft"
    if intent is Intent.STATEMENTS and query.behalf:
        return f"For whom {subject} spoke" if _named(query) else "For whom the statement was made"
    if intent is Intent.STATEMENTS:
        return f"The statements by or for {subject}" if _named(query) else "Who spoke, and when"
    if intent is Intent.METADATA and query.field is not None:
        return f"The report's {query.field.value.replace('_', ' ')}"
    if intent is Intent.PARAGRAPH and query.paragraph is not None and query.paragraph.footnote:
        return f"Footnote {query.paragraph.number}, with the paragraph that carries its mark"
    if intent is Intent.PARAGRAPH:
        return "A paragraph of the document, quoted"
    if intent is Intent.NOT_IN_DOCUMENT and query.limit is not None:
        return f"A question about {_LIMITS[query.limit]}"
    return "An open question, answered from the passage that holds the answer"


def subject_phrase(query: Query) -> str:
    """Who the question is about, as a reader would name them: "the sponsors in the African
    Group", "France and Germany", "the members of the G7"."""
    sets = " and ".join(_set_phrase(s) for s in query.sets)
    groups = " and the ".join(group.name for group in query.groups)
    countries = _country_names(query.countries)
    if query.separately and len(query.groups) > 1:
        phrase = " and ".join(group_phrase(group.name) for group in query.groups)
        if sets:
            phrase = f"{sets} among {phrase}"
    elif sets:
        phrase = f"{sets} in the {groups}" if groups else sets
    elif groups:
        phrase = group_phrase(groups)
    else:
        return countries or "the Member States"
    if query.outside:
        phrase += " outside the " + " and the ".join(g.name for g in query.outside)
    return f"{countries} ({phrase})" if countries else phrase


def group_phrase(name: str) -> str:
    """ "the members of the African Group", but "the Nordic countries", "the Baltic States"
    (and "the members of the League of Arab States": its States are not its name's noun)."""
    plural = (
        name.split()[-1].casefold() in ("countries", "states", "nations") and " of " not in name
    ) or name.casefold().startswith("permanent members")
    return f"the {name}" if plural else f"the members of the {name}"


def _named(query: Query) -> bool:
    return bool(query.countries or query.groups)


def _country_names(countries: Sequence[CountryMention]) -> str:
    names: list[str] = []
    for country in countries:
        if country.name:
            names.append(country.name)
        elif country.candidates:
            names += list(country.candidates)
        else:
            names.append(f"“{quote_user_text(country.text)}”")
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


_STAGE_WORDS = {
    SponsorStage.ORIGINAL: "original ",
    SponsorStage.REVISED: "added ",
    SponsorStage.SUBSEQUENT: "later ",
}
_MOMENT_WORDS = {
    StatementMoment.BEFORE_VOTE: " before the vote",
    StatementMoment.EXPLANATION_AFTER_VOTE: " after the vote",
}


def _set_phrase(mention: SetMention) -> str:
    if mention.set is DocumentSet.SPONSORS:
        stage = _STAGE_WORDS[mention.stage] if mention.stage else ""
        return f"the {stage}sponsors"
    if mention.set is DocumentSet.SPEAKERS:
        when = _MOMENT_WORDS.get(mention.moment, "") if mention.moment else ""
        if mention.spoken_for:
            whose = f"{mention.voice}'s" if mention.voice else "that"
            return f"the States {whose} statement{when} spoke for"
        return f"the States that spoke{when}"
    if mention.set is DocumentSet.CHANGED:
        if mention.before or mention.after:
            ends = (
                f"from {_either(mention.before)} to {_either(mention.after)}"
                if mention.before and mention.after
                else f"to {_either(mention.after)}"
                if mention.after
                else f"from {_either(mention.before)}"
            )
            return f"the States that went {ends} between the two votes"
        return "the States that changed position between the two votes"
    return "the States whose later intention the report notes"


_SHORT_POSITIONS = {
    Position.IN_FAVOUR: "in favour",
    Position.AGAINST: "against",
    Position.ABSTAINING: "abstaining",
    Position.ABSENT: "no vote",
}


def _either(positions: Sequence[Position]) -> str:
    return " or ".join(_SHORT_POSITIONS.get(p, p.value) for p in positions) or "any position"


def _positions(positions: Sequence[Position]) -> str:
    listed = [_POSITION_WORDS[p] for p in positions]
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} or {listed[-1]}"
