"""The rule registry: an explicit list of family modules, each exporting RULES.
Nothing registers itself at import time."""

from __future__ import annotations

from functools import cache

from . import age, arithmetic, changes, clock, conversions, date, duration, entity, quantity, state
from .base import Example, Rule, RuleContext

FAMILY_MODULES = (quantity, changes, conversions, arithmetic, age, date, clock, duration, entity, state)

__all__ = ["Example", "Rule", "RuleContext", "all_rules", "rule_by_code"]


@cache
def all_rules() -> tuple[Rule, ...]:
    rules = tuple(r for m in FAMILY_MODULES for r in m.RULES)
    codes = [r.code for r in rules]
    if len(codes) != len(set(codes)):
        raise RuntimeError(f"duplicate rule codes: {codes}")
    return tuple(sorted(rules, key=lambda r: r.code))


def rule_by_code(code: str) -> Rule | None:
    return next((r for r in all_rules() if r.code == code.upper()), None)
