"""The one pint registry of the process, and news spellings of units mapped onto it.

pint is asked only about unit expressions from checker/data/units.toml, which we own;
user text never reaches pint's parser. Each unit is resolved to a factor onto its base
unit once and cached, so a check does float arithmetic, not pint calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
    dim = str(q.dimensionality)
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


@cache
def unit_pattern() -> re.Pattern[str]:
    """A unit right after a number: spaced forms after a blank or hyphen, attached
    forms ("35C", "40°C") only against the number."""
    spaced, attached = _forms()
    return re.compile(
        rf"(?:(?P<att>{alternation(attached)})|(?:[ \t]?-?[ \t]?|[ \t]+)(?P<sp>{alternation(spaced)}))"
        r"(?![\w²³])",
        re.I,
    )


def lookup(form: str, is_attached: bool) -> Unit:
    spaced, attached = _forms()
    table = attached if is_attached else spaced
    key = table.get(form.lower()) or table[re.sub(r"\s+", " ", form.lower())]
    return unit(key)


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
