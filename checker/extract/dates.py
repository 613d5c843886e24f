"""Date, time and weekday claims: "March 3", "3 March 2025", "Sept. 11", "2025-03-03",
"on Tuesday, March 4", "yesterday", "last week", "three weeks ago", "two days later",
"3:40 a.m.", "15:40 GMT", "noon", "in 2014", "2019-2021".

A date becomes an interval of days (ordinal day numbers) at its granularity; a time of
day an interval of minutes, in UTC when a zone is given. Relative dates are resolved
against the dateline's date when the story has one, else the publication date; without
either they are not claims. The event a date belongs to ("the summit opened", "the
10:40 p.m. strike") is found from the words of data/dates.toml and put in `subject`;
a date that follows a statement verb ("the ministry said on Tuesday") dates the
statement and belongs to no event.

The whole document is read once (one pass of one pattern); each sentence then takes
the claims that lie in it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lexicon import alternation, data_file
from ..model import Claim, Interval, Span
from .context import SentenceContext

_YEAR = r"(?:1[89]\d\d|20\d\d)"


@dataclass(frozen=True)
class _Lex:
    months: dict[str, int]
    weekdays: dict[str, int]
    counts: dict[str, int]
    units: dict[str, int]
    relative: dict[str, Any]
    zones: dict[str, Any]
    future: frozenset[str]
    past: frozenset[str]
    widen: dict[str, tuple[int, int]]
    bounds: frozenset[str]
    events: dict[str, str]
    event_verbs: dict[str, str]
    distinct: frozenset[str]
    statement: frozenset[str]
    irregular: frozenset[str]
    between: frozenset[str]
    other_verbs: frozenset[str]
    master: re.Pattern[str]
    between_linked: re.Pattern[str]
    range_gap: re.Pattern[str]


def _other_verbs() -> frozenset[str]:
    from ..lexicon import lexicon

    return frozenset(lexicon().verbs) | frozenset(lexicon().attribution_verbs)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@cache
def lex() -> _Lex:
    d = data_file("dates.toml")
    months = {k.lower(): v for k, v in d["months"].items()}
    weekdays = {k.lower(): v for k, v in d["weekdays"].items()}
    # Month and weekday names are matched capitalized only ("march" is a verb, "may" a modal).
    month_re = "(?:" + "|".join(sorted((re.escape(k) for k in d["months"]), key=len, reverse=True)) + r")(?!\w)\.?"
    full_months = [k for k in d["months"] if len(k) > 3 and k != "Sept"]
    full_month_re = "(?:" + "|".join(sorted(full_months, key=len, reverse=True)) + r")(?![\w’'])"
    wd_full = [k for k in d["weekdays"] if k.endswith("day")]
    wd_abbr = [k for k in d["weekdays"] if not k.endswith("day")]
    wd_re = "(?:" + "|".join(sorted(wd_full, key=len, reverse=True)) + r"|(?:" + "|".join(sorted(wd_abbr, key=len, reverse=True)) + r")\.?)(?!\w)"
    zones = {_norm(k): v for k, v in d["zones"].items()}
    zone_re = alternation([k for k in d["zones"]])
    counts = d["counts"]
    count_re = r"(?:\d{1,3}|(?i:" + alternation(list(counts)) + "))"
    unit_re = "(?i:" + alternation(list(d["units"])) + ")"
    rel_re = "(?i:" + alternation(list(d["relative"])) + ")"
    events: dict[str, str] = {}
    for cls, words in sorted(d["events"].items()):
        for w in words:
            events.setdefault(_norm(w), cls)
    quals = dict(d["time_qualifiers"])
    bounds = frozenset(_norm(b) for b in quals.pop("bounds"))
    mon_pre_words = ["in", "since", "by", "during", "until", "of", "early", "late", "mid", "mid-", "last", "this", "next", "from"]
    yr_pre_words = ["in", "since", "during", "until", "of", "from", "by", "the", "a", "her", "his", "its", "their", "this"]
    mon_pre, yr_pre = alternation(mon_pre_words), alternation(yr_pre_words)
    first_words = {p.split()[0].lower() for p in [*counts, *d["relative"], "the", "noon", "midday", "midnight", "mid"]}
    first_words |= set(mon_pre_words) | set(yr_pre_words)
    triggers = alternation(sorted(first_words))
    # Every expression starts a word: the guard makes mid-word positions fail at once.
    master = re.compile(
        rf"(?<![A-Za-z0-9])(?=[0-9A-Z]|(?:{triggers})(?![a-z]))(?:"
        rf"(?P<iso>(?<![\w-])(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\w-]))"
        rf"|(?P<md>(?<![\w-])(?P<md_m>{month_re})[ \t]+(?P<md_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)(?![\w-])(?:,?[ \t]+(?P<md_y>{_YEAR})(?![\w-]))?)"
        rf"|(?P<dm>(?<![\w.,-])(?P<dm_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<dm_m>{month_re})(?:,?[ \t]+(?P<dm_y>{_YEAR})(?![\w-]))?)"
        rf"|(?P<t12>(?<![\w.:-])(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?[ \t]*(?P<ap>[ap]\.m\.|[ap]m(?![\w])|[ap]\.m(?![\w]))(?:[ \t]+(?P<z12>{zone_re})(?![\w])(?:[ \t]+(?i:time))?|[ \t]+(?P<loc12>local[ \t]+time))?)"
        rf"|(?P<t24>(?<![\w.:-])(?P<h24>[01]?\d|2[0-3])(?::(?P<m24a>[0-5]\d)|(?P<m24b>[0-5]\d))[ \t]*(?:(?P<z24>{zone_re})(?![\w])|(?P<loc24>local[ \t]+time|hours|hrs)(?![\w])))"
        r"|(?P<nm>(?<![\w-])(?i:noon|midday|midnight)(?![\w-]))"
        rf"|(?P<wd>(?<![\w-])(?P<wd_name>{wd_re})(?P<wd_poss>['’]s)?)"
        rf"|(?P<counted>(?<![\w-])(?P<ra_n>{count_re})[ \t]+(?P<ra_u>{unit_re})[ \t]+(?P<ra_dir>(?i:ago|later|earlier|after|before))(?![\w-]))"
        r"|(?P<nextday>(?<![\w-])(?i:the[ \t]+(?:next|following|previous)[ \t]+day|the[ \t]+day[ \t]+(?:before|after))(?![\w-]))"
        rf"|(?P<rel>(?<![\w-]){rel_re}(?![\w-]))"
        rf"|(?P<span>(?<![\w.,-])(?P<sp_a>{_YEAR})[ \t]*[-–][ \t]*(?P<sp_b>{_YEAR}|\d\d)(?![\w,-]|\.\d))"
        rf"|(?P<mon>(?<![\w-])(?P<mon_pre>(?i:{mon_pre}))[ \t]+(?P<mon_m>{full_month_re})(?:[ \t]+(?P<mon_y>{_YEAR})(?![\w-]))?)"
        rf"|(?P<yr>(?<![\w-])(?P<yr_pre>(?i:{yr_pre}))[ \t]+(?P<yr_y>{_YEAR})(?![\w.,’'-]|[ \t]*[-–][ \t]*\d))"
        ")"
    )
    return _Lex(
        months=months,
        weekdays=weekdays,
        counts={k.lower(): v for k, v in counts.items()},
        units=dict(d["units"]),
        relative={_norm(k): v for k, v in d["relative"].items()},
        zones=zones,
        future=frozenset(_norm(w) for w in d["tense"]["future"]),
        past=frozenset(_norm(w) for w in d["tense"]["past"]),
        widen={_norm(k): (int(v[0]), int(v[1])) for k, v in quals.items()},
        bounds=bounds,
        events=events,
        event_verbs={_norm(k): v for k, v in d["event_verbs"].items()},
        distinct=frozenset(_norm(w) for w in d["distinct"]["words"]),
        statement=frozenset(_norm(w) for w in d["statement_verbs"]["words"]),
        irregular=frozenset(_norm(w) for w in d["verb_forms"]["irregular"]),
        between=frozenset(_norm(w) for w in d["verb_forms"]["between"]) | frozenset(w.lower() for k in d["zones"] for w in k.split()) | {"a", "p", "m"},
        other_verbs=_other_verbs(),
        master=master,
        # Same strings as "[ \t]*(?:,[ \t]*|[ \t]\(?[ \t]*|\([ \t]*)", whose blank runs could be split n ways
        # (quadratic fullmatch on a long blank gap); possessive runs here never give blanks back.
        between_linked=re.compile(r"(?=[ \t,(])[ \t]*+(?:[,(][ \t]*+)?(?:the[ \t]+)?"),
        # Blanks after the comma only if there is one: "[ \t]*,?[ \t]*" splits a run of n blanks n ways.
        range_gap=re.compile(
            rf"[ \t]*(?:,[ \t]*)?(?:to|and|until|through|till|or|-|–)[ \t]+(?:{wd_re},?[ \t]+)?(?:the[ \t]+)?"
        ),
    )


_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# Clause ends the event search does not cross; "p.m. Ten minutes later" also ends a
# sentence, which the segmenter reads as an abbreviation.
_HARD_STOP = re.compile(r"[;“”\"]|(?<=[ap]\.m\.)[ \t]+(?=[A-Z][a-z])(?!(?:Eastern|Pacific|Central|Mountain|Local)\b)")
_DATELINE = re.compile(r"^[A-Z][A-Za-z’'./ -]{1,60},[^\n]{0,40}?\b(?P<m>[A-Z][a-z]{2,8})\.?[ \t]+(?P<d>\d{1,2})\b(?:,?[ \t]+(?:1[89]|20)\d\d)?[ \t]*(?:\([^)\n]{0,20}\)[ \t]*)?[-–—]")


@dataclass
class _Item:
    """One date or time expression before it becomes a claim."""

    kind: str  # "date", "time", "weekday"
    start: int
    end: int
    lo: float = 0.0
    hi: float = 0.0
    resolved: bool = True
    granularity: str = "day"
    year_explicit: bool = False
    relative: str = ""
    zone: str = ""
    zoned: bool = False
    weekday: int = 0
    linked: _Item | None = None  # a weekday's date, or a date's weekday
    data: dict[str, Any] = field(default_factory=dict)
    month: int = 0
    day: int = 0
    year: int = 0
    bound: bool = False


def _count(raw: str) -> int:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else lex().counts.get(raw, 0)


def _tense(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """'future', 'past' or '' from the words of the clause around a date."""
    lx = lex()
    a = max(lo, start - 80)
    b = min(hi, end + 40)
    before = _norm(text[a:start])
    after = _norm(text[end:b])
    words = before.split()[-8:] + after.split()[:4]
    joined = " " + " ".join(words) + " "
    for w in lx.future:
        if f" {w} " in joined:
            return "future"
    for w in lx.past:
        if f" {w} " in joined:
            return "past"
    if any(w.endswith("ed") and len(w) > 4 for w in before.split()[-6:]):
        return "past"
    return ""


def _pick_year(month: int, day: int, ref: dt.date, tense: str) -> tuple[int, bool]:
    """The year of a month and day printed without one, given the reference date; the
    second value is True when the other nearby year would be as plausible."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return ref.year, True
    if tense == "past":
        past = [c for c in cands if c <= ref]
        return (max(past).year, False) if past else (min(cands, key=lambda c: abs((c - ref).days)).year, True)
    if tense == "future":
        fut = [c for c in cands if c >= ref]
        return (min(fut).year, False) if fut else (min(cands, key=lambda c: abs((c - ref).days)).year, True)
    best = min(cands, key=lambda c: abs((c - ref).days))
    others = sorted(abs((c - ref).days) for c in cands)
    ambiguous = len(others) > 1 and others[1] < 120
    return best.year, ambiguous


def _fitting_year(month: int, day: int, weekday: int, ref: dt.date) -> int | None:
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        gap = abs((d - ref).days)
        if gap <= 300 and d.isoweekday() == weekday and (best is None or gap < best[0]):
            best = (gap, y)
    return best[1] if best else None


def _reference(doc_text: str, published: dt.date | None) -> dt.date | None:
    """The day the story speaks from: its dateline's date when that is at most three days
    before publication ("KYIV, June 25" in a paper of June 26), else the publication date."""
    if published is None:
        return None
    m = _DATELINE.match(doc_text[:120])
    if m:
        month = lex().months.get(m.group("m").lower())
        if month:
            try:
                d = dt.date(published.year, month, int(m.group("d")))
            except ValueError:
                d = None
            if d is not None and 0 <= (published - d).days <= 3:
                return d
    return published


def _month_span(y: int, m: int) -> tuple[int, int]:
    first = dt.date(y, m, 1)
    return first.toordinal(), first.toordinal() + calendar.monthrange(y, m)[1] - 1


def _named_span(name: str, ref: dt.date) -> tuple[int, int] | None:
    r = ref.toordinal()
    monday = r - ref.weekday()
    if name == "previous week":
        return monday - 8, monday - 1  # from the Sunday before: weeks start on either day
    if name == "current week":
        return monday - 1, monday + 6
    if name == "week to date":
        return monday - 1, r
    if name == "previous weekend":
        sat = monday - 2
        return sat, sat + 1
    if name == "current weekend":
        sat = monday + 5
        return (sat, sat + 1) if r <= sat + 1 else None
    if name == "previous month":
        y, m = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
        return _month_span(y, m)
    if name == "current month":
        return _month_span(ref.year, ref.month)
    if name == "month to date":
        return dt.date(ref.year, ref.month, 1).toordinal(), r
    if name == "previous year":
        return dt.date(ref.year - 1, 1, 1).toordinal(), dt.date(ref.year - 1, 12, 31).toordinal()
    if name == "current year":
        return dt.date(ref.year, 1, 1).toordinal(), dt.date(ref.year, 12, 31).toordinal()
    if name == "year to date":
        return dt.date(ref.year, 1, 1).toordinal(), r
    return None


def _zone(raw: str | None) -> tuple[str, tuple[int, int] | None]:
    if not raw:
        return "", None
    key = _norm(raw)
    off = lex().zones.get(key)
    if off is None:
        return "", None
    if isinstance(off, list):
        return key, (int(off[0]), int(off[1]))
    return key, (int(off), int(off))


def _time_item(m: re.Match[str], text: str) -> _Item:
    lx = lex()
    if m.group("t12"):
        h = int(m.group("h12")) % 12 + (12 if m.group("ap")[0].lower() == "p" else 0)
        mi = int(m.group("m12") or 0)
        zone_raw = m.group("z12")
        local = bool(m.group("loc12"))
    elif m.group("t24"):
        h = int(m.group("h24"))
        mi = int(m.group("m24a") or m.group("m24b"))
        zone_raw = m.group("z24")
        local = bool(m.group("loc24"))
    else:
        word = m.group("nm").lower()
        h, mi, zone_raw, local = (0 if word == "midnight" else 12), 0, None, False
    minutes = h * 60 + mi
    label, off = _zone(zone_raw)
    lo = hi = float(minutes)
    if off is not None:
        lo, hi = minutes - off[1], minutes - off[0]
    item = _Item("time", m.start(), m.end(), lo, hi, granularity="minute", zone=label, zoned=off is not None)
    item.data["clock"] = f"{h:02d}:{mi:02d}"
    item.data["local"] = local
    # Qualifiers before the time: "about" widens it, "by"/"after" make it a bound.
    before = _norm(text[max(0, m.start() - 24) : m.start()])
    words = before.split()
    tail2 = " ".join(words[-2:])
    tail1 = words[-1] if words else ""
    if tail1 == "at" and len(words) > 1:
        tail2, tail1 = " ".join(words[-3:-1]), words[-2]
    for key in (tail2, tail1):
        if key in lx.widen:
            b, a = lx.widen[key]
            item.lo -= b
            item.hi += a
            break
    else:
        if tail2 in lx.bounds or tail1 in lx.bounds:
            item.bound = True
    if tail1 in ("to", "and") or text[max(0, m.start() - 2) : m.start()].strip() in ("-", "–"):
        item.bound = True  # the end of a range ("from 9 a.m. to 5 p.m.")
    after = text[m.end() : m.end() + 12].lower()
    if re.match(r"[ \t]*(?:to|and|until|-|–)[ \t]*\d", after):
        item.bound = True
    return item


def _scan(text: str, published: dt.date | None) -> list[_Item]:
    """Every date and time expression of the document, years inherited along ranges,
    weekdays linked to their dates, relative expressions resolved."""
    lx = lex()
    ref = _reference(text, published)
    items: list[_Item] = []
    for m in lx.master.finditer(text):
        g = m.lastgroup
        if g in ("iso", "md", "dm"):
            if g == "iso":
                y, mo, d = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
                ystr = m.group("iso_y")
            else:
                mo = lx.months[m.group(f"{g}_m").rstrip(".").lower()]
                d = int(m.group(f"{g}_d"))
                ystr = m.group(f"{g}_y")
                y = int(ystr) if ystr else 0
            it = _Item("date", m.start(), m.end(), month=mo, day=d, year=y, year_explicit=bool(ystr))
            items.append(it)
        elif g in ("t12", "t24", "nm"):
            items.append(_time_item(m, text))
        elif g == "wd":
            name_end = m.end("wd_name") - (1 if m.group("wd_name").endswith(".") and len(m.group("wd_name")) > 5 else 0)
            it = _Item("weekday", m.start("wd_name"), name_end, weekday=lx.weekdays[m.group("wd_name").rstrip(".").lower()])
            it.data["possessive"] = bool(m.group("wd_poss"))
            items.append(it)
        elif g == "counted" and m.group("ra_dir").lower() == "ago":
            n, unit = _count(m.group("ra_n")), m.group("ra_u").lower()
            it = _Item("date", m.start(), m.end(), relative="ago", resolved=False)
            it.data.update(n=n, unit=unit)
            items.append(it)
        elif g == "counted":
            n, unit = _count(m.group("ra_n")), m.group("ra_u").lower()
            it = _Item("date", m.start(), m.end(), relative="anchored", resolved=False)
            it.data.update(n=n, unit=unit, dir=m.group("ra_dir").lower())
            items.append(it)
        elif g == "nextday":
            raw = _norm(m.group())
            it = _Item("date", m.start(), m.end(), relative="anchored", resolved=False)
            it.data.update(n=1, unit="day", dir="before" if ("previous" in raw or "before" in raw) else "after")
            items.append(it)
        elif g == "rel":
            it = _Item("date", m.start(), m.end(), relative=_norm(m.group()), resolved=False)
            items.append(it)
        elif g == "span":
            a = int(m.group("sp_a"))
            braw = m.group("sp_b")
            b = int(braw) if len(braw) == 4 else (a // 100) * 100 + int(braw)
            if b <= a:
                continue  # "2023-24" seasons and scores are not year spans we can read
            it = _Item("date", m.start(), m.end(), granularity="years", year_explicit=True)
            it.lo, it.hi = dt.date(a, 1, 1).toordinal(), dt.date(b, 12, 31).toordinal()
            items.append(it)
        elif g == "mon":
            mo = lx.months[m.group("mon_m").lower()]
            ystr = m.group("mon_y")
            it = _Item("date", m.start("mon_m"), m.end(), granularity="month", month=mo, year=int(ystr) if ystr else 0, year_explicit=bool(ystr))
            it.data["pre"] = m.group("mon_pre").lower()
            items.append(it)
        elif g == "yr":
            y = int(m.group("yr_y"))
            it = _Item("date", m.start("yr_y"), m.end(), granularity="year", year=y, year_explicit=True)
            it.lo, it.hi = dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
            it.data["pre"] = _norm(m.group("yr_pre"))
            items.append(it)
    _inherit_years(text, items)
    _link_weekdays(text, items)
    _resolve(text, items, ref)
    return items


def _inherit_years(text: str, items: list[_Item]) -> None:
    """'Friday, August 1, to Monday, August 25, 2025': the year at the end applies to both."""
    lx = lex()
    dates = [it for it in items if it.kind == "date" and it.month and it.day]
    for i in range(len(dates) - 2, -1, -1):
        a, b = dates[i], dates[i + 1]
        if a.year_explicit or not b.year:
            continue
        gap = text[a.end : b.start]
        if lx.range_gap.fullmatch(gap):
            a.year = b.year
            a.data["year_from"] = "range"


def _link_weekdays(text: str, items: list[_Item]) -> None:
    lx = lex()
    for i, it in enumerate(items):
        if it.kind != "weekday" or i + 1 >= len(items):
            continue
        nxt = items[i + 1]
        if nxt.kind == "date" and nxt.month and nxt.day and lx.between_linked.fullmatch(text[it.end : nxt.start]):
            it.linked, nxt.linked = nxt, it


def _resolve(text: str, items: list[_Item], ref: dt.date | None) -> None:
    for it in items:
        if it.kind == "date" and it.month and it.day:
            if not it.year:
                if ref is None:
                    it.resolved = False
                    continue
                tense = _tense(text, it.start, it.end, 0, len(text))
                if it.linked is not None:
                    tense = tense or _tense(text, it.linked.start, it.linked.end, 0, len(text))
                it.year, amb = _pick_year(it.month, it.day, ref, tense)
                fits = _fitting_year(it.month, it.day, it.linked.weekday, ref) if it.linked is not None else None
                if fits is not None:
                    # The printed weekday is evidence of the year: a date it fits within
                    # ten months of the story is read in that year.
                    it.year, amb = fits, False
                it.data["year_from"] = "publication"
                it.data["year_ambiguous"] = amb
            try:
                day = dt.date(it.year, it.month, it.day).toordinal()
            except ValueError:
                it.resolved = False
                continue
            it.lo = it.hi = day
        elif it.kind == "date" and it.granularity == "month":
            if it.year:
                it.lo, it.hi = _month_span(it.year, it.month)
            elif ref is not None:
                pre = it.data.get("pre", "")
                y = ref.year
                if pre == "next" or (pre not in ("last",) and it.month > ref.month and _tense(text, it.start, it.end, 0, len(text)) != "future"):
                    y = ref.year + (1 if pre == "next" else -1)
                it.year = y
                it.lo, it.hi = _month_span(y, it.month)
            else:
                it.resolved = False
        elif it.kind == "weekday" and it.linked is None:
            if ref is None:
                it.resolved = False
                continue
            before = _norm(text[max(0, it.start - 12) : it.start]).split()
            prev = before[-1] if before else ""
            if prev in ("every", "each") or text[it.end : it.end + 1] == "s":
                it.resolved = False
                continue
            tense = "future" if prev == "next" else "past" if prev == "last" else _tense(text, it.start, it.end, 0, len(text))
            r = ref.toordinal()
            back = (ref.isoweekday() - it.weekday) % 7
            day = r - back if tense != "future" else r + (it.weekday - ref.isoweekday()) % 7
            if prev == "last" and back == 0:
                day -= 7
            it.lo = it.hi = day
            it.relative = "weekday"
        elif it.kind == "date" and it.relative:
            if ref is None:
                continue
            r = ref.toordinal()
            rel = lex().relative.get(it.relative)
            if it.relative == "ago":
                n, unit = it.data["n"], it.data["unit"]
                if not n:
                    continue
                days = lex().units[unit] * n
                slack = 0 if unit.startswith("day") else max(3, days // 7)
                it.lo, it.hi = r - days - slack, r - days + slack
                it.granularity = unit.rstrip("s")
                it.resolved = True
            elif isinstance(rel, list):
                it.lo, it.hi = r + rel[0], r + rel[1]
                it.resolved = True
            elif isinstance(rel, str):
                span = _named_span(rel, ref)
                if span is not None:
                    it.lo, it.hi = span
                    it.resolved = True
                    it.granularity = rel


def _index(text: str) -> tuple[list[tuple[int, int, str]], list[int]]:
    toks = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]
    return toks, [t[0] for t in toks]


def _phrase_at(toks: list[tuple[int, int, str]], i: int, table: dict[str, Any] | frozenset[str], text: str) -> tuple[str, int] | None:
    """The longest phrase of `table` that ends at token i: (phrase, index of its first token)."""
    for n in (3, 2, 1):
        j = i - n + 1
        if j < 0:
            continue
        if n > 1 and any(text[toks[k][1] : toks[k + 1][0]].strip() for k in range(j, i)):
            continue
        phrase = " ".join(toks[k][2] for k in range(j, i + 1))
        if phrase in table:
            return phrase, j
    return None


def _distinct_before(toks: list[tuple[int, int, str]], j: int, text: str) -> str:
    """The word that makes an event one of several: "the previous swap", "a second blast";
    "a" for an indefinite article, which introduces an event not mentioned before."""
    lx = lex()
    for k in (j - 1, j - 2, j - 3):
        if k < 0 or text[toks[k][1] : toks[k + 1][0]].strip(" \t-"):
            return ""
        w = toks[k][2]
        if w in lx.distinct:
            return w
        if w in ("a", "an"):
            return "a"
        if w in ("the", "this", "that", "its", "his", "her", "their", "whose") or w.endswith("'s"):
            return ""
    return ""


def _is_verb(word: str) -> bool:
    return word in lex().irregular or word in lex().event_verbs or (word.endswith("ed") and len(word) > 4)


def _event(text: str, toks: list[tuple[int, int, str]], starts: list[int], xs: int, xe: int, lo: int, hi: int) -> tuple[str, str, str, str]:
    """(event class, phase, distinguishing word, how it was found) for an expression at
    [xs, xe) in the sentence [lo, hi); ("", "", "", why) when it has none."""
    lx = lex()
    i0 = bisect.bisect_left(starts, xe)
    # 1. Attributive: "the 10:40 p.m. strike", "Saturday's glide-bomb strike", "her 1966 debut".
    j = bisect.bisect_left(starts, xs) - 1
    det = toks[j][2] if j >= 0 and toks[j][0] >= lo and not text[toks[j][1] : xs].strip() else ""
    poss = text[xe : xe + 2] in ("'s", "’s")
    if det in ("the", "a", "an", "his", "her", "its", "their", "this", "that") or det.endswith("'s") or poss:
        for k in range(i0, min(i0 + 3, len(toks))):
            gap = text[(toks[k - 1][1] if k > i0 else xe + (2 if poss else 0)) : toks[k][0]]
            if toks[k][0] >= hi or gap.strip(" \t-"):
                break
            hit = _phrase_at(toks, k + 1, lx.events, text) if k + 1 < len(toks) and not text[toks[k][1] : toks[k + 1][0]].strip() else None
            word = hit[0] if hit and hit[1] == k else toks[k][2]
            if word in lx.events:
                distinct = "a" if det in ("a", "an") else det if det in lx.distinct else ""
                return lx.events[word], "", distinct, "attributive"
            if _is_verb(word) or word in lx.other_verbs:
                break
    # 2. The clause before the date: the nearest event verb (not past another verb), or an
    # event noun with nothing but prepositions and times of day in between.
    stop = lo
    for sm in _HARD_STOP.finditer(text, lo, xs):
        stop = sm.end()
    i, scanned, immediate = j, 0, True
    distinct = ""
    while i >= 0 and toks[i][0] >= stop and scanned < 14:
        scanned += 1
        verb = _phrase_at(toks, i, lx.event_verbs, text)
        ev = _phrase_at(toks, i, lx.events, text)
        word = toks[i][2]
        if scanned <= 3 and _phrase_at(toks, i, lx.statement, text):
            return "", "", "", "statement"
        if word in lx.distinct and word not in ("the",):
            distinct = distinct or word
        if verb and (not ev or len(verb[0]) >= len(ev[0])):
            phase = lx.event_verbs[verb[0]]
            subject = _subject(toks, verb[1] - 1, stop, text)
            own = lx.events.get(verb[0])
            if subject and not (own and subject[0].startswith("~")):
                cls, d = subject
                return cls, phase, d or distinct, "subject"
            return (own, phase, distinct, "verb") if own else ("", "", "", "light verb without subject")
        if ev:
            if _is_verb(ev[0]):
                return lx.events[ev[0]], "", _indefinite_subject(toks, ev[1] - 1, stop) or distinct, "verb"
            if immediate:
                return lx.events[ev[0]], "", _distinct_before(toks, ev[1], text) or distinct, "noun"
        if _other_verb(word):
            return "", "", "", "other verb"
        if word not in lx.between and not word.isdigit():
            immediate = False
        i = (ev[1] if ev else i) - 1
    # 2b. "Parliament on Wednesday approved the bill": the verb right after the date.
    if i0 < len(toks) and toks[i0][0] < hi and not text[xe : toks[i0][0]].strip():
        ev = _phrase_at(toks, i0 + 1, lx.events, text) if i0 + 1 < len(toks) else None
        ev = ev if ev and ev[1] == i0 else _phrase_at(toks, i0, lx.events, text)
        if ev and _is_verb(ev[0]):
            return lx.events[ev[0]], "", "", "verb after"
    # 3. A fronted date ("Ten minutes later, at 11:40 p.m., Brennan ... stabbed"): the
    # event follows in the same clause.
    head = [t for t in _norm(text[stop:xs]).split() if t.isalpha()]
    if len(head) <= 4 and text[xe : xe + 1] == ",":
        cm = re.compile(r"[;.]|,(?![ \t]*\d)").search(text, xe + 2, hi)
        end_clause = cm.start() if cm else hi
        k = i0
        while k < len(toks) and toks[k][0] < end_clause and k < i0 + 12:
            ev = _phrase_at(toks, k, lx.events, text)
            if ev and toks[ev[1]][0] >= xe:
                return lx.events[ev[0]], "", "", "following"
            k += 1
    return "", "", "", "no event word"


_NOT_VERBS = frozenset({"later", "earlier", "ago", "again", "also", "already", "still", "only", "just", "more", "less"})


def _other_verb(word: str) -> bool:
    """A verb that is no event word: the date belongs to it, not to an event further left."""
    if word in _NOT_VERBS or word in lex().between:
        return False
    return word in lex().other_verbs or ("-" not in word and _is_verb(word))


def _indefinite_subject(toks: list[tuple[int, int, str]], i: int, stop: int) -> str:
    """'a' when the verb's subject is introduced with an indefinite article ("A poll
    published on October 10"): a new thing, not the one mentioned before."""
    for k in range(i, max(-1, i - 3), -1):
        if toks[k][0] < stop:
            return ""
        w = toks[k][2]
        if w in ("a", "an"):
            return "a"
        if w in ("the", "this", "that", "its", "his", "her", "their") or _other_verb(w):
            return ""
    return ""


def _subject(toks: list[tuple[int, int, str]], i: int, stop: int, text: str) -> tuple[str, str] | None:
    """The event noun a light verb takes its event from: "the summit opened", "the quake
    hit". A noun outside the event classes still names its own event when it comes with
    "the" ("The trial opened ... The trial, which started ..."): one event per noun."""
    lx = lex()
    named: tuple[str, str] | None = None
    for k in range(i, max(-1, i - 5), -1):
        if toks[k][0] < stop:
            break
        ev = _phrase_at(toks, k, lx.events, text)
        if ev and not _is_verb(ev[0]):
            return lx.events[ev[0]], _distinct_before(toks, ev[1], text)
        if toks[k][2] in lx.other_verbs and toks[k][2] not in ("was", "were", "has", "had", "have"):
            break
        word = toks[k][2]
        if named is None and k > 0 and toks[k - 1][2] == "the" and toks[k - 1][0] >= stop and word.isalpha() and not _is_verb(word) and word not in _NOT_EVENT_NOUNS:
            named = ("~" + word, _distinct_before(toks, k, text))
    return named


# Nouns after "the" that are no event of their own ("the company opened ...").
_NOT_EVENT_NOUNS = frozenset({"company", "government", "ministry", "court", "police", "army", "city", "country", "president", "minister", "group", "firm", "bank", "team", "club", "agency", "party", "council", "office", "man", "woman", "people", "same", "first", "second", "last", "next", "new", "which", "who", "that"})


def _describe_days(lo: float, hi: float) -> str:
    a, b = dt.date.fromordinal(int(lo)), dt.date.fromordinal(int(hi))
    return a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"


def _describe_minutes(it: _Item) -> str:
    def hm(x: float) -> str:
        x = int(x) % 1440
        return f"{x // 60:02d}:{x % 60:02d}"

    base = hm(it.lo) if it.lo == it.hi else f"{hm(it.lo)}–{hm(it.hi)}"
    return base + (" UTC" if it.zoned else "")


def _doc_claims(ctx: SentenceContext) -> list[tuple[_Item, Claim]]:
    text, doc = ctx.text, ctx.doc
    items = _scan(text, doc.published)
    toks, starts = _index(text)
    sents = ctx.segments.sentences
    sent_starts = [s.start for s in sents]
    out: list[tuple[_Item, Claim]] = []
    last_day: tuple[int, float, str] | None = None  # (sentence, day, event) of the last exact date
    by_event: dict[str, float] = {}
    dl = _DATELINE.match(text[:120])
    dateline_end = dl.end() if dl else 0
    for it in items:
        if it.start < dateline_end:
            continue  # the dateline dates the story, not an event
        si = bisect.bisect_right(sent_starts, it.start) - 1
        if si < 0:
            continue
        s = sents[si]
        if it.end > s.end:
            continue
        xs = it.start
        if it.kind == "date" and it.linked is not None:
            xs = it.linked.start
        # Include the preposition so the event search starts before "on", "at", "late on".
        event, phase, distinct, how = _event(text, toks, starts, xs, it.end, s.start, s.end)
        if it.kind == "date" and it.relative == "anchored":
            anchor = _anchor(text, toks, starts, it, s, si, last_day, by_event)
            if anchor is None:
                ctx.skip("anchored date without an anchor")
                continue
            it.lo = it.hi = anchor
            it.resolved = True
        if it.kind == "weekday" and it.linked is not None:
            out.append((it, _weekday_claim(ctx, it, s)))
            continue
        if not it.resolved:
            continue
        if it.kind == "date" and it.lo == it.hi:
            last_day = (si, it.lo, event)
            if event:
                by_event[event] = it.lo
        kind = "time" if it.kind == "time" else "date"
        normalized = _describe_minutes(it) if kind == "time" else _describe_days(it.lo, it.hi)
        data: dict[str, Any] = {
            "phase": phase,
            "distinct": distinct,
            "found_by": how,
            "granularity": it.granularity,
            "relative": it.relative,
            "zone": it.zone,
            "zoned": it.zoned,
            "bound": it.bound,
            "year_explicit": it.year_explicit,
        }
        data.update({k: v for k, v in it.data.items() if isinstance(v, (str, int, float, bool))})
        if kind == "time":
            data["day"] = _day_of(text, items, it)
        out.append(
            (
                it,
                Claim(
                    kind=kind,
                    span=Span(doc.id, it.start, it.end, text[it.start : it.end]),
                    value=Interval(it.lo, it.hi),
                    unit="minute" if kind == "time" else "day",
                    normalized=normalized,
                    subject=event,
                    attribute="time" if kind == "time" else "date",
                    source=None,
                    sentence=s.index,
                    paragraph=s.paragraph,
                    data=tuple(sorted(data.items())),
                ),
            )
        )
    return out


_ON_DAY = re.compile(r"[ \t]*(?:,[ \t]*)?(?:on[ \t]+|(?:late|early)[ \t]+on[ \t]+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]*)?")
_DAY_AT = re.compile(r"(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t]+(?:at[ \t]+)?(?:about[ \t]+|around[ \t]+)?")


def _day_of(text: str, items: list[_Item], t: _Item) -> float | None:
    """The day a time of day is given on: "at 9:25 p.m. on Wednesday", "on Sunday at noon"."""
    for d in items:
        if d.kind not in ("date", "weekday") or not d.resolved or d.lo != d.hi or d.granularity != "day":
            continue
        if d.start >= t.end and _ON_DAY.fullmatch(text[t.end : d.start]):
            return d.lo
        if d.end <= t.start and _DAY_AT.fullmatch(text[d.end : t.start]):
            return d.lo
    return None


def _anchor(text: str, toks: list[tuple[int, int, str]], starts: list[int], it: _Item, s: Any, si: int, last_day: tuple[int, float, str] | None, by_event: dict[str, float]) -> float | None:
    """'two days later' from the last exact date of the same or the previous sentence;
    'a week after the summit' from the last date of the summit."""
    n, unit, direction = it.data["n"], it.data["unit"], it.data["dir"]
    if not n or not unit.startswith(("day", "week")):
        return None
    days = lex().units[unit] * n
    sign = 1 if direction in ("later", "after") else -1
    if direction in ("after", "before"):
        i = bisect.bisect_left(starts, it.end)
        words = [toks[k][2] for k in range(i, min(i + 3, len(toks))) if toks[k][0] < s.end]
        for w in words:
            if w in lex().events and lex().events[w] in by_event:
                return by_event[lex().events[w]] + sign * days
        return None
    if last_day is not None and si - last_day[0] <= 1:
        return last_day[1] + sign * days
    return None


def _weekday_claim(ctx: SentenceContext, it: _Item, s: Any) -> Claim:
    date = it.linked
    assert date is not None
    names = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    data: dict[str, Any] = {
        "weekday": it.weekday,
        "date_start": date.start,
        "date_resolved": date.resolved,
        "year_explicit": date.year_explicit,
        "year_from": date.data.get("year_from", "text" if date.year_explicit else ""),
        "year_ambiguous": bool(date.data.get("year_ambiguous", False)),
        "month": date.month,
        "day": date.day,
        "year": date.year,
    }
    actual = ""
    if date.resolved:
        actual = names[dt.date.fromordinal(int(date.lo)).isoweekday()]
        data["actual"] = dt.date.fromordinal(int(date.lo)).isoweekday()
        data["date"] = dt.date.fromordinal(int(date.lo)).isoformat()
    return Claim(
        kind="weekday",
        span=Span(ctx.doc.id, it.start, it.end, ctx.text[it.start : it.end]),
        value=Interval(it.weekday, it.weekday),
        unit="weekday",
        normalized=names[it.weekday] + (f" (calendar: {actual})" if actual else ""),
        subject="",
        attribute="weekday",
        sentence=s.index,
        paragraph=s.paragraph,
        data=tuple(sorted(data.items())),
    )


def extract_dates(ctx: SentenceContext) -> list[Claim]:
    found = ctx.state.get("date_claims")
    if found is None:
        found = ctx.state["date_claims"] = _doc_claims(ctx)
    s = ctx.sentence
    # Dates are the reporter's framing even in attributed sentences ("..., officials said"):
    # only a date inside a quotation is the source's own.
    source = ctx.attribution.source
    out = []
    for _, c in found:
        if s.start <= c.start and c.end <= s.end:
            quoted = source is not None and ctx.in_quote(c.start, c.end)
            out.append(_with_source(c, source) if quoted and source else c)
    return out


def _with_source(c: Claim, source: str) -> Claim:
    from dataclasses import replace

    return replace(c, source=source)
