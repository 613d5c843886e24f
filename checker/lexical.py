"""Word knowledge from Open English WordNet: synonyms, hypernyms, antonyms, derivations,
pertainyms and irregular forms, read from the tables that checker/data/wordnet/derive.py
derives (see the README beside them). Loaded on first use, once per process.

Only the first senses of each word are in the tables, so "the same word" here means the
same in its common senses: enough to say that employees are workers and that "closed"
and "open" are opposites, not enough to make every pair of words related.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from functools import cache
from importlib import resources

_DIR = ("data", "wordnet")
# How far up the hypernym tree two nouns may be apart and still count as one kind of
# thing ("employee" -> "worker" -> "person"): beyond three steps everything is an entity.
MAX_HYPERNYM_STEPS = 3


def _rows(name: str) -> list[list[str]]:
    path = resources.files("checker").joinpath(*_DIR, name)
    raw = path.read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]


def _raw(name: str, folder: tuple[str, ...] = _DIR) -> str:
    raw = resources.files("checker").joinpath(*folder, name).read_bytes()
    return gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")


def _index(name: str, last: bool, folder: tuple[str, ...] = _DIR) -> dict[str, str]:
    """The file's rows split once, at the first tab (last=False) or the last (last=True),
    the rest left unsplit until it is looked up: most rows never are."""
    cut = str.rpartition if last else str.partition
    lines = _raw(name, folder).splitlines()
    return {k: v for k, _, v in (cut(ln, "\t") for ln in lines if ln and ln[0] != "#")}


@cache
def _senses() -> dict[str, str]:
    return _index("senses.tsv.gz", last=True)


@cache
def _synsets() -> dict[str, str]:
    return _index("synsets.tsv.gz", last=False)


def _synset_field(sid: str, i: int) -> tuple[str, ...]:
    row = _synsets().get(sid)
    if row is None:
        return ()
    field = row.split("\t")[i]
    return tuple(field.split("|" if i == 2 else ",")) if field else ()


@cache
def _antonyms() -> dict[tuple[str, str], dict[str, str]]:
    out: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for pos, a, b, how in _rows("antonyms.tsv"):
        for x in _spellings(a):
            for y in _spellings(b):
                # "on-line"/"off-line" are written "online"/"offline" as often
                out[(pos, x)].setdefault(y, how)
                out[(pos, y)].setdefault(x, how)
    return dict(out)


def _spellings(word: str) -> tuple[str, ...]:
    """A hyphenated WordNet lemma and the same word written solid ("on-line", "online")."""
    return (word, word.replace("-", "")) if "-" in word else (word,)


@cache
def _solid() -> frozenset[str]:
    """Hyphenated lemmas in their solid spelling ("offline\ta" for "off-line\ta")."""
    return frozenset(k.replace("-", "") for k in _senses() if "-" in k.partition("\t")[0])


@cache
def _derivations() -> dict[str, frozenset[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, _pa, b, pb in _rows("derivations.tsv.gz"):
        out[a].add((b, pb))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _pairs(name: str) -> dict[str, str]:
    return {r[0]: r[1] for r in _rows(name)}


@cache
def _hyphenated() -> dict[str, str]:
    """A hyphenated lemma's key under its solid spelling ("ceasefire\tn": "cease-fire\tn")."""
    return {k.replace("-", ""): k for k in _senses() if "-" in k.partition("\t")[0]}


def synsets(lemma: str, pos: str) -> tuple[str, ...]:
    """The word's common senses, most common first (pos: n, v, a or r); a word written
    solid has the senses of its hyphenated lemma ("ceasefire": "cease-fire")."""
    key = f"{lemma.lower()}\t{pos}"
    row = _senses().get(key) or _senses().get(_hyphenated().get(key, ""))
    return tuple(row.split(",")) if row else ()


def members(sid: str) -> tuple[str, ...]:
    """The lemmas of a synset."""
    return _synset_field(sid, 2)


def domain(sid: str) -> str:
    """A synset's lexicographer file without its part of speech: "act", "event",
    "person", "artifact" ... WordNet files the top of each file's tree ("person",
    "event", "act", "location") among its unique beginners ("Tops"); such a top is of the
    file it heads ("person" is a person, as "worker" is)."""
    row = _synsets().get(sid)
    if not row or row.count("\t") < 3:
        return ""
    lexname = row.split("\t")[3]
    if lexname == "Tops":
        return next((_HEADED.get(m, m) for m in members(sid) if _HEADED.get(m, m) in _lexnames()), lexname)
    return lexname


# Tops whose lemma is not the name of the file they head.
_HEADED = {"motivation": "motive", "measure": "quantity"}


@cache
def _lexnames() -> frozenset[str]:
    return frozenset(row.split("\t")[3] for row in _synsets().values() if row.count("\t") >= 3) - {"Tops"}


def noun_domains(lemma: str, senses: int = 1) -> frozenset[str]:
    """The lexicographer files of a noun's first senses."""
    return frozenset(domain(s) for s in synsets(lemma, "n")[:senses])


def known(lemma: str, pos: str) -> bool:
    key = f"{lemma.lower()}\t{pos}"
    return key in _senses() or key in _solid()


def synonyms(a: str, b: str, pos: str) -> bool:
    """Whether a and b share one of their common senses."""
    if a.lower() == b.lower():
        return True
    sa = synsets(a, pos)
    return bool(sa) and bool(set(sa) & set(synsets(b, pos)))


def shortened_synonyms(a: str, b: str) -> bool:
    """Whether one noun is a multi-word synonym of the other cut to its head: "stoppage"
    for "work stoppage" (a strike), "term" for "prison term" (a sentence), in the other's
    common senses."""
    for x, y in ((a.lower(), b.lower()), (b.lower(), a.lower())):
        if " " in y or not known(y, "n"):
            continue
        for sid in synsets(x, "n"):
            if any(" " in m and m.rsplit(" ", 1)[1] == y for m in members(sid)):
                return True
    return False


def shortened_kind(a: str, b: str) -> bool:
    """Whether one noun is a direct kind of what the other names cut to its head:
    "walkout" is a kind of strike, which WordNet also calls a "work stoppage", so a
    "stoppage" in the same story is the walkout. Only the first sense climbs, one step."""
    for x, y in ((a.lower(), b.lower()), (b.lower(), a.lower())):
        if " " in y or not known(y, "n"):
            continue
        for sid in synsets(x, "n")[:1]:
            for anc, d in _ancestors(sid).items():
                if d == 1 and any(" " in m and m.rsplit(" ", 1)[1] == y for m in members(anc)):
                    return True
    return False


@cache
def _ancestors(sid: str) -> dict[str, int]:
    """Every hypernym of a synset within MAX_HYPERNYM_STEPS, with its distance."""
    out: dict[str, int] = {sid: 0}
    frontier = [sid]
    for step in range(1, MAX_HYPERNYM_STEPS + 1):
        nxt = []
        for s in frontier:
            for h in _synset_field(s, 0):
                if h not in out:
                    out[h] = step
                    nxt.append(h)
        frontier = nxt
    return out


def kind_of(a: str, b: str, pos: str = "n") -> int | None:
    """Steps from a up to b when a is a kind of b in their common senses ("employee" is a
    kind of "worker": 1), 0 for synonyms, else None. Only the first sense of a climbs:
    "vote" is a kind of choice, not of a group."""
    if a.lower() == b.lower():
        return 0
    sa, sb = synsets(a, pos), set(synsets(b, pos))
    if not sa or not sb:
        return None
    best: int | None = None
    for sid in sa[:1]:
        for anc, d in _ancestors(sid).items():
            if anc in sb and (best is None or d < best):
                best = d
    if best is None and set(sa) & sb:
        return 0
    return best


# The WordNet class of nouns that name an amount of whatever is counted or weighed ("a
# haul", "the catch", "a load", "a batch"), not a thing of their own.
_AMOUNT_CLASS = "indefinite quantity"


@cache
def names_an_amount(noun: str) -> bool:
    """Whether one of a noun's first two senses is a kind of indefinite quantity: "haul"
    (the quantity that was caught), "catch", "load", "batch"; not "cargo" or "crop",
    which are goods and plants."""
    return any(_AMOUNT_CLASS in members(anc) for sid in synsets(noun, "n")[:2] for anc in _ancestors(sid))


def related_kind(a: str, b: str, pos: str = "n") -> int | None:
    """kind_of in either direction: the smaller distance, or None."""
    ab, ba = kind_of(a, b, pos), kind_of(b, a, pos)
    if ab is None:
        return ba
    return ab if ba is None else min(ab, ba)


def antonymy(a: str, b: str, pos: str) -> str | None:
    """'direct' when a and b are antonyms in WordNet, 'similar' when one is similar to
    the other's antonym, else None."""
    return _antonyms().get((pos, a.lower()), {}).get(b.lower())


def _first_sense_words(word: str, pos: str) -> frozenset[str]:
    """The words of a word's first sense."""
    sids = synsets(word, pos)[:1]
    return frozenset(w.lower() for w in members(sids[0])) if sids else frozenset()


@cache
def opposed(a: str, b: str, pos: str) -> bool:
    """Whether a and b mean opposite things: WordNet antonyms, or antonyms through the
    words of their first senses ("detain" and "free", by way of "confine"; "permit" and
    "disallow", by way of "allow"). Only first senses: "detain" is to confine, not to
    delay; and no hypernyms, whose antonyms belong to other meanings ("close" is a kind
    of "move", whose antonym "stay" is no opposite of closing)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    if antonymy(a, b, pos) == "direct":
        return True
    table = _antonyms()
    near_a, near_b = _first_sense_words(a, pos) | {a}, _first_sense_words(b, pos) | {b}
    return any(table.get((pos, x), {}).get(y) == "direct" for x in near_a for y in near_b)


def has_opposite(word: str, pos: str) -> bool:
    """Whether a word has an opposite by opposed()'s standard."""
    table = _antonyms()
    return any(any(how == "direct" for how in table.get((pos, w), {}).values())
               for w in _first_sense_words(word, pos) | {word.lower()})


def derived(lemma: str) -> frozenset[tuple[str, str]]:
    """Derivationally related (lemma, pos) pairs: convict -> (conviction, n), ..."""
    return _derivations().get(lemma.lower(), frozenset())


def pertainym(adjective: str) -> str | None:
    """The noun an adjective pertains to ("lankan" -> "sri lanka"), if WordNet says."""
    return _pairs("pertainyms.tsv").get(adjective.lower())


@cache
def _forms() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for form, pos, lemma in _rows("forms.tsv"):
        out[form][pos] = lemma
    return dict(out)


def lemma_of_form(form: str, pos: str | None = None) -> str | None:
    """The lemma of an irregular inflected form ("children" -> "child"), of the part of
    speech given: "leaves" is the plural of "leaf" and a regular form of the verb "leave".
    Without a part of speech, a verb's lemma first, then any."""
    by_pos = _forms().get(form.lower())
    if not by_pos:
        return None
    if pos is not None:
        return by_pos.get(pos)
    return by_pos.get("v") or next(iter(by_pos.values()))


@cache
def _frequencies() -> dict[str, str]:
    return _index("frequency.tsv.gz", last=False, folder=("data", "wordfreq"))


def zipf(word: str) -> float:
    """How common a word is in English text (wordfreq's Zipf scale: 3 is once in a
    million words; 0 when it is rarer than once in 100 million or unknown)."""
    v = _frequencies().get(word.lower())
    return int(v) / 10 if v else 0.0
