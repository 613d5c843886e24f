"""What a figure measures, read from the parse: the thing it counts or measures, whose
it is, what whole it is a part of, what narrows it, the event it belongs to, and whether
it is a level, a change or an earlier level.

    "Russia moved 1,500 troops to Kursk"       thing troop, event move (agent Russia)
    "the 300-kilometre pipeline"               thing pipeline (its length)
    "a 13,000-seat arena"                      thing seat, holder arena (its capacity)
    "the town's population of 7,000"           thing population, holder town
    "her 16.2 percent share"                   thing share, holder her
    "61.2 percent of the vote"                 thing vote (a share of it)
    "took 23 of the 70 seats"                  thing seat, whole 70
    "profit rose 7% to €610 million"           7%: change of profit; €610 million: the new level
    "the blockade lasted six weeks"            thing blockade (its duration)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import lexicon
from ..scope import TIME_NOUNS
from ..syntax import (
    case_of,
    child,
    children,
    conj_root,
    definite,
    indefinite,
    lemma,
    modality,
    noun_modifiers,
    of_phrase,
    plural_antecedent,
    possessor,
    predicate_of,
    pronoun_antecedent,
    relative_antecedent,
    subject_of,
)
from .changes import ChangeOf, change_of, comparative

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..parse import ParsedSentence

LEVEL, CHANGE, EARLIER, UPDATED = "level", "change", "earlier", "updated"
_FIGURE_POS = frozenset({"NUM", "SYM", "NOUN", "PROPN", "X", "PUNCT"})
# Pronouns stand for an actor named elsewhere; as actors they say nothing by themselves.
# Pronoun lemmas that name nobody by themselves (as a clause's subject or an act's participant).
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "which", "that", "who", "this", "these", "those"})
_NOUNISH = frozenset({"NOUN", "PROPN"})
# Nouns that only stand for a figure of what their "of" phrase names: "the number of
# Ukrainians returned", "the death toll of the quake" is a count of deaths.
COUNT_NOUNS = frozenset({"number", "total", "count", "tally", "figure", "sum"})
# Adjectives that pick one instance out of several of the same kind.
# Verbs under which a figure is a projection, not a level ("economists expected 31,000
# jobs", "aims to cut 1,000 jobs"): a closed class of expectation and intention.
_PROJECTION = frozenset({
    "expect", "forecast", "predict", "project", "anticipate", "target", "aim", "plan", "hope",
    "want", "seek", "propose", "intend", "estimate", "consider", "offer", "need", "require",
    # and of asking: "prosecutors asked for a fine of $6 million" is no fine imposed
    "ask", "demand", "request", "urge",
})
# Verbs of reckoning whose clausal complement reports what the source found, as a speech
# verb's does ("estimated that 2,500 people took part"); with an object they project.
_REPORTED_ESTIMATE = frozenset({"estimate", "calculate", "reckon"})
_INSTANCE_ADJ = frozenset({
    "previous", "next", "last", "first", "second", "third", "final", "latest", "earlier", "later",
    "former", "prior", "following", "upcoming", "new", "original", "current",
})
# Adjectives that pick a part of a set ("the remaining counts", "the other two").
_SUBSET = frozenset({"remaining", "other", "only", "top", "bottom", "main", "rest", "some", "few", "several"})
# Adjectives of dimension whose measure is the noun's ("the canal, 80 kilometres long").
_DIMENSION_ADJ = frozenset({"long", "wide", "deep", "high", "tall", "thick", "old", "heavy", "broad", "away", "distant"})


@cache
def _change_words() -> tuple[frozenset[str], frozenset[str]]:
    ch = lexicon().words["change"]
    return frozenset(ch.get("verbs", ())), frozenset(ch.get("nouns", ()))


@dataclass(frozen=True, slots=True)
class Measured:
    thing: str  # lemma of what is counted or measured ("" when the parse names nothing)
    thing_start: int  # document offsets of the thing's head word (-1 when none)
    thing_end: int
    holder: str = ""  # whose: possessor, "of" owner, or the noun a measured noun modifies
    holder_kind: str = ""  # "possessor", "of", "modified" (the noun a hyphenated count classifies), "pronoun" or "resolved" (a pronoun's antecedent)
    whole: str = ""  # "N of the M seats": the M (as written)
    partitive: bool = False
    modifiers: tuple[str, ...] = ()
    role: str = LEVEL
    event: str = ""  # lemma of the clause's verb
    agent: str = ""  # lemma of that verb's subject
    patient: str = ""  # lemma of that verb's object, when it is not the thing itself
    definite: bool = False
    indefinite: bool = False
    elided: bool = False  # a bare number whose noun is left out ("handed over 212")
    how: str = ""  # the construction that decided the thing, for the evidence
    clause: tuple[int, int] = (0, 0)  # document offsets of the figure's clause (its predicate's subtree)
    instance: tuple[str, ...] = ()  # what marks one instance among several ("13th", "Friday's", "previous")
    subset: bool = False  # narrowed by a superlative or an ordinal-like adjective ("the two largest banks")
    asserted: bool = True  # False under a condition, a modal, a question or an expectation
    event_class: str = ""  # the event class (lexicon.toml [predicates]) of its verb or event noun
    pred_index: int = -1  # the clause head's token index in its Doc
    change: ChangeOf | None = None  # for a change, what changes and over what period
    plural: bool = False  # the thing is a plural noun: a measure before it is each one's ("its 12 MW turbines")


def _name_key(t: Token | None) -> str:
    """A holder's key: a name with its other words ("Southland Financial Corp", not
    "corp"), a common noun by its lemma."""
    if t is not None and (t.pos_ == "PRON" or not any(ch.isalpha() for ch in t.text)):
        return ""  # a pronoun names nobody by itself; "$", "%", a number: the parser's misreading
    if t is not None and t.pos_ == "PROPN":
        parts = [c for c in t.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
        return " ".join(x.lower_ for x in sorted([*parts, t], key=lambda x: x.i))
    return _lemma(t)


def _lemma(t: Token | None) -> str:
    return "" if t is None else lemma(t)


def _root(sent: ParsedSentence, start: int, end: int) -> tuple[list[Token], Token | None]:
    """The figure's tokens and the one whose head lies outside them (the phrase head:
    "$" in "$5 million", "%" in "16%", "1,500" in "1,500 troops"). When several do
    ("300" and "kilometre" may both attach to "pipeline"), a unit word in a core relation
    wins over a number, and over a conjunct ("km" over "h" in "km/h")."""
    toks = sent.tokens_in(start, end)
    if not toks:
        return toks, None
    # Qualifiers ("more than", "about", "up to") belong to the figure's span, not to what
    # it measures: only numbers, symbols and unit words take part.
    toks = [t for t in toks if t.pos_ in _FIGURE_POS] or toks
    ids = {t.i for t in toks}
    roots = [t for t in toks if (t.head.i not in ids or t.head == t) and t.pos_ != "PUNCT"]
    if not roots:
        return toks, None
    ranked = sorted(roots, key=lambda t: (t.pos_ == "NUM", t.dep_ in ("conj", "cc", "dep", "punct"), -t.i))
    return toks, ranked[0]


def _case(t: Token) -> str:
    """The preposition before a figure: its `case` child, or a `mark` the parser gave it
    ("to €610 million" parsed as a clause)."""
    c = case_of(t)
    if c:
        return c
    m = child(t, "mark")
    if m is not None and m.pos_ == "ADP":
        return m.lower_
    # "put the death toll at about 2,900" with "at" hung on the verb beside the figure:
    # the preposition just before the figure's phrase, a sibling, is still its own
    first = t.left_edge
    if first.i > 0:
        prev = t.doc[first.i - 1]
        if prev.pos_ == "ADP" and prev.head == t.head and prev.dep_ in ("obl", "dep", "advmod", "case"):
            return prev.lower_
    return ""


def _thing_of_clause(pred: Token) -> Token | None:
    antecedent = relative_antecedent(pred)
    if antecedent is not None and antecedent.pos_ in _NOUNISH:
        return antecedent  # "the trial, which lasted three weeks": the trial
    return subject_of(pred)


def _role(unit: Token, pred: Token | None, noun_after: Token | None = None) -> tuple[str, Token | None]:
    """Whether the figure is a level, a change, an earlier or a new level, and the word
    of change that says so ("rose", "rise", "up"), if any. noun_after: the noun the figure
    stands before ("the 8.3% monthly decline"), however the parser hung the figure."""
    verbs, nouns = _change_words()
    case = _case(unit)
    head = unit.head
    if noun_after is not None and _lemma(noun_after) in nouns:
        return CHANGE, noun_after
    # "up 3.2 points", "down 4%": the figure measures the move.
    if head.lower_ in ("up", "down") and head.pos_ in ("ADV", "ADP"):
        return (UPDATED if case == "to" else EARLIER if case == "from" else CHANGE), head
    # ("down" hung on the number rather than on its unit, "down 3.8%", is the figure's all the same)
    updown = next((c for t in (unit, *(x for x in unit.children if x.dep_ == "nummod")) for c in t.children
                   if c.lower_ in ("up", "down") and c.dep_ == "advmod" and c.i < t.i), None)
    if updown is not None:
        return CHANGE, updown
    if head.pos_ in _NOUNISH and _lemma(head) in nouns and unit.dep_ in ("compound", "amod", "nummod", "nmod"):
        return CHANGE, head  # "a 7% rise", "a rise of 7%"
    if comparative(head) and unit.dep_ in ("obl", "obl:unmarked", "nmod:unmarked", "advmod") and case in ("", "by"):
        return CHANGE, head  # "production was 1.3% higher": the figure measures the change
    if unit.pos_ == "NUM" and pred is not None and _lemma(pred) in verbs:
        # "shrank 2% to 1.8 million cows": a count's case is its noun's
        noun = unit
        while noun.dep_ in ("compound", "nummod") and noun.head.pos_ == "NUM" and noun.head != noun:
            noun = noun.head
        if noun.dep_ == "nummod" and noun.head.head == pred and _case(noun.head) in ("to", "from"):
            return (UPDATED if _case(noun.head) == "to" else EARLIER), pred
    if pred is not None and _lemma(pred) in verbs and unit.head == pred and not unit.dep_.startswith("nsubj"):
        # (a figure that is the verb's subject is what moved, not how far: "112mm of rain
        # fell", "nearly 40cm of snow fell overnight")
        if case == "to":
            return UPDATED, pred
        if case == "from":
            return EARLIER, pred
        return CHANGE, pred  # "rose 7%", "rose by 7%"
    if case == "from" and pred is not None and _lemma(pred) in verbs:
        return EARLIER, pred
    if pred is not None and _lemma(pred) in verbs and not case and unit.pos_ != "NUM" and unit.left_edge.i == pred.i + 1:
        # "Valtra shares fell 4.1% in Amsterdam" with the figure hung on the place: a
        # measure right after a verb of change measures the change, however the parser hung
        # it (a count after it, "cutting 1,240 jobs", counts what the act moved)
        return CHANGE, pred
    return LEVEL, None


def _made_thing(noun: str) -> bool:
    from .. import lexical

    return "artifact" in lexical.noun_domains(noun)


@cache
def event_classes() -> dict[str, str]:
    """Lemmas of lexicon.toml's event classes ("killed", "toll" -> death)."""
    from ..syntax import _regular

    out: dict[str, str] = {}
    for form, cls in lexicon().predicate_of.items():
        out.setdefault(form, cls)
        for pos in ("v", "n"):
            for cand in _regular(form, pos):
                out.setdefault(cand, cls)
    return out


def _event_phrase(pred: Token) -> str:
    """A clause verb as an event: its lemma, with a particle or a bare light object
    ("take part", "take place", "break out")."""
    base = lemma(pred)
    prt = child(pred, "compound:prt")
    if prt is not None:
        return f"{base} {prt.lower_}"
    obj = child(pred, "obj")
    if obj is not None and obj.lower_ in ("part", "place") and child(obj, "det") is None:
        return f"{base} {obj.lower_}"
    # "31 people had been confirmed dead", "were reported killed", "are feared missing":
    # the complement says what happened to them; the verb only who knows it
    comp = next((c for c in pred.children if c.dep_ == "xcomp" and lemma(c) in event_classes()
                 and c.pos_ in ("ADJ", "VERB")), None)
    return lemma(comp) if comp is not None else base


def _is_time(t: Token) -> bool:
    """A word that names a time, not a kind of thing: days, months, parts of the day."""
    return t.lower_ in TIME_NOUNS or lemma(t) in TIME_NOUNS


def _counting_noun(t: Token | None) -> bool:
    """A noun that stands for a count of something: "number", "total", "toll"."""
    if t is None:
        return False
    lem = lemma(t)
    return lem in COUNT_NOUNS or lem in event_classes()


def person_noun(noun: str) -> bool:
    """A noun whose first sense WordNet files under people ("men", "fighters", "staff")."""
    from .. import lexical

    return bool(noun) and "person" in lexical.noun_domains(noun)


def _relational(noun: Token) -> bool:
    """Whether a noun's "of" phrase names its owner ("the population of the town", "the
    cost of the project", "revenues of Dixons") rather than its content ("0.2 ounces of
    gold", "a crowd of fans"): an owner is a name, a pronoun or a definite phrase."""
    of = of_phrase(noun)
    if of is None:
        return False
    return of.pos_ in ("PROPN", "PRON") or definite(of)


def _asserted(pred: Token, sentence: Span) -> bool:
    """Whether the figure's clause asserts it: not under if/unless, a modal, a question,
    or a verb of expectation ("economists had expected 31,000 jobs")."""
    if modality(pred, sentence) is not None:
        return False
    cur, came_by = pred, ""
    for _ in range(6):
        if cur is not pred and lemma(cur) in _REPORTED_ESTIMATE and came_by == "ccomp":
            # "Police estimated that 3,000 people marched": a source's reckoning of what
            # happened, reported as speech is, not an expectation
            return True
        if lemma(cur) in _PROJECTION:
            return False
        came_by = cur.dep_
        if cur.dep_ in ("xcomp", "ccomp", "advcl", "conj") and cur.head != cur:
            cur = cur.head
            continue
        break
    return True


def _expected_of(noun: Token) -> bool:
    """Whether a noun after a figure is the subject of a verb of expectation with no object
    of its own ("the 150,000 economists had forecast", "the 3% analysts expected")."""
    verb = noun.head
    return (noun.dep_ == "nsubj" and verb.pos_ == "VERB" and lemma(verb) in _PROJECTION
            and not any(c.dep_ in ("obj", "ccomp", "xcomp") for c in verb.children))


def _holds(clause: Token, ids: set[int]) -> bool:
    return clause.dep_ in ("acl", "acl:relcl") and any(t.i in ids for t in clause.subtree)


def _noun_after_figure(toks: list[Token]) -> Token | None:
    """The noun a figure stands before, between a determiner or possessive and it: up to
    two nouns or adjectives may follow the figure, the last noun being the head."""
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    before = doc[first - 1] if first > 0 else None
    if before is None or not (before.pos_ == "DET" or before.tag_ == "PRP$" or before.lower_ in ("'s", "’s")):
        return None
    head = None
    for i in range(last + 1, min(last + 4, len(doc))):
        t = doc[i]
        if t.text == "-":
            continue
        if t.pos_ in ("VERB", "ADJ") and i == last + 1 and t.lower_ in _change_words()[1] \
                and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN")):
            # "The 21% slide wiped out its gains" with the noun read as a verb or an
            # adjective: a word of change in its noun form right after a determiner's figure
            # is the noun
            head = t
            break
        if t.pos_ == "NOUN" and not _is_time(t) and _a_noun(t):
            head = t
        elif t.pos_ not in ("ADJ",) or head is not None:
            break
    return head


def _a_noun(t: Token) -> bool:
    """A word the taggers call a noun that is no inflected verb form they mislabelled
    ("came", "rose", "planned"): a form WordNet lists as a verb's, or a regular past or
    present participle of a known verb."""
    from .. import lexical

    form = t.lower_
    irregular = lexical.lemma_of_form(form, "v")
    if irregular and lexical.known(irregular, "v") and not lexical.known(form, "n"):
        return False
    if form.endswith(("ed", "ing")) and any(lexical.known(c, "v") for c in (form[:-2], form[:-1], form[:-3], form[:-3] + "e")):
        return lexical.known(form, "n")
    return True


def _fronted_set(num: Token) -> Token | None:
    """The set a sentence opens by naming with "Of"/"Among" and a definite plural noun,
    closed by a comma before the figure ("Of the new places, 1,100 ..."; "Among the
    dead, nine ..."); None otherwise. The opening phrase is read by its case marker and
    the noun that marker belongs to, wherever the parser hung that noun."""
    sent = num.sent
    first = sent[0]
    if first.lower_ not in ("of", "among") or first.dep_ != "case":
        return None
    noun = first.head
    if noun.pos_ not in _NOUNISH or noun.tag_ not in ("NNS", "NNPS") or not definite(noun) \
            or not (first.i < noun.i < num.i):
        return None
    doc = num.doc
    # the words between the noun and the comma narrow it ("Of the acts booked, 28 ...");
    # the noun's subtree may run on past the figure where the parser hung the rest of
    # the sentence on it
    inside = {t.i for t in noun.subtree}
    if doc[num.i - 1].text != "," or any(i not in inside for i in range(noun.i + 1, num.i - 1)):
        return None
    return noun


def _hyphened_noun(num: Token) -> Token | None:
    """The noun hyphen-joined to a number ("13,000-seat"), whatever the parser hung it on."""
    doc = num.doc
    i = num.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ and not num.whitespace_:
        nxt = doc[i + 2]
        if nxt.pos_ in _NOUNISH:
            return nxt
    return None


def measured(sent: ParsedSentence, start: int, end: int, kind: str) -> Measured | None:
    """What the figure at text[start:end] is about, or None when the parse names nothing
    it could be about. kind: count, money, percent, measure, duration."""
    toks, root = _root(sent, start, end)
    if root is None:
        return None
    pred = predicate_of(root)
    clause = (sent.offset + pred.left_edge.idx, sent.offset + pred.right_edge.idx + len(pred.right_edge.text))
    event = _event_phrase(pred) if pred.pos_ in ("VERB", "AUX") else ""
    agent_tok = subject_of(pred) if event else None
    if not event and kind == "count" and pred.pos_ in _NOUNISH and child(pred, "cop") is not None:
        # "the passengers were 18 Britons, nine Germans and ...": what a copula's subject
        # is made of, counted in its predicate nouns
        agent_tok = child(pred, "nsubj")
    if agent_tok is not None and agent_tok.pos_ == "PRON":
        agent_tok = pronoun_antecedent(agent_tok) or agent_tok  # "It employs 900 people"
    agent = _lemma(agent_tok) if agent_tok is not None and agent_tok.i not in {t.i for t in toks} else ""
    if agent in PRONOUNS:
        agent = ""
    elif agent and agent_tok is not None:
        # "unfilled orders" and "durable goods orders" are two actors
        narrow = sorted(_lemma(c) for c in agent_tok.children if c.dep_ in ("amod", "compound") and c.pos_ != "NUM")
        agent = " ".join([*narrow, agent])
    prenominal = _noun_after_figure(toks) if kind in ("money", "measure", "percent", "count") else None
    if prenominal is not None and _expected_of(prenominal):
        # "more than the 150,000 economists had forecast": the figure is what the noun's
        # verb expected, its object left out as a relative clause leaves it; the noun is
        # who expected it, not what is counted
        return Measured("", -1, -1, event=lemma(prenominal.head), elided=True, how="bare", asserted=False)
    role, change_tok = _role(root, pred if event else None, prenominal)
    ids = {t.i for t in toks}
    change = change_of(sent, change_tok, frozenset(ids)) if role == CHANGE and change_tok is not None else None
    thing: Token | None = None
    holder: Token | None = None
    whole = ""
    partitive = False
    how = ""
    dep, head = root.dep_, root.head

    if prenominal is not None:
        # "a €2.5 billion loan", "the 300-kilometre pipeline", "her 16% share", "the
        # 36,563 troops": a figure between a determiner and a noun modifies or counts the
        # noun, however the parser hung it
        thing, how = prenominal, "nummod" if kind == "count" else "modifies"
        hyphened = _hyphened_noun(toks[-1]) if kind == "count" else None
        if hyphened is not None and hyphened != thing:
            thing, holder = hyphened, thing  # "a 13,000-seat arena": seats of the arena
    elif kind == "count" and root.pos_ == "NUM":
        # Climb number words: "1.5 million people" (1.5 -> million -> people).
        cur = root
        while cur.dep_ in ("compound", "nummod", "conj") and cur.head.pos_ == "NUM" and cur.head != cur:
            cur = cur.head
        # A number hung on a noun just after it counts that noun, whatever the relation
        # label ("37,241 troops" labelled a possessive by the parser is still a count).
        if cur.head.pos_ in _NOUNISH and 0 < cur.head.i - cur.i <= 4 and cur.dep_ not in ("nmod", "appos", "conj"):
            thing, how = cur.head, "nummod"
            hyphened = _hyphened_noun(cur)
            if hyphened is not None and hyphened != thing:
                thing, holder = hyphened, thing  # "a 13,000-seat arena": seats of the arena
            elif thing.dep_ in ("compound", "amod") and thing.head.pos_ in _NOUNISH and _hyphened_noun(cur) == thing:
                holder = thing.head
            elif thing.dep_ == "compound" and thing.head.pos_ == "NOUN" and thing.head.i == thing.i + 1:
                thing = thing.head  # "26 aid trucks" hung on "aid": the trucks are counted
        else:
            of = of_phrase(cur)
            every = any(c.lower_ == "all" and c.i < cur.i for c in cur.children)
            them = plural_antecedent(of) if every and of is not None and of.pos_ == "PRON" else None
            if them is not None:
                # "all 340,000 of them": the whole set "them" took up, counted again ("12
                # of them gold" stays a part of a breakdown)
                thing, how = them, "of-all"
            elif of is not None:
                # "23 of the 70 seats": a part of a named whole.
                thing, how, partitive = of, "of-part", True
                w = child(of, "nummod")
                whole = w.text if w is not None else ""
            elif cur.dep_ in ("nmod", "nmod:unmarked", "appos") and case_of(cur) in ("of", "") and cur.head.pos_ in _NOUNISH \
                    and _fronted_set(root) is None:  # "Of the state's 497 municipalities, 334 ...": a part
                thing, how = cur.head, "value-of"  # "a population of 7,000", "a crowd of 40,000"
            elif event and cur.dep_ in ("obl", "obj", "obl:unmarked") and _case(cur) in ("to", "from", "by", "at") and (
                _counting_noun(child(pred, "obj")) or _counting_noun(_thing_of_clause(pred))
            ):
                # "the toll rose to 45", "brought the number of Ukrainians to 3,210",
                # "put the death toll at 2,900": only a noun that stands for a count
                obj = child(pred, "obj")
                thing, how = (obj, "clause-object") if _counting_noun(obj) else (_thing_of_clause(pred), "clause-subject")
            elif (fronted := _fronted_set(root)) is not None:
                # "Of the new places, 1,100 will be in primary schools": a bare count
                # after an opening "Of the ..." counts part of the set it names
                thing, how, partitive = fronted, "of-opening", True
            else:
                return Measured("", -1, -1, role=role, event=event, agent=agent, elided=True, how="bare", clause=clause,
                                change=change)
    if thing is None and prenominal is None and not (kind == "count" and root.pos_ == "NUM"):
        unit = root
        in_phrase = next((c for c in unit.children if c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) == "in"), None)
        content = of_phrase(unit) if kind in ("measure", "count", "money") else None
        if kind == "money" and in_phrase is not None and in_phrase.pos_ == "NOUN" and not _is_time(in_phrase):
            thing, how = in_phrase, "money-in"  # "$410,000 in payments", "$3bn in aid"
        elif content is not None and content.pos_ in _NOUNISH and not _is_time(content):
            # "1,000 square kilometres of territory", "500,000 tonnes of maize",
            # "hundreds of people": the figure measures or counts what "of" names
            thing, how = content, "of-content"
            if kind == "money" and content.tag_ in ("NNS", "NNPS"):
                how = "of-set"  # "100 mln dlrs of its own loans": a sum over several, no one loan
            elif kind == "money" and definite(content) and not _is_time(content):
                # "About £120m of the programme will be funded by grants": an amount of a
                # thing named as known is a part of its whole, as "three of the trucks" is
                how, partitive = "of-part", True
            if kind == "count" and definite(content) and content.tag_ in ("NNS", "NNPS"):
                # "Fourteen of the trucks" (a number word read as a name): part of a known set
                how, partitive = "of-part", True
                w = child(content, "nummod")
                whole = w.text if w is not None else ""
        elif dep in ("compound", "amod", "nmod:unmarked", "nummod") and head.pos_ in _NOUNISH and head.i not in ids:
            thing, how = head, "modifies"  # "the 300-kilometre pipeline", "her 16% share"
            if kind == "count":
                holder = head.head if head.dep_ in ("compound", "amod") and head.head.pos_ in _NOUNISH else None
        elif kind == "percent" and of_phrase(unit) is not None:
            thing, how = of_phrase(unit), "share-of"  # "61.2 percent of the vote"
            holder = agent_tok if agent else None
        elif dep in ("nmod", "nmod:unmarked", "appos") and head.pos_ in _NOUNISH and head.i not in ids \
                and _case(unit) not in ("in", "within", "since"):
            # "a distance of 15 km", "a loan of $5m"; but "the fourth meeting in two years",
            # "the biggest fall in three years": a window to count in, not the noun's value
            thing, how = head, "value-of"
        elif head.pos_ in ("ADJ", "ADV") and head.lower_ in _DIMENSION_ADJ:  # "3,200 metres long" tagged ADV
            adj = head
            # ("The tunnel, 15 miles long, will ...": set off by commas after its noun, the
            # phrase may be parsed as loosely joined to it, and is still its dimension)
            if (adj.dep_ in ("amod", "appos", "acl") or (adj.dep_ == "parataxis" and adj.head.i < adj.i)) \
                    and adj.head.pos_ in _NOUNISH:
                thing, how = adj.head, "dimension"
            else:
                # "the vessel, which is 290 metres long": the noun the clause is about
                thing, how = _thing_of_clause(adj), "dimension"
        elif head.lower_ in ("up", "down") and head.pos_ in ("ADV", "ADP"):
            thing, how = subject_of(head), "up-down"  # "shares were up 3.2 points to 48.1%"
        elif any(child(t, "cop") is not None for t in toks):
            # "turnout was 61%": the figure is predicated of the subject.
            pred_t = next(t for t in toks if child(t, "cop") is not None)
            thing, how = child(pred_t, "nsubj", "nsubj:pass"), "copula"
        elif dep in ("obj", "obl", "obl:unmarked", "advmod", "iobj", "xcomp") and event:
            # "the ferry sails at 30 knots", "the blockade lasted six weeks",
            # "profit rose 7% to €610 million": the clause's subject is what is measured;
            # "raised the tax to 20%", "brought the number to 3,210": its object.
            obj = child(pred, "obj") if _case(unit) in ("to", "from", "by", "at") and dep != "obj" else None
            if obj is not None and (obj.pos_ in ("SYM", "NUM") or child(obj, "nummod") is not None):
                obj = None  # "fell 9% to 24.5 million tonnes": the object is the change, a figure
            thing, how = (obj, "clause-object") if obj is not None else (_thing_of_clause(pred), "clause-subject")
        elif dep in ("nsubj", "nsubj:pass") and head.pos_ in ("VERB", "AUX"):
            thing, how = None, "subject"
        if thing is not None and thing.pos_ == "NUM":
            thing = None
    light_of = of_phrase(thing) if thing is not None and _lemma(thing) in COUNT_NOUNS else None
    if light_of is not None and light_of.i not in ids and not light_of.like_num \
            and child(light_of, "nummod") is None:
        # "the number of Ukrainians"; not "a total of 210mm", whose "of" names the figure
        thing, how = light_of, how + "+light"
    noun_event = ""
    if thing is not None and _lemma(thing) in event_classes() and not _made_thing(_lemma(thing)):
        # (a made thing first of all, "ships", "exports", is what is counted, however a
        # verb of the same spelling is classed: "18 were container ships")
        # "1,300 job cuts", "the death toll": the noun names the event; what it counts is
        # its compound ("jobs") or, failing one, the event's own population.
        noun_event = event_classes()[_lemma(thing)]
        # ("the death toll": "death" names the event again, not what is counted)
        # (not the figure's own unit: "an 18-month build" counts no months)
        comp = next((c for c in thing.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and _lemma(c) not in event_classes() and c.i not in ids), None)
        if comp is not None:
            thing, how = comp, how + "+event-noun"
    if thing is None:
        return Measured("", -1, -1, role=role, event=event, agent=agent, how=how or "none", clause=clause, change=change)
    thing = conj_root(thing) if thing.dep_ == "conj" and thing.head.pos_ in _NOUNISH and how == "clause-subject" else thing
    holder_kind = "modified" if holder is not None else ""
    if holder is None:
        holder, holder_kind = possessor(thing), "possessor"
        if holder is None and how not in ("share-of", "of-part", "of-opening") and _relational(thing):
            of = of_phrase(thing)
            if of is not None and of.i not in ids:
                holder, holder_kind = of, "of"  # "the population of the town"
    if holder is None:
        holder_kind = ""
    elif holder.pos_ == "PRON":
        # "its quota": whose it is depends on what "it" points back to
        resolved = pronoun_antecedent(holder)
        holder, holder_kind = (resolved, "resolved") if resolved is not None else (holder, "pronoun")
    skip = frozenset(ids | ({holder.i} if holder is not None else set()))
    between: set[str] = set()
    if how == "modifies" and ids:
        # "the 395 mln dlr bridge loan": the words between a figure and its noun narrow the
        # noun, however the parser hangs them
        doc = thing.doc
        between = {_lemma(doc[i]) for i in range(max(ids) + 1, thing.i)
                   if doc[i].pos_ in ("NOUN", "ADJ", "PROPN") and not doc[i].is_punct and not _is_time(doc[i])}
    # "the blockade, which lasted six weeks": a clause that holds the figure is what says
    # it, not what narrows the thing
    mods = tuple(sorted(between | {_lemma(m) for m in noun_modifiers(thing, skip)
                                   if m.i not in ids and not _is_time(m) and not _holds(m, ids)}))
    start_t = sent.start_of(thing)
    det_before = toks[0].doc[toks[0].i - 1] if toks[0].i > 0 else None
    is_definite, is_indefinite = definite(thing), indefinite(thing)
    if how == "modifies" and det_before is not None:
        # the determiner before the figure is the noun phrase's ("The €250 million loan")
        low = det_before.lower_
        is_definite = is_definite or low in ("the", "this", "that", "these", "those", "'s", "’s") or det_before.tag_ == "PRP$"
        is_indefinite = is_indefinite or low in ("a", "an", "another")
    instance_words = {
        f"{_lemma(a)} {_lemma(o)}"
        for o in [*children(pred, "obl", "obl:unmarked"), *children(thing, "nmod")]
        if _is_time(o)
        for a in o.children
        if a.dep_ == "amod" and (_lemma(a) in _INSTANCE_ADJ or a.text[:1].isdigit())
    }
    instance = tuple(sorted(instance_words | set(
        {_lemma(c) for c in thing.children if c.dep_ == "amod" and (_lemma(c) in _INSTANCE_ADJ or (c.tag_ == "JJ" and c.text[:1].isdigit()))}
        | ({_lemma(holder)} if holder is not None and _is_time(holder) else set())
    )))
    if agent.strip() and agent.split()[-1] == _lemma(thing):
        agent = ""  # "with four matches left": the verb's subject is the thing itself
    obj = child(pred, "obj") if event else None
    patient = _lemma(obj) if obj is not None and obj.i not in ids and obj != thing and obj.pos_ in _NOUNISH else ""
    holder_key = _name_key(holder)
    if event == "lose" and kind == "count" and person_noun(_lemma(thing)) and not patient:
        # ("42,000 customers lost power": what they lost is the object, not their lives)
        # "the army said it had lost 20 men": its men who died, the army their holder and
        # no actor, as in "killed more than 200 of its soldiers"
        event, holder_key = "die", holder_key or agent
        holder_kind = holder_kind or ("possessor" if holder_key else "")
        agent = ""
    return Measured(
        thing=_lemma(thing),
        thing_start=start_t,
        thing_end=sent.end_of(thing),
        holder=holder_key,
        holder_kind=holder_kind,
        whole=whole,
        partitive=partitive,
        modifiers=mods,
        role=role,
        event=event,
        agent=agent,
        patient=patient,
        definite=is_definite,
        indefinite=is_indefinite,
        how=how,
        clause=clause,
        instance=instance,
        # a figure inside a definite noun phrase is presupposed, whatever its clause does
        # ("the 15,000 troops withdrawn would not be enough")
        asserted=((how == "nummod" or how == "modifies") and is_definite) or _asserted(pred, sent.span),
        # or a bare count of a holder's members ("Four members of the group face prison"):
        # some of them, where "the six members of the group" are all
        subset=any(c.dep_ == "amod" and (c.tag_ in ("JJS", "RBS") or _lemma(c) in _SUBSET) for c in thing.children)
        or (holder_kind == "of" and how == "nummod" and not is_definite and child(thing, "det") is None),
        event_class=noun_event or event_classes().get(event, ""),
        pred_index=pred.i,
        change=change,
        plural=thing.tag_ in ("NNS", "NNPS"),
    )
