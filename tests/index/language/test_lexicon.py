from __future__ import annotations

from index.language.glossary import default_glossary
from index.language.lexicon import asking_words, document_short_forms, initials, lexicon
from index.search.lexical import LexicalIndex

TEXTS = [
    "The Director of the Division for Treaty Affairs of the United Nations Office on Drugs "
    "and Crime spoke.",
    "Recalling Commission on Crime Prevention and Criminal Justice resolution 22/8,",
    "Requests the Secretary-General to report to the General Assembly.",
]


def test_initials_skip_connecting_words_and_split_hyphens() -> None:
    assert initials("United Nations Office on Drugs and Crime") == "unodc"
    assert initials("Secretary-General") == "sg"
    assert initials("Commission on Crime Prevention and Criminal Justice") == "ccpcj"


def test_the_documents_own_short_forms() -> None:
    found = {entry.plain[0]: entry.formal for entry in document_short_forms(TEXTS).entries}
    assert found["unodc"] == ("United Nations Office on Drugs and Crime",)
    assert found["ccpcj"] == ("Commission on Crime Prevention and Criminal Justice",)
    assert "sg" not in found and "ga" not in found, "two letters collide with other words"
    assert all(entry.reason for entry in document_short_forms(TEXTS).entries)


def test_a_short_form_that_is_a_word_of_the_text_is_left_out() -> None:
    texts = ["Central Asian Team works with the cat.", "The Central Asian Team met."]
    assert [e.plain for e in document_short_forms(texts).entries] == []


def test_the_lexicon_is_the_glossary_then_the_new_short_forms() -> None:
    merged = lexicon(TEXTS)
    glossary = default_glossary()
    assert merged.entries[: len(glossary.entries)] == glossary.entries
    plain = [phrase for entry in merged.entries for phrase in entry.plain]
    assert plain.count("unodc") == 1, "the glossary's own entry wins"
    assert "ccpcj" in plain


def test_a_short_form_finds_its_long_form() -> None:
    index = LexicalIndex(TEXTS, lexicon(TEXTS))
    assert index.scores("what did UNODC say")[0] > 0
    assert index.scores("what is the CCPCJ resolution")[1] > 0


def test_asking_words_count_neither_way_for_coverage() -> None:
    assert {"quote", "lol", "exactly", "mention"} <= asking_words()
    index = LexicalIndex(TEXTS, lexicon(TEXTS), asking_words())
    bare = LexicalIndex(TEXTS, lexicon(TEXTS))
    question = "quote me exactly what it says about the Secretary-General lol"
    assert index.coverage(question) == 1.0
    assert bare.coverage(question) < 0.5
