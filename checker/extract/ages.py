"""Age claims: "Jane Doe, 63,", "the 36-year-old Doe", "Doe, aged 63", "when he was 49".

An age is turned into an interval of birth years (age 63 in 2024: born 1960 or 1961),
so ages stated at different times can be compared.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Claim, Interval, Span
from .context import SentenceContext
from .numbers import value_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# A name starts at a word's start: without the lookbehind, a failed attempt inside a long
# capitalized run is retried at every letter of it (quadratic on "AAAA...").
_NAME = r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w’'-]+){0,3})"
_AGE = r"(?P<age>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
_PREPOSITIONS = r"(?:from|of|in|at|on|with|for|to|by|near|outside|inside|into|after|before|during)"
_PATTERNS = (
    re.compile(rf"{_NAME},[ \t]+{_AGE},"),
    re.compile(rf"{_NAME},[ \t]+aged[ \t]+{_AGE}\b"),
    re.compile(rf"{_NAME},[ \t]+(?:a|an|the|who[ \t]+is|now)[ \t]+{_AGE}-year-old\b"),
    # "the 36-year-old Doe", "that 19-year-old striker Tiago Mendonça would": a determiner,
    # or none after a word that is not one
    # ("a 58-year-old man from Ashford": a place after a preposition is no name)
    re.compile(rf"(?:\b(?i:the|a|an)[ \t]+|(?<=[a-z][ \t]))(?P<age4>)?{_AGE}-year-old[ \t]+"
               rf"(?:(?!{_PREPOSITIONS}\b)[a-z]+[ \t]+){{0,2}}?{_NAME}"),
    re.compile(rf"{_NAME}[ \t]+(?:died|dies|retired|retires)[ \t]+(?:on[ \t]+\w+[ \t]+)?at[ \t]+(?:the[ \t]+age[ \t]+of[ \t]+)?{_AGE}\b"),
    re.compile(rf"\bwhen[ \t]+(?P<pron>he|she)[ \t]+was[ \t]+{_AGE}\b"),
    # "The 44-year-old was ...", "the judge said the 42-year-old had shown ...": an age as
    # a clause's subject refers to the person the story is about.
    re.compile(rf"(?<![\w’'-])(?:The|the)[ \t]+{_AGE}-year-old\b(?![ \t]+[A-Z])"),
    # "Vossberg was first elected in 2003, at the age of 34": dated by the sentence's year.
    re.compile(rf"\bat[ \t]+the[ \t]+age[ \t]+of[ \t]+{_AGE}\b"),
)
# A literal each pattern needs: patterns whose literal is absent are not run at all.
_NEEDS = (",", "aged", "-year-old", "-year-old", "", "when", "-year-old", "age of")
_WHEN = 5  # "when he was 49": the person last given an age
_OPENING = 6  # "The 47-year-old has been held ...": the person the story is about
_DATED = {5, 7}  # patterns whose sentence year dates the age ("in 2010, when he was 49")
# A person named in full: two or three capitalized words, the last a surname.
_FULL_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z’'-]+){1,2}\b")
_YEAR = re.compile(r"\b(?:in|of|since|during)[ \t]+(?P<y>1[89]\d\d|20\d\d)\b", re.I)
_TITLES = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|President|Prime[ \t]+Minister|Minister|Judge|Justice|Senator|Sen|Rep|Gov|Governor|General|Gen|Col|Colonel|Captain|Capt|Chancellor|Mayor|Coach|Chief|Sir|Dame|Lord|Lady|King|Queen|Pope|Archbishop|Bishop|Father|Sister|Brother)\.?[ \t]+)+"
)
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "He", "She", "They", "It", "But", "And", "When", "After", "Before", "Meanwhile"}


def fold_word(word: str) -> str:
    from ..fold import fold

    return fold(word)


def person_key(name: str) -> tuple[str, str]:
    """(surname, given names) folded for comparison."""
    from ..fold import fold

    clean = _TITLES.sub("", name.strip())
    # "Hungary's Lena Varga": a possessive before the name is not part of it.
    parts = [p for p in clean.split() if not p.endswith(("'s", "’s"))]
    if not parts:
        return "", ""
    return fold(parts[-1]), " ".join(fold(p) for p in parts[:-1])


def _named_before(ctx: SentenceContext, upto: int) -> str:
    """The last person named before `upto`, in this sentence or the one before: a full
    name, or a surname this document has already given an age ("Averill, 54, ... The
    47-year-old")."""
    segs = ctx.segments
    lo = segs.sentences[max(0, ctx.sentence.index - 1)].start
    known: set[str] = ctx.state.get("surnames", set())
    names = [(m.start(), m.group(0)) for m in _FULL_NAME.finditer(ctx.text, lo, upto)]
    names = [(s, n) for s, n in names if n.split()[0] not in _NOT_NAMES]
    names += [(m.start(), m.group(0)) for m in _CAPITALIZED.finditer(ctx.text, lo, upto) if fold_word(m.group(0)) in known]
    return max(names)[1] if names else ""


def _topic(ctx: SentenceContext, upto: int) -> str:
    """The person a story is about so far: the surname of a full name mentioned most often
    before `upto` (ties: the latest). "The 34-year-old" opening a sentence refers to the
    story's subject, not to the last person who happened to be named."""
    text = ctx.text[:upto]
    full = {m.group(0).split()[-1]: m.group(0) for m in _FULL_NAME.finditer(text) if m.group(0).split()[0] not in _NOT_NAMES}
    # A person already given an age is who "the 67-year-old" goes on about: capitalized
    # runs ("Acting Kursk", "Yet Labour's") are no one, and a story gives ages to the people
    # it is about.
    aged = {s: n for s, n in full.items() if fold_word(s) in ctx.state.get("surnames", set())}
    full = aged or full
    if not full:
        return ""
    counts = {s: len(re.findall(rf"\b{re.escape(s)}\b", text)) for s in full}
    last = {s: text.rfind(s) for s in full}
    best = max(full, key=lambda s: (counts[s], last[s]))
    return full[best]


_CAPITALIZED = re.compile(r"\b[A-Z][a-z’'-]{2,}\b")


def _subject_of_clause(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether "the 42-year-old" at text[start:end] is a clause's subject ("the
    42-year-old had shown", "The 44-year-old, who lived ..., showed"): a person referred
    to by age alone, not an age before a noun or an aside about someone else."""
    if start == ctx.sentence.start or ctx.text[ctx.sentence.start : start].strip() in ("", "“", '"'):
        return True
    old = ctx.parsed.token_at(end - 1)
    if old is not None and old.dep_ in ("nsubj", "nsubj:pass"):
        return True
    nxt = next((t for t in ctx.parsed if ctx.parsed.start_of(t) >= end), None)
    return nxt is not None and nxt.pos_ in ("VERB", "AUX")


def _age_value(raw: str) -> float | None:
    if raw.isdigit():
        v = float(raw)
    else:
        v = value_words(raw) or 0.0
    return v if 0 < v < 125 else None


def _of_this_clause(t: Token, verb: Token) -> bool:
    """Whether t belongs to verb's own clause, not to a clause joined to it ("was born in
    Puerto Montt and worked as a journalist before publishing her first novel in 2016")."""
    cur = t
    while cur != verb and cur.head != cur:
        if cur.dep_ in ("conj", "advcl", "ccomp", "acl:relcl", "parataxis", "xcomp", "acl"):
            return False
        cur = cur.head
    return cur == verb


def _birth_years(ctx: SentenceContext, last_person: dict[str, str]) -> list[Claim]:
    """A year of birth read from the parse: "Okonjo was born in 1958", "Okafor, born in
    Lagos in 1979,", "She was born on 3 May 1966". Whose birth it is comes from the
    participle's subject, the name it is set beside, or, for "he"/"she", the person last
    given an age."""
    out: list[Claim] = []
    sent = ctx.parsed
    for tok in sent:
        if tok.lower_ != "born" or tok.tag_ != "VBN":
            continue
        years = [t for t in tok.subtree if t.like_num and t.text.isdigit() and len(t.text) == 4
                 and 1850 <= int(t.text) <= 2030 and t.i > tok.i and _of_this_clause(t, tok)]
        if len(years) != 1:
            continue  # no year, or a range of them: nothing to compare
        subj = next((c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
        if subj is None and tok.dep_ in ("acl", "amod", "appos", "advcl", "acl:relcl") and tok.head.pos_ == "PROPN":
            subj = tok.head
        if subj is None and tok.dep_ == "advcl":
            # "Okafor, born in Lagos in 1979, is a striker": a participle adjunct's
            # understood subject is its clause's
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and subj.lower_ in ("who", "that"):
            # "Rotich, who was born in 2001, ...": the relative pronoun's noun, or, where the
            # parser made the relative clause the sentence, the name left hanging before it
            before = [c for c in tok.children if c.i < subj.i and c.pos_ == "PROPN"]
            subj = tok.head if tok.dep_ in ("acl:relcl", "advcl:relcl") else (before[-1] if before else None)
        if subj is None:
            continue
        if subj.lower_ in ("he", "she"):
            name = last_person.get("name", "")
        elif subj.pos_ == "PROPN" or (subj.text[:1].isupper() and fold_word(subj.text) in ctx.state.get("surnames", set())):
            # (a surname the tagger did not know, already given an age: "Okonjo was born")
            run = [c for c in subj.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
            name = " ".join(t.text for t in sorted([*run, subj], key=lambda t: t.i))
        else:
            continue
        surname, given = person_key(name) if name else ("", "")
        if not surname:
            continue
        y = years[0]
        a, b = sent.start_of(y), sent.end_of(y)
        year = int(y.text)
        out.append(Claim(
            kind="age",
            span=Span(ctx.doc.id, a, b, ctx.text[a:b]),
            value=Interval(year, year),
            unit="birth year",
            normalized=f"born in {year}",
            subject=surname,
            attribute="age",
            source=None,
            sentence=ctx.sentence.index,
            paragraph=ctx.sentence.paragraph,
            data=(("given", given), ("age", None), ("as_of", year), ("name", name)),
        ))
    return out


def _age_claim(ctx: SentenceContext, start: int, end: int, age: float, as_of: int, subject: str,
               data: tuple[tuple[str, object], ...]) -> Claim:
    """An age of `age` years in `as_of` (the publication year, or the sentence's), as the
    interval of birth years it allows. Its source is the reporter's: an age in apposition
    is not what a speaker claims."""
    s = ctx.sentence
    return Claim(
        kind="age",
        span=Span(ctx.doc.id, start, end, ctx.text[start:end]),
        value=Interval(as_of - age - 1, as_of - age),
        unit="birth year",
        normalized=f"{age:g} years old" + (f" in {as_of}" if as_of else ""),
        subject=subject,
        attribute="age",
        source=None,
        sentence=s.index,
        paragraph=s.paragraph,
        data=(("age", age), ("as_of", as_of), *data),
    )


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
        dated = any(pat is _PATTERNS[i] for i in _DATED)
        as_of = int(year_m.group("y")) if year_m and dated else pub_year
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
                if pat is _PATTERNS[_WHEN]:
                    name = last_person.get("name", "")
                elif pat is _PATTERNS[_OPENING]:
                    if not _subject_of_clause(ctx, m.start(), m.end()):
                        continue  # "the 61-year-old victim", "the 61-year-old, a nurse": someone else
                    name = _topic(ctx, m.start())
                else:
                    name = _named_before(ctx, m.start())
                if not name:
                    continue
            surname, given = person_key(name)
            if not surname:
                continue
            last_person["name"] = name
            ctx.state.setdefault("surnames", set()).add(surname)
            seen.add(m.start("age"))
            a, b = m.start("age"), m.end("age")
            span_end = b + (len("-year-old") if text.startswith("-year-old", b) else 0)
            out.append(_age_claim(ctx, a, span_end, age, as_of, surname, (("given", given), ("name", name))))
    if s.index == 0:
        out += _lede_ages(ctx, seen, as_of=pub_year)
    out += _described_ages(ctx, seen, as_of=pub_year)
    return out + _birth_years(ctx, last_person)


# "the 63-year-old driver" and "The driver, a 58-year-old man": a person the story names
# only by a role noun, given an age; the role is the key.
_DESCRIBED = re.compile(rf"\b(?:the|The)[ \t]+{_AGE}-year-old[ \t]+(?P<role>[a-z]+)\b(?![ \t]+(?:[A-Z]|of\b))")
_APPOSED = re.compile(rf"\b(?:the|The)[ \t]+(?P<role>[a-z]+),[ \t]+(?:a|an)[ \t]+{_AGE}-year-old\b")


def _introductions(ctx: SentenceContext, role: str) -> int:
    """How many people the story introduces with this role noun ("a 30-year-old man ...
    police arrested a 45-year-old man": two; "both drivers": two)."""
    key = ("role_intros", role)
    if key not in ctx.state:
        one = re.findall(rf"\b(?:[Aa]n?|[Aa]nother|[Ss]econd)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{role}\b", ctx.text)
        # "both drivers", "the two drivers": more than one ("coach drivers" in general is not)
        many = re.findall(rf"\b(?:[Bb]oth|two|three|four|\d+)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{role}s\b", ctx.text)
        ctx.state[key] = len(one) + 2 * len(many)
    return int(ctx.state[key])


def _described_ages(ctx: SentenceContext, seen: set[int], as_of: int) -> list[Claim]:
    """Ages of a person the story names only by a role ("the 63-year-old driver", "The
    driver, a 58-year-old man"), keyed by the role within its document. A role noun that
    introduces two people is skipped: "the 45-year-old man" after two men were introduced
    could be either."""
    from .. import lexical

    s, text = ctx.sentence, ctx.text
    out: list[Claim] = []
    for pat in (_DESCRIBED, _APPOSED):
        for m in pat.finditer(text, s.start, s.end):
            role = m.group("role")
            if m.start("age") in seen or "person" not in lexical.noun_domains(role):
                continue
            if _introductions(ctx, role) > 1:
                ctx.skip("age of a role noun that names two people")
                continue
            age = _age_value(m.group("age"))
            if age is None:
                continue
            seen.add(m.start("age"))
            a, b = m.start("age"), m.end("age")
            b += len("-year-old") if text.startswith("-year-old", b) else 0
            # the document's own: a role noun is no name to carry to another story
            out.append(_age_claim(ctx, a, b, age, as_of, f"the {role} ({ctx.doc.id})",
                                  (("given", ""), ("name", f"the {role}"), ("described", True))))
    return out


_LEDE_AGE = re.compile(rf"\b(?:a|an)[ \t]+{_AGE}-year-old\b")


def _lede_ages(ctx: SentenceContext, seen: set[int], as_of: int) -> list[Claim]:
    """"Police charged a 42-year-old dock worker ..." and, a sentence or two on, "Daniel
    Okafor, who was arrested ...": the age of the lede's unnamed person is the named one's
    (checker/extract/descriptions.py finds the pair)."""
    from .descriptions import lede_subject

    s, text = ctx.sentence, ctx.text
    out: list[Claim] = []
    for m in _LEDE_AGE.finditer(text, s.start, s.end):
        if m.start("age") in seen:
            continue
        lede = lede_subject(ctx, ("nsubj", "nsubj:pass", "obj"))
        if lede is None or not 0 <= lede[0] - m.end() <= 30:
            continue  # the age of someone else than the lede's person
        subj = lede[2]
        doc = subj.doc
        lo, hi = subj.i, subj.i  # the run of proper nouns the name's head is in
        while lo > subj.sent.start and doc[lo - 1].pos_ == "PROPN":
            lo -= 1
        while hi + 1 < subj.sent.end and doc[hi + 1].pos_ == "PROPN":
            hi += 1
        name = " ".join(w.text for w in doc[lo : hi + 1])
        age = _age_value(m.group("age"))
        surname, given = person_key(name)
        if age is None or not surname:
            continue
        seen.add(m.start("age"))
        ctx.state.setdefault("surnames", set()).add(surname)
        out.append(_age_claim(ctx, m.start("age"), m.end(), age, as_of, surname,
                              (("given", given), ("name", name), ("described", True))))
    return out
