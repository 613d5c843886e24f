"""Duration family: one stretch of time stated twice incompatibly ("a 40-day blockade" ...
"the blockade lasted six weeks"), and a stated duration against the dates that bound it
("the 40-day siege, which began on 3 March and ended on 20 March").

Durations are measures of time (checker/extract/quantities.py, dimension [time]); what
they measure is an event noun ("blockade", "siege", "detention") read from the parse.
The dates of that event, with their phase (a start or an end), come from
checker/extract/dates.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..compare import STRONG
from ..model import Claim, Finding, Severity
from ..scope import TIME_NOUNS
from .base import Example, Rule, RuleContext
from .values import likely_cause

TIME = "[time]"
DAY = 86_400.0
# Counting the days of a stretch may include both ends or one: "from 3 to 20 March" is 17
# days or 18, and either is no conflict. A length outside both ("a four-day walkout" from
# 7am on 27 June to 7am on 2 July) is.
DAY_SLACK = 1.0


def _days(c: Claim) -> tuple[float, float]:
    assert c.value is not None
    return c.value.lo / DAY, c.value.hi / DAY


def _sole(ctx: RuleContext) -> set[tuple[str, int]]:
    """Durations that are the only one of their thing in their document: two stories of
    one check that each give the trial one length give the same trial two lengths."""
    per: dict[tuple[str, str], list[Claim]] = {}
    for c in ctx.of_kind("measure"):
        if c.unit == TIME and c.subject:
            per.setdefault((c.document, c.subject), []).append(c)
    return {(cs[0].document, cs[0].start) for cs in per.values() if len(cs) == 1}


def _mismatch(ctx: RuleContext) -> Iterator[Finding]:
    reported: set[tuple[str, int]] = set()
    sole = _sole(ctx)
    for a, b, ident in ctx.pairs("measure"):
        if a.unit != TIME:
            continue
        assert a.value is not None and b.value is not None
        if a.value.overlaps(b.value) or (b.document, b.start) in reported:
            continue
        if "ongoing" in a.qualifiers or "ongoing" in b.qualifiers:
            ctx.skipped["duration: how long an event has run so far, not its length"] += 1
            continue
        if a.get("classifies") or b.get("classifies"):
            ctx.skipped["duration: a length naming a kind of thing ('two-year notes')"] += 1
            continue
        cause = likely_cause(a, b)
        # the one length each story gives one thing, named by the same word in both
        parallel = (a.document != b.document and a.subject == b.subject and (a.document, a.start) in sole
                    and (b.document, b.start) in sole)
        if ident.strength != STRONG and cause in (None, "one digit differs") and not parallel:
            ctx.skipped["duration: weak identity and no slip"] += 1
            continue
        reported.add((b.document, b.start))
        yield Finding(
            claims=(a, b),
            message=f"'{a.text}' ({a.normalized}) vs '{b.text}' ({b.normalized}): two lengths for the same "
                    f"{b.subject} ({'the only length each story gives it' if parallel and ident.strength != STRONG else ident.why})"
                    + (f"; {cause}" if cause else ""),
            evidence={"values": [a.normalized, b.normalized], "days": [list(_days(a)), list(_days(b))],
                      "identity": ident.strength, "identity_why": ident.why, "cause": cause},
            max_severity=None if ident.strength == STRONG else Severity.WARNING,
        )


def _names_event(event: str, d: Claim) -> bool:
    """Whether a date belongs to the event a duration measures: the same word, its verb,
    its event class, or a WordNet synonym or direct kind ("strike", "walkout")."""
    from .. import lexical
    from ..extract.events import event_words

    mine = set(event_words(event, "NOUN"))
    theirs = {d.subject, d.get("event_word", ""), d.get("event_class", "")} - {""}
    if mine & theirs:
        return True
    word = d.get("event_word", "")
    if not word or " " in event:
        return False
    if lexical.synonyms(event, word, "n"):
        return True
    kind = lexical.related_kind(event, word, "n")
    return kind is not None and kind <= 1


Lengths = dict[tuple[str, int], list[Claim]]


def _lengths(ctx: RuleContext) -> Lengths:
    """The lengths of time each sentence states of a thing, once per check."""
    out: Lengths = {}
    for m in ctx.of_kind("measure"):
        if m.unit == TIME and m.subject:
            out.setdefault((m.document, m.sentence), []).append(m)
    return out


def _another(lengths: Lengths, d: Claim, c: Claim) -> bool:
    """A date in another sentence than the length c that belongs to another instance of
    the event: one marked as such ("a second strike", "the previous siege"), or one given
    a length of its own beside it ("a three-day strike from 4 to 6 June")."""
    if d.document == c.document and d.sentence == c.sentence:
        return False
    if d.get("distinct") not in ("", "a"):
        return True
    return any(m is not c and _names_event(m.subject, d) for m in lengths.get((d.document, d.sentence), ()))


def _bounds(ctx: RuleContext, lengths: Lengths, c: Claim) -> tuple[Claim | None, Claim | None]:
    """The exact start and end dates of the event a length measures, in its document; a
    stretch of days ("June 4-7") gives both."""
    start = end = None
    dates = [d for d in ctx.of_kind("date") if d.document == c.document and d.value is not None
             and _names_event(c.subject, d) and not _another(lengths, d, c)]
    beside = [d for d in dates if d.sentence == c.sentence and d.get("phase") in ("start", "end")]
    if any(d.get("distinct") not in ("", "a") for d in beside):
        dates = beside  # "a second five-day strike, from 25 to 29 November": its own dates only
    for d in dates:
        if d.get("granularity") == "days" and start is None and end is None:
            return d, d
        if d.value.lo != d.value.hi:
            continue
        phase = d.get("phase")
        if phase == "start" and start is None:
            start = d
        elif phase == "end" and end is None:
            end = d
    return start, end


def _against_dates(ctx: RuleContext) -> Iterator[Finding]:
    lengths = _lengths(ctx)
    for c in ctx.of_kind("measure"):
        if c.unit != TIME or not c.subject or c.value is None or c.qualifiers & {"change", "unasserted", "rate", "ongoing"}:
            continue
        if c.subject in TIME_NOUNS:
            continue  # "seven more days after three years": a length of days, of no event
        start, end = _bounds(ctx, lengths, c)
        if start is None or end is None:
            continue
        assert start.value is not None and end.value is not None
        span = end.value.hi - start.value.lo
        if bool(start.get("year_unknown")) != bool(end.get("year_unknown")) or span < 0:
            # one of the two has no year, or without years the end falls before the start
            # (December to January): the span is not known
            ctx.skipped["duration: start and end dates without years to measure between"] += 1
            continue
        lo, hi = _days(c)
        if start is end:
            # a stretch of days printed as one ("4-7 June") counts both ends: four days
            if lo <= span + 1 <= hi or (math.isinf(hi) and span + 1 >= lo):
                continue
        elif (lo <= span + DAY_SLACK and span <= hi) or (math.isinf(hi) and span + DAY_SLACK >= lo):
            continue
        yield Finding(
            claims=(c, start) if start is end else (c, start, end),
            message=(f"'{c.text}' ({c.normalized}) but the {c.subject} ran '{start.text}': {int(span) + 1} days"
                     if start is end else
                     f"'{c.text}' ({c.normalized}) but the {c.subject} ran from '{start.text}' to '{end.text}': "
                     f"{int(span)} days ({int(span) + 1} counting both)"),
            evidence={"stated_days": [lo, hi], "dates": [start.normalized, end.normalized], "span_days": span},
        )


# Days either way an elapsed count may be off by how the first day was counted; a month's
# length varies by more.
_ELAPSED_SLACK = {1.0: 1.0, 7.0: 1.0}
_ELAPSED_SLACK_LONG = 3.0


def _began(ctx: RuleContext, lengths: Lengths, c: Claim) -> Claim | None:
    """The day the continuing event began: a date of its start ("began an indefinite strike
    on Monday"), in its own story first, then in the others of the check."""
    starts = [d for d in ctx.of_kind("date") if d.value is not None and d.value.lo == d.value.hi
              and d.get("phase") == "start" and _names_event(c.subject, d) and not _another(lengths, d, c)]
    own = [d for d in starts if d.document == c.document]
    pick = own or starts
    days = {d.value.lo for d in pick if d.value is not None}
    return pick[0] if len(days) == 1 else None  # two start days: which one is not known


def _elapsed(ctx: RuleContext) -> Iterator[Finding]:
    lengths = _lengths(ctx)
    for c in ctx.of_kind("measure"):
        if "ongoing" not in c.qualifiers or c.value is None or c.get("as_of") is None:
            continue
        start = _began(ctx, lengths, c)
        if start is None:
            continue
        assert start.value is not None
        ran = float(c.get("as_of")) - start.value.lo
        if ran < 0:
            continue  # begun after the story's date: a plan, or another instance
        lo, hi = _days(c)
        unit = float(c.get("unit_days") or 1.0)
        slack = _ELAPSED_SLACK.get(unit, _ELAPSED_SLACK_LONG)
        if lo - slack <= ran <= hi - 1 + slack:
            continue
        week = int(ran // unit) + 1
        yield Finding(
            claims=(start, c),
            message=(f"the {c.subject} began '{start.text}' ({start.normalized}): by the story's date it had run "
                     f"{int(ran)} days, so it is in its {_ordinal_word(week)} {_unit_name(unit)}, not '{c.text}'"),
            evidence={"began": start.normalized, "days_run": ran, "stated_days": [lo, hi]},
            max_severity=Severity.WARNING,
        )


def _ordinal_word(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _unit_name(days: float) -> str:
    return {1.0: "day", 7.0: "week"}.get(days, "month" if days < 100 else "year")


DURATION_MISMATCH = Rule(
    code="DUR001",
    name="duration-mismatch",
    family="duration",
    severity=Severity.ERROR,
    summary="One stretch of time is given two lengths that cannot both be true.",
    doc=(
        "What it flags: two durations of the same event or thing ('a 40-day blockade', 'the "
        "blockade lasted six weeks') whose lengths do not overlap once converted to days, "
        "under the same identity policy as quantities: a definite restatement or the same "
        "holder or event reports any disagreement, a bare shared noun only a slip. A length a "
        "verb states of its act ('was jailed for four years') is that act's for the whole story, "
        "and a definite noun of the act ('the 40-month sentence', 'his four-year jail term') "
        "restates it however many paragraphs on; and two "
        "documents of one check that each give a thing, named by one word, its only length "
        "(a warning).\n"
        "Why: a length of time is a figure readers remember (a siege, a detention, a strike).\n"
        "Not flagged: different events ('a two-week strike last year'), durations that agree "
        "within their stated precision ('about six weeks', '40 days').\n"
        "Example: 'a 19-day blockade' ... 'The blockade lasted six weeks.'"
    ),
    needs=("measure",),
    flags=(
        Example("Farmers began a 19-day blockade of the port. The blockade lasted six weeks, the union said."),
        # a length stated of a thing introduced with one is that thing's all story long; a
        # relative clause set off by commas is the writer's, not the estimator's
        Example("Skippers ended a 25-day blockade of the harbour on Wednesday.\n\nFreight was diverted to "
                "Calais.\n\nFerry operators said bookings were down.\n\nThe chamber of commerce estimated that "
                "the blockade, which lasted six weeks, had diverted 45,000 trucks."),
        # a length in a definite noun phrase is no name: the trial's length stated again
        Example("The six-week trial heard from 40 witnesses. The trial lasted 11 weeks, the court said."),
        # a multi-word synonym cut to its head: "stoppage" for "work stoppage", a strike
        Example("Dockers voted to end a six-week strike on Monday. The 52-day stoppage held up 300 ships."),
        # a verb of lasting measures its subject, whatever WordNet files the noun under
        Example("The blackout, which lasted just over four hours, hit 40,000 homes. Engineers said the 14-hour "
                "blackout ended at 6pm."),
        # one act has one length: a verb's stretch named again by its noun, paragraphs on
        Example("A man who punched a taxi driver was jailed for four years.\n\nThe driver spent nine days in "
                "hospital.\n\nHe has not worked since.\n\nThe judge said the 40-month sentence reflected his "
                "guilty plea."),
    ),
    passes=(
        Example("Farmers began a 40-day blockade of the port. The blockade lasted nearly six weeks."),
        Example("The strike lasted three days. Last year's strike lasted two weeks."),
        # a trial's length is not the length of the jailing its verdict led to
        Example("A jury convicted Reeve after a two-week trial in July. His friend was jailed for six years on "
                "Friday."),
    ),
    check=_mismatch,
)

DURATION_VS_DATES = Rule(
    code="DUR002",
    name="duration-against-dates",
    family="duration",
    severity=Severity.WARNING,
    summary="A stated duration does not fit the start and end dates the copy gives.",
    doc=(
        "What it flags: an event given a length ('the 40-day siege') and a start and an end "
        "date ('began on 3 March', 'ended on 20 March'; 'from 3 March to 20 March') whose "
        "distance, counted with one end or both, is not that length; or a stretch of days "
        "printed as one date ('the two-day summit, held from 4 to 7 June'), counted with both "
        "ends. The event's dates are found by its word, its verb, its class or a WordNet "
        "synonym, and 'It ended ...' takes up the event of the sentence before.\n"
        "Why: the arithmetic is the reader's too; a wrong length or a wrong date is a slip.\n"
        "Not flagged: events without both dates, dates of other events, approximate lengths "
        "that cover the span ('about six weeks').\n"
        "Example: 'the 40-day siege, which began on 3 March and ended on 20 March'."
    ),
    needs=("measure", "date"),
    flags=(
        Example("The 40-day siege began on 3 March 2024. The siege ended on 20 March 2024."),
        # "It ended": the event the sentence before was about
        Example("The 40-day siege began on 3 March 2024. It ended on 20 March 2024."),
        # "from ... to ..." gives the start and the end; "lasted" carries its subject's event
        Example("The siege lasted 40 days, from 3 March to 20 March 2024."),
        # a stretch of days written as one date; "was lifted" ends a blockade
        Example("Leaders gathered for the two-day summit, held from 4 to 7 June 2024."),
        Example("The 40-day blockade, which began on March 3, 2024, was lifted on March 20, 2024."),
        # a verb conjoined in a relative clause shares its noun: the trial ended
        Example("He was convicted after a six-week trial that opened on Jan. 8, 2025 and ended with guilty verdicts "
                "on April 30, 2025."),
        # 7am to 7am five days on: five days, six counting both ends, never four
        Example("The four-day walkout, which began at 7am on Thursday 27 June 2024 and ended at 7am on Tuesday 2 July "
                "2024, was the 11th round of action."),
    ),
    passes=(
        Example("The 18-day siege began on 3 March 2024. The siege ended on 20 March 2024."),
        Example("The siege lasted 18 days, from 3 March to 20 March 2024."),
        Example("Leaders gathered for the four-day summit, held from 4 to 7 June 2024."),
    ),
    check=_against_dates,
)

ELAPSED_VS_START = Rule(
    code="DUR003",
    name="elapsed-against-start",
    family="duration",
    severity=Severity.WARNING,
    summary="How long a continuing event has run ('now in its fourth week') does not fit the day it began.",
    doc=(
        "What it flags: a continuing event's run so far ('the strike, now in its second week', "
        "'as the siege entered its 40th day') against the day the copy says it began ('began "
        "an indefinite strike on Monday'), in the same story or another of the check, counted "
        "to the story's own date (its dateline or publication date), a day either way allowed "
        "for how the first day was counted (three for months and years).\n"
        "Why: the count is the reader's arithmetic too, and a stale 'third week' carried from "
        "an earlier draft is a common slip.\n"
        "Not flagged: an event without a start date, or with two; a start after the story's "
        "date; a run so far against a stated length ('a six-week strike' may be the whole).\n"
        "Example: 'began an indefinite strike on Monday' in Monday's story, and 'the walkout, "
        "now in its second week' on Wednesday."
    ),
    needs=("measure", "date"),
    flags=(
        Example("Train drivers began an indefinite strike on January 13, cancelling most services. The strike, "
                "now in its second week, has cost shops a third of their trade.", published="2025-01-15"),
    ),
    passes=(
        Example("Train drivers began an indefinite strike on January 13, cancelling most services. The strike, "
                "now in its second week, has cost shops a third of their trade.", published="2025-01-22"),
        Example("The strike, now in its second week, has cost shops a third of their trade.",
                published="2025-01-22"),
    ),
    check=_elapsed,
)


RULES = (DURATION_MISMATCH, DURATION_VS_DATES, ELAPSED_VS_START)
