"""Words about names and roles (checker/data/entities.toml), loaded once: what never
starts a name, honorifics, role heads and portfolios, roles that go together, endings
that make another word, known distinct names and house spellings. Read by the entity
extractor and by the entity rules alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .fold import fold
from .lexicon import alternation, data_file


@dataclass(frozen=True)
class EntityWords:
    never: frozenset[str]
    particles: frozenset[str]
    honorifics: frozenset[str]
    generic: frozenset[str]
    role_words: frozenset[str]
    heads: dict[str, str]
    portfolio: frozenset[str]
    occupations: frozenset[str]
    ranks: dict[str, str]  # a rank as written, lowercase, blanks for hyphens and no dots -> the rank
    compatible: frozenset[frozenset[str]]
    deputy: frozenset[str]
    dated: frozenset[str]
    generic_portfolio: frozenset[str]
    endings: tuple[str, ...]
    min_length: int
    derived: frozenset[str]
    derived_after: dict[str, tuple[str, ...]]
    distinct: frozenset[frozenset[str]]
    house_spellings: dict[str, str]
    head_re: re.Pattern[str]
    verbs: dict[str, str]
    verb_re: re.Pattern[str]
    change_re: re.Pattern[str]


def _cased(phrases: list[str] | dict[str, str]) -> list[str]:
    """Lowercase, capitalized, title-case and upper-case forms: a case-sensitive trie
    scans about twice as fast as a case-insensitive one."""
    return sorted({f for p in phrases for f in (p, p.capitalize(), p.title(), p.upper())})


def _after(entries: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for d in entries:
        if "+" in d:
            before, added = d.split("+", 1)
            out.setdefault(added, []).append(before)
    return {k: tuple(v) for k, v in out.items()}


@cache
def entity_words() -> EntityWords:
    raw: dict[str, Any] = data_file("entities.toml")
    names, roles, spelling = raw["names"], raw["roles"], raw["spelling"]
    heads: dict[str, str] = roles["heads"]
    role_words = {w for h in heads for w in re.split(r"[ -]", h)} | set(roles["deputy"])
    return EntityWords(
        never=frozenset(names["never"]),
        particles=frozenset(names["particles"]),
        honorifics=frozenset(names["honorifics"]),
        generic=frozenset(names["generic"]),
        role_words=frozenset(w for w in role_words if w not in {"of", "in"}),
        heads=heads,
        portfolio=frozenset(roles["portfolio"]),
        occupations=frozenset(roles["occupations"]),
        ranks=dict(roles["ranks"]),
        compatible=frozenset(frozenset(p) for p in roles["compatible"]),
        deputy=frozenset(roles["deputy"]),
        dated=frozenset(roles["dated"]),
        generic_portfolio=frozenset(roles["generic_portfolio"]),
        endings=tuple(sorted(spelling["endings"], key=len, reverse=True)),
        min_length=int(spelling["min_length"]),
        derived=frozenset(d for d in spelling["derived"] if "+" not in d),
        derived_after=_after(spelling["derived"]),
        distinct=frozenset(frozenset(fold(w) for w in p) for p in spelling["distinct"]),
        house_spellings=dict(raw.get("house_spellings", {})),
        head_re=re.compile(rf"\b(?:{alternation(_cased(heads))})(?![\w’'-])"),
        verbs=roles["verbs"],
        verb_re=re.compile(
            rf"[ \t]+(?P<verb>{alternation(list(roles['verbs']))})[ \t]+(?:a|an|the|its|his|her|their)[ \t]+"
            r"(?P<obj>[^,;.()]{1,60})"
        ),
        change_re=re.compile(rf"\b(?:{alternation(_cased(roles['change']))})(?![\w])"),
    )
