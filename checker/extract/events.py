"""Which event a date or a time of day belongs to, read from the parse.

A date hangs on what it modifies: the verb of its clause ("officials lifted the curfew on
Monday": lifted), or an event noun ("Saturday's strike", "its 9 May ruling", "the launch
on March 3"). The event is described by its word, the heads of its subject and object
("the minister opened the tunnel"), the phase it names (a start or an end), and what
marks one instance among several ("the previous swap", "a second blast", "last year's
final"). A verb that only carries an event ("took place", "was held", "happened")
passes to its subject; a speech verb ("the ministry said on Tuesday") dates a statement,
which is no event of the story.

Whether two mentions are one event is decided over claims, with the other identity
policies, in checker/compare.py (same_event).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .. import lexical
from ..lexicon import data_file, lexicon
from ..syntax import (
    case_of,
    child,
    is_amount,
    lemma,
    negated,
    noun_set_off_before,
    object_of,
    participle_on_noun,
    previous_subject,
    relative_antecedent,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..parse import ParsedSentence

_NOMINAL = frozenset({"NOUN", "PROPN"})
# Verbs of how long an event went on ("the siege lasted 40 days"): a date on them is a day
# within the event ("the inquest continues on Friday"), no point of it.
_DURING = frozenset({"last", "run", "continue", "go on", "drag on"})
# Verbs that carry an event named by their subject ("the summit took place on March 3").
_CARRIERS = frozenset({"take place", "happen", "occur", "be hold", "come", "fall", "be", "begin", "start", "end",
                       "open", "close", "finish", "conclude", "get under way", "kick off", "break out", "erupt"}) | _DURING
# Verbs of a rule or a ban coming into force: their subject is the thing whose start they
# date, an event or not ("the law came into force on 3 May": the law's start).
_IN_FORCE = frozenset({"take effect", "come into force", "come into effect", "go into effect", "enter into force"})
_CARRIERS = _CARRIERS | _IN_FORCE
# Verbs of taking part in an event named by their object, dated by it ("won the election on
# June 9", "attended the fixture on March 7"): the event is the object's.
_TAKING_PART = frozenset({"win", "lose", "attend", "contest"})
# Prepositions that make the noun after a relative date its anchor ("a week after the
# summit", "two days before the vote").
_ANCHOR_CASES = frozenset({"after", "before", "since", "until", "till", "following", "prior to"})
# Prepositions of a bare event noun that name a state of being in it ("on strike").
_STATE_CASES = frozenset({"on", "in", "under", "at"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "this", "that", "which", "who", "we", "i"})


@dataclass(frozen=True, slots=True)
class Event:
    key: str  # the event word's lemma (a noun's verb where WordNet derives one)
    word: str  # the event word as a lemma, for messages
    cls: str  # its event class in dates.toml, if any
    phase: str  # "start", "end" or ""
    agent: str  # the head of its subject ("minister"), "" when none or a pronoun
    patient: str  # the head of its object ("tunnel")
    distinct: str  # what marks one instance among several, "" when nothing does
    how: str  # the construction that decided it
    definite: bool = False  # named as a known event ("the launch", "Saturday's strike")
    plural: bool = False  # a plural event noun ("housing starts", "marketings"): many events
    tense: str = ""  # a verb's: "past" (done), "future" (to come) or "" (neither said)
    by_day: bool = False  # a noun named by its day ("Saturday's collapse", "today's talks")
    reduced: bool = False  # told by a participle on a noun ("talks held last Sunday")
    acting: bool = False  # an event noun's act on something ("the summit overran its schedule")


@dataclass(frozen=True, slots=True)
class _Tables:
    classes: dict[str, str]
    phases: dict[str, str]
    distinct: frozenset[str]
    statement: frozenset[str]


@cache
def _tables() -> _Tables:
    from ..syntax import _regular

    d = data_file("dates.toml")
    classes: dict[str, str] = {}
    for cls, forms in sorted(d["events"].items()):
        for f in forms:
            f = f.lower()
            classes.setdefault(f, cls)
            if " " in f:
                first, rest = f.split(" ", 1)
                base = lexical.lemma_of_form(first, "v") or next((c for c in _regular(first, "v") if lexical.known(c, "v")), first)
                classes.setdefault(f"{base} {rest}", cls)  # "gave way" -> "give way"
            for pos in ("v", "n"):
                for cand in _regular(f, pos):
                    if lexical.known(cand, pos):
                        classes.setdefault(cand, cls)
            irregular = lexical.lemma_of_form(f)
            if irregular:
                classes.setdefault(irregular, cls)
            phrasal = _phrasal_of_compound(f)
            if phrasal:
                classes.setdefault(phrasal, cls)  # "liftoff", "touchdown": lifted off, touched down
    phases: dict[str, str] = {}
    for form, phase in d["event_verbs"].items():
        first, _, rest = form.partition(" ")
        base = lexical.lemma_of_form(first, "v") or next((c for c in _regular(first, "v") if lexical.known(c, "v")), first)
        phases[f"{base} {rest}".strip()] = phase  # "kicked off" -> "kick off"
    speech = set(lexicon().words["attribution"]["speech_lemmas"])
    return _Tables(classes, phases, frozenset(w.lower() for w in d["distinct"]["words"]), frozenset(speech))


def _phrasal_of_compound(noun: str) -> str | None:
    """The phrasal verb WordNet derives a solid compound noun from ("liftoff", "lift-off"
    -> "lift off"; "touchdown" -> "touch down")."""
    verbs = sorted(v for v, p in lexical.derived(noun.replace("-", "")) if p == "v" and " " in v)
    return verbs[0] if verbs else None


def event_words(word: str, upos: str) -> tuple[str, ...]:
    """The keys under which an event word's dates are filed: the word, its verb (for a
    noun) and its event class."""
    pos = "n" if upos in ("NOUN", "PROPN") else "v"
    return tuple(k for k in (word, _key_of(word, pos), _tables().classes.get(word, "")) if k)


def _key_of(word: str, pos: str) -> str:
    """A noun's event is its verb when WordNet derives one ("conviction" -> convict,
    "opening" -> open); a verb is itself."""
    if pos != "n":
        return word
    verbs = sorted(v for v, p in lexical.derived(word) if p == "v")
    return verbs[0] if verbs else word


def _head_key(t: Token | None) -> str:
    if t is None or t.lower_ in _PRONOUNS:
        return ""
    parts = [c for c in t.children if c.dep_ in ("compound", "flat", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")]
    # control characters read as words by the tagger are no one's name
    # in the order of the text: the parser heads a name at its first word or its last
    # ("Helena Marsh") from one sentence to the next
    return " ".join(" ".join(lemma(c) for c in sorted([*parts, t], key=lambda c: c.i)).split())


def _distinct(noun: Token) -> str:
    """An instance marker on an event noun: "a"/"another", an ordinal or "previous",
    a possessive year or season ("last year's final")."""
    marks = []
    for c in noun.children:
        low = c.lower_
        if c.dep_ == "det" and low in ("a", "an", "another"):
            marks.append("another" if low == "another" else "a")
        elif c.dep_ in ("amod", "compound", "nummod") and (low in _tables().distinct or (c.tag_ == "JJ" and low[:1].isdigit())):
            marks.append(low)
        elif c.dep_ == "nmod:poss" and any(g.lower_ in ("last", "next", "this", "previous") for g in c.children):
            marks.append(" ".join(g.lower_ for g in c.subtree if not g.is_punct and g.lower_ not in ("'s", "’s")))
    return " ".join(sorted(marks))


def _phrase(pred: Token) -> str:
    """A verb with its particle or bare object ("take place", "break out", "give way",
    "be hold")."""
    base = lemma(pred)
    prt = child(pred, "compound:prt")
    if prt is not None:
        return f"{base} {prt.lower_}"
    # "ran aground", "came ashore": an adverb that makes a phrasal verb WordNet knows
    adv = next((c for c in pred.children if c.dep_ == "advmod" and c.i == pred.i + 1 and c.is_alpha), None)
    if adv is not None and lexical.known(f"{base} {adv.lower_}", "v"):
        return f"{base} {adv.lower_}"
    obj = child(pred, "obj")
    if obj is not None and child(obj, "det") is None and f"{base} {obj.lower_}" in (_CARRIERS | _tables().classes.keys()):
        return f"{base} {obj.lower_}"
    # "came into force", "went on strike": a verb with a bare noun after a preposition that
    # together make one verb WordNet or the carriers know
    for c in pred.children:
        case = child(c, "case")
        if c.dep_ == "obl" and c.i > pred.i and case is not None and child(c, "det") is None and c.pos_ == "NOUN":
            words = f"{base} {case.lower_} {c.lower_}"
            if words in _CARRIERS or words in _tables().classes or lexical.known(words, "v"):
                return words
    if base == "hold" and (child(pred, "aux:pass") is not None or participle_on_noun(pred)):
        return "be hold"  # "the summit was held", "the summit, held from 4 to 7 June"
    return base


def event_of(sent: ParsedSentence, start: int, end: int) -> Event | None:
    """The event a date or time at text[start:end] belongs to; None for a statement's
    date or when the parse names none."""
    toks = [t for t in sent.tokens_in(start, end) if not t.is_punct]
    if not toks:
        return None
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head == t]
    root = roots[-1] if roots else toks[-1]
    head = root.head if root.head != root else root
    last = toks[-1]
    if last.lower_ in _ANCHOR_CASES and last.dep_ == "case" and last.head.i > last.i and last.head.pos_ in _NOMINAL:
        # "Talks resumed two weeks after the walkout began": the noun after "after" is what
        # the count counts from, never its event; the event is what the phrase, or the
        # clause the noun is the subject of, is set against
        anchor = last.head
        clause = anchor.head if anchor.dep_ in ("nsubj", "nsubj:pass") and anchor.head.pos_ in ("VERB", "AUX") \
            and anchor.head.i > anchor.i else anchor
        if clause.head == clause:
            return None
        return _from_parse(toks, last, clause.head)
    # A date or time in prenominal position ("the 10:30 p.m. screening", "its 9 May
    # ruling", "Saturday's strike") modifies the noun after it, however the parser hung
    # it: the treebanks have few of these, and the parser often gets them wrong.
    noun = _noun_after(toks)
    if noun is not None:
        return _noun_event(noun, "attributive")
    noun = _noun_set_off(toks)
    if noun is not None:
        # (it says when, as a clause would, not which of several)
        return _noun_event(noun, "set off")
    found = _from_parse(toks, root, head)
    if found is not None or sent.has_verb:
        return found
    # A sentence parsed with no verb at all was parsed wrong ("woke" read as a noun): an
    # event noun of dates.toml right before, with only a preposition between ("the blast
    # at 3:40 a.m.").
    before = _noun_before(toks)
    return _noun_event(before, "noun before") if before is not None else None


def _noun_set_off(toks: list[Token]) -> Token | None:
    """An event noun a date is set beside between commas ("attended the sentencing, on
    Thursday 14 May, said", "by the time of the vote, just after 9 p.m.,"): the parser
    hangs the date on the clause's verb, but the commas make it the noun's. "The time of"
    an event is the event."""
    from ..scope import TIME_NOUNS

    doc = toks[0].doc
    after = toks[-1].i + 1
    if after >= len(doc) or doc[after].text not in (",", ".", ";"):
        return None
    noun = noun_set_off_before(toks[0])
    if noun is None or case_of(noun) in _ANCHOR_CASES:
        return None  # ("ten days after the consent, on March 18": the day counted, restated)
    if noun.lower_ in TIME_NOUNS:
        noun = next((c for c in noun.children if c.dep_ == "nmod" and case_of(c) == "of" and c.pos_ == "NOUN"), noun)
    return noun if _eventive(noun) and not _physical(noun) else None


def _noun_before(toks: list[Token]) -> Token | None:
    doc = toks[0].doc
    i = toks[0].i - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i >= 0 and doc[i].pos_ == "NOUN" and lemma(doc[i]) in _tables().classes:
        return doc[i]
    return None


def _from_parse(toks: list[Token], root: Token, head: Token) -> Event | None:
    """The event from the tree: what the date modifies or the clause it hangs on."""
    # Attributive: "Saturday's strike", "the 10:40 p.m. strike", "its 9 May ruling",
    # "the launch on March 3", "the election of June 9".
    if root.dep_ in ("nmod:poss", "compound", "amod", "nummod", "nmod", "nmod:unmarked") and head.pos_ in _NOMINAL:
        if _event_noun(head):
            # "the polls on Sunday", "the launch on March 3": a date after its noun says
            # when; one before it ("the 1997 issue", "Saturday's strike") names which
            ev = _noun_event(head, "after noun" if root.i > head.i else "attributive")
            verb = head.head
            phase = _tables().phases.get(lemma(verb), "") if head.dep_ == "obj" and verb.pos_ == "VERB" else ""
            if root.i > head.i and not phase and head.dep_ in ("obl", "nmod") and case_of(head) in _STATE_CASES \
                    and not any(c.dep_ in ("det", "nmod:poss") for c in head.children):
                # "remained on strike on Wednesday", "was on trial on Monday", "under siege on
                # day 40": an event noun bare after "on", "in" or "under" is a state of being
                # in it, and a date on it a day within it, not a point of it
                return Event(ev.key, ev.word, ev.cls, "during", ev.agent, ev.patient, ev.distinct, ev.how,
                             ev.definite, ev.plural, ev.tense)
            if root.i > head.i and phase:
                # "began an indefinite strike on Monday": the parser hangs the date on the
                # object, but it dates the verb, which says which end of the event it is
                subj = subject_of(verb)
                return Event(ev.key, ev.word, ev.cls, phase, _head_key(subj) if subj is not None else ev.agent,
                             ev.patient, ev.distinct, "light verb", ev.definite, tense=_verb_tense(verb))
            return ev
        if _before_its_verb(toks, head):
            head = head.head  # "Slovenia's parliament on Wednesday approved": the approval
    # Clausal: the verb the date hangs on, through any chain of nominals ("in a strike at
    # about 9:40 p.m.": the strike; "on Monday": the verb). "A week after the summit":
    # the summit is the anchor, not the event.
    cur = head
    if cur.pos_ in _NOMINAL and case_of(cur) in _ANCHOR_CASES and cur.i > root.i:
        cur = cur.head
    elif cur.pos_ in ("VERB", "AUX") and cur.head != cur and cur.i > root.i and any(
            c.dep_ == "mark" and c.lower_ in _ANCHOR_CASES and toks[0].i <= c.i < cur.i for c in cur.children):
        # "a fortnight after the leak was discovered": the clause after "after" is the
        # anchor, whatever the parser made the count's role in it; the event is the one
        # that clause is set against
        cur = cur.head
    if _said_on(toks, cur):
        return None
    for _ in range(6):
        if cur.pos_ in _NOMINAL and _event_noun(cur) and cur not in toks:
            return _noun_event(cur, "noun")
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            break
        if lemma(cur) in _OCCASIONS and cur.head.pos_ not in ("VERB", "AUX"):
            return None  # "the first time", "11.15pm local time": the occasion of an act, told by a verb
        cur = cur.head
    if cur.pos_ not in ("VERB", "AUX"):
        return None
    before = toks[0].doc[max(0, toks[0].i - 2) : toks[0].i]
    if negated(cur) is not None and not any(w.lower_ in ("until", "till") for w in before):
        # "schools did not close on Monday": a day on which the act did not happen dates no
        # event ("did not close until Tuesday" does: the closing)
        return None
    phrase = _phrase(cur)
    t = _tables()
    if lemma(cur) in t.statement and not _acts_on_thing(cur):
        return None  # "the ministry said on Tuesday": the statement's date
    # "the trial, which started on January 12": the trial
    subj = relative_antecedent(cur) or subject_of(cur)
    if subj is not None and subj.lower_ in ("it", "they") and (phrase in _CARRIERS or lemma(cur) in t.phases):
        # "The siege began on 3 March. It ended on 20 March.": the event the sentence before
        # was about
        subj = _previous_topic(cur) or subj
    obj = object_of(cur)
    carrier = phrase in _CARRIERS or lemma(cur) in t.phases
    # "a poll published on Friday", "the strike called for Monday": what was done to an
    # event noun is dated, not the event
    acted_on = child(cur, "aux:pass") is not None or participle_on_noun(cur)
    # ("took effect": the bare object is part of the carrier)
    objectless = child(cur, "obj") is None or phrase in _IN_FORCE
    if subj is not None and subj.pos_ == "NOUN" and (_eventive(subj) or phrase in _IN_FORCE) \
            and not _physical(subj) and (
        (carrier and objectless) or (lemma(subj) in t.classes and not acted_on)
    ):
        # "the summit opened on March 3", "the parade starts at noon": a verb that only
        # carries an event gives it its subject; "the quake hit at 11:11 p.m.", "the main
        # blast destroyed a hall": an event noun as subject is the event
        ev = _noun_event(subj, "subject")
        # "sales rose in February": a measure's change, dated by the period it covers
        how = "subject of a change" if _changes(cur) else "subject"
        # "kicked off": its start; "continues on Friday": a day within it, no point of it
        phase = t.phases.get(_phrase(cur)) or ("during" if phrase in _DURING else t.phases.get(lemma(cur), ev.phase))
        # "the summit overran its schedule on Thursday", "the strike shut 40 schools on
        # Monday": what the event did to something on a day is a day within it, not the
        # day it was held (a time of day is still a moment of it: "the quake hit the
        # coast at 02:17")
        acting = not carrier and not phase and child(cur, "obj") is not None
        return Event(ev.key, ev.word, ev.cls, "during" if acting else phase, ev.agent, ev.patient, ev.distinct,
                     how, ev.definite, ev.plural, _verb_tense(cur), reduced=participle_on_noun(cur), acting=acting)
    if phrase in _CARRIERS and lemma(cur) in ("be", "take", "happen", "occur", "come"):
        return None
    if lemma(cur) in _light() and phrase not in t.classes:
        noun = _act_noun_dated(cur, subj, obj)
        if noun is not None:
            ev = _noun_event(noun, "participle")
            return Event(ev.key, ev.word, ev.cls, ev.phase, ev.agent, ev.patient, ev.distinct, ev.how, ev.definite,
                         ev.plural, _verb_tense(cur))
        if not (obj is not None and obj.pos_ in _NOMINAL and _eventive(obj)):
            return None  # "had", "held", "put": no event of their own
    if phrase in t.classes and phrase != lemma(cur):
        word = phrase  # "gave way": the collapse
    elif " " in phrase and lexical.known(phrase, "v") and not (
            lemma(cur) in _light() and obj is not None and obj.pos_ in _NOMINAL and _eventive(obj)):
        # "was shut down": the shutdown, not any shutting ("carried out a strike": the strike)
        word = phrase
    elif (lemma(cur) in _light() or lemma(cur) in _TAKING_PART or t.phases.get(lemma(cur))) \
            and obj is not None and obj.pos_ in _NOMINAL and _eventive(obj):
        # "made landfall", "carried out a strike"; "began a strike", "lifted the siege": the
        # event noun is the event, the verb at most its start or end
        ev = _noun_event(obj, "light verb")
        phase = t.phases.get(lemma(cur), "") or ev.phase  # "launched the offer": its start
        return Event(ev.key, ev.word, ev.cls, phase, _head_key(subj), ev.patient, ev.distinct, "light verb", ev.definite,
                     tense=_verb_tense(cur))
    else:
        word = lemma(cur)
    # "the report, published on Nov 13": a past participle on a noun is passive, the noun
    # its object
    passive = child(cur, "aux:pass") is not None or (
        cur.dep_ == "acl" and cur.tag_ == "VBN"
        # with no other finite verb the "participle" is the sentence's main verb misread
        and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in cur.sent if t is not cur))
    if passive and subj is not None and (obj is None or cur.dep_ == "acl"):
        # ("the order, signed on 15 July by the minister": a participle on a noun is done
        # to the noun; an "object" the parser gives it is the agent after "by" misread)
        obj = subj
    agent = subj if subj is not None and not passive else None
    if agent is None:
        agent_obl = next((c for c in cur.children if c.dep_ == "obl:agent"), None)
        agent = agent_obl
    patient = obj if obj is not None else (subj if passive else None)
    if patient is not None and patient == agent:
        patient = None  # "The jet touched down", parsed as a passive with no auxiliary: the doer
    if patient is not None and is_amount(patient):
        patient = None  # "rose 1.8 pct in February": how far, not what was acted on
    return Event(
        key=word,
        word=word,
        cls=t.classes.get(word, ""),
        # "1,140 patients waiting at the end of September", "were sheltering on Monday": a
        # participle in -ing tells something going on at the date, no point of it
        phase=t.phases.get(word, "") or ("during" if cur.tag_ == "VBG" and cur.dep_ != "csubj" else ""),
        agent=_head_key(agent),
        patient=_head_key(patient),
        distinct=_distinct(patient) if patient is not None and patient.pos_ in _NOMINAL else "",
        how="verb",
        tense=_verb_tense(cur),
        reduced=participle_on_noun(cur),
    )


def _said_on(toks: list[Token], verb: Token) -> bool:
    """"The ministry said on Sunday its forces had struck": a date right after a speech
    verb and before the subject of what was said dates the saying, however the parser hung
    it (it often makes "on" the complement's marker)."""
    if verb.dep_ not in ("ccomp", "parataxis") or lemma(verb.head) not in _tables().statement:
        return False
    speech = verb.head
    if not speech.i < toks[0].i:
        return False
    lead = speech.doc[speech.i + 1 : toks[0].i]  # "on", "late on", a comma
    if any(not (t.is_punct or t.pos_ in ("ADP", "ADV")) for t in lead):
        return False
    ids = {t.i for t in toks} | {t.i for t in lead}
    said = [t for t in verb.subtree if t.i not in ids and not (t.dep_ == "mark" and t.lower_ == "that")]
    return all(t.i > toks[-1].i for t in said)


def _acts_on_thing(verb: Token) -> bool:
    """A speech verb done to a thing, not what was said ("the report, published on Nov
    13", "since the emergency was declared"): the act done to the thing is an event of the
    story."""
    if any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children):
        return False
    # An active speech verb acts on its object only when that names an event or a state
    # of affairs ("declared an outbreak on 12 January"); another noun ("announced a tender
    # last Friday") is as often what was said as a thing acted on.
    if participle_on_noun(verb):
        thing = subject_of(verb)
    elif child(verb, "aux:pass") is not None:
        thing = child(verb, "nsubj:pass") or relative_antecedent(verb)
    else:
        obj = child(verb, "obj")
        return obj is not None and obj.pos_ == "NOUN" and _eventive(obj)
    return thing is not None and thing.pos_ == "NOUN" and not is_amount(thing)


def _act_noun_dated(verb: Token, subj: Token | None, obj: Token | None) -> Token | None:
    """"The tremor, recorded at 20:14 GMT", "the eviction, carried out on Monday": a
    participle of recording or performing, with no event of its own, set on an event noun
    dates the event ("the vote, expected on Thursday", "the sale, set for May" date a
    plan). The parser may make such a participle set off by commas the main verb, with the
    noun its subject."""
    if not (_recording(verb) or lemma(verb) in _PERFORMING):
        return None
    misparsed = (obj is None and lemma(verb) in _PERFORMING and subj is not None and subj.i < verb.i
                 and verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.tag_ in ("VBD", "VBN")
                 and not any(c.dep_.startswith("aux") for c in verb.children))
    if misparsed:
        noun = subj
    elif participle_on_noun(verb) or verb.head is subj:
        noun = verb.head
    else:
        return None
    return noun if noun is not None and noun.pos_ == "NOUN" and _eventive(noun) and not _physical(noun) else None


def _recording(verb: Token) -> bool:
    """A verb whose first WordNet sense is one of telling or recording ("recorded",
    "reported", "registered")."""
    senses = lexical.synsets(lemma(verb), "v")
    return bool(senses) and lexical.domain(senses[0]) == "communication"


def _previous_topic(verb: Token) -> Token | None:
    """The event noun a subject pronoun takes up: the subject of the sentence before, when
    it names an event (centering: a pronoun subject continues the last subject)."""
    subj = previous_subject(verb)
    return subj if subj is not None and subj.pos_ == "NOUN" and _eventive(subj) else None


def _before_its_verb(toks: list[Token], noun: Token) -> bool:
    """A date set between a subject and its verb, wire style ("the parliament on
    Wednesday approved"): the parser hangs it on the subject, but it dates the verb."""
    doc = noun.doc
    nxt = toks[-1].i + 1
    while nxt < len(doc) and doc[nxt].pos_ in ("ADV", "AUX", "PART"):
        nxt += 1
    return (noun.dep_ in ("nsubj", "nsubj:pass") and noun.i < toks[0].i and nxt < len(doc)
            and doc[nxt] == noun.head and noun.head.pos_ in ("VERB", "AUX"))


def _changes(verb: Token) -> bool:
    from .predications import words

    w, lem = words(), lemma(verb)
    return lem in w.up or lem in w.down or lem in w.same


def _verb_tense(verb: Token) -> str:
    """Whether a clause reports its act as done or still to come, from its auxiliaries
    and tag ("will shut", "shut down", "has closed"); a participle or infinitive says
    neither."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "aux:pass")}
    if auxes & {"will", "shall", "'ll", "’ll", "wo"}:
        return "future"
    if any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children):
        return _infinitive_tense(verb, auxes)
    if any(c.dep_ == "mark" and c.lower_ == "due" for c in verb.children):
        # "is due to launch", parsed with "due to" as the verb's marker and "is" its own
        own = {c.lower_ for c in verb.children if c.dep_ in ("cop", "aux")}
        return "future" if own & _PRESENT_BE else ""
    if verb.tag_ == "VBD" or auxes & {"has", "have", "had", "did", "was", "were"}:
        return "past"
    if participle_on_noun(verb):
        return "past"  # "the plans adopted on Wednesday": a participle on a noun tells an act done
    return ""


# Present forms of "be" an act still to come hangs on ("is due to", "are set to").
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})


def _infinitive_tense(verb: Token, auxes: set[str]) -> str:
    """"is due to launch on Friday", "plans to open on Monday": an act a present verb or
    adjective looks forward to is still to come; "is believed to have died on Monday" is
    done. After a past governor ("voted to strike on March 24") it may be either."""
    if "have" in auxes:
        return "past"
    gov = verb.head
    if verb.dep_ != "xcomp" or gov == verb:
        return ""
    gov_auxes = {c.lower_ for c in gov.children if c.dep_ in ("aux", "aux:pass", "cop")}
    if gov_auxes & {"will", "shall", "'ll", "’ll"}:
        return "future"
    present = gov.tag_ in ("VBZ", "VBP") or gov_auxes & _PRESENT_BE
    past = gov.tag_ == "VBD" or gov_auxes & {"was", "were", "had", "has", "have", "did"}
    return "future" if present and not past else ""


# Verbs of performing an act named by their object or by the noun they are set on ("carried
# out a strike", "the eviction, carried out on Monday"): the act is the event.
_PERFORMING = frozenset({"carry", "stage", "conduct", "launch", "hold", "make"})


@cache
def _light() -> frozenset[str]:
    """Verbs that name no event of their own when dated. The figures' light verbs, less
    those whose first WordNet sense is a motion ("left the pad at 06:40", "reached the
    coast shortly after 9pm", "came ashore at 11pm"): carrying a figure, they say nothing
    of it; dated, they are a departure or an arrival."""
    light = frozenset(lexicon().words["light_verbs"]["lemmas"])
    moving = {v for v in light if (s := lexical.synsets(v, "v")) and lexical.domain(s[0]) == "motion"}
    return (light - moving) | _PERFORMING


_EVENT_DOMAINS = frozenset({"act", "event", "process"})


def _noun_after(toks: list[Token]) -> Token | None:
    """The event noun right after a date expression that a determiner or possessive
    opens ("the 10:30 p.m. screening"), or that ends in a possessive ("Saturday's
    strike")."""
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    after = last + 1
    possessive = after < len(doc) and doc[after].lower_ in ("'s", "’s")
    if possessive:
        after += 1
    opened = first > 0 and (doc[first - 1].lower_ in _DETERMINERS or doc[first - 1].tag_ == "PRP$")
    if not (opened or possessive) or after >= len(doc):
        return None
    for i in range(after, min(after + 3, len(doc))):
        t = doc[i]
        if t.pos_ in ("NOUN", "VERB") and t.tag_ in ("NN", "NNS", "VBG") and (_eventive(t) or (
                _gerund_of_verb(t.lower_) and not lexical.noun_domains(t.lower_) & _THING_DOMAINS)):
            return t  # "the 4.40am grounding": a verb's -ing after a clock time is an act
        if t.pos_ not in ("ADJ", "NOUN", "PUNCT") or (t.is_punct and t.text != "-"):
            return None
    return None


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "last", "next"})


# Nouns that name an occasion of another event, not an event ("won the cup for the first
# time on Sunday": the win is dated), a closed class.
_OCCASIONS = frozenset({"time", "occasion", "instance"})


def _eventive(noun: Token) -> bool:
    """A noun that names an event: in an event class of dates.toml, or whose common sense
    WordNet files under acts, events, processes or phenomena ("conviction", "landfall",
    "launch"), or a statement made by an act ("ruling", "announcement"). "The port" or
    "the time" name no event."""
    word = lemma(noun)
    if word in _tables().classes:
        return True
    from ..scope import TIME_NOUNS

    if word in TIME_NOUNS or word in _OCCASIONS:
        return False
    domains = lexical.noun_domains(word, senses=2)
    if domains & _EVENT_DOMAINS:
        return True
    verbs = [v for v, p in lexical.derived(word) if p == "v"]
    # a statement made by an act ("ruling", "announcement"), not its maker or instrument
    # ("indicator", "speaker": the verb with an agent's ending)
    return "communication" in domains and bool(verbs) and not any(_agentive(word, v) for v in verbs)


# What a noun names when it is a thing, not an act ("building", "clothing", "ring").
_THING_DOMAINS = frozenset({"artifact", "location", "object", "substance", "group", "person", "food", "plant",
                            "animal", "body", "quantity", "possession"})


# What a noun's common sense names when it is a physical thing: "doors opened at 6:30
# p.m." is an act on doors, not the start of an event called "door", whatever a rarer
# sense of the word ("door": a means of access) says.
_PHYSICAL_DOMAINS = _THING_DOMAINS - {"group", "person", "quantity", "possession"}


def _event_noun(noun: Token) -> bool:
    """A noun a date can belong to as its event: one that names an event and is no place or
    made thing first of all ("Miyazaki prefecture on Sunday": a place, whatever a rarer
    sense of its word, the office of a prefect, says)."""
    return _eventive(noun) and not _physical(noun)


def _physical(noun: Token) -> bool:
    word = lemma(noun)
    if word in _tables().classes:
        return False
    first = lexical.noun_domains(word, senses=1)
    return bool(first & _PHYSICAL_DOMAINS) and not first & _EVENT_DOMAINS


def _gerund_of_verb(word: str) -> bool:
    """A noun that is a verb's -ing ("grounding", "sinking", "derailing")."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    cands = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return any(lexical.known(c, "v") for c in cands)


def _agentive(noun: str, verb: str) -> bool:
    stems = {verb, verb[:-1]} if verb.endswith("e") else {verb, verb + verb[-1:]}
    return any(noun == s + end for s in stems for end in ("er", "or"))


def _noun_event(noun: Token, how: str) -> Event:
    from ..syntax import definite

    word = lemma(noun)
    # "Saturday's collapse", "Sunday night's blaze": a possessive that is a day or a time
    # says when, not who
    possessives = [c for c in noun.children if c.dep_ == "nmod:poss" and c.pos_ in _NOMINAL]
    agent = next((c for c in possessives if not _time_word(c)), None)
    patient = next((c for c in noun.children if c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) == "of"), None)
    t = _tables()
    key = _key_of(word, "n")
    phrasal = _hyphened_phrase(noun)
    if phrasal and lexical.known(phrasal, "v"):
        # "the lift-off", "the blast-off": the phrasal verb, not the bare "lift"
        word = key = phrasal
    return Event(
        key=key,
        word=word,
        cls=t.classes.get(word, ""),
        # "the kick-off", "the start", "the opening": a noun of a phase verb names that
        # phase of the event in hand
        phase=t.phases.get(phrasal or word, "") or ("" if phrasal else t.phases.get(key, "")),
        agent=_head_key(agent) if agent is not None and agent.lower_ not in ("last", "this", "next") else "",
        patient=_head_key(patient),
        distinct=_distinct(noun),
        how=how,
        # "its closure" is the closure of whatever "it" is, not one named before; "her
        # resignation" is the one of the person the copy has been telling of
        definite=(definite(noun) and not any(c.dep_ == "nmod:poss" and c.tag_ == "PRP$" and c.lower_ not in _PERSONAL
                                             for c in noun.children))
        or (how in ("attributive", "after noun") and _opened_by_determiner(noun)),
        # "housing starts" are many events; "the talks", "hostilities" (a plural WordNet
        # lists as a word of its own) are one
        plural=noun.tag_ in ("NNS", "NNPS") and not lexical.known(noun.lower_, "n"),
        by_day=any(_time_word(c) for c in possessives),
    )


_PERSONAL = frozenset({"his", "her"})


def _time_word(t: Token) -> bool:
    from ..scope import TIME_NOUNS
    from .calendar import lex

    low = t.lower_
    return low in lex().weekdays or low in lex().months or lemma(t) in TIME_NOUNS or t.like_num


def _hyphened_phrase(noun: Token) -> str:
    """A phrasal verb written as one noun with a hyphen ("kick-off": "kick off")."""
    doc = noun.doc
    i = noun.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in ("off", "up", "out", "down", "over"):
        return f"{lemma(noun)} {doc[i + 2].lower_}"
    if i >= 2 and doc[i - 1].text == "-" and noun.lower_ in ("off", "up", "out", "down", "over"):
        return f"{lemma(doc[i - 2])} {noun.lower_}"
    return ""


def _opened_by_determiner(noun: Token) -> bool:
    """A noun whose phrase opens with "the", a possessive or a date's "'s" ("the 10:30
    p.m. screening", "Saturday's strike"), however the parser hung the determiner."""
    doc = noun.doc
    for i in range(max(0, noun.i - 6), noun.i):
        if doc[i].lower_ in ("the", "this", "that", "its", "his", "her", "their", "'s", "’s"):
            return True
    return False

