"""Time family, weak tier: two clock times an hour apart to the minute, where the copy does
not say they are one event. The slip pattern is the evidence, as a transposed figure is
for quantities (QTY002): "9:40 p.m." retyped as "10:40 p.m." after a zone or summer-time
mix-up keeps its odd minutes. Events of one story at odd minutes exactly an hour apart are
rare; round minutes (":00", ":30") are how schedules are written, and are never read so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..compare import participants_differ, same_event
from ..model import Claim, Finding, Interval, Severity
from .base import Example, Rule, RuleContext
from .date import _MANY, _comparable, _done_and_to_come, _names_which, _one_of_many, circular_overlap

# Minutes that schedules and round-hour events share: an hour apart at these is a
# timetable, not a slip.
_ROUND_MINUTES = frozenset({"00", "30"})
# At most this many clock times in a document for the pattern to tell: a timeline of a
# dozen times has many pairs, and two of them an hour apart by chance.
CROWDED = 8
# Hour gaps a retyping makes: a zone or summer-time slip (one hour), a.m. for p.m. (twelve).
_SLIP_HOURS = frozenset({1, 12})


def _clock(c: Claim) -> tuple[int, str] | None:
    written = str(c.get("clock") or "")
    hh, _, mm = written.partition(":")
    if not (hh.isdigit() and mm.isdigit()) or c.get("granularity") != "minute":
        return None
    return int(hh), mm


def _hour_gap(a: tuple[int, str], b: tuple[int, str]) -> int:
    d = abs(a[0] - b[0]) % 24
    return min(d, 24 - d)


def _slipped_times(ctx: RuleContext) -> Iterator[Finding]:
    per_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.of_kind("time"):
        if c.value is not None and _clock(c) is not None:
            per_doc[c.document].append(c)
    calm: list[Claim] = []
    for doc in sorted(per_doc):
        times = per_doc[doc]
        if len(times) > CROWDED:
            # decided once per document, before any pair: a timeline is never paired
            ctx.skipped["time: slips not sought among many times of day"] += 1
            continue
        calm += times
    # the stories of one check together: yesterday's "left the rails at 06:40" and
    # today's "the 7.40am derailment"
    yield from _slips_in(ctx, sorted(calm, key=lambda c: c.sort_key()))


def _slips_in(ctx: RuleContext, times: list[Claim]) -> Iterator[Finding]:
    clocks = [_clock(c) for c in times]
    for i, b in enumerate(times):
        cb = clocks[i]
        for a, ca in zip(times[:i], clocks[:i], strict=True):
            assert ca is not None and cb is not None
            if ca[1] != cb[1] or ca[1] in _ROUND_MINUTES or _hour_gap(ca, cb) not in _SLIP_HOURS:
                continue
            if a.get("zone") != b.get("zone") or a.get("local") != b.get("local"):
                continue  # "8:25 p.m. local time" and "7:25 p.m. GMT": a conversion
            if same_event(a, b) is not None and _one_of_many(a, b) is None:
                continue  # one event by the copy's own words: TIM001 decides it
            # the time before a noun ("the 10:40 p.m. attack") says when, not which of several
            many = any(test(a, b) for test, _ in _MANY if test is not _names_which)
            if many or participants_differ(a, b) is not None:
                ctx.skipped["time: an hour apart but two events by the copy's words"] += 1
                continue
            if _done_and_to_come(ctx, a, b) or not _comparable(a, b, ctx):
                continue
            gap = _hour_gap(ca, cb)
            yield Finding(
                # "1:34 p.m. EDT (1734 GMT)": the time the conversion restates is named too
                claims=(*_converted_from(a, times), a, b),
                message=(
                    f"'{a.text}' ({a.normalized}) and '{b.text}' ({b.normalized}) are "
                    f"{gap} hour{'s' if gap > 1 else ''} apart to the minute: "
                    "one time written two ways? Check which is right"
                ),
                evidence={"values": [a.normalized, b.normalized], "cause": "an hour apart, same minutes"},
                max_severity=Severity.WARNING,
            )
            break  # one finding per later time, against the first it slips from


def _converted_from(a: Claim, times: list[Claim]) -> tuple[Claim, ...]:
    """The time in a's sentence, in another zone, that a converts (the same instant)."""
    assert a.value is not None
    return tuple(c for c in times if c is not a and c.sentence == a.sentence and c.get("zone") != a.get("zone")
                 and c.get("zoned") and a.get("zoned") and c.value is not None and c.value.overlaps(a.value))[:1]


SLIPPED_TIME = Rule(
    code="TIM002",
    name="slipped-time",
    family="time",
    severity=Severity.WARNING,
    summary="Two times of day an hour (or twelve hours) apart to the minute, at odd minutes.",
    doc=(
        "What it flags: two clock times in one document, or in two documents of one check, with "
        "the same minutes, not ':00' or "
        "':30', exactly one or twelve hours apart, in different sentences and the same zone, "
        "where the copy does not name two different events for them.\n"
        "Why: a time retyped after a zone or summer-time mix-up, or with a.m. for p.m., keeps "
        "its minutes; the copy often names the event differently each time ('the strike', "
        "'the attack'), so the event words alone do not tie the two.\n"
        "Not flagged: round minutes (timetables), times in one sentence (conversions), different "
        "zones, times on different days, bounds ('by 10:40 p.m.'), a document with more than "
        "eight times of day, times the copy gives to different events or participants.\n"
        "Example: 'the strike at 9:40 p.m. killed a commander' ... 'the 10:40 p.m. attack'."
    ),
    needs=("time",),
    flags=(
        Example("A drone strike at 9:40 p.m. killed a field commander in Bint Jbeil. Residents said the "
                "10:40 p.m. attack shook buildings across the town."),
        Example("The ferry docked at 6:15 a.m., port officials said. Dockworkers began unloading the cargo "
                "soon after the 7:15 a.m. arrival."),
    ),
    passes=(
        Example("The first train left at 6:00 a.m. The second left at 7:00 a.m."),
        Example("The vote took place at 8:25 p.m. local time (7:25 p.m. GMT)."),
        Example("A drone strike at 9:40 p.m. killed a commander. A second strike at 10:40 p.m. hit a depot."),
    ),
    check=_slipped_times,
)

def _utc(c: Claim) -> Interval | None:
    """A time of day in UTC minutes: a zoned one as it is, a local one where the story's
    places say which clock (checker/extract/dates.py), else None."""
    if c.get("zoned"):
        return c.value
    lo, hi = c.get("utc_lo"), c.get("utc_hi")
    return None if lo is None or hi is None else Interval(float(lo), float(hi))


def _out_of_season(ctx: RuleContext, a: Claim, b: Claim) -> tuple[str, bool] | None:
    """For a conversion between a zone abbreviation and another time: whether it fits once
    the abbreviation is read as its region's clock that day ("17:45 CET (1545 GMT)" in
    July, when central Europe keeps CEST). None when no abbreviation names a region."""
    import datetime as dt

    from .. import zones
    from ..extract.calendar import lex

    for x, y in ((a, b), (b, a)):
        region = lex().zone_regions.get(str(x.get("zone") or ""))
        if region is None or x.value is None:
            continue
        published = getattr(ctx.documents.get(x.document), "published", None)
        day = x.get("day") or (published.toordinal() if isinstance(published, dt.date) else None)
        off = zones.offset_on(region, int(day)) if day is not None else None
        uy = _utc(y)
        if off is None or uy is None:
            return region, False
        clock = x.get("clock") or ""
        hh, _, mm = str(clock).partition(":")
        if not (hh.isdigit() and mm.isdigit()):
            return region, False
        ux = Interval(int(hh) * 60 + int(mm) - off, int(hh) * 60 + int(mm) - off)
        return region, circular_overlap(ux, uy)
    return None


def _hm(x: float) -> str:
    m = int(x) % 1440
    return f"{m // 60:02d}:{m % 60:02d}"


def _bad_conversions(ctx: RuleContext) -> Iterator[Finding]:
    by_start = {(c.document, c.start): c for c in ctx.of_kind("time")}
    for b in ctx.of_kind("time"):
        if b.get("converts") is None:
            continue
        a = by_start.get((b.document, b.get("converts")))
        if a is None:
            continue
        ua, ub = _utc(a), _utc(b)
        if ua is None or ub is None:
            ctx.skipped["time: a conversion from local time where the place is not known"] += 1
            continue
        if circular_overlap(ua, ub):
            continue
        season = _out_of_season(ctx, a, b)
        if season is not None and season[1]:
            ctx.skipped["time: a zone label out of season ('CET' in summer), the conversion fits the clock"] += 1
            continue
        local = next((x for x in (a, b) if not x.get("zoned")), None)
        where = f"local time in {str(local.get('place')).title()}" if local is not None else ""
        yield Finding(
            claims=(a, b),
            message=(f"'{a.text}' is {_hm(ua.lo)} UTC{' (' + where + ')' if where and local is a else ''}, "
                     f"but the conversion beside it says '{b.text}' ({_hm(ub.lo)} UTC"
                     f"{', ' + where if where and local is b else ''})"),
            evidence={"utc": [_hm(ua.lo), _hm(ub.lo)], "place": local.get("place") if local is not None else None},
            # the place of a local time is inferred from the places the story names, which
            # may not be where the clock was; two named zones are the copy's own arithmetic
            max_severity=Severity.WARNING if local is not None else None,
        )


BAD_CONVERSION = Rule(
    code="TIM003",
    name="time-conversion-mismatch",
    family="time",
    severity=Severity.ERROR,
    summary="A time and its conversion to another zone, side by side, are not the same moment.",
    doc=(
        "What it flags: a time of day followed by its conversion in brackets or after 'or' "
        "('17:45 CET (1545 GMT)', '10pm local time (1300 GMT)') when the two are different "
        "moments: zones by their abbreviations, 'local time' by the places the story names "
        "(with its dateline), when they all keep one clock that day, summer time included "
        "(the tz database). A local time's place is inferred, so those findings are warnings.\n"
        "Why: a conversion restates the time; if it is wrong, one of the two is.\n"
        "Not flagged: a local time whose place is unknown, named only by a dateline (often a "
        "bureau's) or set in a place the tz database does not know, or a story naming places "
        "on different clocks (counted in the report's stats); conversions that agree, also "
        "once a zone abbreviation is read as its region's clock that day ('CET' kept in "
        "summer, when the clock is CEST).\n"
        "Example: 'The storm made landfall in the Philippines at 10pm local time (1300 GMT)' "
        "(the Philippines are UTC+8: 1400 GMT)."
    ),
    needs=("time",),
    flags=(
        Example("The jet began its take-off roll at 17:45 CET (1545 GMT) when the crew rejected the departure.",
                published="2025-02-14"),
        Example("MANILA (Reuters) - The storm made landfall in the Philippines at 10pm local time (1300 GMT).",
                published="2024-10-03"),
    ),
    passes=(
        Example("The jet began its take-off roll at 17:45 CET (1645 GMT) when the crew rejected the departure.",
                published="2025-02-14"),
        # "CET" kept in July, when central Europe is on CEST: a label out of season
        Example("The jet began its take-off roll at 17:45 CET (1545 GMT) when the crew rejected the departure.",
                published="2025-07-14"),
        Example("MANILA (Reuters) - The storm made landfall in the Philippines at 10pm local time (1400 GMT).",
                published="2024-10-03"),
        # summer time: Istanbul keeps UTC+3, London is UTC+1 in July
        Example("The ship ran aground off Istanbul at 5.40am local time (0240 GMT).", published="2024-07-03"),
        Example("The blaze in London began at 9.15pm local time (2015 GMT).", published="2024-07-03"),
        # a place not known, or only a dateline (often a bureau's): no offset is guessed
        Example("The storm made landfall at 10pm local time (1300 GMT) near Borongan.", published="2024-10-03"),
        Example("PARIS (Reuters) - The rocket lifted off at 21:05 local time (00:05 GMT).", published="2024-07-10"),
    ),
    check=_bad_conversions,
)

RULES = (SLIPPED_TIME, BAD_CONVERSION)
