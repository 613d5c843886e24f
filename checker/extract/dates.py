"""Date, time and weekday claims: what checker/extract/calendar.py finds and resolves,
each given the event it belongs to (checker/extract/events.py, from the parse) and turned
into a claim; a weekday printed with a date becomes a claim of its own, checked against
the calendar. A date on a statement ("the ministry said on Tuesday") belongs to no event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from functools import cache
from typing import Any

from .. import zones
from ..model import Claim, Interval, Span
from ..scope import TIME_NOUNS
from .calendar import _DATELINE, _Item, _pick_year, _reference, _scan, lex, weekday_day
from .context import SentenceContext
from .events import Event, event_of


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
    ref = _reference(text, doc.published)
    item_starts = [i.start for i in items]
    sents = ctx.segments.sentences
    sent_starts = [s.start for s in sents]
    out: list[tuple[_Item, Claim]] = []
    last_day: tuple[int, float, int] | None = None  # (sentence, day, start) of the last exact date
    day_before_last: tuple[int, float, int] | None = None
    last_end = -1
    by_event: dict[str, list[tuple[int, float | None]]] = {}
    last_keys: tuple[str, ...] = ()  # the event of the last exact date
    zoned_days: dict[int, str] = {}  # a date's item -> the zone of a time given on its day
    doc_places: list[str] | None = None  # read once, at the first local time
    dl = _DATELINE.match(text[:120])
    dateline_end = dl.end() if dl else 0
    # "thirty days after she was convicted on March 12": a date counted from another
    # event's is resolved once every stated date of the document is known, so its anchor
    # may come later in the text
    counted_from = [it for it in items if it.kind == "date" and it.relative == "anchored"
                    and it.data.get("dir") in ("after", "before")]
    deferred = {id(c) for c in counted_from}
    clock_events, lent, conversions = _clock_events(ctx, items, item_starts, sent_starts)
    for it in [i for i in items if id(i) not in deferred] + counted_from:
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
        ev = clock_events[id(it)] if id(it) in clock_events else event_of(ctx.document.parse.sentences[si], xs, it.end)
        if _no_event_of_its_own(ev) and id(it) in lent:
            # "at 10pm local time (1300 GMT)": a time's conversion hangs on the clock words in
            # the parse, and belongs to the time's event
            ev = lent[id(it)]
        event, phase, distinct = (ev.key, ev.phase, ev.distinct) if ev is not None else ("", "", "")
        how = ev.how if ev is not None else "no event"
        if it.kind == "time" and ev is not None and ev.acting:
            phase = ""  # whatever the event did at a time of day, it did at that moment
        # ("since the 9 May verdict": "since" governs the noun the date names, not the date)
        if phase in ("", "during") and it.kind == "date" and it.granularity != "days" \
                and how not in ("attributive", "after noun"):
            phase = _span_end(text, s.start, xs) or phase
        if (it.kind == "weekday" and it.linked is None and it.resolved and ev is not None
                and ev.tense in ("past", "future") and ev.how in ("verb", "subject", "light verb") and ref is not None):
            # the verb's own tense, read from the parse, before the words near the day
            day = weekday_day(text, it, ref, ev.tense)
            if day is not None:
                it.lo = it.hi = day
        if (it.kind == "date" and it.month and it.day and not it.year_explicit and it.linked is None
                and it.data.get("year_from") == "publication" and it.resolved):
            _take_sentence_year(text, it, s.start)
        if (it.kind == "date" and it.month and it.day and not it.year_explicit and it.linked is None
                and it.data.get("year_from") == "publication" and ev is not None
                and ev.how in ("verb", "subject", "light verb")
                and ev.tense in ("past", "future") and ref is not None and it.resolved):
            # the verb's own tense, read from the parse, picks the year of a date printed
            # without one ("declared on December 31" in a January story: last year's)
            _repick_year(it, ref, ev.tense)
        if it.kind == "date" and it.relative == "anchored":
            # "put tickets on sale on 2 June, four days later": a count set right after a
            # date restates it, counted from the date before
            restates = last_day is not None and text[last_end : it.start].strip() == ","
            base = last_day
            if restates:
                # counted from the same event's earlier day, or from a day before it in its
                # own sentence; a day sentences back may be any of the story's events'
                base = _same_event_before(by_event, last_keys, si, last_day) or (
                    day_before_last if day_before_last is not None and day_before_last[0] == si else None)
            anchor = _anchor(ctx.document.parse.sentences[si], it, si, base, by_event)
            if anchor is None:
                ctx.skip("anchored date without an anchor")
                continue
            it.lo = it.hi = anchor[0]
            it.data["anchor_start"] = anchor[1]  # the date it was counted from, to show with it
            it.resolved = True
        if it.kind == "weekday" and it.linked is not None:
            out.append((it, _weekday_claim(ctx, it, s)))
            continue
        if not it.resolved:
            continue
        if it.relative and it.relative not in ("anchored", "weekday") and ctx.in_quote(it.start, it.end):
            # "Today's sentence reflects the terror he caused," the detective said: a
            # speaker's "today" is the day they spoke, which the story need not give
            ctx.skip("relative date inside a quotation")
            continue
        bound = it.bound or (it.kind == "date" and _deadline().search(text, max(0, xs - 24), xs) is not None)
        exact = it.kind == "date" and it.lo == it.hi
        if exact:
            day_before_last, last_day, last_end = last_day, (si, it.lo, it.start), it.end
            last_keys = (ev.key, ev.word, ev.cls) if ev is not None else ()
        if it.kind == "date" and ev is not None and not bound:
            # (a deadline, "no later than 16 April", is no day the event happened on; an
            # event dated only by its year, "the 2010 collapse", is one a count after it
            # cannot be counted from)
            for key in (ev.key, ev.word, ev.cls, f"patient:{ev.patient}" if ev.patient else ""):
                if key:
                    by_event.setdefault(key, []).append((it.start, it.lo if exact else None))
        kind = "time" if it.kind == "time" else "date"
        normalized = _describe_minutes(it) if kind == "time" else _describe_days(it.lo, it.hi)
        if it.data.get("year_unknown"):
            normalized = dt.date.fromordinal(int(it.lo)).strftime("%B %-d") + ", year not given"
        data: dict[str, Any] = {
            "phase": phase,
            "distinct": distinct,
            "found_by": how,
            "event_word": ev.word if ev is not None else "",
            "event_class": ev.cls if ev is not None else "",
            "agent": ev.agent if ev is not None else "",
            "patient": ev.patient if ev is not None else "",
            "event_definite": bool(ev is not None and ev.definite),
            "event_change": bool(ev is not None and (_measure_change(ev, it.granularity) or ev.how == "subject of a change")),
            "event_period": bool(ev is not None and _of_a_period(ev)),
            "event_plural": bool(ev is not None and ev.plural),
            "event_tense": ev.tense if ev is not None else "",
            "event_by_day": bool(ev is not None and ev.by_day),
            "event_told": bool(ev is not None and ev.how in ("verb", "light verb", "subject") and not ev.reduced),
            "attributive": how in ("attributive", "after noun"),
            # "the 1997 issue", "Saturday's strike": a date before its noun names which one
            "prenominal": how == "attributive",
            # "from December levels" is a baseline; "the log from the 4.40am grounding" names
            # an event by its time
            "baseline": how not in ("attributive", "after noun") and _BASELINE.search(text, max(0, xs - 24), xs) is not None,
            # "the 1986 final quarter": a year naming which period, the period is the date
            "period_part": it.granularity == "year" and _PERIOD_AFTER.match(text, it.end) is not None,
            "granularity": it.granularity,
            "relative": it.relative,
            "zone": it.zone,
            "zoned": it.zoned,
            "bound": bound,
            "year_explicit": it.year_explicit,
        }
        data.update({k: v for k, v in it.data.items() if isinstance(v, (str, int, float, bool))})
        if kind == "time":
            on = _day_of(text, items, it, item_starts)
            data["day"] = on.lo if on is not None else None
            if on is not None and (it.zoned or it.data.get("local")):
                # (a day given with a local time is the local day: "02:14 local time on
                # Saturday (17:14 GMT on Friday)")
                zoned_days[id(on)] = it.zone if it.zoned else "local"
            if it.data.get("local") and not _placed_elsewhere(ctx.document.parse.sentences[si]):
                if doc_places is None:
                    doc_places = sorted(set(_known_places(ctx.document.parse, text)))
                _place_local_time(data, it, doc_places, zones.dateline_place(text), ref)
            if id(it) in conversions:
                data["converts"] = conversions[id(it)]
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
    # "at 02:14 local time (UTC+7) on Wednesday": a day given with a zoned time is that
    # zone's day, and another zone's may be the day before or after
    out = [(it, replace(c, data=tuple(sorted({**dict(c.data), "clock_zone": zoned_days[id(it)]}.items()))))
           if c.kind == "date" and id(it) in zoned_days else (it, c) for it, c in out]
    out.sort(key=lambda x: x[1].start)
    return out


# "10pm local time (1300 GMT)", "17:45 CET, or 1645 GMT": a time in brackets or after
# "or" right after another restates it in another zone
# (one run of blanks on each side of one mark: linear however long a gap it is tried on)
_CONVERSION = re.compile(r"[ \t]*(?:[(\[/]|,[ \t]*or|or)[ \t]*")


def _converts(text: str, items: list[_Item], it: _Item, starts: list[int]) -> int | None:
    """The start of the time this one restates in another zone, if it is a conversion."""
    i = bisect.bisect_left(starts, it.start) - 1
    while i >= 0 and items[i].kind != "time":
        if items[i].end > it.start - 40:
            i -= 1
            continue
        return None
    if i < 0:
        return None
    prev = items[i]
    if it.start - prev.end > 12 or not _CONVERSION.fullmatch(text, prev.end, it.start):
        return None
    if (prev.zone == it.zone and bool(prev.data.get("local")) == bool(it.data.get("local"))):
        return None  # "from 9am (to 5pm)": one zone twice is no conversion
    return prev.start


# Prepositions that place an event ("in Kourou", "off Manila").
_LOCATIVE = frozenset({"in", "at", "near", "off", "outside", "inside"})


def _known_places(parse: Any, text: str) -> list[str]:
    """Every place a story's text names that the tz database knows, wherever it is named
    ("in Sao Paulo", "Indonesia's West Sulawesi", "Malta-flagged", "Philippine"); the
    dateline aside."""
    from .. import lexical

    out: list[str] = []
    skip = zones.dateline_end(text)
    for sent in parse.sentences:
        run: list[str] = []
        for t in [*sent.span, None]:
            if t is not None and sent.start_of(t) < skip:
                continue
            if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper():
                run.append(t.text)
                continue
            if run:
                whole = " ".join(run)
                out += [zones.fold(p) for p in ([whole] if zones.known_place(whole) else run) if zones.known_place(p)]
                run = []
            if t is not None and t.pos_ == "ADJ" and t.text[:1].isupper():
                country = lexical.pertainym(t.text)
                if country and zones.known_place(country):
                    out.append(zones.fold(country))
    return out


def _placed_elsewhere(sent: Any) -> bool:
    """The sentence sets its event in a place the tz database does not know ("lifted off
    from the space centre in Kourou"): the story's other places need not be its clock."""
    from ..syntax import case_of

    cal = lex()
    for t in sent.span:
        if t.pos_ == "PROPN" and t.dep_ in ("obl", "nmod") and case_of(t) in _LOCATIVE \
                and t.lower_ not in cal.months and t.lower_ not in cal.weekdays:
            # the whole name: "in Sao Paulo" hangs "Sao" on "Paulo"
            name = " ".join(w.text for w in t.subtree if w.pos_ == "PROPN" and (w.i <= t.i or w.dep_ == "flat"))
            if not zones.known_place(name) and not zones.known_place(t.text):
                return True
    return False


def _place_local_time(data: dict[str, Any], it: _Item, places: list[str], dateline: str | None,
                      ref: dt.date | None) -> None:
    """"10pm local time": when in UTC, as `utc_lo`/`utc_hi` (minutes), when the story's
    text names a place and the places it names, with its dateline's, keep one clock that
    day. A dateline alone is often a bureau's ("PARIS" over a launch in Kourou). A country
    on several clocks ("Brazil") is on the clock of a city of it the text names ("Sao
    Paulo"). A bureau's dateline and an event elsewhere ("JAKARTA" and "Indonesia's West
    Sulawesi"), or a runner's country and the race's city, leave the time local only; so
    does a sentence that sets its event somewhere unknown (checked by the caller)."""
    # the day it is on, or else the story's: summer time is read for that day
    day = data.get("day")
    if day is None and ref is not None:
        day = ref.toordinal()
    if day is None or not places:
        return  # a dateline alone is often a bureau's, not where the clock was
    single = [p for p in places if len(zones.zones_of(p)) == 1]
    named = {z for p in single for z in zones.zones_of(p)}
    offs: set[tuple[int, int] | None] = set()
    for p in [*places, *([dateline] if dateline else [])]:
        off = zones.utc_offset(p, int(day))
        if off is None and p in places and p not in single and named & set(zones.zones_of(p)):
            continue  # "Brazil" and "Sao Paulo": the city says which of its clocks
        offs.add(off)
    if len(offs) != 1 or None in offs:
        return
    off = next(iter(offs))
    assert off is not None
    data["place"] = (single or [dateline or places[0]])[0]
    data["utc_lo"], data["utc_hi"] = it.lo - off[1], it.hi - off[0]


# A year the sentence is set in, opening it: "In 2022, ...", "During 2019, ...". (A year
# inside the sentence belongs to its own clause: "completed in 1977, gave way on Sept 11".)
_SENTENCE_YEAR = re.compile(r"[\s\"“‘']*(?i:in|during)[ \t]+(?P<y>(?:1[89]|20)\d\d),")


def _take_sentence_year(text: str, it: _Item, sent_start: int) -> None:
    """"In 2022, the heatwave that began on 9 July ended on 26 July": the year a sentence
    opens in is the year of a date in it printed without one, not the story's."""
    found = _SENTENCE_YEAR.match(text, sent_start, it.start)
    if found is None:
        return
    if _move_to_year(it, int(found.group("y")), ambiguous=False):
        it.data["year_from"] = "sentence"


def _repick_year(it: _Item, ref: dt.date, tense: str) -> None:
    year, ambiguous = _pick_year(it.month, it.day, ref, tense)
    if year != it.year:
        _move_to_year(it, year, ambiguous)


def _move_to_year(it: _Item, year: int, ambiguous: bool) -> bool:
    """Set a date printed without a year in another year, keeping its span; False when the
    day is not in that year (February 29)."""
    span = int(it.hi - it.lo)
    try:
        it.lo = dt.date(year, it.month, it.day).toordinal()
    except ValueError:
        return False
    it.hi = it.lo + span
    it.year = year
    it.data["year_ambiguous"] = ambiguous
    return True


def _span_end(text: str, sent_start: int, at: int) -> str:
    """Which end of a stretch a date is ("ran from 3 March to 20 March", "running since
    last Tuesday"): "from" or "since" opens it, "to", "until" or "through" after a "from"
    in the same sentence closes it."""
    before = text[max(sent_start, at - 12) : at]
    if _FROM.search(before):
        return "start"
    if _TO.search(before) and _FROM_DATE.search(text, sent_start, at):
        return "end"
    return ""


_FROM = re.compile(r"\b(?:from|since)[ \t]+(?:(?:the|last|early|late|mid)[ \t]+)?$", re.I)
_TO = re.compile(r"\b(?:to|until|till|through)[ \t]+(?:the[ \t]+)?$", re.I)
_FROM_DATE = re.compile(r"\bfrom[ \t]+(?:the[ \t]+)?\d|\bfrom[ \t]+[A-Z][a-z]+[ \t]+\d", re.I)


_ON_DAY = re.compile(r"[ \t]*(?:,[ \t]*)?(?:on[ \t]+|(?:late|early)[ \t]+on[ \t]+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]*)?")
_DAY_AT = re.compile(r"(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t]+(?:at[ \t]+)?(?:about[ \t]+|around[ \t]+)?")


# How far apart a time and the day it is given on may stand ("at 9:25 p.m. local time
# on Wednesday").
_DAY_REACH = 40


def _no_event_of_its_own(ev: Event | None) -> bool:
    return ev is None or ev.word in _CLOCK_WORDS


# Words a date or a time hangs on inside a time expression ("3.20pm local time on Aug. 4"),
# which name no event.
_CLOCK_WORDS = frozenset({"time", "gmt", "utc", "pm", "am", "p.m.", "a.m.", "hour", "hours", "clock"}) | TIME_NOUNS


def _clock_events(ctx: SentenceContext, items: list[_Item], starts: list[int], sent_starts: list[int]
                  ) -> tuple[dict[int, Event | None], dict[int, Event], dict[int, int]]:
    """Each time of day's event; the event a time lends to its conversion in another zone;
    and, for each conversion, the start of the time it converts (all by the item's id).
    (A date a time is given on, "3.20pm on Aug. 4", is left its own: lent the time's
    event, a later day's aftershock "hit at 9pm on Wednesday" became the quake of Monday.)"""
    text = ctx.text
    own: dict[int, Event | None] = {}
    lent: dict[int, Event] = {}
    conversions: dict[int, int] = {}
    for it in items:
        if it.kind != "time":
            continue
        conv = _converts(text, items, it, starts)
        if conv is not None:
            conversions[id(it)] = conv
        si = bisect.bisect_right(sent_starts, it.start) - 1
        if si >= 0:
            own[id(it)] = event_of(ctx.document.parse.sentences[si], it.start, it.end)
    by_start = {i.start: i for i in items}
    for it in items:
        # "10pm local time (1300 GMT)": the conversion takes the converted time's event
        converted = by_start.get(conversions.get(id(it), -1))
        ev = own.get(id(converted)) if converted is not None else None
        if ev is not None and not _no_event_of_its_own(ev):
            lent[id(it)] = ev
    return own, lent, conversions


def _day_of(text: str, items: list[_Item], t: _Item, starts: list[int]) -> _Item | None:
    """The day (an ordinal) a time of day is given on: "at 9:25 p.m. on Wednesday", "on
    Sunday at noon". Only the items within reach are looked at (starts: every item's start, in order)."""
    lo = bisect.bisect_left(starts, t.start - _DAY_REACH * 2)
    hi = bisect.bisect_right(starts, t.end + _DAY_REACH)
    for d in items[lo:hi]:
        if d.kind not in ("date", "weekday") or not d.resolved or d.lo != d.hi or d.granularity != "day":
            continue
        if d.lo < 1:
            continue  # a weekday named with its date ("Tuesday 7 May") holds no day itself
        if d.start >= t.end and _ON_DAY.fullmatch(text[t.end : d.start]):
            return d
        if d.end <= t.start and _DAY_AT.fullmatch(text[d.end : t.start]):
            return d
    return None


def _same_event_before(by_event: dict[str, list[tuple[int, float | None]]], keys: tuple[str, ...], si: int,
                       last_day: tuple[int, float, int] | None) -> tuple[int, float, int] | None:
    """"A second round is due to begin on April 14, five weeks later": a count set after a
    date restates it from the last earlier day of the same event (the first round's
    beginning), when the copy gives one, not from whatever date came before."""
    if last_day is None:
        return None
    for key in filter(None, keys):
        earlier = [(start, day) for start, day in by_event.get(key, ()) if start < last_day[2] and day is not None]
        if earlier:
            start, day = earlier[-1]
            return si, day, start
    return None


def _anchor(sent: Any, it: _Item, si: int, last_day: tuple[int, float, int] | None,
            by_event: dict[str, list[tuple[int, float | None]]]) -> tuple[float, int] | None:
    """'two days later' from the last exact date of the same or the previous sentence;
    'a week after the summit' from the date of the summit, the nearest before it in the
    document or else the first after: the event the expression's object names, by its
    lemma, its verb or its event class ("after the conviction"), the verb a noun there is
    the subject of ("after the leak was discovered"), or the thing an event acted on
    ("ten days after the consent": "consent was granted on March 4"). With the day, the
    start of the date it was counted from."""
    from ..syntax import lemma
    from .events import event_words

    n, unit, direction = it.data["n"], it.data["unit"], it.data["dir"]
    if not n or not unit.startswith(("day", "week", "fortnight")):
        return None
    days = lex().units[unit] * n
    sign = 1 if direction in ("later", "after") else -1
    if direction in ("after", "before"):
        after = [t for t in sent.tokens_in(it.end, sent.end)[:4] if t.pos_ in ("NOUN", "PROPN", "VERB")]
        for t in after[:1]:
            keys = list(event_words(lemma(t), t.pos_))
            head = t.head
            if t.pos_ != "VERB" and t.dep_.startswith("nsubj") and head.pos_ == "VERB" and head.i > t.i:
                keys = [*event_words(lemma(head), "VERB"), *keys]
            if t.pos_ != "VERB":
                keys.append(f"patient:{lemma(t)}")
            for key in keys:
                if key in by_event:
                    dated = by_event[key]
                    before = [(start, day) for start, day in dated if start < it.start]
                    start, day = before[-1] if before else dated[0]
                    # the nearest mention of the event gives no day: which one is counted
                    # from ("the 2010 collapse" after this year's) is not known
                    return (day + sign * days, start) if day is not None else None
        return None
    if last_day is not None and si - last_day[0] <= 1:
        return last_day[1] + sign * days, last_day[2]
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
    # Dates naming which event are the reporter's framing even in attributed sentences;
    # a date inside a quotation, or one the told clause's own verb carries, is the source's.
    source = ctx.attribution.source
    out = []
    for _, c in found:
        if s.start <= c.start and c.end <= s.end:
            quoted = source is not None and ctx.in_quote(c.start, c.end)
            told = source is not None and c.get("found_by") in _TOLD
            out.append(_with_source(c, source) if (quoted or told) and source else c)
    return out


# How a date's event is found when the date belongs to the clause the source tells ("the
# military said it carried out the strike on 4 November"); a date naming which event
# ("the 10:40 p.m. strike", "the strike at 9:40 p.m.") is the reporter's framing.
_TOLD = frozenset({"verb", "subject", "light verb"})


def _with_source(c: Claim, source: str) -> Claim:
    return replace(c, source=source)


# "by June 30", "until June 30", "no later than Friday": a deadline or a limit, not the day
# an event happened.
# The bounds of dates.toml that are limits; "from", "since" and "between" open a period.
_OPENING = frozenset({"from", "since", "between"})


@cache
def _deadline() -> re.Pattern[str]:
    words = sorted(b for b in lex().bounds if b not in _OPENING)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"\b(?:{alternatives})\s+(?:the\s+end\s+of\s+)?$", re.I)
_PERIOD_AFTER = re.compile(r"(?:[ \t]+(?:first|second|third|fourth|final|last|latest))?[ \t]+(?:quarter|half|season|term)\b", re.I)
# "rose 1.1 pct from December levels", "compared with January": the date of the baseline a
# figure is measured against, not of the event.
_BASELINE = re.compile(r"\b(?:from|than|compared\s+with|compared\s+to|against|versus|vs\.?)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def _measure_change(ev: Event, granularity: str = "day") -> bool:
    """A rise, fall or standstill of something measured, with nothing acted on ("prices
    rose in January", "the rise in February"): such a change happens every period, so the
    date says which one it is, never that two mentions disagree. "The bank cut rates on
    Tuesday" has an object: an act, dated once; dated by a whole month or year ("slowed
    money supply growth in January") it is a period's change again."""
    from .predications import words

    w = words()
    change = (ev.word in w.up or ev.word in w.down or ev.word in w.up_nouns
              or ev.word in w.down_nouns or ev.word in w.same)
    return change and (not ev.patient or granularity in ("month", "year", "years"))


def _of_a_period(ev: Event) -> bool:
    """An event whose actor or object is a stretch of time ("the year ended February 28",
    "the season, which begins June 1"): the date says which period, of which there are many."""
    from ..scope import TIME_NOUNS

    return any(p.strip() and p.split()[-1] in TIME_NOUNS for p in (ev.agent, ev.patient))
