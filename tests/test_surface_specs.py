"""A peer's test suite for reading figures: the English Dimension and Currency specifications
of Microsoft Recognizers-Text (MIT), copied in tests/fixtures/specs/ (see its README).

What is scored is the reading: checker.extract.figures over each case as its own document
(tests/reading.py), so a figure read right counts even where the engine later cannot tell
what it is about. benchmarks/spec_accuracy.py also scores the engine's claims
(`checker.default_engine().check()`, money and measure), the same reading as users get it.

A case is right when
- every expected item with a value is matched by one claim of the spec's family (a measure
  for Dimension, money for Currency) that overlaps its span, in the mapped unit, with the
  stated value after scale words (or, for a range such as "75-300mm", with the value as
  one end of the range); money stated in a minor unit ("50 cents") must also be that share
  of the major unit ($0.50), and
- no other claim of the family is found: an extra figure with a unit is a misreading.
Expected items without a value (a bare "dollar" or "metric ton" mentioned without a
number) are not required: the engine reads figures, not unit names. Durations and
temperatures are read by Recognizers' DateTime and Temperature models, not Dimension, so
they count neither for nor against a Dimension case ("took 20 minutes" is not an extra;
"the temperature is 24 degrees" is a Dimension negative because of that split only).

Cases judged out of scope (forms no news copy uses, or conventions it does not follow)
are listed in OUT_OF_SCOPE with the reason; accuracy is asserted both over all cases and
over the in-scope ones, each at least the figure reached (a ratchet: raise, never lower).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from reading import figures, unit_of

import checker
from checker.extract.figures import Figure, kind_of
from checker.model import Claim
from checker.units import from_base, unit

SPECS = Path(__file__).parent / "fixtures" / "specs"

# Recognizers-Text unit names -> the project's unit keys. A tuple where the project tells
# apart what Recognizers merges ("tons" and "tonnes" are both its "Ton"). Names the project
# has no unit for map to nothing, so their cases can only fail.
DIMENSION_UNITS: dict[str, tuple[str, ...]] = {
    "Pound": ("pound_mass",),
    "Ounce": ("ounce",),
    "Ton": ("ton", "tonne"),
    "Metric ton": ("tonne",),
    "Kilogram": ("kilogram",),
    "Gram": ("gram",),
    "Microgram": ("microgram",),
    "Gallon": ("gallon",),
    "Barrel": ("barrel",),
    "Milliliter": ("millilitre",),
    "Cubic foot": ("cubic_foot",),
    "Tablespoon": ("tablespoon",),
    "Teaspoon": ("teaspoon",),
    "Cup": ("cup",),
    "Inch": ("inch",),
    "Foot": ("foot",),
    "Mile": ("mile",),
    "Meter": ("metre",),
    "Kilometer": ("kilometre",),
    "Millimeter": ("millimetre",),
    "Acre": ("acre",),
    "Square meter": ("square_metre",),
    "Square kilometer": ("square_kilometre",),
    "Mile per hour": ("mph",),
    "Kilometer per hour": ("kmh",),
    "Bit": ("bit",),
    "Megabit": ("megabit",),
    "Megabyte": ("megabyte",),
    "Degree": ("degree",),
}

# Recognizers-Text currency names -> (ISO code, minor units per major unit). "Dollar"
# without a country is read as the US dollar, as the project reads a bare "$"; "francs"
# without a country keep a code of their own (XFR).
CURRENCY_UNITS: dict[str, tuple[str, int]] = {
    "Dollar": ("USD", 1),
    "United States dollar": ("USD", 1),
    "Cent": ("USD", 100),
    "Canadian dollar": ("CAD", 1),
    "Hong Kong dollar": ("HKD", 1),
    "Australian dollar": ("AUD", 1),
    "New Zealand dollar": ("NZD", 1),
    "Mexican peso": ("MXN", 1),
    "Pound": ("GBP", 1),
    "British pound": ("GBP", 1),
    "Pence": ("GBP", 100),
    "Penny": ("GBP", 100),
    "Euro": ("EUR", 1),
    "Japanese yen": ("JPY", 1),
    "Chinese yuan": ("CNY", 1),
    "Swiss franc": ("CHF", 1),
    "Franc": ("XFR", 1),
    "Finnish markka": ("FIM", 1),
    "Netherlands guilder": ("NLG", 1),
    "Peseta": ("ESP", 1),
    "Turkish lira": ("TRY", 1),
    "Rupee": ("INR", 1),
    "Bitcoin": ("BTC", 1),
    "Satoshi": ("BTC", 100_000_000),
    "Costa Rican colón": ("CRC", 1),
    "Georgian lari": ("GEL", 1),
    "Lao kip": ("LAK", 1),
}

# (spec, index) -> why news copy does not need the case read.
OUT_OF_SCOPE: dict[tuple[str, int], str] = {
    ("dimension", 47): "'dm' for decimetres: in news 'DM' is the Deutsche Mark or a direct message",
    ("dimension", 48): "'10 \"' for inches: a straight quote in prose is a quotation mark",
    ("dimension", 49): "lower-case 'mb' as megabits: copy does not tell bits from bytes by letter case",
    ("dimension", 52): "'2 pm' as picometres: in news it is the time of day",
    ("dimension", 60): "'2 dm' for decimetres (see 47)",
    ("dimension", 68): "'drachma' as a weight (dram): in news the drachma is Greece's old currency",
    ("dimension", 70): "speeds per millisecond: no news unit",
    ("dimension", 90): "radians: no news unit",
    ("dimension", 91): "'a half turn' as an angle: an idiom, not a measure, in news",
    ("dimension", 92): "'3 turns' as an angle: not a news unit",
    ("currency", 94): "the spec's tokenizer split '1.8500 marks' into '1 . 8500 marks'",
    ("currency", 99): "'one dollar and one and one point' read as $1.01: garbled speech, not copy",
    ("currency", 101): "'c $ 100 and fifty' read as C$100.50: speech, not copy",
    ("currency", 102): "'kuai' and 'mao': colloquial Chinese units",
    ("currency", 103): "'one dollar and two and three points' read as $1.02 (see 99)",
    ("currency", 105): "'元': a Chinese character, not English copy",
    ("currency", 109): "'ரூ': the rupee in Tamil script, not English copy",
    ("currency", 110): "'sen 100,000': a minor currency name before the number",
    ("currency", 164): "'dollar 22.5 million': a currency word before the number (unsupported by Recognizers' own .NET code)",
}


@dataclass(frozen=True)
class Case:
    spec: str
    index: int
    text: str
    expected: tuple[dict, ...]


@dataclass(frozen=True)
class Read:
    """One figure as read: its span, kind, value as written after scale words, unit key or
    currency code, and its interval (stated unit for measures, major unit for money)."""

    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str
    lo: float
    hi: float
    is_range: bool


@dataclass(frozen=True)
class Outcome:
    case: Case
    right: bool
    missing: tuple[str, ...]
    extra: tuple[str, ...]


def load(spec: str) -> list[Case]:
    out = []
    for line in (SPECS / f"recognizers_{spec}.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        out.append(Case(spec, raw["meta"]["index"], raw["text"], tuple(raw["expected"])))
    return out


def from_figure(text: str, fig: Figure) -> Read:
    return Read(fig.start, fig.end, text[fig.start : fig.end], kind_of(fig), fig.value, unit_of(fig), fig.lo,
                fig.hi, fig.qualifier == "range")


def from_claim(c: Claim) -> Read:
    assert c.value is not None
    lo, hi, key = c.value.lo, c.value.hi, c.get("unit_key") or ""
    if c.kind == "measure" and key:
        lo, hi = from_base(lo, unit(key)), from_base(hi, unit(key))
    return Read(c.start, c.end, c.text, c.kind, c.get("value"), key or c.unit, lo, hi, "range" in c.qualifiers)


def _family(spec: str, r: Read) -> bool:
    if spec == "currency":
        return r.kind == "money"
    # Durations and temperatures belong to other Recognizers models.
    return r.kind == "measure" and unit(r.unit).dimension not in ("[time]", "[temperature]")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _matches(spec: str, item: dict, r: Read) -> bool:
    if not (r.start < item["end"] and item["start"] < r.end):
        return False
    if spec == "currency":
        code, minor = CURRENCY_UNITS.get(item["unit"], ("?", 1))
        if r.unit != code:
            return False
        # "50 cents" is half a dollar: the interval, in the major unit, must hold it
        if not r.lo - 1e-9 <= item["value"] / minor <= r.hi + 1e-9:
            return False
    elif r.unit not in DIMENSION_UNITS.get(item["unit"], ()):
        return False
    if _close(r.value, item["value"]):
        return True
    return r.is_range and (_close(r.lo, item["value"]) or _close(r.hi, item["value"]))


def score(cases: Iterable[Case], read_of: dict[tuple[str, int], list[Read]]) -> list[Outcome]:
    out = []
    for case in cases:
        found = [r for r in read_of[(case.spec, case.index)] if _family(case.spec, r)]
        valued = [e for e in case.expected if e.get("value") is not None]
        missing = tuple(
            f"{e['surface']!r}={e['value']} {e['unit']}"
            for e in valued
            if not any(_matches(case.spec, e, r) for r in found)
        )
        extra = tuple(
            f"{r.text!r}={r.value} {r.unit}"
            for r in found
            if not any(r.start < e["end"] and e["start"] < r.end for e in case.expected)
        )
        out.append(Outcome(case, not missing and not extra, missing, extra))
    return out


def read_by_figures(cases: list[Case]) -> dict[tuple[str, int], list[Read]]:
    return {(c.spec, c.index): [from_figure(c.text, f) for f in figures(c.text)] for c in cases}


def read_by_engine(cases: list[Case]) -> dict[tuple[str, int], list[Read]]:
    """One engine pass over every case, each its own document: the claims users get."""
    docs = [{"id": f"{c.spec}-{c.index}", "text": c.text} for c in cases]
    report = checker.default_engine().check(docs)
    out: dict[tuple[str, int], list[Read]] = {(c.spec, c.index): [] for c in cases}
    for claim in report.claims:
        if claim.kind in ("money", "measure", "count", "percent"):
            spec, index = claim.document.rsplit("-", 1)
            out[(spec, int(index))].append(from_claim(claim))
    return out


def in_scope(o: Outcome) -> bool:
    return (o.case.spec, o.case.index) not in OUT_OF_SCOPE


def accuracy(outcomes: Iterable[Outcome], in_scope_only: bool) -> float:
    chosen = [o for o in outcomes if not in_scope_only or in_scope(o)]
    return sum(o.right for o in chosen) / len(chosen)


@cache
def outcomes(spec: str, through_engine: bool = False) -> tuple[Outcome, ...]:
    cases = load(spec)
    return tuple(score(cases, (read_by_engine if through_engine else read_by_figures)(cases)))


# The accuracy reached: raise these when the reading improves, never lower them.
RATCHET = {
    ("dimension", "all"): 90 / 100,
    ("dimension", "in_scope"): 90 / 90,
    ("currency", "all"): 171 / 180,
    ("currency", "in_scope"): 171 / 171,
}


@pytest.mark.parametrize("spec", ["dimension", "currency"])
@pytest.mark.parametrize("subset", ["all", "in_scope"])
def test_spec_accuracy_ratchet(spec: str, subset: str) -> None:
    results = outcomes(spec)
    got = accuracy(results, subset == "in_scope")
    wrong = [f"{o.case.index}: missing {o.missing} extra {o.extra}" for o in results if not o.right]
    assert got >= RATCHET[(spec, subset)], f"{spec} {subset}: {got:.3f}\n" + "\n".join(wrong)


def test_out_of_scope_cases_exist() -> None:
    """Every exclusion names a real case, so the in-scope figure cannot drift silently."""
    known = {(c.spec, c.index) for spec in ("dimension", "currency") for c in load(spec)}
    assert set(OUT_OF_SCOPE) <= known


def test_scoring_rejects_a_wrong_reading() -> None:
    """The scorer itself: a reading in the wrong unit or with the wrong value does not count,
    and an extra figure with a unit makes a case wrong."""
    text = "It cost 50 cents and 3 euros."
    cents = {"surface": "50 cents", "start": 8, "end": 16, "value": 50, "unit": "Cent"}
    euros = {"surface": "3 euros", "start": 21, "end": 28, "value": 3, "unit": "Euro"}
    read = [from_figure(text, f) for f in figures(text)]

    def judged(*expected: dict) -> Outcome:
        return score([Case("currency", -1, text, expected)], {("currency", -1): read})[0]

    assert judged(cents, euros).right
    assert judged(cents).extra and not judged(cents).right  # "3 euros" is not expected
    assert judged({**cents, "unit": "Pence"}, euros).missing
    assert judged({**cents, "value": 5}, euros).missing
    assert judged({**cents, "unit": "Dollar"}, euros).missing  # 50 cents is not $50
