"""Reading a figure's value from the characters: digits and number words (numbers.py),
currency symbols, codes and words, scale words ("bn", "million"), units, percentages,
qualifiers ("about", "more than", "up to") and ranges ("12-15", "between 40 and 50"),
normalized into an interval.

The tokenizer splits "$5.1bn" and "10 1/2" in ways that say nothing about their value,
so the value is read here, from the text; what the figure is about is read from the parse
(checker.extract.measured).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon import alternation, data_file, lexicon
from ..scope import _MONTH_RE
from ..units import Unit, bracketed_unit_pattern, compound_pattern, currency_tables, lookup, spec_of, unit, unit_pattern
from .context import SentenceContext
from .numbers import Core

_TIME_AFTER = re.compile(r"(?::\d|\.\d\d[ \t]*[ap]\.?m|[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|CET|EST|EDT|hrs\b|o’clock|o'clock))", re.I)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b|s\b|’s\b|'s\b")
_MONTH_BEFORE = re.compile(rf"{_MONTH_RE}[ \t]+$")
_MONTH_AFTER = re.compile(rf"[ \t]+(?:of[ \t]+)?{_MONTH_RE}\b")
_ISO_DATE = re.compile(r"-\d\d-\d\d")
_IDENT_BEFORE = re.compile(r"(?:\b(?:No|no|Nos|number|Number|Article|article|Section|section|Route|route|Highway|Flight|flight|Resolution|Chapter|Room|Gate|Platform|Line|Level|level|Grade|grade|Category|category|Stage|stage|page|Page|Vol|vol|Act|Paragraph|paragraph|Clause|clause|Rule|rule|Phase|phase|Round|round|Game|game|Match|match|version|Version|model|Model|Term|term|Bill|bill|Law|law|Unit|unit|Division|Corps|Army|Brigade|Battalion|Regiment|Squadron|Block|block)\.?|#)[ \t]*$")
_CAP_BEFORE = re.compile(r"(?<![.!?:\"“] )\b[A-Z][\w-]*[ \t]+$")
_PERCENT = re.compile(r"[ \t]*(?P<p>%|percent(?!age)|per[ \t]+cent|pct\b)|[ \t]+(?P<pp>percentage[ \t]+points?)(?![\w])"
                      r"|(?:[ \t]+|-)(?P<bp>basis[ \t-]+points?|bps)(?![\w])", re.I)
# A basis point is a hundredth of a percentage point ("25 basis points", "a 50-bps rise").
BASIS_POINT = 0.01
_AGE_AFTER = re.compile(r"(?:-year-old|[ \t]+years?[ \t]+old)(?![\w])", re.I)
_RANGE = re.compile(r"[ \t]*(?P<sep>-|–|to|and)[ \t]*")
# "$2.7 billion a year" is a rate; "$2.7 billion a year earlier" is a level dated back.
_RATE = re.compile(r"[ \t]+(?:per|a|an|each)[ \t]+(?P<per>[^\W\d_]+)\b(?![ \t]+(?:earlier|ago|before|after|later|previously)\b)",
                   re.I)
_SECOND = re.compile(r"[$€£]?(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?!\d|,\d|\.\d)")
_RANGE_SYMBOL = re.compile(r"[$€£]")
_DEFINITE = re.compile(r"\b(?:the|its|their|this|that|these|those)[ \t]+$", re.I)
_AGED_BEFORE = re.compile(r"\b(?:aged|ages[ \t]+of)[ \t]+(?:\d{1,3}[ \t]*(?:,|and|to|-)[ \t]*)*$", re.I)
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}
_AGO = re.compile(r"[ \t]+(?:ago|earlier|later|before|after|from[ \t]+now|old)\b", re.I)


# Words after "m" that make it metres, not millions: "1.8m tall", "a 10m-long wall".
_DIMENSION_WORDS = frozenset({"tall", "high", "long", "wide", "deep", "thick", "across", "away", "above", "below",
                              "deeper", "higher", "longer", "taller", "wider", "high-", "long-"})
_LAST_WORD = re.compile(r"(?<![^\W\d_])(?P<w>[^\W\d_]+)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]*(?P<w>[^\W\d_][\w'’-]*)")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)\]]|$)")
_AND = re.compile(r"(?:[ \t]+and)?[ \t]+")
_OF = re.compile(r"[ \t]+of\b", re.I)
# Symbols that are not letters: these may also follow the number ("10 $", "100 €").
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class _Money:
    """What currencies.toml says, keyed for reading (all lowercase, blanks folded)."""

    symbol: dict[str, str]  # "$" -> USD, "hk$" -> HKD (blanks removed)
    word: dict[str, str]  # words and codes after the number
    ambiguous: dict[str, str]  # "pounds" -> GBP: money only with a scale word or a money cue
    minor: dict[str, tuple[str, int]]  # "cents" -> (USD, 100)
    minor_attached: dict[str, tuple[str, int]]  # "p" -> (GBP, 100)
    code: dict[str, str]  # "usd" -> USD, "TRY" -> TRY (upper-case-only codes keep their case)
    cues: dict[str, bool]  # word -> True for money, False for weight, scores and the rest
    not_pence: frozenset[float]


@cache
def _money() -> _Money:
    symbol: dict[str, str] = {}
    word: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    minor: dict[str, tuple[str, int]] = {}
    minor_attached: dict[str, tuple[str, int]] = {}
    code: dict[str, str] = {}
    for iso, spec in currency_tables().items():
        per = int(spec.get("minor_per", 100))
        for s in spec["symbols"]:
            symbol[_fold(s)] = iso
        for w in spec["words"]:
            word[_norm(w)] = iso
        for w in spec.get("ambiguous", ()):
            ambiguous[_norm(w)] = iso
        for w in spec.get("minor", ()):
            minor[_norm(w)] = (iso, per)
        for w in spec.get("minor_attached", ()):
            minor_attached[w.lower()] = (iso, per)
        for c in spec.get("codes", ()):
            code[c if c.isupper() else c.lower()] = iso
    data = data_file("money_cues.toml")
    cues = data["cues"]
    table = {w: False for w in cues.get("other", ())} | {w: True for w in cues.get("money", ())}
    not_pence = frozenset(float(v) for v in data.get("not_pence", {}).get("values", ()))
    return _Money(symbol, word, ambiguous, minor, minor_attached, code, table, not_pence)


def _fold(s: str) -> str:
    return re.sub(r"\s+", "", s.lower())


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


def _codes_regex(codes: list[str]) -> str:
    """Lower-case codes match any case; upper-case ones ("TRY", "RUB", which are also
    English words) only as written."""
    any_case = [c for c in codes if not c.isupper()]
    exact = [c for c in codes if c.isupper()]
    parts = []
    if any_case:
        parts.append(f"(?i:{alternation(any_case)})")
    if exact:
        parts.append(alternation(exact))
    return "|".join(parts) or "(?!)"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    money = _money()
    nums = lexicon().numbers
    codes = list(money.code)
    upper = sorted({c.upper() for c in codes})
    letter_syms: set[str] = set()
    plain_syms: set[str] = set()
    for spec in currency_tables().values():
        for s in spec["symbols"]:
            s = s.lower()
            if _LETTERS.match(s):
                letter_syms.add(s)
            else:
                plain_syms.add(s)
    scales = nums["scales"]
    spaced_scales = [k for k, v in scales.items() if not v.get("attached")]
    after_words = [*money.word, *money.ambiguous, *money.minor]
    quals = alternation(nums["qualifiers"])
    inc = alternation(lexicon().increment_words)
    return {
        # Before the number, searched in a short window that ends at it.
        "prefix": re.compile(
            rf"(?:(?<![^\W\d_])(?P<lsym>(?i:{alternation(letter_syms)}))|(?P<sym>{alternation(plain_syms)}))[ \t]?$"
            rf"|(?<![^\W\d_])(?P<code>{_codes_regex(codes)})[ \t]*$"
            rf"|(?<![^\W\d_])M(?P<mcode>{alternation(upper)})[ \t]+$"
        ),
        "qualifier": re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{quals}|between|from)[ \t]+$", re.I),
        "increment": re.compile(rf"(?:^|(?<=[^\w]))(?P<inc>{inc})[ \t]+$", re.I),
        # After the number.
        "scale_attached": re.compile(rf"(?P<s>{alternation(list(scales))})(?![\w])", re.I),
        # The second blank run only after a hyphen: "[ \t]*-?[ \t]*" could split a run of n blanks in n
        # ways before failing, quadratic per match() on "5" followed by thousands of spaces.
        "scale_spaced": re.compile(rf"[ \t]*(?:-[ \t]*)?(?P<s>{alternation(spaced_scales)})(?![\w])", re.I),
        "scale_m": re.compile(r"[ \t]?(?P<s>m)(?![\w²³])", re.I),
        "code_scale": re.compile(
            rf"[ \t]+(?P<code>{_codes_regex(codes)})[ \t]+(?P<s>(?i:{alternation(spaced_scales)}))(?![\w])"
        ),
        "word": re.compile(rf"(?:[ \t]+|-)(?P<w>{alternation(after_words)})(?![\w])", re.I),
        "code": re.compile(rf"[ \t]?(?:(?P<code>{_codes_regex(codes)})|M(?P<mcode>{alternation(upper)}))(?![\w])"),
        "trailing": re.compile(rf"[ \t]?(?P<sym>{alternation(plain_syms)})(?!\d)"),
        "minor_attached": re.compile(rf"(?P<w>{alternation(list(money.minor_attached))})(?![\w])", re.I),
        "minor": re.compile(rf"[ \t]*-?(?P<w>{alternation(list(money.minor))})(?![\w])", re.I),
        "currency_after": re.compile(
            rf"[ \t]*(?:(?P<w>(?i:{alternation([*money.word, *money.ambiguous])}))|(?P<code>{_codes_regex(codes)}))(?![\w])"
        ),
    }


@dataclass(slots=True)
class Figure:
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
    increment: bool = False
    from_: bool = False
    form: str = "digits"
    # Money stated in a minor unit ("50 cents", "470p"): how many make one of `currency`.
    # `value` and `step` stay as written; `lo` and `hi` are in the major unit, so "50 cents"
    # and "$0.50" are one interval.
    minor: int = 1
    # a measure in two units, "14 hours and 40 minutes", "5 ft 2 in": shown so
    compound: bool = False


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


def is_percent_word(word: str) -> bool:
    """"pct", "percent": a word that makes a number a percentage."""
    return _PERCENT.fullmatch(" " + word) is not None


def is_currency_word(word: str) -> bool:
    w = _norm(word)
    money = _money()
    return w in money.word or w in money.symbol or w in money.code or w.upper() in money.code or w in money.minor


def skip_digits(ctx: SentenceContext, c: Core) -> bool:
    text = ctx.text
    after = text[c.end : c.end + 12]
    before = text[max(ctx.sentence.start, c.start - 24) : c.start]
    if _TIME_AFTER.match(after) or _ORDINAL.match(after) or _ISO_DATE.match(after):
        return True
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _IDENT_BEFORE.search(before) or _AGED_BEFORE.search(before):
        return True
    cap = _CAP_BEFORE.search(before)
    if cap and c.start - len(cap.group(0)) > ctx.sentence.start:
        word = cap.group(0).strip()
        if word.lower() not in lexicon().numbers["qualifiers"] and not is_currency_word(word) and not (
            word[:1] == "M" and (word[1:].lower() in _money().code or word[1:] in _money().code)  # "MAUD 60"
        ):
            return True
    return False


def is_year(raw: str, value: float) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _scale_factor(word: str) -> float:
    return float(lexicon().numbers["scales"][word.lower()]["factor"])


def _tokens(ctx: SentenceContext) -> tuple[list[int], list[Any]]:
    """The sentence's tokens and their start offsets, built once per sentence. The parse
    is only a hint here (is the next word a plural noun?): without one, the callers fall
    back on the characters."""
    cache: dict[int, tuple[list[int], list[Any]]] = ctx.state.setdefault("figure_tokens", {})
    index = ctx.sentence.index
    if index not in cache:
        parsed = getattr(ctx, "parsed", None)
        toks = [t for t in parsed if not t.is_space] if parsed is not None else []
        cache[index] = ([parsed.start_of(t) for t in toks] if parsed is not None else [], toks)
    return cache[index]


def _tag_at(ctx: SentenceContext, pos: int) -> str:
    starts, toks = _tokens(ctx)
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0 or starts[i] != pos:
        return ""
    return str(toks[i].tag_)


def _counted_noun_follows(ctx: SentenceContext, pos: int) -> bool:
    """ "1.4m doses", "3m new jobs": a plural noun follows, so "m" is a scale; "1.8m tall",
    "48m" at the end and "a 10m-long wall" are metres."""
    text, s_end = ctx.text, ctx.sentence.end
    for _ in range(2):
        m = _NEXT_WORD.match(text, pos, s_end)
        if m is None or m.start("w") == pos:  # nothing, or a hyphen or letter against the "m"
            return False
        word = m.group("w").lower()
        if word in _DIMENSION_WORDS or word.endswith(("-long", "-high", "-tall", "-wide", "-deep")):
            return False
        if is_currency_word(word):
            return True
        tag = _tag_at(ctx, m.start("w"))
        if tag in ("NNS", "NNPS"):
            return True
        if not tag and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return True  # no parse: a plural by its ending
        if tag and tag not in ("JJ", "JJR", "VBN", "VBG"):
            return False
        pos = m.end()
    return False


def _cue_says_money(ctx: SentenceContext, start: int) -> bool | None:
    """The nearest money or other cue before a figure in its sentence: "fined 40 pounds" is
    money, "weighed 40 pounds" is not; None when no cue is near."""
    window = ctx.text[max(ctx.sentence.start, start - 80) : start]
    money = _money()
    for w in reversed(re.findall(r"[^\W\d_]+|[$€£¥₹]", window.lower())):
        if w in money.cues:
            return money.cues[w]
        if w in money.word or w in money.symbol:
            return True
    return None


def _ambiguous_is_money(ctx: SentenceContext, fig: Figure, end: int, scaled: bool) -> bool:
    """ "361 million pounds" and "fined 40 pounds" are money; "2.4 billion pounds of beef",
    "drop 25 pounds" and "scored 90 marks" are not."""
    if _OF.match(ctx.text, end, ctx.sentence.end):
        return False
    cue = _cue_says_money(ctx, fig.start)
    if cue is not None:
        return cue
    return scaled


def _near(ctx: SentenceContext, start: int, end: int, words: list[str]) -> bool:
    window = ctx.text[max(ctx.sentence.start, start - 80) : min(ctx.sentence.end, end + 80)].lower()
    return not set(re.findall(r"[^\W\d_]+", window)).isdisjoint(words)


def _core_at(ctx: SentenceContext, pos: int) -> Core | None:
    cache: dict[int, dict[int, Core]] = ctx.state.setdefault("figure_cores", {})
    index = ctx.sentence.index
    if index not in cache:
        cache[index] = {c.start: c for c in ctx.document.cores[index]}
    return cache[index].get(pos)


def _second(ctx: SentenceContext, pos: int) -> tuple[int, int, float] | None:
    """The second number of a range at pos (start, end, value): a number core ("6-1/4",
    after "to"), or digits right after the hyphen, which the core finder leaves alone
    ("12-15")."""
    sym = _RANGE_SYMBOL.match(ctx.text, pos, ctx.sentence.end)
    at = sym.end() if sym else pos
    c2 = _core_at(ctx, at)
    if c2 is not None:
        return (c2.start, c2.end, c2.value) if c2.form == "digits" else None
    m = _SECOND.match(ctx.text, pos, ctx.sentence.end)
    if m is None:
        return None
    return m.start(), m.end(), float(m.group("n").replace(",", ""))


def _after_change_word(ctx: SentenceContext, start: int) -> bool:
    """ "shares rose 7/8 to 31-1/8": after a change word, "to" leads to the new level, so
    the two numbers are a change and a level, not a range."""
    m = _LAST_WORD.search(ctx.text, max(ctx.sentence.start, start - 30), start)
    if m is None:
        return False
    word = m.group("w").lower()
    if word in lexicon().change_words:
        return True
    starts, toks = _tokens(ctx)
    i = bisect.bisect_right(starts, m.start("w")) - 1
    verbs = lexicon().words["change"].get("verbs", ())
    return i >= 0 and starts[i] == m.start("w") and toks[i].lemma_.lower() in verbs


def _set_bounds(fig: Figure, bounds: tuple[float, float] | None = None) -> None:
    if bounds is not None:
        fig.lo, fig.hi = bounds
    else:
        # A percentage is read to the point it is printed to: "50%" of a poll is as exact
        # as "53%", where "50,000 people" is a round count.
        step = min(fig.step, 1.0) if fig.percent else fig.step
        fig.lo, fig.hi = _widen(fig.value, step, fig.qualifier)


def _comparative_follows(ctx: SentenceContext, pos: int) -> bool:
    m = _NEXT_WORD.match(ctx.text, pos, ctx.sentence.end)
    if m is None or m.start("w") == pos:
        return False
    tag = _tag_at(ctx, m.start("w"))
    return tag in ("JJR", "RBR") if tag else m.group("w").lower() in ("more", "less")


def _compound_money(ctx: SentenceContext, fig: Figure, pos: int, taken: set[int], explicit_only: bool) -> int:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "10 $ 30 cent",
    "15 dollars 50.": the hundredths after the major unit. Without a minor word the second
    number must end the clause or come before a comparative ("15 USD 50 more"), so
    "50 dollar 40 rmb" and "15 dollars and 15 people" stay apart."""
    text, s_end = ctx.text, ctx.sentence.end
    gap = _AND.match(text, pos, s_end)
    if gap is None:
        return pos
    second = _core_at(ctx, gap.end())
    if second is None or second.value != int(second.value) or second.form not in ("digits", "words"):
        return pos
    minor = _money().minor
    m = _patterns()["minor"].match(text, second.end, s_end)
    if m is not None and minor[_norm(m.group("w"))][0] == fig.currency:
        per, end = minor[_norm(m.group("w"))][1], m.end()
    elif not explicit_only and (_CLAUSE_END.match(text, second.end, s_end) or _comparative_follows(ctx, second.end)):
        per, end = 100, second.end
    else:
        return pos
    if second.value >= per:
        return pos
    taken.add(second.start)
    fig.value += second.value / per
    fig.step = 1 / per
    return end


def _compound_measure(ctx: SentenceContext, fig: Figure, pos: int, taken: set[int]) -> int:
    """ "5 ft 2 in", "5 feet and 2 inches", "7lb 4oz": the smaller unit added in."""
    assert fig.unit is not None
    pattern = compound_pattern(fig.unit.key)
    if pattern is None:
        return pos
    text, s_end = ctx.text, ctx.sentence.end
    gap = _AND.match(text, pos, s_end)
    second = _core_at(ctx, gap.end()) if gap is not None else None
    if second is None:
        return pos
    m = pattern.match(text, second.end, s_end)
    if m is None:
        return pos
    sub = unit(lexicon().units[fig.unit.key]["subunit"])
    ratio = sub.factor / fig.unit.factor
    if second.value * ratio >= 1:
        return pos  # "5 ft 14 in" is not how anyone writes 6 ft 2 in
    taken.add(second.start)
    fig.value += second.value * ratio
    fig.step = second.step * ratio
    fig.compound = True
    return m.end()


def _acronym(ctx: SentenceContext, start: int, form: str, u: Unit) -> bool:
    """A unit abbreviation in capitals in lower-case copy is an acronym ("the five SEC
    commissioners", "two FT reporters"), unless the unit is written so ("MB", "MW")."""
    if not (len(form) >= 2 and form.isalpha() and form.isupper()) or spec_of(u).get("capitals"):
        return False
    before = ctx.text[max(ctx.sentence.start, start - 30) : start]
    return any(ch.islower() for ch in before)


def _read_unit(ctx: SentenceContext, fig: Figure, pos: int) -> tuple[Unit, int] | None:
    m = unit_pattern().match(ctx.text, pos, ctx.sentence.end)
    if m is not None:
        form = m.group("att") or m.group("sp")
        u = lookup(form, m.group("att") is not None)
        if _acronym(ctx, fig.start, form, u):
            return None
    elif (m := bracketed_unit_pattern().match(ctx.text, pos, ctx.sentence.end)) is not None:
        if "([{<".index(m.group("open")) != ")]}>".index(m.group("close")):
            return None  # "20 (kg]" does not pair
        u = lookup(m.group("sp"), False)
    else:
        return None
    unless = spec_of(u).get("unless_near")
    if unless and _near(ctx, fig.start, m.end(), unless):
        return None  # "the temperature is 24 degrees": not an angle
    return u, m.end()


def read_figure(ctx: SentenceContext, c: Core, taken: set[int]) -> Figure | None:
    text, s_end = ctx.text, ctx.sentence.end
    pat = _patterns()
    money = _money()
    start, pos = c.start, c.end
    fig = Figure(start, pos, c.value, c.value, c.value, c.step, form=c.form)
    # The window before the number stops where the figure before it ended, so "10 $ 30 $"
    # does not read the first figure's "$" as the second's.
    floor = ctx.state.get("figure_end", -1)
    window_start = max(ctx.sentence.start, start - 40, floor if floor <= start else -1)
    window = text[window_start:start]
    scale = 1.0
    prefixed = False
    m = pat["prefix"].search(window)
    if m:
        if m.group("mcode"):
            fig.currency, scale = money.code.get(m.group("mcode").lower()) or money.code[m.group("mcode")], 1e6
        elif m.group("code"):
            found = m.group("code")
            fig.currency = money.code.get(found.lower()) or money.code[found]
        else:
            fig.currency = money.symbol[_fold(m.group("lsym") or m.group("sym"))]
        prefixed = True
        fig.start -= len(m.group(0))
        window = window[: len(window) - len(m.group(0))]
    m = pat["qualifier"].search(window)
    if m:
        q = m.group("q").lower()
        if q == "from":
            fig.from_ = True
        elif not _particle(q, window[: len(window) - len(m.group(0))]):
            fig.qualifier = re.sub(r"\s+", " ", q)
            fig.start -= len(m.group(0))
    if pat["increment"].search(window):
        fig.increment = True
    # scale: "5bn", "$5.1B", "1.4m doses", "5 million", "25 lakh", "75 USD million"
    scales = lexicon().numbers["scales"]
    scaled = scale != 1.0
    m = pat["scale_attached"].match(text, pos, s_end) if c.form == "digits" and not scaled else None
    if m is not None:
        word = m.group("s").lower()
        if scales[word].get("money_only") and not (fig.currency or pat["currency_after"].match(text, m.end(), s_end)):
            m = m if word == "m" and _counted_noun_follows(ctx, m.end()) else None
        if m is not None:
            scale, pos, scaled = _scale_factor(word), m.end(), True
    if not scaled:
        m = pat["scale_spaced"].match(text, pos, s_end)
        if m is not None:
            scale, pos, scaled = _scale_factor(m.group("s")), m.end(), True
        elif c.form == "digits" and (m := pat["scale_m"].match(text, pos, s_end)) is not None and m.start("s") > pos:
            # "$5 m", "5 m people": one blank before the "m"
            if fig.currency or pat["currency_after"].match(text, m.end(), s_end) or _counted_noun_follows(ctx, m.end()):
                scale, pos, scaled = 1e6, m.end(), True
        elif not fig.currency and (m := pat["code_scale"].match(text, pos, s_end)) is not None:
            found = m.group("code")
            fig.currency = money.code.get(found.lower()) or money.code[found]
            scale, pos, scaled = _scale_factor(m.group("s")), m.end(), True
    fig.value, fig.step = c.value * scale, c.step * scale
    if c.bounds:
        bounds: tuple[float, float] | None = (c.bounds[0] * scale, c.bounds[1] * scale)
    else:
        bounds = None
    _set_bounds(fig, bounds)
    # range: "between 10 and 15", "10-15", "10 to 15", "5-3/4 to 6-1/4 pct", "$3-$5bn"
    m = _RANGE.match(text, pos, s_end)
    if m and c.form == "digits" and not fig.from_ and (m.group("sep") != "and" or fig.qualifier == "between"):
        second = _second(ctx, m.end())
        if second is not None and not (m.group("sep") == "to" and _after_change_word(ctx, fig.start)):
            c2_start, c2_end, c2_value = second
            v2 = c2_value * scale
            m3 = pat["scale_spaced"].match(text, c2_end, s_end) or pat["scale_attached"].match(text, c2_end, s_end)
            if m3 and scales[m3.group("s").lower()].get("money_only") and not fig.currency:
                m3 = None
            if m3 and scale == 1.0:
                scale = _scale_factor(m3.group("s"))
                fig.value, v2 = fig.value * scale, v2 * scale
            if v2 > fig.value:
                fig.lo, fig.hi, fig.qualifier = fig.value, v2, "range"
                taken.add(c2_start)
                pos = m3.end() if m3 else c2_end
                scaled = scaled or bool(m3)
            elif m.group("sep") in "-–":
                taken.add(c2_start)
                return None  # a score ("3-1"), not a range
    if fig.qualifier == "between" and fig.hi - fig.lo < fig.value:
        fig.qualifier = None
    pos = _read_kind(ctx, fig, c, pos, taken, scaled, prefixed)
    if pos < 0:
        return None
    m = _RATE.match(text, pos, s_end)
    if m and (fig.currency or fig.unit) and not fig.rate and m.group("per").lower() not in lexicon().stop:
        fig.rate = m.group("per").lower()
        pos = m.end()
    fig.end = pos
    if fig.minor != 1:
        fig.lo, fig.hi = fig.lo / fig.minor, fig.hi / fig.minor
    if fig.currency and pos > c.end:
        ctx.state["figure_end"] = pos
    return fig


def _read_kind(ctx: SentenceContext, fig: Figure, c: Core, pos: int, taken: set[int], scaled: bool, prefixed: bool) -> int:
    """What follows the number: a percent sign, "-year-old", a unit, a currency (word, code,
    symbol or minor unit). Returns where the figure ends, or -1 when it is no figure."""
    text, s_end = ctx.text, ctx.sentence.end
    pat = _patterns()
    money = _money()
    m = _PERCENT.match(text, pos, s_end)
    if m:
        fig.percent = "pp" if m.group("pp") or m.group("bp") else "%"
        if not c.bounds and fig.qualifier != "range":
            _set_bounds(fig)  # read again to the point a percentage is printed to
        if m.group("bp"):
            fig.value, fig.lo, fig.hi = fig.value * BASIS_POINT, fig.lo * BASIS_POINT, fig.hi * BASIS_POINT
        return m.end()
    if c.form == "fraction":
        fig.percent = "%"
        fig.lo, fig.hi = c.value - 2.0, c.value + 2.0
        return pos
    m = _AGE_AFTER.match(text, pos, s_end)
    if m is not None:
        fig.age = True
        return m.end()
    if fig.currency:
        if prefixed:
            return pos
        # "75 USD million" read its code with its scale
        return pos
    got = _read_unit(ctx, fig, pos)
    if got is not None and got[0].key in _TIME_UNITS and _AGO.match(text, got[1], s_end):
        return -1  # "three weeks ago" is a date, not a duration
    # money after the number: a word ("dollars", "pounds"), a code ("115USD", "30 MUSD"),
    # a minor unit ("470p", "50 cents"), a symbol ("10 $")
    end = -1
    mw = pat["word"].match(text, pos, s_end)
    if mw is not None:
        w = _norm(mw.group("w"))
        if w in money.minor:
            fig.currency, fig.minor = money.minor[w]
            end = mw.end()
        elif w in money.word:
            fig.currency, end = money.word[w], mw.end()
        elif w in money.ambiguous and _ambiguous_is_money(ctx, fig, mw.end(), scaled):
            fig.currency, end = money.ambiguous[w], mw.end()
    if end < 0 and c.form == "digits" and (mm := pat["minor_attached"].match(text, pos, s_end)) is not None:
        if c.value not in money.not_pence:
            fig.currency, fig.minor = money.minor_attached[mm.group("w").lower()]
            end = mm.end()
    if end < 0 and (mc := pat["code"].match(text, pos, s_end)) is not None:
        if mc.group("mcode"):
            fig.currency = money.code.get(mc.group("mcode").lower()) or money.code[mc.group("mcode")]
            if not scaled:
                fig.value, fig.step = fig.value * 1e6, fig.step * 1e6
                _set_bounds(fig, (fig.lo * 1e6, fig.hi * 1e6) if fig.qualifier == "range" or c.bounds else None)
        else:
            found = mc.group("code")
            fig.currency = money.code.get(found.lower()) or money.code[found]
        end = mc.end()
    if end < 0 and got is None and (ms := pat["trailing"].match(text, pos, s_end)) is not None:
        fig.currency, end = money.symbol[_fold(ms.group("sym"))], ms.end()
    if end >= 0:
        # A currency wins over a unit: "pounds" reached here only if it is money.
        if fig.minor == 1:
            before = fig.value
            end = _compound_money(ctx, fig, end, taken, explicit_only=False)
            if fig.value != before:
                _set_bounds(fig)
        return end
    if got is None:
        return pos
    u, end = got
    spec = spec_of(u)
    if spec.get("rate"):
        fig.unit, fig.rate = unit(spec.get("reads_as", u.key)), spec["rate"]  # "1.2 mln bpd"
        return end
    fig.unit = u
    before = fig.value
    end = _compound_measure(ctx, fig, end, taken)
    if fig.value != before:
        _set_bounds(fig)
    return end


def kind_of(fig: Figure) -> str:
    if fig.percent:
        return "percent"
    if fig.currency:
        return "money"
    if fig.unit:
        return "measure"
    return "count"


def normalized(fig: Figure, kind: str) -> str:
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
        if fig.minor != 1:
            # "50 cents" shown in dollars, so it reads beside "$0.50"
            scaled = {"range": f"{num(fig.lo)}–{num(fig.hi)}"}.get(fig.qualifier or "", num(fig.value / fig.minor))
            return f"{fig.currency} {scaled}"
        return f"{fig.currency} {core}"
    if kind == "measure" and fig.unit is not None:
        whole = math.floor(fig.value)
        sub = lexicon().units[fig.unit.key].get("subunit") if fig.compound and fig.qualifier != "range" else None
        if sub is not None and whole >= 1 and fig.value != whole:
            # "14 hours and 40 minutes" is shown so, not as 14.66666667 hours
            small = unit(sub)
            rest = (fig.value - whole) * fig.unit.factor / small.factor
            core = f"{fig.qualifier + ' ' if fig.qualifier else ''}{whole:,} {fig.unit.symbol} {rest:,.4g}"
            return f"{core} {small.symbol}"
        return f"{core} {fig.unit.symbol}"
    return core
