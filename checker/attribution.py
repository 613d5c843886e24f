"""Who says what: the source each sentence is attributed to, and whether it is hedged.

Sources are compared by their words, not resolved to entities: "Tykhy" and
"Heorhiy Tykhy" are the same source because one's words are a subset of the other's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from .lexicon import alternation, lexicon
from .model import Document
from .segment import Segments


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None
    cue: str | None
    hedged: bool


NONE = Attribution(None, None, False)
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")
_CLAUSE_BREAK = re.compile(r"[,;:“”\"—–()]")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = lexicon().words["attribution"]
    verbs = alternation(words["verbs"])
    return (
        re.compile(r"\baccording\s+to\s+(?P<src>[^,.;:“”\"()]{1,80})", re.I),
        re.compile(rf"(?<![\w-])(?P<verb>{verbs})(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation(words['participles'])})(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation(words['hedges'])})(?![\w-])", re.I),
    )


def source_key(phrase: str) -> str | None:
    """A comparable key for a source phrase: lowercase content words, determiners and
    generic adjectives dropped, possessives stripped."""
    lex = lexicon()
    drop = set(lex.words["attribution"]["drop"]) | lex.stop
    toks = [w.lower().rstrip(".").removesuffix("’s").removesuffix("'s") for w in _WORD.findall(phrase)]
    if "by" in toks and any(t in _documents() for t in toks[: toks.index("by")]):
        # "a statement issued by the regional police command at mid-morning": the body
        # whose document it is, up to where the phrase says when or where
        toks = toks[toks.index("by") + 1 :]
        toks = toks[: next((i for i, t in enumerate(toks) if t in ("at", "on")), len(toks))]
    kept: list[str] = []
    for t in toks:
        if t in lex.verbs or t in lex.attribution_verbs:
            break  # the subject ends where its verb begins
        if t and t not in drop:
            kept.append(t)
    return " ".join(kept[:6]) or None


def is_party(source: str | None) -> bool:
    """A source that can hold a view of its own against another: a short noun phrase
    ("police", "the organisers", "Heorhiy Tykhy", "the Bundesbank") ending in a noun,
    not a report nobody is named for, not a body's unnamed voice ("officials", "a
    spokeswoman": of whichever party), and not a phrase the cues cut badly ("stronger",
    "mln dlr", "french press indicated ilfc")."""
    from . import lexical

    if not source or source == "unnamed report":
        return False
    if source in lexicon().words["attribution"]["pronouns"]:
        return False  # "it said" with nobody named before it in the paragraph: whoever it is
    words = source.split()
    if len(words) > 6 or not all(w.replace(".", "").replace("'", "").replace("’", "").replace("-", "").isalpha()
                                 for w in words):
        return False
    for w in words:
        base = lexical.lemma_of_form(w, "v") or w
        if base != w and lexical.known(base, "v") and not lexical.known(w, "n"):
            return False  # "french press indicated ilfc": a clause, not a name
    head = words[-1]
    if _figure_word(head):
        return False  # "mln dlr": the cues cut a figure, not a name
    if len(words) == 1 and head in lexicon().words["attribution"]["voices"]:
        return False  # "officials", "a spokeswoman": a voice of no party in particular
    if lexical.known(head, "n") or lexical.known(lexical.lemma_of_form(head, "n") or head, "n"):
        return True
    # not an adjective, verb or adverb in any form ("stronger"): a name ("Staubli")
    return not any(lexical.known(lexical.lemma_of_form(head, p) or head, p) for p in ("a", "v", "r"))


def speaker(sentence: Any) -> Any:
    """The subject of a parsed sentence's speech verb: the noun next to the verb (a
    misparse may hang a second one on it: "Sea ice covered 4.28 million square
    kilometres, the data centre said"), or None."""
    from .syntax import lemma

    speech = set(lexicon().words["attribution"]["speech_lemmas"])
    for t in sentence:
        if t.pos_ == "VERB" and lemma(t) in speech:
            subjects = [c for c in t.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if subjects:
                return min(subjects, key=lambda c: abs(c.i - t.i))
    return None


def _figure_word(word: str) -> bool:
    """A scale, currency or percent word, as the number tables read them."""
    from .extract.figures import is_currency_word, is_percent_word

    return word in lexicon().numbers["scales"] or is_currency_word(word) or is_percent_word(word)


def same_source(a: str | None, b: str | None) -> bool:
    """One source's words all found in the other's ("Tykhy", "Heorhiy Tykhy"), a word
    matching when it is spelled alike ("data centre", "data center")."""
    if a is None or b is None:
        return a is b
    # (a document names its own source as written, "UK Space Agency press release"; a
    # claim's source is keyed in lower case)
    ta, tb = a.lower().split(), b.lower().split()
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(_alike(w, v) for v in large) for w in small)


def _alike(w: str, v: str) -> bool:
    return w == v or (min(len(w), len(v)) >= 5 and fuzz.ratio(w, v) >= SPELLING_SIMILARITY)


# rapidfuzz's normalized similarity (0-100) above which two words of a source's name are
# one word spelled two ways ("centre"/"center" scores 83).
SPELLING_SIMILARITY = 80


# How far around a cue its source's words are looked for: only the last or first eight
# words are kept, and reading further would make a sentence of cues quadratic.
_REACH = 240
# How many cues of one sentence are tried before giving up on it.
MAX_CUES = 16


def _before(text: str, start: int, end: int) -> str:
    """The clause that ends at `end`, back to the last clause break after `start`."""
    chunk = text[max(start, end - _REACH) : end]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        cut = m.end()
    words = _WORD.findall(chunk[cut:])
    return " ".join(words[-8:])


def _before_appositive(text: str, start: int, end: int) -> str:
    """The words before a comma-enclosed appositive that ends right before `end` ("X, a
    coalition of groups, said" gives "X"), or "" when no such appositive ends there."""
    chunk = text[max(start, end - _REACH) : end]
    if not chunk.rstrip().endswith(","):
        return ""
    breaks = list(_CLAUSE_BREAK.finditer(chunk))
    if len(breaks) < 2 or breaks[-2].group() != ",":
        return ""
    opened = breaks[-2].start()
    begin = breaks[-3].end() if len(breaks) > 2 else 0
    return " ".join(_WORD.findall(chunk[begin:opened])[-8:])


def _after(text: str, start: int, end: int) -> str:
    end = min(end, start + _REACH)
    m = _CLAUSE_BREAK.search(text, start, end)
    stop = m.start() if m else end
    return " ".join(_WORD.findall(text[start:stop])[:8])


# After these a cue word is a noun ("the notes", "after reports that"), a passive ("was
# announced": the thing announced is no source) or a relative clause ("which confirms").
_NOT_CUE_AFTER = {
    "the", "a", "an", "his", "her", "their", "its", "our", "which", "was", "were", "been",
    "being", "is", "are", "be", "after", "amid", "despite", "following", "of", "in", "on",
    "with", "without", "by", "from", "to", "for", "these", "those", "such",
}
_PRONOUNS = {"he", "she", "they", "we", "i"}
_EXPLETIVE = {"it", "is", "was", "has", "been", "had", "also", "widely"}


def _determined(text: str, pos: int) -> bool:
    """A cue word used as a noun ("the notes") or in a relative clause ("which confirms")."""
    prev = _WORD.findall(text[max(0, pos - 12) : pos])
    return bool(prev) and prev[-1].lower() in _NOT_CUE_AFTER


def _previous_chunk(text: str, start: int, end: int) -> str:
    """The clause before the one ending at `end`: an appositive ("X, the spokesman, said")."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, max(start, end - _REACH), end)]
    if len(breaks) < 1:
        return ""
    stop = breaks[-1]
    begin = breaks[-2] + 1 if len(breaks) > 1 else max(start, end - _REACH)
    return " ".join(_WORD.findall(text[begin:stop])[-8:])


class Cues:
    """Every attribution cue of one document, found by one pass per pattern (a sentence
    at a time, four case-insensitive patterns cost more than all the rest of attribution)."""

    __slots__ = ("according", "hedges", "participles", "verbs")

    def __init__(self, text: str) -> None:
        from .extract.casescan import lowered  # the extract package imports this module

        low = lowered(text)
        self.according, self.verbs, self.participles, self.hedges = (
            _Hits(scan.finditer(text, low)) for scan in _scans()
        )


class _Hits:
    __slots__ = ("matches", "starts")

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches
        self.starts = [m.start() for m in matches]

    def within(self, start: int, end: int) -> list[re.Match[str]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.matches) and self.starts[i] < end:
            if self.matches[i].end() <= end:
                out.append(self.matches[i])
            i += 1
        return out


@cache
def _scans() -> tuple[Any, ...]:
    from .extract.casescan import CaseScan

    return tuple(CaseScan(p) for p in _patterns())


@cache
def _documents() -> frozenset[str]:
    return frozenset(lexicon().words["attribution"]["documents"])


def attribute_span(text: str, start: int, end: int, cues: Cues | None = None) -> Attribution:
    cues = cues or Cues(text[:end])
    hedged = bool(cues.hedges.within(start, end))
    found = cues.according.within(start, end)
    if found:
        return Attribution(source_key(found[0].group("src")), "according to", hedged)
    for m in cues.verbs.within(start, end)[:MAX_CUES]:
        if _determined(text, m.start()):
            continue
        verb = m.group("verb")
        if verb[0].isupper() and verb[1:].islower() and text[start : m.start()].strip(" \t\n\"“‘'("):
            continue  # "sailed for Port Said": a capital inside a sentence makes it a name

        before = _before(text, start, m.start())
        last = before.lower().rsplit(" ", 1)[-1] if before else ""
        if last == "it" or last in _PRONOUNS:
            # "For the year it reported", "it said": the pronoun right before the verb is
            # its subject, a source named earlier (resolved by attribute())
            return Attribution(last, m.group("verb").lower(), hedged)
        if before and set(before.lower().split()) <= _EXPLETIVE:
            return Attribution("unnamed report", m.group("verb").lower(), True)
        if before and source_key(before) is None and set(before.lower().split()) & _documents():
            # "the statement said": the body whose statement it is, named before
            return Attribution("it", m.group("verb").lower(), hedged)
        src = source_key(before)
        if src is None and not before:
            # "Organisers, a coalition of student groups, said": the verb's subject stands
            # before the appositive that describes it, and is the source
            src = source_key(_before_appositive(text, start, m.start()))
        if src is None:
            after = _after(text, m.end(), end)
            if after.lower().startswith("that") or not after:
                src = source_key(_previous_chunk(text, start, m.start()))
            else:
                src = source_key(after)
        if src is not None:
            return Attribution(src, m.group("verb").lower(), hedged)
    participles = cues.participles.within(start, end)
    if participles:
        m = participles[0]
        head = _CLAUSE_BREAK.search(text, start, end)
        subject = text[start : head.start() if head else m.start()]
        src = source_key(" ".join(_WORD.findall(subject)[:8]))
        if src:
            return Attribution(src, m.group(0).lower(), hedged)
    if hedged:
        return Attribution("unnamed report", "hedge", True)
    return NONE


def attribute(segs: Segments, cues: Cues | None = None) -> list[Attribution]:
    """One attribution per sentence. A quotation takes the attribution written next to it,
    so every sentence inside "“A. B,” Tykhy said." is Tykhy's."""
    text = segs.text
    cues = cues or Cues(text)
    pronouns = set(lexicon().words["attribution"]["pronouns"])
    out: list[Attribution] = []
    last_named: dict[int, str] = {}
    named = ""  # the last source named anywhere before: a wire story's "it said" is its company's
    seen: list[str] = []
    opaque = False  # a source named by a name that says no kind of body ("Porsche AG") came before
    first_named: dict[str, int] = {}

    def named_before(word: str, end: int) -> bool:
        """The copy named a body with this word before ("the Northgate NHS Trust",
        "Police"), so "the trust said" is that body, a source of its own. Where the word
        is first written with a capital is looked up once per document, not per sentence."""
        if word not in first_named:
            m = re.search(rf"\b{re.escape(word.capitalize())}\b", text)
            first_named[word] = m.start() if m else len(text)
        return first_named[word] < end
    for s in segs.sentences:
        att = attribute_span(text, s.start, s.end, cues)
        for qs, qe in segs.quotes:
            if qs < s.end and s.start < qe:
                tail = segs.sentence_at(max(qe - 1, s.start))
                outside = attribute_span(text, qe, tail.end, cues)
                if outside.source is None:
                    head = segs.sentence_at(qs)
                    outside = attribute_span(text, head.start, qs, cues)
                if outside.source is not None:
                    att = outside
        if att.source in pronouns:
            prev = last_named.get(s.paragraph) or last_named.get(s.paragraph - 1) or named
            att = Attribution(prev or att.source, att.cue, att.hedged)
        elif att.source is not None and _generic_body(att.source):
            # "the board said": the body named before with that word ("the Clydeside health
            # board"); with none ("Porsche AG ... the company said") it cannot be told apart
            # from the sources before it, so it disputes none of them
            body = [w for w in att.source.split() if "group" in _domains(w)]
            earlier = next((n for n in reversed(seen) if body and body[-1] in n.split()), None)
            if earlier:
                att = Attribution(earlier, att.cue, att.hedged)
            elif opaque and _anaphoric(text[s.start : s.end], body[-1]) and not named_before(body[-1], s.start):
                att = NONE
            else:
                seen.append(att.source)  # "the union said ... the company said": two bodies
            if att.source is not None:
                # "the army said ... it said": a body named by a common noun is as much
                # what a later pronoun points back to as one named by its name
                last_named[s.paragraph] = att.source
                named = att.source
        elif att.source is not None:
            last_named[s.paragraph] = att.source
            if att.source != "unnamed report":
                named = att.source
                seen.append(att.source)
                # a name that says what kind of body it is ("the Social Alliance") is
                # none of "the ministry"; one that does not ("Porsche AG") may be "the company"
                opaque = opaque or (_is_named(text[s.start : s.end], att.source)
                                    and not any("group" in _domains(w) for w in att.source.split()))
        out.append(att)
    return out


def _generic_body(source: str) -> bool:
    """A source named by a common noun for an organisation ("the company", "the federal
    agency", "a company spokesman"): the body named last, as a definite noun phrase in news
    refers back. No word of it is a name."""
    from . import lexical

    words = source.split()
    if not words or not all(lexical.known(w, "n") or lexical.known(w, "a") for w in words):
        return False
    # "the interior ministry", "the health board": a noun before it says which body
    if any(lexical.known(w, "n") for w in words[:-1]):
        return False
    return "group" in _domains(words[-1])


def _is_named(sentence: str, source: str) -> bool:
    """A source written with a capital inside its sentence ("Porsche AG said", "Statistics
    Canada said"), not a common noun ("the mayor said"); a sentence's first word does not
    count, since it is capitalised anyway."""
    for w in source.split():
        m = re.search(rf"\b{re.escape(w)}\b", sentence, re.I)
        if m and m.start() > 0 and sentence[m.start()].isupper():
            return True
    return False


def _anaphoric(sentence: str, word: str) -> bool:
    """"the company", "a company spokesman": a noun phrase pointing back; bare "Police"
    names an institution of its own."""
    return re.search(rf"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+)?{re.escape(word)}", sentence, re.I) is not None


def _domains(word: str) -> frozenset[str]:
    from . import lexical

    return lexical.noun_domains(word, senses=1)


def document_source(doc: Document | None) -> str | None:
    """The source a document names for itself, unless it is one of the newsroom's own
    channels (lexicon.toml [attribution] channels: "staff", "draft", "desk" ...), which
    vouch for nothing beyond the copy itself, or only a kind of document ("press
    release"), which does not say whose it is."""
    if doc is None or not doc.source or not doc.source.strip():
        return None
    words = set(re.findall(r"[a-zé]+", doc.source.lower()))
    if words & _channels():
        return None
    if words <= frozenset(lexicon().words["attribution"]["genres"]):
        return None  # "press release": whose, it does not say
    return doc.source.strip()


@cache
def _channels() -> frozenset[str]:
    return frozenset(lexicon().words["attribution"]["channels"])
