"""Hypothesis strategies for regression tests against the checker, for our own tests and
for newsrooms' (see README, "Write your own regression tests").

Every strategy draws an `Article`: a short text in which one fact is stated twice, either
consistently (`conflict=False`: restated with rounding, number words, another unit, the
same spelling) or with one injected conflict (`conflict=True`) that a named rule must
flag. `articles()` draws from every rule family, or from the families you name:

    from hypothesis import given, settings
    import checker
    from checker.testing import Vocabulary, articles

    OURS = Vocabulary(names=("Volodymyr Zelensky", "Kaja Kallas"), places=("Kharkiv", "Tallinn"))

    @settings(deadline=None)  # the first check builds the engine
    @given(articles(conflict=True, families=("quantity", "age"), vocabulary=OURS))
    def test_we_catch_injected_conflicts(article):
        found = checker.check(article.as_document()).conflicts
        assert any(c.rule == article.rule for c in found)

A `Vocabulary` swaps in your own people, counted nouns, places and length units; a
`published` date (or a strategy of dates) fixes the articles' publication date, and the
dates in the copy are drawn in the two months before it. Wrong input fails at once with a
message that says what is accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hypothesis import strategies as st

from .units import from_base, lookup, to_base

NOUNS = ("troops", "settlements", "villages", "tanks", "vehicles", "residents", "workers")
VERBS = ("moved", "sent", "deployed")
PLACES = ("Kursk", "Sumy", "Kharkiv", "Odesa", "Lviv", "Dnipro")
NAMES = ("Oleksandr Syrskyi", "Heorhiy Tykhy", "Margarethe Vossberg", "Kwame Asantewaa", "Ingrid Halvorsen",
         "Tomasz Wroblewski")
LENGTH_UNITS = ("km", "miles", "metres", "feet")
FILLER = (
    "The mayor opened a new school in the city.",
    "Rain is expected later in the week.",
    "Markets in the capital were calm.",
    "The ministry did not comment further.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
EVENTS = (("summit", "opened", "began"), ("trial", "opened", "started"), ("festival", "opened", "began"),
          ("strike", "began", "started"))
ACTIONS = (("cross the river", "crossed the river"), ("attend the meeting", "attended the meeting"),
           ("sign the deal", "signed the deal"))
ROLES = ("Defence Minister", "Foreign Minister", "Finance Minister", "Interior Minister")
FACILITIES = ("port", "airport", "border crossing", "bridge")
TRENDS = ("vinyl sales", "car exports", "rail freight", "wheat prices")
STANDOFFS = (("Farmers", "blockade of the port"), ("Dockers", "strike at the terminal"),
             ("Rebels", "siege of the town"), ("Students", "occupation of the campus"))
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TIMES = ("3:40 a.m.", "4:15 a.m.", "6:20 a.m.", "9:05 p.m.", "10:30 p.m.", "11:50 p.m.")


@dataclass(frozen=True)
class Vocabulary:
    """The words articles are built from; replace any of them with your own.

    names: people as "Given Family" (two or more words; the family name at least five
    letters, so a one-letter misspelling is still recognisably the same name);
    nouns: plural count nouns ("troops", "ambulances"); places: place names;
    units: length units the checker knows ("km", "miles", "metres", "feet", "nautical miles").
    """

    names: tuple[str, ...] = NAMES
    nouns: tuple[str, ...] = NOUNS
    places: tuple[str, ...] = PLACES
    units: tuple[str, ...] = LENGTH_UNITS

    def __post_init__(self) -> None:
        for key in ("names", "nouns", "places", "units"):
            value = getattr(self, key)
            if isinstance(value, str) or not value or not all(isinstance(v, str) and v.strip() for v in value):
                raise ValueError(f"Vocabulary.{key}: expected a non-empty tuple of non-empty strings, got {value!r}")
            object.__setattr__(self, key, tuple(value))
        for name in self.names:
            if len(name.split()) < 2 or len(name.split()[-1]) < 5 or not name.split()[-1].isalpha():
                raise ValueError(f"Vocabulary.names: {name!r} must be 'Given Family' with a family name of at "
                                 "least five letters")
        for unit in self.units:
            try:
                lookup(unit, False)
            except (KeyError, ValueError):
                raise ValueError(f"Vocabulary.units: {unit!r} is not a unit the checker knows "
                                 f"(for example {', '.join(LENGTH_UNITS)})") from None
            if not _is_length(unit):
                raise ValueError(f"Vocabulary.units: {unit!r} is not a length (for example {', '.join(LENGTH_UNITS)})")
        if len(self.units) < 2:
            raise ValueError("Vocabulary.units: at least two length units are needed to restate a length")


def _is_length(unit: str) -> bool:
    return lookup(unit, False).dimension == "[length]"


DEFAULT = Vocabulary()


@dataclass(frozen=True)
class Article:
    text: str
    rule: str | None  # the rule that must flag it, or None for a consistent article
    quotes: tuple[str, ...]
    published: dt.date | None = None
    family: str = ""

    def as_document(self, id: str = "article") -> dict[str, str]:
        doc = {"id": id, "text": self.text}
        if self.published is not None:
            doc["published"] = self.published.isoformat()
        return doc


@dataclass(frozen=True)
class _Context:
    vocabulary: Vocabulary = DEFAULT
    published: dt.date | None = None
    dates: st.SearchStrategy[dt.date] | None = field(default=None, compare=False)


def _singular(unit: str) -> str:
    return {"feet": "foot", "inches": "inch"}.get(unit, unit[:-1] if unit.endswith("s") else unit)


def _before_noun(value: int, unit: str) -> str:
    """A length as a modifier: "200-km", "200-mile", but "20 nautical mile"."""
    return f"{value}{' ' if ' ' in unit else '-'}{_singular(unit)}"


def _restatements(value: int) -> st.SearchStrategy[str]:
    words = {12: "a dozen", 20: "twenty", 74: "seventy-four", 100: "a hundred"}
    options = [st.just(f"{value:,}"), st.just(f"about {round(value, -1) if value > 50 else value:,}")]
    if value in words:
        options.append(st.just(words[value]))
    return st.one_of(options)


def _day(draw: st.DrawFn, ctx: _Context, lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date | None]:
    """A day for the copy and the publication date: in the two months before a fixed
    publication date, or anywhere in [lo, hi] with the publication date after it."""
    if ctx.published is None:
        return draw(st.dates(min_value=lo, max_value=hi)), None
    return draw(st.dates(min_value=ctx.published - dt.timedelta(days=60),
                         max_value=ctx.published - dt.timedelta(days=12))), ctx.published


# -- quantity ------------------------------------------------------------------------------------


@st.composite
def counts(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """Two mentions of one count (same noun, event and place), restated consistently
    (digits, rounding with "about", number words) or with an injected scale slip."""
    v = ctx.vocabulary
    noun, verb, place = draw(st.sampled_from(v.nouns)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(v.places))
    value = draw(st.sampled_from([12, 20, 74, 100, 1_500, 2_400, 15_000]))
    first = f"{value:,}"
    second = f"{value * 10:,}" if conflict else draw(_restatements(value))
    filler = draw(st.lists(st.sampled_from(FILLER), max_size=3, unique=True))
    text = " ".join([f"Russia {verb} {first} {noun} to {place} on Monday.", *filler,
                     f"The {second} {noun} reached {place} on Monday."])
    return Article(text, "QTY001" if conflict else None, (f"{first} {noun}", f"{second} {noun}"), ctx.published,
                   "quantity")


@st.composite
def lengths(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A front length restated in another unit (rounded to 3 significant figures and
    marked "about"), or the same number with the wrong unit."""
    units = ctx.vocabulary.units
    value = draw(st.integers(min_value=20, max_value=900))
    u1 = draw(st.sampled_from(units))
    if conflict:
        ratio = lambda u: to_base(1, lookup(u, False)) / to_base(1, lookup(u1, False))  # noqa: E731
        # Units within 15% of each other (a metre and a yard) restate a number too closely to be a slip.
        others = [u for u in units if not 0.85 < ratio(u) < 1.15]
        u2 = draw(st.sampled_from(others or [u for u in LENGTH_UNITS if not 0.85 < ratio(u) < 1.15]))
        restated = _before_noun(value, u2)
    else:
        u2 = draw(st.sampled_from(units))
        other = from_base(to_base(value, lookup(u1, False)), lookup(u2, False))
        rounded = float(f"{other:.3g}")  # three significant figures, written out ("1,000,000", "12.4")
        restated = f"about {rounded:,.0f} {u2}" if rounded >= 100 else f"about {rounded:g} {u2}"
    text = f"The brigade holds a {_before_noun(value, u1)} front. Along the {restated} front, shelling went on."
    return Article(text, "QTY001" if conflict else None, (str(value), restated), ctx.published, "quantity")


# -- arithmetic ----------------------------------------------------------------------------------


@st.composite
def totals(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A death toll and its parts: adding up to the toll, or (conflict) to clearly more
    (past the precision a round toll is read with)."""
    place = draw(st.sampled_from(ctx.vocabulary.places))
    total = draw(st.integers(6, 60))
    a = draw(st.integers(1, total - 1))
    excess = max(2, -(-total * 15 // 100)) + draw(st.integers(0, 3)) if conflict else 0
    b = total - a + excess
    text = f"{total} people died in {place} on Monday, among them {a} police officers and {b} civilians."
    return Article(text, "ARI001" if conflict else None, (f"{total} people", f"{a} police officers"), ctx.published,
                   "arithmetic")


@st.composite
def shares(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A poll's shares for and against: within 100%, or (conflict) over it."""
    yes = draw(st.integers(30, 70))
    no = 100 - yes + (draw(st.integers(3, 25)) if conflict else -draw(st.integers(0, 10)))
    text = f"In the poll, {yes}% backed the plan. Another finding: {no}% were against it."
    return Article(text, "ARI002" if conflict else None, (f"{yes}%", f"{no}%"), ctx.published, "arithmetic")


# -- age -------------------------------------------------------------------------------------------


@st.composite
def ages(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A person's age given twice: the same, or (conflict) years apart (never one year,
    which a birthday between the two could explain)."""
    full = draw(st.sampled_from(ctx.vocabulary.names))
    age = draw(st.integers(25, 80))
    other = age + draw(st.sampled_from([-1, 1])) * draw(st.integers(3, 15)) if conflict else age
    text = f"{full}, {age}, chairs the board. The {other}-year-old {full.split()[-1]} was re-elected on Monday."
    return Article(text, "AGE001" if conflict else None, (str(age), f"{other}-year-old"), ctx.published, "age")


# -- dates, times, weekdays ----------------------------------------------------------------------


@st.composite
def weekdays(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A date printed with its weekday, right or (conflict) wrong for the calendar."""
    day, published = _day(draw, ctx, dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    name = WEEKDAYS[day.weekday()]
    if conflict:
        name = WEEKDAYS[(day.weekday() + draw(st.integers(1, 6))) % 7]
    event, verb, _ = draw(st.sampled_from(EVENTS))
    when = f"{name}, {MONTHS[day.month - 1]} {day.day}, {day.year}"
    text = f"The {event} {verb} on {when}. Delegates arrived from 40 countries."
    return Article(text, "WKD001" if conflict else None, (name, f"{MONTHS[day.month - 1]} {day.day}"),
                   published or day + dt.timedelta(days=1), "weekday")


@st.composite
def event_dates(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """One event dated twice in one article: the same day, or (conflict) another day."""
    day, published = _day(draw, ctx, dt.date(2015, 1, 10), dt.date(2030, 12, 20))
    other = day + dt.timedelta(days=draw(st.integers(2, 9))) if conflict else day
    event, verb, verb2 = draw(st.sampled_from(EVENTS))
    first, second = f"{MONTHS[day.month - 1]} {day.day}", f"{MONTHS[other.month - 1]} {other.day}"
    place = draw(st.sampled_from(ctx.vocabulary.places))
    filler = draw(st.lists(st.sampled_from(FILLER), max_size=2, unique=True))
    text = " ".join([f"The {event} {verb} on {first} in {place}.", *filler,
                     f"The {event}, which {verb2} on {second}, drew 40 leaders."])
    return Article(text, "DAT001" if conflict else None, (first, second),
                   published or max(day, other) + dt.timedelta(days=3), "date")


@st.composite
def times(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """The time of one blast given twice: the same, or (conflict) an hour apart."""
    first = draw(st.sampled_from(TIMES))
    hour, rest = first.split(":", 1)
    second = f"{int(hour) % 12 + 1}:{rest}" if conflict else first
    place = draw(st.sampled_from(ctx.vocabulary.places))
    text = (f"The main blast, at {first}, destroyed a transformer hall in {place}. "
            f"Residents were woken by the {second} blast.")
    return Article(text, "TIM001" if conflict else None, (first, second), ctx.published, "time")


# -- durations -------------------------------------------------------------------------------------


@st.composite
def durations(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A standoff's length given twice, in days and then in weeks: the same length, or
    (conflict) a number of weeks no rounding of the days reaches."""
    who, what = draw(st.sampled_from(STANDOFFS))
    weeks = draw(st.integers(2, 8))
    days = weeks * 7
    if conflict:  # at least half as long again, or half as short: never a rounding
        days = draw(st.sampled_from([d for d in range(10, 90) if d >= weeks * 7 * 1.5 or d <= weeks * 7 / 2]))
    noun = what.split()[0]
    text = (f"{who} began a {days}-day {what} in {draw(st.sampled_from(ctx.vocabulary.places))}. "
            f"The {noun} lasted {NUMBER_WORDS[weeks - 1]} weeks, organisers said.")
    return Article(text, "DUR001" if conflict else None, (f"{days}-day", f"{NUMBER_WORDS[weeks - 1]} weeks"),
                   ctx.published, "duration")


# -- entities --------------------------------------------------------------------------------------


@st.composite
def names(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A person named in full, then by family name: spelled alike, or (conflict) with
    one interior letter changed."""
    full = draw(st.sampled_from(ctx.vocabulary.names))
    surname = full.split()[-1]
    later = surname
    if conflict:
        i = draw(st.integers(1, len(surname) - 3))
        letter = draw(st.sampled_from([c for c in "aeiourstnl" if c != surname[i].lower()]))
        later = surname[:i] + letter + surname[i + 1 :]
    text = f"{full} visited the front on Monday. Later, {later} said the line held."
    return Article(text, "ENT001" if conflict else None, (surname, later), ctx.published, "entity-spelling")


@st.composite
def roles(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A person given a title twice: the same, or (conflict) another ministry."""
    full = draw(st.sampled_from(ctx.vocabulary.names))
    role = draw(st.sampled_from(ROLES))
    other = draw(st.sampled_from([r for r in ROLES if r != role])) if conflict else role
    text = f"{role} {full} met allies on Monday. On Tuesday, {other} {full.split()[-1]} flew to Berlin."
    return Article(text, "ENT002" if conflict else None, (role, other), ctx.published, "entity-role")


# -- states and negation -----------------------------------------------------------------------------


@st.composite
def directions(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A trend given twice for one period: the same direction, or (conflict) the opposite."""
    topic = draw(st.sampled_from(TRENDS))
    pct = draw(st.integers(2, 30))
    later = "fall" if conflict else "rise"
    text = f"{topic.capitalize()} rose {pct}% in the first half. Traders welcomed the first-half {later} in {topic}."
    return Article(text, "STA002" if conflict else None, ("rose", later), ctx.published, "state-change")


@st.composite
def open_closed(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """A facility said to be open now and (conflict) closed since a day this week."""
    facility = draw(st.sampled_from(FACILITIES))
    later = f"The {facility}, closed since Monday because of drone alerts, will reopen soon." if conflict else \
        f"The {facility}, open since Monday despite drone alerts, handled more traffic."
    text = f"The {facility} is open to traffic. {later}"
    return Article(text, "STA003" if conflict else None, ("open", "closed" if conflict else "open"), ctx.published,
                   "antonym-state")


@st.composite
def negations(draw: st.DrawFn, conflict: bool = False, ctx: _Context = _Context()) -> Article:
    """The same action asserted twice, or (conflict) denied and then asserted."""
    base, done = draw(st.sampled_from(ACTIONS))
    actor = draw(st.sampled_from(("The unit", "The delegation", "The minister")))
    first = f"{actor} did not {base}." if conflict else f"{actor} {done} on Sunday."
    text = f"{first} On Sunday {actor.lower()} {done} near the border."
    return Article(text, "NEG001" if conflict else None, (first, done), ctx.published, "negation")


Strategy = Callable[..., st.SearchStrategy[Article]]

# Rule family (as `checker rules` names them) -> the strategies that exercise it.
STRATEGIES: dict[str, tuple[Strategy, ...]] = {
    "quantity": (counts, lengths),
    "arithmetic": (totals, shares),
    "age": (ages,),
    "date": (event_dates,),
    "duration": (durations,),
    "time": (times,),
    "weekday": (weekdays,),
    "entity-spelling": (names,),
    "entity-role": (roles,),
    "state-change": (directions,),
    "antonym-state": (open_closed,),
    "negation": (negations,),
}


def articles(
    conflict: bool | None = None,
    families: Sequence[str] | None = None,
    *,
    vocabulary: Vocabulary | None = None,
    published: dt.date | st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Article]:
    """Consistent articles (conflict=False), articles with one injected conflict (True),
    or either (None), from the given rule families (default: all; see STRATEGIES), built
    from `vocabulary` and published on `published` (a date or a strategy of dates)."""
    chosen = tuple(STRATEGIES) if families is None else tuple([families] if isinstance(families, str) else families)
    unknown = [f for f in chosen if f not in STRATEGIES]
    if unknown or not chosen:
        raise ValueError(f"unknown rule famil{'ies' if len(unknown) > 1 else 'y'} {', '.join(map(repr, unknown))}; "
                         f"choose from {', '.join(STRATEGIES)}" if unknown else "families: name at least one family")
    if vocabulary is not None and not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"vocabulary: expected a checker.testing.Vocabulary, got {type(vocabulary).__name__}")
    if published is not None and not isinstance(published, (dt.date, st.SearchStrategy)):
        raise TypeError(f"published: expected a datetime.date or a strategy of dates, got {published!r}")
    if isinstance(published, dt.datetime):
        published = published.date()
    if conflict is None:
        return st.booleans().flatmap(lambda c: articles(c, chosen, vocabulary=vocabulary, published=published))
    if isinstance(published, st.SearchStrategy):
        return published.flatmap(lambda day: articles(conflict, chosen, vocabulary=vocabulary, published=day))
    ctx = _Context(vocabulary or DEFAULT, published)
    return st.one_of([make(conflict, ctx) for family in chosen for make in STRATEGIES[family]])
