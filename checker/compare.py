"""Same thing, or no comparison: the one policy that decides whether two claims describe
the same quantity in a compatible scope. Every reason to skip is counted in the report's
stats, so an editor can see what was not compared and why."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from .model import Claim

# Qualifiers that make a figure something other than a restatement of a total.
_NOT_A_TOTAL = {
    "change": "change over time",
    "increment": "increment, not a total",
    "partitive": "part of a set",
    "rate": None,
}


def group_key(c: Claim) -> tuple[str, str, str]:
    return (c.kind, c.unit, c.subject)


def skip_reason(a: Claim, b: Claim) -> str | None:
    """None when a and b describe the same thing in a compatible scope."""
    if not a.subject or a.subject != b.subject:
        return "different subjects"
    if a.document == b.document and a.sentence == b.sentence:
        return "same sentence (a list, a range or a conversion)"
    for q, reason in _NOT_A_TOTAL.items():
        if reason and (q in a.qualifiers or q in b.qualifiers):
            return reason
    ma, mb = set(a.get("modifiers", ())), set(b.get("modifiers", ()))
    if ma and mb and not (ma & mb):
        return "different modifiers"
    pa, pb = a.get("predicate"), b.get("predicate")
    if pa and pb and pa != pb:
        return "different events"
    if a.place and b.place and a.place != b.place:
        return "different places"
    if a.time and b.time and a.time != b.time:
        return "different times"
    if (a.place is None) != (b.place is None) and (a.time is None) != (b.time is None):
        return "scope stated for one claim only"
    return None


def comparable_pairs(
    claims: list[Claim], kinds: set[str], skipped: Counter[str]
) -> Iterator[tuple[Claim, Claim]]:
    """Pairs (earlier, later) within each group of one kind, unit and subject: never all
    pairs over a document, so cost follows the size of the groups, not of the text."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in kinds and c.subject:
            groups[group_key(c)].append(c)
    for key in sorted(groups):
        members = groups[key]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                reason = skip_reason(a, b)
                if reason is None:
                    yield a, b
                else:
                    skipped[reason] += 1
