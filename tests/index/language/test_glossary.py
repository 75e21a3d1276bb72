from __future__ import annotations

import pytest
from pydantic import ValidationError

from index.language.glossary import Glossary, GlossaryEntry, default_glossary
from index.search.lexical import LexicalIndex, QueryExpander, tokenize, words


def test_packaged_glossary_is_valid_and_reasoned() -> None:
    glossary = default_glossary()
    assert len(glossary.entries) >= 10
    plain = [phrase for entry in glossary.entries for phrase in entry.plain]
    assert len(plain) == len(set(plain)), "a plain phrase belongs to one entry"
    assert all(tokenize(phrase) for phrase in plain), "every plain phrase has a content word"


def test_entries_need_both_sides_and_a_reason() -> None:
    with pytest.raises(ValidationError):
        GlossaryEntry(plain=(), formal=("convene",), reason="UN drafting verb for meeting")
    with pytest.raises(ValidationError):
        GlossaryEntry(plain=("meet",), formal=("convene",), reason="")


def test_plain_words_add_formal_terms_but_not_the_reverse() -> None:
    expander = QueryExpander(default_glossary())
    assert "conven" in expander.expand(tokenize("When does the committee meet?"))
    assert expander.expand(tokenize("shall convene a session")) == []


def test_phrases_match_only_in_sequence() -> None:
    entry = GlossaryEntry(plain=("new committee",), formal=("ad hoc",), reason="a test phrase")
    expander = QueryExpander(Glossary(entries=(entry,)))
    assert expander.expand(tokenize("Who sits on the new committee?")) == ["ad", "hoc"]
    assert expander.expand(tokenize("a committee with new members")) == []


def test_expansion_finds_paragraphs_in_un_wording() -> None:
    texts = ["The ad hoc committee shall convene a session in New York.", "Donors pay travel."]
    with_glossary = LexicalIndex(texts, default_glossary())
    without = LexicalIndex(texts)
    assert with_glossary.scores("When does it meet?")[0] > 0
    assert not without.scores("When does it meet?").any()


def test_function_words_of_a_phrase_must_be_there_too() -> None:
    entry = GlossaryEntry(plain=("call on",), formal=("invites",), reason="a test phrase")
    expander = QueryExpander(Glossary(entries=(entry,)))
    assert expander.expand([term for term, _ in words("who does it call on?")]) == ["invit"]
    assert expander.expand([term for term, _ in words("who made the call?")]) == []
