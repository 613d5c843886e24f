"""How long a continuing event has run by the story's date: "the strike, now in its
fourth week", "as the siege entered its 40th day".

Each becomes a measure of time on the event noun (as "a six-week strike" does in
checker/extract/quantities.py), marked `ongoing` and dated by the story (`as_of`, an
ordinal day): "in its fourth week" is more than three weeks and at most four, counted from
the event's first day to the story's. The duration rules compare it with the date the
event began (checker/rules/duration.py), never with a stated length: a length so far is
no length of the whole.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Claim, Interval, Span
from ..syntax import lemma, noun_set_off_before, subject_of
from .calendar import _reference
from .context import SentenceContext

DAY = 86_400.0
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
# "first" and "second" are ordinals text2num leaves alone (both are other words too)
_PLAIN = {"first": 1, "second": 2}
_ELAPSED = re.compile(
    r"\b(?:in|into|entered|enters|entering|enter)[ \t]+(?:its|their)[ \t]+"
    r"(?P<n>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[ \t]+(?P<u>day|week|month|year)\b",
    re.IGNORECASE,
)


@cache
def _ordinal(word: str) -> int | None:
    from text_to_num import alpha2digit

    w = word.lower()
    if w in _PLAIN:
        return _PLAIN[w]
    digits = w if w[:1].isdigit() else alpha2digit(w, "en")
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", digits)
    return int(m.group(1)) if m else None


def extract_elapsed(ctx: SentenceContext) -> list[Claim]:
    from .events import _eventive

    s, text = ctx.sentence, ctx.text
    if "its" not in text[s.start : s.end] and "their" not in text[s.start : s.end]:
        return []
    ref = _reference(text, ctx.doc.published)
    out: list[Claim] = []
    for m in _ELAPSED.finditer(text, s.start, s.end):
        n = _ordinal(m.group("n"))
        if n is None or n < 1 or ref is None:
            continue
        unit = ctx.parsed.token_at(m.start("u"))
        if unit is None:
            continue
        # "The strike, now in its fourth week, ...": the noun the phrase is set off after
        # (the parser may hang it on the clause's verb), or else the noun it is on, or the
        # subject of the verb it is on ("as the siege entered its 40th day")
        first = ctx.parsed.token_at(m.start())
        head = (noun_set_off_before(first) if first is not None else None) or unit.head
        if head.pos_ in ("VERB", "AUX"):
            head = subject_of(head) or head
        if head.pos_ != "NOUN" or not _eventive(head):
            ctx.skip("elapsed time of no event noun")
            continue
        days = _UNIT_DAYS[m.group("u").lower()]
        a, b = m.start(), m.end()
        out.append(Claim(
            kind="measure",
            span=Span(ctx.doc.id, a, b, text[a:b]),
            value=Interval((n - 1) * days * DAY, n * days * DAY),
            unit="[time]",
            normalized=f"in its {m.group('n')} {m.group('u').lower()} ({(n - 1) * days:g}–{n * days:g} days)",
            subject=lemma(head),
            attribute="elapsed",
            qualifiers=frozenset({"ongoing"}),
            sentence=s.index,
            paragraph=s.paragraph,
            data=(("as_of", ref.toordinal()), ("ordinal", n), ("unit_days", days)),
        ))
    return out
