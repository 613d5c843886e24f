"""Quantity family: one amount, count, measure, price or share stated twice with values
that cannot both be true."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Severity
from .base import Example, Rule, RuleContext
from .values import likely_cause, shown

_KIND_LABEL = {"count": "count", "measure": "measurement", "money": "amount", "percent": "percentage"}


def _mismatch(ctx: RuleContext) -> Iterator[Finding]:
    reported: set[tuple[str, int]] = set()
    for a, b in ctx.pairs("count", "measure", "money", "percent"):
        assert a.value is not None and b.value is not None
        if a.value.overlaps(b.value):
            continue
        if (b.document, b.start) in reported:
            continue  # one finding per restatement: against its first contradiction
        reported.add((b.document, b.start))
        cause = likely_cause(a, b)
        what = _KIND_LABEL[b.kind]
        msg = (
            f"'{a.text}' ({shown(a, b)}) vs '{b.text}' ({shown(b, a)}): "
            f"two values for the same {what} ({b.subject})"
            + (f"; {cause}" if cause else "")
        )
        yield Finding(
            claims=(a, b),
            message=msg,
            evidence={
                "values": [a.normalized, b.normalized],
                "intervals": [[a.value.lo, a.value.hi], [b.value.lo, b.value.hi]],
                "unit": a.unit,
                "subject": b.subject,
                "cause": cause,
            },
        )


MISMATCH = Rule(
    code="QTY001",
    name="quantity-mismatch",
    family="quantity",
    severity=Severity.ERROR,
    summary="The same quantity is given two values that cannot both be true.",
    doc=(
        "What it flags: two counts, measures, amounts of money or percentages about the same "
        "thing (same counted noun or measured property, same event, compatible place and time) "
        "whose values do not overlap once units, scale words and qualifiers are normalized.\n"
        "Why: a figure restated with a slipped digit, scale word or unit is the error editors "
        "miss most often.\n"
        "Not flagged: different places or times, changes over time, increments ('another 10'), "
        "parts of a set ('three of the nine'), values within the stated precision ('about 1,000' "
        "and 1,020), conversions in the same sentence ('500 miles (805 km)'), different currencies.\n"
        "Example: 'a 200-kilometre front' ... 'the 200-mile front'."
    ),
    needs=("count", "measure", "money", "percent"),
    flags=(
        Example("Russia withdrew 1,500 troops from the front. Analysts said the 15,000 troops withdrawn would not be enough."),
        Example("The brigade holds a 200-kilometre front. Commanders say the 200-mile front is stretched thin."),
        Example("The bank approved a €2.5 billion loan on Tuesday. Critics said the €250 million loan came too late."),
    ),
    passes=(
        Example("The convoy travelled 500 miles (805 km). The 805-kilometre journey took two days."),
        Example("About 1,000 people attended. Organisers later counted 1,020 people."),
        Example("Shelling hit 12 villages in Sumy. In Kharkiv, 30 villages were hit."),
        Example("On Monday officials counted 40 bodies. By Friday the count reached 65 bodies."),
        Example("At least 12 people were killed and 40 people were injured in the attack."),
    ),
    check=_mismatch,
)

RULES = (MISMATCH,)
