"""The one pint registry of the process, and news spellings of units mapped onto it.

pint is asked only about unit expressions from checker/data/units.toml, which we own;
user text never reaches pint's parser. Each unit is resolved to a factor onto its base
unit once and cached, so a check does float arithmetic, not pint calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pint

from .lexicon import alternation, lexicon

# Display unit per dimension, so "200 mi" can be shown as "321.9 km".
_DISPLAY = {
    "[length]": "kilometer",
    "[length] ** 2": "kilometer ** 2",
    "[length] / [time]": "kilometer / hour",
    "[mass]": "metric_ton",
    "[length] ** 3": "liter",
    "[temperature]": "degree_Celsius",
    "[time]": "day",
    "[length] ** 2 * [mass] / [time] ** 3": "megawatt",
    "[length] ** 2 * [mass] / [time] ** 2": "kilowatt_hour",
}


@cache
def registry() -> pint.UnitRegistry:
    """Built once per process (about 0.2 s); never per request."""
    return pint.UnitRegistry(cache_folder=None)


@dataclass(frozen=True, slots=True)
class Unit:
    key: str
    symbol: str
    dimension: str
    factor: float  # base units per one of this unit (0 for offset units)
    offset: bool
    tolerance: float


@cache
def unit(key: str) -> Unit:
    spec = lexicon().units[key]
    reg = registry()
    q = reg.Quantity(1, spec["pint"])
    # pint calls angles and information dimensionless; the data file names their dimension
    # so that degrees are never compared with bits.
    dim = spec.get("dimension") or str(q.dimensionality)
    offset = not q._ok_for_muldiv()  # temperatures: convert endpoints, not factors
    factor = 0.0 if offset else float(q.to_base_units().magnitude)
    symbol = spec.get("symbol", spec["forms"][0])
    return Unit(key, symbol, dim, factor, offset, float(spec.get("tolerance", 0.0)))


def to_base(value: float, u: Unit) -> float:
    if not u.offset:
        return value * u.factor
    reg = registry()
    return float(reg.Quantity(value, lexicon().units[u.key]["pint"]).to("kelvin").magnitude)


def from_base(value: float, u: Unit) -> float:
    if not u.offset:
        return value / u.factor
    reg = registry()
    return float(reg.Quantity(value, "kelvin").to(lexicon().units[u.key]["pint"]).magnitude)


@cache
def _forms() -> tuple[dict[str, str], dict[str, str]]:
    spaced: dict[str, str] = {}
    attached: dict[str, str] = {}
    for key, spec in lexicon().units.items():
        for form in spec["forms"]:
            spaced[form.lower()] = key
        for form in spec.get("attached", []):
            attached[form.lower()] = key
    return spaced, attached


# After a unit: not a letter or digit of a longer word, and not an identifier's hyphen
# and digits ("24703 L-202" is a part number, not litres).
_UNIT_END = r"(?![\w²³]|-\d)"


@cache
def unit_pattern() -> re.Pattern[str]:
    """A unit right after a number: spaced forms after a blank or hyphen, attached
    forms ("35C", "40°C") only against the number."""
    spaced, attached = _forms()
    return re.compile(
        rf"(?:(?P<att>{alternation(attached)})|(?:[ \t]?-?[ \t]?|[ \t]+)(?P<sp>{alternation(spaced)})){_UNIT_END}",
        re.I,
    )


@cache
def bracketed_unit_pattern() -> re.Pattern[str]:
    """A spaced unit form in brackets after the number, as table copy writes it: "20 (kg)".
    The caller checks that the brackets pair."""
    spaced, _ = _forms()
    return re.compile(rf"[ \t]?(?P<open>[(\[{{<])(?P<sp>{alternation(spaced)})(?P<close>[)\]}}>]){_UNIT_END}", re.I)


@cache
def compound_pattern(key: str) -> re.Pattern[str] | None:
    """The smaller unit that may follow a figure in `key` ("5 ft 2 in", "7lb 4oz"), with
    the spellings valid only there; None when the unit has none."""
    sub = lexicon().units[key].get("subunit")
    if sub is None:
        return None
    spec = lexicon().units[sub]
    # "in." would take the full stop of "he is 5 ft 2 in."; "in" reads the same here.
    forms = [f for f in [*spec["forms"], *spec.get("compound_forms", [])] if not f.endswith(".")]
    return re.compile(rf"[ \t]?(?P<sp>{alternation([f.lower() for f in forms])}){_UNIT_END}", re.I)


def lookup(form: str, is_attached: bool) -> Unit:
    """The unit a spelling matched by unit_pattern() names. The pattern matches without
    case, as Python's re folds it, which also folds a few non-ASCII letters onto ASCII
    ("ſ" onto "s", "ı" and "İ" onto "i", the Kelvin sign onto "k"): a spelling that
    lower() does not find is found the way the pattern found it."""
    spaced, attached = _forms()
    table = attached if is_attached else spaced
    low = re.sub(r"\s+", " ", form.lower())
    key = table.get(form.lower()) or table.get(low)
    if key is None:
        key = next((k for f, k in sorted(table.items())
                    if re.fullmatch(re.escape(f).replace("\\ ", r"\s+"), form, re.I)), None)
    if key is None:
        raise KeyError(f"{form!r} is no unit spelling the checker knows")
    return unit(key)


def spec_of(u: Unit) -> dict[str, Any]:
    """The unit's entry in units.toml (rate, reads_as, unless_near, subunit)."""
    return dict(lexicon().units[u.key])


@cache
def currency_tables() -> dict[str, dict[str, Any]]:
    """currencies.toml's currencies by code (its other tables, such as the cues, left out)."""
    return {code: spec for code, spec in lexicon().currencies.items() if "words" in spec}


# Unit words that after a hyphen make an ordinal or an idiom, not a measure: "twenty-second",
# "a two-bit operation".
_NOT_AFTER_HYPHEN = frozenset({"second", "bit"})


@cache
def measure_words() -> tuple[str, ...]:
    """Every spelled unit and currency word, lowercase: what may follow a number word
    after a hyphen ("six-mile", "one-yen")."""
    out: set[str] = set()
    for spec in lexicon().units.values():
        out.update(f.lower() for f in spec["forms"] if len(f) > 1 and f.isalpha())
    for spec in currency_tables().values():
        for field in ("words", "ambiguous", "minor"):
            out.update(w.lower() for w in spec.get(field, ()) if w.replace(" ", "").isalpha())
    return tuple(sorted(out - _NOT_AFTER_HYPHEN))


def display(value_base: float, u: Unit) -> str:
    return f"{_fmt(from_base(value_base, u))} {u.symbol}"


def display_unit_for(dimension: str, fallback: Unit) -> Unit:
    """The unit a dimension is shown in; fallback when the dimension has none."""
    target = _DISPLAY.get(dimension)
    if target is None:
        return fallback
    for key, spec in lexicon().units.items():
        if spec["pint"] == target:
            return unit(key)
    return fallback


def _fmt(x: float) -> str:
    if abs(x) >= 100 or x == int(x):
        return f"{x:,.0f}" if abs(x - round(x)) < 0.05 or abs(x) >= 1000 else f"{x:,.1f}"
    return f"{x:,.3g}"


# How a measure is shown to a reader on each side of the Atlantic: (metric, US customary)
# unit keys of units.toml per dimension, the smaller unit below a threshold in base units.
_READER_UNITS: dict[str, tuple[tuple[str, str], tuple[str, str], float]] = {
    "[length]": (("kilometre", "mile"), ("metre", "foot"), 1000.0),
    "[length] / [time]": (("kmh", "mph"), ("kmh", "mph"), 0.0),
    "[mass]": (("tonne", "ton"), ("kilogram", "pound_mass"), 1000.0),
    "[temperature]": (("celsius", "fahrenheit"), ("celsius", "fahrenheit"), 0.0),
    "[length] ** 2": (("square_kilometre", "square_mile"), ("hectare", "acre"), 1_000_000.0),
    "[length] ** 3": (("litre", "gallon"), ("litre", "gallon"), 0.0),
}


def reader_values(value_base: float, dimension: str) -> dict[str, str] | None:
    """A measure in the units readers use, metric and US customary ("321.9 km", "200 mi"),
    or None for a dimension without both."""
    choice = _READER_UNITS.get(dimension)
    if choice is None:
        return None
    big, small, threshold = choice
    keys = big if abs(value_base) >= threshold else small
    out = {}
    for system, key in zip(("metric", "us"), keys, strict=True):
        if key not in lexicon().units:
            return None
        out[system] = display(value_base, unit(key))
    return out
