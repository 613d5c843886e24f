"""Number cores: digits, number words, vague multitudes and fractions, with the value and
the precision (step of the last significant digit) each was written with.

Every pattern here is a flat alternation or a bounded repetition of disjoint token
classes, so matching is linear in the text (no nested quantifier can backtrack).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from text_to_num import text2num

from ..lexicon import alternation, lexicon
from ..units import currency_tables, measure_words
from .casescan import CaseScan

MAX_DIGITS = 15  # beyond this a digit run is an identifier, not a figure


@dataclass(frozen=True, slots=True)
class Core:
    start: int
    end: int
    value: float
    step: float
    form: str  # digits | words | special | multitude | fraction
    bounds: tuple[float, float] | None = None


# Thousands grouped in threes, or the South Asian way ("12,34,567": lakhs and crores).
_DIGITS = re.compile(r"(?<![\w.,/:±-])(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?!\d|,\d|\.\d)")
# "1/4", "10 1/2", "7-1/2": a whole part of at most three digits (so "2019 1/3" is not
# 2019⅓), a proper fraction with a denominator people use in measures; "9/11" and dates
# such as "1/4/2020" are not fractions.
_SLASHED = re.compile(r"(?<![\w.,/:±-])(?:(?P<w>\d{1,3})[ \t-])?(?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\d/]|[.,]\d)")
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32})
# Vulgar fraction characters, alone or after a whole number: "½ teaspoon", "10½ miles".
_VULGAR = re.compile(r"(?<![\w.,/:±-])(?:(?P<w>\d{1,3})[ \t]?)?(?P<v>[½¼¾⅐-⅞])")


@cache
def _code_attached() -> re.Pattern[str]:
    """A number written against an upper-case currency code before it: "USD115", "EUR2.5bn"."""
    codes = [c.upper() for spec in currency_tables().values() for c in spec.get("codes", ())]
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(codes)})(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)(?!\d|,\d|\.\d)")


@cache
def _word_patterns() -> tuple[re.Pattern[str], ...]:
    nums = lexicon().numbers
    w = alternation(nums["cardinals"])
    # A hyphen may follow a number word only before a unit or currency ("six-mile",
    # "one-yen"); "twenty-first" and "two-way" stay unread.
    end = rf"(?!\w)(?!-(?!(?:{alternation(measure_words())})(?![\w²³])))"
    # At most 24 joined words (no written number needs more): unbounded, a run of thousands of
    # number words became one match that _trim_word_run revalues prefix by prefix, in quadratic time.
    words = re.compile(rf"(?<![\w-])(?:{w})(?:(?:-|[ \t]+and[ \t]+|[ \t]+)(?:{w})){{0,24}}{end}", re.I)
    specials = re.compile(rf"(?<![\w-])(?:{alternation(nums['specials'])}){end}", re.I)
    multitudes = re.compile(rf"(?<![\w-])(?:{alternation(nums['multitudes'])})(?![\w-])", re.I)
    fractions = re.compile(rf"(?<![\w-])(?P<f>{alternation(nums['fractions'])})[ \t]+of(?![\w-])", re.I)
    scales = alternation([k for k, v in nums["scales"].items() if not v.get("attached")])
    # "half a million", "a quarter million", "three-quarters of a billion"
    scale_fractions = re.compile(
        rf"(?<![\w-])(?:(?:a|one)[ \t]+)?(?P<f>{alternation(nums['scale_fractions'])})"
        rf"(?:[ \t]+of)?(?:[ \t]+a)?[ \t]+(?P<s>{scales}){end}",
        re.I,
    )
    # "two dozen ewes", "3 dozen eggs": a number times the word after it
    multiplied = re.compile(
        rf"(?<![\w.,-])(?P<n>{w}|\d{{1,3}})[ \t]+(?P<m>{alternation(nums['multipliers'])})(?![\w-])", re.I)
    return words, specials, multitudes, fractions, scale_fractions, multiplied


def step_of(numeral: str, value: float) -> float:
    """The precision a number was written with: 0.01 for "1.25", 100 for "1,500"."""
    if "." in numeral:
        return 10.0 ** -len(numeral.rsplit(".", 1)[1])
    n = round(abs(value))
    if n == 0:
        return 1.0
    step = 1.0
    while n % 10 == 0:
        n //= 10
        step *= 10
    return step


def value_words(phrase: str) -> float | None:
    """The value of a number written in words ("five", "twenty-one"), or None."""
    cleaned = re.sub(r"\s+", " ", phrase.lower().replace("-", " "))
    try:
        return float(text2num(cleaned, "en"))
    except ValueError:
        return None


def _trim_word_run(text: str, m: re.Match[str]) -> Core | None:
    """Value a run of number words; drop trailing words text2num rejects ("two and")."""
    cont = set(lexicon().numbers["continuations"])
    tokens = list(re.finditer(r"[^\W\d_]+", m.group(0)))
    if tokens and tokens[0].group(0).lower() in cont:
        return None
    for k in range(len(tokens), 0, -1):
        end = m.start() + tokens[k - 1].end()
        value = value_words(text[m.start() : end])
        if value is not None:
            return Core(m.start(), end, value, step_of(str(round(value)), value), "words")
    return None


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int, low: str | None) -> list[re.Match[str]]:
    if low is not None and start == 0 and end == len(text):
        return _scan(pattern).finditer(text, low)
    return list(pattern.finditer(text, start, end))


@cache
def _scan(pattern: re.Pattern[str]) -> CaseScan:
    return CaseScan(pattern)


def cores(text: str, start: int, end: int, low: str | None = None) -> list[Core]:
    """All number cores in text[start:end], leftmost-longest, non-overlapping. `low`
    (casescan.lowered of the whole text) lets a whole-document pass skip ahead in C."""
    words, specials, multitudes, fractions, scale_fractions, multiplied = _word_patterns()
    nums = lexicon().numbers
    found: list[Core] = []
    for m in _matches(multiplied, text, start, end, low):
        n = m.group("n")
        base = float(n) if n[0].isdigit() else value_words(n)
        if base:
            value = base * float(nums["multipliers"][m.group("m").lower()])
            found.append(Core(m.start(), m.end(), value, 1.0, "words"))
    for m in _DIGITS.finditer(text, start, end):
        raw = m.group(0)
        if len(raw.replace(",", "").split(".")[0]) > MAX_DIGITS:
            continue
        value = float(raw.replace(",", ""))
        found.append(Core(m.start(), m.end(), value, step_of(raw.replace(",", ""), value), "digits"))
    for m in _code_attached().finditer(text, start, end):
        raw = m.group("n").replace(",", "")
        if len(raw.split(".")[0]) <= MAX_DIGITS:
            found.append(Core(m.start("n"), m.end("n"), float(raw), step_of(raw, float(raw)), "digits"))
    for m in _SLASHED.finditer(text, start, end):
        n, d = int(m.group("n")), int(m.group("d"))
        if d in _DENOMINATORS and 0 < n < d:
            whole = float(m.group("w") or 0)
            found.append(Core(m.start(), m.end(), whole + n / d, 1 / d, "digits"))
    for m in _VULGAR.finditer(text, start, end):
        share = Fraction(unicodedata.numeric(m.group("v"))).limit_denominator(16)
        found.append(Core(m.start(), m.end(), float(m.group("w") or 0) + float(share), 1 / share.denominator, "digits"))
    for m in _matches(scale_fractions, text, start, end, low):
        share = float(nums["scale_fractions"][re.sub(r"\s+", " ", m.group("f").lower())])
        value = share * float(nums["scales"][m.group("s").lower()]["factor"])
        found.append(Core(m.start(), m.end(), value, step_of(str(round(value)), value), "words"))
    for m in _matches(multitudes, text, start, end, low):
        lo, hi = nums["multitudes"][re.sub(r"\s+", " ", m.group(0).lower())]
        found.append(Core(m.start(), m.end(), float(lo), 1.0, "multitude", (float(lo), float(hi))))
    for m in _matches(fractions, text, start, end, low):
        share = float(nums["fractions"][m.group("f").lower()])
        found.append(Core(m.start("f"), m.end("f"), share, 1.0, "fraction"))
    for m in _matches(specials, text, start, end, low):
        value = float(nums["specials"][re.sub(r"\s+", " ", m.group(0).lower())])
        found.append(Core(m.start(), m.end(), value, 1.0, "special"))
    for m in _matches(words, text, start, end, low):
        core = _trim_word_run(text, m)
        if core is not None:
            found.append(core)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Core] = []
    last_end = -1
    for c in found:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out
