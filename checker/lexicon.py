"""The data files under checker/data, loaded once per process and shared read-only."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def data_file(name: str) -> dict[str, Any]:
    """A TOML file of checker/data, parsed: the one reader every word list goes through."""
    return tomllib.loads(resources.files("checker.data").joinpath(name).read_text("utf-8"))



def _lines(name: str) -> list[str]:
    text = resources.files("checker.data").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    numbers: dict[str, Any]
    units: dict[str, Any]
    currencies: dict[str, Any]
    words: dict[str, Any]
    abbreviations: frozenset[str]
    may_end: frozenset[str]
    starters: frozenset[str]
    stop: frozenset[str]
    verbs: frozenset[str]
    not_subjects: frozenset[str]
    predicate_of: dict[str, str]
    change_words: frozenset[str]
    increment_words: frozenset[str]
    attribution_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    words = data_file("lexicon.toml")
    predicate_of: dict[str, str] = {}
    for cls, forms in sorted(words["predicates"].items()):
        for form in forms:
            predicate_of.setdefault(form, cls)
    return Lexicon(
        numbers=data_file("numbers.toml"),
        units=data_file("units.toml"),
        currencies=data_file("currencies.toml"),
        words=words,
        abbreviations=frozenset(a.removesuffix(" *") for a in _lines("abbreviations.txt")),
        may_end=frozenset(a.removesuffix(" *") for a in _lines("abbreviations.txt") if a.endswith(" *")),
        starters=frozenset(words["sentence"]["starters"]),
        stop=frozenset(words["noun_phrase"]["stop"]),
        verbs=frozenset(words["noun_phrase"]["verbs"]),
        not_subjects=frozenset(words["noun_phrase"]["not_subjects"]),
        predicate_of=predicate_of,
        change_words=frozenset(words["change"]["words"]),
        increment_words=frozenset(words["change"]["increment"]),
        attribution_verbs=frozenset(words["attribution"]["verbs"]),
    )


def alternation(phrases: list[str] | set[str] | frozenset[str] | dict[str, Any]) -> str:
    """A regex matching any of the phrases, compiled as a trie so that matching costs
    the length of the phrase, not the number of phrases (Python's re tries alternatives
    one by one). Greedy optional branches prefer the longest phrase ("square kilometres"
    before "kilometres"); a space in a phrase matches any run of blanks."""
    trie: dict[str, Any] = {}
    for phrase in sorted(set(phrases)):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    import re

    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + _trie_regex(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
