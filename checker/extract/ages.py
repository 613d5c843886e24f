"""Age claims: "Jane Doe, 63,", "the 36-year-old Doe", "Doe, aged 63", "when he was 49".

An age is turned into an interval of birth years (age 63 in 2024: born 1960 or 1961),
so ages stated at different times can be compared.
"""

from __future__ import annotations

import re

from ..model import Claim, Interval, Span
from .context import SentenceContext
from .numbers import _value_words

_NAME = r"(?P<name>[A-Z][\w’'-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w’'-]+){0,3})"
_AGE = r"(?P<age>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
_PATTERNS = (
    re.compile(rf"{_NAME},[ \t]+{_AGE},"),
    re.compile(rf"{_NAME},[ \t]+aged[ \t]+{_AGE}\b"),
    re.compile(rf"{_NAME},[ \t]+(?:a|an|the|who[ \t]+is|now)[ \t]+{_AGE}-year-old\b"),
    re.compile(rf"\b(?i:the|a|an)[ \t]+{_AGE}-year-old[ \t]+(?:[a-z]+[ \t]+){{0,2}}?{_NAME}"),
    re.compile(rf"{_NAME}[ \t]+(?:died|dies|retired|retires)[ \t]+(?:on[ \t]+\w+[ \t]+)?at[ \t]+(?:the[ \t]+age[ \t]+of[ \t]+)?{_AGE}\b"),
    re.compile(rf"\bwhen[ \t]+(?P<pron>he|she)[ \t]+was[ \t]+{_AGE}\b"),
    # "The 44-year-old was ...": a sentence opening on an age refers to the person just named.
    re.compile(rf"(?:^|(?<=[.!?\n][ \t])|(?<=\n)|(?<=[“\"]))(?:The|the)[ \t]+{_AGE}-year-old\b(?![ \t]+[A-Z])"),
)
# A literal each pattern needs: patterns whose literal is absent are not run at all.
_NEEDS = (",", "aged", "-year-old", "-year-old", "", "when", "-year-old")
_DATED = 5  # the one pattern whose sentence year dates the age ("in 2010, when he was 49")
# A person named in full: two or three capitalized words, the last a surname.
_FULL_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z’'-]+){1,2}\b")
_YEAR = re.compile(r"\b(?:in|of|since|during)[ \t]+(?P<y>1[89]\d\d|20\d\d)\b", re.I)
_TITLES = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|President|Prime[ \t]+Minister|Minister|Judge|Justice|Senator|Sen|Rep|Gov|Governor|General|Gen|Col|Colonel|Captain|Capt|Chancellor|Mayor|Coach|Chief|Sir|Dame|Lord|Lady|King|Queen|Pope|Archbishop|Bishop|Father|Sister|Brother)\.?[ \t]+)+"
)
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "He", "She", "They", "It", "But", "And", "When", "After", "Before", "Meanwhile"}


def person_key(name: str) -> tuple[str, str]:
    """(surname, given names) folded for comparison."""
    from ..fold import fold

    clean = _TITLES.sub("", name.strip())
    # "Hungary's Lena Varga": a possessive before the name is not part of it.
    parts = [p for p in clean.split() if not p.endswith(("'s", "’s"))]
    if not parts:
        return "", ""
    return fold(parts[-1]), " ".join(fold(p) for p in parts[:-1])


def _named_before(ctx: SentenceContext) -> str:
    """The last person named in full in this sentence (before the age) or the one before."""
    segs = ctx.segments
    lo = segs.sentences[max(0, ctx.sentence.index - 1)].start
    names = [m.group(0) for m in _FULL_NAME.finditer(ctx.text, lo, ctx.sentence.start)]
    names = [n for n in names if n.split()[0] not in _NOT_NAMES]
    return names[-1] if names else ""


def _age_value(raw: str) -> float | None:
    if raw.isdigit():
        v = float(raw)
    else:
        v = _value_words(raw) or 0.0
    return v if 0 < v < 125 else None


def extract_ages(ctx: SentenceContext) -> list[Claim]:
    last_person: dict[str, str] = ctx.state.setdefault("last_person", {})
    text, s = ctx.text, ctx.sentence
    out: list[Claim] = []
    year_m = _YEAR.search(text, s.start, s.end)
    pub = ctx.doc.published
    pub_year = pub.year if pub else 0
    seen: set[int] = set()
    found = ctx.state.get("age_matches")
    if found is None:
        found = ctx.state["age_matches"] = [
            (pat, m) for pat, need in zip(_PATTERNS, _NEEDS, strict=True) if need in text for m in pat.finditer(text)
        ]
    for pat, m in found:
        if not (s.start <= m.start() and m.end() <= s.end):
            continue
        as_of = int(year_m.group("y")) if year_m and pat is _PATTERNS[_DATED] else pub_year
        if True:
            if m.start("age") in seen:
                continue
            age = _age_value(m.group("age"))
            if age is None:
                continue
            if "name" in pat.groupindex:
                name = m.group("name")
                if name.split()[0] in _NOT_NAMES:
                    name = " ".join(name.split()[1:])
                if not name:
                    continue
            else:
                name = last_person.get("name", "") if pat is _PATTERNS[_DATED] else _named_before(ctx)
                if not name:
                    continue
            surname, given = person_key(name)
            if not surname:
                continue
            last_person["name"] = name
            seen.add(m.start("age"))
            a, b = m.start("age"), m.end("age")
            span_end = b + (len("-year-old") if text.startswith("-year-old", b) else 0)
            out.append(
                Claim(
                    kind="age",
                    span=Span(ctx.doc.id, a, span_end, text[a:span_end]),
                    value=Interval(as_of - age - 1, as_of - age),
                    unit="birth year",
                    normalized=f"{age:g} years old" + (f" in {as_of}" if as_of else ""),
                    subject=surname,
                    attribute="age",
                    source=None,  # an age in apposition is the reporter's, not the speaker's
                    sentence=s.index,
                    paragraph=s.paragraph,
                    data=(("given", given), ("age", age), ("as_of", as_of), ("name", name)),
                )
            )
    return out
