"""Date, time and weekday families: a weekday that does not match its date; one event
given two dates, or two times of day, that cannot both be true.

"Same event" is decided by the extractor (data/dates.toml's event classes, in the
claim's `subject`); the rules add what makes two mentions of one class different
events: an indefinite article after an earlier mention ("an attack" is a new one), a
word like "previous" or "second", a start against an end, two different days for two
times, a bound ("by 10 p.m.") rather than a point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

from ..compare import participants_differ, same_event
from ..model import Claim, Finding, Interval, Severity
from .base import Example, Rule, RuleContext

# Days either way a date counted from another may be off by the way the days were counted.
COUNTING_SLACK = 1

_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    dates = {(c.document, c.start): c for c in ctx.of_kind("date")}
    for w in ctx.of_kind("weekday"):
        if not w.get("date_resolved") or w.get("actual") is None:
            ctx.skipped["weekday without a year"] += 1
            continue
        if w.get("actual") == w.get("weekday"):
            continue
        if w.get("year_ambiguous") and _fits_nearby_year(w):
            ctx.skipped["weekday fits another plausible year"] += 1
            continue
        date = dates.get((w.document, w.get("date_start")))
        if date is None:
            continue
        yfrom = w.get("year_from")
        how = "the year given" if yfrom == "text" else "the year of the date range" if yfrom == "range" else "the publication year"
        others = _restatements(ctx, date)
        said = "".join(f"; elsewhere '{o.text}' ({o.normalized}) dates the same {o.get('event_word') or o.subject}"
                       for o in others)
        yield Finding(
            # (a weekday that does not fit its date is a slip in one mention, whoever is
            # said to have given the date)
            claims=tuple(replace(c, source=None) for c in (w, date, *others)),
            message=f"'{w.text}, {date.text}': {w.get('date')} is a {_NAMES[w.get('actual')]}, not a "
                    f"{_NAMES[w.get('weekday')]} ({how}){said}",
            evidence={"date": w.get("date"), "stated": _NAMES[w.get("weekday")], "calendar": _NAMES[w.get("actual")],
                      "year_from": yfrom, "restated": [o.normalized for o in others]},
        )


def _restatements(ctx: RuleContext, date: Claim) -> tuple[Claim, ...]:
    """Other mentions of the event a mismatched weekday's date belongs to, which tell the
    editor which of the two to keep ("Thursday 14 May" ... "was sentenced on Tuesday"):
    the nearest one in the copy, by the same identity test the date rules use."""
    if not date.subject:
        return ()
    near = []
    for o in ctx.of_kind("date"):
        if o is date or not o.subject or o.value is None or o.get("granularity") != "day":
            continue
        if o.document == date.document and o.sentence == date.sentence:
            continue
        x, y = sorted((date, o), key=lambda c: c.sort_key())
        if same_event(x, y) is None or _one_of_many(x, y) is not None or participants_differ(x, y) is not None:
            continue
        near.append(o)
    near.sort(key=lambda o: (o.document != date.document, abs(o.start - date.start)))
    return tuple(near[:1])


def _fits_nearby_year(w: Claim) -> bool:
    for y in (w.get("year") - 1, w.get("year") + 1):
        try:
            if dt.date(y, w.get("month"), w.get("day")).isoweekday() == w.get("weekday"):
                return True
        except ValueError:
            continue
    return False


def circular_overlap(a: Interval, b: Interval) -> bool:
    """Two times of day (minutes) that meet, midnight wrapping either way."""
    return any(a.shifted(k).overlaps(b) for k in (-1440, 0, 1440))


def _comparable(a: Claim, b: Claim, ctx: RuleContext) -> bool:
    """Could a and b (a first) be two mentions of one event?"""
    if a.document == b.document and (b.start == a.get("anchor_start") or a.start == b.get("anchor_start")):
        # "two weeks after the walkout began on 1 March": a count and the date it counts
        # from are two days by construction, whatever event the count was given
        ctx.skipped["a date and the date it is counted from"] += 1
        return False
    if a.document == b.document and a.sentence == b.sentence and not _counted_against_stated(a, b):
        return False  # lists, ranges and conversions within a sentence
    pa, pb = a.get("phase", ""), b.get("phase", "")
    if "during" in (pa, pb):
        ctx.skipped["a day within an event, not a point of it"] += 1
        return False
    if (pa == "end") != (pb == "end"):
        ctx.skipped["start and end of an event"] += 1
        return False
    if {a.get("event_tense"), b.get("event_tense")} == {"past", "future"}:
        # "its closure a month ago", "will shut down in early April": one act done, one
        # still to come, are two instances of it
        ctx.skipped["an event done and one to come"] += 1
        return False
    da, db = a.get("distinct", ""), b.get("distinct", "")
    if db == "a" and a.document == b.document:
        ctx.skipped["indefinite mention of a new event"] += 1
        return False
    # "a drone strike ... a second strike": a marked later instance is another one, even
    # after an indefinite first mention
    # (an indefinite mention in another story is that story's first, not a new instance)
    if (da not in ("", "a") and da != db) or (db not in ("", "a") and db != da):
        ctx.skipped["distinguished instances of an event"] += 1
        return False
    if bool(a.get("year_unknown")) != bool(b.get("year_unknown")):
        # "March 3" in a story with no date of its own against "March 5, 2024": which year
        # the first is in is not known
        ctx.skipped["a date without a year (and no story date) against a dated one"] += 1
        return False
    coarse = {"month", "year", "years"}
    ga, gb = a.get("granularity"), b.get("granularity")
    if (ga in coarse or gb in coarse) and ga != gb:
        ctx.skipped["dates of different granularity"] += 1
        return False
    if a.get("bound") or b.get("bound"):
        ctx.skipped["time bound, not a point"] += 1
        return False
    za, zb = a.get("clock_zone"), b.get("clock_zone")
    # (a day with no clock is the story's own, local one: "struck early on Saturday" against
    # "17:14 GMT on Friday")
    za, zb = za or ("local" if zb else ""), zb or ("local" if za else "")
    if a.kind == "date" and za and zb and za != zb and a.value is not None and b.value is not None \
            and abs(a.value.lo - b.value.lo) <= 1:
        # "02:14 local time (UTC+7) on Wednesday" and "20:14 GMT on Tuesday": each day is
        # its own zone's; their times are compared as instants instead
        ctx.skipped["days of times in two zones"] += 1
        return False
    if a.kind == "time":
        if a.get("zoned") != b.get("zoned"):
            ctx.skipped["time with and without a zone"] += 1
            return False
        ya, yb = a.get("day"), b.get("day")
        if ya is not None and yb is not None and ya != yb and not _within_a_day(a, b):
            ctx.skipped["times on different days"] += 1
            return False
    return True


def _within_a_day(a: Claim, b: Claim) -> bool:
    """Two zoned times on days the copy gives that are under a day apart as instants: "02:14
    local time (UTC+7)" early on Wednesday is 19:14 UTC on Tuesday."""
    assert a.value is not None and b.value is not None
    if not (a.get("zoned") and b.get("zoned")):
        return False
    return abs((a.get("day") * 1440 + a.value.lo) - (b.get("day") * 1440 + b.value.lo)) < 1440


def _counted_against_stated(a: Claim, b: Claim) -> bool:
    """One date counted from another event's ("thirty days after the conviction") and one
    stated ("on April 22"): the sentence gives the event's date twice, and the count is
    the writer's own arithmetic to check."""
    return (a.get("relative") == "anchored") != (b.get("relative") == "anchored") and a.kind == b.kind == "date"


def _tense_of(ctx: RuleContext, c: Claim) -> str:
    """Whether a dated event is done or to come: its verb's tense, or else where its date
    lies against the story's own date."""
    if c.get("event_tense"):
        return str(c.get("event_tense"))
    published = getattr(ctx.documents.get(c.document), "published", None)
    if not isinstance(published, dt.date) or c.value is None or c.kind != "date":
        return ""
    ref = published.toordinal()  # dates are intervals of ordinal days
    return "past" if c.value.hi < ref else "future" if c.value.lo > ref else ""


def _done_and_to_come(ctx: RuleContext, a: Claim, b: Claim) -> bool:
    return {_tense_of(ctx, a), _tense_of(ctx, b)} == {"past", "future"}


def _agree(a: Claim, b: Claim) -> bool:
    assert a.value is not None and b.value is not None
    if a.kind == "time":
        return circular_overlap(a.value, b.value)
    if _same_day_written(a, b):
        return True  # "May 29" twice: one date, whatever years were guessed for each
    if "anchored" in (a.get("relative"), b.get("relative")):
        # "ten days after March 4" is March 14 to one writer and March 13 or 15 to another,
        # counting the first day or the last
        stated = b if a.get("relative") == "anchored" else a
        # "trapped on 5 August and found 17 days later, on 22 August" in a story of another
        # year: the year of each date printed without one was guessed on its own
        shifts = (0, -366, -365, 365, 366) if not stated.get("year_explicit") and not stated.get("relative") else (0,)
        return any(a.value.lo - COUNTING_SLACK <= b.value.hi + k and b.value.lo + k <= a.value.hi + COUNTING_SLACK
                   for k in shifts)
    return a.value.overlaps(b.value)


def _same_day_written(a: Claim, b: Claim) -> bool:
    """The same month and day, printed without a year both times: the writer wrote one
    date twice, and a year the checker inferred differently for each is its own doing."""
    if a.get("granularity") != "day" or b.get("granularity") != "day" or a.get("relative") or b.get("relative"):
        return False
    if a.get("year_explicit") or b.get("year_explicit"):
        return False
    return a.normalized[5:10] == b.normalized[5:10]


# Each date is compared with at most this many earlier dates of its kind: a story holds a
# few dozen; a table of hundreds would make all pairs quadratic.
WINDOW = 60


def _either(flag: str) -> Callable[[Claim, Claim], bool]:
    return lambda a, b: bool(a.get(flag) or b.get(flag))


def _names_which(a: Claim, b: Claim) -> bool:
    """"the 1997 issue" and "the 1990 issue": a date before a noun says which one, as a
    month or a year after it does ("retail sales in February", "the rule change in
    December"); a day after it ("the polls on Sunday") says when."""
    grains = [str(g).split()[-1] for g in (a.get("granularity"), b.get("granularity")) if g]
    coarse = any(g in ("month", "year", "years") for g in grains)
    # (times keep both: "a strike at 9:40 p.m." and "the 10:40 p.m. attack" are left to
    # the slip rule, TIM002)
    flag = "attributive" if coarse or a.kind == "time" else "prenominal"
    attributive = [bool(a.get(flag)), bool(b.get(flag))]
    # "this year lending" and "lending last year": a year, named or counted back, says which
    yearly = any(g in ("year", "years") for g in grains)
    return all(attributive) or (any(attributive) and yearly)


def _set_in_another_year(a: Claim, b: Claim) -> bool:
    """"In 2022, the heatwave that began on 9 July ...": a sentence set in a year of its
    own tells another instance, not the one the story dates elsewhere; so does a year
    printed with one day and not the other, in another year than it."""
    if a.value is None or b.value is None:
        return False
    # "in a race held on June 4, 2023" against this Sunday's race: a year printed with one
    # day and not with the other names another year's instance
    printed = bool(a.get("year_explicit")) != bool(b.get("year_explicit")) and not (
        a.get("year_unknown") or b.get("year_unknown"))  # (no year at all is not another one)
    if "sentence" not in (a.get("year_from"), b.get("year_from")) and not printed:
        return False
    return dt.date.fromordinal(int(a.value.lo)).year != dt.date.fromordinal(int(b.value.lo)).year


# Why two dated mentions of one event word are two of its many instances, not one event
# dated twice; the first that holds is counted as the skip.
_MANY: tuple[tuple[Callable[[Claim, Claim], bool], str], ...] = (
    (_either("period_part"), "a year naming part of it ('the 1986 final quarter')"),
    (_either("baseline"), "the date of a baseline ('from December levels')"),
    (_either("event_plural"), "a plural event noun names many events"),
    (_names_which, "dates naming which of several ('the 1986 sale')"),
    (_either("event_period"), "the start or end of one of many periods"),
    # a measure moves every period ("rose in January", "the rise in February")
    (lambda a, b: bool(a.get("event_change") and b.get("event_change")), "a measure's change in two periods"),
    # "January sales" against "sales rose in February": a period names which figure
    (lambda a, b: bool((a.get("event_change") or b.get("event_change")) and (a.get("attributive") or b.get("attributive"))),
     "a measure of one period against its change in another"),
    (_set_in_another_year, "a sentence set in another year"),
)


def _by_day_apart(a: Claim, b: Claim) -> bool:
    """One mention named by its day ("Saturday's collapse") where the other is no clause
    telling the act ("collapsed on Sunday"; not "talks held last Sunday"), or the two days
    are not next to each other."""
    if not (a.get("event_by_day") or b.get("event_by_day")) or a.kind != "date":
        return False
    other = b if a.get("event_by_day") else a
    if not other.get("event_told"):
        return True
    assert a.value is not None and b.value is not None
    return a.value.hi < b.value.lo - 1 or b.value.hi < a.value.lo - 1


def _one_of_many(a: Claim, b: Claim) -> str | None:
    return next((why for test, why in _MANY if test(a, b)), None)


def _same_event_mismatch(kind: str):  # type: ignore[no-untyped-def]
    def check(ctx: RuleContext) -> Iterator[Finding]:
        claims = [c for c in ctx.of_kind(kind) if c.subject and c.value is not None]
        by_start = {(c.document, c.start): c for c in ctx.of_kind(kind)}
        for i, b in enumerate(claims):
            earlier: list[tuple[Claim, str]] = []
            for a in claims[max(0, i - WINDOW) : i]:
                how = same_event(a, b)
                if how is None:
                    continue
                many = _one_of_many(a, b)
                if many is not None:
                    ctx.skipped[f"{kind}: {many}"] += 1
                    continue
                why = participants_differ(a, b)
                if why is not None:
                    ctx.skipped[f"{kind}: {why}"] += 1
                    continue
                if "same object" not in how and "same actor" not in how and _done_and_to_come(ctx, a, b):
                    # "met today" and "the meeting scheduled for April 29", "ruled
                    # yesterday" and "the May 7 ruling": one done, one to come
                    ctx.skipped[f"{kind}: one instance done, another to come"] += 1
                    continue
                if how.endswith("named as a known event") and _by_day_apart(a, b):
                    # "today's talks" after "talks held last Sunday": a day names which of
                    # several; only a clause telling the act on the day next to it is
                    # likely a slip for the same one
                    ctx.skipped[f"{kind}: an event named by its day, days apart"] += 1
                    continue
                if _comparable(a, b, ctx):
                    earlier.append((a, how))
            if not earlier or any(_agree(a, b) for a, _ in earlier):
                continue
            # Name the earlier mention most like this one: same zone, then an absolute date.
            a, how = min(earlier, key=lambda x: (x[0].get("zone") != b.get("zone"),
                                                 bool(x[0].get("relative")) != bool(b.get("relative")), x[0].sort_key()))
            word = "time" if kind == "time" else "date"
            wa, wb = a.get("event_word") or a.subject, b.get("event_word") or b.subject
            name = wb if wa == wb else f"{wa} / {wb}"
            # a date counted from another ("a fortnight after the leak was discovered") is
            # shown with the date it was counted from
            counted = [(x, by_start.get((x.document, x.get("anchor_start")))) for x in (a, b)]
            froms = tuple(f for _, f in counted if f is not None and f is not a and f is not b)
            said = [f" ({x.normalized}, counted from '{f.text}')" if f is not None else f" ({x.normalized})"
                    for x, f in counted]
            yield Finding(
                claims=(*froms, a, b),
                message=f"the same {name.replace('_', ' ')} is given two {word}s: '{a.text}'{said[0]} "
                        f"and '{b.text}'{said[1]}",
                evidence={"event": [wa, wb], "same_event": how, "values": [a.normalized, b.normalized]},
                # Only a shared object or actor ties two mentions to one event firmly; a
                # definite noun ("the launch") is read as the earlier one, which it may not be.
                # and a date counted from another rests on which event the count names
                max_severity=None if ("same object" in how or "same actor" in how) and not froms else Severity.WARNING,
            )

    return check


WEEKDAY_MISMATCH = Rule(
    code="WKD001",
    name="weekday-mismatch",
    family="weekday",
    severity=Severity.ERROR,
    summary="A weekday printed with a date does not match the calendar.",
    doc=(
        "What it flags: a weekday attached to a date ('Tuesday, March 5', 'on Tuesday (March 5)') "
        "that is not that date's weekday, the year taken from the date, from a range the date "
        "belongs to ('Friday, August 1, to Monday, August 25, 2025'), or from the publication date.\n"
        "Why: readers check weekdays against their calendars; a wrong one casts doubt on the date. "
        "When the copy dates the same event elsewhere, the finding cites that mention too, so the editor "
        "sees which of the weekday and the date to keep.\n"
        "Not flagged: a date whose year cannot be inferred (no year and no publication date): a "
        "guess is not a finding; a date without a year that the weekday fits in the adjacent year.\n"
        "Example: 'on Tuesday, May 22' in a story published in May 2024 (May 22, 2024 was a Wednesday)."
    ),
    needs=("weekday", "date"),
    flags=(
        Example("The attack on Tuesday, May 22 killed seven people.", published="2024-05-27"),
        Example("The exhibition runs from Friday, August 1, to Monday, August 26, 2025."),
    ),
    passes=(
        Example("The attack on Wednesday, May 22 killed seven people.", published="2024-05-27"),
        Example("The exhibition runs from Friday, August 1, to Monday, August 25, 2025."),
        Example("The attack on Tuesday, May 22 killed seven people."),
    ),
    check=_weekday_mismatch,
)

DATE_MISMATCH = Rule(
    code="DAT001",
    name="date-mismatch",
    family="date",
    severity=Severity.ERROR,
    summary="One event is given two dates that cannot both be true.",
    doc=(
        "What it flags: two dates of the same event (the same event word or a synonym: "
        "opened/began, blast/explosion, swap/exchange) whose day intervals do not overlap; "
        "relative dates ('on Tuesday', 'last week', 'three weeks ago') are resolved against the "
        "dateline or publication date first; in a story with neither, days printed without a year "
        "are compared with each other ('March 3' ... 'March 5'), whatever the year.\n"
        "Why: a story that dates one event twice is wrong at least once.\n"
        "Not flagged: different events; the date of a statement about an event ('the ministry "
        "said on Tuesday'); a day on which the act did not happen ('schools did not close on "
        "Monday'; 'did not reopen until Tuesday' dates the reopening); a day given with a local "
        "time against its conversion's day in another zone; a day without a year against a dated one when the story has no date "
        "(counted in the report's stats); a new event introduced with 'a' or 'an' after an earlier one, or "
        "marked 'previous', 'second', 'next'; the start and the end of an event; a day within a "
        "continuing event ('the inquest continues on Friday'); an event named by its day "
        "('Saturday's collapse', 'today's talks') against anything but a clause telling the act "
        "on the day next to it; a relative date inside a quotation (the speaker's day); dates in "
        "one sentence, except a date counted from another event's ('thirty days after the "
        "conviction') against the date the sentence states, a day either way allowed for how the "
        "days were counted.\n"
        "Example: 'The summit opened on March 3' ... 'the summit, which began on March 5'."
    ),
    needs=("date",),
    flags=(
        Example("The summit opened on March 3 in Geneva. Delegates said the summit, which began on March 5, would last a week.", published="2025-03-06"),
        Example("Ukraine and Russia exchanged 90 prisoners on Tuesday. Officials said the June 23 swap took months to prepare.", published="2024-06-26"),
        # a phrasal verb WordNet knows is the event its noun names: "shut down", "the shutdown"
        Example("The plant was shut down on March 4 after a fire. Since the March 6 shutdown, workers have been on "
                "half pay.", published="2024-04-02"),
        # a possessive day names no actor: "Saturday's collapse" is the collapse told before
        Example("The midfielder collapsed on Sunday during the second half. Doctors said Saturday's collapse was "
                "caused by a heart defect.", published="2024-04-16"),
        # a passive act on a thing, its head named again with fewer words
        Example("A health emergency was declared in 20 regions on April 2. Since the emergency was "
                "declared last week, teams have sprayed 600,000 homes.", published="2024-04-25"),
        # an active speech verb acts on an event it names: declaring an outbreak is an act
        Example("Health officials declared an outbreak of measles on 12 January. Since the outbreak was declared "
                "on 19 January, 4,800 extra doses have been given.", published="2024-03-15"),
        # a date after its noun says when ("the polls on Sunday"); only one before it
        # names which of several
        Example("Portuguese voters went to the polls on Sunday, four months after the prime minister resigned. "
                "Analysts said the 3 March election ended an era.", published="2024-03-11"),
        # a comma-set participle after "N by M" describes N: the report was published
        Example("The report by the tracker consortium, published on Nov 13 at the summit, found no sign of a peak. "
                "Since the report was released on Nov 11, delegations have cited it.", published="2024-11-20"),
        # a date counted from another event's: the count and the stated date disagree,
        # whether the anchor is dated before, after or in the same sentence
        Example("The leak was found on July 25 during an inspection. The reactor was shut on Aug. 2, a fortnight "
                "after the leak was found.", published="2025-08-05"),
        Example("Her lawyers filed the appeal on April 22, thirty days after the conviction. The former mayor was "
                "convicted on March 12.", published="2025-04-23"),
        Example("Consent was granted on March 4. Offshore works will begin ten days after the consent, on March 18.",
                published="2025-03-05"),
    ),
    passes=(
        # a day on which the act did not happen dates nothing
        Example("Schools in the region did not close on Monday despite the warnings. Schools in the region closed "
                "on Tuesday as the storm arrived.", published="2024-12-04"),
        # a local day and its conversion's day in GMT
        Example("A magnitude 6.4 earthquake struck at 02:14 local time on Saturday (17:14 GMT on Friday), officials "
                "said. The quake struck early on Saturday, the agency said.", published="2025-03-15"),
        Example("The summit opened on March 3. The ministry said on March 5 that talks would go on.", published="2025-03-06"),
        # a day names which of several meetings; "held" tells nothing happened twice
        Example("The gathering was a follow-up to talks held last Sunday in Qatar. No details were given of "
                "today's talks.", published="1987-03-02"),
        # a speaker's "today" is the day they spoke
        Example("A man was jailed for 14 years yesterday for arson. The detective said: \"Today's sentence "
                "reflects the terror he caused.\"", published="2024-06-29"),
        # "since" governs the verdict, not its date: a verdict is no start of the trial
        Example("During the nine-week trial, which opened on 14 March, prosecutors described a scheme. Since the "
                "9 May verdict, the charity has written to every tenant.", published="2023-05-12"),
        # a continuing event's later day is no point of it
        Example("The inquest opened on Monday before the coroner. The inquest continues on Friday, when the "
                "jury visits the site.", published="2023-10-31"),
        Example("The exchange took place on Tuesday. The previous swap, on May 31, involved 75 prisoners.", published="2024-06-26"),
        # a count of days that fits, either way of counting them
        Example("The leak was found on July 25 during an inspection. The reactor was shut on Aug. 8, a fortnight "
                "after the leak was found.", published="2025-08-12"),
        Example("Consent was granted on March 4. Offshore works will begin ten days after the consent, on March 15.",
                published="2025-03-05"),
        Example("Brazilian bank workers voted to launch a nationwide strike this month. In Campinas, about 5,000 bank workers voted to strike on March 24 unless their demand is met.", published="1987-03-10"),
    ),
    check=_same_event_mismatch("date"),
)

TIME_MISMATCH = Rule(
    code="TIM001",
    name="time-mismatch",
    family="time",
    severity=Severity.ERROR,
    summary="One event is given two times of day that cannot both be true.",
    doc=(
        "What it flags: two times of day for the same event ('the blast at 3:40 a.m.' ... 'the "
        "4:40 a.m. explosion') that do not overlap once 'about' and 'shortly after' are allowed "
        "for; times with zones are compared in UTC.\n"
        "Why: a time restated an hour off is a common slip (time zones, summer time, retyping).\n"
        "Not flagged: different events; times on different days; a zoned time against a bare "
        "one; bounds ('by 10 p.m.', 'until noon'); a start against an end; times in one sentence "
        "(conversions such as '8:25 p.m. (1925 GMT)').\n"
        "Example: 'The main blast, at 3:40 a.m.' ... 'the 4:40 a.m. explosion'."
    ),
    needs=("time",),
    flags=(
        Example("The main blast, at 3:40 a.m., destroyed a transformer hall. Residents were woken by the 4:40 a.m. explosion."),
        Example("The first cloud struck at 16:45 GMT on Friday. Magnetometers jumped within minutes of the 17:45 GMT impact."),
        Example("The match kicked off at 7:45 p.m. after a short delay at the turnstiles. The 8:45 p.m. kick-off drew criticism from supporters' groups.", published="2024-05-26"),
        # "ran aground" is a verb WordNet lists with "ground"; "from the" names the event
        Example("The tanker ran aground at 0340 local time after losing steering. Investigators are reading the "
                "log from the 4.40am grounding."),
        Example("The rocket lifted off at 21:05 local time from Kourou. Crowds on the beach watched the 22:05 local "
                "lift-off."),
    ),
    passes=(
        Example("The main blast, at 3:40 a.m., destroyed a transformer hall. Residents were woken by the 3:40 a.m. explosion."),
        Example("The quake hit at 11:11 p.m. local time. An aftershock at 12:30 a.m. brought down several houses."),
        Example("The closest approach came at 2:27 p.m. EST. The closest approach came at 19:27 UTC, the centre said."),
    ),
    check=_same_event_mismatch("time"),
)

RULES = (DATE_MISMATCH, TIME_MISMATCH, WEEKDAY_MISMATCH)
