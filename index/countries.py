"""Map what people type to the canonical UN Member State name printed in the 2019 vote lists.

Names, ISO codes and aliases come from ``index/data/*.json``; lookup tables are built once on
first use so a cold CLI start stays cheap. Matching is token based (case, accent, punctuation
and leading-"the" insensitive), so "Niger" can never match inside "Nigeria" and the longest
phrase wins in running text ("Papua New Guinea" before "Guinea").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

DATA_DIR = Path(__file__).resolve().parent / "data"
MEMBER_STATES_FILE = DATA_DIR / "member_states.json"
OTHER_ENTITIES_FILE = DATA_DIR / "other_entities.json"
FREE_TEXT_GUARDS_FILE = DATA_DIR / "free_text_guards.json"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class MemberState(_Frozen):
    """A Member State: ``name`` exactly as printed in UN documents of 2019.

    ``demonyms`` and ``nicknames`` are how people name a State by its people ("the Swiss",
    "the Kiwis"); they resolve like aliases, so "how did the Brits vote?" is a vote question.
    """

    name: str = Field(min_length=1)
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """Every way the State can be named, its official name first."""
        return (self.name, *self.aliases, *self.demonyms, *self.nicknames)


class AmbiguousTerm(_Frozen):
    """A word that names more than one Member State ("Korea"), so it must not pick one."""

    term: str
    candidates: tuple[str, ...] = Field(min_length=2)


class MemberStateList(_Frozen):
    as_of: str
    source: str
    demonyms_source: str
    members: tuple[MemberState, ...]
    ambiguous_terms: tuple[AmbiguousTerm, ...] = ()

    @model_validator(mode="after")
    def _check_unique(self) -> MemberStateList:
        for field in ("name", "iso2", "iso3"):
            values = [getattr(member, field) for member in self.members]
            duplicates = sorted({value for value in values if values.count(value) > 1})
            if duplicates:
                raise ValueError(f"duplicate member {field}: {duplicates}")
        names = {member.name for member in self.members}
        for term in self.ambiguous_terms:
            unknown = [name for name in term.candidates if name not in names]
            if unknown:
                raise ValueError(f"ambiguous term {term.term!r} names non-members {unknown}")
        return self


class EntityStatus(StrEnum):
    OBSERVER = "observer"
    NON_MEMBER = "non_member"


class OtherEntity(_Frozen):
    """An observer or non-member people ask about; recognised so it is never taken for a typo."""

    name: str
    status: EntityStatus
    description: str
    codes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    related_member: str | None = None


class OtherEntityList(_Frozen):
    entities: tuple[OtherEntity, ...]


class FreeTextGuards(_Frozen):
    """Words and phrases that look like countries to a matcher but are not."""

    about: str
    not_countries: frozenset[str]
    not_country_phrases: frozenset[str]
    case_sensitive_abbreviations: frozenset[str]
    """Abbreviations that are also English words ("US" / "us"): in running text they count
    only when written as abbreviations, or after "the" ("the us")."""


class ResolutionStatus(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"
    NON_MEMBER = "non_member"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


class Resolution(_Frozen):
    """The answer to "which country is this?".

    ``name`` is set for members, observers and non-members; ``candidates`` for ambiguous
    input; ``suggestions`` ("did you mean") for unknown input. ``corrected`` tells the caller
    a typo was fixed, so a front end can say which country it understood.
    """

    query: str
    status: ResolutionStatus
    name: str | None = None
    description: str | None = None
    related_member: str | None = None
    candidates: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    corrected: bool = False


class CountryMention(_Frozen):
    """A country found in free text; ``start``/``end`` index the text as given."""

    text: str
    start: int
    end: int
    status: ResolutionStatus
    name: str | None = None
    description: str | None = None
    related_member: str | None = None
    candidates: tuple[str, ...] = ()
    corrected: bool = False

    def to_resolution(self) -> Resolution:
        """The mention as a ``Resolution``; re-resolving ``name`` would turn Congo ambiguous."""
        return Resolution(
            query=self.text,
            status=self.status,
            name=self.name,
            description=self.description,
            related_member=self.related_member,
            candidates=self.candidates,
            corrected=self.corrected,
        )


@cache
def load_member_states() -> MemberStateList:
    return MemberStateList.model_validate_json(MEMBER_STATES_FILE.read_bytes())


@cache
def load_other_entities() -> OtherEntityList:
    return OtherEntityList.model_validate_json(OTHER_ENTITIES_FILE.read_bytes())


@cache
def load_free_text_guards() -> FreeTextGuards:
    return FreeTextGuards.model_validate_json(FREE_TEXT_GUARDS_FILE.read_bytes())


# --- text normalisation -------------------------------------------------------------------

_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S., U.K., U.S.A.
    r"|(?:[^\W\d_]|[\u0300-\u036f])+(?:[" + _APOSTROPHES + r"](?:[^\W\d_]|[\u0300-\u036f])+)*"
    r"|&"
)
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s$", re.IGNORECASE)
_TOKEN_SYNONYMS = {"&": "and", "st": "saint"}
_CLOSING_PARENTHESIS = re.compile(r"\s*\)")


@dataclass(frozen=True, slots=True)
class _Token:
    raw: str
    start: int
    end: int
    norm: str
    stem: str | None  # the norm without a possessive "'s", when there is one

    @property
    def looks_like_abbreviation(self) -> bool:
        """Upper case ("US") or dotted ("u.s.") -- how people write codes on purpose."""
        return "." in self.raw or (self.raw.isupper() and len(self.raw) > 1)


@lru_cache(maxsize=8192)
def fold_word(word: str) -> str:
    """A word without case, accents, apostrophes or dots: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return "".join(char for char in plain if char not in _APOSTROPHES and char != ".")


def _tokens(text: str) -> list[_Token]:
    """Word tokens; "St" and "&" become "saint" and "and" unless alone (then "ST" is a code)."""
    matches = list(_TOKEN.finditer(text))
    tokens: list[_Token] = []
    for match in matches:
        raw = match.group()
        norm = fold_word(raw)
        if len(matches) > 1:
            norm = _TOKEN_SYNONYMS.get(norm, norm)
        possessive = _POSSESSIVE.search(raw)
        stem = fold_word(raw[: possessive.start()]) if possessive else None
        tokens.append(_Token(raw, match.start(), match.end(), norm, stem))
    return tokens


def _drop_article(norms: list[str]) -> list[str]:
    return norms[1:] if len(norms) > 1 and norms[0] == "the" else norms


def normalise(text: str) -> str:
    """The comparison key of a name: "the Côte d'Ivoire" and "COTE D'IVOIRE" share one."""
    return " ".join(_drop_article([token.norm for token in _tokens(text)]))


# --- lookup tables --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    """What a key stands for: one member, one other entity, or several members."""

    status: ResolutionStatus
    name: str | None = None
    candidates: tuple[str, ...] = ()
    description: str | None = None
    related_member: str | None = None


@dataclass(frozen=True, slots=True)
class _Tables:
    member_names: tuple[str, ...]
    members: dict[str, str]  # key -> member name: names, aliases and codes
    exact: dict[str, _Target]  # key -> target, ambiguous terms first (what users mean)
    phrases: dict[str, _Target]  # keys allowed in free text (no ISO codes)
    abbreviations: frozenset[str]  # phrase keys that must be written as "US" or "u.s."
    codes_like: frozenset[str]  # keys of all-capital aliases ("DPRK"): never typo targets
    max_phrase_tokens: int
    fuzzy_keys: tuple[tuple[str, _Target], ...]  # names and aliases worth correcting towards
    suggest_keys: tuple[tuple[str, str, int], ...]  # (key, member name, 0 name / 1 alias)
    codes: dict[str, str]  # lower-case code -> member name
    not_countries: frozenset[str]
    not_country_phrases: frozenset[str]


def _is_abbreviation(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _add(table: dict[str, _Target], key: str, target: _Target) -> None:
    existing = table.setdefault(key, target)
    if existing != target:
        raise ValueError(f"country key {key!r} names both {existing.name} and {target.name}")


@cache
def _tables() -> _Tables:
    data = load_member_states()
    guards = load_free_text_guards()
    exact: dict[str, _Target] = {}
    phrases: dict[str, _Target] = {}
    members: dict[str, str] = {}
    codes: dict[str, str] = {}
    abbreviations: set[str] = set()
    codes_like: set[str] = set()
    exact_only: set[str] = set()
    suggest_keys: list[tuple[str, str, int]] = []

    for term in data.ambiguous_terms:
        target = _Target(ResolutionStatus.AMBIGUOUS, candidates=term.candidates)
        _add(exact, normalise(term.term), target)
        _add(phrases, normalise(term.term), target)

    for member in data.members:
        target = _Target(ResolutionStatus.MEMBER, name=member.name)
        for rank, label in enumerate(member.labels):
            key = normalise(label)
            if members.setdefault(key, member.name) != member.name:
                raise ValueError(f"country key {key!r} is used twice")
            if key not in exact or exact[key].status is not ResolutionStatus.AMBIGUOUS:
                _add(exact, key, target)
                _add(phrases, key, target)
            if label in guards.case_sensitive_abbreviations:
                abbreviations.add(key)
            if _is_abbreviation(label):
                codes_like.add(key)
            if rank > len(member.aliases):
                exact_only.add(key)
            suggest_keys.append((key, member.name, min(rank, 1)))
        for code in (member.iso2, member.iso3):
            key = code.casefold()
            codes[key] = member.name
            members.setdefault(key, member.name)
            _add(exact, key, target)

    for entity in load_other_entities().entities:
        target = _Target(
            ResolutionStatus(entity.status.value),
            name=entity.name,
            description=entity.description,
            related_member=entity.related_member,
        )
        for label in (entity.name, *entity.aliases):
            _add(exact, normalise(label), target)
            _add(phrases, normalise(label), target)
            if label in guards.case_sensitive_abbreviations:
                abbreviations.add(normalise(label))
            if _is_abbreviation(label):
                codes_like.add(normalise(label))
        for code in entity.codes:
            _add(exact, code.casefold(), target)

    fuzzy_keys = tuple(
        (key, target)
        for key, target in phrases.items()
        if key not in codes_like and key not in exact_only and len(key) >= 4
    )
    return _Tables(
        member_names=tuple(sorted((m.name for m in data.members), key=normalise)),
        members=members,
        exact=exact,
        phrases=phrases,
        abbreviations=frozenset(abbreviations),
        codes_like=frozenset(codes_like),
        max_phrase_tokens=max(len(key.split()) for key in phrases),
        fuzzy_keys=fuzzy_keys,
        suggest_keys=tuple(suggest_keys),
        codes=codes,
        not_countries=guards.not_countries,
        not_country_phrases=frozenset(normalise(phrase) for phrase in guards.not_country_phrases),
    )


# --- public API -----------------------------------------------------------------------------


def canonical_name(text: str) -> str | None:
    """The canonical Member State name for one name, alias or ISO code, else ``None``.

    Meant for names as printed in documents, so the UN's own short form wins: "the Congo" is
    the Congo here, while ``resolve`` treats a bare "Congo" typed by a user as ambiguous.
    Observers, non-members and ambiguous words ("Korea") give ``None``.
    """
    tokens = _tokens(text)
    if not tokens:
        return None
    members = _tables().members
    norms = _drop_article([token.norm for token in tokens])
    found = members.get(" ".join(norms))
    if found is None and tokens[-1].stem is not None:
        found = members.get(" ".join([*norms[:-1], tokens[-1].stem]))
    return found


def name_for_code(code: str) -> str | None:
    """The Member State, observer or non-member with this two-letter ISO code, if any."""
    wanted = code.upper()
    for member in load_member_states().members:
        if member.iso2 == wanted:
            return member.name
    entity = next((e for e in load_other_entities().entities if wanted in e.codes), None)
    return entity.name if entity else None


def all_member_names() -> list[str]:
    """All 193 Member State names, alphabetical as in UN lists (accents ignored)."""
    return list(_tables().member_names)


def resolve(text: str) -> Resolution:
    """Resolve what a user typed in a country box: exact first, then a clear typo fix.

    A whole question also works when it names exactly one country. Never raises; input that
    matches nothing comes back ``unknown`` with "did you mean" suggestions.
    """
    tables = _tables()
    tokens = _tokens(text)
    norms = _drop_article([token.norm for token in tokens])
    key = " ".join(norms)
    if not key:
        return Resolution(query=text, status=ResolutionStatus.UNKNOWN)
    target = tables.exact.get(key)
    if target is None and tokens[-1].stem is not None:
        target = tables.exact.get(" ".join([*norms[:-1], tokens[-1].stem]))
    if target is not None:
        return _resolution(text, target)

    ranked = [] if key in tables.not_countries else _rank_fuzzy(key, _typo_budget(len(key)) + 1)
    if ranked and ranked[0][0] <= _typo_budget(len(key)) and _clear_winner(ranked):
        return _resolution(text, ranked[0][1], corrected=True)

    if len(tokens) > 1:
        found = _scan(text)
        mentioned = list(dict.fromkeys(target for _, _, target, _ in found))
        if len(mentioned) == 1:
            return _resolution(text, mentioned[0], corrected=all(fixed for *_, fixed in found))
        if len(mentioned) > 1:
            names = tuple(name for target in mentioned for name in _target_names(target))
            return Resolution(query=text, status=ResolutionStatus.AMBIGUOUS, candidates=names)

    suggestions = [name for _, target in ranked for name in _target_names(target)]
    suggestions += _slang_suggestions(key)
    suggestions += suggest(text, limit=_SUGGESTION_LIMIT) if len(key) >= 2 else []
    return Resolution(
        query=text,
        status=ResolutionStatus.UNKNOWN,
        suggestions=tuple(dict.fromkeys(suggestions))[:_SUGGESTION_LIMIT],
    )


def find_countries(question: str) -> list[CountryMention]:
    """Countries mentioned in free text, in order of first appearance, each once."""
    seen: set[tuple[str | None, tuple[str, ...]]] = set()
    first: list[CountryMention] = []
    for mention in country_mentions(question):
        key = (mention.name, mention.candidates)
        if key not in seen:
            seen.add(key)
            first.append(mention)
    return first


def country_mentions(question: str) -> list[CountryMention]:
    """Every mention of a country in free text, in order, repeats included.

    The longest known phrase wins at each position. ISO codes never match in free text (too
    many are English words: "IN", "IT", "NO"); only explicit abbreviations do, and only when
    written as such ("US", "U.K."). Typos are fixed only in words of five letters or more that
    are not ordinary English words and sit clearly closest to one name.
    """
    mentions: list[CountryMention] = []
    for start, end, target, corrected in _scan(question):
        mentions.append(
            CountryMention(
                text=question[start:end],
                start=start,
                end=end,
                status=target.status,
                name=target.name,
                description=target.description,
                related_member=target.related_member,
                candidates=target.candidates,
                corrected=corrected,
            )
        )
    return mentions


_SLANG_ENDINGS = ("ies", "ys", "ish", "os", "s", "y")
"""Endings slang puts on a people's name: "the Frenchies", "the Aussies", "Brazzos"."""


def _slang_suggestions(key: str) -> list[str]:
    """The State whose name or people's name a slang word is built on ("frenchies")."""
    exact = _tables().exact
    for ending in _SLANG_ENDINGS:
        stem = key.removesuffix(ending)
        if stem != key and len(stem) >= 4 and stem in exact:
            return list(_target_names(exact[stem]))
    return []


def suggest(prefix: str, limit: int = 25) -> list[str]:
    """Member names for autocomplete, best first: name prefix, alias prefix, word prefix, substring.

    Falls back to typo-tolerant matches so "Germny" still offers Germany.
    """
    if limit <= 0:
        return []
    tables = _tables()
    key = normalise(prefix)
    if not key:
        return list(tables.member_names[:limit])
    ranks: dict[str, int] = {}
    code_match = tables.codes.get(key)
    if code_match is not None:
        ranks[code_match] = 0
    for candidate, name, is_alias in tables.suggest_keys:
        rank = _prefix_rank(key, candidate, is_alias)
        if rank is not None and rank < ranks.get(name, rank + 1):
            ranks[name] = rank
    if ranks:
        ordered = sorted(ranks, key=lambda name: (ranks[name], normalise(name)))
        return ordered[:limit]
    fuzzy = _rank_fuzzy(key, _typo_budget(len(key)) + 1)
    names = (t.name for _, t in fuzzy if t.status is ResolutionStatus.MEMBER and t.name)
    return list(dict.fromkeys(names))[:limit]


# --- helpers --------------------------------------------------------------------------------

_SUGGESTION_LIMIT = 5
_CORRECTABLE = frozenset({ResolutionStatus.MEMBER, ResolutionStatus.AMBIGUOUS})
_MIN_FUZZY_WORD = 5
_FUNCTION_WORDS = frozenset({"and", "of", "the"})


def _resolution(query: str, target: _Target, *, corrected: bool = False) -> Resolution:
    if target.status is ResolutionStatus.AMBIGUOUS:
        return Resolution(query=query, status=target.status, candidates=target.candidates)
    return Resolution(
        query=query,
        status=target.status,
        name=target.name,
        description=target.description,
        related_member=target.related_member,
        corrected=corrected,
    )


def _target_names(target: _Target) -> tuple[str, ...]:
    return target.candidates if target.name is None else (target.name,)


def _typo_budget(length: int) -> int:
    """Edits allowed when correcting a key of this many characters."""
    if length < 4:
        return 0
    if length <= 7:
        return 1
    return 2 if length <= 12 else 3


def _clear_winner(ranked: list[tuple[int, _Target]]) -> bool:
    return len(ranked) == 1 or ranked[1][0] > ranked[0][0]


def _rank_fuzzy(key: str, budget: int, *, single_words: bool = False) -> list[tuple[int, _Target]]:
    """Targets within ``budget`` edits of ``key``, closest first, one entry per target."""
    best: dict[_Target, int] = {}
    for candidate, target in _tables().fuzzy_keys:
        if abs(len(candidate) - len(key)) > budget or (single_words and " " in candidate):
            continue
        distance = edit_distance(key, candidate, budget)
        if distance <= budget and distance < best.get(target, budget + 1):
            best[target] = distance
    return sorted(
        ((distance, target) for target, distance in best.items()),
        key=lambda item: (item[0], normalise(item[1].name or item[1].candidates[0])),
    )


@lru_cache(maxsize=4096)
def _fuzzy_word(word: str) -> _Target | None:
    """The one country a misspelt free-text word clearly means, if any."""
    budget = 1 if len(word) < 10 else 2
    ranked = [
        (distance, target)
        for distance, target in _rank_fuzzy(word, budget, single_words=True)
        if target.status in _CORRECTABLE and _names_start_with(target, word[0])
    ]
    return ranked[0][1] if ranked and _clear_winner(ranked) else None


def _names_start_with(target: _Target, letter: str) -> bool:
    """Typists rarely miss the first letter; requiring it keeps "while" away from Chile."""
    return any(normalise(name).startswith(letter) for name in _target_names(target))


def _scan(text: str) -> list[tuple[int, int, _Target, bool]]:
    """Every (start, end, target, corrected) in ``text``, left to right, longest phrase first."""
    tables = _tables()
    tokens = _tokens(text)
    found: list[tuple[int, int, _Target, bool]] = []
    index = 0
    while index < len(tokens):
        match = _phrase_at(tokens, index, tables)
        if match is None:
            index += 1
            continue
        length, target, corrected = match
        if target is not None:
            start = tokens[index].start
            end = _close_parenthesis(text, start, tokens[index + length - 1].end)
            found.append((start, end, target, corrected))
        index += length
    return found


def _close_parenthesis(text: str, start: int, end: int) -> int:
    """Extend a span to the ")" that closes "Bolivia (Plurinational State of"."""
    if text.count("(", start, end) > text.count(")", start, end):
        closing = _CLOSING_PARENTHESIS.match(text, end)
        if closing:
            return closing.end()
    return end


def _phrase_at(
    tokens: list[_Token], index: int, tables: _Tables
) -> tuple[int, _Target | None, bool] | None:
    """(tokens used, target or None for a non-country phrase, corrected) at ``index``."""
    longest = min(tables.max_phrase_tokens, len(tokens) - index)
    for length in range(longest, 0, -1):
        window = tokens[index : index + length]
        norms = [token.norm for token in window]
        keys = [" ".join(norms)]
        if window[-1].stem is not None:
            keys.append(" ".join([*norms[:-1], window[-1].stem]))
        for key in keys:
            if key in tables.not_country_phrases:
                return length, None, False
            target = tables.phrases.get(key)
            if target is None:
                continue
            if key in tables.abbreviations and not _written_as_abbreviation(tokens, index):
                continue
            return length, target, False
    word = tokens[index].stem or tokens[index].norm
    if len(word) >= _MIN_FUZZY_WORD and word.isalpha() and word not in tables.not_countries:
        target = _fuzzy_word(word)
        if target is not None:
            return 1, target, True
    return None


def _written_as_abbreviation(tokens: list[_Token], index: int) -> bool:
    """ "US" or "u.s.", or "the us": never the pronoun "us"."""
    after_article = index > 0 and tokens[index - 1].norm == "the"
    return tokens[index].looks_like_abbreviation or after_article


def _prefix_rank(key: str, candidate: str, is_alias: int) -> int | None:
    if candidate.startswith(key):
        return is_alias
    if any(word.startswith(key) for word in candidate.split()[1:] if word not in _FUNCTION_WORDS):
        return 2
    return 3 if len(key) >= 3 and key in candidate else None


def edit_distance(first: str, second: str, cap: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), capped at cap+1."""
    if first == second:
        return 0
    previous_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            cost = 0 if char == other else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                value = min(value, previous_previous[j - 2] + 1)
            current[j] = value
        if min(current) > cap:
            return cap + 1
        previous_previous, previous = previous, current
    return min(previous[-1], cap + 1)
