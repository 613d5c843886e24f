"""State, change and negation families, over the clauses that checker/extract/predications.py
reads from the parse: a topic called unchanged and said to have moved, one topic moving
both ways in one period, a thing in two opposite states at once, and one predicate
asserted and denied.

Same thing, or no comparison: two clauses are compared only when they are about the same
topic (the same noun phrase, or WordNet synonyms), at a compatible time, in no different
place, and both are asserted (not under a condition, a modal, a question or a hedge).
A conflict across a concessive link inside one sentence ("although") is at most a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from .. import lexical
from ..model import Claim, Finding, Severity
from ..scope import WEEKDAYS, weekday_in
from .base import Example, Rule, RuleContext

# How long after a change its state is still "now" in a story: the story's own week.
_STILL_NOW_DAYS = 7
# Links across which a writer sets two facts against each other on purpose.
_CONCESSIVE = frozenset({"although", "though", "even though", "despite", "yet"})


def _asserted(c: Claim) -> bool:
    """Said to be so: not under a modal, condition or hedge, not future, and not an
    infinitive or verb complement ("would strive to keep the PSBR at 1 pct", "to reduce
    it"), which tells an aim."""
    return not c.get("modality") and not c.get("hedged") and c.get("tense") != "future" \
        and not (c.kind in ("state-change", "state") and c.get("unasserted_form"))


def same_topic(x: str, y: str) -> bool:
    """Two noun phrases name one topic: the same words; one the other with fewer
    modifiers ("bookings", "advance bookings"); single words that WordNet makes synonyms
    in their common senses ("price", "cost"); or the same modifiers (or fewer) on such
    heads, or on a head and its direct kind ("milk output", "milk production")."""
    if not x or not y:
        return False
    if x == y:
        return True
    wx, wy = x.split(), y.split()
    if wx[-1] == wy[-1] and (set(wx) <= set(wy) or set(wy) <= set(wx)):
        return True
    if len(wx) > 1 or len(wy) > 1:
        # "milk output" and "milk production", "industrial output" and "Czech industrial
        # production": the same modifiers (or fewer) on heads WordNet makes synonyms, or
        # one a direct kind of the other in its first sense
        mx, my = set(wx[:-1]), set(wy[:-1])
        if not (mx and my and (mx <= my or my <= mx)) or wx[-1] == wy[-1]:
            return False
        return lexical.synonyms(wx[-1], wy[-1], "n") or lexical.related_kind(wx[-1], wy[-1]) == 1
    return lexical.synonyms(x, y, "n")


def _disjoint(a: object, b: object) -> bool:
    sa, sb = set(a or ()), set(b or ())  # type: ignore[call-overload]
    return bool(sa) and bool(sb) and not (sa & sb)


def _one_sentence(a: Claim, b: Claim) -> bool:
    return a.document == b.document and a.sentence == b.sentence


def _same_clause(a: Claim, b: Claim) -> bool:
    return a.document == b.document and a.start < b.end and b.start < a.end


def _cap(a: Claim, b: Claim) -> tuple[Severity | None, str | None]:
    """A warning at most when the writer sets the two against each other in one
    sentence ("although ..."), and the link word."""
    if not _one_sentence(a, b):
        return None, None
    link = a.get("concessive") or b.get("concessive")
    return (Severity.WARNING, link) if link else (None, None)


def _change_cap(a: Claim, b: Claim) -> tuple[Severity | None, str | None]:
    """As _cap, and a warning at most when a topic is one bare noun: a story about an
    economy has many indexes, sales and debts, and "the index rose" names none of them."""
    cap, link = _cap(a, b)
    if len(a.subject.split()) < 2 or len(b.subject.split()) < 2:
        cap = Severity.WARNING
    if a.get("anaphoric") or b.get("anaphoric"):
        cap = Severity.WARNING  # "Wednesday's cut" names its thing only by restating a change
    return cap, link


def _bare_apart(a: Claim, b: Claim, topics: set[str]) -> bool:
    """A one-word topic ("the index", "sales") in another sentence, when the copy also
    names a narrower one of the same word that is neither of the two ("the index of
    lagging indicators", "auto sales"): the word alone then names none of them."""
    if _one_sentence(a, b) or set(a.get("places") or ()) & set(b.get("places") or ()):
        return False  # (a place both name narrows the word as a modifier would)
    for bare in (x.subject for x in (a, b) if len(x.subject.split()) == 1):
        if any(t.split()[-1] == bare and len(t.split()) > 1 and t not in (a.subject, b.subject) for t in topics):
            return True
    return False


def _topics(ctx: RuleContext) -> set[str]:
    return {c.subject for c in ctx.of_kind("state-change") if c.subject}


def _owners(claims: list[Claim]) -> dict[tuple[str, str], set[str]]:
    """Every owner each document names for each topic word, from what its changes carry."""
    out: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        if c.subject:
            out.setdefault((c.document, c.subject.split()[-1]), set()).update(c.get("owners_seen") or ())
    return out


def _whose_apart(a: Claim, b: Claim, owners: dict[tuple[str, str], set[str]] | None = None) -> str | None:
    """Why two changes of one topic belong to different owners, or None: different
    agents ("the Bundesbank left its rate unchanged", "the Fed cut its rate"), or topics
    whose own phrases name different owners ("Qatar's output", "Iraq's output"). An owner
    named on one side only is no difference: copy names it once and then drops it."""
    ga, gb = a.get("agent") or "", b.get("agent") or ""
    if ga and gb and not same_topic(ga, gb):
        return "different agents"
    ha, hb = a.get("holder") or "", b.get("holder") or ""
    if ha and hb and not same_topic(ha, hb):
        return "different owners"
    if bool(ha) != bool(hb) and owners is not None:
        bare = b if ha else a
        if len(owners.get((bare.document, bare.subject.split()[-1]), set())) > 1:
            return "an owner named on one side, where the copy names several"
    return None


def _when_clause(c: Claim) -> bool:
    """A change told as the time of something else ("when prices soared", "since it was
    raised"): the story's background, not a statement about the period it reports."""
    return bool(c.get("temporal_clause"))


def _pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs within a window of each other in one document, never all pairs over a long
    one; and every pair across two documents (a draft against the wire copy), which the
    window, over claims sorted by document, would otherwise leave out."""
    window = 60
    for i, a in enumerate(claims):
        for b in claims[i + 1 : i + 1 + window]:
            if b.document == a.document and not _same_clause(a, b):
                yield a, b
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document, []).append(c)
    docs = sorted(by_doc)
    for i, da in enumerate(docs):
        for db in docs[i + 1:]:
            for a in by_doc[da]:
                for b in by_doc[db]:
                    yield a, b


def _periods(claims: list[Claim]) -> dict[tuple[str, str], set[str]]:
    """The periods stated for each topic in each document."""
    out: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        out.setdefault((c.document, c.subject), set()).update(_points(c))
    return out


def _stability(ctx: RuleContext) -> Iterator[Finding]:
    topics = _topics(ctx)
    claims = sorted((c for c in ctx.of_kind("state-change") if _asserted(c)), key=lambda c: c.sort_key())
    periods = _periods(claims)
    owners = _owners(ctx.of_kind("state-change"))
    reported: set[tuple[str, int]] = set()
    for a, b in _pairs(claims):
        da, db = a.get("direction"), b.get("direction")
        if _when_clause(a) or _when_clause(b):
            ctx.skipped["state-change: one is the background of the other ('since January 2, when it was raised')"] += 1
            continue
        if a.get("at_rate") or b.get("at_rate"):
            ctx.skipped["state-change: a pace ('growing at 7.5 pct') may hold while its measure moves"] += 1
            continue
        if (da == "same") == (db == "same"):
            continue
        same = same_topic(a.subject, b.subject)
        cap, link = _change_cap(a, b)
        if not same and link not in _CONCESSIVE:
            continue  # another topic; only the writer's own "although" sets two against each other
        if not same and a.subject.split()[-1:] == b.subject.split()[-1:]:
            # "retail prices held steady even though market prices tumbled": two kinds of
            # one thing set against each other on purpose
            ctx.skipped["state-change: two kinds of one thing contrasted"] += 1
            continue
        if a.get("afterwards") or b.get("afterwards"):
            ctx.skipped["state-change: a state reached since ('have since steadied')"] += 1
            continue
        if same and link:
            # "the dollar has eased this week, but remains stable": one topic set against
            # itself on purpose, in one sentence, is two aspects of it, not a slip
            ctx.skipped["state-change: one topic contrasted with itself in one sentence"] += 1
            continue
        if same and _bare_apart(a, b, topics):
            ctx.skipped["state-change: a one-word topic where the copy names narrower ones"] += 1
            continue
        if _disjoint(a.get("places"), b.get("places")):
            ctx.skipped["state-change: different places"] += 1
            continue
        if _disjoint(a.get("scope"), b.get("scope")):
            ctx.skipped["state-change: one noun narrowed two ways ('exports to China', 'exports to Japan')"] += 1
            continue
        if _flow_part(a) != _flow_part(b):
            # "exports to EU countries were unchanged" against "the rise in exports": a flow
            # narrowed by where it goes or comes from is part of the total, and may stand
            # still while the total moves
            ctx.skipped["state-change: a part of a total ('exports to China') against the total"] += 1
            continue
        whose = _whose_apart(a, b, owners) if same else None
        if whose is not None:
            ctx.skipped[f"state-change: {whose}"] += 1
            continue
        ta, tb = set(a.get("times") or ()), set(b.get("times") or ())
        # In one sentence an unstated period is the stated one, unless the tense moves:
        # "consumption is flat and last year it fell" is now against last year.
        # In one story, a topic's unstated period is the only one stated for that topic,
        # when the topic is named the same both times and by more than a bare noun
        # ("reservoir stocks"; not "imports" or "the rate", of which a story may mean
        # several without saying so).
        if not (ta and tb) and a.document == b.document and a.subject == b.subject \
                and not _one_sentence(a, b) and len(a.subject.split()) >= 2:
            only = periods.get((a.document, a.subject))
            if only is not None and len(only) == 1 and (ta | tb) <= only:
                ta = tb = set(only)
        if not (ta or tb) and a.document != b.document and a.get("story_date") and b.get("story_date") \
                and a.get("story_date") != b.get("story_date"):
            # each story's unstated period is its own day's: Tuesday's market report and
            # Wednesday's say "the pound was steady" and "the pound slipped" of two sessions
            ctx.skipped["state-change: unstated periods of stories of different days"] += 1
            continue
        if _disjoint(a.get("baselines"), b.get("baselines")):
            ctx.skipped["state-change: measured against different baselines"] += 1
            continue
        if ta != tb and _measured_alike(a, b, ta, tb):
            ta = tb = ta | tb
        if ta != tb and not (_one_sentence(a, b) and not (ta and tb) and a.get("tense") == b.get("tense")):
            ctx.skipped["state-change: different or unstated periods"] += 1
            continue
        if (b.document, b.start) in reported or (a.document, a.start) in reported:
            continue
        reported.update({(a.document, a.start), (b.document, b.start)})
        still, moved = (a, b) if da == "same" else (b, a)
        how = f"both about {still.subject}" if same else f"{moved.subject} against {still.subject}, set against each other with '{link}'"
        when = f" ({', '.join(sorted(ta))})" if ta else ""
        yield Finding(
            claims=(a, b),
            message=f"'{still.text}' says {still.subject} {'barely changed' if still.get('approximate') else 'did not change'}, "
                    f"but '{moved.text}' says it went "
                    f"{moved.get('direction')}: {how}{when}",
            evidence={"topics": [a.subject, b.subject], "directions": [da, db], "link": link, "same_topic": same},
            # "little changed" allows a small move, which the copy may well report: a query
            max_severity=cap if same and not still.get("approximate") else Severity.WARNING,
        )


def _opposite(ctx: RuleContext) -> Iterator[Finding]:
    topics = _topics(ctx)
    claims = sorted((c for c in ctx.of_kind("state-change") if c.get("direction") in ("up", "down") and _asserted(c)),
                    key=lambda c: c.sort_key())
    owners = _owners(ctx.of_kind("state-change"))
    reported: set[tuple[str, int]] = set()
    for a, b in _pairs(claims):
        if a.get("direction") == b.get("direction") or not same_topic(a.subject, b.subject):
            continue
        if _bare_apart(a, b, topics):
            ctx.skipped["state-change: a one-word topic where the copy names narrower ones"] += 1
            continue
        if a.subject != b.subject and len(a.subject.split()) != len(b.subject.split()) and not _restated(a, b):
            # "the trade surplus narrowed" and "the invisible trade surplus rose": a
            # narrower measure moves on its own; only the same words are one topic here
            ctx.skipped["state-change: a narrower topic may move the other way"] += 1
            continue
        ta, tb = _points(a), _points(b)
        if ta != tb and _measured_alike(a, b, ta, tb):
            ta = tb = (ta | tb) or {"(against " + ", ".join(sorted(set(a.get("baselines") or ()))) + ")"}
        if not (ta & tb) or ta != tb:
            ctx.skipped["state-change: opposite directions without one shared period"] += 1
            continue
        if _disjoint(a.get("places"), b.get("places")):
            ctx.skipped["state-change: different places"] += 1
            continue
        if _disjoint(a.get("scope"), b.get("scope")):
            ctx.skipped["state-change: one noun narrowed two ways ('exports to China', 'exports to Japan')"] += 1
            continue
        whose = _whose_apart(a, b, owners)
        if whose is not None:
            ctx.skipped[f"state-change: {whose}"] += 1
            continue
        if (b.document, b.start) in reported:
            continue
        reported.add((b.document, b.start))
        cap, _ = _change_cap(a, b)
        yield Finding(
            claims=(a, b),
            message=f"'{a.text}' ({a.subject} went {a.get('direction')}) vs '{b.text}' (went {b.get('direction')}), "
                    f"both for {', '.join(sorted(ta))}",
            evidence={"topic": a.subject, "directions": [a.get("direction"), b.get("direction")], "period": sorted(ta)},
            max_severity=cap,
        )


def _narrower_later(a: Claim, b: Claim) -> bool:
    """b, later in the same story, names a's thing with words a lacks ("the road is open"
    ... "the old military road is still closed"): a restatement drops words, and one that
    adds them names another thing of the kind."""
    if a.document != b.document or len(b.subject.split()) <= len(a.subject.split()):
        return False
    # every word of the two phrases, whatever the topic's key kept of them
    wa, wb = set(a.get("subject_words") or a.subject.split()), set(b.get("subject_words") or b.subject.split())
    return not wb <= wa


def _flow_part(c: Claim) -> bool:
    """A topic narrowed by a destination or an origin ("exports to China", "applications
    from overseas students")."""
    return any(s.split()[0] in ("to", "from") for s in c.get("scope") or ())


def _restated(a: Claim, b: Claim) -> bool:
    """b names a's topic again with fewer words, later in the same story, as a change
    told as a noun ("day-ahead power prices fell" ... "Monday's rise in day-ahead
    prices"): a change named as a thing presents itself as known, and a restatement drops
    what narrowed the first mention, never adds to it. A clause of its own ("prices rose")
    may be about any prices."""
    if a.document != b.document or len(b.subject.split()) >= len(a.subject.split()) or not b.get("as_noun"):
        return False
    wa, wb = set(a.get("topic_words") or ()), set(b.get("topic_words") or ())
    return bool(wb) and wb <= wa


def _measured_alike(a: Claim, b: Claim, ta: set[str], tb: set[str]) -> bool:
    """Two changes with at most one period stated that are measured against the same
    baseline ("unchanged from 2019", "dropped compared with five years ago" in a 2024
    story), or where one's baseline is the month before the other's period ("unchanged
    from April", "climbed in May"): one comparison, so one period."""
    if ta and tb:
        return False
    ba, bb = set(a.get("baselines") or ()), set(b.get("baselines") or ())
    if ba & bb:
        return True
    from ..scope import MONTHS

    for base, period in ((ba, tb), (bb, ta)):
        for m in base:
            if m in MONTHS and period == {MONTHS[(MONTHS.index(m) + 1) % 12]}:
                return True
    return False


def _points(c: Claim) -> set[str]:
    """The periods a change is stated for, without the starts a clause may also carry
    ("rose 9% in the first half to a level not seen since 1990": the first half)."""
    times = set(c.get("times") or ())
    points = {t for t in times if not t.startswith("since ")}
    return points or times


def _opposite_states(a: Claim, b: Claim) -> str | None:
    """How two states of one thing exclude each other, or None."""
    sa, sb = a.get("state"), b.get("state")
    na, nb = bool(a.get("negated")), bool(b.get("negated"))
    if sa == sb:
        return "asserted and denied" if na != nb else None
    pa, pb = a.get("pole"), b.get("pole")
    opposite: str | None = None
    if pa and pb and pa[0] == pb[0] and pa[1] != pb[1]:
        opposite = "opposite states"
    else:
        xa, xb = _plain(sa), _plain(sb)
        if lexical.antonymy(xa, xb, "a"):
            opposite = "opposites in WordNet"
        elif a.get("lemma") and b.get("lemma") and lexical.opposed(a.get("lemma"), b.get("lemma"), "v"):
            opposite = "opposite acts in WordNet"  # "was detained" against "was freed"
    if opposite is None:
        return None
    return opposite if na == nb else None


def _plain(state: str) -> str:
    """The plain adjective of a state: "reopened" -> "open"."""
    if state.startswith("re") and lexical.known(state[2:], "a"):
        return state[2:]
    if state.endswith("ed") and lexical.known(state[:-2], "a"):
        return state[:-2]
    if state.endswith("ed") and lexical.known(state[:-1], "a"):
        return state[:-1]
    return state


def _day_date(c: Claim, day: str) -> str:
    """The calendar date a claim's weekday stands for in its dated story, or ""."""
    weekday = weekday_in(day)
    return dict(c.get("day_dates") or ()).get(weekday, "") if weekday else ""


def _covers(since: str, point: str, dates: tuple[str, str] = ("", "")) -> bool:
    """Whether a state that began at `since` (a weekday) still held at `point`. A start not
    read ("closed since Friday's shelling", "was reopened") covers a day of the story's
    week, but not a calendar date ("shut down February 2"), which may be long before."""
    if not since:
        return not any(ch.isdigit() for ch in point)
    if since == point:
        return True
    if point == "this week" and since.split()[0] in WEEKDAYS:
        # "lifted its ban on Sunday" and "remains in force this week": a weekday in a
        # story is the latest such day, within the week the story speaks of
        return True
    # "reopened on Sunday evening" began within the day: it says nothing of "on Sunday"
    within = len(since.split()) > 1 and since.split()[0] in WEEKDAYS
    ds, dp = dates
    if ds and dp:
        return ds < dp if within else ds <= dp  # both days placed on their stories' calendars
    order = {d: i for i, d in enumerate(WEEKDAYS)}
    si, pi = (order.get(weekday_in(x)) for x in (since, point))
    return si is not None and pi is not None and (si < pi if within else si <= pi)


def _same_time(a: Claim, b: Claim) -> bool:
    (ka, va), (kb, vb) = a.get("when"), b.get("when")
    kinds = {ka, kb}
    if "future" in kinds or "unknown" in kinds:
        return False
    if "ever" in kinds:
        # "has never closed" against any time it was closed, up to now: the now of the
        # story that denies it, when both days are known
        ever, other = (a, b) if ka == "ever" else (b, a)
        day, today = _day_date(other, other.get("when")[1]), ever.get("story_date") or ""
        return kinds <= {"ever", "on", "since", "past", "now"} and not (day and today and day > today)
    if ka == kb == "now":
        # two stories' "now" is one day only when they are of one day
        na, nb = a.get("story_date") or "", b.get("story_date") or ""
        return not (na and nb and na != nb)
    da, db = _day_date(a, va), _day_date(b, vb)
    if ka == kb == "on":
        return da == db if da and db else bool(va == vb)
    if ka == kb == "since":
        # "closed since Monday", "open since Tuesday": one after the other, unless they
        # start together
        return da == db if da and db else bool(va and va == vb)
    if kinds == {"on", "since"}:
        on, since = (a, b) if ka == "on" else (b, a)
        # each day on its own story's calendar
        return _covers(since.get("when")[1], on.get("when")[1],
                       (_day_date(since, since.get("when")[1]), _day_date(on, on.get("when")[1])))
    if kinds == {"now", "since"}:
        # "remains closed" against "reopened on Friday": the reopening reaches up to now,
        # unless the story that says "now" is of a day before the other began
        now, since = (a, b) if ka == "now" else (b, a)
        start = since.get("when")[1]
        began = _day_date(since, start)
        today = now.get("story_date") or ""
        if since.get("tense") == "perfect":
            # "has been closed since mid-November": the perfect says it holds now
            return not (today and since.get("story_date") and since.get("story_date") != today)
        if began and today:
            return began <= today <= _days_after(began, _STILL_NOW_DAYS)
        dated = _calendar_start(start, since.get("story_date") or "")
        if dated and today:
            # "was lifted on 3 August" (or "last month") in a mid-August story: a change a
            # few weeks old is the latest the copy tells of the state
            return dated[0] <= today and dated[1] >= _days_after(today, -_RECENT_DAYS)
        # a start long before the story ("released on licence last autumn", "opened in
        # 1972") says nothing of now: the copy tells only the latest change of a state, and
        # a state begun in another season may have ended since
        return not start or bool(weekday_in(start)) or start in _THIS_WEEK
    return False


# Starts within the story's own week: a state begun then is the state now.
_THIS_WEEK = frozenset({"this week", "today", "yesterday", "tonight", "this morning", "this afternoon",
                        "this evening", "last night"})
# How far back a dated change still tells the state "now" of a story: the weeks a story's
# "last month" reaches.
_RECENT_DAYS = 45


def _calendar_start(start: str, story: str) -> tuple[str, str] | None:
    """The first and last calendar day a start said as a date or a month ("3 august",
    "january", "mid-november") can be in a story of the given date: the latest such day or
    month up to the story's date. None for anything else."""
    from ..scope import MONTHS

    if not story:
        return None
    today = dt.date.fromisoformat(story)
    words = start.replace("mid-", "").replace("early ", "").replace("late ", "").split()
    months = [w for w in words if w in MONTHS]
    days = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
    if len(months) != 1 or len(words) != len(months) + len(days) or len(days) > 1:
        return None
    month = MONTHS.index(months[0]) + 1
    year = today.year if (month, days[0] if days else 1) <= (today.month, today.day) else today.year - 1
    try:
        first = dt.date(year, month, days[0] if days else 1)
    except ValueError:
        return None
    last = first if days else (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first.isoformat(), min(last, today).isoformat()


def _days_after(day: str, n: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=n)).isoformat()


def _antonyms(ctx: RuleContext) -> Iterator[Finding]:
    claims = sorted((c for c in ctx.of_kind("state") if _asserted(c)), key=lambda c: c.sort_key())
    names = frozenset(c.text.lower() for c in ctx.of_kind("name"))
    reported: set[tuple[str, int]] = set()
    for a, b in _pairs(claims):
        if not same_topic(a.subject, b.subject):
            continue
        if _narrower_later(a, b):
            ctx.skipped["antonym-state: a later mention adds what names another ('the road', 'the old military road')"] += 1
            continue
        if _one_sentence(a, b):
            # "registrations were opened and closed", "closed on Monday and reopened on
            # Tuesday": one sentence tells a sequence
            ctx.skipped["antonym-state: a sequence told in one sentence"] += 1
            continue
        how = _opposite_states(a, b)
        if how is None:
            continue
        if _disjoint(a.get("scope"), b.get("scope")):
            ctx.skipped["antonym-state: one noun narrowed two ways ('the embargo on armed groups', 'on government forces')"] += 1
            continue
        if _disjoint(a.get("places"), b.get("places")) and not _one_name(a, b, names):
            ctx.skipped["antonym-state: elsewhere"] += 1
            continue
        if not _same_time(a, b):
            ctx.skipped["antonym-state: different times"] += 1
            continue
        if (b.document, b.start) in reported:
            continue
        reported.add((b.document, b.start))
        cap, _ = _cap(a, b)
        if a.get("acted_on") or b.get("acted_on"):
            # "the regulator lifted its ban" names the ban by whose it is, and a story may
            # tell of several regulators' bans: a query, not a gate
            cap = Severity.WARNING
        wa, wb = a.get("when"), b.get("when")
        yield Finding(
            claims=(a, b),
            message=f"'{a.text}' ({a.normalized}, {' '.join(x for x in wa if x)}) vs '{b.text}' ({b.normalized}, "
                    f"{' '.join(x for x in wb if x)}): the same {max(a.subject, b.subject, key=len)} in opposite states at the "
                    f"same time ({how})",
            evidence={"thing": b.subject, "states": [a.normalized, b.normalized], "when": [list(wa), list(wb)], "how": how},
            max_severity=cap,
        )


def _one_name(a: Claim, b: Claim, names: frozenset[str]) -> bool:
    """Both states are of one name the copy gives ("Nino Kapanadze", "Harlow", however a
    clause reached it: "she", "who", the lede's "a former investment director"): a named
    one is one wherever the copy places it ("released outside the court", "in custody at
    HMP Styal"), as "the road" here and "the road" there are not."""
    return a.subject in names and b.subject in names and same_topic(a.subject, b.subject)


def _same_verb(a: str, b: str) -> bool:
    return a == b or lexical.synonyms(a, b, "v")


# What "no one" and "nobody" leave of a clause's subject: anyone at all (a closed class).
_NO_ONE = frozenset({"one", "nobody", "no one", "noone"})


def _patients_alike(x: str, y: str, denied: str) -> bool:
    """Two patients are one, or the denied one is nobody at all and the other a person
    ("no one was injured" against "two workers were injured")."""
    if same_topic(x, y):
        return True
    return denied in _NO_ONE and bool(y) and "person" in lexical.noun_domains(y.split()[-1])


def _as_act(c: Claim) -> Claim | None:
    """A state a done act leaves its thing in, as that act done to it: "one crew member,
    who was injured" is someone injured. None for a state with no verb behind it."""
    if c.get("negated") or not c.get("state"):
        return None
    state = str(c.get("state"))
    verb = next((v for v in (state[:-1], state[:-2], state) if state.endswith("ed") and lexical.known(v, "v")), None)
    if verb is None:
        return None
    data = {**dict(c.data), "lemma": verb, "subject": "", "object": c.subject, "passive": True, "negated": False,
            "args": (), "until": False, "from_state": True}
    return replace(c, data=tuple(sorted(data.items())))


def _bare_alike(n: Claim, p: Claim) -> bool:
    """An event told with no participant ("there had been three arrests", "Sunday's
    launch", "there were no injuries") is the act the other side tells when the denial is
    of anyone at all ("nobody was arrested"), or when both are dated to one day or set in
    one place."""
    if n.get("bare_event") and p.get("bare_event"):
        return False
    bare, other = (n, p) if n.get("bare_event") else (p, n)
    if other is n and (_patient(n) in _NO_ONE or n.get("subject") in _NO_ONE):
        return True
    tb, to = set(bare.get("times") or ()), set(other.get("times") or ())
    pb, po = set(bare.get("places") or ()), set(other.get("places") or ())
    return (bool(tb) and tb == to) or bool(pb & po)


def _patient(c: Claim) -> str:
    """What an act was done to: its object, or a passive clause's subject when the parse
    gave it no object ("None of the crew members was hurt")."""
    return c.get("object") or (c.get("subject") if c.get("passive") else "") or ""


def _denied_then(n: Claim, p: Claim) -> bool:
    """The times the denial covers include the other's: the same times, or a year the
    denial's "since" reaches ("had not been inspected since 2019" covers "in 2022")."""
    tn, tp = set(n.get("times") or ()), set(p.get("times") or ())
    if tn and tn == tp:
        return True
    since = [int(t[6:]) for t in tn if t.startswith("since ") and t[6:].isdigit() and len(t) == 10]
    years = [int(t) for t in tp if t.isdigit() and len(t) == 4]
    return len(since) == 1 and len(tn) == 1 and bool(years) and len(years) == len(tp) and all(y >= since[0] for y in years)


def _doer_open(c: Claim) -> bool:
    """A passive clause that names no doer: its subject is what the act was done to."""
    return bool(c.get("passive")) and c.get("subject") == c.get("object")


def _negation(ctx: RuleContext) -> Iterator[Finding]:
    acts = [a for a in (_as_act(c) for c in ctx.of_kind("state")) if a is not None]
    claims = sorted([*ctx.of_kind("predicate"), *acts], key=lambda c: c.sort_key())
    reported: set[tuple[str, int]] = set()
    for a, b in _pairs(claims):
        if bool(a.get("negated")) == bool(b.get("negated")):
            continue
        if _one_sentence(a, b):
            # "using conditions that have not been used before", "fields not paying the
            # tax ... fields which pay it": one sentence sets the two apart on purpose
            ctx.skipped["negation: asserted and denied within one sentence"] += 1
            continue
        n, p = (a, b) if a.get("negated") else (b, a)
        if not _same_verb(n.get("lemma"), p.get("lemma")):
            continue
        if n.get("picks_members") or p.get("picks_members"):
            # "the units that had not been renovated": which units, not a denial of any one
            ctx.skipped["negation: a clause that picks members of a set"] += 1
            continue
        if n.get("until"):
            ctx.skipped["negation: 'not ... until' says when, not whether"] += 1
            continue
        if not (_asserted(n) and _asserted(p)):
            ctx.skipped["negation: a condition, modal or hedge"] += 1
            continue
        so = (_patient(n), _patient(p))
        ss = (n.get("subject"), p.get("subject"))
        if _doer_open(n) and ss[1] and not _doer_open(p) and n.get("times") and _denied_then(n, p):
            # "no flights were cancelled on Tuesday" against "the airline cancelled 14
            # flights on Tuesday": a passive denial that names no doer denies the act by
            # anyone, on the day both name
            ss = ("", ss[1])
        if all(so) and _patients_alike(so[0], so[1], so[0]) and not same_topic(*so):
            so = (so[1], so[1])  # nobody, against someone: the same patient slot
            if ss[0] == n.get("object"):
                ss = ("", ss[1])
        if all(so) and not same_topic(*so):
            ctx.skipped["negation: different objects"] += 1
            continue
        if p.get("from_state") and ss[0] and not n.get("passive"):
            # "Ukraine did not close the road" against "the road, closed since Monday": a
            # state says nothing of who brought it about
            ctx.skipped["negation: one agent denies, a state names no agent"] += 1
            continue
        if all(ss) and not same_topic(*ss):
            ctx.skipped["negation: different subjects"] += 1
            continue
        if (n.get("clause_object") or p.get("clause_object")) and not (all(so) and same_topic(*so)):
            ctx.skipped["negation: what one side is about is a clause the other does not state"] += 1
            continue
        bare = bool(n.get("bare_event") or p.get("bare_event"))
        if not ((all(so) and same_topic(*so)) or (all(ss) and same_topic(*ss))) and not (bare and _bare_alike(n, p)):
            ctx.skipped["negation: no shared argument"] += 1
            continue
        if {n.get("tense"), p.get("tense")} == {"present", "past"}:
            ctx.skipped["negation: present against past"] += 1
            continue
        if ("quoted" in n.qualifiers and "quoted" in p.qualifiers and n.document == p.document
                and abs(n.sentence - p.sentence) <= 1):
            # "I'm not trying to please them. I'm trying to ...": a speaker correcting a
            # reading of their own words, not the copy contradicting itself
            ctx.skipped["negation: one speaker's correction inside a quotation"] += 1
            continue
        if n.get("unasserted_form") or p.get("unasserted_form"):
            ctx.skipped["negation: an infinitive or gerund ('not to plant', 'paying') states no act"] += 1
            continue
        # "never" denies the act at every time up to now: a day it carries is where the parser
        # hung the day of the saying ("said on Monday he had never met him"), not the act's
        ever = bool(n.get("at_no_time")) and p.get("tense") in ("past", "perfect")
        if (_disjoint(n.get("times"), p.get("times")) and not ever and not _denied_then(n, p)) \
                or _disjoint(n.get("places"), p.get("places")):
            ctx.skipped["negation: different time or place"] += 1
            continue
        if _disjoint(n.get("args"), p.get("args")):
            ctx.skipped["negation: different arguments"] += 1
            continue
        if set(n.get("manner") or ()) - set(p.get("manner") or ()):
            # "no one was seriously injured" against "two people were injured": what is
            # denied is the degree, which the other does not claim
            ctx.skipped["negation: the denial is of a manner or degree the other does not state"] += 1
            continue
        if (p.document, p.start) in reported or (n.document, n.start) in reported:
            continue
        reported.update({(p.document, p.start), (n.document, n.start)})
        cap, link = _cap(n, p)
        shared = [x for x in (so[0] if all(so) and same_topic(*so) else "", ss[0] if all(ss) and same_topic(*ss) else "") if x]
        if (len(shared) < 2 and any(so)) or bare:
            cap = Severity.WARNING  # one side's subject or object unknown: the same act only perhaps
        yield Finding(
            claims=(n, p),
            message=f"'{n.text}' denies what '{p.text}' asserts ({p.get('lemma')} "
                    + (", ".join(shared) if shared else "told as a noun that names no one: one act by its day or its denial of anyone")
                    + ")",
            evidence={"verb": p.get("lemma"), "shared": shared, "link": link},
            max_severity=cap,
        )
STABILITY_VS_CHANGE = Rule(
    code="STA001",
    name="unchanged-but-changed",
    family="state-change",
    severity=Severity.ERROR,
    summary="A situation is called unchanged and, for the same or a related topic and scope, said to have changed.",
    doc=(
        "What it flags: a stability claim ('unchanged', 'flat', 'stable', 'unaffected', 'has "
        "not affected the fighting', 'left its rate unchanged', 'held its rate at 5.75%'; 'little "
        "changed' only as a warning) against an increase or decrease of the same topic (the "
        "same noun phrase, or WordNet synonyms) for the same period; or, inside one sentence, "
        "of another topic the writer sets against it with 'although' (a warning). Periods said "
        "relative to a dated story are placed on its calendar ('last month' in a June story is "
        "May), and two changes measured against one baseline ('unchanged from 2019', 'compared "
        "with five years ago' in 2024) are one comparison. A change noun with no thing of its "
        "own but a day ('Wednesday's cut', 'April's decline') restates the nearest change before "
        "it when that is dated to the same day, and is compared as a warning.\n"
        "Why: copy that says nothing changed and that something rose cannot both be right; an "
        "editor should query it.\n"
        "Not flagged: different places, periods or baselines, other topics ('food prices were "
        "unchanged, while energy costs fell'); different agents or owners ('the Bundesbank left "
        "its rate unchanged', 'the Fed cut its rate'), or a bare topic where the copy names "
        "several owners; a flow narrowed by where it goes against the total ('exports to the "
        "EU were unchanged', 'the rise in exports'); two stories of different days, neither "
        "stating a period; hedged, conditional or future claims ('may rise') and aims ('to "
        "keep the PSBR at 1 pct').\n"
        "Example: 'Rents were flat in March.' ... 'March's 1.2% increase in rents'."
    ),
    needs=("state-change",),
    flags=(
        Example("Rents in Leeds were flat in March, the agency said. Landlords blamed March's 1.2% increase in rents on taxes."),
        Example("The spokesman said the troop movement has not affected the fighting in this sector, although the air force has increased its strikes."),
        # one baseline, one comparison: "from 2019" is "five years ago" in a 2024 story, and
        # "unchanged from April" is May's figure
        Example("Turnout in Cork city was unchanged from 2019, officials said. Turnout dropped in Cork city "
                "compared with five years ago, one analyst said.", published="2024-06-03"),
        Example("Imports were unchanged from April, the office said. Imports climbed in May, economists said.",
                published="2024-06-03"),
        # "little changed" (a warning: a small move may be both)
        Example("The FTSE 100 ended little changed on Thursday. Miners led Thursday's 1.8% drop in the FTSE 100."),
        # a verb of travel with "up" ("crept up") moves a level, however the parser reads "up"
        Example("The jobless rate held steady at 4.2 per cent in August, the bureau said. Nationally the jobless "
                "rate crept up in August, one economist said."),
        # a topic's only stated period is its unstated one's, in one story
        Example("Reservoir stocks across Yorkshire have held steady this week, Yorkshire Water said on Thursday. "
                "Reservoir stocks have fallen sharply, the company's figures show, and are now well below normal."),
        # "held steady" is a stability; "at 4.2 per cent" its level, not a pace; the month hangs on the level
        Example("Australia's unemployment rate held steady at 4.2 per cent in August, the bureau said. Australia's "
                "unemployment rate rose in August, one economist said."),
        # a keeping verb: its object is what stayed where it was
        Example("The central bank kept its reference rate unchanged on Wednesday. The central bank cut its reference "
                "rate on Wednesday to help exporters."),
        # an owner named once and then dropped is still the one owner
        Example("The appeal court cut the fine to $35m on Tuesday. The fine on Granite Holdings was left unchanged on Tuesday."),
        # a change noun dated to the day of the change just before it restates that change
        Example("The central bank left its main interest rate unchanged on Wednesday. Analysts said Wednesday's cut "
                "had been expected."),
        # a stability word completing a verb: the index "closed flat"
        Example("The NX-40 index closed flat on Tuesday, the exchange said. The NX-40 index slipped 1.2 percent on "
                "Tuesday as retailers fell."),
    ),
    passes=(
        Example("Rents in Leeds were flat in March. Rents in York rose 2% in March."),
        # a flow narrowed by where it goes is part of the total
        Example("June's rise in exports was driven by rail equipment. Exports to other European Union countries were "
                "unchanged in June, the office said."),
        # each story's unstated period is its own day's
        Example(documents=(
            {"id": "tuesday", "text": "The pound was steady against the dollar at 1.2450.", "published": "2024-04-16"},
            {"id": "wednesday", "text": "The pound slipped to 1.2410 dollars.", "published": "2024-04-17"})),
        Example("Fighting was stable in the north, while strikes on Kharkiv increased on Monday."),
        Example("Rents were flat in March. Rents may rise in April."),
        Example("The dollar has eased this week, but remains stable at around 151.50 yen, dealers said."),
        Example("Retail coffee prices over the past year have remained about steady even though coffee market prices have tumbled, industry sources said."),
        Example("Cocoa consumption is basically flat and last year it fell, he said."),
        # other baselines, another month
        Example("Turnout in Cork city was unchanged from 2019, officials said. Turnout dropped in Cork city "
                "compared with 2014, one analyst said.", published="2024-06-03"),
        Example("Imports were unchanged from April, the office said. Imports climbed in July, economists said.",
                published="2024-06-03"),
        # different owners: another bank's rate; a fine whose own phrase names another company
        Example("The Bundesbank left its discount rate unchanged on Thursday. The Bank of France cut its discount rate on Thursday."),
        Example("The appeal court cut the fine on Solidus to $35m on Tuesday. The fine on a second company, "
                "Granite Holdings, was left unchanged on Tuesday."),
        # a fine named without its owner, where the copy says there are several
        Example("The appeal court cut the fine to $35m on Tuesday. The fine on a second company, Granite Holdings, "
                "was left unchanged on Tuesday."),
        Example("The unemployment rate held steady at 4.2 per cent in August, the bureau said. The unemployment rate "
                "rose in July."),
        # a steady rate of change told with its level, in one sentence
        Example("Services inflation eased to 4.0% from 4.1%, while prices of industrial goods held steady, rising "
                "0.4% on the year for a second month. Prices of industrial goods rose 0.1% on the month."),
    ),
    check=_stability,
)

OPPOSITE_DIRECTIONS = Rule(
    code="STA002",
    name="opposite-directions",
    family="state-change",
    severity=Severity.ERROR,
    summary="One topic is said to have risen and fallen in the same period.",
    doc=(
        "What it flags: an increase and a decrease of the same topic (same head noun, no "
        "conflicting names or places) for the same stated period ('rose 9% in the first half' "
        "vs 'the first-half fall in vinyl sales'). The topic may be named again with a head "
        "WordNet makes a synonym, or a direct kind, and the same modifiers ('milk output', "
        "'milk production').\n"
        "Why: a direction error flips the story's meaning.\n"
        "Not flagged: different periods or places ('prices in London fell while national "
        "prices rose'); changes without a stated period; a narrower topic against a broader "
        "one, unless a change told as a noun restates the fuller first mention with no word "
        "of its own ('day-ahead power prices fell' ... 'Monday's rise in day-ahead prices').\n"
        "Example: 'Vinyl sales rose 9% in the first half' ... 'the first-half fall in vinyl sales'."
    ),
    needs=("state-change",),
    flags=(
        Example("Vinyl sales rose 9% in the first half. Shops blamed prices for the first-half fall in vinyl sales."),
        # a change named as a noun restates the fuller first mention
        Example("Day-ahead power prices fell 9% on Monday, the exchange said. Traders blamed Monday's rise in "
                "day-ahead prices on the cold."),
        # one topic named with another head noun
        Example("Milk output fell 3.2% in the second quarter, the board said. Milk production rose in the "
                "second quarter, processors said."),
    ),
    passes=(
        Example("Vinyl sales rose 9% in the first half. Vinyl sales fell 2% in the second half."),
        Example("House prices in London fell 1% in May. House prices in Leeds rose 2% in May."),
        Example("The February trade surplus narrowed to 235 mln dlrs from 582 mln in January. The February invisible trade surplus rose to 109 mln dlrs from 24 mln in January."),
        # the shorter phrase has a word of its own the longer lacks: another index
        Example("The export price index in March fell 0.7 pct. Analysts noted the March rise in the import price index."),
    ),
    check=_opposite,
)

ANTONYM_STATES = Rule(
    code="STA003",
    name="opposite-states",
    family="antonym-state",
    severity=Severity.ERROR,
    summary="One thing is said to be in two opposite states at the same time.",
    doc=(
        "What it flags: the same thing in two opposite states at overlapping times: adjectives "
        "WordNet calls antonyms (open/closed, alive/dead, guilty/innocent), a state and the "
        "event that ends it ('remains closed' vs 'reopened on Friday'), a state and its "
        "denial, states left by verbs opposite in their first senses (detained/freed, "
        "accepted/rejected), an event told as a noun ('Tuesday's closure of the runway'), and "
        "the phrases of states.toml that WordNet lacks (in custody/freed on bail, in "
        "place/repealed, in service or running/grounded, halted or offline). The thing may be named again by a broader word ('the vessel' after "
        "'the tanker') or a description of a name ('the athlete' after 'sprinter Amos Mwangi'), "
        "and weekdays are placed on a dated story's calendar. A named person is one wherever "
        "the copy places them ('released outside the court', 'in custody at HMP Styal'), "
        "however a clause names them ('she', 'who', the lede's 'a former investment "
        "director', 'Kapanadze, a student organiser arrested ...'). A state in the present perfect "
        "holds now ('has been closed since mid-November'), and so does one begun by a change "
        "dated in the story's last six weeks ('lifted on 3 August', 'lifted last month').\n"
        "Why: readers act on states (a port, a road, a detainee); both cannot be true.\n"
        "Not flagged: states at different times ('closed on Monday', 'reopened on "
        "Tuesday'); different things ('the road' and 'the descent'); future or hedged states "
        "('will reopen'), aims ('to open its market') and habits ('opens 1,500 times a year'); "
        "a change long before the story against its state now ('released on licence last "
        "autumn', 'remains in custody'); a later mention that adds words, which names "
        "another of the kind ('the road is open', 'the old military road is closed'); open to "
        "one and closed to another ('open to shipping', 'closed to all traffic'). A state put "
        "in place by an act on a thing ('the "
        "trust lifted its ban') is at most a warning.\n"
        "Example: 'The port remained open on Wednesday.' ... 'The port, closed since Monday, ...'."
    ),
    needs=("state",),
    flags=(
        # a state begun in the story's own week ("freed on bail this week") is the state now
        Example("A 34-year-old man remains in custody, police said on Monday. The man was freed on bail this "
                "week, police said."),
        Example("The port remained open on Wednesday. The port, closed since Monday because of drone alerts, will reopen soon.", published="2024-10-10"),
        # a state the tagger reads as an adverb; a name set beside the noun; "which" after a verb's object
        Example("Eumetsat said its newest satellite, MetSat-4, had remained online throughout. Engineers were still "
                "working on Sunday to restore MetSat-4, which has been offline since Friday evening."),
        # a conjunct with its own article is its own noun phrase
        Example("The east wing remains closed while curators finish rehanging about 140 works, the director said. "
                "Visitors who came on Saturday could see the restored central hall, the new sculpture court and the "
                "east wing, which reopened on Saturday with a display of altarpieces."),
        # "free" is the state "freed" leaves its subject in
        Example("Voss remains in custody at the Metropolitan Detention Center, prosecutors said. Voss, who has "
                "been free on a $2 million bond, declined to comment."),
        # "it" is never the people of its clause: it is the thing they use
        Example("The Severn Bridge remains closed to all traffic, National Highways said on Wednesday. Commuters "
                "who have used the bridge since it reopened on Friday said the journey was smooth.", published="2024-03-06"),
        # verbs opposite in their first senses; a broader word for the thing named before
        Example("The motion was accepted on Monday, the clerk said. The motion was rejected on Monday, the mayor said."),
        # a named person is one wherever the copy places them, and "she" after the name is hers
        Example(documents=(
            {"id": "wire", "published": "2024-05-22", "text": "A court granted bail to Nino Kapanadze, a student "
             "organiser, on Wednesday, her lawyer said. \"She was released on bail this afternoon,\" he told "
             "reporters outside Tbilisi City Court."},
            {"id": "staff", "published": "2024-05-22", "text": "Prosecutors said Nino Kapanadze remains in detention "
             "at the Gldani facility."},
        )),
        # in operation or out of it, told with other words
        Example("Skellig Air has grounded its six turboprops, the airline said on Monday. The turboprops are "
                "still in service, the regulator said on Monday."),
        Example("The tanker remains detained, the coastguard said. The vessel was freed on Tuesday, its manager said."),
        # a change a few weeks old still tells the state now; the present perfect holds now
        Example("The abstraction ban on the river is in effect, the agency said. The ban was lifted on 3 August.",
                published="2024-08-14"),
        Example("The maternity unit is open, the health board said. The unit has been closed to new admissions "
                "since mid-November, midwives said.", published="2024-12-05"),
        # a week's state and a change on one of its days
        Example("Visiting restrictions at the trust remain in force this week.\n\nThe trust lifted its visiting "
                "restrictions on Monday.", published="2024-03-13"),
        # an act puts its object, not its doer, in the state
        Example("The visiting ban remains in force, the trust said.\n\nThe trust lifted its visiting ban on "
                "Sunday, a spokesman said.", published="2024-03-13"),
        # a clause set off after "N in <place>" is about N
        Example("Schools in Lusaka remain closed on the ministry's advice. Schools in the capital, which reopened on "
                "Monday after a two-week delay, have been told to provide hand-washing stations.", published="2025-01-21"),
        # "has not closed at any point" denies it at every time up to now; a quoted
        # speaker is the source of background in their words
        Example("\"Ward 7 was closed to new admissions last week because there were not enough nurses,\" "
                "regional officer Joanne Fleet said. A trust spokesman said that was untrue. \"Ward 7 has not "
                "closed at any point,\" he said."),
        Example("The bridge was closed on Monday. The bridge has never closed in its 40-year history."),
        # an adjective with a subject of its own, set off in its sentence
        Example("The causeway remained closed to the public on Monday, the Space Force said. Crowds had built up "
                "since the weekend, and the causeway, open to the public all day on Monday, was packed with cars."),
        # an event told as a noun leaves its thing in the verb's state on its day
        Example("The secondary runway stayed open throughout Tuesday, the airport said. Airlines blamed Tuesday's "
                "closure of the secondary runway for the delays."),
    ),
    passes=(
        # a change months before the story says nothing of its state now
        Example("The abstraction ban on the river is in effect, the agency said. The ban was lifted on 3 August.",
                published="2024-12-14"),
        Example("The bridge was closed on Monday. The bridge reopened on Tuesday after repairs."),
        # a later mention that adds words names another road
        Example("\"The road is open,\" the mayor said. The old military road, which runs beside the pass, is still closed."),
        # open to one, shut to another, at once
        Example("The swing bridge remains open to shipping. Until it is repaired, the bridge is closed to all traffic."),
        # a change long before the story says nothing of now
        Example("Ferris remains in custody, police said. Ferris was released on licence last autumn.", published="2024-05-10"),
        # a habit is no state at any one time
        Example("The swing bridge is shut to traffic this week. It opens about 1,500 times a year."),
        # an aim is no state
        Example("Japan's supercomputer market remains closed to U.S. sales. The move is an attempt to force Japan "
                "to open its domestic market."),
        # the day hung on the clock time is the reopening's
        Example("Highway 9 was closed on Tuesday afternoon as flames crossed the road. It reopened at 6 a.m. on "
                "Thursday, with police escorting traffic.", published="2024-07-26"),
        Example("The port remained open on Wednesday. The airport, closed since Monday, will reopen soon."),
        # a phrasal verb of motion or an aim names no state ("running out of", "ran for")
        Example("The mill was halted on Monday by the strike. The mill is running out of grain, its owner said on Monday."),
        Example("The tanker was detained on Monday. The vessel was freed on Tuesday."),
        # a denial about the future, or without "never", says nothing of last week
        Example("Ward 7 was closed to new admissions last week. Ward 7 has not closed today."),
        # the broader word could be either of two things named before
        Example("The tanker remains detained and the ferry is in port, the coastguard said. The vessel was freed on "
                "Tuesday, its manager said."),
    ),
    check=_antonyms,
)

ASSERTED_AND_DENIED = Rule(
    code="NEG001",
    name="asserted-and-denied",
    family="negation",
    severity=Severity.ERROR,
    summary="The same predicate, with the same arguments, is asserted and denied.",
    doc=(
        "What it flags: a denied verb ('did not cross the river', 'was not shelled', 'None of "
        "the buses came under fire') and the same verb asserted with a shared argument, no "
        "different subject name and no different time or place ('crossed the river on "
        "Sunday'). 'At the meeting, X told ...' asserts that X attended it; 'has refused to "
        "concede', 'failed to reach a deal' and 'has yet to approve it' deny the act, and so "
        "does 'without consulting parents' on an act that was done; an event noun with its "
        "participants asserts its act ('Varga's concession'), and so does one a 'there were' states or its day dates, "
        "naming no one ('there had been three arrests', 'Sunday's launch': a warning, against "
        "a denial of anyone or of the same day or place); a state a done act leaves asserts "
        "the act ('who was injured'); 'no one' denies the act for any person; a passive "
        "denial that names no doer denies the act by anyone, when both sides name the same "
        "day ('no flights were cancelled on Tuesday', 'the airline cancelled 14 flights on "
        "Tuesday'), or a year its 'since' reaches ('had not been inspected since 2019', "
        "'inspected the bridge in 2022'); 'had never met him' denies the act at every time "
        "before the story, and 'the town of Kessa' is Kessa. The condition a person is "
        "treated for, taken in with or dies of is the act that put them in it ('treated for "
        "injuries': injured; WordNet nouns of state with a derived verb), and 'no injuries "
        "were reported' says there were none.\n"
        "Why: a fact and its denial in one story is the plainest inconsistency there is.\n"
        "Not flagged: different objects or subjects ('Russia did not attack ...', 'Ukraine "
        "attacked ...'), different days, reporting verbs ('did not say'), modal claims set "
        "against facts ('would not' vs 'did'), a denied question clause against a noun object "
        "('did not spell out how'), one agent's denial against a state that names no agent; a "
        "denial of a degree the other does not state ('no one was seriously injured', 'two "
        "people were injured'); a restrictive clause that picks members of a set ('the units "
        "that had not been renovated'); a place pointed at ('nobody here was hurt') against "
        "one named.\n"
        "Example: 'The unit did not cross the river.' ... 'The unit crossed the river on Sunday.'"
    ),
    needs=("predicate",),
    flags=(
        Example("The brigade did not cross the river, officers said. The brigade crossed the river on Sunday under fire."),
        Example("The team did not inspect the dome of unit 6 on Monday, officials said. After inspecting the dome of unit 6 on Monday, the team reported no damage."),
        # a participle on a noun is a passive: the core is what was drilled
        Example("Mission scientists said the rover has not drilled a core from Silver Creek. The core drilled from "
                "Silver Creek on Sunday is the 25th sample the rover has collected."),
        # a speech verb with nothing said under it is an act: testifying, or not
        Example("Kovac, who did not testify at the hearing, has been held at Wandsworth prison since June. "
                "Testifying at the hearing, Kovac said he feared for his safety."),
        # a support verb and its noun are one act; a verb of figures acting on a thing is an act
        Example("None of the buses came under fire on Monday. The first bus came under fire on Monday near Myrnohrad."),
        # "never" denies the act at every time up to now, whatever day the parser hangs on it;
        # a title the parser made the head of a name is the named person
        Example("The envoy said on Monday he had never met Colonel Abdou Sanogo. The envoy met Colonel Abdou "
                "Sanogo twice in December.", published="2026-02-10"),
        # a passive denial that names no doer denies the act by anyone on the day both name
        Example("No flights were cancelled on Tuesday, the airport said. The airline cancelled 14 flights on "
                "Tuesday because of the cracks."),
        Example("The fire did not reach homes in the village, the brigade said on Sunday. By Sunday evening the "
                "flames had reached homes in the village."),
        # a relative clause without a relative word; a denial that also says nothing changed
        Example("The company has never paid a dividend since floating in 2017. Traders pointed to the absence of a "
                "special payout to match the dividend it paid last year."),
        Example("The editor said an analysis found that four images in the paper had been altered. The university "
                "said its inquiry found that the images in the paper had not been altered."),
        # a person acting at an occasion was there
        Example("Holm did not attend Wednesday's board meeting, the bank said. At the board meeting on Wednesday, "
                "Holm told directors he had lost the confidence of the board, according to two people."),
        # a state a done act leaves is that act ("who was injured"); "no one" is anyone
        Example("None of the 23 crew members was hurt when officers boarded the tanker on Thursday. One crew "
                "member, who was injured when a ladder gave way, was taken to hospital."),
        Example("No one was injured, the fire service said. Two workers were injured in the blast, the company said."),
        # the condition a person was treated for is the act that put them in it
        Example("In Galway city nobody was hurt, the council said. Three people were treated at University "
                "Hospital Galway for injuries."),
        # a denial "since" a year covers a later year
        Example("The bridge had not been inspected since 2019, despite rules requiring checks every two years. "
                "The agency last inspected the bridge in 2022."),
        # a description stands for the one name it describes; "refused to" denies
        Example("Kenyan sprinter Amos Mwangi was suspended in January. The athlete did not appeal the suspension, "
                "his lawyer said. Mwangi has been appealing the suspension since January."),
        Example("Varga has refused to concede, his campaign said. After Varga's concession on Sunday night, "
                "supporters left the hall."),
        # "failed to", "has yet to" and "without" deny the act they govern
        Example("Union negotiators failed to reach a deal on Monday. Union negotiators reached a deal on Monday, "
                "the employers said."),
        Example("The regulator has yet to approve the drug for use in children. The regulator approved the drug "
                "for use in children last month."),
        Example("The council closed the schools without consulting parents. The council closed the schools after "
                "consulting parents."),
        # an event a "there were" says happened, with no one named, against "nobody"
        Example("Police said nobody was arrested during the protest. Police later said there had been three "
                "arrests."),
        # an event noun dated by its possessor is the act of that verb on that day
        Example("The Aurora rocket did not launch on Sunday after a valve fault, the company said. Sunday's launch "
                "from Andoya put two research satellites into orbit.", published="2024-11-18"),
    ),
    passes=(
        # a denial of a degree; a clause picking members of a set; a place pointed at
        Example("No one was seriously injured in the fire. Three people were treated for minor injuries."),
        Example("The minister said all 38 units that had not been renovated since 2015 would be inspected. "
                "The hospital said the unit had been renovated in 2018."),
        Example('In Valdera, 14 people were injured. "We were lucky. Nobody here was hurt," said the mayor of '
                "Pontalba."),
        # "there were no injuries" in one village says nothing of another
        Example("In Valdera, 14 people were injured when walls collapsed. In Pontalba, 20 km to the south, there "
                "were no injuries."),
        Example("The brigade did not cross the river on Saturday. It crossed the river on Sunday."),
        # an undated passive denial may be of another doer: "was not inspected" by whom?
        Example("The bridge was not inspected, the council said. Engineers from the county inspected the bridge "
                "last year."),
        # a speech verb carrying what was said is no act of its own
        Example("The ministry did not say how many troops had left. It said on Monday that the brigade had crossed."),
        # labels tell two classes of one thing apart
        Example("In the dividend, Class B shares are being distributed. None of the authorized Class A shares is "
                "being distributed at this point, the company said."),
        # "not ... until" says when
        Example("The exchange will publish imbalances of buy orders placed on 50 major stocks. A large number of buy "
                "orders were not placed until after 3:30 p.m., which helped send the index up."),
        Example("The brigade did not cross the river. It crossed the border on Sunday."),
        # "without" under an aim denies nothing done
        Example("Economists believe the government will be able to go through with its plans without increasing "
                "net borrowing. The chancellor said increased borrowing was acceptable."),
        # details of another thing; "no more details" denies as "no details" does
        Example("The ministry did not give details of the plan. The ministry gave details of the budget on Tuesday."),
        Example("China said it would raise prices. He gave no details of the price increases. He gave no more details."),
        # another day's meeting; a meeting at which only a thing was done
        Example("Holm did not attend Tuesday's board meeting, the bank said. At Wednesday's board meeting, Holm "
                "told directors he had lost the confidence of the board."),
        Example("Holm did not attend Wednesday's board meeting, the bank said. At the board meeting on Wednesday, "
                "his resignation was accepted."),
        Example("The United States pressed the IMF to approve a loan for Mexico using economic conditions that have not been broadly used before."),
        # a state names no agent, against one agent's denial; "no one" is a person, not a car
        Example("Ukraine did not close the road, the ministry said. The road, closed since Monday, is the only route north."),
        Example("No one was injured, the fire service said. Two cars were damaged in the blast."),
        # what is denied is a question clause; the noun is an opinion, not an act
        Example("It was Mario Brodersohn who spelled out most clearly the social strains. Brodersohn, however, did "
                "not spell out how this should be achieved."),
        Example("Martin pointed to DEC to support his view. Martin said he did not view IBM as a threat to DEC."),
        # two athletes so described: "the athlete" is neither
        Example("Sprinter Amos Mwangi and sprinter Paul Tergat were suspended. The athlete did not appeal the "
                "suspension. Mwangi has been appealing the suspension since January."),
    ),
    check=_negation,
)

RULES = (STABILITY_VS_CHANGE, OPPOSITE_DIRECTIONS, ANTONYM_STATES, ASSERTED_AND_DENIED)
