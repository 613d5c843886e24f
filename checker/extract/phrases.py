"""Noun phrases and predicates around a figure: what a number counts or measures.

No tagger is used: a noun phrase after a number is the run of words up to a function
word or a known verb, and its head is its last word (English noun phrases are
head-final). Predicates come from the event classes in lexicon.toml.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lexicon import lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_GAP = re.compile(r"[ \t]*(?:-[ \t]*)?")  # not "[ \t]*-?[ \t]*": n ways to split n blanks
_CLAUSE = re.compile(r"[,;:()“”\"—–]|\s(?:and|but|while|whereas|although|though)\s")
MAX_NP = 4


@dataclass(frozen=True, slots=True)
class Phrase:
    head: str  # normalized subject key ("troop")
    modifiers: frozenset[str]
    start: int
    end: int
    event: str | None = None  # an event word inside the phrase ("job cuts", "confirmed cases")


def singular(word: str) -> str:
    lex = lexicon()
    w = word.lower()
    irregular = lex.words["nouns"]["irregular"]
    if w in irregular:
        base = irregular[w]
    elif len(w) > 4 and w.endswith("ies"):
        base = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        base = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        base = w[:-1]
    else:
        base = w
    return lex.words["nouns"]["synonyms"].get(base, base)


def _is_np_word(word: str) -> bool:
    lex = lexicon()
    w = word.lower()
    if w in lex.stop or w in lex.verbs or w in lex.attribution_verbs:
        return False
    if w in lex.predicate_of and w.endswith(("ed", "ing", "wn", "en")):
        return False  # "killed", "wounding": the event, not the thing counted
    return not (w.endswith("ly") and len(w) > 4)


def _participle_modifier(text: str, m: re.Match[str], end: int) -> bool:
    """"38 confirmed cases": an event word used as a modifier, followed by a noun."""
    w = m.group(0).lower()
    if w not in lexicon().predicate_of or not w.endswith("ed"):
        return False
    g = _GAP.match(text, m.end(), end)
    nxt = _WORD.match(text, g.end() if g else m.end(), end)
    return nxt is not None and _is_np_word(nxt.group(0)) and not nxt.group(0).lower().endswith("ed")


def noun_phrase_at(text: str, pos: int, end: int) -> Phrase | None:
    """The noun phrase starting at pos (after blanks or a hyphen)."""
    words: list[re.Match[str]] = []
    p = pos
    while len(words) < MAX_NP:
        g = _GAP.match(text, p, end)
        q = g.end() if g else p
        m = _WORD.match(text, q, end)
        if m is None:
            break
        if not _is_np_word(m.group(0)):
            if not _participle_modifier(text, m, end):
                break
        elif words and m.group(0).lower().endswith(("ed", "ing")) and not m.group(0)[0].isupper():
            break  # "trucks carried flour", "a front stretching": after a noun, its verb
        if words and m.group(0)[0].isupper() and not words[-1].group(0)[0].isupper():
            break  # "troops Russia ..." : a new phrase starts
        words.append(m)
        p = m.end()
    if not words:
        return None
    if len(words) > 1 and words[-1].group(0).lower().endswith("ed"):
        words.pop()  # "1,500 troops withdrawn": the head is a noun, not a participle
    head_word = words[-1].group(0)
    if head_word.lower().endswith("ed") or head_word.lower() in lexicon().not_subjects:
        return None
    mods = frozenset(w.group(0).lower() for w in words[:-1])
    lex = lexicon()
    if len(words) > 1 and head_word.lower() in lex.predicate_of:
        # "1,300 job cuts": the thing counted is jobs; "cuts" is the event.
        modifier = words[-2].group(0)
        if _is_np_word(modifier) and modifier.lower() not in lex.predicate_of:
            return Phrase(singular(modifier), mods - {modifier.lower()}, words[0].start(), words[-1].end(), lex.predicate_of[head_word.lower()])
    return Phrase(singular(head_word), mods, words[0].start(), words[-1].end())


_OF = re.compile(r"[ \t]+(?:of|in)[ \t]+(?P<det>the|them|those|these|its|their|whom|which|our|his|her)?[ \t]*")


def phrase_after(text: str, pos: int, end: int, allow_in: bool = False) -> tuple[Phrase | None, bool]:
    """The thing a figure ending at pos is about, and whether it is partitive
    ("74 of the settlements": a part of a set named elsewhere)."""
    np = noun_phrase_at(text, pos, end)
    if np is not None:
        return np, False
    m = _OF.match(text, pos, end)
    if m is None or (not allow_in and m.group(0).strip().startswith("in")):
        return None, False  # "$3bn in aid" names the money's use; "46C in Cordoba" a place
    partitive = m.group("det") is not None
    np = noun_phrase_at(text, m.end(), end)
    if np is not None and m.group(0).strip().startswith("in") and np.head in _TIME_NOUNS:
        return None, False  # "$2.3bn in the three months": a period, not what the money is
    return np, partitive


_TIME_NOUNS = {"day", "week", "month", "year", "quarter", "half", "period", "season", "decade", "hour", "minute"}


_BEFORE = re.compile(
    r"(?P<noun>[^\W\d_]+)(?:[ \t]+(?:rate|level|figure|total|count|toll|value|price))?"
    r"[ \t]+(?:of|at|was|is|were|are|stood[ \t]+at|reached|hit|totalled|totaled|came[ \t]+to|"
    r"amounted[ \t]+to|worth|valued[ \t]+at|totalling|totaling|measuring|spanning|covering)"
    r"[ \t]+(?:[^\W\d_]+[ \t]+){0,2}$"
)


def phrase_before(text: str, start: int, begin: int) -> Phrase | None:
    """A noun that a figure is predicated of: "a distance of 15 km", "turnout was 61%"."""
    window = text[max(begin, start - 60) : start]
    m = _BEFORE.search(window)
    if m is None:
        return None
    noun = m.group("noun")
    if not _is_np_word(noun) or noun.lower() in lexicon().not_subjects:
        return None
    s = start - len(window) + m.start("noun")
    return Phrase(singular(noun), frozenset(), s, s + len(noun))


NEAR = 12  # words read on each side of a figure for its event and context


class Clauses:
    """The clause breaks and words of one sentence, found once. Each figure then finds its
    clause and the words near it by bisection, so a thousand figures in one comma-less
    sentence cost n log n, not n²."""

    __slots__ = ("break_ends", "break_starts", "end", "start", "word_starts", "words")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        breaks = [(m.start(), m.end()) for m in _CLAUSE.finditer(text, start, end)]
        self.break_starts = [b[0] for b in breaks]
        self.break_ends = [b[1] for b in breaks]
        self.words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, start, end)]
        self.word_starts = [w[0] for w in self.words]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding text[start:end]: after the last break that ends by `start`,
        up to the first break that begins at or after `end`."""
        i = bisect.bisect_right(self.break_ends, start) - 1
        lo = self.break_ends[i] if i >= 0 else self.start
        j = bisect.bisect_left(self.break_starts, end)
        hi = self.break_starts[j] if j < len(self.break_starts) else self.end
        return lo, hi

    def near(self, lo: int, hi: int, start: int, end: int) -> list[tuple[int, int, str]]:
        """Up to NEAR words each side of text[start:end] inside [lo, hi), in order."""
        first = bisect.bisect_left(self.word_starts, start)
        last = bisect.bisect_left(self.word_starts, end)
        before = [w for w in self.words[max(0, first - NEAR) : first] if w[0] >= lo]
        after = [w for w in self.words[last : last + NEAR] if w[1] <= hi]
        return before + after

    def inside(self, start: int, end: int) -> list[str]:
        first = bisect.bisect_left(self.word_starts, start)
        last = bisect.bisect_left(self.word_starts, end)
        return [w[2] for w in self.words[first:last]]


def predicate(words: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The event class nearest to the figure among the words near it in its clause
    ("killed", "injured")."""
    lex = lexicon()
    best: tuple[int, str] | None = None
    for i, (ws, we, word) in enumerate(words):
        # A two-word event ("took part") outranks its first word ("took": captured).
        nxt = words[i + 1] if i + 1 < len(words) else None
        pair = f"{word} {nxt[2]}" if nxt is not None and nxt[0] - we <= 2 else ""
        cls = lex.predicate_of.get(pair) or lex.predicate_of.get(word)
        if cls is None:
            continue
        dist = start - we if we <= start else ws - end
        if best is None or dist < best[0]:
            best = (dist, cls)
    return best[1] if best else None


def words_in(text: str, lo: int, hi: int) -> list[str]:
    return [m.group(0).lower() for m in _WORD.finditer(text, lo, hi)]
