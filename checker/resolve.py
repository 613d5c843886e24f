"""Entity resolution across every document of a request: which name tokens are one
name spelled two ways, and which role claims are about one person.

Spelling variants are found in two steps, never by comparing all pairs: forms are first
grouped by their transliteration skeleton (checker/fold.py), which joins "Syrskyi",
"Syrskiy" and "Syrsky"; then forms that share a blocking key are compared with rapidfuzz's
optimal-string-alignment distance, which counts a transposition as one edit (see
`_candidates` for the keys).

What is not a variant: a form that is another with an ending that makes a different word
("Russia", "Russian"; "Mykolaiv", "Mykolaivka"), or its plural or possessive ("Liberal
Democrats", "Grand Slams"); two forms that are both attested words or names of their own
in English text (wordfreq, see checker/lexical.py: "Reagan" and "Regan", "Clapton" and
"Clayton", "America" and "American") unless the copy shows them naming one entity (the
same first name, or the same words around them in a longer name); a typo of an ordinary
word ("Offeing") outside a name; codes ("BB-plus", "A-minus"); a known pair of distinct
names from checker/data/entities.toml; two surnames whose people have different first
names; and two first names of people with different surnames.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA, Indel

from .entity_words import EntityWords, entity_words
from .fold import fold, skeleton
from .lexical import known, zipf
from .model import Claim


class Occurrence(NamedTuple):
    """One capitalized token of a name claim (a named tuple: dozens are made for every
    document, and a frozen dataclass costs several times as much to build)."""

    claim: Claim
    start: int
    end: int
    text: str
    weak: bool
    given: str  # folded first names before it, when it ends a name
    last: bool  # it ends its name (a surname, or a one-word name)
    follows: str  # the folded surname after it, when it does not end its name
    given_span: tuple[int, int] = (0, 0)  # where its first names are written, when it ends a name


@dataclass(slots=True)
class Form:
    """One spelling of a name and its occurrences. Compared with many other forms once
    all occurrences are in, so what it says of its occurrences is computed once (a name
    met in every sentence would otherwise make the comparisons quadratic)."""

    text: str
    folded: str
    occurrences: list[Occurrence] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)

    def _once(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    @property
    def titled(self) -> bool:
        """Any occurrence titled ("President Reagan")."""
        return bool(self._once("titled", lambda: any(o.claim.get("person") for o in self.occurrences)))

    @property
    def strong(self) -> bool:
        return bool(self._once("strong", lambda: any(not o.weak for o in self.occurrences)))

    @property
    def givens(self) -> set[str]:
        return set(self._once("givens", lambda: frozenset(o.given for o in self.occurrences if o.last and o.given)))

    @property
    def bare(self) -> bool:
        return bool(self._once("bare", lambda: any(o.last and not o.given for o in self.occurrences)))

    @property
    def personal(self) -> bool:
        said = self._once("personal", lambda: any(o.claim.get("personal") for o in self.occurrences))
        return bool(self.givens) or bool(said)

    @property
    def only_given(self) -> bool:
        return bool(self._once("only_given", lambda: all(not o.last for o in self.occurrences)))

    @property
    def first(self) -> tuple[str, int]:
        return tuple(self._once("first", lambda: min((o.claim.document, o.start) for o in self.occurrences)))  # type: ignore[return-value]

    @property
    def context(self) -> frozenset[str]:
        """The words that place it inside a longer name: its first names, or the name it
        is followed by ("New England Electric" / "New England Elecetric")."""
        def make() -> frozenset[str]:
            given = {o.given for o in self.occurrences if o.given}
            return frozenset(given | {"> " + o.follows for o in self.occurrences if o.follows})

        return frozenset(self._once("context", make))


@dataclass(frozen=True, slots=True)
class Variants:
    """Forms judged to be one name; `preferred` is the one written that way elsewhere
    (the only one a word-frequency list knows), else the most frequent (first on a tie)."""

    preferred: Form
    others: tuple[Form, ...]
    reason: str
    attested: bool = False  # preferred because it alone is a spelling people write


# Words shorter than this are never weighed as spellings of each other ("Tan", "Tam"):
# too short to tell a slip from another name. They still key the first names before them.
SHORTEST_SPELLING = 4


def occurrences(claims: Iterable[Claim], words: EntityWords | None = None) -> list[Occurrence]:
    """Every capitalised word of every name claim, of two letters or more."""
    words = words or entity_words()
    out: list[Occurrence] = []
    for c in claims:
        if c.kind != "name":
            continue
        toks = [t for t in c.get("tokens", ()) if t[2][:1].isupper()]
        for i, (start, end, text, weak) in enumerate(toks):
            if len(text) < 2 or text.isupper() or text in words.generic or text in words.never:
                continue
            if text.rstrip(".") in words.honorifics:
                continue
            last = i == len(toks) - 1
            # a possessive ends whose the rest is: "Ukraine's Khmelnytskyi region" has no
            # first name "Ukraine"
            own = max((k + 1 for k in range(i)
                       if c.text[toks[k][0] - c.start : toks[k][1] - c.start].endswith(("'s", "’s", "s'", "s’"))),
                      default=0)
            given = " ".join(fold(t[2]) for t in toks[own:i] if t[2] not in words.generic) if last else ""
            follows = "" if last else fold(toks[-1][2])
            firsts = [t for t in toks[own:i] if t[2] not in words.generic] if last else []
            span = (firsts[0][0], firsts[-1][1]) if firsts else (0, 0)
            out.append(Occurrence(c, start, end, text.replace("’", "'"), weak, given, last, follows, span))
    return out


def _stem(folded: str, words: EntityWords) -> tuple[str, str]:
    for e in words.endings:
        if folded.endswith(e) and len(folded) - len(e) >= 3:
            return folded[: -len(e)], e
    return folded, ""


def _derived(a: str, b: str, words: EntityWords) -> bool:
    """True when the forms are one stem with endings that make different words
    ("Russia" and "Russian", "Canada" and "Canadian", "Baltica" and "Baltics")."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    stem = a[:i]

    def ending(rest: str) -> bool:
        return rest in words.derived or any(stem.endswith(before) for before in words.derived_after.get(rest, ()))

    return i >= 3 and a != b and ending(a[i:]) and ending(b[i:])


def _demonym(a: str, b: str) -> bool:
    """One is the other's adjective in WordNet ("Belgian", "Belgium")."""
    from . import lexical

    if lexical.pertainym(a) == b or lexical.pertainym(b) == a:
        return True
    # English makes the adjective of a place in "-a" with "-n" ("Guinea", "Guinean";
    # "Africa", "African"), where WordNet lists no pertainym for it
    short, long = sorted((a, b), key=len)
    return short.endswith("a") and long == short + "n" and len(short) >= 4


def _ordinary(folded: str) -> bool:
    """An ordinary English word (a WordNet noun, verb, adjective or adverb)."""
    return any(known(folded, pos) for pos in "nvar")


def _ordinary_form(folded: str) -> bool:
    """A plural of an ordinary noun ("bankers", "officials"), which opens a sentence
    without a determiner as a common noun. A bare singular ("Dryer said") cannot: English
    puts a determiner before a singular common noun, so that one is a name."""
    from . import lexical

    if " " in folded or "-" in folded or not folded.endswith("s"):
        return False
    base = lexical.lemma_of_form(folded, "n")
    cands = {base or "", folded[:-1], folded[:-2] if folded.endswith("es") else ""}
    return any(known(c, "n") for c in cands if c and c != folded)


def _given_compatible(g1: str, g2: str) -> bool:
    t1, t2 = g1.split(), g2.split()
    # A compound surname without the first name: "Therese Kayikwamba Wagner", "Kayikwamba Wagner".
    short, long = (t1, t2) if len(t1) <= len(t2) else (t2, t1)
    if len(short) < len(long) and long[-len(short) :] == short:
        return True
    a, b = t1[0], t2[0]
    if a == b or skeleton(a) == skeleton(b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return OSA.distance(a, b) <= 1 and min(len(a), len(b)) >= 5


# Zipf frequency (wordfreq) at which a form is a word or name people write, not a slip:
# once in about five million words. Misspellings sit far below ("Beesely", "Niagra" 1.8).
ATTESTED = 2.3


def _inflected(a: str, b: str) -> bool:
    """One is the other's plural or possessive ("Democrat", "Democrats"; "Congressman",
    "Congressmen"; "Strait", "Straits")."""
    short, long = sorted((a, b), key=len)
    if long in (short + "s", short + "es", short + "'s", short + "s'"):
        return True
    return short.endswith("man") and long == short[:-3] + "men"


def _context(f: Form) -> frozenset[str]:
    return f.context


def _code(text: str) -> bool:
    """A rating or code, not a name: a part of one to four capitals ("BB-plus", "A-minus")."""
    return any(1 <= len(p) <= 4 and p.isupper() for p in text.replace("’", "-").split("-"))


def _why_not(a: Form, b: Form, words: EntityWords) -> str | None:
    """A reason the two forms are different names, or None."""
    if not (a.strong or b.strong):
        return "entity: both forms open sentences"
    if frozenset((a.folded, b.folded)) in words.distinct:
        return "entity: known distinct names"
    if _inflected(a.folded, b.folded):
        return "entity: a plural or possessive of the same name"
    if _code(a.text) or _code(b.text):
        return "entity: codes, not names"
    for f in (a, b):
        if not f.strong and not f.givens and _ordinary_form(f.folded):
            # "Bankers said ..." against "James Baker": a plural capitalised only because
            # it opens its sentences, never used as a name
            return "entity: a plural noun opening a sentence"
    shared = bool(_context(a) & _context(b))
    # A bare surname never introduced in full, close to a person's named in full, stands
    # for that person ("CIA Director William Burns ... Byrnes"): a real name of its own
    # ("Byrnes") is then still a slip.
    # A titled bare surname ("President Reagan") introduces a person of its own.
    stray = (a.bare and not a.givens and bool(b.givens) and not a.titled) or (
        b.bare and not b.givens and bool(a.givens) and not b.titled)
    if not shared and not stray and min(zipf(a.folded), zipf(b.folded)) >= ATTESTED:
        return "entity: both are words or names of their own"
    if not shared and not (a.givens or b.givens):
        common = [f for f in (a, b) if zipf(f.folded) >= ATTESTED and _ordinary(f.folded)]
        if common and max(zipf(a.folded), zipf(b.folded)) > 0 and any(zipf(f.folded) == 0 for f in (a, b)):
            return "entity: a typo of an ordinary word, not a name"
    if a.personal != b.personal:
        return "entity: a person's name against another word"
    if _demonym(a.folded, b.folded) and (not (a.givens and b.givens) or a.givens == b.givens):
        return "entity: a place and its adjective"  # "Papua New Guinea", "Papua New Guinean"
    # "Latin America" and "Latin American": when WordNet knows one whole form, the first
    # word is no first name, and an ending still makes another word
    if (_derived(a.folded, b.folded, words) or _demonym(a.folded, b.folded)) and (
            not (a.givens and b.givens)
            or (a.givens == b.givens and any(_ordinary(f"{g} {f.folded}") for g in a.givens for f in (a, b)))):
        return "entity: ending makes another word"
    if a.only_given or b.only_given:
        if not (a.only_given and b.only_given):
            return "entity: first name against a surname"
        fa = {o.follows for o in a.occurrences}
        fb = {o.follows for o in b.occurrences}
        if not fa & fb:
            return "entity: first names of different people"
        return None
    ga, gb = a.givens, b.givens
    if ga and gb and not a.bare and not b.bare and not any(_given_compatible(x, y) for x in ga for y in gb):
        return "entity: surnames of people with different first names"
    return None


def _same_by_spelling(a: Form, b: Form, words: EntityWords) -> str | None:
    """How the two forms are one name spelled differently, or None."""
    fa, fb = a.folded, b.folded
    if skeleton(fa) == skeleton(fb):
        sa, ea = _stem(fa, words)
        sb, eb = _stem(fb, words)
        if fa == fb:
            if a.text.lower() == b.text.lower():
                return None
            plain = [re.sub(r"['’ʼ`]", "", t.lower()) for t in (a.text, b.text)]
            return "an apostrophe" if plain[0] == plain[1] else "diacritics"
        if sa == sb and ea and eb:
            return "transliteration ending"
        if ea == eb and sa != sb:
            return "transliteration"
    d = OSA.distance(fa, fb)
    shortest = min(len(fa), len(fb))
    if d == 1 and shortest >= words.min_length:
        return "one letter"
    if d == 1 and shortest >= 4 and a.givens & b.givens:
        return "one letter, same first name"
    if (
        d <= 2
        and shortest >= 5
        and fa[0] == fb[0]
        and Indel.normalized_similarity(fa, fb) >= 0.7
        and ((not a.givens and b.givens and b.strong) or (not b.givens and a.givens and a.strong))
    ):
        # A bare surname never introduced in full, close to a person's surname.
        return "surname close to a named person's"
    return None


# How many neighbours each form is compared with in each sort order.
NEIGHBOURS = 8


def _candidates(forms: list[Form]) -> set[tuple[int, int]]:
    """Pairs worth comparing, never all pairs: forms with one transliteration skeleton,
    and each form's nearest neighbours in alphabetical order of the folded form and of
    its reverse. One or two edits leave a name next to its variant in one of the two
    orders (an edit late in the word in the first, early in the second), so the cost is
    n log n, however many names share their first or last letters."""
    pairs: set[tuple[int, int]] = set()
    by_skeleton: dict[str, list[int]] = {}
    for i, f in enumerate(forms):
        by_skeleton.setdefault(skeleton(f.folded), []).append(i)
    for members in by_skeleton.values():
        for x, i in enumerate(members[: NEIGHBOURS * 4]):
            for j in members[x + 1 : NEIGHBOURS * 4]:
                pairs.add((min(i, j), max(i, j)))
    for key in (lambda k: forms[k].folded, lambda k: forms[k].folded[::-1]):
        order = sorted(range(len(forms)), key=key)
        for x, i in enumerate(order):
            for j in order[x + 1 : x + 1 + NEIGHBOURS]:
                pairs.add((min(i, j), max(i, j)))
    return {(i, j) for i, j in pairs if forms[i].folded != forms[j].folded or forms[i].text != forms[j].text}


def spelling_variants(claims: Iterable[Claim], skipped: Counter[str] | None = None) -> list[Variants]:
    words = entity_words()
    occs = occurrences(claims, words)
    by_text: dict[str, Form] = {}
    for o in occs:
        if len(o.text) < SHORTEST_SPELLING:
            continue
        form = by_text.get(o.text)
        if form is None:
            form = by_text[o.text] = Form(o.text, fold(o.text))
        form.occurrences.append(o)
    forms = sorted(by_text.values(), key=lambda f: f.first)
    parent = list(range(len(forms)))
    reasons: dict[int, str] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidates(forms)):
        a, b = forms[i], forms[j]
        how = _same_by_spelling(a, b, words)
        if how is None:
            continue
        why_not = _why_not(a, b, words)
        if why_not is not None:
            if skipped is not None:
                skipped[why_not] += 1
            continue
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[rj] = ri
            reasons[ri] = reasons.get(ri, reasons.get(rj, how))
    clusters: dict[int, list[Form]] = {}
    for i, f in enumerate(forms):
        clusters.setdefault(root(i), []).append(f)
    out: list[Variants] = []
    for r, members in clusters.items():
        if len(members) < 2:
            continue
        # The one spelling people write, when only one is ("Prendergast", not
        # "Predergast", however often the copy misspells it); else the more frequent; on a
        # tie, the form met first.
        known = [f for f in members if zipf(f.folded) >= ATTESTED]
        attested = len(known) == 1 and all(zipf(f.folded) == 0 for f in members if f is not known[0])
        ranked = sorted(members, key=lambda f: (not (attested and f is known[0]), -len(f.occurrences), f.first))
        rest = tuple(sorted(ranked[1:], key=lambda f: f.first))
        out.append(Variants(ranked[0], rest, reasons.get(r, "spelling"), attested))
    # (first names joined and split are told apart before any surname, however short)
    out += _split_given_names(occs)
    return sorted(out, key=lambda v: v.preferred.first)


def _split_given_names(occs: list[Occurrence]) -> list[Variants]:
    """One person's first names written joined and split ("Mariaelena Castro", "Maria
    Elena Castro"): the same letters before one surname, with and without a blank or a
    hyphen."""
    by_surname: dict[str, dict[str, list[Occurrence]]] = {}
    for o in occs:
        if o.last and o.given and o.given_span != (0, 0):
            by_surname.setdefault(skeleton(fold(o.text)), {}).setdefault(o.given, []).append(o)
    out: list[Variants] = []
    for givens in by_surname.values():
        squeezed: dict[str, list[str]] = {}
        for g in givens:
            squeezed.setdefault(re.sub(r"[ -]", "", g), []).append(g)
        for spellings in squeezed.values():
            if len(spellings) < 2:
                continue
            forms = []
            for g in spellings:
                first = givens[g][0]
                lo, hi = first.given_span
                text = first.claim.text[lo - first.claim.start : hi - first.claim.start]
                form = Form(text, g)
                form.occurrences.extend(o._replace(start=o.given_span[0], end=o.given_span[1], text=text,
                                                   last=False, given="") for o in givens[g])
                forms.append(form)
            ranked = sorted(forms, key=lambda f: (-len(f.occurrences), f.first))
            out.append(Variants(ranked[0], tuple(sorted(ranked[1:], key=lambda f: f.first)),
                                "first names joined and split"))
    return out


def same_person(a: Claim, b: Claim, first_given: dict[tuple[str, str], str]) -> bool:
    """Whether two claims about a surname are one person. A bare surname stands for the
    person first introduced with it in its document (news style gives a second person
    of that surname their first name each time)."""
    if skeleton(a.subject) != skeleton(b.subject):
        return False
    ga = a.get("given", "") or first_given.get((a.document, skeleton(a.subject)), "")
    gb = b.get("given", "") or first_given.get((b.document, skeleton(b.subject)), "")
    if ga and gb:
        return _given_compatible(ga, gb)
    return True


@dataclass(frozen=True, slots=True)
class Resolution:
    """Entity resolution over every claim of a request, done once by the engine before
    the rules run: the name variants found, and the first names introduced with each
    surname (which person a bare surname stands for)."""

    variants: tuple[Variants, ...]
    first_given: dict[tuple[str, str], str]

    def same_person(self, a: Claim, b: Claim) -> bool:
        return same_person(a, b, self.first_given)


def resolve(claims: Iterable[Claim], skipped: Counter[str] | None = None) -> Resolution:
    claims = list(claims)
    first_given: dict[tuple[str, str], str] = {}
    for c in claims:
        g = c.get("given", "") if c.kind == "name" else ""
        if g and c.get("person"):
            first_given.setdefault((c.document, skeleton(c.subject)), g)
    names = [c for c in claims if c.kind == "name"]
    return Resolution(tuple(spelling_variants(names, skipped)), first_given)
