"""Every rule's examples run here: a rule whose flagging example is not flagged, or whose
passing example is, fails; so does a rule with no example of either kind."""

import pytest

import checker
from checker.rules import all_rules

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples_and_doc(rule):
    assert rule.flags, f"{rule.code} has no flagging example"
    assert rule.passes, f"{rule.code} has no passing example"
    for section in ("What it flags:", "Why:", "Not flagged:", "Example:"):
        assert section in rule.doc, f"{rule.code} doc lacks {section!r}"
    assert rule.code[:3].isalpha() and rule.code[:3].isupper() and rule.code[3:].isdigit() and len(rule.code) == 6


CASES = [(r, "flag", i) for r in RULES for i in range(len(r.flags))] + [
    (r, "pass", i) for r in RULES for i in range(len(r.passes))
]


@pytest.mark.parametrize("rule,kind,i", CASES, ids=lambda x: getattr(x, "code", str(x)))
def test_rule_example(rule, kind, i):
    example = (rule.flags if kind == "flag" else rule.passes)[i]
    report = checker.check(example.as_documents())
    hits = [c for c in report.conflicts if c.rule == rule.code]
    if kind == "flag":
        assert hits, f"{rule.code} should flag: {example.as_documents()}"
        for c in hits:
            assert len(c.claims) >= 2
            assert c.severity == min(rule.severity, c.severity)
    else:
        assert not hits, f"{rule.code} should pass: {[c.message for c in hits]}"


def test_codes_are_unique_and_sorted():
    codes = [r.code for r in RULES]
    assert codes == sorted(set(codes))
