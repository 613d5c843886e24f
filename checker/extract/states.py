"""State, change and negation claims: "the front is unaffected", "airstrikes increased",
"the airport stayed open", "did not cross the river".

Three claim kinds, each with its topic (the noun phrase it is about), polarity, modality,
attribution and scope (times, places, the actor):

- `state-change`: a direction for a topic: up, down or same ("unchanged", "has not
  affected the fighting"). `data`: topic, head, topic_class, direction, cue, times,
  baseline, places, names, numbers, actor, modality.
- `state`: one pole of an antonym pair for a thing ("open" of open/closed) and when it
  held: a point ("on Monday"), a start ("since Monday"), now, throughout, or unknown.
- `predicate`: a verb and its arguments, asserted or denied ("did not cross the river").
  Denials are read everywhere; assertions only of verbs that are denied somewhere in the
  same document or listed in states.toml, so claims stay few.

No tagger is used: subjects are read backwards from the verb to a clause boundary,
objects forwards to a preposition; vocabularies are in checker/data/states.toml.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..fold import fold
from ..lexicon import alternation, data_file
from ..model import Claim, Span
from .casescan import CaseScan, lowered
from .context import SentenceContext
from .phrases import singular

_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|[^\W\d_][\w’'-]*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_HARD_BREAK = re.compile(r"[;:()“”\"—–]|\s-\s")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_PERIOD = re.compile(
    r"(?<![\w-])(?:(?P<pre>from|since|than|compared[ \t]+with|for|until|by|before|after)[ \t]+)?(?:(?:the|an?|last|this|next)[ \t]+)?"
    r"(?P<p>(?:first|second|third|fourth)[ -](?:half|quarter)|q[1-4]|(?:this|next|last|all|the)[ \t]+(?:year|week|month|season|weekend)"
    r"|(?:jan|febr)uary|march|april|june|july|august|september|october|november|december|(?<=[ \t])May(?=’s|'s|[ \t]+\d|[,.]|$)|^May(?=’s|'s)"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:19|20)\d\d)(?:’s|'s)?(?![\w-])",
    re.I,
)
_ORDER = {w: i for i, w in enumerate(_WEEKDAYS)}


@dataclass(frozen=True, slots=True)
class _Words:
    topic_class: dict[str, str]
    generic: frozenset[str]
    synonym: dict[str, str]
    direction: dict[str, str]
    transitive: dict[str, str]
    nouns: dict[str, str]
    comparative: dict[str, str]
    same: frozenset[str]
    pole: dict[str, tuple[int, str]]
    since_forms: frozenset[str]
    verbal: frozenset[str]
    present: frozenset[str]
    ignore_verbs: frozenset[str]
    ignore_keys: frozenset[str]
    predicates: frozenset[str]
    particles: frozenset[str]
    base_of: dict[str, str]
    forms_of: dict[str, tuple[str, ...]]
    presence_verb: str
    ing_nouns: frozenset[str]
    boundaries: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    scope_breakers: frozenset[str]
    links: tuple[str, ...]
    raw: dict[str, Any]


def _expand(phrase: str) -> str:
    """A data phrase as a regex: blanks as runs of blanks, {pos} as a possessive."""
    out = []
    for part in re.split(r"(\{pos\})", phrase):
        if part == "{pos}":
            out.append(r"(?:his|her|its|their|our|my|your)(?:[ \t]+own)?")
        elif part:
            out.append(r"[ \t]+".join(re.escape(w) for w in part.split(" ")) if part.strip() else r"[ \t]+")
    return "".join(out)


def _pole_alternation(forms: dict[str, Any]) -> str:
    """The state forms as one regex. `alternation` escapes what it is given, so forms
    holding a possessive slot ("held {pos} seat") are written out by `_expand` and tried
    first; the plain forms go through the trie (longest phrase first)."""
    slotted = sorted((f for f in forms if "{pos}" in f), key=lambda f: (-len(f), f))
    plain = [f for f in forms if "{pos}" not in f]
    return "|".join([*(_expand(f) for f in slotted), alternation(plain)])


@cache
def words() -> _Words:
    d = data_file("states.toml")
    topic_class: dict[str, str] = {}
    for cls, items in sorted(d["topics"].items()):
        if isinstance(items, list):
            for it in items:
                topic_class[" ".join(singular(w) for w in it.split())] = cls
    ch = d["change"]
    direction = {w: "up" for w in ch["up"]} | {w: "down" for w in ch["down"]}
    transitive = {w: "up" for w in ch["up_transitive"]} | {w: "down" for w in ch["down_transitive"]}
    nouns = {w: "up" for w in ch["up_nouns"]} | {w: "down" for w in ch["down_nouns"]}
    comparative = {w: "up" for w in ch["up_comparative"]} | {w: "down" for w in ch["down_comparative"]}
    pole: dict[str, tuple[int, str]] = {}
    for i, pair in enumerate(d["states"]["pairs"]):
        for side in ("a", "b"):
            for form in pair[side]:
                pole[form] = (i, side)
    neg = d["negation"]
    base_of: dict[str, str] = {}
    forms_of: dict[str, tuple[str, ...]] = {}
    for base, (past, part) in neg["irregular"].items():
        forms_of[base] = (base, base + "s", past, part, _ing(base))
        for f in forms_of[base]:
            base_of.setdefault(f, base)
    made = _Words(
        topic_class=topic_class,
        generic=frozenset(d["topics"]["generic"]["heads"]),
        synonym={singular(x): singular(g[0]) for g in d["topics"]["synonyms"]["groups"] for x in g},
        direction=direction,
        transitive=transitive,
        nouns=nouns,
        comparative=comparative,
        same=frozenset(ch["same"]),
        pole=pole,
        since_forms=frozenset(d["states"]["since"]),
        verbal=frozenset(d["states"]["verbal"]),
        present=frozenset(d["states"]["present"]),
        ignore_verbs=frozenset(neg["ignore_verbs"]),
        ignore_keys=frozenset(),
        predicates=frozenset(neg["predicates"]),
        particles=frozenset(neg["particles"]),
        base_of=base_of,
        forms_of=forms_of,
        presence_verb=neg["presence_verb"],
        ing_nouns=frozenset(neg["ing_nouns"]),
        boundaries=frozenset(d["clauses"]["boundaries"]),
        prepositions=frozenset(d["clauses"]["prepositions"]),
        determiners=frozenset(d["clauses"]["determiners"]),
        scope_breakers=frozenset(neg["scope_breakers"]),
        links=tuple(d["concessive"]["links"]),
        raw=d,
    )
    # verb keys need the irregular table above, so they are read once it exists
    object.__setattr__(made, "ignore_keys", frozenset(_key(made, v) for v in neg["ignore_verbs"]))
    object.__setattr__(made, "predicates", frozenset(_key(made, v) for v in neg["predicates"]))
    return made


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = words()
    ch = w.raw["change"]
    st = w.raw["states"]
    neg = w.raw["negation"]
    b = r"(?<![\w-])"
    e = r"(?![\w-])"
    deg = rf"(?:(?:{alternation(ch['degree'])})[ \t]+)?"
    return {
        "same": re.compile(rf"{b}(?P<cop>{alternation(ch['copulas'])})[ \t]+{deg}(?P<cue>{alternation(ch['same'])}){e}", re.I),
        "not_affected": re.compile(
            rf"{b}(?P<cue>(?:has|have|had|did|does|do|was|were|is|are)[ \t]+not[ \t]+(?P<passive>been[ \t]+)?(?:{alternation(ch['unaffected_verbs'])})|(?:hasn’t|haven’t|hadn’t|didn’t|doesn’t|hasn't|haven't|hadn't|didn't|doesn't)[ \t]+(?:{alternation(ch['unaffected_verbs'])})){e}",
            re.I,
        ),
        "change": re.compile(rf"{b}(?:(?P<aux>has|have|had)[ \t]+)?(?P<cue>{alternation(list(w.direction) + list(w.transitive))}){e}", re.I),
        "noun": re.compile(rf"{b}(?P<cue>{alternation(list(w.nouns))})[ \t]+in[ \t]+", re.I),
        "comparative": re.compile(
            rf"{b}(?P<cop>is|are|was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:(?:about|around|some|nearly|almost|roughly)[ \t]+)?(?:\d[\d.,]*[ \t]*(?:%|percent|per[ \t]+cent)|[\w.]+[ \t]+(?:percent|per[ \t]+cent)|(?:slightly|sharply|much|far))?[ \t]*(?P<cue>{alternation(list(w.comparative))})[ \t]+than{e}",
            re.I,
        ),
        "state": re.compile(rf"{b}(?P<cue>{_pole_alternation(w.pole)}){e}", re.I),
        "state_cop": re.compile(rf"(?:{alternation(st['copulas'])})[ \t]+$", re.I),
        "negated": re.compile(
            rf"{b}(?P<neg>{alternation(neg['negators'])})[ \t]+(?:(?:been|be|have[ \t]+been)[ \t]+)?(?P<verb>[a-z]+){e}",
            re.I,
        ),
        "none_aux": re.compile(rf"{b}(?P<neg>{alternation(neg['quantifiers'])})[ \t]+(?P<np>(?:[a-z][\w-]*[ \t]+){{0,4}}?)(?:was|were|has[ \t]+been|had[ \t]+been|have[ \t]+been)[ \t]+(?P<verb>[a-z]+ed|{alternation([f for forms in neg['irregular'].values() for f in forms])}){e}", re.I),
        "none": re.compile(rf"{b}(?P<neg>{alternation(neg['quantifiers'])})[ \t]+(?P<np>(?:[a-z][\w-]*[ \t]+){{0,4}}?)(?P<verb>[a-z]+ed|{alternation([f for forms in neg['irregular'].values() for f in forms])}){e}", re.I),
        "presence": re.compile(
            rf"(?:^|(?<=[.!?”\"]\s)|(?<=\n))At[ \t]+(?P<obj>[^,.;]{{3,60}}?(?:{alternation(neg['presence_nouns'])})[^,.;]{{0,30}}),[ \t]+(?P<subj>[A-Z][\w’'-]+)[ \t]+(?P<verb>{alternation(neg['speech_verbs'])}){e}"
        ),
        "modal": re.compile(rf"{b}(?:{alternation(w.raw['hedges']['modal'])}){e}", re.I),
        "link": re.compile(rf"{b}(?:{alternation(w.links)}){e}|;", re.I),
        "region": re.compile(
            rf"{b}(?:{alternation(w.raw['scope']['prepositions'])})[ \t]+(?:the[ \t]+)?(?:(?P<r>{alternation(w.raw['scope']['regions'])})(?:ern)?|(?P<r2>[A-Z][\w’'-]+))(?![\w-])"
        ),
        "throughout": re.compile(rf"{b}(?:{alternation(st['throughout'])}){e}", re.I),
    }


# --- small readers ------------------------------------------------------------------


def _all(ctx: SentenceContext, name: str) -> list[re.Match[str]]:
    """Every match of one pattern in the document: one pass per document, not per sentence."""
    key = "states:" + name
    got = ctx.state.get(key)
    if got is None:
        gates = _gates().get(name)
        low = ctx.state.get("states:lower")
        if low is None:
            low = ctx.state["states:lower"] = ctx.text.lower()
        if gates is not None and not any(g in low for g in gates):
            got = []  # no word the pattern needs: skip the pass
        elif name in _LITERAL_LED:
            got = _literal_led(_patterns()[name], ctx.text, _LITERAL_LED[name])
        else:
            if "states:folded" not in ctx.state:
                ctx.state["states:folded"] = lowered(ctx.text, low)
            folded = ctx.state["states:folded"]
            followed = _followed_gates().get(name)
            if followed is not None and folded is not None and not _any_followed(folded, *followed):
                got = []  # no cue word with what must follow it
            else:
                got = _scans()[name].finditer(ctx.text, folded)
        ctx.state[key] = got
    return got


@cache
def _followed_gates() -> dict[str, tuple[tuple[str, ...], re.Pattern[str]]]:
    """Patterns that need one of their cue words followed by a fixed word: "a rise in",
    "lower than". Many documents hold a cue word ("increased") but never so followed,
    and a look after each occurrence of each word is far cheaper than the pass. Read
    on the `lowered` text only, where the pattern's case-insensitive words are lowercase."""
    w = words()
    return {
        "noun": (tuple(sorted(w.nouns)), re.compile(r"[ \t]+in[ \t]")),
        "comparative": (tuple(sorted(w.comparative)), re.compile(r"[ \t]+than(?![\w-])")),
    }


def _any_followed(low: str, cues: tuple[str, ...], follow: re.Pattern[str]) -> bool:
    for cue in cues:
        i = low.find(cue)
        while i >= 0:
            if follow.match(low, i + len(cue)):
                return True
            i = low.find(cue, i + 1)
    return False


# Case-sensitive patterns whose every match starts with a literal: "At" for presence,
# whose leading lookbehinds would otherwise be tried at every offset of the text.
_LITERAL_LED = {"presence": "At"}


def _literal_led(pattern: re.Pattern[str], text: str, lead: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern whose matches all start with `lead`:
    the pattern is tried only where str.find puts the literal, leftmost first from the
    end of the last match (its lookbehinds see the text before the offset, as there)."""
    out = []
    pos = 0
    i = text.find(lead)
    while i >= 0:
        if i >= pos:
            m = pattern.match(text, i)
            if m is not None:
                out.append(m)
                pos = m.end()
        i = text.find(lead, max(i + 1, pos))
    return out


@cache
def _scans() -> dict[str, CaseScan]:
    """The document-wide patterns with their fast lowercase twins (see casescan)."""
    return {name: CaseScan(p) for name, p in _patterns().items()}


@cache
def _gates() -> dict[str, tuple[str, ...]]:
    """Literals (lowercase) without which a pattern cannot match: a substring test is far
    cheaper than a regex pass over the document."""
    w = words()
    ch = w.raw["change"]
    return {
        "same": tuple(ch["same"]),
        "not_affected": ("not", "n't", "n’t"),
        "comparative": ("than",),
        "presence": ("at ",),
        "none_aux": ("no",),
        "none": ("no",),
        "negated": ("not", "n't", "n’t", "never", "cannot"),
        "state": tuple(sorted({_gate_word(f) for f in w.pole})),
    }


# Words too common to gate a pattern on ("remains in office" is gated on "office").
_COMMON = frozenset({"remains", "remain", "in", "at", "on", "out", "back", "behind"})


def _gate_word(phrase: str) -> str:
    """The word of a state form that best tells whether a document may hold it: every
    match of the form holds each of its words, so any one is an exact gate; the longest
    uncommon one rules most documents out."""
    literal = [x for x in phrase.split() if "{" not in x]
    return max([x for x in literal if x not in _COMMON] or literal, key=len)


def _found(ctx: SentenceContext, name: str) -> list[re.Match[str]]:
    """The matches of one pattern that lie inside the current sentence."""
    ms = _all(ctx, name)
    if not ms:  # the common case: most patterns find nothing in a document
        return []
    starts = ctx.state.get("states:starts:" + name)
    if starts is None:
        starts = ctx.state["states:starts:" + name] = [m.start() for m in ms]
    s = ctx.sentence
    i = bisect.bisect_left(starts, s.start)
    out = []
    while i < len(ms) and ms[i].start() < s.end:
        if ms[i].end() <= s.end:
            out.append(ms[i])
        i += 1
    return out


class _DocTokens:
    """The _TOKEN matches of a whole document, found by one pass: every clause, subject
    and object read later is a slice of them. A pass over text[lo:hi] finds the same
    tokens as the document pass finds inside it unless a document token crosses lo or hi
    (tokens are runs with no lookaround, so a pass that starts between two tokens is in
    step with the document pass); then the range is tokenised on its own."""

    __slots__ = ("ends", "matches", "starts")

    def __init__(self, text: str) -> None:
        self.matches = list(_TOKEN.finditer(text))
        self.starts = [m.start() for m in self.matches]
        self.ends = [m.end() for m in self.matches]

    def crossed(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.starts[k] < pos < self.ends[k]


@lru_cache(maxsize=2)
def _doc_tokens(text: str) -> _DocTokens:
    """One document's tokens, keyed by the text itself. Documents are extracted one after
    another, so two entries serve every lookup while bounding what a long document
    keeps alive after its request."""
    return _DocTokens(text)


def _tokens(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    d = _doc_tokens(text)
    if d.crossed(lo) or d.crossed(hi):
        return list(_TOKEN.finditer(text, lo, hi))
    return d.matches[bisect.bisect_left(d.starts, lo) : bisect.bisect_right(d.ends, hi)]


# Pure functions of one token, called for every token of every clause read: cached.
@lru_cache(maxsize=65536)
def _norm(tok: str) -> str:
    return fold(_POSSESSIVE.sub("", tok))


def _subject(text: str, lo: int, pos: int) -> tuple[int, int, tuple[int, int] | None] | None:
    """The subject chunk that ends at `pos` (a verb), read backwards to a clause
    boundary, with an appositive (", the most intense sector,") set aside."""
    w = words()
    j = pos
    while j > lo and text[j - 1] in " \t":
        j -= 1
    appos = None
    if j > lo and text[j - 1] == ",":
        k = text.rfind(",", lo, j - 1)
        if k < 0:
            return None
        appos = (k + 1, j - 1)
        j = k
    toks = _tokens(text, lo, j)
    start = j
    for t in reversed(toks):
        gap = text[t.end() : start]
        if gap != " " and ("," in gap or _HARD_BREAK.search(gap)):  # one blank: the common gap, no break
            if gap.strip() != "," or not _OPEN_NP.search(text, max(lo, t.start() - 8), t.end()):
                break
            # "the most urgent, category 1 calls": a comma between two modifiers of one
            # noun phrase, not the end of the subject
        low = t.group(0).lower()
        if low in w.boundaries:
            break
        if low == "and" and start < j:
            prev = text[lo : t.start()].split()
            if prev and (prev[-1].lower().endswith("ed") or prev[-1].lower() in w.direction):
                break
        start = t.start()
    if start >= j:
        return None
    return start, j, appos


# A superlative with no noun yet: a comma after it joins two modifiers of one phrase.
_OPEN_NP = re.compile(r"(?<![\w-])(?:most|least)[ \t]+[a-z][\w-]*$")


def _np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts at `pos`: words up to a preposition, a verb-like word
    or punctuation (an object, or the topic after "a rise in")."""
    w = words()
    end = pos
    n = 0
    for t in _tokens(text, pos, hi):
        gap = text[end : t.start()]
        if n and gap != " " and ("," in gap or _HARD_BREAK.search(gap) or "." in gap):
            break
        tok = t.group(0).lower()
        if n and (tok in w.prepositions or tok in w.boundaries) and tok != "of":
            break
        if tok in ("was", "were", "is", "are", "had", "has", "have", "will", "would", "could", "can", "may", "came", "showed", "reflects", "reflected", "remained"):
            break
        if n and tok.endswith("ing") and tok not in w.ing_nouns:
            break
        if tok[0].isdigit() and n and not re.match(r"\d+$", tok):
            break
        end = t.end()
        n += 1
        if n >= 8:
            break
    return (pos, end) if n else None


@dataclass(frozen=True, slots=True)
class Topic:
    start: int
    end: int
    text: str
    head: str
    cls: str | None
    words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    mods: frozenset[str]


def topic_of(text: str, lo: int, hi: int, extra: tuple[int, int] | None = None) -> Topic | None:
    w = words()
    toks = [t.group(0) for t in _tokens(text, lo, hi)]
    if not toks:
        return None
    head_np: list[str] = []
    rest: list[str] = []
    for i, t in enumerate(toks):
        low = t.lower()
        if head_np and (low in w.prepositions or (low.endswith("ing") and low not in w.ing_nouns)):
            rest = toks[i:]
            break
        if low in w.determiners and not head_np:
            continue
        if _POSSESSIVE.search(t) and not head_np and t[0].islower() and low.rstrip("’'s") in ("this", "last", "next"):
            continue
        head_np.append(t)
    # "this year's minimum", "January's fall": a possessive period is not the topic
    head_np = [t for t in head_np if not (_POSSESSIVE.search(t) and _period_word(t))] or head_np
    head_np = [t for t in head_np if t.lower() not in ("year’s", "year's", "this", "last", "next")] or head_np
    if not head_np:
        return None
    keys = [singular(_norm(t)) for t in head_np]
    head = keys[-1]
    if head in w.generic:
        if rest and rest[0].lower() == "of" and len(rest) > 1:
            sub = [singular(_norm(t)) for t in rest[1:] if t.lower() not in w.determiners]
            sub = [s for s in sub if s not in w.prepositions]
            if sub:
                head = sub[0]
                keys = [*keys, sub[0]]
        elif len(keys) > 1:
            head = keys[-2]
    cls = w.topic_class.get(" ".join(keys[-2:])) or w.topic_class.get(head)
    all_toks = toks + ([m.group(0) for m in _tokens(text, *extra)] if extra else [])
    # a capital on the first word may be the sentence's, not a name's: read it as a modifier
    initial = lo == 0 or not re.search(r"[\w,]\s*$", text[max(0, lo - 3) : lo])
    names = frozenset(
        _norm(t) for i, t in enumerate(all_toks)
        if t[0].isupper() and not _period_word(t) and not (i == 0 and initial and t[1:].islower() and t.isalpha()) and t.lower() not in w.determiners
    )
    numbers = frozenset(
        toks[i] for i in range(1, len(toks)) if re.fullmatch(r"\d{1,2}", toks[i]) and toks[i - 1].lower() not in ("of", "by", "to", "from", "at")
    )
    mods = set(k for k in keys if k != head and k not in w.generic and not k[0].isdigit())
    if rest and rest[0].lower() == "of" and keys[-1] not in w.generic:
        # "sales of vinyl records": the complement says which sales
        mods.update(singular(_norm(t)) for t in rest[1:4] if t.lower() not in w.determiners and t.lower() not in w.prepositions)
    mods_f = frozenset(mods)
    return Topic(lo, hi, text[lo:hi], w.synonym.get(head, head), cls, frozenset(keys), names, numbers, mods_f)


@lru_cache(maxsize=65536)
def _period_word(tok: str) -> bool:
    t = _norm(tok)
    return t in _WEEKDAYS or t in _MONTHS or bool(re.fullmatch(r"(?:19|20)\d\d", t)) or t in ("first-half", "second-half")


_BASELINE_WORD = re.compile(r"(?<![\w-])(?:since|than|compared[ \t]+with|compared[ \t]+to|from)(?![\w-])", re.I)


# Lowercase literals one of which every _PERIOD match holds ("day" for the weekdays,
# "uary" for January and February, "19"/"20" for years): most clauses name no period,
# and a few substring tests are far cheaper than a case-insensitive regex pass.
_PERIOD_GATES = (
    "day", "year", "week", "month", "season", "half", "quarter", "q1", "q2", "q3", "q4", "uary", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "19", "20",
)


@lru_cache(maxsize=2)
def _doc_lower(text: str) -> str | None:
    """`lowered(text)` of the document being read (the gate above is exact only on a
    text whose lowercase IGNORECASE reads the same way; see casescan)."""
    return lowered(text)


def periods(text: str, lo: int, hi: int, topic: tuple[int, int] | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(times, baselines) named in text[lo:hi]: "in March" is a time; anything after
    "from", "since", "than" or "compared with" is what a change is measured against.
    "for February" inside the topic names part of it ("bookings for February")."""
    low = _doc_lower(text)
    if low is not None:
        part = low[lo:hi]
        if not any(g in part for g in _PERIOD_GATES):
            return (), ()
    times: list[str] = []
    base: list[str] = []
    m0 = _BASELINE_WORD.search(text, lo, hi)
    cut = m0.start() if m0 else hi
    for m in _PERIOD.finditer(text, lo, hi):
        p = re.sub(r"[\s-]+", " ", m.group("p").lower())
        p = {"all week": "this week", "the week": "this week", "the year": "this year", "the season": "this season", "all year": "this year"}.get(p, p)
        pre = (m.group("pre") or "").lower()
        if m.start() >= cut or pre.startswith(("from", "since", "than", "compared")):
            base.append(p)
        elif pre in ("until", "by", "before", "after") or (pre == "for" and topic and topic[0] <= m.start() < topic[1]):
            continue
        else:
            times.append(p)
    return tuple(dict.fromkeys(times)), tuple(dict.fromkeys(base))


_CLAUSE_END = re.compile(r",(?!\d)|;")


@cache
def _gate_words() -> dict[str, tuple[str, ...]]:
    """For the patterns read clause by clause, lowercase words one of which every match
    holds (each phrase's longest word): a clause without any cannot match, and a few
    substring tests cost less than the case-insensitive pass. Exact on a text that
    `lowered` accepts (see casescan); other texts run the pattern."""
    w = words()

    def longest(phrases: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({max(p.lower().split(), key=len) for p in phrases}))

    return {"link": (*longest(w.links), ";"), "modal": longest(w.raw["hedges"]["modal"])}


def _may_match(name: str, text: str, lo: int, hi: int) -> bool:
    low = _doc_lower(text)
    if low is None:
        return True
    part = low[lo:hi]
    return any(g in part for g in _gate_words()[name])


def _clause(text: str, s_lo: int, s_hi: int, a: int, b: int) -> tuple[int, int]:
    """The stretch of the sentence a claim's scope words are read from: back to the last
    concessive link or semicolon before it, forward to the next comma or link."""
    lo = s_lo
    if _may_match("link", text, s_lo, a):
        for m in _patterns()["link"].finditer(text, s_lo, a):
            lo = m.end()
    hi = s_hi
    m = _CLAUSE_END.search(text, b, s_hi)
    if m:
        hi = m.start()
    m2 = _patterns()["link"].search(text, b, hi) if _may_match("link", text, b, hi) else None
    if m2:
        hi = m2.start()
    return lo, hi


def _modality(text: str, lo: int, hi: int) -> str | None:
    if not _may_match("modal", text, lo, hi):
        return None
    for m in _patterns()["modal"].finditer(text, lo, hi):
        if m.group(0) != "May":  # the month
            return m.group(0).lower()
    return None


# The region pattern needs a region word (case-sensitive) or a capital after its
# preposition: a clause with neither is skipped without a regex pass.
_ASCII_CAPITAL = re.compile(r"[A-Z]")


def _places(ctx: SentenceContext, lo: int, hi: int) -> tuple[str, ...]:
    found = {p[2] for p in ctx.places if lo <= p[0] and p[1] <= hi}
    text = ctx.text
    if _ASCII_CAPITAL.search(text, lo, hi) is None and not any(r in text[lo:hi] for r in words().raw["scope"]["regions"]):
        return tuple(sorted(found))
    for m in _patterns()["region"].finditer(ctx.text, lo, hi):
        r = m.group("r") or m.group("r2")
        if r and not _period_word(r) and r.lower() not in words().determiners:
            found.add(fold(r).replace("-", ""))
    return tuple(sorted(found))


def _claim(ctx: SentenceContext, kind: str, a: int, b: int, normalized: str, subject: str, attribute: str, data: dict[str, Any]) -> Claim:
    """A claim in the story's voice when it is background (an appositive, a relative or
    subordinate clause, a nominalised change): attribution covers what a source asserts,
    not the writer's framing around it ("Traders said the market, closed since Friday,
    would not reopen": the closure is the writer's fact)."""
    s = ctx.sentence
    return Claim(
        kind=kind,
        span=Span(ctx.doc.id, a, b, ctx.text[a:b]),
        normalized=normalized,
        subject=subject,
        attribute=attribute,
        qualifiers=frozenset(q for q in ("negated", "hedged") if data.get(q)),
        source=None if data.get("background") else ctx.attribution.source,
        place=(data.get("places") or (None,))[0],
        time=(data.get("times") or (None,))[0],
        sentence=s.index,
        paragraph=s.paragraph,
        data=tuple(sorted(data.items())),
    )


# --- state-change -------------------------------------------------------------------


def _change_claim(ctx: SentenceContext, a: int, b: int, direction: str, cue: str, topic: Topic, actor: str, background: bool = False, intent: str | None = None, perfect: bool = False) -> Claim:
    text, s = ctx.text, ctx.sentence
    lo, hi = _clause(text, s.start, s.end, min(a, ctx.state.get("_topic_lo", a)), b)
    times, base = periods(text, lo, hi, (topic.start, topic.end))
    modality = _modality(text, lo, hi) or intent
    data: dict[str, Any] = {
        "topic": topic.text, "head": topic.head, "topic_class": topic.cls, "direction": direction,
        "cue": cue, "times": times, "baseline": base, "places": _places(ctx, lo, hi),
        "names": topic.names, "numbers": topic.numbers, "actor": actor, "modality": modality,
        "hedged": bool(modality) or (ctx.attribution.hedged and ctx.attribution.cue == "hedge"),
        "background": background, "mods": topic.mods, "perfect": perfect,
    }
    word = {"up": "increase", "down": "decrease", "same": "unchanged"}[direction]
    return _claim(ctx, "state-change", a, b, f"{word}: {topic.head}", topic.head, "change", data)


def _perfect(verb: str) -> bool:
    """Whether a verb group is in the perfect ("has been", "had remained", "have not
    affected"): it reaches up to the time it is told from, so it shares that period."""
    return verb[:3].lower() in ("has", "hav", "had")


def _changes(ctx: SentenceContext) -> list[Claim]:
    text, s = ctx.text, ctx.sentence
    w = words()
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or y <= a for x, y in taken)

    def subject_topic(pos: int) -> tuple[Topic | None, int]:
        sub = _subject(text, s.start, pos)
        if sub is None:
            return None, pos
        lo, hi, appos = sub
        if text[lo:hi].strip().lower() in ("which", "who", "that", "it", "they", "this"):
            return None, pos
        return topic_of(text, lo, hi, appos), lo

    for m in _found(ctx, "same"):
        topic, tlo = subject_topic(m.start())
        if topic is None:
            ctx.skip("state: stability without a topic")
            continue
        ctx.state["_topic_lo"] = tlo
        out.append(_change_claim(ctx, m.start(), m.end(), "same", m.group("cue").lower(), topic, "", perfect=_perfect(m.group("cop"))))
        taken.append((m.start(), m.end()))
    for m in _found(ctx, "not_affected"):
        if m.group("passive") or re.search(r"(?:was|were|is|are)[ \t]+not", m.group(0), re.I):
            topic, tlo = subject_topic(m.start())
            end = m.end()
        else:
            np = _np_after(text, m.end() + 1, s.end)
            topic, tlo = (topic_of(text, *np), np[0]) if np else (None, m.start())
            end = np[1] if np else m.end()
        if topic is None:
            ctx.skip("state: stability without a topic")
            continue
        ctx.state["_topic_lo"] = min(tlo, m.start())
        out.append(_change_claim(ctx, m.start(), end, "same", m.group("cue").lower(), topic, "", perfect=_perfect(m.group("cue"))))
        taken.append((m.start(), end))
    for m in _found(ctx, "change"):
        if not free(m.start(), m.end()):
            continue
        cue = m.group("cue").lower()
        after = text[m.end("cue") : min(s.end, m.end("cue") + 40)]
        nxt = re.match(r"[ \t]+([\w’'-]+)", after)
        nword = nxt.group(1).lower() if nxt else ""
        before = text[max(s.start, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:not|never|n['’]t)[ \t]+(?:been[ \t]+)?$", before):
            continue  # denied: the negation family reads it
        intent = "to" if re.search(r"\bto[ \t]+$", before) else None
        if cue in w.nouns and re.search(r"(?:%|\d|’s|'s|\b(?:the|a|an|its|their|this|that|any|no))[ \t]+(?:(?:[\w.]*[-\d%][\w.%-]*|sharp|steep|slight|small|modest|big|large|further|sudden|significant)[ \t]+)?$", text[max(s.start, m.start() - 30) : m.start()], re.I):
            continue  # a noun ("March's 1.2% increase in rents"), read below
        transitive = cue in w.transitive and (
            nword in ("its", "their", "the", "his", "her", "our", "a")
            or (cue not in w.direction and nword and nword not in w.prepositions and not nword[0].isdigit() and not nword.endswith("ly"))
        )
        if transitive:
            np = _np_after(text, m.end("cue") + 1, s.end)
            if np is None:
                continue
            topic = topic_of(text, *np)
            sub = _subject(text, s.start, m.start())
            actor = " ".join(_norm(t) for t in text[sub[0] : sub[1]].split()) if sub else ""
            if topic is None:
                continue
            ctx.state["_topic_lo"] = sub[0] if sub else m.start()
            out.append(_change_claim(ctx, m.start(), np[1], w.transitive[cue], cue, topic, actor, intent=intent, perfect=bool(m.group("aux"))))
            taken.append((m.start(), np[1]))
            continue
        if cue not in w.direction:
            continue
        appositive = text[max(s.start, m.start() - 2) : m.start()] == ", " and nword in ("from", "to", "by")
        if appositive:
            # "The deal, increased from $150 million": the appositive's noun is the topic
            sub = _subject(text, s.start, m.start() - 2)
        else:
            sub = _subject(text, s.start, m.start())
        if sub is None or text[sub[0] : sub[1]].strip().lower() in ("which", "who", "that", "it", "they", "this"):
            ctx.skip("state: change without a topic")
            continue
        topic = topic_of(text, sub[0], sub[1], sub[2])
        if topic is None:
            continue
        ctx.state["_topic_lo"] = sub[0]
        out.append(_change_claim(ctx, m.start(), m.end(), w.direction[cue], cue, topic, "", background=appositive, intent=intent, perfect=bool(m.group("aux"))))
        taken.append((m.start(), m.end()))
    for m in _found(ctx, "noun"):
        if not free(m.start(), m.end()) or re.search(r"\b(?:not|never|to|will|would|could|may|might|did|does|do)[ \t]+$", text[max(s.start, m.start() - 8) : m.start()], re.I):
            continue  # a verb ("did not rise in March"), read above or by the negation family
        np = _np_after(text, m.end(), s.end)
        if np is None:
            continue
        topic = topic_of(text, *np)
        if topic is None or _period_word(topic.head):
            continue
        # the period the change belongs to is written before it ("January's 30% fall")
        lead = text.rfind(" ", s.start, max(s.start, m.start() - 1))
        lead2 = text.rfind(" ", s.start, max(s.start, lead))
        ctx.state["_topic_lo"] = max(s.start, lead2 + 1)
        out.append(_change_claim(ctx, m.start(), np[1], w.nouns[m.group("cue").lower()], m.group("cue").lower(), topic, "", background=True))
    for m in _found(ctx, "comparative"):
        topic, tlo = subject_topic(m.start())
        if topic is None:
            continue
        ctx.state["_topic_lo"] = tlo
        out.append(_change_claim(ctx, m.start(), m.end(), w.comparative[m.group("cue").lower()], m.group("cue").lower(), topic, "", perfect=_perfect(m.group("cop"))))
    ctx.state.pop("_topic_lo", None)
    return out


# --- antonym states -----------------------------------------------------------------


def _thing(text: str, lo: int, pos: int, copular: bool) -> tuple[Topic, frozenset[str]] | None:
    """What a state is about, and the heads it may go by: the subject before a copula,
    or the noun phrase before an appositive (", closed since Monday") or a relative clause
    (", which reopened"), whose last noun may be the one meant ("lines at the plant,
    which reopened")."""
    j = pos
    while j > lo and text[j - 1] in " \t":
        j -= 1
    rel = re.search(r",[ \t]*(?:which|who|that)[ \t]+(?:(?:has|have|had)[ \t]+(?:been[ \t]+)?|(?:was|were|is|are|remained|remains|stayed)[ \t]+)?$", text[lo:pos])
    if copular and not rel:
        sub = _subject(text, lo, pos)
        if sub is None:
            return None
        t = topic_of(text, sub[0], sub[1], sub[2])
        return (t, frozenset({t.head})) if t else None
    if rel:
        j = lo + rel.start()
    elif j > lo and text[j - 1] == ",":
        j -= 1
    toks = _tokens(text, lo, j)
    start = j
    last_prep = None
    w = words()
    for t in reversed(toks):
        gap = text[t.end() : start]
        low = t.group(0).lower()
        if "," in gap or _HARD_BREAK.search(gap) or low in w.boundaries or low in ("and", "or", "restore", "was", "were", "is", "are"):
            break
        if low in w.prepositions:
            if last_prep is None:
                last_prep = t.end()
            if low not in ("of", "in", "at", "on", "to"):
                break
        start = t.start()
    if start >= j:
        return None
    whole = topic_of(text, start, j)
    if whole is None:
        return None
    heads = {whole.head}
    if last_prep is not None and last_prep > start:
        tail = topic_of(text, last_prep, j)
        if tail:
            heads.add(tail.head)
    return whole, frozenset(heads)


# Subject pronouns read as the last person named before them (see _last_person).
_PERSONAL_PRONOUNS = frozenset({"he", "she"})
# A name followed or preceded by a speech verb is a speaker: quotes and attributions
# name the people who talk about the story's subject, so a pronoun in the next
# sentence more often means the subject ("'..., Abrams said. He remains in custody").
_SPEAKER_AFTER = re.compile(r"[’']?s?,?[ \t]+(?:said|says|told|added|argued|noted|insisted|explained|warned|wrote|replied|asked|testified|ruled)(?![\w-])")
_SPEAKER_BEFORE = re.compile(r"(?<![\w-])(?:said|says|told|added|argued|noted|insisted|explained|warned|wrote|replied|asked)[ \t]+$")
_TIME_CLAUSE = re.compile(r"(?<![\w-])(?:before|after|until|till|once)[ \t]", re.I)


def _in_time_clause(before: str) -> bool:
    """Whether the text before a state, back to the last comma or semicolon, opens a
    time clause ("shortly before he was detained")."""
    cut = max(before.rfind(","), before.rfind(";")) + 1
    return _TIME_CLAUSE.search(before, cut) is not None


def _last_person(ctx: SentenceContext, pos: int) -> str | None:
    """The surname of the last person named before `pos` in this or the previous
    paragraph who is not only quoted as a speaker: what "he" or "she" most likely means.
    People come from the entity extractor, which runs first on every sentence."""
    people = ctx.state.get("states:people")
    if people is None:
        ents = ctx.state.get("entities")
        found: list[tuple[int, str]] = []
        text = ctx.text
        for start, end, surname in ents.people() if ents is not None else ():
            if _SPEAKER_AFTER.match(text, end) or _SPEAKER_BEFORE.search(text, max(0, start - 12), start):
                continue
            found.append((start, surname))
        people = ctx.state["states:people"] = found
    i = bisect.bisect_left(people, (pos, "")) - 1
    if i < 0:
        return None
    start, surname = people[i]
    if ctx.segments.sentence_at(start).paragraph < ctx.sentence.paragraph - 1:
        return None
    return surname


def _states(ctx: SentenceContext) -> list[Claim]:
    text, s = ctx.text, ctx.sentence
    w, pats = words(), _patterns()
    out: list[Claim] = []
    for m in _found(ctx, "state"):
        cue = re.sub(r"\s+", " ", m.group("cue").lower())
        key = next((f for f in w.pole if re.fullmatch(_expand(f), cue)), None)
        if key is None:
            continue
        pair, side = w.pole[key]
        before = text[s.start : m.start()]
        if re.search(r"(?:\bnot|\bnever|n['’]t|\bwill|\bwould|\bto|\bcould|\bmay|\bmight|\bshould|\bbe)[ \t]+(?:be[ \t]+|been[ \t]+|remain[ \t]+|stay[ \t]+)?$", before, re.I):
            ctx.skip("state: denied or not asserted")
            continue
        after = text[m.end() : min(s.end, m.end() + 3)]
        if re.match(r"[ \t]+(?:the|a|an|to[ \t]+all[ \t]+traffic)\b", text[m.end() : m.end() + 20]) and key in ("closed", "opened", "shut", "reopened"):
            ctx.skip("state: transitive verb")
            continue  # "closed the road": an action on an object, read elsewhere
        del after
        cop = pats["state_cop"].search(before)
        appositive = before.rstrip().endswith(",") or re.search(r",[ \t]*(?:which|who|that)[ \t]+\S*[ \t]*\S*[ \t]*$", before)
        verbal = False
        if _in_time_clause(before):
            # "shortly before he was detained", "until the port reopened": the clause
            # dates another event by this one; it asserts no state at a time of its own
            ctx.skip("state: in a time clause")
            continue
        if cop:
            got = _thing(text, s.start, m.start() - len(cop.group(0)), True)
        elif appositive or key in w.since_forms:
            got = _thing(text, s.start, m.start(), False)
        elif key in w.verbal:
            # "He held his own seat": the form is the main verb, its subject the thing
            got = _thing(text, s.start, m.start(), True)
            verbal = True
        else:
            continue
        if got is None:
            ctx.skip("state: no subject")
            continue
        thing, heads = got
        if thing.text.lower() in _PERSONAL_PRONOUNS:
            person = _last_person(ctx, thing.start)
            if person is None:
                ctx.skip("state: pronoun without a named person before it")
                continue
            thing = Topic(thing.start, thing.end, thing.text, person, None, frozenset({person}), frozenset({person}), frozenset(), frozenset())
            heads = frozenset({person})
        lo, hi = _clause(text, s.start, s.end, m.start(), m.end())
        tail = text[m.end() : hi]
        times, _ = periods(text, m.end(), hi)
        since = re.match(r"[^,;]*?\bsince[ \t]+(?P<x>[^,;.]{1,40})", tail)
        when: tuple[str, str]
        if pats["throughout"].search(tail):
            when = ("throughout", "")
        elif since:
            sp, _ = periods(text, m.end() + since.start("x") - 6, m.end() + since.end("x"))
            sb = periods(text, m.end() + since.start("x") - 6, m.end() + since.end("x"))[1]
            when = ("since", (sb or sp or ("",))[0])
        elif key in w.since_forms and times:
            when = ("since", times[0])
        elif times:
            when = ("on", times[0])
        elif cop and cop.group(0).strip().lower().split()[-1] in w.present | {"remain", "remains"}:
            when = ("now", "")
        elif cop and cop.group(0).lower().startswith("had"):
            # "She had been in office for five months": a state before the story's events,
            # over by the time of any dated or current state
            when = ("earlier", "")
        elif cop is None and appositive and key not in w.since_forms:
            when = ("unknown", "")
        else:
            when = ("unknown", "")
        relative = cop is not None and re.search(r",[ \t]*(?:which|who|that)[ \t]+$", before[: len(before) - len(cop.group(0))])
        data = {
            "background": (cop is None and not verbal) or bool(relative),
            "pair": pair, "pole": side, "form": key, "head": thing.head, "heads": heads, "names": thing.names,
            "thing": thing.text, "when": when, "places": _places(ctx, lo, hi),
            "modality": _modality(text, thing.end if (cop is None or relative) else lo, m.start()),
        }
        out.append(_claim(ctx, "state", m.start(), m.end(), f"{key.replace(' {pos}', '')}: {thing.head}", thing.head, "state", data))
    return out


# --- predicates (negation) ----------------------------------------------------------


@lru_cache(maxsize=65536)
def verb_base(word: str) -> str:
    """A key shared by a verb's forms ("raise", "raised", "raising" -> "rais"): the
    irregular list first, then regular endings, with a final "e" dropped."""
    return _key(words(), word)


def _key(w: _Words, word: str) -> str:
    low = word.lower()
    if low in w.base_of:
        low = w.base_of[low]
    elif low.endswith(("ied", "ies")) and len(low) > 4:
        low = low[:-3] + "y"
    elif low.endswith("ying") and len(low) > 5:
        low = low[:-4] + "y"
    elif low.endswith(("ing", "ed")) and len(low) > 4:
        low = low[:-3] if low.endswith("ing") else low[:-2]
    elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        low = low[:-1]
    if len(low) > 3 and low[-1] == low[-2] and low[-1] not in "aeiou":
        low = low[:-1]  # "cancelled", "cancel"; "called", "call": one key each
    return low[:-1] if low.endswith("e") and len(low) > 3 else low


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return singular(_norm(word))[:6]


def _args(text: str, lo: int, hi: int) -> frozenset[str]:
    w = words()
    out = set()
    for t in _tokens(text, lo, hi):
        low = t.group(0).lower()
        if low in w.determiners or low in w.prepositions or low in w.particles or low in w.boundaries or len(low) < 3 or _period_word(low):
            continue
        if low in ("not", "and", "any", "point", "own", "was", "were", "had", "has", "have", "been", "being"):
            continue
        out.add(_stem(low))
    return frozenset(out)


def _object_span(text: str, pos: int, hi: int) -> tuple[int, int]:
    """Words after a verb up to a comma, a clause word or a time: its object."""
    end = pos
    n = 0
    w = words()
    for t in _tokens(text, pos, hi):
        gap = text[end : t.start()]
        if n and gap != " " and ("," in gap or _HARD_BREAK.search(gap) or "." in gap):
            break
        low = t.group(0).lower()
        if low in w.boundaries or (low in ("on", "since", "because", "until") and n) or (_period_word(low) and not _POSSESSIVE.search(low)):
            break
        if low in w.prepositions and _period_word(text[t.end() : t.end() + 12].strip().split(" ")[0] if t.end() < hi else ""):
            break
        end = t.end()
        n += 1
        if n >= 7:
            break
    return pos, end


def _names_in(text: str, lo: int, hi: int) -> frozenset[str]:
    w = words()
    out = set()
    for i, t in enumerate(_tokens(text, lo, hi)):
        g = t.group(0)
        if not g[0].isupper() or _period_word(g):
            continue
        low = g.lower()
        if low in w.determiners or low in w.boundaries:
            continue
        if i == 0 and t.start() == lo and low in ("none", "no", "after", "at", "in", "testifying"):
            continue
        out.add(_norm(g))
    return frozenset(out)


_BACKGROUND = re.compile(r"(?<![\w-])(?:after|before|when|once|because|which|who|whose)(?![\w-])[^,;]*$", re.I)


def _predicate_claim(ctx: SentenceContext, a: int, b: int, base: str, negated: bool, args: frozenset[str], subj_names: frozenset[str], cue: str, passive: bool, background: bool = False) -> Claim:
    text, s = ctx.text, ctx.sentence
    lo, hi = _clause(text, s.start, s.end, a, b)
    background = background or bool(_BACKGROUND.search(text, max(s.start, a - 80), a)) or cue.lower().endswith("ing")
    times, _ = periods(text, lo, hi)
    modality = _modality(text, lo, b)
    data = {
        "verb": base, "negated": negated, "args": args, "names": subj_names, "times": times,
        "places": _places(ctx, lo, hi), "modality": modality, "cue": cue, "passive": passive,
        "sentence_names": _sentence_names(ctx), "background": background, "tense": _tense(cue),
    }
    return _claim(ctx, "predicate", a, b, ("not " if negated else "") + base + (" " + " ".join(sorted(args)) if args else ""), base, "predicate", data)


def _sentence_names(ctx: SentenceContext) -> frozenset[str]:
    key = ("states:names", ctx.sentence.index)
    got = ctx.state.get(key)  # type: ignore[call-overload]
    if got is None:
        got = ctx.state[key] = _names_in(ctx.text, ctx.sentence.start, ctx.sentence.end)  # type: ignore[index]
    return got


def _tense(cue: str) -> str:
    """'present' for a simple present ("demands", "does not demand"), 'past' for a simple
    past, '' when the form says nothing (participles, "-ing", modals)."""
    words_ = cue.lower().split()
    first = words_[0] if words_ else ""
    if first in ("does", "do", "doesn't", "don't", "doesn’t", "don’t", "is", "are", "isn't", "aren't"):
        return "present"
    if first in ("did", "didn't", "didn’t", "was", "were", "wasn't", "weren't"):
        return "past"
    if len(words_) == 1 and first.endswith("s") and not first.endswith("ss"):
        return "present"
    if len(words_) == 1 and first.endswith("ed"):
        return "past"
    return ""


def _negations(ctx: SentenceContext) -> list[Claim]:
    text, s = ctx.text, ctx.sentence
    w = words()
    out: list[Claim] = []
    for m in _found(ctx, "negated"):
        verb = m.group("verb")
        if verb.lower() in w.scope_breakers:
            ctx.skip("negation: scope breaker")
            continue
        base = verb_base(verb)
        if base in w.ignore_keys:
            continue
        low = verb.lower()
        aux = m.group("neg").lower().split()[0].replace("n't", "").replace("n’t", "")
        participle = low.endswith(("ed", "en", "wn")) or any(low == f[3] for f in w.forms_of.values())
        past = low.endswith("ed") or any(low == f[2] for f in w.forms_of.values())
        passive = participle and (aux in ("was", "were", "is", "are", "wasn", "weren", "isn", "aren") or bool(re.search(r"\bbeen?\b", m.group(0))))
        if aux in ("did", "does", "do", "will", "would", "could", "cannot", "can", "won", "wouldn", "couldn", "didn", "doesn", "don"):
            ok = verb_base(low + "ed") == base and not low.endswith(("ed", "ing")) and low not in w.determiners and low not in w.prepositions
        elif aux == "never":
            ok = past or participle
        else:
            ok = participle
        if not ok:
            continue
        sub = _subject(text, s.start, m.start())
        if passive:
            args = _args(text, sub[0], sub[1]) if sub else frozenset()
            end = m.end()
        else:
            ob = _object_span(text, m.end(), s.end)
            args = _args(text, *ob)
            end = max(m.end(), ob[1])
        names = _names_in(text, sub[0], sub[1]) if sub else frozenset()
        if sub is None and re.search(r",[ \t]*who[ \t]+$", text[s.start : m.start()]):
            names = _names_in(text, s.start, m.start())
        out.append(_predicate_claim(ctx, m.start(), end, base, True, args, names, m.group(0), passive))
    aux_hits = list(_found(ctx, "none_aux"))
    bare = [m for m in _found(ctx, "none") if all(m.start() != a.start() for a in aux_hits)]
    for m in aux_hits + bare:
        verb = m.group("verb")
        base = verb_base(verb)
        if base in w.ignore_keys:
            continue
        np_words = _args(text, m.start("np"), m.end("np"))
        ob = _object_span(text, m.end(), s.end)
        args = np_words | _args(text, *ob)
        out.append(_predicate_claim(ctx, m.start(), max(m.end(), ob[1]), base, True, args, frozenset(), m.group(0), True))
    return out


# Read before each candidate verb (compiled once: re's own cache costs a lookup a call).
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|whose)|’s|'s|\d)[ \t]+$", re.I)
_DENIED_BEFORE = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno|\bnone)[ \t]+(?:(?:been|be|have|yet)[ \t]+)*$", re.I)
_NONE_BEFORE = re.compile(r"\b(?:none|no)\b[^,.;]*$", re.I)
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be)[ \t]+$", re.I)
_WORD_BEFORE = re.compile(r"([a-z][\w-]*)[ \t]+$")


def _verb_hits(ctx: SentenceContext, bases: frozenset[str]) -> list[re.Match[str]]:
    """The tokens of this sentence whose verb key is in `bases`. Most words of a document
    are no verb of interest: its distinct words are keyed once, and the tokens of the
    few that are kept (in text order), so a sentence takes a slice of them."""
    text, s = ctx.text, ctx.sentence
    d = _doc_tokens(text)
    if d.crossed(s.start) or d.crossed(s.end):
        return [m for m in _TOKEN.finditer(text, s.start, s.end) if m.group(0)[0].isalpha() and verb_base(m.group(0)) in bases]
    got = ctx.state.get("states:verb_hits")
    if got is None:
        groups = [m.group(0) for m in d.matches]
        wanted = {g for g in set(groups) if g[0].isalpha() and verb_base(g) in bases}
        hits = [m for m, g in zip(d.matches, groups, strict=True) if g in wanted] if wanted else []
        got = ctx.state["states:verb_hits"] = (hits, [m.start() for m in hits])
    hits, starts = got
    return hits[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)]


def _affirmatives(ctx: SentenceContext, bases: frozenset[str]) -> list[Claim]:
    if not bases:
        return []
    text, s = ctx.text, ctx.sentence
    found = _verb_hits(ctx, bases)
    if not found:
        return []
    w = words()
    out: list[Claim] = []
    for m in found:
        before = text[max(s.start, m.start() - 30) : m.start()]
        if _NOUN_BEFORE.search(before):
            continue  # a noun ("the appeal"), not the verb
        if _DENIED_BEFORE.search(before) or _NONE_BEFORE.search(before):
            continue
        verb = m.group(0)
        base = verb_base(verb)
        passive = bool(_BE_BEFORE.search(before)) and not verb.lower().endswith("ing")
        ob = _object_span(text, m.end(), s.end)
        args = _args(text, *ob)
        sub = _subject(text, s.start, m.start())
        if passive and sub:
            args = args | _args(text, sub[0], sub[1])
        # a reduced relative ("the 43 planned operations cancelled on Tuesday"): the noun before
        prev = _WORD_BEFORE.search(before)
        reduced = bool(
            prev and verb.lower().endswith(("ed", "en")) and not passive and prev.group(1).lower() not in words().boundaries
            and re.search(r"^[^,;]*?\b(?:is|are|was|were|would|will|has|have|had)\b", text[m.end() : s.end])
        )
        if reduced and prev:
            args = args | {_stem(prev.group(1))}
        names = _names_in(text, sub[0], sub[1]) if sub else frozenset()
        end = ob[1] if ob[1] > m.end() else m.end()
        cue = verb if not passive else "was " + verb
        out.append(_predicate_claim(ctx, m.start(), end, base, False, args, names, cue, passive, background=reduced))
    del w
    return out


def _presence(ctx: SentenceContext) -> list[Claim]:
    """ "At Tuesday's cabinet meeting, Lindner told colleagues": Lindner attended it."""
    text = ctx.text
    out = []
    for m in _found(ctx, "presence"):
        args = _args(text, m.start("obj"), m.end("obj"))
        names = frozenset({_norm(m.group("subj"))})
        out.append(_predicate_claim(ctx, m.start(), m.end("subj"), words().presence_verb, False, args, names, "at", False, background=True))
    return out


def _negated_bases(ctx: SentenceContext) -> frozenset[str]:
    """Verbs denied anywhere in this document (read once per document)."""
    got = ctx.state.get("negated_verbs")
    if got is None:
        w = words()
        found = set()
        for m in _all(ctx, "negated"):
            base = verb_base(m.group("verb"))
            if base not in w.ignore_keys and m.group("verb").lower() not in w.scope_breakers:
                found.add(base)
        for m in [*_all(ctx, "none_aux"), *_all(ctx, "none")]:
            base = verb_base(m.group("verb"))
            if base not in w.ignore_keys:
                found.add(base)
        got = ctx.state["negated_verbs"] = frozenset(found | w.predicates)
    return got


def extract_states(ctx: SentenceContext) -> list[Claim]:
    out = _changes(ctx) + _states(ctx) + _negations(ctx)
    out += _affirmatives(ctx, _negated_bases(ctx)) + _presence(ctx)
    return out


def concessive_between(text: str, a: int, b: int) -> str | None:
    """The concessive link between two offsets in one sentence, if any."""
    m = _patterns()["link"].search(text, a, b)
    return m.group(0).lower() if m else None


def weekday_index(day: str) -> int | None:
    return _ORDER.get(day)


__all__ = ["Topic", "concessive_between", "extract_states", "periods", "topic_of", "verb_base", "weekday_index", "words"]
