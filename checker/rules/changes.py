"""Quantity family, changes: one change of one thing stated twice with amounts that
cannot both be true ("shares fell 12% on Thursday" ... "the stock's 21% slide")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import lexical
from ..compare import STRONG, WEAK, WINDOW, Identity
from ..extract.changes import ChangeOf
from ..model import Claim, Finding, Severity
from .base import Example, Rule, RuleContext
from .quantity import CROWDED
from .values import distinctive, likely_cause, shown

# A later mention that names its thing with fewer words ("prices" after "house prices")
# restates it this far, in paragraphs, and no further, as a definite figure does
# (compare.py); a change noun that names no thing at all points back to the nearest change
# that agrees with it, however far, and only a slip confirms that.
ANAPHORA_PARAGRAPHS = 2
# Words of a time phrase that make it a baseline, not the time of the change.
_RELATIVE = frozenset({"earlier", "ago", "before", "previous", "prior"})
# Figures a change is not a restatement of: a projection, a row of a table, one of a list
# each of its own thing, an increment, a part, a rate, a vague amount.
_SET_APART = frozenset({"unasserted", "tabular", "respectively", "increment", "partitive", "rate", "vague"})


def _change(c: Claim) -> ChangeOf | None:
    ch = c.get("change")
    return ch if isinstance(ch, ChangeOf) and ch.direction and c.value is not None else None


def _changes(ctx: RuleContext) -> list[Claim]:
    # (a length of time before a word of change, "its worst one-day drop", is no amount of it)
    out = [c for c in ctx.of_kind("count", "measure", "money", "percent")
           if _change(c) is not None and not (c.qualifiers & _SET_APART) and c.unit != "[time]"]
    return sorted(out, key=lambda c: c.sort_key())


def _same_thing(x: ChangeOf, y: ChangeOf) -> bool:
    return x.thing == y.thing or lexical.synonyms(x.thing, y.thing, "n")


def _identity(ctx: RuleContext, a: Claim, b: Claim, antecedent: Claim | None,
              kinds: dict[tuple[str, str], set[tuple[str, ...]]]) -> Identity | str:
    """How surely a and b (a first) are amounts of one change, or why they are not
    compared. antecedent: the change b points back to when it names no thing; kinds: the
    narrowed kinds of each thing each document has changed ("import price index")."""
    ca, cb = _change(a), _change(b)
    assert ca is not None and cb is not None
    if ca.direction != cb.direction:
        return "changes in opposite directions"  # the state rules' business
    if not _periods_agree(ca, cb):
        return "changes over different periods ('0.4% on the month', '3.1% from a year earlier')"
    if a.place and b.place and a.place != b.place:
        return "different places"
    if a.time and b.time and a.time != b.time:
        return "different times"
    if a.document != b.document:
        pa, pb = ctx.documents[a.document].published, ctx.documents[b.document].published
        if pa and pb and pa != pb:
            return "changes told in stories of different days"  # "fell 12% on Thursday" is each day's own
    ha, hb = a.get("holder", "") or ca.holder, b.get("holder", "") or cb.holder
    if ha and hb and ha != hb and not lexical.synonyms(ha, hb, "n"):
        return "changes of different holders"
    xa, xb = a.get("agent", ""), b.get("agent", "")
    if xa and xb and xa != xb and not ca.noun and not cb.noun:
        return "changes made by different actors"  # "the Fed raised rates by 25bp", "the ECB by 50bp"
    if ca.thing and cb.thing:
        if not _same_thing(ca, cb):
            return "changes of different things"
        pa_, pb_ = set(ca.thing_phrase), set(cb.thing_phrase)
        if pa_ and pb_ and not (pa_ <= pb_ or pb_ <= pa_):
            # "output of consumer durables", "output of construction supplies"
            return "changes of different kinds of one thing"
        if set(cb.thing_words) - set(ca.thing_words):
            return "a later change of a narrower thing ('prices', 'food prices')"
        if set(ca.thing_words) - set(cb.thing_words) and a.document == b.document and b.paragraph - a.paragraph > ANAPHORA_PARAGRAPHS:
            return "a narrower thing's change, far from the later mention"
        if (not ca.thing_phrase or not cb.thing_phrase) and (len(kinds.get((a.document, ca.thing), ())) > 1
                                                            or len(kinds.get((b.document, cb.thing), ())) > 1):
            # "the import price index ... the domestic price index ... the index was down
            # 6.7%": a bare mention among several kinds of the thing may be any of them
            return "a bare mention of a thing the copy names in several kinds"
        # the same stated time: a baseline read as one ("from a year earlier") dates nothing
        timed = bool(a.time and a.time == b.time and not set(a.time.split()) & _RELATIVE)
        if ca.thing == cb.thing and ca.thing_phrase == cb.thing_phrase and set(ca.periods) == set(cb.periods) and timed:
            return Identity(STRONG, f"the same change ({ca.thing} {ca.direction}, {a.time})")
        return Identity(WEAK, f"a change of {ca.thing}")
    if cb.thing or not (cb.noun and cb.definite) or antecedent is not a:
        return "the thing that changes is not named"
    # "the 21% slide" names no thing: which change it restates is the copy's nearest, a
    # guess that only a slip in the figures confirms
    return Identity(WEAK, f"a definite restatement of the nearest change ({ca.thing or ca.word} {ca.direction})")


def _periods_agree(x: ChangeOf, y: ChangeOf) -> bool:
    """Over one period, or a period said of only one of them."""
    return not (x.periods and y.periods and not set(x.periods) & set(y.periods))


def _contradictions(ctx: RuleContext) -> Iterator[tuple[Claim, Claim, Identity, str | None]]:
    changes = _changes(ctx)
    crowd = Counter((c.document, c.kind, c.unit) for c in changes)
    kinds: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for c in changes:
        ch = _change(c)
        if ch is not None and ch.thing and ch.thing_phrase:
            kinds.setdefault((c.document, ch.thing), set()).add(ch.thing_phrase)
    seen: dict[tuple[str, str], list[Claim]] = {}  # the changes so far, per kind and unit
    for b in changes:
        cb = _change(b)
        assert cb is not None and b.value is not None
        group = seen.setdefault((b.kind, b.unit), [])
        # the last WINDOW of its kind and unit outside its sentence: a restatement is near,
        # and all pairs over a long table of changes would be quadratic
        earlier: list[Claim] = []
        for a in reversed(group):
            if len(earlier) == WINDOW:
                break
            if not (a.document == b.document and a.sentence == b.sentence):
                earlier.append(a)
        earlier.reverse()
        group.append(b)
        # the changes a change noun without a thing may restate: its own story's, the same way,
        # over a period that agrees, at no other time or place
        same_way = [a for a in earlier if a.document == b.document and _change(a).direction == cb.direction  # type: ignore[union-attr]
                    and _periods_agree(_change(a), cb)  # type: ignore[arg-type]
                    and not (a.time and b.time and a.time != b.time) and not (a.place and b.place and a.place != b.place)]
        antecedent = same_way[-1] if same_way else None
        # a figure that repeats an earlier change's amount names that change: it restates
        # none of the others
        named = same_way if not cb.thing else [a for a in earlier if _change(a).thing and _same_thing(_change(a), cb)]  # type: ignore[union-attr, arg-type]
        if any(a.value is not None and a.value.overlaps(b.value) for a in named):
            continue
        for a in reversed(earlier):
            got = _identity(ctx, a, b, antecedent, kinds)
            if isinstance(got, str):
                ctx.skipped[got] += 1
                continue
            assert a.value is not None
            if a.value.overlaps(b.value):
                continue
            cause = likely_cause(a, b)
            if got.strength == WEAK:
                if cause is None or cause == "one digit differs" or not distinctive(a, b):
                    ctx.skipped["weak identity and values differ but not by a slip"] += 1
                    continue
                if max(crowd[(a.document, a.kind, a.unit)], crowd[(b.document, b.kind, b.unit)]) > CROWDED:
                    ctx.skipped["weak identity: a slip pattern among many changes of one unit is chance"] += 1
                    continue
            yield a, b, got, cause
            break


def _mismatch(ctx: RuleContext) -> Iterator[Finding]:
    for a, b, ident, cause in _contradictions(ctx):
        cb = _change(b)
        assert cb is not None
        sure = ident.strength == STRONG
        yield Finding(
            claims=(a, b),
            message=(
                f"'{a.text}' ({shown(a, b)}) vs '{b.text}' ({shown(b, a)}): two amounts for the same "
                f"change ({ident.why})" + (f"; {cause}" if cause else "")
            ),
            evidence={
                "values": [a.normalized, b.normalized],
                "intervals": [[a.value.lo, a.value.hi], [b.value.lo, b.value.hi]] if a.value and b.value else [],
                "unit": a.unit,
                "direction": cb.direction,
                "cause": cause,
                "identity": ident.strength,
                "identity_why": ident.why,
            },
            max_severity=None if sure else Severity.WARNING,
        )


CHANGE_MISMATCH = Rule(
    code="QTY003",
    name="change-mismatch",
    family="quantity",
    severity=Severity.ERROR,
    summary="One change of one thing is given two amounts that cannot both be true.",
    doc=(
        "What it flags: two amounts of change ('rose 7%', 'a 7% rise', '1.3% higher', 'down 3.8%') "
        "that move the same thing the same way over the same period, whose values do not overlap. "
        "The thing is what the verb's subject or object, the change noun's 'in' or 'of' phrase, or "
        "the comparative's subject names; a change noun that names none ('the 21% slide') restates "
        "the nearest change of its direction and unit before it.\n"
        "Why: a change restated with swapped digits or another figure is as much a slip as a level "
        "restated wrongly, and levels and changes are never compared with each other.\n"
        "Not flagged: changes of different things, holders or actors, in opposite directions, over "
        "different periods ('0.4% on the month', '3.1% from a year earlier'), at different times or "
        "places, in one sentence, of a narrower thing ('prices', 'food prices'), forecasts; a later "
        "amount that repeats an earlier change names that change. With the thing, time and period "
        "all the same, any disagreement is an error; otherwise only a slip (swapped digits, a "
        "factor of ten), as a warning.\n"
        "Example: 'Revenue rose 7% in 2024' ... 'revenue rose 9% in 2024'."
    ),
    needs=("count", "measure", "money", "percent"),
    flags=(
        Example("Kestrel Foods said its revenue rose 7% in 2024. Revenue rose 9% in 2024, the company said."),
        Example("Shares in Solvera fell 12% on Thursday after a profit warning. The stock's 21% slide wiped "
                "4 billion francs off its market value."),
        # a change noun with no thing restates the nearest change that agrees with it, here
        # over a month; the swapped digits confirm it
        Example("Outbound shipments were worth 14.2 billion crowns in May, down 3.8% from April. Imports rose "
                "2.2% from a year earlier. Unions blamed the 8.3% monthly decline on energy costs."),
        Example("Compared with the third quarter of last year, production was 1.3% higher. Even so, "
                "year-on-year growth of 3.1% leaves industrial output below its peak."),
    ),
    passes=(
        # two things
        Example("Sales rose 5% in 2024. Profit rose 12% in 2024."),
        # a narrower thing
        Example("Prices rose 2.1% in May. Food prices rose 4.5% in May."),
        # two periods
        Example("Consumer prices rose 0.4% on the month in May. Prices were 3.1% higher than a year earlier."),
        # two times
        Example("Shares fell 12% on Thursday. They fell 21% on Friday."),
        # a change noun repeating one of two earlier changes names that one
        Example("Sales rose 5% and profit rose 12% in the year. The 12% increase was the largest since 2019."),
        # a forecast against the outcome
        Example("Economists had expected growth of 0.3%. The economy grew 0.5% in the quarter."),
    ),
    check=_mismatch,
)

RULES = (CHANGE_MISMATCH,)
