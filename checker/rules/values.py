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


def likely_cause(a: Claim, b: Claim) -> str | None:
    """A guess at the slip behind two values, for the message: scale or unit."""
    va, vb = a.get("value"), b.get("value")
    if a.kind == "measure" and va == vb and a.get("unit_key") != b.get("unit_key"):
        return "same number, different unit"
    x, y = mid(a), mid(b)
    if x > 0 and y > 0:
        r = math.log10(max(x, y) / min(x, y))
        if abs(r - round(r)) < 0.02 and round(r) >= 1:
            return f"off by a factor of {10 ** round(r):,}"
    return None
