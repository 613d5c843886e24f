"""Arithmetic family: parts that add up to more than their whole, and shares of one
whole that add up to more than 100%."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim, Finding, Severity
from .base import Example, Rule, RuleContext

_PART_CUE = re.compile(
    r"[^.;:]{0,40}?\b(?:including|among[ \t]+them|among[ \t]+whom|of[ \t]+whom|of[ \t]+them|of[ \t]+which|of[ \t]+those)\b",
    re.I,
)
_NEXT_CUE = re.compile(r"^\W*(?:among[ \t]+them|of[ \t]+them|of[ \t]+those|they[ \t]+included|the[ \t]+dead[ \t]+included|the[ \t]+victims[ \t]+included)\b", re.I)
_SUPPORT = re.compile(r"[ \t]*(?:of[ \t]+(?:respondents|voters|those[ \t]+polled|people|adults)[ \t]+)?(?:said[ \t]+they[ \t]+)?(?P<s>backed|back|supported|support|favoured|favored|favour|favor|were[ \t]+in[ \t]+favou?r|approved|approve|were[ \t]+for|opposed|oppose|were[ \t]+against|are[ \t]+against|against|rejected|reject|disapproved|disapprove|were[ \t]+undecided|undecided|were[ \t]+unsure|unsure|did[ \t]+not[ \t]+know|had[ \t]+no[ \t]+opinion)\b", re.I)
_STANCE = {"back": "for", "support": "for", "favour": "for", "favor": "for", "approve": "for", "in favour": "for", "for": "for",
           "oppose": "against", "against": "against", "reject": "against", "disapprove": "against",
           "undecided": "undecided", "unsure": "undecided", "not know": "undecided", "no opinion": "undecided"}


def _stance(text: str, c: Claim) -> str | None:
    m = _SUPPORT.match(text, c.end)
    if not m:
        return None
    word = m.group("s").lower()
    for key, stance in _STANCE.items():
        if key in word:
            return stance
    return None


def _parts_of(ctx: RuleContext, whole: Claim, counts: list[Claim]) -> list[Claim]:
    text = ctx.documents[whole.document].text
    same_doc = [c for c in counts if c.document == whole.document and c.start >= whole.end]
    m = _PART_CUE.match(text, whole.end)
    if m:
        return [c for c in same_doc if c.sentence == whole.sentence and c.start >= m.end()]
    nxt = [c for c in same_doc if c.sentence == whole.sentence + 1]
    if nxt:
        sent_start = min(c.start for c in nxt)
        head = text[max(whole.end, sent_start - 60) : sent_start]
        tail = re.split(r"[.!?]\s+", head)[-1]
        if _NEXT_CUE.match(tail):
            return nxt
    return []


def _part_exceeds(ctx: RuleContext) -> Iterator[Finding]:
    counts = ctx.of_kind("count")
    for whole in counts:
        if whole.value is None or "change" in whole.qualifiers:
            continue
        parts = [p for p in _parts_of(ctx, whole, counts) if p.value is not None and "vague" not in p.qualifiers]
        if not parts:
            continue
        low = sum(p.value.lo for p in parts if p.value)
        if low > whole.value.hi:
            listed = " + ".join(f"'{p.text}'" for p in parts)
            yield Finding(
                claims=(whole, *parts),
                message=(
                    f"'{whole.text}' ({whole.normalized}) is the whole, but its parts {listed} "
                    f"add up to {low:,.0f}"
                ),
                evidence={"whole": whole.normalized, "parts": [p.normalized for p in parts], "sum": low},
            )


def _shares_exceed(ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str, str | None, str | None], dict[str, Claim]] = defaultdict(dict)
    for c in ctx.of_kind("percent"):
        if c.unit != "%" or "change" in c.qualifiers or c.value is None:
            continue
        stance = _stance(ctx.documents[c.document].text, c)
        if stance is None:
            continue
        key = (c.document, c.subject, c.time, c.source)
        groups[key].setdefault(stance, c)
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] or "", k[3] or "")):
        shares = sorted(groups[key].values(), key=lambda c: c.start)
        if len(shares) < 2:
            continue
        low = sum(c.value.lo for c in shares if c.value)
        if low > 100.0:
            listed = " + ".join(f"'{c.text}'" for c in shares)
            yield Finding(
                claims=tuple(shares),
                message=f"shares of one whole add up to more than 100%: {listed} = {low:g}%",
                evidence={"shares": [c.normalized for c in shares], "sum": low},
            )


PART_EXCEEDS_WHOLE = Rule(
    code="ARI001",
    name="part-exceeds-whole",
    family="arithmetic",
    severity=Severity.ERROR,
    summary="Parts listed for a total add up to more than the total.",
    doc=(
        "What it flags: a count followed by its parts ('including', 'among them', 'of whom') "
        "whose lower bounds add up to more than the count allows.\n"
        "Why: a casualty or vote breakdown that does not add up is a factual error readers catch.\n"
        "Not flagged: parts that add up to less than the whole (the rest may be unlisted), vague "
        "parts ('dozens of'), totals that change over time.\n"
        "Example: 'Nine people died, among them four police officers and six civilians.'"
    ),
    needs=("count",),
    flags=(Example("Nine people died, among them four police officers and six civilians."),),
    passes=(
        Example("Nine people died, among them four police officers and five civilians."),
        Example("Twelve people died, including three children."),
    ),
    check=_part_exceeds,
)

SHARES_EXCEED = Rule(
    code="ARI002",
    name="shares-exceed-whole",
    family="arithmetic",
    severity=Severity.ERROR,
    summary="Shares of one whole (for, against, undecided) add up to more than 100%.",
    doc=(
        "What it flags: percentages of one poll or vote taking different sides ('backed', "
        "'opposed', 'undecided') in the same document, scope and source, summing above 100%.\n"
        "Why: 61% for and 47% against cannot both be true of one group.\n"
        "Not flagged: shares from different sources, times or wholes; shares that sum to 100% "
        "or less; changes ('support rose to 61%').\n"
        "Example: '61% backed the plan ... 47% were against it'."
    ),
    needs=("percent",),
    flags=(Example("In the poll, 61% backed the plan. Another finding: 47% were against it."),),
    passes=(Example("In the poll, 61% backed the plan, while 34% were against it and 5% were undecided."),),
    check=_shares_exceed,
)

RULES = (PART_EXCEEDS_WHOLE, SHARES_EXCEED)
