"""Quantity claims: counts, measures, money and percentages, each an interval in base
units (read from the characters by checker.extract.figures), with what it is about read
from the parse (checker.extract.measured): the thing counted or measured, its holder and
whole, its role (level or change), its event and the scope of its clause."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..lexicon import lexicon
from ..model import Claim, Interval, Span
from ..scope import WEEKDAYS, nearest
from ..units import to_base
from .context import SentenceContext
from .figures import Figure, is_currency_word, is_year, kind_of, normalized, read_figure, skip_digits
from .measured import (
    CHANGE,
    COUNT_NOUNS,
    EARLIER,
    LEVEL,
    PRONOUNS,
    UPDATED,
    Measured,
    event_classes,
    measured,
    person_noun,
)
from .numbers import Core
from .predications import words


def extract_quantities(ctx: SentenceContext) -> list[Claim]:
    text = ctx.text
    out: list[Claim] = []
    taken: set[int] = set()
    tabular = _tabular(ctx)
    named_sets = _named_sets(ctx)
    # once per sentence: a sentence may be long, and hold many figures
    respectively = _RESPECTIVELY.search(text, ctx.sentence.start, ctx.sentence.end) is not None
    for c in ctx.cores:
        if c.start in taken:
            continue
        if c.form == "digits" and skip_digits(ctx, c):
            continue
        raw = text[c.start : c.end]
        fig = read_figure(ctx, c, taken)
        if fig is None or fig.age:
            continue
        kind = kind_of(fig)
        if c.form == "digits" and is_year(raw, c.value) and kind == "count":
            continue
        if c.form == "words" and c.value <= 1 and kind == "count":
            continue  # "one of the goals": a pronoun far more often than a count
        m = measured(ctx.parsed, fig.start, fig.end, kind)
        if kind == "count" and (m is None or not m.thing):
            elided = _elided(ctx, fig, c, m)
            if elided is None:
                # Kept for arithmetic over lists ("14 carried flour, eight carried water"),
                # never compared on its own: it has nothing to say what it counts.
                ctx.skip("count without a counted noun")
                if c.value < 2:
                    continue  # a bare "1" adds nothing to a list and is mostly not a count
                bare = _claim(ctx, fig, kind, m)
                out.append(replace(bare, qualifiers=bare.qualifiers | {"bare"}))
            else:
                out.append(elided)
            continue
        if m is not None and ((kind == "count" and m.thing in COUNT_NOUNS)
                              or (m.how == "clause-object"
                                  and m.event in lexicon().words["attribution"]["estimate_verbs"])):
            # "put the number at about 400": the count of what the earlier voice counted;
            # "the operator put the loss at about 6,000 tonnes": an estimate answering the
            # figure an earlier voice gave, whatever it calls it
            answer = _elided(ctx, fig, c, replace(m, elided=True), kind)
            if answer is not None:
                out.append(answer)
                continue
        if kind == "count" and m is not None and _names_one(ctx, fig, m, c.value):
            ctx.skip("a number naming one thing ('the 400 series'), not a count")
            continue
        claim = _claim(ctx, fig, kind, m)
        if kind == "count" and claim.get("definite") and c.value in named_sets:
            claim = replace(claim, qualifiers=claim.qualifiers | {"enumerated"})
        if tabular or _table_line(ctx, fig.start):
            claim = replace(claim, qualifiers=claim.qualifiers | {"tabular"})
        if respectively:
            claim = replace(claim, qualifiers=claim.qualifiers | {"respectively"})
        if claim.subject:
            ctx.state.setdefault("figures", []).append(claim)
        out.append(claim)
    return _mark_lists(_mark_conversions(text, out))


# A sentence with this many figures of one kind is a list or a table set as prose ("8,110
# bpd at 15.42 dlrs, 2,679 bpd at 15.24 dlrs, ..."): its figures are each of its own.
LIST_FIGURES = 5


# What stands between a measure and its conversion: "3,200 metres (10,500 feet)",
# "11,100 square kilometres, or about 4,300 square miles", "10 km/6 miles", "1,200 km or
# about 750 miles"; a bare "or" ("a 10 km or 10-mile course") offers alternatives. One run
# of blanks on each side of one mark, so that it is linear however long a gap it is tried on.
_ABOUT = r"(?:about|some|roughly|around|approximately|nearly|almost)"
_CONVERSION = re.compile(rf"[ \t]*(?:[(\[/]|,[ \t]*or)[ \t]*(?:{_ABOUT}[ \t]+)?")
_OR_ABOUT = re.compile(rf"[ \t]+or[ \t]+(?:{_ABOUT}[ \t]+)?")
_ABOUT_FIRST = re.compile(rf"{_ABOUT}\b", re.I)


_BY = re.compile(r"[ \t]*(?:by|x|×)[ \t]*\d", re.I)
# What a conversion takes from the measure it converts: all that says what is measured.
_RESTATED = ("modifiers", "predicate", "holder", "holder_kind", "whole", "agent", "patient", "role", "how",
             "definite", "indefinite", "event_class", "subset", "instance", "change", "classifies")
_ROLES = frozenset({"change", "earlier", "updated", "increment", "partitive", "unasserted", "rate"})


def _answering(ctx: SentenceContext) -> bool:
    """The sentence sets itself against the one before by a connective on its main verb
    ("Police, however, estimated ...", "But the union said ...")."""
    # once per sentence: a sentence of many figures must not be read once for each
    seen: dict[int, bool] = ctx.state.setdefault("answering", {})
    i = ctx.sentence.index
    if i not in seen:
        links = words().concessive  # the links of states.toml [concessive]
        seen[i] = any(t.lower_ in links and t.dep_ in ("cc", "advmod", "discourse") and t.head.dep_ == "ROOT"
                      for t in ctx.parsed)
    return seen[i]


def _mark_conversions(text: str, claims: list[Claim]) -> list[Claim]:
    """A measure written right after another of its dimension in another unit restates it
    ("3,200 metres (about 6,500 feet)"): it carries the start of the one it converts, and
    measures the same thing."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (prev is not None and c.kind == prev.kind == "measure" and c.unit == prev.unit
                and c.get("unit_key") != prev.get("unit_key") and c.start - prev.end <= 20
                and (_CONVERSION.fullmatch(text, prev.end, c.start)
                     or (_OR_ABOUT.fullmatch(text, prev.end, c.start)
                         and (_ABOUT_FIRST.match(c.text) or _ABOUT_FIRST.search(text, prev.end, c.start))))
                # "21 metres by 14 metres (69 feet by 46 feet)": pairs convert pairs, and
                # which of one converts which of the other is not for a regex to say
                and not _BY.match(text, c.end) and not _BY.match(text, prev.end)):
            # what it measures is what the first says: the parse hangs the conversion on the
            # first figure's unit ("6,500 feet" of "metres")
            data = {**dict(c.data), **{k: prev.get(k) for k in _RESTATED if prev.get(k) is not None},
                    "converts": prev.start}
            c = replace(c, subject=prev.subject, attribute=prev.attribute, data=tuple(data.items()),
                        qualifiers=c.qualifiers | (prev.qualifiers & _ROLES))
        out.append(c)
    return out


def _source_of(kind: str, m: Measured | None) -> bool:
    """"took money from 1,850 investors": "from" before a count of people names whom
    something came from, not an earlier level; a verb of change would have made it one
    ("fell from 1,200 workers to 900": the parse's role says so)."""
    return kind == "count" and m is not None and m.role == LEVEL and person_noun(m.thing)


def _mark_lists(claims: list[Claim]) -> list[Claim]:
    kinds = Counter((c.kind, c.unit) for c in claims)
    return [replace(c, qualifiers=c.qualifiers | {"listed"}) if kinds[(c.kind, c.unit)] >= LIST_FIGURES else c
            for c in claims]


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# A count followed by a period it recurs in ("500 trucks a day", "40 flights per week").
_COUNT_RATE = re.compile(r"[ \t]+(?:a|an|per|each|every)[ \t]+(?:hour|day|night|week|month|year|season)\b"
                         r"(?![ \t]+(?:earlier|ago|before|after|later|previously)\b)", re.I)
# A figure followed by what it is counted against is a rate or a price, not an amount.
_PER_UNIT = re.compile(r"[ \t]+(?:to|against)[ \t]+the[ \t]+(?:u\.?s\.?[ \t]+)?(?P<currency>[^\W\d_]+)", re.I)


def _per_currency(text: str, end: int) -> bool:
    """"95 sucres to the dollar": priced against a currency of currencies.toml."""
    m = _PER_UNIT.match(text, end)
    return m is not None and is_currency_word(m.group("currency"))


def _classifies(ctx: SentenceContext, m: Measured | None) -> bool:
    """A length before a plural noun names a kind of them ("the two-year notes and the
    four-year notes"), not how long one thing lasted ("a 40-day blockade")."""
    if m is None or m.how != "modifies" or m.thing_start < 0:
        return False
    tok = ctx.parsed.token_at(m.thing_start)
    return tok is not None and tok.tag_ in ("NNS", "NNPS")


def _tabular(ctx: SentenceContext) -> bool:
    """A table row set as a sentence ("Shr 34 cts vs 20 cts", "Revs 1.2 mln vs 980,000"):
    no verb and mostly figures. Its figures sit in columns the parse cannot read, so they
    are never compared as restatements of each other."""
    toks = [t for t in ctx.parsed if not t.is_punct]
    if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return False
    # "Oper shr profit 34 cts vs loss 53 cts": a "vs" between figures is a table's columns
    versus = any(t.lower_ in ("vs", "vs.", "v.") for t in toks)
    return versus or sum(1 for t in toks if t.like_num) >= 0.25 * len(toks)


def _named_sets(ctx: SentenceContext) -> set[float]:
    """The sizes of the lists of names in this sentence and the one before
    ("RepublicBank and InterFirst": 2). "The two banks" after such a list counts the
    banks just named, not a restatement of an earlier count of banks."""
    sizes: set[float] = set()
    for t in ctx.parsed:
        if t.pos_ == "PROPN" and t.dep_ != "conj":
            n = 1 + sum(1 for c in t.children if c.dep_ == "conj" and c.pos_ == "PROPN")
            if n >= 2:
                sizes.add(float(n))
    before = ctx.state.get("named_sets_before", set())
    ctx.state["named_sets_before"] = sizes
    return sizes | before


_VERSUS = re.compile(r"[ \t](?:vs\.?|v\.)[ \t]+(?:[^\W\d_]+[ \t]+){0,2}[$€£]?\d")


def _table_line(ctx: SentenceContext, at: int) -> bool:
    """A figure on a line that sets figures against each other with "vs" ("Oper shr
    profit 34 cts vs loss 53 cts"): a table row, however the lines run together into one
    sentence and whatever the parser makes of "cts". Read once per line: a document may
    be one long line with many figures."""
    text = ctx.text
    lo, hi = ctx.segments.line_at(at)
    seen: dict[int, bool] = ctx.state.setdefault("table_lines", {})
    if lo not in seen:
        m = _VERSUS.search(text, lo, hi)
        seen[lo] = m is not None and any(ch.isdigit() for ch in text[lo : m.start()])
    return seen[lo]


def _aside(ctx: SentenceContext, start: int) -> bool:
    """Whether the figure at start stands in a non-restrictive relative clause (", which
    lasted six weeks,")."""
    from ..syntax import RELATIVE_PRONOUNS, first_word, set_off

    tok = ctx.parsed.token_at(start)
    for _ in range(6):
        if tok is None or tok.head == tok:
            return False
        if tok.dep_ == "acl:relcl":
            return first_word(tok).lower_ in RELATIVE_PRONOUNS - {"that"} and set_off(tok)
        tok = tok.head
    return False


def _names_one(ctx: SentenceContext, fig: Figure, m: Measured, value: float) -> bool:
    """A number before a singular noun names which one ("the 400 series", "a 0.2 point
    contribution"), it does not count them; a hyphenated figure ("a 13,000-seat arena"),
    a noun whose plural is the same word ("30 aircraft") and a collective ("23 crew") still
    count."""
    if value == 1 or not m.thing or m.thing_start < fig.end:
        return False
    tok = ctx.parsed.token_at(m.thing_start)
    if tok is None or tok.tag_ != "NN" or "-" in ctx.text[fig.end : m.thing_start]:
        return False
    from .. import lexical

    if "group" in lexical.noun_domains(tok.lower_):
        return False  # a collective counts its members: "its 23 crew", "40 staff"
    return _has_plural(tok.lower_)


def _has_plural(noun: str) -> bool:
    """A noun with a plural of its own ("contribution"), unlike "aircraft" or "personnel"."""
    from .. import lexical

    # "aircrafts" is attested, but far rarer than "aircraft": a plural only by mistake
    plural = max(lexical.zipf(noun + "s"), lexical.zipf(noun + "es"),
                 lexical.zipf(noun[:-1] + "ies") if noun.endswith("y") else 0.0)
    return plural >= 2.0 and plural >= lexical.zipf(noun) - 1.0


def _elided(ctx: SentenceContext, fig: Figure, c: Core, m: Measured | None, kind: str = "count") -> Claim | None:
    """A figure whose noun is left out, or named only as "the number", "the loss", because
    the sentence answers an earlier one: "Kyiv said it had received the bodies of 250
    soldiers; Russia said it had handed over 212"; "the operator put the loss at about 6,000
    tonnes". It takes the noun of the nearest figure of its kind and unit in the three
    sentences before, and is compared only as a restatement of it by another source."""
    # The parse says the number stands alone as an argument ("put the number at about
    # 400", "said 1,200 attended"); a bare number elsewhere is a list item or a label.
    if c.value < 2 or m is None or not m.elided:
        return None
    if kind == "count" and not float(fig.value).is_integer():
        return None  # "put the magnitude at 6.1": a fraction counts no people, trucks or seats
    # Within the three sentences before: a dispute's second voice often follows a quote.
    earlier = [a for a in ctx.state.get("figures", []) if a.sentence >= ctx.sentence.index - 3 and a.end <= fig.start
               and a.kind == kind]
    if not earlier:
        return None
    claim = _claim(ctx, fig, kind, m)
    earlier = [a for a in earlier if a.unit == claim.unit]  # the unit is known once the claim is made
    if not earlier:
        return None
    ante = earlier[-1]
    if claim.source is None or ante.source is None or claim.source == ante.source:
        return None  # elision is trusted only where a second source answers the first
    data = dict(claim.data)
    # Borrowing a noun is a guess: the pair it makes is weak identity, reported only as
    # two sources disputing one figure close together.
    data["definite"] = False
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


def _claim(ctx: SentenceContext, fig: Figure, kind: str, m: Measured | None) -> Claim:
    text = ctx.text
    end = fig.end
    if kind == "count" and m is not None and m.thing_start >= fig.end and _adjacent(text, fig.end, m.thing_start):
        end = m.thing_end  # "1,500 troops": the claim names what it counts
    lo, hi = fig.lo, fig.hi
    unit_key, dimension = "", ""
    if fig.unit is not None:
        lo, hi = to_base(lo, fig.unit), to_base(hi, fig.unit)
        if fig.unit.tolerance:
            lo, hi = lo * (1 - fig.unit.tolerance), hi * (1 + fig.unit.tolerance)
        unit_key, dimension = fig.unit.key, fig.unit.dimension
    c_lo, c_hi = m.clause if m is not None and m.clause[1] > m.clause[0] else (ctx.sentence.start, ctx.sentence.end)
    quals = set()
    if fig.qualifier:
        quals.add(lexicon().numbers["qualifiers"].get(fig.qualifier, fig.qualifier))
    if fig.form == "multitude":
        quals.add("vague")
    if (fig.from_ and not _source_of(kind, m)) or (m is not None and m.role == EARLIER):
        quals.add("earlier")
    if m is not None and m.role == CHANGE:
        quals.add("change")
    if m is not None and m.role == UPDATED:
        quals.add("updated")
    increments = lexicon().increment_words
    if fig.increment or (m is not None and (set(m.modifiers) & increments or m.thing in increments)):
        quals.add("increment")
    if m is not None and m.partitive:
        quals.add("partitive")
    if m is not None and not m.asserted:
        quals.add("unasserted")
    attribution = ctx.attribution_at(fig.start)
    if attribution.hedged:
        quals.add("hedged")
    if ctx.in_quote(fig.start, end):
        quals.add("quoted")
    if fig.rate or _per_currency(ctx.text, end):
        quals.add("rate")  # "1.2 mln bpd"; "95 sucres to the dollar", "a share", "per tonne"
    elif kind == "count" and _COUNT_RATE.match(ctx.text, end):
        quals.add("rate")  # "500 trucks a day": so many in each period, not a total
    pred = m.event if m is not None else ""
    unit_label = {"percent": fig.percent or "%", "money": fig.currency or "", "measure": dimension}.get(kind, "")
    subject = m.thing if m is not None else ""
    of_event = False  # the figure measures its clause's act, not a noun of the clause
    if dimension == "[temperature]":
        subject = "temperature"  # a reading: place and time say whose, not the clause's noun
    elif dimension == "[time]" and m is not None and m.event and not _eventive(subject) \
            and subject not in event_classes() and not (subject and m.event in _LASTING) \
            and not (subject and m.how.split("+")[0] == "modifies"):
        # "an 18-month build": a noun of an event class names its event; "the blackout
        # lasted four hours": a verb of lasting measures its subject, whatever WordNet files
        # it under; and "the 14-hour blackout ended" measures the noun the figure modifies
        # "detained for 52 days": a duration measures the event, named by its noun
        subject, of_event = _event_noun(m.event), True
    if kind == "money" and subject and is_currency_word(subject):
        subject = ""  # "158.4 cents": the parse's noun is the currency, not what it prices
    if fig.rate:
        subject = f"{subject} per {fig.rate}".strip()  # "158.4 cents a litre": the price per litre
    context = _context_words(ctx, fig.start, end, c_lo, c_hi)
    if of_event and m is not None:
        # "A former council officer was jailed for four years": what the parse found the
        # clause's subject, with its determiner and adjectives, is who was jailed, not
        # which jailing; only a time the verb's own phrase marks ("for the second time in a
        # year") sets this act apart
        m = replace(m, modifiers=(), definite=False, indefinite=False, holder="", holder_kind="",
                    instance=tuple(i for i in m.instance if " " in i),
                    agent=m.agent or ("" if m.thing in PRONOUNS else m.thing))
    definite = bool(m is not None and m.definite)
    data: list[tuple[str, object]] = [
        ("context", context),
        ("definite", definite),
        # the story's date: a figure with no time of its own is as of it
        ("published", ctx.doc.published.toordinal() if ctx.doc.published else None),
        # In the major unit ("50 cents" is 0.5 dollars); `written` is the number as written.
        ("value", fig.value / getattr(fig, "minor", 1)),
        ("written", fig.value),
        ("step", fig.step),
        ("modifiers", m.modifiers if m is not None else ()),
        ("predicate", pred or None),
        ("unit_key", unit_key),
        ("clause", (c_lo, c_hi)),
        ("holder", m.holder if m is not None else ""),
        ("holder_kind", m.holder_kind if m is not None else ""),
        ("classifies", _classifies(ctx, m) if dimension == "[time]" else False),
        ("whole", m.whole if m is not None else ""),
        ("agent", m.agent if m is not None else ""),
        ("patient", m.patient if m is not None else ""),
        ("role", m.role if m is not None else ""),
        ("how", m.how if m is not None else ""),
        ("indefinite", bool(m is not None and m.indefinite)),
        ("event_class", m.event_class if m is not None else ""),
        ("subset", bool(m is not None and m.subset)),
        ("instance", m.instance if m is not None else ()),
        ("each", bool(m is not None and m.plural and m.how.split("+")[0] == "modifies")),
        ("answering", _answering(ctx)),
        # a change's word, direction, thing and period (extract/changes.py)
        ("change", m.change if m is not None and "change" in quals else None),
    ]
    return Claim(
        kind=kind,
        span=Span(ctx.doc.id, fig.start, end, text[fig.start : end]),
        value=Interval(lo, hi),
        unit=unit_label,
        normalized=normalized(fig, kind),
        subject=subject,
        attribute=pred or "",
        qualifiers=frozenset(quals),
        # An amount or measure describing a thing in a definite noun phrase ("said they still
        # supported the $320m observatory") presents itself as known: the copy's own words,
        # not what the speaker claims, so no source stands behind it.
        # (A count is different: "said they counted the 12,100 people" is their count.)
        # So is one in a relative clause set off by commas ("the chamber estimated that the
        # blockade, which lasted six weeks, had diverted 45,000 trucks"): the writer's aside.
        source=None if (definite and m is not None and m.how.split("+")[0] == "modifies") or _aside(ctx, fig.start)
        else attribution.source,
        place=ctx.place_near(fig.start, end, c_lo, c_hi, lambda p: _own_place(ctx, p, m)),
        time=nearest([t for t in ctx.times if _own_time(ctx, t, m, fig.start, end) and not _report_date(pred, t[2])],
                     fig.start, end),
        sentence=ctx.sentence.index,
        paragraph=ctx.sentence.paragraph,
        data=tuple(data),
    )


_EVENT_DOMAINS = frozenset({"act", "event", "process", "phenomenon", "state"})


# Verbs whose duration is their subject's (a closed class): "the blackout lasted four
# hours", "the trial ran for 11 weeks", "construction took three years".
_LASTING = frozenset({"last", "run", "take", "continue", "stretch", "span", "drag", "go"})


def _eventive(noun: str) -> bool:
    from .. import lexical

    return bool(noun) and bool(lexical.noun_domains(noun) & _EVENT_DOMAINS)


def _event_noun(verb: str) -> str:
    """The noun WordNet derives from a verb that names its act ("detain" -> detention),
    else the verb itself."""
    from .. import lexical

    nouns = sorted(n for n, p in lexical.derived(verb) if p == "n" and _eventive(n))
    return nouns[0] if nouns else verb


def _own_place(ctx: SentenceContext, p: tuple[int, int, str], m: Measured | None) -> bool:
    """A place scopes a figure unless the parse puts it in another clause than the
    figure's: "about 400 tractors had taken part, parked three abreast at the Porte de
    Saint-Malo" (where they parked), "a pipeline linking the field to the stations around
    Lakeport" (what the pipeline links). A place inside a noun phrase of the figure's own
    clause ("killed 12 people at a market in Kharkiv") still scopes it."""
    if m is None or m.pred_index < 0:
        return True
    tok = ctx.parsed.token_at(p[0])
    if tok is None:
        return True
    cur = tok
    through_noun = False  # the place narrows a noun of its own on the way up
    for _ in range(12):
        if cur.i == m.pred_index or cur.head.i == cur.i:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            if cur.dep_ in ("acl", "acl:relcl") and not through_noun and ctx.parsed.start_of(cur.head) == m.thing_start:
                # "15,000 tanks (that) arrived in Kursk": a clause on the figure's own noun,
                # with the place its own, narrows the figure
                cur = cur.head
                continue
            return False  # a clause of its own between the place and the figure's
        if cur.pos_ in ("NOUN", "PROPN") and not (p[0] <= ctx.parsed.start_of(cur) < p[1]):
            through_noun = True
        if cur.dep_.startswith("nsubj") and cur.head.i != m.pred_index and cur.head.pos_ in ("VERB", "AUX"):
            # "Economists at the British Chambers of Commerce estimated that the stoppage
            # ...": a place inside another verb's subject says where that subject is
            return False
        cur = cur.head
    return True


def _own_time(ctx: SentenceContext, t: tuple[int, int, str], m: Measured | None, start: int, end: int) -> bool:
    """A time expression scopes a figure when it hangs on the figure's own clause head,
    not on another clause of the sentence ("... compared with $2.5bn a year earlier"), nor
    inside a phrase of the clause that holds another figure and not this one ("revenue of
    $3.2bn, up 18% from $2.7bn a year earlier": the year earlier is the $2.7bn's)."""
    if m is None or m.pred_index < 0:
        # no clause the parse could name: only a time written right after the figure
        # ("... and 125 mln dlrs in 1989") is its own
        return 0 <= t[0] - end <= 1
    tok = ctx.parsed.token_at(t[0])
    if tok is None:
        return False
    from ..syntax import predicate_of

    pred = predicate_of(tok)
    if pred.i != m.pred_index:
        return False
    sent = ctx.parsed
    others = [c.start for c in ctx.cores if not (start <= c.start < end) and not (t[0] <= c.start < t[1])]
    if end <= t[0] and _BACK.search(t[2]):
        # "$3.2bn on Wednesday, up 18% from $2.71bn a year earlier": a time back from the
        # story's own, after a "from" figure, dates that earlier level, not this one
        if any(x.lower_ == "from" and x.pos_ == "ADP" and any(o > sent.start_of(x) for o in others if o < t[0])
               for x in sent.tokens_in(end, t[0])):
            return False
    # the time's own phrase is skipped: a misparse hangs apposed figures on a day
    # ("on Monday, about 70% of the nurses")
    cur = tok
    while cur.i != pred.i and cur.head.i != cur.i:
        if t[0] <= sent.start_of(cur) < t[1]:
            cur = cur.head
            continue
        lo, hi = sent.start_of(cur.left_edge), sent.end_of(cur.right_edge)
        if lo <= start < hi:
            break  # the phrase holds this figure: its time
        if any(lo <= o < hi for o in others):
            return False
        cur = cur.head
    return True


_BACK = re.compile(r"\b(?:earlier|ago|before|previous|prior|last)\b")


def _report_date(event: str, time_key: str) -> bool:
    """A day on a speech or report verb ("reported revenue ... on Wednesday") dates the
    report, not the figure; periods ("in 2023", "for the quarter") still scope it."""
    speech = frozenset(lexicon().words["attribution"]["speech_lemmas"])
    if event not in speech:
        return False
    return any(w in time_key for w in (*WEEKDAYS, "yesterday", "today", "tonight")) or bool(_DAY_OF_MONTH.search(time_key))


_DAY_OF_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[a-z]|[a-z]\.?\s+\d{1,2}\b")


_GAP_WORDS = re.compile(r"[^\W\d_][\w'’-]*|[ \t-]+")


def _adjacent(text: str, a: int, b: int) -> bool:
    """Only words and blanks, at most three words, between a figure and its noun."""
    gap = text[a:b]
    pos, words = 0, 0
    while pos < len(gap):
        mm = _GAP_WORDS.match(gap, pos)
        if mm is None:
            return False
        words += not mm.group(0).strip(" \t-") == ""
        pos = mm.end()
    return words <= 3


# Words read on each side of a figure, inside its clause, for the weak "shared context"
# link between two figures of one noun.
NEAR = 12


def _context_words(ctx: SentenceContext, start: int, end: int, c_lo: int, c_hi: int) -> frozenset[str]:
    """The content words near a figure in its clause, as six-letter stems: two figures
    of one noun that share two of them ("killed", "kharkiv") are weakly linked."""
    sent = ctx.parsed
    own = {t.i for t in sent.tokens_in(start, end)}
    if not own:
        return frozenset()
    first, last = min(own), max(own)
    doc = sent.span.doc
    lo, hi = max(sent.span.start, first - NEAR), min(sent.span.end, last + NEAR + 1)
    speech = lexicon().attribution_verbs
    quals = lexicon().numbers["qualifiers"]
    out = set()
    for i in range(lo, hi):
        t = doc[i]
        if i in own or t.is_stop or t.is_punct or not t.is_alpha or len(t.text) <= 2:
            continue
        if not (c_lo <= sent.start_of(t) and sent.end_of(t) <= c_hi):
            continue
        low = t.lower_
        if low in speech or low in quals or low in lexicon().stop:
            continue
        out.add(low[:6])
    return frozenset(out)
