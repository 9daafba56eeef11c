"""Words as people type them become the same index terms, on any database."""

import pytest

from search.text import Synonyms, terms


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("organisational", "organizational"),
        ("organisation", "organization"),
        ("supervisors", "supervision"),
        ("supervising", "supervisor"),
        ("counselling", "counselor"),
        ("behaviour", "behavior"),
        ("programme", "program"),
        ("traumatisation", "traumatization"),
        ("self care", "self-care"),
        ("Burnout", "burnout"),
        ("café", "cafe"),
    ],
)
def test_word_forms_and_spellings_meet(typed, written):
    assert terms(typed) == terms(written)


@pytest.mark.parametrize(("one", "other"), [("burnout", "support"), ("trauma", "training")])
def test_different_words_stay_apart(one, other):
    assert terms(one) != terms(other)


def test_stopwords_are_left_out_but_topic_words_are_kept():
    assert terms("the signs of stress at work") == terms("signs stress work")
    assert len(terms("self care")) == 2


def test_an_acronym_and_its_phrase_read_as_one_term():
    synonyms = Synonyms(
        [["STS", "secondary traumatic stress"], ["EAP", "employee assistance program"]]
    )
    assert synonyms.replace(terms("STS")) == synonyms.replace(terms("Secondary traumatic stress"))
    assert synonyms.replace(terms("employee assistance programmes")) == synonyms.replace(
        terms("EAP")
    )
    # A text gains the group's term wherever it holds any member, and keeps its own words.
    text = terms("What secondary traumatic stress is")
    assert synonyms.replace(terms("STS"))[0] in synonyms.expand(text)
    assert "stress" in text


def test_a_group_with_one_usable_member_is_ignored():
    assert Synonyms([["the"], ["of", "and"]]).phrases == {}
