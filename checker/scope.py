"""Place and time scope of a claim: the "in Sumy" and "by Friday" that make two figures
about different things."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, lexicon

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_in(phrase: str) -> str:
    """The weekday a lowercase time phrase names ("friday evening", "since monday"), or ""."""
    return next((w for w in phrase.split() if w in WEEKDAYS), "")

# Nouns that name a time rather than a kind of thing (a closed class): as modifiers of a
# counted noun ("Tuesday's breach", "the night shift") they are scope, not identity.
TIME_NOUNS = frozenset({
    *MONTHS, *WEEKDAYS, "morning", "afternoon", "evening", "night", "overnight", "day", "week",
    "month", "year", "weekend", "today", "yesterday", "tomorrow", "tonight", "quarter", "season",
    "hour", "minute", "decade", "century", "spring", "summer", "autumn", "winter", "midnight",
    "noon", "dawn", "dusk", "half",
})
_MONTH_RE = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"


@cache
def _time_re() -> re.Pattern[str]:
    words = alternation(lexicon().words["scope"]["time_words"])
    return re.compile(
        rf"(?<![\w-])(?:{words}"
        rf"|(?:in|since|by|during|until|through|of|before|after)[ \t]+(?:the[ \t]+)?(?:late[ \t]+|early[ \t]+|mid-?)?(?:1[89]\d\d|20\d\d)s?"
        rf"|(?:on[ \t]+|by[ \t]+)?{_MONTH_RE}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?"
        rf"|(?:on[ \t]+|by[ \t]+)?\d{{1,2}}[ \t]+{_MONTH_RE}"
        rf"|(?:in|since|by|until|last|this|next|early|late|mid-?|for)[ \t]+{_MONTH_RE}"
        rf"|\d+[ \t]+(?:days?|weeks?|months?|years?)[ \t]+(?:ago|earlier|later|before|after)"
        # "in the first three months of the year", "over the past 12 months": a period
        rf"|(?:first|last|past|next|previous)[ \t]+(?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        rf"[ \t]+(?:days|weeks|months|quarters|years)"
        # "Thursday's march": a weekday's possessive dates the event it determines
        rf"|(?:{'|'.join(WEEKDAYS)})(?=['’]s\b))(?![\w-])",
        re.I,
    )


@cache
def _place_re() -> re.Pattern[str]:
    preps = alternation(lexicon().words["scope"]["place_prepositions"])
    return re.compile(
        rf"(?<![\w-])(?i:{preps})[ \t]+(?:the[ \t]+)?"
        r"(?P<place>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3})"
        r"(?:[ \t]+(?:region|province|oblast|district|county|state|city|area|sector))?"
    )


_STRIP = re.compile(r"^(?:on|by|in|since|during|until|through|of|for|the)\s+", re.I)


def _normalize_time(expr: str) -> str:
    return re.sub(r"\s+", " ", _STRIP.sub("", expr.lower())).strip()


def times_in(text: str, lo: int, hi: int, low: str | None = None) -> list[tuple[int, int, str]]:
    """Time expressions in text[lo:hi]; `low` (the whole text, lowered by
    casescan.lowered) lets one pass over a whole document skip ahead in C."""
    # One pass over the whole document; casescan's lowercase twin was measured slower for
    # this pattern (its many digit-led branches leave nothing to skip ahead to).
    return [(m.start(), m.end(), _normalize_time(m.group(0))) for m in _time_re().finditer(text, lo, hi)]


def places_in(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    bad = set(lexicon().words["scope"]["not_places"])
    out = []
    for m in _place_re().finditer(text, lo, hi):
        place = m.group("place")
        if place.split()[0].lower() in bad:
            continue
        out.append((m.start(), m.end(), place.lower()))
    return out


def nearest(items: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for s, e, key in items:
        if s < end and start < e:
            continue  # the figure's own words ("15 kilometers" is no time)
        dist = start - e if e <= start else s - end
        if best is None or dist < best[0]:
            best = (dist, key)
    return best[1] if best else None
