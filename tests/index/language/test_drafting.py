from __future__ import annotations

from index.language.drafting import drafting_acts
from index.parsing.leads import lead_words


def test_each_plain_word_and_lead_belongs_to_one_act() -> None:
    acts = drafting_acts().acts
    plain = [word for act in acts for word in act.plain]
    leads = [lead for act in acts for lead in act.leads]
    assert len(plain) == len(set(plain)) and len(leads) == len(set(leads))
    assert all(word == word.lower().strip() for word in [*plain, *leads])


def test_the_leads_carry_no_adverb_that_travels_with_them() -> None:
    """Structure matches a paragraph's lead without its 'Also' or 'further'."""
    known = lead_words()
    travelling = {word.lower() for word in known.prefixes} | set(known.suffixes)
    for act in drafting_acts().acts:
        for lead in act.leads:
            assert not travelling & set(lead.split()), lead
