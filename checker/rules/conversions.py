"""Quantity family, conversions: a measure and its conversion into another unit, side by
side, that are not the same amount ("3,200 metres (about 6,500 feet)")."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Claim, Finding, Severity
from .base import Example, Rule, RuleContext
from .values import mid, shown

# A conversion rounds; one that is off by more than this share of the larger value used a
# wrong factor (miles for kilometres, feet for metres) or slipped a digit.
MAX_ROUNDING = 0.10
# Temperatures are compared in kelvins, where a share means nothing: degrees apart.
MAX_DEGREES = 1.5


def _off(a: Claim, b: Claim) -> bool:
    assert a.value is not None and b.value is not None
    if a.value.overlaps(b.value):
        return False
    x, y = mid(a), mid(b)
    if a.unit == "[temperature]":
        # "warmed by 1.5C (2.7F)": a difference of temperatures converts without the
        # offset of the scales
        da, db = _degrees(a), _degrees(b)
        return abs(x - y) > MAX_DEGREES and not (da is not None and db is not None and abs(da - db) <= MAX_DEGREES)
    return abs(x - y) > MAX_ROUNDING * max(abs(x), abs(y))


# The size of one degree of each temperature scale, in kelvins.
_DEGREE = {"celsius": 1.0, "kelvin": 1.0, "fahrenheit": 5 / 9}


def _degrees(c: Claim) -> float | None:
    """A temperature read as a difference, in kelvins."""
    size = _DEGREE.get(c.get("unit_key", ""))
    written = c.get("written")
    return written * size if size is not None and isinstance(written, (int, float)) else None


def _mismatch(ctx: RuleContext) -> Iterator[Finding]:
    measures = [c for c in ctx.of_kind("measure") if c.value is not None]
    by_start = {(c.document, c.start): c for c in measures}
    for b in measures:
        at = b.get("converts")
        a = by_start.get((b.document, at)) if at is not None else None
        if a is None:
            continue
        if not _off(a, b):
            continue
        yield Finding(
            claims=(a, b),
            message=(f"'{a.text}' is {shown(a, b)}, but its conversion beside it, '{b.text}', is {shown(b, a)}: "
                     f"one of the two is wrong"),
            evidence={"values": [a.normalized, b.normalized], "unit": a.unit},
        )


CONVERSION_MISMATCH = Rule(
    code="QTY004",
    name="conversion-mismatch",
    family="quantity",
    severity=Severity.ERROR,
    summary="A measure and its conversion into another unit, side by side, are not the same amount.",
    doc=(
        "What it flags: a measure followed by its conversion into another unit of the same dimension, "
        "in brackets, after a slash or after 'or' ('3,200 metres (about 6,500 feet)'), whose values "
        "differ by more than rounding allows: over a tenth of the larger, or, for temperatures, "
        "over 1.5 degrees.\n"
        "Why: a conversion restates the figure beside it; a wrong factor (feet for metres, square "
        "miles for square kilometres) or a slipped digit makes one of the two wrong.\n"
        "Not flagged: conversions that agree once rounded ('2,500 metres (8,200 feet)'), differences "
        "of temperature ('warmed by 1.5C (2.7F)'), pairs of dimensions ('21 metres by 14 metres (69 "
        "feet by 46 feet)'), amounts of money (exchange rates move), two figures in the same unit.\n"
        "Example: 'extend the runway to 3,200 metres (about 6,500 feet)'."
    ),
    needs=("measure",),
    flags=(
        Example("Plans to extend the runway to 3,200 metres (about 6,500 feet) were approved on Monday."),
        Example("Satellite data showed 11,100 square kilometres (about 6,900 square miles) of forest were cleared."),
        Example("Temperatures reached 40C (114F) in Seville on Tuesday."),
    ),
    passes=(
        Example("The existing runway is 2,500 metres (8,200 feet) long."),
        Example("The convoy travelled 500 miles (805 km) in two days."),
        Example("Temperatures reached 40C (104F) in Seville on Tuesday."),
        Example("The pipeline, 1,200 km or about 750 miles long, opened in 2019."),
        Example("The planet has warmed by about 1.5C (2.7F) since the late 19th century."),
        Example("The five-layer shield, 21 metres by 14 metres (69 feet by 46 feet), keeps the instruments cold."),
    ),
    check=_mismatch,
)

RULES = (CONVERSION_MISMATCH,)
