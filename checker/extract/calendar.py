"""The calendar: date, time and weekday expressions found in a document ("March 3",
"3 March 2025", "Sept. 11", "2025-03-03", "on Tuesday, March 4", "yesterday", "last
week", "three weeks ago", "two days later", "3:40 a.m.", "15:40 GMT", "noon", "in
2014", "2019-2021") and resolved into intervals: of days (ordinal day numbers) at their
granularity, or of minutes for times of day, in UTC when a zone is given.

Relative dates are resolved against the dateline's date when the story has one, else the
publication date; without either they stay unresolved. The whole document is read once,
by one pattern; checker/extract/dates.py makes claims of what is found, and
checker/extract/events.py says which event each belongs to.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lexicon import alternation, data_file

_YEAR = r"(?:1[89]\d\d|20\d\d)"


@dataclass(frozen=True)
class _Lex:
    months: dict[str, int]
    weekdays: dict[str, int]
    counts: dict[str, int]
    units: dict[str, int]
    relative: dict[str, Any]
    zones: dict[str, Any]
    zone_regions: dict[str, str]
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
        rf"|(?P<md>(?<![\w-])(?P<md_m>{month_re})[ \t]+(?P<md_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:[ \t]*[-–][ \t]*(?P<md_d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?(?![\d:.,]\d)(?![\w-])(?:,?[ \t]+(?P<md_y>{_YEAR})(?![\w-]))?)"
        rf"|(?P<dm>(?<![\w.,-])(?P<dm_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:(?:[ \t]*[-–][ \t]*|[ \t]+(?:to|until|till|through)[ \t]+)(?P<dm_d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?[ \t]+(?:of[ \t]+)?(?P<dm_m>{month_re})(?:,?[ \t]+(?P<dm_y>{_YEAR})(?![\w-]))?)"
        rf"|(?P<t12>(?<![\w.:-])(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?[ \t]*(?P<ap>[ap]\.m\.|[ap]m(?![\w])|[ap]\.m(?![\w]))(?:[ \t]+(?P<z12>{zone_re})(?![\w])(?:[ \t]+(?i:time))?|[ \t]+(?P<loc12>local[ \t]+time))?)"
        rf"|(?P<t24>(?<![\w.:-])(?P<h24>[01]?\d|2[0-3])(?::(?P<m24a>[0-5]\d)|(?P<m24b>[0-5]\d))[ \t]*(?:(?P<z24>{zone_re})(?![\w])|(?P<loc24>local[ \t]+time|local|hours|hrs)(?![\w])))"
        # a 24-hour clock time after "at" with no zone: a leading zero or an hour past
        # noon says it is one ("at 06:40", "at 21:05"), not a score or a ratio
        rf"|(?P<t24c>(?<=at[ \t])(?P<h24c>0\d|1[3-9]|2[0-3]):(?P<m24c>[0-5]\d)(?![\w:.,]\d|[\w:]))"
        r"|(?P<nm>(?<![\w-])(?i:noon|midday|midnight)(?![\w-]))"
        rf"|(?P<wd>(?<![\w-])(?P<wd_name>{wd_re})(?P<wd_poss>['’]s)?)"
        # ("three days later than planned" is a delay against a plan, counted from no day)
        rf"|(?P<counted>(?<![\w-])(?P<ra_n>{count_re})[ \t]+(?P<ra_u>{unit_re})[ \t]+(?P<ra_dir>(?i:ago|(?:later|earlier)(?![ \t]+than\b)|after|before))(?![\w-]))"
        # ("a year to the day after the walkout" counts a year, not a day)
        r"|(?P<nextday>(?<![\w-])(?i:the[ \t]+(?:next|following|previous)[ \t]+day|(?<!to[ \t])the[ \t]+day[ \t]+(?:before|after))(?![\w-]))"
        rf"|(?P<rel>(?<![\w-]){rel_re}(?![\w-]))"
        rf"|(?P<span>(?<![\w.,-])(?P<sp_a>{_YEAR})[ \t]*[-–][ \t]*(?P<sp_b>{_YEAR}|\d\d)(?![\w,-]|\.\d))"
        rf"|(?P<mon>(?<![\w-])(?P<mon_pre>(?i:{mon_pre}))[ \t]+(?P<mon_m>{full_month_re})(?:[ \t]+(?P<mon_y>{_YEAR})(?![\w-])|(?![ \t]+\d)))"
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
        zone_regions={_norm(k): v for k, v in d["zone_regions"].items()},
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
# (the day before or after the month: "KYIV, June 25 -", "AREQUIPA, Peru, 14 August -")
_DATELINE = re.compile(r"^[A-Z][A-Za-z’'./ -]{1,60},[^\n]{0,40}?\b(?:(?P<m>[A-Z][a-z]{2,8})\.?[ \t]+(?P<d>\d{1,2})|(?P<d2>\d{1,2})[ \t]+(?P<m2>[A-Z][a-z]{2,8})\.?)\b(?:,?[ \t]+(?:1[89]|20)\d\d)?[ \t]*(?:\([^)\n]{0,20}\)[ \t]*)?[-–—]")


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
    # only the date's own sentence: "... on October 5. Rheinfeld's next match" is not future
    raw_before, raw_after = text[a:start], text[end:b]
    cut = max(raw_before.rfind(". "), raw_before.rfind(".\n"), raw_before.rfind("\n\n"))
    if cut >= 0:
        raw_before = raw_before[cut + 1 :]
    stop = _SENTENCE_END.search(raw_after)
    if stop:
        raw_after = raw_after[: stop.start()]
    before = _norm(raw_before)
    after = _norm(raw_after)
    words = before.split()[-8:] + after.split()[:4]
    joined = " " + " ".join(words) + " "
    for w in lx.future:
        if f" {w} " in joined:
            return "future"
    near = before.split()[-5:]
    verb = near[near.index("to") + 1] if "to" in near[:-1] else ""
    if verb and verb not in _NOT_VERBS and not verb[:1].isdigit():
        # "voted to strike on March 24": the date is the infinitive's, an act not yet done
        # when its governing verb happened, so the past of "voted" says nothing of it
        return ""
    for w in lx.past:
        if f" {w} " in joined:
            return "past"
    if any(w.endswith("ed") and len(w) > 4 for w in before.split()[-6:]):
        return "past"
    return ""


_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?:\s|$)")

# Words after "to" that make it a preposition ("rose to the", "moved to its"), not an
# infinitive marker.
_NOT_VERBS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                        "about", "around", "some", "more", "less", "date", "day"})


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


_FIRST_YEAR, _LAST_YEAR = 100, 9899


def _reference(doc_text: str, published: dt.date | None) -> dt.date | None:
    """The day the story speaks from: its dateline's date when that is at most three days
    before publication ("KYIV, June 25" in a paper of June 26), else the publication date."""
    if published is None or not (_FIRST_YEAR <= published.year <= _LAST_YEAR):
        # Relative dates reach a few years either way; at the calendar's ends they would
        # fall off it, and no news story is dated there.
        return None
    m = _DATELINE.match(doc_text[:120])
    if m:
        month = lex().months.get((m.group("m") or m.group("m2")).lower())
        if month:
            try:
                d = dt.date(published.year, month, int(m.group("d") or m.group("d2")))
            except ValueError:
                d = None
            if d is not None and 0 <= (published - d).days <= 3:
                return d
    return published


# The year given to a date printed without one in a story without a date: a leap year,
# so that February 29 is a day.
NOMINAL_YEAR = 2000


def _valid(it: _Item) -> bool:
    try:
        dt.date(it.year, it.month, it.day)
    except ValueError:
        return False
    return True


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


# An offset from UTC written after a zone ("02:14 UTC+7", "GMT-05:30") or in brackets after
# a local or bare time ("02:14 local time (UTC+7)"): the time's zone is that offset.
# (not the end of a range of times: "10:00 GMT-11:00 GMT")
_OFFSET_AFTER_ZONE = re.compile(
    r"[ \t]?(?P<sign>[+\-−])[ \t]?(?P<h>1[0-4]|0?\d)(?::?(?P<m>[0-5]\d))?(?![\d:]|[ \t]*(?:GMT|UTC|[AaPp]\.?[Mm]\b))")
_OFFSET_IN_BRACKETS = re.compile(
    r"[ \t]*\([ \t]*(?:UTC|GMT)[ \t]?(?P<sign>[+\-−])[ \t]?(?P<h>1[0-4]|0?\d)(?::?(?P<m>[0-5]\d))?[ \t]*\)")


def _written_offset(m: re.Match[str], text: str, label: str) -> tuple[int, int] | None:
    """The offset written right after a time, in minutes, and where it ends."""
    if label in ("utc", "gmt"):
        o = _OFFSET_AFTER_ZONE.match(text, m.end())
    elif not label:
        o = _OFFSET_IN_BRACKETS.match(text, m.end())
    else:
        return None
    if o is None:
        return None
    minutes = int(o.group("h")) * 60 + int(o.group("m") or 0)
    return (-minutes if o.group("sign") != "+" else minutes), o.end()


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
    elif m.group("h24c"):
        h, mi, zone_raw, local = int(m.group("h24c")), int(m.group("m24c")), None, False
    else:
        word = m.group("nm").lower()
        h, mi, zone_raw, local = (0 if word == "midnight" else 12), 0, None, False
    minutes = h * 60 + mi
    label, off = _zone(zone_raw)
    end = m.end()
    written = _written_offset(m, text, label)
    if written is not None:
        off, end = (written[0], written[0]), written[1]
        label = f"utc{'+' if written[0] >= 0 else '-'}{abs(written[0]) // 60}" + (f":{abs(written[0]) % 60:02d}" if written[0] % 60 else "")
    lo = hi = float(minutes)
    if off is not None:
        lo, hi = minutes - off[1], minutes - off[0]
    item = _Item("time", m.start(), end, lo, hi, granularity="minute", zone=label, zoned=off is not None)
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


@cache
def _full_months() -> frozenset[str]:
    """Each month's name written in full: the longest of its forms in dates.toml."""
    months = lex().months
    longest: dict[int, str] = {}
    for name, n in months.items():
        if len(name) > len(longest.get(n, "")):
            longest[n] = name
    return frozenset(longest.values())


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
            end = m.end()
            if text[end - 1] == "." and text[m.start():end - 1].split()[-1].rstrip(".").lower() in _full_months():
                end -= 1  # "on 12 January.": the sentence's full stop, not an abbreviation's
            it = _Item("date", m.start(), end, month=mo, day=d, year=y, year_explicit=bool(ystr))
            last = m.group(f"{g}_d2") if g != "iso" else None
            if last and int(last) > d:
                # "June 4-7", "3 to 20 March": one stretch of days
                it.granularity = "days"
                it.data["last_day"] = int(last)
            items.append(it)
        elif g in ("t12", "t24", "t24c", "nm"):
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


def weekday_day(text: str, it: _Item, ref: dt.date, verb_tense: str | None) -> int | None:
    """The day a bare weekday names, counted from the story's date: back for a past
    event, forward for one to come. "next" and "last" decide first; then the tense of the
    verb the weekday hangs on, when the parse gives one (verb_tense: "council adopted plans
    on Wednesday" is past, whatever "plans" suggests); then the words around it. None for
    "every Monday", "Mondays"."""
    before = _norm(text[max(0, it.start - 12) : it.start]).split()
    prev = before[-1] if before else ""
    if prev in ("every", "each") or text[it.end : it.end + 1] == "s":
        return None
    if prev == "next":
        tense = "future"
    elif prev == "last":
        tense = "past"
    else:
        tense = verb_tense or _tense(text, it.start, it.end, 0, len(text))
    r = ref.toordinal()
    back = (ref.isoweekday() - it.weekday) % 7
    day = r - back if tense != "future" else r + (it.weekday - ref.isoweekday()) % 7
    if prev == "last" and back == 0:
        day -= 7
    return day


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
                    if it.linked is not None:
                        it.resolved = False  # a weekday's year is a guess without an anchor
                        continue
                    # No story date and no year: the day still has a month and a day. It is
                    # placed in one nominal leap year, so two such dates of one event in one
                    # story are compared ("opened on March 3" ... "began on March 5")
                    # whatever the year, and never against a date with a year.
                    it.year = NOMINAL_YEAR
                    it.data["year_unknown"] = True
                    it.resolved = _valid(it)
                    if it.resolved:
                        it.lo = it.hi = dt.date(it.year, it.month, it.day).toordinal()
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
            if it.data.get("last_day"):
                try:
                    it.hi = dt.date(it.year, it.month, it.data["last_day"]).toordinal()
                except ValueError:
                    it.resolved = False
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
            day = weekday_day(text, it, ref, None)
            if day is None:
                it.resolved = False
                continue
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
