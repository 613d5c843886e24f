"""Linear time as a tested property: for every family of hostile input, the whole engine's
cost grows with the text, not with its square.

No absolute time is asserted (the machine may be busy). Each family is checked at two
sizes in the same run, and the cost (CPU time of this process, the better of two runs)
of four times the text must stay under six times the cost: linear work gives four,
quadratic work sixteen. benchmarks/bench_adversarial.py prints the same families at 20 KB
and 200 KB against the seed article's cost per character.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from adversarial_families import ADVERSARIAL_FAMILIES

import checker

ENGINE = checker.default_engine()
SMALL = 5_000
GROWTH = 4
LIMIT = 6.0


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        began = time.process_time()
        report = ENGINE.check([{"id": "a", "text": text, "published": "2024-08-14"}])
        best = min(best, time.process_time() - began)
        assert report.errors == ()
    return best


@pytest.mark.parametrize("name", sorted(ADVERSARIAL_FAMILIES))
def test_cost_grows_linearly(name: str) -> None:
    make: Callable[[int], str] = ADVERSARIAL_FAMILIES[name]
    small, big = make(SMALL), make(SMALL * GROWTH)
    _cost(small)  # warm every lazily built table first
    a, b = _cost(small), _cost(big)
    ratio = b / max(a, 1e-4)
    if ratio >= LIMIT:  # measure once more before blaming the code for a busy moment
        a2, b2 = _cost(small), _cost(big)
        if b2 / max(a2, 1e-4) < ratio:
            a, b, ratio = a2, b2, b2 / max(a2, 1e-4)
    # Below 30 ms the clock's grain dominates: both sizes are too cheap to be quadratic.
    assert b < 0.03 or ratio < LIMIT, f"{name}: {a:.3f}s at {len(small):,} chars, {b:.3f}s at {len(big):,} ({ratio:.1f}x)"
