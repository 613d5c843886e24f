"""What a definite description stands for: "the athlete" after "Kenyan sprinter Amos
Mwangi", "the minister" after "Defence Minister Okafor", "the unit" after "Ward 306, an
elderly care unit".

Copy names a person or a thing once and then refers to it by what it is. A clause about
"the athlete" and one about "Mwangi" are about one person only when the copy has said
that Mwangi is an athlete (or a kind of one: a sprinter), and said it of no one else. The
descriptions come from the parse: a common noun compounded before a name ("sprinter Amos
Mwangi"), set beside it as an apposition ("Mwangi, a sprinter"; "the club's captain,
Jones"), or predicated of it ("Mwangi is a sprinter"), with the words that narrow it
("the former investment director" stands for "Harlow, a former investment director"; "the
deputy minister" does not stand for "Minister Okafor"). A broader common noun takes up
the one earlier subject or object that is a kind of it ("the vessel" after "the tanker").
Ambiguity resolves to nothing: two described athletes leave "the athlete" as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexical
from ..scope import TIME_NOUNS
from ..syntax import child, lemma

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from .context import SentenceContext

_STATE_KEY = "descriptions"
_LEDE_KEY = "lede_name"
_LEDE_SUBJECT = "lede_subject"
_NOUNS_KEY = "described_nouns"
_PENDING_KEY = "described_nouns_pending"
# Determiners that point back at one thing already named.
_POINTING = frozenset({"the", "this", "that"})


def _described_noun(t: Token) -> str:
    """The lemma of a common noun that can describe a name, or ""."""
    low = lemma(t).lower()
    if t.pos_ not in ("NOUN", "PROPN") or not lexical.known(low, "n"):
        return ""
    return low


def _modifiers(t: Token) -> frozenset[str]:
    """The words that narrow a noun: "former investment (director)", "deputy (minister)"."""
    return frozenset(lemma(c).lower() for c in t.children if c.dep_ in ("compound", "amod", "nmod:desc"))


Description = tuple[str, frozenset[str]]


def note(ctx: SentenceContext, key: Callable[[Token], str]) -> None:
    """Record the descriptions this sentence gives of names, under each name's key: each
    the describing noun and the words that narrow it."""
    table: dict[str, set[Description]] = ctx.state.setdefault(_STATE_KEY, {})
    for t in ctx.parsed:
        if t.pos_ != "PROPN" or t.dep_ in ("compound", "flat", "flat:name") or t.lower_ in TIME_NOUNS:
            continue  # a day or month is no name a description stands for ("On Sunday the unit")
        found: list[Token] = []
        for c in t.children:
            if c.dep_ in ("compound", "nmod:desc") and c.i < t.i and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.text[:1].isupper())):
                found.append(c)  # "sprinter Amos Mwangi", "Defence Minister Okafor"
            elif c.dep_ == "appos" and c.pos_ == "NOUN":
                found.append(c)  # "Mwangi, a sprinter"
        if t.dep_ == "appos" and t.head.pos_ == "NOUN":
            found.append(t.head)  # "the club's captain, Jones"
        if t.head != t:
            # "Okafor, the minister, spoke": the parser may make both the subject
            found += [c for c in t.head.children if c.dep_ == t.dep_ and c.pos_ == "NOUN"
                      and abs(c.i - t.i) <= 3 and any(x.is_punct for x in t.doc[min(c.i, t.i):max(c.i, t.i)])]
        if t.dep_ in ("nsubj",) and t.head.pos_ == "NOUN" and child(t.head, "cop") is not None:
            found.append(t.head)  # "Mwangi is a sprinter"
        kept = {(_described_noun(c), _modifiers(c)) for c in found}
        kept = {(d, m) for d, m in kept if d and "time" not in lexical.noun_domains(d)}
        if kept:
            table.setdefault(key(t), set()).update(kept)
    # common nouns named as a clause's subject or object: "the vessel" may take up "the
    # tanker" later (the sentence's own nouns join after it, so that a word is first in
    # its own sentence)
    nouns: dict[str, str] = ctx.state.setdefault(_NOUNS_KEY, {})
    for word, k in ctx.state.pop(_PENDING_KEY, ()):
        nouns.setdefault(word, k)
    ctx.state[_PENDING_KEY] = [(lemma(t).lower(), key(t)) for t in ctx.parsed
                               if t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubj:pass", "obj")]


_SUBJECTS = ("nsubj", "nsubj:pass")


def _indefinite_person(t: Token, roles: tuple[str, ...] = _SUBJECTS) -> bool:
    return t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ in roles \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) \
        and "person" in lexical.noun_domains(lemma(t).lower())


def _introduced(t: Token) -> bool:
    """A name set out as a story names the person its first sentence described: with an
    age beside it ("Helen Harlow, 54,") or a clause on who the person is ("who oversaw")."""
    return any((c.dep_ in ("appos", "amod", "nummod") and c.like_num) or c.dep_ == "acl:relcl" for c in t.children)


def lede_subject(ctx: SentenceContext, roles: tuple[str, ...] = _SUBJECTS) -> tuple[int, Token, Token] | None:
    """The story's delayed identification: a first sentence about "a former investment
    director" and a second or third sentence that opens on the name ("Helen Harlow, 54,
    who oversaw ..."). News names the person of the lede this way; the offset of the lede's
    noun, that noun, and the name's head, or None. `roles`: the lede noun's relations to its
    verb (an object too where an age marks it a person: "police charged a 42-year-old dock
    worker")."""
    cache = f"{_LEDE_SUBJECT} {' '.join(roles)}"
    if cache in ctx.state:
        return ctx.state[cache]
    found: tuple[int, Token, Token] | None = None
    sentences = ctx.document.parse.sentences
    # a headline above the story ("Ex-pension chief bailed in 4.6m fraud case", with no
    # closing stop) is not its first sentence
    lede_at = 1 if len(sentences) > 1 and not sentences[0].span.text.rstrip().endswith((".", "!", "?", '"', "\u201d")) else 0
    if sentences:
        first = sentences[lede_at]
        noun = next((t for t in first if _indefinite_person(t, roles)), None)
        if noun is not None:
            for later in sentences[lede_at + 1 : lede_at + 3]:
                # ("Daniel Okafor, who ..., is due to appear": the parser's outer subject)
                subj = next((t for t in later if t.dep_ in (*_SUBJECTS, "nsubj:outer")), None)
                if subj is not None and subj.pos_ == "PROPN" and _introduced(subj):
                    found = (first.start_of(noun), noun, subj)
                    break
    ctx.state[cache] = found
    return found


def lede_name(ctx: SentenceContext, key: Callable[[Token], str]) -> tuple[int, str] | None:
    """The lede's person (lede_subject) as the offset of its noun and the key of its name;
    the noun is noted as a description of that name."""
    if _LEDE_KEY in ctx.state:
        return ctx.state[_LEDE_KEY]
    found: tuple[int, str] | None = None
    lede = lede_subject(ctx)
    if lede is not None:
        at, noun, subj = lede
        found = (at, key(subj))
        table: dict[str, set[Description]] = ctx.state.setdefault(_STATE_KEY, {})
        table.setdefault(found[1], set()).add((lemma(noun).lower(), _modifiers(noun)))
    ctx.state[_LEDE_KEY] = found
    return found


def referent(ctx: SentenceContext, noun: Token | None) -> str | None:
    """The key of the one name this definite, singular common noun describes, or None."""
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ in _POINTING for c in noun.children):
        return None
    if any(c.dep_ in ("nmod:poss", "nmod") for c in noun.children):
        return None  # "the club's captain": a relation
    word = lemma(noun).lower()
    # narrowing words must be the description's own: "the former investment director"
    # after "Harlow, a former investment director"; "the deputy minister" is someone else
    mods = _modifiers(noun)
    table: dict[str, set[Description]] = ctx.state.get(_STATE_KEY, {})
    hits = [name for name, descs in table.items()
            if any((d == word or lexical.kind_of(d, word) is not None) and mods <= m for d, m in descs)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        return None
    # a broader word for one thing named before ("the tanker" ... "the vessel"), when the
    # word itself has not been used and only one earlier noun is a kind of it
    nouns: dict[str, str] = ctx.state.get(_NOUNS_KEY, {})
    if word in nouns or mods:
        return None
    kinds = {k for n, k in nouns.items() if n != word and (lexical.kind_of(n, word) or 0) > 0}
    return next(iter(kinds)) if len(kinds) == 1 else None
