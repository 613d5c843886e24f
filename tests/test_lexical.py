"""The WordNet-derived tables: what the engine needs to know about words is there, and
only in the words' common senses."""

from __future__ import annotations

import pytest

from checker import lexical


@pytest.mark.parametrize(
    "a,b,pos",
    [("closed", "open", "a"), ("rise", "fall", "v"), ("increase", "decrease", "v"), ("acquit", "convict", "v"),
     ("alive", "dead", "a"), ("guilty", "innocent", "a"), ("accept", "reject", "v"), ("win", "lose", "v"),
     ("shut", "open", "a"), ("online", "offline", "a")],  # WordNet writes "on-line"/"off-line"
)
def test_antonyms(a, b, pos):
    assert lexical.antonymy(a, b, pos) is not None
    assert lexical.antonymy(b, a, pos) is not None


@pytest.mark.parametrize("a,b,pos", [("closed", "shut", "a"), ("rise", "rise", "v"), ("open", "reopen", "v")])
def test_not_antonyms(a, b, pos):
    assert lexical.antonymy(a, b, pos) is None


def test_a_solid_spelling_of_a_hyphenated_lemma_is_known():
    assert lexical.known("offline", "a") and lexical.known("off-line", "a")
    assert not lexical.known("offlime", "a")


def test_synonyms_in_common_senses_only():
    assert lexical.synonyms("film", "movie", "n")
    assert lexical.synonyms("village", "settlement", "n")
    assert lexical.synonyms("close", "shut", "v")
    assert not lexical.synonyms("close", "open", "v")
    assert not lexical.synonyms("pipeline", "canal", "n")


def test_a_multiword_synonym_cut_to_its_head():
    assert lexical.shortened_synonyms("strike", "stoppage")  # "work stoppage"
    assert lexical.shortened_synonyms("term", "sentence")  # "prison term"
    assert not lexical.shortened_synonyms("strike", "work")
    assert not lexical.shortened_synonyms("fee", "deal")


def test_a_kind_of_what_a_multiword_synonym_names_cut_to_its_head():
    # a walkout is a kind of strike, which WordNet also calls a "work stoppage"
    assert lexical.shortened_kind("walkout", "stoppage")
    assert lexical.shortened_kind("stoppage", "walkout")
    assert not lexical.shortened_kind("walkout", "work")
    assert not lexical.shortened_kind("fire", "blaze")


def test_kinds_of_things():
    assert lexical.kind_of("employee", "worker") == 1
    assert lexical.kind_of("employee", "person") is not None
    assert lexical.kind_of("worker", "employee") is None
    assert lexical.related_kind("worker", "employee") == 1
    assert lexical.related_kind("pipeline", "village") is None


def test_derivations_and_forms():
    assert ("conviction", "n") in lexical.derived("convict")
    assert ("acquittal", "n") in lexical.derived("acquit")
    assert lexical.lemma_of_form("children") == "child"
    assert lexical.pertainym("planktonic") == "plankton"


def test_an_irregular_form_is_irregular_in_one_part_of_speech():
    # "leaves" is the plural of the noun "leaf" but a regular form of the verb "leave"
    assert lexical.lemma_of_form("leaves", "n") == "leaf"
    assert lexical.lemma_of_form("leaves", "v") is None
    assert lexical.lemma_of_form("found", "v") == "find"
    assert lexical.lemma_of_form("children", "v") is None


def test_a_verb_form_gets_the_verb_lemma():
    from checker.parse import parse
    from checker.segment import segment
    from checker.syntax import lemma

    text = "A train leaves the station at noon."
    (sentence,) = parse(text, segment(text)).sentences
    leaves = next(t for t in sentence if t.text == "leaves")
    assert leaves.pos_ == "VERB" and lemma(leaves) == "leave"


@pytest.mark.parametrize("a,b", [
    ("close", "open"),  # direct
    ("detain", "free"),  # by way of "confine", in detain's first sense
    ("permit", "forbid"),
    ("accept", "refuse"),  # by way of "reject"
    ("hold", "release"),
])
def test_opposed_verbs_through_their_first_senses(a: str, b: str) -> None:
    assert lexical.opposed(a, b, "v") and lexical.opposed(b, a, "v")


@pytest.mark.parametrize("a,b", [
    ("close", "stay"),  # "close" is a kind of "move", whose antonym is no opposite of closing
    ("ban", "ban"),
    ("rise", "climb"),
])
def test_not_opposed(a: str, b: str) -> None:
    assert not lexical.opposed(a, b, "v")


def test_the_top_word_of_a_lexicographer_file_is_of_that_file():
    # WordNet files "person" among its unique beginners, not with the people it heads
    assert lexical.noun_domains("person") == {"person"}
    assert lexical.noun_domains("worker") == {"person"}
    assert lexical.noun_domains("event") == {"event"}
    assert lexical.noun_domains("entity") == {"Tops"}
