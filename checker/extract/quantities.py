"""Quantity claims: counts, measures, money and percentages, each an interval in base
units with the noun phrase, predicate and scope that say what it is about."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from ..lexicon import alternation, lexicon
from ..model import Claim, Interval, Span
from ..scope import _MONTH_RE, nearest
from ..units import Unit, lookup, to_base, unit_pattern
from .context import SentenceContext
from .numbers import Core
from .phrases import Clauses, Phrase, phrase_after, phrase_before, predicate

_TIME_AFTER = re.compile(r"(?::\d|\.\d\d[ \t]*[ap]\.?m|[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|CET|EST|EDT|hrs\b|o’clock|o'clock))", re.I)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b|s\b|’s\b|'s\b")
_MONTH_BEFORE = re.compile(rf"{_MONTH_RE}[ \t]+$")
_MONTH_AFTER = re.compile(rf"[ \t]+(?:of[ \t]+)?{_MONTH_RE}\b")
_ISO_DATE = re.compile(r"-\d\d-\d\d")
_IDENT_BEFORE = re.compile(r"(?:\b(?:No|no|Nos|number|Number|Article|article|Section|section|Route|route|Highway|Flight|flight|Resolution|Chapter|Room|Gate|Platform|Line|Level|level|Grade|grade|Category|category|Stage|stage|page|Page|Vol|vol|Act|Paragraph|paragraph|Clause|clause|Rule|rule|Phase|phase|Round|round|Game|game|Match|match|version|Version|model|Model|Term|term|Bill|bill|Law|law|Unit|unit|Division|Corps|Army|Brigade|Battalion|Regiment|Squadron|Block|block)\.?|#)[ \t]*$")
_CAP_BEFORE = re.compile(r"(?<![.!?:\"“] )\b[A-Z][\w-]*[ \t]+$")
_SCALE_ATTACHED = re.compile(r"(?P<s>bn|mn|tn|m|k)(?![\w])", re.I)
# The second blank run only after a hyphen: "[ \t]*-?[ \t]*" could split a run of n blanks in n
# ways before failing, quadratic per match() on "5" followed by thousands of spaces.
_SCALE_SPACED = re.compile(r"[ \t]*(?:-[ \t]*)?(?P<s>thousand|million|billion|trillion|bn|mn|tn)(?![\w])", re.I)
_PERCENT = re.compile(r"[ \t]*(?P<p>%|percent(?!age)|per[ \t]+cent|pct\b)|[ \t]+(?P<pp>percentage[ \t]+points?)(?![\w])", re.I)
_AGE_AFTER = re.compile(r"(?:-year-old|[ \t]+years?[ \t]+old)(?![\w])", re.I)
_RANGE = re.compile(r"[ \t]*(?P<sep>-|–|to|and)[ \t]*")
_RATE = re.compile(r"[ \t]+(?:per|a|an|each)[ \t]+(?P<per>[^\W\d_]+)", re.I)
_SECOND = re.compile(r"[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|,\d|\.\d)")
_DEFINITE = re.compile(r"\b(?:the|its|their|this|that|these|those)[ \t]+$", re.I)
# A bare number ends its phrase ("handed over 212.", "90,000 had joined") after a verb or
# a preposition ("put the number at about 400"), not after a name ("Boeing 737").
_ELISION_AFTER = re.compile(r"[ \t]*(?:[.;,)]|$|(?:and|had|have|has|were|was|are|is|took|joined|attended|died|remained|stayed)\b)")
_ELISION_BEFORE = re.compile(r"(?:\b(?:at|to|over|of|only|just|said|put|counted|reported|estimated|gave|received|returned|freed|released|handed|killed|lost)|[a-z]+ed)[ \t]+(?:(?:about|around|some|nearly|almost|roughly|only|just|more[ \t]+than|fewer[ \t]+than|at[ \t]+least)[ \t]+)?$")
_AGED_BEFORE = re.compile(r"\b(?:aged|ages[ \t]+of)[ \t]+(?:\d{1,3}[ \t]*(?:,|and|to|-)[ \t]*)*$", re.I)
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}
_AGO = re.compile(r"[ \t]+(?:ago|earlier|later|before|after|from[ \t]+now|old)\b", re.I)


@cache
def _left_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    symbols: list[str] = []
    for spec in lex.currencies.values():
        symbols.extend(spec["symbols"])
    codes = [c.upper() for spec in lex.currencies.values() for c in spec["codes"]]
    quals = alternation(lex.numbers["qualifiers"])
    inc = alternation(lex.increment_words)
    return (
        re.compile(rf"(?:(?P<sym>{alternation(symbols)})|(?P<code>{alternation(codes)})[ \t]+)$", re.I),
        re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{quals}|between|from)[ \t]+$", re.I),
        re.compile(rf"(?:^|(?<=[^\w]))(?P<inc>{inc})[ \t]+$", re.I),
        re.compile(rf"[ \t]+(?P<w>{alternation([w for s in lex.currencies.values() for w in s['words']])})(?![\w])", re.I),
    )


@cache
def _currency_of() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, spec in lexicon().currencies.items():
        for form in [*spec["symbols"], *spec["words"], *spec["codes"]]:
            out[form.lower()] = code
    return out


@dataclass(slots=True)
class _Figure:
    start: int
    end: int
    lo: float
    hi: float
    value: float
    step: float
    qualifier: str | None = None
    currency: str | None = None
    unit: Unit | None = None
    percent: str | None = None
    age: bool = False
    rate: str | None = None
    phrase: Phrase | None = None
    partitive: bool = False
    increment: bool = False
    from_: bool = False
    form: str = "digits"


def _particle(qualifier: str, before: str) -> bool:
    """ "handed over 212": the qualifier word belongs to the verb before it."""
    verbs = lexicon().numbers.get("qualifier_particles", {}).get(qualifier)
    if not verbs:
        return False
    prev = re.findall(r"[^\W\d_]+", before[-20:])
    return bool(prev) and prev[-1].lower() in verbs


def _widen(value: float, step: float, qualifier: str | None) -> tuple[float, float]:
    tol = lexicon().numbers["tolerance"]
    kind = lexicon().numbers["qualifiers"].get(qualifier or "", "exact")
    half = step / 2
    share = tol["approx_share"] * abs(value)
    # "about 1,000": the stated precision widens, but never past twice the share, so
    # a round number does not swallow everything near it.
    r = max(share, min(half, 2 * share))
    if kind == "approx":
        return value - r, value + r
    if kind == "below_approx":
        return value - r, value
    if kind == "above_approx":
        return value, value + r
    if kind in ("lower", "lower_open"):
        return value, math.inf
    if kind in ("upper", "upper_open"):
        return -math.inf, value
    r = min(half, tol["exact_share"] * abs(value)) if value else half
    return value - r, value + r


def _skip_digits(ctx: SentenceContext, c: Core) -> bool:
    text = ctx.text
    after = text[c.end : c.end + 12]
    before = text[max(ctx.sentence.start, c.start - 24) : c.start]
    if _TIME_AFTER.match(after) or _ORDINAL.match(after) or _ISO_DATE.match(after):
        return True
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _IDENT_BEFORE.search(before) or _AGED_BEFORE.search(before):
        return True
    if _CAP_BEFORE.search(before) and c.start - len(_CAP_BEFORE.search(before).group(0)) > ctx.sentence.start:
        word = _CAP_BEFORE.search(before).group(0).strip().lower()
        if word not in lexicon().numbers["qualifiers"] and word not in _currency_of():
            return True
    return False


def _is_year(raw: str, value: float) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _figure(ctx: SentenceContext, c: Core, taken: set[int]) -> _Figure | None:
    text, s_end = ctx.text, ctx.sentence.end
    cur_re, qual_re, inc_re, cur_word_re = _left_patterns()
    start, pos = c.start, c.end
    fig = _Figure(start, pos, c.value, c.value, c.value, c.step, form=c.form)
    window = text[max(ctx.sentence.start, start - 40) : start]
    m = cur_re.search(window)
    if m:
        fig.currency = _currency_of()[(m.group("sym") or m.group("code")).lower()]
        fig.start -= len(m.group(0))
        window = window[: len(window) - len(m.group(0))]
    m = qual_re.search(window)
    if m:
        q = m.group("q").lower()
        if q == "from":
            fig.from_ = True
        elif not _particle(q, window[: len(window) - len(m.group(0))]):
            fig.qualifier = re.sub(r"\s+", " ", q)
            fig.start -= len(m.group(0))
    if inc_re.search(window):
        fig.increment = True
    # scale
    scale = 1.0
    scales = lexicon().numbers["scales"]
    m = _SCALE_ATTACHED.match(text, pos, s_end) if c.form == "digits" else None
    if m and (not scales[m.group("s").lower()].get("money_only") or fig.currency):
        scale, pos = scales[m.group("s").lower()]["factor"], m.end()
    else:
        m = _SCALE_SPACED.match(text, pos, s_end)
        if m:
            scale, pos = scales[m.group("s").lower()]["factor"], m.end()
    fig.value, fig.step = c.value * scale, c.step * scale
    if c.bounds:
        fig.lo, fig.hi = c.bounds
    else:
        fig.lo, fig.hi = _widen(fig.value, fig.step, fig.qualifier)
    # range: "between 10 and 15", "10-15", "10 to 15"
    m = _RANGE.match(text, pos, s_end)
    if m and c.form == "digits" and not fig.from_ and (m.group("sep") != "and" or fig.qualifier == "between"):
        m2 = _SECOND.match(text, m.end(), s_end)
        if m2:
            v2 = float(m2.group(0).lstrip("$€£").replace(",", "")) * scale
            m3 = _SCALE_SPACED.match(text, m2.end(), s_end) or _SCALE_ATTACHED.match(text, m2.end(), s_end)
            if m3 and scale == 1.0:
                scale = scales[m3.group("s").lower()]["factor"]
                fig.value, v2 = fig.value * scale, v2 * scale
            if v2 > fig.value:
                fig.lo, fig.hi, fig.qualifier = fig.value, v2, "range"
                taken.add(m2.start())
                pos = m3.end() if m3 else m2.end()
            elif m.group("sep") in "-–":
                taken.add(m2.start())
                return None  # a score ("3-1"), not a range
    if fig.qualifier == "between" and fig.hi - fig.lo < fig.value:
        fig.qualifier = None
    # what follows: percent, age, unit, currency word
    m = _PERCENT.match(text, pos, s_end)
    if m:
        fig.percent = "pp" if m.group("pp") else "%"
        pos = m.end()
    elif c.form == "fraction":
        fig.percent = "%"
        fig.lo, fig.hi = c.value - 2.0, c.value + 2.0
    elif (m := _AGE_AFTER.match(text, pos, s_end)) is not None:
        fig.age, pos = True, m.end()
    elif (m := unit_pattern().match(text, pos, s_end)) is not None and not fig.currency:
        u = lookup(m.group("att") or m.group("sp"), m.group("att") is not None)
        if u.key in _TIME_UNITS and _AGO.match(text, m.end(), s_end):
            return None  # "three weeks ago" is a date, not a duration
        fig.unit, pos = u, m.end()
    elif (m := cur_word_re.match(text, pos, s_end)) is not None and not fig.currency:
        fig.currency, pos = _currency_of()[re.sub(r"\s+", " ", m.group("w").lower())], m.end()
    m = _RATE.match(text, pos, s_end)
    if m and (fig.currency or fig.unit) and m.group("per").lower() not in lexicon().stop:
        fig.rate = m.group("per").lower()
        pos = m.end()
    fig.end = pos
    fig.phrase, fig.partitive = phrase_after(text, pos, s_end, allow_in=fig.currency is not None)
    if fig.phrase is not None and fig.phrase.head in lexicon().increment_words:
        fig.increment = True
    if fig.phrase is not None and fig.phrase.modifiers & lexicon().increment_words:
        fig.increment = True
    if fig.phrase is None and not fig.percent and (fig.unit or fig.currency):
        fig.phrase = phrase_before(text, fig.start, ctx.sentence.start)
    elif fig.phrase is None and fig.percent:
        fig.phrase = phrase_before(text, fig.start, ctx.sentence.start)
    return fig


def _kind(fig: _Figure) -> str:
    if fig.percent:
        return "percent"
    if fig.currency:
        return "money"
    if fig.unit:
        return "measure"
    return "count"


def extract_quantities(ctx: SentenceContext) -> list[Claim]:
    text = ctx.text
    out: list[Claim] = []
    taken: set[int] = set()
    for c in ctx.cores:
        if c.start in taken:
            continue
        if c.form == "digits" and _skip_digits(ctx, c):
            continue
        raw = text[c.start : c.end]
        fig = _figure(ctx, c, taken)
        if fig is None or fig.age:
            continue
        kind = _kind(fig)
        if c.form == "digits" and _is_year(raw, c.value) and kind == "count":
            continue
        if c.form == "words" and c.value <= 1 and kind == "count":
            continue  # "one of the goals": a pronoun far more often than a count
        if kind == "count" and (fig.phrase is None and not fig.partitive):
            elided = _elided(ctx, fig, c)
            if elided is None:
                # Kept for arithmetic over lists ("14 carried flour, eight carried water"),
                # never compared on its own: it has nothing to say what it counts.
                ctx.skip("count without a counted noun")
                if c.value < 2:
                    continue  # a bare "1" adds nothing to a list and is mostly not a count
                bare = _claim(ctx, fig, kind)
                out.append(replace(bare, qualifiers=bare.qualifiers | {"bare"}))
            else:
                out.append(elided)
            continue
        claim = _claim(ctx, fig, kind)
        if kind == "count" and claim.subject:
            ctx.state.setdefault("counts", []).append(claim)
        out.append(claim)
    return out


def _elided(ctx: SentenceContext, fig: _Figure, c: Core) -> Claim | None:
    """A count whose noun is left out because the sentence answers an earlier one:
    "Kyiv said it had received the bodies of 250 soldiers; Russia said it had handed over
    212." It takes the noun of the nearest count in this sentence or the one before, and
    is compared only with that count (as a restatement)."""
    text = ctx.text
    if c.value < 2 or not _ELISION_AFTER.match(text, fig.end, ctx.sentence.end):
        return None
    if not _ELISION_BEFORE.search(text, max(ctx.sentence.start, fig.start - 30), fig.start):
        return None
    # Within the three sentences before: a dispute's second voice often follows a quote.
    earlier = [a for a in ctx.state.get("counts", []) if a.sentence >= ctx.sentence.index - 3 and a.end <= fig.start]
    if not earlier:
        return None
    ante = earlier[-1]
    claim = _claim(ctx, fig, "count")
    if claim.source is None or ante.source is None or claim.source == ante.source:
        return None  # elision is trusted only where a second source answers the first
    data = dict(claim.data)
    data["definite"] = True
    data["modifiers"] = ante.get("modifiers", ())
    if not data.get("predicate"):
        data["predicate"] = ante.get("predicate")
    return replace(
        claim,
        subject=ante.subject,
        attribute=data["predicate"] or "",
        qualifiers=claim.qualifiers | {"elided"},
        data=tuple(data.items()),
    )


def _claim(ctx: SentenceContext, fig: _Figure, kind: str) -> Claim:
    text = ctx.text
    end = fig.end
    if kind == "count" and fig.phrase is not None and fig.phrase.start - fig.end <= 2:
        end = fig.phrase.end
    if fig.phrase is not None and fig.phrase.start < fig.start:
        pass
    lo, hi = fig.lo, fig.hi
    unit_key, dimension = "", ""
    if fig.unit is not None:
        lo, hi = to_base(lo, fig.unit), to_base(hi, fig.unit)
        if fig.unit.tolerance:
            lo, hi = lo * (1 - fig.unit.tolerance), hi * (1 + fig.unit.tolerance)
        unit_key, dimension = fig.unit.key, fig.unit.dimension
    clauses = _clauses(ctx)
    c_lo, c_hi = clauses.bounds(fig.start, end)
    near = clauses.near(c_lo, c_hi, fig.start, end)
    clause_words = {w[2] for w in near}
    quals = set()
    if fig.qualifier:
        quals.add(lexicon().numbers["qualifiers"].get(fig.qualifier, fig.qualifier))
    if fig.form == "multitude":
        quals.add("vague")
    if fig.from_ or clause_words & lexicon().change_words:
        quals.add("change")
    if fig.increment:
        quals.add("increment")
    if fig.partitive:
        quals.add("partitive")
    attribution = ctx.attribution_at(fig.start)
    if attribution.hedged:
        quals.add("hedged")
    if ctx.in_quote(fig.start, end):
        quals.add("quoted")
    if fig.rate:
        quals.add("rate")
    pred = _own_event(fig.phrase) or predicate(near, fig.start, end)
    unit_label = {"percent": fig.percent or "%", "money": fig.currency or "", "measure": dimension}.get(kind, "")
    subject = fig.phrase.head if fig.phrase else ""
    if fig.rate:
        subject = f"{subject} per {fig.rate}"
    own = set(clauses.inside(fig.start, end))
    context = frozenset(
        w[:6] for _, _, w in near
        if w not in own and w not in lexicon().stop and w not in lexicon().attribution_verbs
        and w not in lexicon().numbers["qualifiers"] and len(w) > 2
    )
    definite = bool(_DEFINITE.search(text, max(ctx.sentence.start, fig.start - 12), fig.start))
    data: list[tuple[str, object]] = [
        ("context", context),
        ("definite", definite),
        ("value", fig.value),
        ("step", fig.step),
        ("modifiers", tuple(sorted(fig.phrase.modifiers)) if fig.phrase else ()),
        ("predicate", pred),
        ("unit_key", unit_key),
        ("clause", (c_lo, c_hi)),
    ]
    return Claim(
        kind=kind,
        span=Span(ctx.doc.id, fig.start, end, text[fig.start : end]),
        value=Interval(lo, hi),
        unit=unit_label,
        normalized=_normalized(fig, kind),
        subject=subject,
        attribute=pred or "",
        qualifiers=frozenset(quals),
        source=attribution.source,
        place=ctx.place_near(fig.start, end, c_lo, c_hi),
        time=nearest([t for t in ctx.times if c_lo <= t[0] and t[1] <= c_hi], fig.start, end),
        sentence=ctx.sentence.index,
        paragraph=ctx.sentence.paragraph,
        data=tuple(data),
    )


def _clauses(ctx: SentenceContext) -> Clauses:
    cache: dict[int, Clauses] = ctx.state.setdefault("clauses", {})
    index = ctx.sentence.index
    if index not in cache:
        cache[index] = Clauses(ctx.text, ctx.sentence.start, ctx.sentence.end)
    return cache[index]


def _own_event(phrase: Phrase | None) -> str | None:
    """An event named inside the counted phrase ("38 confirmed cases", "1,300 job cuts")
    beats any event word nearby in the clause."""
    if phrase is None:
        return None
    if phrase.event:
        return phrase.event
    events = lexicon().predicate_of
    return next((events[m] for m in sorted(phrase.modifiers) if m in events), None)


def _normalized(fig: _Figure, kind: str) -> str:
    def num(x: float) -> str:
        if kind == "money":
            for factor, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
                if abs(x) >= factor:
                    return f"{x / factor:,.6g} {word}"
        return f"{x:,.10g}" if abs(x) < 1e15 else f"{x:.3g}"

    if fig.qualifier == "range":
        core = f"{num(fig.lo)}–{num(fig.hi)}"
    elif fig.form == "multitude":
        core = f"{num(fig.lo)}–{num(fig.hi)}"
    else:
        core = num(fig.value)
        if fig.qualifier:
            core = f"{fig.qualifier} {core}"
    if kind == "percent":
        return f"{core} {'percentage points' if fig.percent == 'pp' else '%'}".replace(" %", "%")
    if kind == "money":
        return f"{fig.currency} {core}"
    if kind == "measure" and fig.unit is not None:
        return f"{core} {fig.unit.symbol}"
    return core
