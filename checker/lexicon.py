"""The data files under checker/data, loaded once per process and shared read-only."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _toml(name: str) -> dict[str, Any]:
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
    stop: frozenset[str]
    verbs: frozenset[str]
    not_subjects: frozenset[str]
    predicate_of: dict[str, str]
    change_words: frozenset[str]
    increment_words: frozenset[str]
    attribution_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    words = _toml("lexicon.toml")
    predicate_of: dict[str, str] = {}
    for cls, forms in sorted(words["predicates"].items()):
        for form in forms:
            predicate_of.setdefault(form, cls)
    return Lexicon(
        numbers=_toml("numbers.toml"),
        units=_toml("units.toml"),
        currencies=_toml("currencies.toml"),
        words=words,
        abbreviations=frozenset(_lines("abbreviations.txt")),
        stop=frozenset(words["noun_phrase"]["stop"]),
        verbs=frozenset(words["noun_phrase"]["verbs"]),
        not_subjects=frozenset(words["noun_phrase"]["not_subjects"]),
        predicate_of=predicate_of,
        change_words=frozenset(words["change"]["words"]),
        increment_words=frozenset(words["change"]["increment"]),
        attribution_verbs=frozenset(words["attribution"]["verbs"]),
    )


def alternation(phrases: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation, longest first so that "square kilometres" beats "kilometres";
    spaces in a phrase match any run of blanks."""
    import re

    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
