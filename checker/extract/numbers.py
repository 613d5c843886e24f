"""Number cores: digits, number words, vague multitudes and fractions, with the value and
the precision (step of the last significant digit) each was written with.

Every pattern here is a flat alternation or a bounded repetition of disjoint token
classes, so matching is linear in the text (no nested quantifier can backtrack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from ..lexicon import alternation, lexicon
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


_DIGITS = re.compile(r"(?<![\w.,/:±-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|,\d|\.\d)")


@cache
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nums = lexicon().numbers
    w = alternation(nums["cardinals"])
    # At most 24 joined words (no written number needs more): unbounded, a run of thousands of
    # number words became one match that _trim_word_run revalues prefix by prefix, in quadratic time.
    words = re.compile(rf"(?<![\w-])(?:{w})(?:(?:-|[ \t]+and[ \t]+|[ \t]+)(?:{w})){{0,24}}(?![\w-])", re.I)
    specials = re.compile(rf"(?<![\w-])(?:{alternation(nums['specials'])})(?![\w-])", re.I)
    multitudes = re.compile(rf"(?<![\w-])(?:{alternation(nums['multitudes'])})(?![\w-])", re.I)
    fractions = re.compile(rf"(?<![\w-])(?P<f>{alternation(nums['fractions'])})[ \t]+of(?![\w-])", re.I)
    return words, specials, multitudes, fractions


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


def _value_words(phrase: str) -> float | None:
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
        value = _value_words(text[m.start() : end])
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
    words, specials, multitudes, fractions = _word_patterns()
    nums = lexicon().numbers
    found: list[Core] = []
    for m in _DIGITS.finditer(text, start, end):
        raw = m.group(0)
        if len(raw.replace(",", "").split(".")[0]) > MAX_DIGITS:
            continue
        value = float(raw.replace(",", ""))
        found.append(Core(m.start(), m.end(), value, step_of(raw.replace(",", ""), value), "digits"))
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
