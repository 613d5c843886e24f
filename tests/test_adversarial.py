"""Adversarial text: the engine never raises, offsets stay exact, and no pattern backtracks.

Families (each also in benchmarks/bench_adversarial.py, which times them at full size):
long digit runs, numbers with thousands of separators, repeated qualifiers, exponent-like
strings, mixed scripts, right-to-left marks and zero-width characters, every Unicode digit
class, unbalanced quotes, NUL and other control characters, very long single sentences.
Inputs stay at or below 200 KB so the suite stays fast.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import importlib.util
import pkgutil
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker

ENGINE = checker.default_engine()
NEWS = [
    "Russia moved 1,500 troops to Kursk on Monday.", "The 15,000 troops arrived in the 200-kilometre front zone.",
    "About 3% of the 40 tanks, officials said, were destroyed.", "A 45-year-old man, aged 54, was injured.",
    "“More than 1,000 people were killed,” he said.", "Turnout was 61 per cent, up from 58%.",
    "Ukraine spent $3bn, or €2.7 billion, on 12 of its 20 brigades.",
]
ZERO_DIGITS = tuple(cp for cp in range(sys.maxunicode + 1)
                    if unicodedata.category(chr(cp)) == "Nd" and unicodedata.digit(chr(cp)) == 0)
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad", "\u061c", "\x00", "\x0b",
             "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\r", "\t", "\xa0", "\u202f", "\u2009", "\u3000"]
QUOTES = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」"]
SCRIPTS = ["Российские войска", "到达 部队", "جندي وصلوا", "सैनिक पहुंचे", "στρατιώτες", "חיילים", "ทหาร", "𝟏𝟓𝟎𝟎",
           "Ⅻ", "½", "²³", "٫", "٬", "ǅ", "ﬁ", "İ", "ß"]
EXPONENTS = ["1e999999", "10**10**10", "1e-999999", "9.9e+308", "1E309", "0x1p1024", "1_000_000", "NaN", "inf",
             "-0", "1/0", "∞", "10^10^10", "2**99999", "1.7976931348623157e308", "4.9e-324", "1e", "e1", "1e+",
             "99999999999999999999999999999999999999", "0.000000000000000000000000001", "1..2", "1,,2", ".5", "5."]
QUALIFIERS = ["more than", "about", "nearly", "at least", "up to", "fewer than", "some", "around", "almost",
              "over", "under", "roughly", "an estimated", "as many as"]


def digits_in(zero: int, number: str) -> str:
    return "".join(chr(zero + int(ch)) if ch.isdigit() else ch for ch in number)


@st.composite
def fragments(draw: st.DrawFn) -> str:
    family = draw(st.sampled_from(["digits", "separators", "qualifiers", "exponent", "scripts", "invisible",
                                   "unicode_digits", "quotes", "nul", "sentence", "number_words", "blanks"]))
    if family == "digits":
        return "1" * draw(st.integers(1, 100_000)) + draw(st.sampled_from(["", " troops", ".5 km", "%"]))
    if family == "separators":
        sep = draw(st.sampled_from([",", ".", " ", "\u202f", "'", "_", "٬", "\xa0"]))
        return sep.join(["123"] * draw(st.integers(1, 5_000))) + " troops"
    if family == "qualifiers":
        q = draw(st.sampled_from(QUALIFIERS))
        return (q + " ") * draw(st.integers(1, 5_000)) + "1,000 troops"
    if family == "exponent":
        return " ".join(draw(st.lists(st.sampled_from(EXPONENTS), min_size=1, max_size=40))) + " troops"
    if family == "scripts":
        return " ".join(draw(st.lists(st.sampled_from(SCRIPTS + NEWS), min_size=1, max_size=30)))
    if family == "unicode_digits":
        zero = draw(st.sampled_from(ZERO_DIGITS))
        return " ".join(digits_in(zero, s) for s in draw(st.lists(st.sampled_from(NEWS), min_size=1, max_size=8)))
    if family == "quotes":
        parts = draw(st.lists(st.sampled_from(QUOTES + NEWS + ["he said", "1,500", "15,000 troops"]), max_size=60))
        return " ".join(parts)
    if family == "nul":
        return draw(st.sampled_from(["\x00", "\x00\x00 ", "\x01", "\x7f", "\ud7ff"])).join(
            draw(st.lists(st.sampled_from(NEWS), min_size=1, max_size=10)))
    if family == "sentence":  # one sentence: commas, no full stop
        clause = draw(st.sampled_from(["the 1,500 troops", "200 km", "about 3 per cent of 40 tanks", "$3bn",
                                       "aged 45", "12 of the 20 brigades"]))
        return ", ".join([clause] * draw(st.integers(1, 150)))
    if family == "number_words":
        words = draw(st.lists(st.sampled_from(["one", "hundred", "and", "thousand", "twenty-five", "million",
                                               "nine", "seventy", "half", "dozen", "a"]), max_size=500))
        return " ".join(words) + " troops"
    if family == "blanks":
        gap = draw(st.sampled_from([" ", "\t", " - ", " , ", "\xa0"])) * draw(st.integers(1, 20_000))
        return draw(st.sampled_from(["Russia sent 5", "On August 1", "about", "1,500"])) + gap + draw(
            st.sampled_from(["million troops.", "August 25, 2025.", "troops", "and 2,000 troops."]))
    return draw(st.text(max_size=200))


@st.composite
def adversarial_texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(fragments(), st.sampled_from(NEWS)), min_size=1, max_size=4))
    text = " ".join(pieces)
    for _ in range(draw(st.integers(0, 6))):  # sprinkle invisible and directional characters
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(INVISIBLE + QUOTES)) + text[at:]
    return text[:200_000]


def assert_exact(text: str, report: checker.Report) -> None:
    texts = {d.id: d.text for d in report.documents}
    assert text in texts.values()
    for claim in [*report.claims, *(c for conflict in report.conflicts for c in conflict.claims)]:
        doc = texts[claim.document]
        assert doc[claim.start:claim.end] == claim.text, claim
        assert 0 <= claim.start <= claim.end <= len(doc)
    orjson.dumps(report.to_dict(include_claims=True), option=orjson.OPT_SORT_KEYS)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(adversarial_texts())
def test_engine_never_raises_and_offsets_stay_exact(text: str) -> None:
    report = ENGINE.check([{"id": "a", "text": text, "published": "2024-08-14"}, {"id": "b", "text": NEWS[1]}])
    assert_exact(text, report)
    assert report.errors == ()


@pytest.mark.parametrize("zero", ZERO_DIGITS, ids=lambda z: f"U+{z:04X}")
def test_every_unicode_digit_class(zero: int) -> None:
    text = " ".join(digits_in(zero, s) for s in NEWS)
    assert_exact(text, ENGINE.check(text))


@pytest.mark.parametrize("text", [
    "1" * 100_000, "1" * 100_000 + " troops. The 2 troops left.", ",".join(["100"] * 40_000),
    " ".join(EXPONENTS * 50), "more than " * 10_000 + "5 troops.", "\x00" * 100_000, "“" * 50_000 + "1,500 troops",
    "\u200f" * 100_000, "Russia sent 5" + " " * 150_000 + "million troops.",
    "On August 1" + " " * 150_000 + "August 25, 2025 it rained.", "one hundred and " * 12_000 + "five troops.",
], ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_large_inputs_are_read_exactly(text: str) -> None:
    """Each was quadratic or worse before its fix: it is read without an error and with
    exact offsets. How cost grows with size is tests/test_linear_time.py's."""
    report = ENGINE.check(text)
    assert_exact(text, report)
    assert report.errors == ()


# ---- catastrophic backtracking -----------------------------------------------------------

def _patterns_in(obj: Any, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(obj, re.Pattern):
        yield obj
    elif depth < 2 and isinstance(obj, (tuple, list)):
        for x in obj:
            yield from _patterns_in(x, depth + 1)
    elif depth < 2 and isinstance(obj, dict):
        for x in obj.values():
            yield from _patterns_in(x, depth + 1)
    elif depth < 2 and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _patterns_in(getattr(obj, f.name), depth + 1)


def compiled_patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern checker compiles: module globals, and what its cached builders return."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) != module.__name__ and not isinstance(value, re.Pattern):
                continue
            if isinstance(value, functools._lru_cache_wrapper):
                try:
                    value = value()
                except TypeError:
                    continue  # needs arguments
            for i, pattern in enumerate(_patterns_in(value)):
                if isinstance(pattern.pattern, str):
                    found.setdefault(f"{module.__name__}.{name}[{i}]", pattern)
    return found


UNITS = ["a", "1", " ", "\t", "1,", "1 ", "-", " -", " , ", "more than ", "1.", "\u200b", "1e", "((", '"', "A ",
         "aA", "and ", "one ", "km ", "$1", "Mr. ", ", ", "\n", "a-", "1-", "’s", "per cent ", " and ", "A. "]


def _cost(pattern: re.Pattern[str], text: str, scanned: bool) -> float:
    """The cost of one pattern as the engine uses it: a scan of the whole text (finditer)
    for a pattern the engine scans with, where a pattern with no left boundary is retried
    at every position; one attempt at a position (match, fullmatch) for a pattern the
    engine only anchors where a number or a word ends."""
    began = time.process_time()
    for s in (text, text + "!", "x" + text):
        if scanned:
            for _ in pattern.finditer(s):
                pass
        else:
            pattern.match(s)
            pattern.fullmatch(s)
    return time.process_time() - began


_SCANS = re.compile(r"\b(?P<name>[A-Za-z_]\w*)(?:\(\))?\.(?:finditer|search|findall|sub|subn|split)\(")


@functools.cache
def _scanned_names(module: str) -> frozenset[str]:
    """Names the module scans text with: `NAME.finditer(`, `builder().search(` ..."""
    source = importlib.util.find_spec(module).origin  # type: ignore[union-attr]
    text = open(source, encoding="utf-8").read() if source else ""
    return frozenset(m.group("name") for m in _SCANS.finditer(text))


def _is_scanned(qualified: str) -> bool:
    module, _, rest = qualified.rpartition(".")
    name = rest.split("[", 1)[0]
    return name in _scanned_names(module)


def test_no_pattern_backtracks_catastrophically() -> None:
    """A scan with finditer() must be linear in the input. An ambiguous shape such as
    `[ \\t]*-?[ \\t]*` (n ways to split n blanks), or a pattern with no left boundary
    retried at every position, makes it quadratic, which grows 16 times for 4 times the
    input; flag anything that grows more than 8 times and costs >20 ms."""
    patterns = compiled_patterns()
    assert len(patterns) > 50
    slow = []
    for name, pattern in patterns.items():
        scanned = _is_scanned(name)
        for unit in UNITS:
            small = _cost(pattern, unit * (1_000 // len(unit)), scanned)
            if small < 0.0005:
                continue
            big = _cost(pattern, unit * (4_000 // len(unit)), scanned)
            if big > 0.02 and big > 8 * small:
                slow.append(f"{name} {pattern.pattern[:60]!r} on {unit!r}: {small:.4f}s -> {big:.4f}s")
    assert slow == []
