"""Hypothesis strategies for regression tests against the checker, for our own tests and
for newsrooms' (see README, "Write your own regression tests").

    from hypothesis import given
    from checker.testing import articles

    @given(articles(conflict=True))
    def test_we_catch_restated_figures(article):
        found = checker.check(article.text).conflicts
        assert any(c.rule == article.rule for c in found)
"""

from __future__ import annotations

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


def articles(conflict: bool | None = None) -> st.SearchStrategy[Article]:
    """Consistent articles (conflict=False), articles with one injected conflict (True),
    or either (None)."""
    if conflict is None:
        return st.booleans().flatmap(lambda c: articles(c))
    return st.one_of(counts(conflict), lengths(conflict))
