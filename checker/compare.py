"""Same thing, or no comparison: the one policy that decides whether two claims describe
the same quantity in a compatible scope. Every reason to skip is counted in the report's
stats, so an editor can see what was not compared and why."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from .model import Claim

# Qualifiers that make a figure something other than a restatement of a total.
_NOT_A_TOTAL = {
    "change": "change over time",
    "increment": "increment, not a total",
    "partitive": "part of a set",
    "rate": None,
}


# Kinds whose claims may be compared without a named subject. Empty for now: on the
# corpus, grouping unnamed amounts by unit alone doubled the false alarms.
_UNNAMED_OK: set[str] = set()


# Each claim is compared with at most this many earlier claims of its group. Real copy
# restates a figure a handful of times; a group of hundreds is a table or an attack, and
# all-pairs over it would be quadratic.
WINDOW = 40


def group_key(c: Claim) -> tuple[str, str, str]:
    return (c.kind, c.unit, "" if c.kind in _UNNAMED_OK else c.subject)


def link(a: Claim, b: Claim, anaphora: bool) -> str | None:
    """What says that two figures restate one fact, beyond sharing a noun:
    "anaphora": b is a definite mention ("the 15,000 troops") or an elided one whose
    nearest antecedent with the same noun, within two paragraphs, is a (strong);
    "event": the same event class ("killed"); "context": two shared words around them,
    or one when either is definite (both weaker: rules ask these for more)."""
    if anaphora and b.get("definite") and b.paragraph - a.paragraph <= 2:
        return "anaphora"
    pa, pb = a.get("predicate"), b.get("predicate")
    if pa and pa == pb:
        return "event"
    shared = a.get("context", frozenset()) & b.get("context", frozenset())
    if len(shared) >= 2 or (shared and (a.get("definite") or b.get("definite"))):
        return "context"
    return None


NO_LINK = "no shared context"


def skip_reason(a: Claim, b: Claim, anaphora: bool = False) -> str | None:
    """None when a and b describe the same thing in a compatible scope."""
    if a.kind in _UNNAMED_OK:
        if a.subject and b.subject and a.subject != b.subject:
            return "different subjects"
    elif not a.subject or a.subject != b.subject:
        return "different subjects"
    if a.document == b.document and a.sentence == b.sentence and "elided" not in b.qualifiers:
        return "same sentence (a list, a range or a conversion)"
    for q, reason in _NOT_A_TOTAL.items():
        if reason and (q in a.qualifiers or q in b.qualifiers):
            return reason
    ma, mb = set(a.get("modifiers", ())), set(b.get("modifiers", ()))
    if ma and mb and not (ma & mb):
        return "different modifiers"
    how = link(a, b, anaphora)
    # A definite restatement of the nearest mention ("the 400-metre breach") names the
    # same thing whatever event words or time its sentence carries.
    pa, pb = a.get("predicate"), b.get("predicate")
    if how != "anaphora" and pa and pb and pa != pb:
        return "different events"
    if a.place and b.place and a.place != b.place:
        return "different places"
    if how != "anaphora" and a.time and b.time and a.time != b.time:
        return "different times"
    if how is None:
        return NO_LINK
    return None


class Pair(NamedTuple):
    a: Claim
    b: Claim
    link: str


def comparable_pairs(
    claims: list[Claim], kinds: set[str], skipped: Counter[str], unlinked: bool = False
) -> Iterator[Pair]:
    """Pairs (earlier, later) within each group of one kind, unit and subject: never all
    pairs over a document, so cost follows the size of the groups, not of the text.
    With `unlinked`, pairs that fail only for want of a link come with link "none"."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in kinds and (c.subject or c.kind in _UNNAMED_OK):
            groups[group_key(c)].append(c)
    for key in sorted(groups):
        members = groups[key]
        for j, b in enumerate(members):
            if j > WINDOW:
                skipped["beyond the comparison window"] += j - WINDOW
            for i in range(max(0, j - WINDOW), j):
                a = members[i]
                anaphora = j == i + 1 and a.document == b.document
                reason = skip_reason(a, b, anaphora)
                if reason is None:
                    yield Pair(a, b, link(a, b, anaphora) or "")
                elif unlinked and reason == NO_LINK:
                    # Everything agrees but nothing links them: the rule may still
                    # compare if the values themselves say "one figure" (a slip).
                    yield Pair(a, b, "none")
                else:
                    skipped[reason] += 1
