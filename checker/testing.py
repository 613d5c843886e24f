"""Hypothesis strategies for regression tests against the checker, for our own tests and
for newsrooms' (see README, "Write your own regression tests").

    from hypothesis import given
    from checker.testing import articles

    @given(articles(conflict=True))
    def test_we_catch_injected_conflicts(article):
        found = checker.check([article.as_document()]).conflicts
        assert any(c.rule == article.rule for c in found)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

from .units import from_base, lookup, to_base

NOUNS = ("troops", "settlements", "villages", "tanks", "vehicles", "residents", "workers")
VERBS = ("moved", "sent", "deployed")
PLACES = ("Kursk", "Sumy", "Kharkiv", "Odesa", "Lviv", "Dnipro")
FILLER = (
    "The mayor opened a new school in the city.",
    "Rain is expected later in the week.",
    "Markets in the capital were calm.",
    "The ministry did not comment further.",
)
LENGTH_UNITS = ("km", "miles", "metres", "feet")


@dataclass(frozen=True)
class Article:
    text: str
    rule: str | None  # the rule that must flag it, or None for a consistent article
    quotes: tuple[str, ...]
    published: dt.date | None = None

    def as_document(self) -> dict[str, str]:
        doc = {"id": "article", "text": self.text}
        if self.published is not None:
            doc["published"] = self.published.isoformat()
        return doc


def _restatements(value: int) -> st.SearchStrategy[str]:
    words = {12: "a dozen", 20: "twenty", 74: "seventy-four", 100: "a hundred"}
    options = [st.just(f"{value:,}"), st.just(f"about {round(value, -1) if value > 50 else value:,}")]
    if value in words:
        options.append(st.just(words[value]))
    return st.one_of(options)


@st.composite
def counts(draw: st.DrawFn, conflict: bool = False) -> Article:
    """Two mentions of one count (same noun, event and place), restated consistently
    (digits, rounding with "about", number words) or with an injected scale slip."""
    noun, verb, place = draw(st.sampled_from(NOUNS)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(PLACES))
    value = draw(st.sampled_from([12, 20, 74, 100, 1_500, 2_400, 15_000]))
    first = f"{value:,}"
    second = f"{value * 10:,}" if conflict else draw(_restatements(value))
    filler = draw(st.lists(st.sampled_from(FILLER), max_size=3, unique=True))
    text = " ".join([f"Russia {verb} {first} {noun} to {place} on Monday.", *filler, f"The {second} {noun} reached {place} on Monday."])
    return Article(text, "QTY001" if conflict else None, (f"{first} {noun}", f"{second} {noun}"))


@st.composite
def lengths(draw: st.DrawFn, conflict: bool = False) -> Article:
    """A front length restated in another unit (rounded to 3 significant figures and
    marked "about"), or the same number with the wrong unit."""
    value = draw(st.integers(min_value=20, max_value=900))
    u1, u2 = draw(st.sampled_from(LENGTH_UNITS)), draw(st.sampled_from(LENGTH_UNITS))
    if conflict:
        u2 = draw(st.sampled_from([u for u in LENGTH_UNITS if u != u1 and {u, u1} != {"metres", "feet"}]))
        restated = f"{value}-{u2.rstrip('s')}"
    else:
        other = from_base(to_base(value, lookup(u1, False)), lookup(u2, False))
        restated = f"about {float(f'{other:.3g}'):,g} {u2}"
    text = f"The brigade holds a {value}-{u1.rstrip('s')} front. Along the {restated} front, shelling went on."
    return Article(text, "QTY001" if conflict else None, (str(value), restated))


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
EVENTS = (("summit", "opened", "began"), ("trial", "opened", "started"), ("festival", "opened", "began"), ("strike", "began", "started"))
NAMES = ("Oleksandr Syrskyi", "Heorhiy Tykhy", "Margarethe Vossberg", "Kwame Asantewaa", "Ingrid Halvorsen", "Tomasz Wroblewski")
ACTIONS = (("cross the river", "crossed the river"), ("attend the meeting", "attended the meeting"), ("sign the deal", "signed the deal"))


@st.composite
def weekdays(draw: st.DrawFn, conflict: bool = False) -> Article:
    """A date printed with its weekday, right or (conflict) wrong for the calendar."""
    day = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)))
    name = WEEKDAYS[day.weekday()]
    if conflict:
        name = WEEKDAYS[(day.weekday() + draw(st.integers(1, 6))) % 7]
    event, verb, _ = draw(st.sampled_from(EVENTS))
    when = f"{name}, {MONTHS[day.month - 1]} {day.day}, {day.year}"
    text = f"The {event} {verb} on {when}. Delegates arrived from 40 countries."
    return Article(text, "WKD001" if conflict else None, (name, f"{MONTHS[day.month - 1]} {day.day}"), published=day + dt.timedelta(days=1))


@st.composite
def event_dates(draw: st.DrawFn, conflict: bool = False) -> Article:
    """One event dated twice in one article: the same day, or (conflict) another day."""
    day = draw(st.dates(min_value=dt.date(2015, 1, 10), max_value=dt.date(2030, 12, 20)))
    other = day + dt.timedelta(days=draw(st.integers(2, 9))) if conflict else day
    event, verb, verb2 = draw(st.sampled_from(EVENTS))
    first, second = f"{MONTHS[day.month - 1]} {day.day}", f"{MONTHS[other.month - 1]} {other.day}"
    filler = draw(st.lists(st.sampled_from(FILLER), max_size=2, unique=True))
    text = " ".join([f"The {event} {verb} on {first} in Vienna.", *filler, f"The {event}, which {verb2} on {second}, drew 40 leaders."])
    return Article(text, "DAT001" if conflict else None, (first, second), published=max(day, other) + dt.timedelta(days=3))


@st.composite
def names(draw: st.DrawFn, conflict: bool = False) -> Article:
    """A person named in full, then by surname: spelled alike, or (conflict) with one
    interior letter changed."""
    full = draw(st.sampled_from(NAMES))
    surname = full.split()[-1]
    later = surname
    if conflict:
        i = draw(st.integers(1, len(surname) - 3))
        letter = draw(st.sampled_from([c for c in "aeiourstnl" if c != surname[i]]))
        later = surname[:i] + letter + surname[i + 1 :]
    text = f"{full} visited the front on Monday. Later, {later} said the line held."
    return Article(text, "ENT001" if conflict else None, (surname, later))


@st.composite
def negations(draw: st.DrawFn, conflict: bool = False) -> Article:
    """The same action asserted twice, or (conflict) denied and then asserted."""
    base, done = draw(st.sampled_from(ACTIONS))
    actor = draw(st.sampled_from(("The unit", "The delegation", "The minister")))
    first = f"{actor} did not {base}." if conflict else f"{actor} {done} on Sunday."
    text = f"{first} On Sunday {actor.lower()} {done} near the border."
    return Article(text, "NEG001" if conflict else None, (first, done))


STRATEGIES = {
    "quantity": (counts, lengths),
    "weekday": (weekdays,),
    "date": (event_dates,),
    "entity-spelling": (names,),
    "negation": (negations,),
}


def articles(conflict: bool | None = None, families: tuple[str, ...] = tuple(STRATEGIES)) -> st.SearchStrategy[Article]:
    """Consistent articles (conflict=False), articles with one injected conflict (True),
    or either (None), drawn from the given families (see STRATEGIES)."""
    if conflict is None:
        return st.booleans().flatmap(lambda c: articles(c, families))
    return st.one_of([make(conflict) for family in families for make in STRATEGIES[family]])
