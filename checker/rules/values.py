"""Showing a claim's value the way an editor reads it: as written, and normalized into
the other claim's unit where they differ ("200 mi (321.9 km)")."""

from __future__ import annotations

import math

from ..model import Claim
from ..units import from_base, unit


def mid(c: Claim) -> float:
    v = c.value
    assert v is not None
    if math.isinf(v.hi):
        return v.lo
    if math.isinf(v.lo):
        return v.hi
    return (v.lo + v.hi) / 2


def shown(c: Claim, other: Claim | None = None) -> str:
    """The normalized value; for measures in a different unit, with the other's unit too."""
    if c.kind != "measure" or other is None:
        return c.normalized
    ua, ub = c.get("unit_key"), other.get("unit_key")
    if not ua or not ub or ua == ub:
        return c.normalized
    target = unit(ub)
    value = from_base(mid(c), target)
    return f"{c.normalized} ({_fmt(value)} {target.symbol})"


def _fmt(x: float) -> str:
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.1f}".rstrip("0").rstrip(".")


def _digits(x: float) -> str:
    """Significant digits of a value as written: 3,210 -> "321", 1.84bn -> "184"."""
    text = f"{abs(x):.6g}".replace(".", "").lstrip("0")
    return text.split("e")[0].rstrip("0") or "0"


def _one_slip(s: str, t: str) -> str | None:
    if len(s) != len(t) or s == t:
        return None
    diff = [i for i in range(len(s)) if s[i] != t[i]]
    if len(diff) == 1:
        return "one digit differs"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and s[diff[0]] == t[diff[1]] and s[diff[1]] == t[diff[0]]:
        return "digits transposed"
    return None


def likely_cause(a: Claim, b: Claim) -> str | None:
    """The slip that would turn one value into the other, if there is a simple one: a
    unit, a scale word (a factor of ten), one digit, or two digits swapped. Editorial
    inconsistencies are mostly such slips; two unrelated figures rarely are."""
    va, vb = a.get("value"), b.get("value")
    if a.kind == "measure" and va == vb and a.get("unit_key") != b.get("unit_key"):
        return "same number, different unit"
    x, y = mid(a), mid(b)
    if x > 0 and y > 0:
        r = math.log10(max(x, y) / min(x, y))
        # a misplaced point or a wrong scale word moves a figure by ten, a hundred or a
        # thousand ("thousand" for "million"); "180" and "1.8 million" are two figures
        if abs(r - round(r)) < 0.02 and 1 <= round(r) <= 3 and _digits(x) == _digits(y):
            return f"off by a factor of {10 ** round(r):,}"
    bounded = {"range", "lower", "lower_open", "upper", "upper_open"}
    if (a.qualifiers | b.qualifiers) & bounded:
        return None  # a bound or a range is not a figure whose digits could slip
    # digits slip as written ("158.4 cents", not 1.584 dollars)
    wa, wb = a.get("written", va), b.get("written", vb)
    if a.unit == b.unit and isinstance(wa, float) and isinstance(wb, float) and wa / (va or 1) == wb / (vb or 1):
        va, vb = wa, wb
    if a.kind == b.kind == "measure" and a.get("unit_key") != b.get("unit_key"):
        # "weighs 4.2 tonnes" and "the 2,400kg spacecraft": measures in two units of one
        # dimension slip in the unit they share
        va, vb = x, y
    # Two significant digits are needed for a digit to slip among others: "2.4" and "4.2"
    # tonnes are swapped digits as much as 24 and 42 are; 5 and 7 are just two numbers.
    if isinstance(va, float) and isinstance(vb, float) and min(abs(va), abs(vb)) > 0 and (
            min(abs(va), abs(vb)) >= 10 or min(len(_digits(va)), len(_digits(vb))) >= 2):
        if math.floor(math.log10(abs(va))) == math.floor(math.log10(abs(vb))):
            return _one_slip(_digits(va), _digits(vb))
    return None


def distinctive(a: Claim, b: Claim) -> bool:
    """Coincidences are common among round numbers ("$2m" and "$20m"), rare among figures
    with two or more significant digits ("£12.4m" and "£1.24m")."""
    return min(len(_digits(a.get("value", 0.0))), len(_digits(b.get("value", 0.0)))) >= 2


def ratio(a: Claim, b: Claim) -> float:
    x, y = abs(mid(a)), abs(mid(b))
    if min(x, y) == 0:
        return math.inf
    return max(x, y) / min(x, y)
