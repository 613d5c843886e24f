"""Entity claims: the names in a text and the roles attached to people.

Three kinds of claim, found by one pass over the whole document (cached in its state):

- `name`: a capitalized run with courtesy titles and role words split off ("Defence
  Minister Rustem Umerov" gives the name "Rustem Umerov" and the organisation-like
  prefix is dropped). Each token records whether it opens a sentence: a capitalized
  word there may be an ordinary word, so such tokens are `weak` and the spelling rule
  compares them only with names seen elsewhere.
- `role`: a role head from checker/data/entities.toml attached to a named person, in
  the three shapes news copy uses: a title before the name ("Foreign Minister X",
  "Navy spokesman X"), an apposition after it ("X, the spokesman of the ministry,") and
  one before it ("the bank's governor, X"). The span covers role and name.
- `role-change`: a sentence that states a change of post ("was appointed", "until
  March") for the people it names, with the role classes it mentions unattached; the
  role rule does not compare those classes for those people.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..entity_words import EntityWords, entity_words
from ..fold import fold
from ..lexicon import alternation, lexicon
from ..model import Claim, Span
from ..segment import Segments
from .context import SentenceContext

_WORD = re.compile(r"[^\W\d_](?:[\w’']|-(?=[^\W\d_]))*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    weak: bool  # opens a sentence or a line: capitalized anyway


@dataclass(slots=True)
class _Name:
    tokens: list[_Token]
    person: bool

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def _is_cap(w: str) -> bool:
    return w[0].isupper()


def _opens(text: str, start: int, sentence_starts: set[int]) -> bool:
    """True when the word is the first of a sentence, line, quotation or dateline."""
    if start in sentence_starts:
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t“\"‘'(":
        i -= 1
    return i < 0 or text[i] in "\n:—–.!?"


_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž](?:[\w’']|-(?=[^\W\d_]))*"
_CAP_TOKEN = re.compile(_CAP)


@cache
def _run_re() -> re.Pattern[str]:
    # Particles and capitalized words start with letters of different case, so the
    # repetition cannot backtrack over itself.
    particles = alternation(entity_words().particles)
    return re.compile(rf"{_CAP}(?:(?:[ \t]|\.[ \t])(?:(?:{particles})[ \t]+){{0,2}}{_CAP})*")


_FIGURE_CELL = re.compile(r"(?<!\S)(?:--+|[-+]?\d[\d.,/]*%?)(?!\S)")


def _table_row(line: str) -> bool:
    """A line of a table: at least three cells of figures or dashes, making up at least
    two fifths of its blank-separated words. Tables abbreviate names ("Amarlo/ Lubbck"),
    so a name there is as weak as a sentence opener."""
    words = len(line.split())
    cells = len(_FIGURE_CELL.findall(line)) if words >= 3 else 0
    return cells >= 3 and cells * 5 >= words * 2


def _runs(text: str, sentence_starts: set[int], words: EntityWords, segments: Segments) -> list[list[_Token]]:
    """Capitalized words joined by blanks, name particles, or an abbreviated honorific
    ("Dr. Miriam Osei"); a full stop after any other word ends the run."""
    rows: dict[int, bool] = {}  # line start -> a table row: each line read once

    def weak(start: int) -> bool:
        if _opens(text, start, sentence_starts):
            return True
        lo, hi = segments.line_at(start)
        if lo not in rows:
            rows[lo] = _table_row(text[lo:hi])
        return rows[lo]

    runs: list[list[_Token]] = []
    for m in _run_re().finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        g = m.group()
        if " " not in g and "\t" not in g:
            # one word (the common run): it is its own only token, as _WORD would read it
            if _is_cap(g):
                runs.append([_Token(m.start(), m.end(), g, weak(m.start()))])
            continue
        cur: list[_Token] = []
        last = m.start()
        for w in _WORD.finditer(text, m.start(), m.end()):
            if cur and text[last : w.start()].startswith(".") and not (cur[-1].text in words.honorifics or len(cur[-1].text) == 1):
                runs.append(cur)
                cur = []
            tok = w.group()
            if not cur and not _is_cap(tok):
                continue
            cur.append(_Token(w.start(), w.end(), tok, not cur and weak(w.start())))
            last = w.end()
        if cur:
            runs.append(cur)
    return runs


def _split(run: list[_Token], words: EntityWords) -> tuple[list[_Token], list[_Token], bool]:
    """(prefix, name, titled): the name after the last title or role word of the run."""
    cut = -1
    for i, t in enumerate(run):
        bare = t.text.rstrip(".")
        if bare in words.honorifics or bare.lower() in words.role_words or t.text.lower().startswith("vice-"):
            cut = i
    if cut < 0 and len(run) >= 3 and run[0].weak and _common_person_noun(run[0].text):
        cut = 0  # "Farmer Mei Ling Tan said": a sentence's first word, capitalised only there
    prefix, name = run[: cut + 1], run[cut + 1 :]
    while name and (name[0].text in words.never or name[0].text in words.particles):
        name = name[1:]
    while prefix and prefix[0].text in words.never:
        prefix = prefix[1:]
    return prefix, name, cut >= 0


def _common_person_noun(word: str) -> bool:
    """A word whose common sense in WordNet is a kind of person ("farmer", "nurse"): at the
    head of a longer run of capitalised words that opens a sentence, it describes the name
    after it rather than begins it (a surname is not followed by two more names)."""
    from .. import lexical

    low = word.lower()
    return lexical.known(low, "n") and lexical.noun_domains(low) == {"person"}


_PERSON_AFTER = re.compile(r"[’']s\b|,?[ \t]+(?:said|says|told|added|wrote|who|whose|was|is|has|had|argued|noted|insisted|denied|explained|declined|did|does|will|would|urged|warned|called|spoke)\b")
_PARTICLE_BEFORE = re.compile(r"\b(?:van|von|de|der|den|del|da|di|du|la|le|al|el|bin|ibn|ter|ten)[ \t]+$")


def _personal(text: str, n: _Name) -> bool:
    """Used as a person here: titled, with a first name, after a name particle, or the
    subject of a speech verb ("Byrnes, who ...", "Verhoeve said")."""
    return n.person or bool(_POSSESSIVE.search(n.tokens[-1].text) or _PERSON_AFTER.match(text, n.end) or _PARTICLE_BEFORE.search(text, max(0, n.start - 8), n.start))


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """A word without its possessive ending (pure, and read for every name token)."""
    return _POSSESSIVE.sub("", word)


def _name_claim(doc_id: str, text: str, n: _Name, kind_of: str) -> Claim:
    toks = n.tokens
    words = tuple((t.start, t.end, _bare(t.text), t.weak) for t in toks)
    caps = [w for w in words if w[2][:1].isupper()]
    surname = caps[-1][2] if caps else words[-1][2]
    given = " ".join(fold(w[2]) for w in caps[:-1])
    return Claim(
        kind="name",
        span=Span(doc_id, n.start, n.end, text[n.start : n.end]),
        normalized=fold(text[n.start : n.end]),
        subject=fold(surname),
        attribute="spelling",
        data=(("tokens", words), ("given", given), ("person", n.person), ("personal", _personal(text, n)), ("of", kind_of)),
    )


_CLAUSE_END = re.compile(r"[,;:.()\[\]\"“”!?—–]|\s(?:who|which|that|said|says|and|but|told|whose|when)\s")
_BLANKS = re.compile(r"\s+")
_DEPUTY_BEFORE = re.compile(r"(?:\b(?:deputy|vice|assistant|under|junior)[ \t]+|vice-)$")
_DATED_HYPHEN = re.compile(r"(?:ex|then)-$")
# Between a title and the name it heads, only the body it is of: "Secretary of State ".
_OF_BODY = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w&-]*[ \t]+){0,3}")
_POST = re.compile(r"[ \t]+(?:of|for|at|in|with)[ \t]+")
# Tail patterns (searched in a window ending at a position) start at a word's start: a
# failed attempt is then not retried at every letter of a long word.
_AGE_BEFORE = re.compile(r"(?<![\w’'-])([\w’'-]+), \d{1,3}$")
_POSSESSIVE_END = re.compile(r"[’']s$")
_NAME_AFTER = re.compile(r",[ \t]+(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame|Gen|Col|Lt-Col|Colonel|General|Professor)\.?[ \t]+)?")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)|(?<![\w’'-])[\w’'-]+[’']s)[ \t]+$")
_DETERMINERS = ("", "a", "an", "the", "its", "his", "her", "their")
# A person's possessive before a role word makes it a relation to that person ("his
# lawyer", "her spokesman"), not a post; "its" belongs to a body and names a post.
_RELATIONAL = frozenset({"his", "her", "their", "my", "your", "our"})
_POSSESSOR = re.compile(r"\s*[\w’'-]+[’']s\s*")
# A second post joined to the first: " and senior vice president", " and chief".
_COORDINATED = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:[\w-]+[ \t]+){0,2}")
_CLAUSE_START = re.compile(r"[,;:()\[\]\"“”!?—–\n]|\.\s")


@dataclass(slots=True)
class _Role:
    start: int
    end: int
    head_start: int
    head_end: int
    cls: str
    deputy: bool
    dated: bool
    portfolio: frozenset[str]
    name: _Name
    also: frozenset[str] = frozenset()  # posts coordinated with it: "director and senior vice president"
    dated_by: tuple[str, ...] = ()  # the words that date it ("former", "acting")


def _portfolio(text: str, words: EntityWords) -> frozenset[str]:
    out = set()
    for m in _WORD.finditer(text):
        w = fold(_POSSESSIVE.sub("", m.group()))
        if w and w not in words.generic_portfolio and w not in words.deputy and w not in words.dated:
            out.add(w)
    return frozenset(out)


def _dating_words(words_text: str, words: EntityWords) -> list[str]:
    """The words that date or make temporary a role ("former", "acting", "then-")."""
    out = []
    for m in _WORD.finditer(words_text):
        w = fold(m.group()).rstrip("-")
        if w in words.dated or m.group().lower() in words.dated:
            out.append(w)
    return out


class _Doc:
    """Everything found in one document, bucketed by sentence."""

    def __init__(self, ctx: SentenceContext) -> None:
        self.words = words = entity_words()
        text, doc_id = ctx.text, ctx.doc.id
        sentences = ctx.segments.sentences
        starts: set[int] = set()
        for s in sentences:
            m = _WORD.search(text, s.start, s.end)
            if m:
                starts.add(m.start())
        self.by_sentence: dict[int, list[Claim]] = {}
        names: list[_Name] = []
        surnames: set[str] = set()
        ranked: list[tuple[str, int, _Name]] = []  # a rank before a name, where it starts
        for run in _runs(text, starts, words, ctx.segments):
            prefix, name, titled = _split(run, words)
            if prefix and not any(t.text.rstrip(".") in words.honorifics for t in prefix):
                # An organisation or place before a title ("Bellmont Mayor"): a name too.
                org = [t for t in prefix if t.text.rstrip(".") not in words.honorifics and t.text.lower() not in words.role_words]
                if org and org == prefix[: len(org)]:
                    names.append(_Name(org, False))
            if not name:
                continue
            caps = [t for t in name if _is_cap(t.text)]
            # "Ukraine's Khmelnytskyi": a possessor and what it owns, not a first name and a surname
            owned = max((k + 1 for k, t in enumerate(caps[:-1]) if _POSSESSIVE.search(t.text)), default=0)
            person = titled or (len(caps) - owned >= 2 and not any(t.text in words.generic for t in caps))
            names.append(_Name(name, person))
            rank = _rank(prefix, words.ranks)
            # a rank is compared for a person named in full ("Major Oil Company" is none)
            if rank is not None and len(caps) >= 2 and not any(t.text in words.generic for t in caps):
                ranked.append((rank[0], prefix[rank[1]].start, _Name(name, person)))
            if person and len(caps) >= 2:
                surnames.add(fold(_POSSESSIVE.sub("", caps[-1].text)))
        self.names = names
        self.surnames = surnames
        name_at: dict[int, _Name] = {}
        name_end: dict[int, _Name] = {}
        for n in names:
            name_at[n.start] = n
            name_end[n.end] = n
        roles = self._roles(text, name_at, name_end, surnames)
        attached = [(r.head_start, r.head_end) for r in roles]
        for n in names:
            self._add(ctx, n.start, _name_claim(doc_id, text, n, "person" if n.person else "name"))
        for r in roles:
            caps = [t for t in r.name.tokens if _is_cap(t.text)]
            surname = _POSSESSIVE.sub("", caps[-1].text)
            self._add(
                ctx,
                r.start,
                Claim(
                    kind="role",
                    span=Span(doc_id, r.start, r.end, text[r.start : r.end]),
                    normalized=(("deputy " if r.deputy else "") + r.cls + (" (" + " ".join(sorted(r.portfolio)) + ")" if r.portfolio else "")),
                    subject=fold(surname),
                    attribute="role",
                    qualifiers=frozenset(({"dated"} if r.dated else set())
                                         | ({"quoted"} if ctx.in_quote(r.start, r.end) else set())),
                    data=(
                        ("class", r.cls),
                        ("deputy", r.deputy),
                        ("portfolio", tuple(sorted(r.portfolio))),
                        ("given", " ".join(fold(t.text) for t in caps[:-1])),
                        ("name", text[r.name.start : r.name.end]),
                        ("also", tuple(sorted(r.also))),
                        ("dated_by", r.dated_by),
                    ),
                ),
            )
        for rank, start, n in ranked:
            caps = [t for t in n.tokens if _is_cap(t.text)]
            self._add(
                ctx,
                start,
                Claim(
                    kind="role",
                    span=Span(doc_id, start, n.end, text[start : n.end]),
                    normalized=rank,
                    subject=fold(_POSSESSIVE.sub("", caps[-1].text)),
                    attribute="role",
                    data=(("class", rank), ("deputy", False), ("portfolio", ()), ("rank", True),
                          ("given", " ".join(fold(t.text) for t in caps[:-1])),
                          ("name", text[n.start : n.end]), ("also", ())),
                ),
            )
        self._changes(ctx, text, doc_id, attached)

    def people(self) -> list[tuple[int, int, str]]:
        """(start, end, folded surname) of every name used for a person, in text order:
        titled, with a first name, or the surname of someone named in full elsewhere."""
        out = []
        for n in sorted(self.names, key=lambda n: n.start):
            caps = [t for t in n.tokens if _is_cap(t.text)]
            if not caps or any(t.text in self.words.generic for t in caps):
                continue
            surname = fold(_POSSESSIVE.sub("", caps[-1].text))
            if n.person or surname in self.surnames:
                out.append((n.start, n.end, surname))
        return out

    def _add(self, ctx: SentenceContext, offset: int, claim: Claim) -> None:
        s = ctx.segments.sentence_at(offset)
        # Claims are frozen; set the sentence on the fresh object rather than copy it.
        object.__setattr__(claim, "sentence", s.index)
        object.__setattr__(claim, "paragraph", s.paragraph)
        self.by_sentence.setdefault(s.index, []).append(claim)

    def _head(self, m: re.Match[str], text: str) -> tuple[str, bool] | None:
        cls = self.words.heads[_BLANKS.sub(" ", m.group().lower())]
        before = text[max(0, m.start() - 16) : m.start()].lower()
        deputy = bool(_DEPUTY_BEFORE.search(before))
        if before.endswith("-") and not deputy and not _DATED_HYPHEN.search(before):
            return None
        return cls, deputy

    def _roles(self, text: str, name_at: dict[int, _Name], name_end: dict[int, _Name], surnames: set[str]) -> list[_Role]:
        words = self.words
        out: list[_Role] = []
        lex = lexicon()
        for m in words.head_re.finditer(text):
            head = self._head(m, text)
            if head is None:
                continue
            cls, deputy = head
            hs, he = m.start(), m.end()
            # The postmodifier: "of the Khortytsia group", "for military intelligence".
            post_end = he
            pm = _POST.match(text[he : he + 12])
            if pm:
                stop = _CLAUSE_END.search(text, he + pm.end(), he + 90)
                post_end = stop.start() if stop else he
            # Premodifiers: words back to a clause boundary or a determiner.
            window = text[max(0, hs - 70) : hs]
            pre_words = _CLAUSE_START.split(window)[-1].split()[-6:]
            lead: list[str] = []
            for w in reversed(pre_words):
                lw = w.lower()
                if lw in ("a", "an", "the", "its", "his", "her", "their", "as") or (lw in lex.stop and lw not in words.dated) or lw in lex.verbs:
                    break
                lead.insert(0, w)
            pre_start = hs - len(" ".join(lead)) - (1 if lead else 0) if lead else hs
            if lead and text[pre_start:hs].split() != lead:
                pre_start = hs
            det = pre_words[len(pre_words) - len(lead) - 1].lower() if len(pre_words) > len(lead) else ""
            # 1. A title before the name: "Navy spokesman Andriy Yusov", "Secretary of
            # State George Shultz" (the name inside what would be the postmodifier).
            after = text[he : he + 4]
            nxt = he + (len(after) - len(after.lstrip(" \t")))
            n = name_at.get(nxt) if nxt > he else None
            if n is None and post_end > he:
                n = next((name_at[k] for k in range(he + 1, post_end) if k in name_at and _OF_BODY.fullmatch(text[he:k])
                          and self._personal_tail(name_at[k]) and name_at[k].end <= post_end), None)
                titled_end = n.start if n is not None else he
            else:
                titled_end = he
            if n is not None and (self._personal(n, surnames) or titled_end > he):
                self._push(out, text, pre_start, n.end, hs, he, cls, deputy, pre_start, titled_end, n)
                continue
            # 2. An apposition after the name: "Koval, the commander of the group,".
            comma = text.rfind(",", max(0, pre_start - 40), pre_start)
            n = None
            between = text[comma + 1 : pre_start] if comma >= 0 else ""
            if between.strip().lower() in _RELATIONAL or det in _RELATIONAL:
                continue  # "his lawyer, Calero", "Calero, her spokesman": a relation to someone, not a post
            if comma >= 0 and (between.strip().lower() in _DETERMINERS or _POSSESSOR.fullmatch(between)):
                n = name_end.get(comma)
                if n is None:
                    age = _AGE_BEFORE.search(text[max(0, comma - 40) : comma])
                    if age:
                        n = name_end.get(comma - len(age.group()) + len(age.group(1)))
            if n is not None and self._personal(n, surnames):
                self._push(out, text, n.start, post_end, hs, he, cls, deputy, comma + 1, post_end, n)
                continue
            # 3. An apposition before the name: "the bank's governor, Marta Ellison".
            if det or (pre_words and _POSSESSIVE_END.search(pre_words[len(pre_words) - len(lead) - 1] if len(pre_words) > len(lead) else "")) or lead:
                k = post_end
                tail = _NAME_AFTER.match(text[k : k + 16])
                if tail:
                    n = name_at.get(k + tail.end())
                    if n is not None and self._personal(n, surnames):
                        start = pre_start
                        dm = _DETERMINER_BEFORE.search(text[max(0, start - 30) : start])
                        if dm:
                            start -= len(dm.group())
                        self._push(out, text, start, n.end, hs, he, cls, deputy, start, post_end, n)
        for n in name_end.values():
            vm = words.verb_re.match(text, n.end)
            if vm and self._personal(n, surnames):
                obj_end = vm.start("obj") + len(vm.group("obj").rstrip())
                stop = _CLAUSE_END.search(text, vm.start("obj"), obj_end)
                obj_end = stop.start() if stop else obj_end
                self._push(out, text, n.start, obj_end, vm.start("verb"), vm.end("verb"), words.verbs[vm.group("verb")], False, vm.start("verb"), obj_end, n)
        return out

    def _personal_tail(self, n: _Name) -> bool:
        """A name ending in a given name and a surname ("State George Shultz" after
        "Secretary of"): the words before may belong to the title."""
        caps = [t for t in n.tokens if _is_cap(t.text)]
        return len(caps) >= 2 and not any(t.text in self.words.generic for t in caps[-2:])

    def _personal(self, n: _Name, surnames: set[str]) -> bool:
        caps = [t for t in n.tokens if _is_cap(t.text)]
        if not caps or any(t.text in self.words.generic for t in caps):
            return False
        return len(caps) >= 2 or fold(_POSSESSIVE.sub("", caps[-1].text)) in surnames

    def _push(self, out: list[_Role], text: str, start: int, end: int, hs: int, he: int, cls: str, deputy: bool, r_lo: int, r_hi: int, n: _Name) -> None:
        role_text = text[r_lo:r_hi]
        # "deputy" anywhere before the head makes a deputy ("the deputy finance minister")
        deputy = deputy or any(w.lower().strip(",") in self.words.deputy for w in text[r_lo:hs].split())
        # the two words before the role, in its own clause: "a new low. Deputy Governor
        # Varga" is no new deputy governor
        before = re.split(r"[.;:!?\n]", text[max(0, r_lo - 24) : r_lo])[-1]
        tail = before.split()[-2:] if before.split() else []
        dated_by = _dating_words(role_text, self.words) + [w.lower().rstrip("-") for w in tail
                                                          if w.lower().rstrip("-") in self.words.dated]
        hyphen = _DATED_HYPHEN.search(text[max(0, hs - 4) : hs].lower())
        if hyphen:
            dated_by.append(hyphen.group().strip("-"))
        dated = bool(dated_by)
        # Words of the role other than its head tell its portfolio or organisation.
        portfolio = _portfolio(text[r_lo:hs] + " " + text[he:r_hi], self.words)
        portfolio = frozenset(p for p in portfolio if p not in {fold(t.text) for t in n.tokens})
        also = frozenset(
            self.words.heads[_BLANKS.sub(" ", m.group().lower())]
            for m in self.words.head_re.finditer(text, he, min(len(text), he + 50))
            if _COORDINATED.fullmatch(text[he : m.start()])
        )
        out.append(_Role(min(start, n.start), max(end, n.end), hs, he, cls, deputy, dated, portfolio, n, also,
                         tuple(sorted(set(dated_by)))))

    def _changes(self, ctx: SentenceContext, text: str, doc_id: str, attached: list[tuple[int, int]]) -> None:
        words = self.words
        names = sorted(self.names, key=lambda n: n.start)
        starts = [n.start for n in names]
        for s in ctx.segments.sentences:
            cue = words.change_re.search(text, s.start, s.end)
            if cue is None:
                continue
            lo = bisect.bisect_left(starts, s.start)
            hi = bisect.bisect_left(starts, s.end)
            people = sorted({fold(_POSSESSIVE.sub("", t.text)) for n in names[lo:hi] for t in n.tokens if _is_cap(t.text)})
            classes = sorted(
                {
                    words.heads[_BLANKS.sub(" ", m.group().lower())]
                    for m in words.head_re.finditer(text, s.start, s.end)
                    if not any(a <= m.start() < b for a, b in attached)
                }
                # "was promoted to colonel in May": a rank named in the sentence of a change
                | {words.ranks[k] for k in _rank_words(text[s.start : s.end], words.ranks)}
            )
            if not people:
                continue
            self._add(
                ctx,
                cue.start(),
                Claim(
                    kind="role-change",
                    span=Span(doc_id, cue.start(), cue.end(), cue.group()),
                    normalized=cue.group().lower(),
                    attribute="role",
                    data=(("people", tuple(people)), ("classes", tuple(classes))),
                ),
            )


def _rank(prefix: list[_Token], ranks: dict[str, str]) -> tuple[str, int] | None:
    """The rank that ends the titles before a name, and the token it starts at: the
    longest run of the last words that names one ("Lieutenant Colonel", "Detective Chief
    Inspector")."""
    keys = [t.text.rstrip(".").lower() for t in prefix]
    for i in range(len(keys)):
        phrase = " ".join(keys[i:])
        if phrase in ranks:
            return ranks[phrase], i
    return None


def _rank_words(sentence: str, ranks: dict[str, str]) -> set[str]:
    """The rank phrases a sentence names, in any case, as whole words."""
    low = " " + re.sub(r"[^\w-]+", " ", sentence.lower()) + " "
    return {k for k in ranks if f" {k} " in low}


def extract_entities(ctx: SentenceContext) -> list[Claim]:
    found = ctx.state.get("entities")
    if found is None:
        found = ctx.state["entities"] = _Doc(ctx)
    # Names and roles are the writer's own words even inside attributed sentences, so
    # they carry no source: a misspelling is never a dispute between sources.
    return found.by_sentence.get(ctx.sentence.index, [])
