"""Properties of conversions (QTY004): a measure converted correctly and rounded as
reporters round never conflicts; one converted with the wrong factor always does."""

from hypothesis import given, settings
from hypothesis import strategies as st

import checker

# (unit written first, unit of its conversion, how many of the second make one of the first,
# a wrong factor a writer might use instead)
PAIRS = [
    ("kilometres", "miles", 0.621371, 1.0),
    ("metres", "feet", 3.28084, 1.0),
    ("miles", "kilometres", 1.609344, 1.0),
    ("kilograms", "pounds", 2.20462, 1.0),
    ("square kilometres", "square miles", 0.386102, 1.0),
]


def _round(x: float) -> str:
    """As a reporter rounds a conversion: to two or three significant figures."""
    digits = 3 if x >= 100 else 2
    s = f"{x:.{digits}g}"
    value = float(s)
    return f"{value:,.0f}" if value >= 10 else f"{value:g}"


def _conflicts(text: str) -> list:
    return [c for c in checker.check([{"id": "t", "text": text}]).conflicts if c.rule == "QTY004"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PAIRS), st.integers(min_value=12, max_value=9_000))
def test_a_right_conversion_never_conflicts(pair, n):
    first, second, factor, _ = pair
    text = f"The route is {n:,} {first} ({_round(n * factor)} {second}) long, officials said."
    assert _conflicts(text) == [], text


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PAIRS), st.integers(min_value=12, max_value=9_000))
def test_a_conversion_with_the_wrong_factor_always_conflicts(pair, n):
    first, second, _, wrong = pair
    text = f"The route is {n:,} {first} ({_round(n * wrong)} {second}) long, officials said."
    assert len(_conflicts(text)) == 1, text
