"""Country names in lists and running text, resolved to canonical Member State names.

Running text joins names with ", " and a final " and ", but names such as "Antigua and
Barbuda" contain " and " themselves, so splitting is guided by the resolver: the longest
run of pieces that resolves wins, with backtracking when the rest would not resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from index.countries import canonical_name
from index.parsing.errors import ParseError

T = TypeVar("T")

_SEPARATOR = re.compile(r",\s+and\s+|,\s+|\s+and\s+")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_MAX_PIECES_PER_NAME = 4
_SHORTEST_NAME = 4


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on ``separator`` only outside parentheses ("Bolivia (Plurinational State of)")."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


def strip_article(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text.strip())


def trailing_parenthetical(text: str) -> tuple[str, str | None]:
    """Split "Name (inner (nested))" into ("Name", "inner (nested)"); balanced, from the end."""
    text = text.strip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            depth -= 1
            if depth == 0:
                return text[:index].strip(), text[index + 1 : -1].strip()
    return text, None


@lru_cache(maxsize=4096)
def resolve_country(text: str) -> str | None:
    """Canonical Member State name for a name as printed, with or without "the".

    Documents spell names out, so anything as short as an ISO code ("AND", "CAN") is not
    taken for one: the shortest Member State names have four letters.
    """
    text = text.strip().rstrip(".").strip()
    if len(text) < _SHORTEST_NAME:
        return None
    return canonical_name(text) or canonical_name(strip_article(text))


def _pieces(text: str) -> tuple[list[str], list[str]]:
    """Pieces between top-level separators, and the separators themselves."""
    pieces: list[str] = []
    separators: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (match := _SEPARATOR.match(text, index)) and match.end() > index:
            pieces.append(text[start:index])
            separators.append(match.group(0))
            start = index = match.end()
            continue
        index += 1
    pieces.append(text[start:])
    return pieces, separators


def split_names(text: str, resolve: Callable[[str], T | None]) -> list[T] | None:
    """Resolve every name of an enumeration, or None if no split resolves completely."""
    text = text.strip().rstrip(".").strip()
    if text.lower().startswith("and "):
        text = text[4:]
    pieces, separators = _pieces(text)
    memo: dict[int, list[T] | None] = {}

    def solve(start: int) -> list[T] | None:
        if start == len(pieces):
            return []
        if start in memo:
            return memo[start]
        memo[start] = None
        last = min(len(pieces), start + _MAX_PIECES_PER_NAME)
        for end in range(last, start, -1):
            candidate = pieces[start]
            for offset in range(start + 1, end):
                candidate += separators[offset - 1] + pieces[offset]
            resolved = resolve(candidate)
            if resolved is None:
                continue
            rest = solve(end)
            if rest is not None:
                memo[start] = [resolved, *rest]
                break
        return memo[start]

    return solve(0)


def split_lenient(
    text: str, resolve: Callable[[str], T | None], fallback: Callable[[str], T]
) -> list[T]:
    """Like ``split_names``, but a comma-separated item that does not resolve is kept whole.

    For speaker lists, which may name observers or groups alongside Member States.
    """
    whole = split_names(text, resolve)
    if whole is not None:
        return whole
    result: list[T] = []
    for piece in split_top_level(text.strip().rstrip(".")):
        piece = re.sub(r"^and\s+", "", piece)
        if not piece:
            continue
        names = split_names(piece, resolve)
        result.extend(names if names is not None else [fallback(piece)])
    return result


def require_countries(text: str, document: str, where: str) -> list[str]:
    """Canonical names of an enumeration of Member States; any unknown name is an error."""
    countries = split_names(text, resolve_country)
    if countries is not None:
        return countries
    for piece in split_top_level(text.strip().rstrip(".")):
        piece = re.sub(r"^and\s+", "", piece)
        if split_names(piece, resolve_country) is None:
            raise ParseError(document, f"{where}: {piece!r} is not a Member State")
    raise ParseError(document, f"{where}: cannot split {text!r} into Member States")


class Behalf(BaseModel):
    """A speaker or sponsor and the countries or group it spoke for."""

    model_config = ConfigDict(frozen=True)

    name: str
    on_behalf_of: str | None = None
    also: bool = False


_BEHALF_CLAUSE = re.compile(r",?\s+(?P<also>also\s+)?on\s+behalf\s+of\s+")
_BEHALF_PAREN = re.compile(r"^(?P<also>also\s+)?on\s+behalf\s+of\s+(?P<rest>.+)$")


def _depths(text: str) -> list[int]:
    """Parenthesis depth before each character."""
    depths: list[int] = []
    depth = 0
    for char in text:
        depths.append(depth)
        depth += (char == "(") - (char == ")")
    return depths


def behalf_clause(text: str) -> Behalf | None:
    """ "the Russian Federation, also on behalf of Belarus and China" (outside parentheses)."""
    text = text.strip().rstrip(".,").strip()
    depths = _depths(text)
    for match in _BEHALF_CLAUSE.finditer(text):
        if depths[match.start()] == 0:
            return Behalf(
                name=text[: match.start()],
                on_behalf_of=text[match.end() :],
                also=bool(match.group("also")),
            )
    return None


def behalf_paren(text: str) -> Behalf:
    """ "Canada (also on behalf of Australia)"; a plain name has no behalf."""
    text = text.strip().rstrip(".,").strip()
    head, inner = trailing_parenthetical(text)
    if inner is not None and (match := _BEHALF_PAREN.match(inner)):
        return Behalf(name=head, on_behalf_of=match.group("rest"), also=bool(match.group("also")))
    return Behalf(name=text)


def split_behalf(text: str) -> Behalf:
    """A name and whom it acted for, in either the clause or the parenthesised form."""
    return behalf_clause(text) or behalf_paren(text)
