"""What an amount of change is a change of, read from the parse: the word of change,
which way it moves, the thing that moves, and the period it is measured over.

    "Revenue rose 7% in 2024"                  rise, up, thing revenue
    "raised its benchmark rate by 25 points"   raise, up, thing rate (the object)
    "a 1.2% rise in rents"                     rise, up, thing rent
    "the stock's 21% slide"                    slide, down, no thing named (the stock's)
    "production was 1.3% higher"               high, up, thing production
    "year-on-year growth of 3.1%"              growth, up, measured over a year
    "down 3.8% from April"                     down, down, measured over a month

Two amounts are one change only when all of this agrees (rules/changes.py); a change
whose thing is not named ("the 21% slide") points back to an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import lexicon
from ..scope import MONTHS, TIME_NOUNS
from ..syntax import case_of, lemma, noun_modifiers, possessor, predicate_of, relative_antecedent, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..parse import ParsedSentence

# The length, in days, of the period a word measures a change over: "annual growth",
# "monthly decline", "on the month", "from a year earlier", "compared with April".
_PERIOD_DAYS = {
    "annual": 365, "annually": 365, "yearly": 365, "year": 365, "annualised": 365, "annualized": 365,
    "quarterly": 91, "quarter": 91, "monthly": 30, "month": 30, "weekly": 7, "week": 7,
    "daily": 1, "day": 1,
}
_NOUNISH = frozenset({"NOUN", "PROPN"})
_STANDARD = frozenset(_PERIOD_DAYS.values())


@dataclass(frozen=True, slots=True)
class ChangeOf:
    word: str  # lemma of the word of change ("rise", "high", "down")
    direction: str  # "up", "down" or "" (a word that moves either way)
    thing: str  # lemma of what changes ("" when the copy does not name it here)
    thing_words: tuple[str, ...] = ()  # what narrows it ("food" in "food prices", "Europe" in "sales in Europe")
    thing_phrase: tuple[str, ...] = ()  # every word of its phrase ("consumer", "durable" in "output of consumer durables")
    holder: str = ""  # whose change a change noun is ("the stock's slide")
    periods: tuple[int, ...] = ()  # the periods, in days, it is measured over
    noun: bool = False  # said by a noun ("a 7% rise"), not a verb or an adjective
    definite: bool = False  # a change noun the copy presents as known ("the 7% rise", "growth of 3%")


@cache
def _directions() -> dict[str, str]:
    ch = lexicon().words["change"]
    out = {w: "up" for w in ch.get("up", ())}
    out.update({w: "down" for w in ch.get("down", ())})
    out.update({"up": "up", "down": "down"})
    return out


# Comparatives that state a change against a baseline ("1.3% higher than a year ago").
_COMPARATIVE = {"high": "up", "low": "down"}


def comparative(t: Token) -> str:
    """"up" or "down" for "higher" and "lower", else ""."""
    return _COMPARATIVE.get(lemma(t), "") if t.tag_ == "JJR" else ""


def change_of(sent: ParsedSentence, word: Token, figure: frozenset[int]) -> ChangeOf:
    """The change the figure (token indices `figure`) measures, said by `word`."""
    w = lemma(word)
    direction = comparative(word) or _directions().get(w, "")
    thing: Token | None = None
    holder = ""
    # (or the noun form of a word of change just after its figure, read as a verb: "the 21%
    # slide wiped out its gains")
    is_noun = word.pos_ in _NOUNISH or (word.pos_ in ("VERB", "ADJ") and word.i == max(figure) + 1 and not comparative(word))
    root = next((word.doc[i] for i in sorted(figure) if word.doc[i].head.i not in figure), word)
    clause = predicate_of(root)
    if w in ("up", "down") and word.pos_ in ("ADV", "ADP"):
        # "shares were up 3.2 points"; "were worth 14.2 billion crowns, down 3.8%": what the
        # clause is about
        thing = subject_of(word.head) if word.head != word and word.head.i not in figure else subject_of(clause)
    elif is_noun:
        thing = _noun_thing(word, figure)
        poss = possessor(word)
        holder = lemma(poss) if poss is not None and poss.pos_ != "PRON" else ""
    else:
        obj = next((c for c in word.children if c.dep_ == "obj" and c.i not in figure and c.pos_ in _NOUNISH), None)
        thing = obj if obj is not None else relative_antecedent(word) or subject_of(word)
    if thing is not None and (thing.pos_ not in _NOUNISH or thing.i in figure):
        thing = None
    words = tuple(sorted({lemma(m) for m in noun_modifiers(thing, figure) if not _timely(m)})) if thing is not None else ()
    return ChangeOf(
        word=w,
        direction=direction,
        thing=lemma(thing) if thing is not None else "",
        thing_words=words,
        thing_phrase=_narrowing(thing, figure) if thing is not None else (),
        holder=holder,
        periods=_periods(word, figure, clause),
        noun=is_noun,
        # "the 7% rise", "the stock's slide", "year-on-year growth of 3.1%": known; "a 7%
        # rise", "another rise": a new one
        definite=is_noun and not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one", "some")
                                     for c in word.children),
    )


# Words of a noun phrase that say nothing of which thing it is.
_EMPTY_POS = frozenset({"DET", "ADP", "PUNCT", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "SYM"})
# Dependents that describe a thing already singled out rather than narrow it.
_DESCRIBING = frozenset({"acl:relcl", "appos", "parataxis", "conj", "cc", "punct"})


def _narrowing(thing: Token, figure: frozenset[int]) -> tuple[str, ...]:
    """Every content word that narrows the thing, however deep: "output of consumer
    durables" (consumer, durable), "deposits by the private sector" (private, sector),
    "house prices" (house); not a relative clause or an apposition about it."""
    out: set[str] = set()
    stack = [c for c in thing.children if c.dep_ not in _DESCRIBING]
    while stack:
        t = stack.pop()
        if t.i in figure:
            continue
        if t.pos_ == "NUM":
            out.add(t.lower_)  # "item 5", "Unit 4": a number says which one
        elif t.pos_ not in _EMPTY_POS and not _timely(t):
            out.add(lemma(t))
        stack.extend(c for c in t.children if c.dep_ not in _DESCRIBING or t.dep_ == "conj")
    return tuple(sorted(out))


def _noun_thing(noun: Token, figure: frozenset[int]) -> Token | None:
    """What a change noun is of: its "in" or "of" phrase ("a rise in rents"), or the
    noun before it ("a house price rise")."""
    for c in noun.children:
        if c.i in figure or _timely(c):
            continue
        if c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) in ("in", "of") and c.pos_ in _NOUNISH:
            return c
    comp = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.i not in figure
            and c.pos_ in _NOUNISH and not _timely(c)]
    return comp[-1] if comp else None


def _timely(t: Token) -> bool:
    """A word of time or period, not of the thing: "May", "annual", "year-on-year"."""
    low = t.lower_
    return low in TIME_NOUNS or low in MONTHS or low in _PERIOD_DAYS or (
        "-" in low and any(p in _PERIOD_DAYS for p in low.split("-")))


def _periods(word: Token, figure: frozenset[int], clause: Token) -> tuple[int, ...]:
    """The periods the change is measured over, from the words around its word of
    change and its figure: a period adjective or adverb ("annual", "monthly"), a "from",
    "than", "on" or "over" phrase ("from a year earlier", "on the month"), or "compared
    with" one; "12 months" is a year."""
    out: set[int] = set()
    heads = [word, *(word.doc[i] for i in figure)]
    for h in heads:
        for c in h.children:
            if c.i in figure:
                continue
            if c.dep_ in ("advcl", "advmod") and c.lower_ in ("earlier", "ago", "before"):
                out |= _period_in(c, baseline=True)  # "than a year earlier", "from a month ago"
            elif c.dep_ in ("amod", "advmod", "compound", "nmod", "obl", "nmod:unmarked", "obl:unmarked", "obl:tmod"):
                out |= _period_in(c)
            elif c.dep_ == "advcl" and lemma(c) == "compare":
                for d in c.children:
                    if d.dep_ in ("obl", "obl:unmarked"):
                        out |= _period_in(d, baseline=True)
    if lemma(word.head) == "compare" and word.head != word:
        # "Compared with the third quarter of last year, production was 1.3% higher" with
        # the comparison read as the sentence's head
        out |= {d for c in word.head.children if c.dep_ in ("obl", "obl:unmarked") for d in _period_in(c, baseline=True)}
    if clause not in heads:
        # "were worth 14.2 billion crowns, down 3.8% from April": a baseline the parser hung
        # on the clause is the change's all the same
        out |= {d for c in clause.children if c.dep_ in ("obl", "nmod") and case_of(c) in ("from", "than")
                for d in _period_in(c)}
    return tuple(sorted(out))


def _period_in(t: Token, baseline: bool = False) -> set[int]:
    """The period a phrase names: its own word, or a baseline phrase's ("from April":
    a month; "than a year ago", "compared with the third quarter of last year": a year)."""
    case = case_of(t)
    is_base = baseline or case in ("from", "than", "on", "over")
    words = [x for x in t.subtree] if is_base else [t]
    found: set[int] = set()
    for x in words:
        low = x.lower_
        days = _PERIOD_DAYS.get(low) or _PERIOD_DAYS.get(lemma(x))
        if days is None and "-" in low:
            # "year-on-year", "month-on-month": a period written as one word
            days = next((_PERIOD_DAYS[p] for p in low.split("-") if p in _PERIOD_DAYS), None)
        if days is None and is_base and low in MONTHS:
            days = 30  # "from April": the month before
        if days is None:
            continue
        count = next((c for c in x.children if c.dep_ == "nummod" and c.text.isdigit()), None)
        if count is not None:
            days *= int(count.text)  # "12 months": a year
            days = 365 if 330 <= days <= 400 else days
        if days in _STANDARD:
            found.add(days)  # "in more than four years" is a window, not a period of change
    # "compared with the third quarter of last year": a quarter against the same quarter a
    # year before is a change over a year
    return {365} if is_base and 365 in found else found
