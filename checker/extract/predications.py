"""What a clause says about a thing, read from the parse: a predicate (a verb or a state
adjective), its subject, object and other arguments, whether it is denied, whether it is
asserted at all (not under a condition, a modal, a question or an expectation), its tense
and its time and place.

Three claim kinds, each about one clause:

- `predicate`: a verb with its arguments, asserted or denied ("the ministry did not
  approve the permit", "the permit, which the ministry granted"). Light and speech verbs
  are left out: they carry other clauses, not facts of their own.
- `state`: a thing in a state ("the bridge remains closed", "the suspect is in custody")
  or an event that puts it in one ("reopened on Friday": open since Friday). Opposite
  states come from WordNet's antonyms (checker/lexical.py) and, for the few phrases it
  lacks, from states.toml.
- `state-change`: a topic said to move up or down, or to stay the same ("prices rose",
  "the air force has increased its strikes", "rents were unchanged", "has not affected
  the fighting").

Subjects and objects come from dependency relations (checker/syntax.py); a pronoun
subject stands for the last subject named before it in the document, and a definite
description for the one name or thing it describes (checker/extract/descriptions.py). An
event told as a noun with its participants ("Varga's concession", "Tuesday's closure of
the runway") is an act or a state too. Changes carry their agent, their owner and their
baseline ("unchanged from April"); periods said relative to a dated story are placed on
its calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from .. import lexical
from ..lexicon import data_file, lexicon
from ..model import Claim, Span
from ..syntax import (
    HABITUAL,
    SUBJECTS,
    case_of,
    child,
    conj_root,
    is_amount,
    lemma,
    modality,
    negated,
    object_of,
    participle_on_noun,
    possessor,
    pronoun_antecedent,
    relative_antecedent,
    subject_of,
    thing_like,
)
from . import descriptions
from .changes import comparative
from .context import SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she", "this", "these", "that", "those", "which", "who"})
_PERSONAL = frozenset({"he", "she", "they", "who"})
# Verbs whose infinitive or gerund complement is under way, not planned or wanted: the
# phases of an act (a closed class).
_PHASE = frozenset({"begin", "start", "continue", "keep"})


@dataclass(frozen=True, slots=True)
class Words:
    """The closed classes this module needs, from states.toml and lexicon.toml."""

    up: frozenset[str]
    down: frozenset[str]
    up_nouns: frozenset[str]
    down_nouns: frozenset[str]
    same: frozenset[str]
    unaffected: frozenset[str]
    continuing: frozenset[str]
    ignore: frozenset[str]
    speech: frozenset[str]  # verbs that carry what someone said: an act only with no clause
    concessive: frozenset[str]
    phrase_poles: dict[str, tuple[int, str]]
    since_forms: frozenset[str]
    projection: frozenset[str]
    reporting: frozenset[str]  # "alleging", "claiming": what follows is someone's claim
    support_obj: frozenset[str]
    support_phrase: frozenset[str]
    acts_on_things: frozenset[str]


def _lemmas(forms: list[str], pos: str) -> set[str]:
    from ..syntax import _regular

    out: set[str] = set()
    for f in forms:
        if " " in f:
            out.add(f)
            continue
        irregular = lexical.lemma_of_form(f, pos)
        if irregular and lexical.known(irregular, pos):
            out.add(irregular)
            continue
        cands = [c for c in _regular(f, pos) if lexical.known(c, pos)]
        out.add(cands[0] if cands else f)
    return out


# Lexicographer files of a noun that names a change as it happens ("the climb in prices",
# "a reduction in staff"), not a thing or a measure ("a drop of rain", "the extent").
_CHANGE_DOMAINS = frozenset({"act", "event", "process"})


def _change_nouns(verbs: frozenset[str]) -> frozenset[str]:
    """The nouns WordNet derives from verbs of change that name an act, event or process
    in one of their first two senses: "climb", "plunge", "reduction", "contraction". Not
    the -ing forms ("a rising" is a revolt) nor the doers ("climber")."""
    out = set()
    for v in verbs:
        for n, pos in lexical.derived(v):
            if pos == "n" and " " not in n and not n.endswith(("ing", "er", "or")) \
                    and lexical.noun_domains(n, senses=2) & _CHANGE_DOMAINS:
                out.add(n)
    return frozenset(out)


@cache
def words() -> Words:
    d = data_file("states.toml")
    ch = d["change"]
    poles: dict[str, tuple[int, str]] = {}
    for i, pair in enumerate(d["states"]["pairs"]):
        for side in ("a", "b"):
            for form in pair[side]:
                poles[form.replace("{pos} ", "").replace(" {pos}", "")] = (i, side)
    # The state a participle leaves its subject in is its plain adjective, when the
    # participle is none itself: "freed" -> "free" ("has been free on a $2 million bond")
    for form, pole in list(poles.items()):
        if " " in form or not form.endswith("ed") or lexical.known(form, "a"):
            continue
        plain = next((a for a in (form[:-1], form[:-2]) if lexical.known(a, "a")), None)
        if plain is not None:
            poles.setdefault(plain, pole)
    up = frozenset(_lemmas(ch["up"] + ch["up_transitive"], "v"))
    down = frozenset(_lemmas(ch["down"] + ch["down_transitive"], "v"))
    return Words(
        up=up,
        down=down,
        up_nouns=frozenset(_lemmas(ch["up_nouns"], "n")) | _change_nouns(up),
        down_nouns=frozenset(_lemmas(ch["down_nouns"], "n")) | _change_nouns(down),
        same=frozenset(ch["same"]),
        unaffected=frozenset(_lemmas(ch["unaffected_verbs"], "v")),
        continuing=frozenset({"remain", "stay", "keep", "continue", "hold"}),
        ignore=frozenset(d["negation"]["ignore_verbs"]) | frozenset(lexicon().words["light_verbs"]["lemmas"]),
        speech=frozenset(lexicon().words["attribution"]["speech_lemmas"]),
        concessive=frozenset(d["concessive"]["links"]),
        phrase_poles=poles,
        since_forms=frozenset(d["states"]["since"]),
        reporting=frozenset(lexicon().words["attribution"]["participles"]),
        support_obj=frozenset(d["negation"]["support_with_object"]),
        support_phrase=frozenset(d["negation"]["support_with_phrase"]),
        acts_on_things=frozenset(d["negation"]["acts_on_things"]),
        projection=frozenset({"expect", "forecast", "predict", "plan", "hope", "want", "seek", "aim", "intend", "propose", "threaten", "promise", "fail", "refuse"}),
    )


@dataclass(frozen=True, slots=True)
class Frame:
    """One clause head and what the parse says around it."""

    head: Token
    lemma: str
    subject: str
    subject_tok: Token | None
    obj: str
    args: tuple[str, ...]
    negated: bool
    modality: str | None
    tense: str  # past, present, perfect, future, none
    passive: bool
    # an infinitive its governor says was not done ("failed to reach a deal"), or a clause
    # "without" denies: a denial the copy asserts, not an aim
    denied_act: bool = False


# Nouns and pronouns that name a portion of a set ("a number of", "most of", "none of"): a
# closed class; the set is what the clause is about.
_PORTIONS = frozenset({
    "number", "majority", "minority", "lot", "handful", "couple", "dozen", "dozens", "score", "scores",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "none", "most", "all", "some",
    "many", "few", "several", "rest", "remainder", "half", "third", "quarter", "share", "proportion",
    "portion", "fraction", "percent", "each", "any", "both", "one",
})
# Of those, the ones that are a measure of the whole, not some of its members: "the share
# of the vote" is the vote share, which may fall while the vote rises.
_MEASURES = frozenset({"share", "proportion", "portion", "fraction"})


def _key(t: Token | None) -> str:
    """A noun phrase's identity: its head's lemma with its compounds ("air force",
    "jobless rate"); a proper name keeps its words."""
    if t is None:
        return ""
    # a bare conjunct shares the first one's phrase; one with its own article is a phrase
    # of its own ("the sculpture court and the east wing, which reopened")
    t = conj_root(t) if t.dep_ == "conj" and child(t, "det") is None else t
    named = _numbered_name(t)
    if named is not None:
        return f"{lemma(named)} {t.text}"  # "the FTSE 100", "Unit 4": a name ending in a number
    number = next((c for c in t.children if c.pos_ == "NUM" and c.i == t.i + 1
                   and c.dep_ in ("nmod:unmarked", "nummod", "compound", "flat")), None) \
        if t.pos_ in ("PROPN", "X", "NOUN") and t.text[:1].isupper() else None  # "Ward 7", "Unit 4"
    if number is not None and not any(c.dep_ in ("compound", "flat") and c != number and c.pos_ in ("NOUN", "PROPN", "ADJ")
                                      for c in t.children):
        return f"{lemma(t)} {number.text}"  # the same name, parsed the other way round
    named_place = _named_place(t)
    if named_place is not None:
        return _key(named_place)  # "the town of Kessa" is Kessa
    if t.pos_ == "PROPN":
        # "met Colonel Abdou Sanogo, commander of ...": the parser may head the name with
        # its title and set the name beside it; the person is the name (the tree is read
        # before WordNet: _key runs for every noun of every clause)
        name = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == t.i + 1), None)
        if name is not None and "person" in lexical.noun_domains(t.lower_):
            return _key(name)
    if lemma(t) in _PORTIONS or t.pos_ == "NUM":
        # "a large number of buy orders", "most of the buses": the orders, the buses
        of = next((c for c in t.children if c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) == "of"
                   and c.pos_ in ("NOUN", "PROPN")), None)
        if of is not None:
            return f"{_key(of)} {lemma(t)}" if lemma(t) in _MEASURES else _key(of)
    parts = [c for c in t.children if (c.dep_ in ("compound", "flat") and c.pos_ in ("NOUN", "PROPN", "ADJ"))
             or (c.dep_ == "amod" and c.tag_ == "JJ")]  # "vinyl sales", not "higher prices"
    if parts:
        # a label after a modifier ("Class A shares", "Unit 4 reactor") is no article: it
        # says which, and "Class A" and "Class B" shares are two things
        first = min(c.i for c in parts)
        parts += [c for c in t.children if first < c.i < t.i and c not in parts and len(c.text) <= 2
                  and (c.text.isupper() or c.text.isdigit())]
    # in the order written: "Amos Mwangi" is "amos mwangi", its surname last as a
    # common noun's head is ("air force")
    return " ".join(lemma(c) if not c.text.isupper() or len(c.text) > 2 else c.text.lower()
                    for c in sorted([*parts, t], key=lambda c: c.i))


def _named_place(t: Token) -> Token | None:
    """The name in "the town of Kessa", "the port of Piraeus": a noun for a kind of place
    (WordNet's location nouns, in its first two senses) whose "of" phrase is a name is that
    name, and says no more of the place than the name alone does."""
    if t.pos_ != "NOUN" or child(t, "det") is None or "location" not in lexical.noun_domains(lemma(t), senses=2):
        return None
    return next((c for c in t.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and case_of(c) == "of"
                 and c.i > t.i and not any(d.dep_ in ("nmod", "conj") for d in c.children)), None)


# Prepositions by which a noun's phrase says which one it is ("the embargo on armed groups",
# "exports to China", "sanctions against Iran"): a closed class. "of" is the owner's, "in"
# and "at" the place's, read apart.
_SCOPE_CASES = frozenset({"on", "for", "against", "to", "from", "with", "over", "into"})


def _scope(noun: Token | None) -> tuple[str, ...]:
    """What narrows a topic after its noun: "on armed groups" in "the embargo on armed
    groups". Two topics so narrowed differently are two things."""
    if noun is None:
        return ()
    # (a phrase the parser labels a clause's, "obl", is a noun's all the same when it hangs on one)
    deps = ("nmod", "nmod:unmarked", "obl") if noun.pos_ in ("NOUN", "PROPN") else ("nmod", "nmod:unmarked")
    return tuple(sorted({f"{case_of(c)} {_key(c)}" for c in noun.children
                         if c.dep_ in deps and case_of(c) in _SCOPE_CASES and c.pos_ in ("NOUN", "PROPN")
                         and not _parsed_time(c)}))  # "lifted its ban on Sunday": when, not which ban


def _untensed(head: Token) -> bool:
    """A clause with neither a subject nor a tense of its own ("before being released")."""
    return head.tag_ in ("VBG", "VBN", "VB") and child(head, *SUBJECTS) is None and not any(
        c.dep_ in ("aux", "aux:pass", "cop") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in head.children)


def _complement_form(head: Token) -> bool:
    """An infinitive ("decided not to plant") or a verb that is another verb's complement
    ("stopped paying"): what someone decides, plans or stops, not an act the copy reports.
    An adverbial participle ("after performing three songs") still reports one."""
    if head.pos_ not in ("VERB", "AUX") or head.tag_ not in ("VB", "VBG"):
        return False
    if head.tag_ == "VBG" and head.dep_ in ("acl", "amod"):
        return True  # "a field not paying PRT": describes the noun, reports no act
    if head.dep_ == "xcomp" and lemma(head.head) in _PHASE and not _complement_form(head.head):
        return False  # "levels had begun to fall", "prices continued to rise": it is happening
    if any(c.lower_ == "to" and c.dep_ in ("mark", "aux") for c in head.children):
        return True
    return head.dep_ in ("xcomp", "ccomp", "csubj") and child(head, *SUBJECTS) is None


def _tense(head: Token) -> str:
    auxes = [c for c in head.children if c.dep_ in ("aux", "aux:pass", "cop")]
    lows = {a.lower_ for a in auxes}
    if lows & {"will", "wo", "shall", "'ll"}:
        return "future"
    if lows & {"has", "have", "'ve", "hasn't", "haven't"}:
        return "perfect"
    if lows & {"had"}:
        return "past"
    # a finite auxiliary carries the clause's tense ("is closed": present, whatever the
    # participle's own form says)
    tenses = [str(m) for a in auxes for m in a.morph.get("Tense")] or [str(m) for m in head.morph.get("Tense")]
    if "Past" in tenses and not (head.tag_ == "VBN" and not auxes):
        return "past"
    if "Pres" in tenses:
        return "present"
    return "none"


def _args(head: Token) -> tuple[str, ...]:
    out = []
    for c in head.children:
        if c.dep_ in ("obl", "obl:agent") and c.pos_ in ("NOUN", "PROPN"):
            case = case_of(c)
            if lemma(c) in _TIME_WORDS:
                continue
            out.append(f"{case} {_key(c)}".strip())
    return tuple(sorted(out))


# Degree words that make "changed" mean its opposite, a closed class.
_SCARCELY = frozenset({"little", "barely", "hardly", "scarcely", "virtually", "essentially"})

# Verbs whose infinitive complement did not happen ("refused to concede").
_REFUSING = frozenset({"refuse", "fail", "decline"})
# Verbs whose clausal complement their subject says is not so ("denied that it was
# planning a strike"): a closed class.
_DENYING = frozenset({"deny"})


def _yet_to(verb: Token) -> bool:
    """"has yet to approve", "is yet to decide": not done so far."""
    return lemma(verb) in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)


def _yet_tense(verb: Token) -> str:
    """"has yet to approve": not done up to now, a perfect; "had yet to": up to then."""
    if lemma(verb) == "have":
        return "past" if verb.tag_ == "VBD" else "perfect"
    return _tense(verb)


_TIME_MARKS = frozenset({"after", "before", "while", "when", "since", "upon", "on", "until"})
# Words that open a participle clause of time or circumstance, whose act is the main
# clause's subject's ("after inspecting the dome", "without consulting parents").
_ADJUNCT_MARKS = _TIME_MARKS | {"without"}

_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "week",
    "month", "year", "morning", "night", "evening", "afternoon", "today", "yesterday",
})


def frame(head: Token, sentence: Span | None = None) -> Frame:
    gov = head
    if head.pos_ == "NOUN" and head.dep_ == "obl" and lemma(head.head) in words().continuing:
        gov = head.head  # "remains in custody": the state is the phrase, the clause the verb's
    # "remained open", "was found alive": the state is the adjective, the clause (its
    # tense, negation, subject) the verb's
    if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") and (head.pos_ != "VERB" or head.tag_ == "VBN") \
            and child(head, "cop") is None:  # with a copula of its own it is a clause the parser misplaced
        gov = head.head
    if head.pos_ == "ADV" and head.dep_ == "advmod":
        gov = head.head  # "had remained online": the clause is the verb's
    if head.pos_ == "ADJ" and head.dep_ == "advmod" and lemma(head.head) in words().continuing:
        gov = head.head  # "held steady at 4.2%", the adjective hung on the verb as a manner
    subj = subject_of(gov) if gov is not head else (subject_of(head) if head.dep_ not in ("amod", "acl") else None)
    if subj is None and head.dep_ == "acl":
        subj = child(head, *SUBJECTS)  # "the dividend it paid": a clause with its own subject
    if head.dep_ in ("amod",) and head.head.pos_ in ("NOUN", "PROPN"):
        subj = head.head  # "the closed road"
    if head.dep_ in ("acl", "acl:relcl") and head.head.pos_ in ("NOUN", "PROPN") and child(head, *SUBJECTS) is None:
        subj = head.head  # "the bridge, closed since Monday"; "the permit, which was granted"
    antecedent = relative_antecedent(head)
    if antecedent is not None:
        subj = antecedent  # "the east wing, which reopened on Saturday"
        if subj.pos_ not in ("NOUN", "PROPN"):
            # hung on a verb by the parser: the relative pronoun's antecedent is the noun
            # just before it ("to restore MetSat-4, which has been offline")
            before = [t for t in head.doc[max(0, head.i - 12):head.i] if t.i < min(c.i for c in head.subtree)]
            nouns = [t for t in before if t.pos_ in ("NOUN", "PROPN") and not t.is_punct]
            subj = nouns[-1] if nouns else subj
    if subj is not None and subj.pos_ == "NOUN":
        # "its newest satellite, MetSat-4,": the name set beside the noun is the thing,
        # whether the parser made it an apposition or a second subject
        named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is None and subj.head is not subj:
            named = next((c for c in subj.head.children if c.dep_ == subj.dep_ and c.i in (subj.i + 2, subj.i + 1)
                          and c.text[:1].isupper()), None)
        subj = named if named is not None else subj
    # only a participle clause of time or circumstance ("after inspecting", "testifying
    # at the hearing"); "in determining how many" states a purpose, not an act
    # ("Testifying at the hearing, ..." opening a sentence is such a clause, however labelled)
    opening = head.dep_ == "dep" and head.i == head.sent.start
    main = head.sent.root if opening else head.head
    adjunct = ((head.dep_ == "advcl" or opening)
               and head.tag_ in ("VBG", "VBN") and child(head, *SUBJECTS) is None
               and main.pos_ in ("VERB", "AUX")
               and all(c.lower_ in _ADJUNCT_MARKS for c in head.children if c.dep_ in ("mark", "case")))
    if adjunct:
        # "After inspecting the dome, the team ...", "Testifying at the hearing, Kovac
        # said": a participle clause's subject and time are its main clause's; of a
        # passive main clause, its agent ("the decision was taken after consulting
        # parents": by whoever took it, not the decision)
        passive_main = child(main, "aux:pass", "nsubj:pass") is not None
        subj = child(main, "obl:agent") if passive_main else subject_of(main)
    obj = object_of(head)
    if obj is not None and obj.lower_ in ("which", "that", "who", "whom") and head.dep_ == "acl:relcl":
        obj = head.head  # "the permit, which the ministry granted"
    # a relative clause without a relative word ("the dividend it paid last year") is one
    contact = head.dep_ == "acl" and child(head, *SUBJECTS) is not None and head.head.pos_ == "NOUN"
    if obj is None and (head.dep_ == "acl:relcl" or contact):
        rel = child(head, "obj")
        obj = rel if rel is not None else None
        rel_subj = child(head, *SUBJECTS)
        if obj is None and rel_subj is not None and rel_subj.lower_ not in ("who", "which", "that"):
            obj = head.head  # "the permit, which the ministry granted": the permit is the object
    passive = child(head, "aux:pass") is not None or (head.tag_ == "VBN" and child(head, "nsubj:pass") is not None)
    neg = negated(head) or (negated(gov) if gov is not head else None)
    mod = modality(gov, sentence)
    if mod is None and head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubj:pass", "obj", "obl") \
            and head.head.pos_ in ("VERB", "AUX"):
        mod = modality(head.head, sentence)  # "a cut in the rate could come tomorrow"
    cur = head
    refused: Token | None = None
    for _ in range(4):
        if mod is not None:
            break
        if cur is not head and head.head == cur and negated(cur) is None and modality(cur, sentence) is None \
                and ((head.dep_ == "xcomp" and lemma(cur) in _REFUSING) or (head.dep_ in ("xcomp", "advcl") and _yet_to(cur))):
            # "has refused to concede", "failed to reach a deal", "has yet to approve": the
            # act did not happen, as of the refusal's time; its own tense is the refusal's
            refused = cur
            break
        if cur is not head and lemma(cur) in words().projection:
            mod = "projection"  # "economists expected prices to rise"
        elif cur is not head and cur.lower_ in words().reporting:
            mod = "reported"  # "lawsuits alleging the drug caused birth defects": an allegation
        elif (cur.dep_ in ("xcomp", "ccomp", "conj") or (cur.dep_ == "advcl" and _untensed(cur))) and cur.head != cur:
            # "expected to serve half of it before being released": a clause with no subject
            # or tense of its own shares its governor's mood too
            # "is expected to test 150 yen and to fall below it", "would increase ... but
            # remain constant": a conjunct shares its first conjunct's mood
            if cur.dep_ == "conj":
                mod = modality(cur.head, sentence)
            cur = cur.head
        else:
            break
    if refused is not None and subj is None:
        subj = subject_of(refused)  # "the regulator has yet to approve it": the regulator's act
    denied = head.dep_ == "ccomp" and lemma(head.head) in _DENYING and negated(head.head) is None
    # "closed the schools without consulting parents": an act its clause says was not done,
    # when the clause it hangs on was done ("will be able to go through with it without
    # increasing borrowing" tells an aim)
    without = head.pos_ == "VERB" and any(c.dep_ in ("mark", "case") and c.lower_ == "without" for c in head.children) \
        and head.head != head and not _complement_form(head.head) and _tense(head.head) != "future" \
        and modality(head.head, sentence) is None
    obj_key = _key(obj)
    if obj is None and head.pos_ in ("VERB", "ADJ", "AUX"):
        # "not trying to sell" against "trying to buy", "not likely to rise" against "likely
        # to fall": what the verb governs is part of what is said
        comp = child(head, "xcomp") or child(head, "ccomp")
        if comp is not None and comp.pos_ in ("VERB", "AUX"):
            inner = object_of(comp)
            obj_key = " ".join(x for x in ("to", lemma(comp), _key(inner)) if x)
    return Frame(
        head=head,
        lemma=lemma(head),
        subject=_key(subj),
        subject_tok=subj,
        obj=obj_key,
        args=_args(head),
        # "denied that it was planning a strike": the denier says it was not
        negated=(neg is not None or refused is not None or without) != denied,
        modality=mod,
        tense=_yet_tense(refused) if refused is not None and _yet_to(refused)
        else _tense(refused if refused is not None else head.head if adjunct else gov),
        passive=passive,
        denied_act=refused is not None or without,
    )


def _span(ctx: SentenceContext, head: Token, extra: Token | None = None) -> tuple[int, int]:
    """The claim's words: the predicate with its auxiliaries and negation, and its object
    when it follows closely ("has not affected the fighting")."""
    sent = ctx.parsed
    toks = [head, *(c for c in head.children if c.dep_ in ("aux", "aux:pass", "cop", "advmod") and c.i < head.i and head.i - c.i <= 4)]
    if head.dep_ in ("xcomp", "advmod") and lemma(head.head) in words().continuing:
        toks.append(head.head)
    if extra is not None and 0 < extra.i - head.i <= 4:
        toks.extend(t for t in extra.subtree if t.i <= extra.i)
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    doc = head.doc
    return sent.start_of(doc[lo]), sent.end_of(doc[hi])


def _times_of(ctx: SentenceContext, head: Token) -> tuple[str, ...]:
    """The periods a clause head states: "since Monday", "on Wednesday", "this week",
    "in March", "January's (fall)", "(the) first-half (fall)"; not baselines."""
    deps = ("obl", "obl:unmarked", "obl:tmod", "nmod:unmarked", "nmod", "nmod:poss", "compound", "amod")
    out = [_parsed_time(c) for c in head.children if c.dep_ in deps]
    # "reopened at 6 a.m. on Thursday", "held at 4.2 per cent in August": the parser hangs
    # the day on the clock time or the level
    out += [_parsed_time(d) for c in head.children if c.dep_ in ("obl", "obl:tmod", "obl:unmarked", "obj") and (c.like_num or is_amount(c))
            for d in c.children if d.dep_ in ("nmod", "nmod:tmod")]
    # "closed to the public on Monday": or on whom the state is closed to
    out += [_parsed_time(d) for c in head.children if c.dep_ == "obl" and case_of(c) in ("to", "for")
            and c.pos_ == "NOUN" and not is_amount(c) for d in c.children if d.dep_ == "nmod"]
    # "was freed five years ago"; not "compared with five years ago", a baseline
    if not any(c.dep_ == "advcl" and lemma(c) == "compare" for c in head.children):
        out += [_years_ago(c) for c in head.children if c.lower_ == "ago"]
    # "January factory orders fell", "January's fall": a period on the subject is the clause's
    subj = subject_of(head)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        out += [_parsed_time(c) for c in subj.children if c.dep_ in ("compound", "nmod:poss", "amod")]
    # "crossed the river on Sunday": a day the parser hangs on the object is the clause's
    obj = object_of(head)
    # only an object after its verb: a passive subject's "for February" says which bookings
    if obj is not None and obj.i > head.i:
        # ("attend Tuesday's meeting": the occasion's day is the act's)
        out += [_parsed_time(c) for c in obj.children if c.dep_ in ("nmod", "nmod:unmarked", "nmod:poss")]
    return tuple(sorted({t for t in out if t}))


def _baselines_of(head: Token) -> tuple[str, ...]:
    """The periods a change is measured against: "unchanged from April", "compared with
    February", "than last year's", "compared with five years ago"."""
    out: list[str] = []
    for c in head.children:
        if c.dep_ in ("obl", "nmod", "obl:tmod") and case_of(c) in ("from", "than"):
            out.append(_parsed_time(c, baseline=True))
        elif c.dep_ == "advcl" and lemma(c) == "compare":
            for d in c.children:
                if d.dep_ in ("obl", "obl:unmarked"):
                    out.append(_years_ago(d) or _parsed_time(d, baseline=True))
            # "compared with five years ago", with "ago" hung on the verb
            out += [_years_ago(d) for d in head.children if d.lower_ == "ago"]
    return tuple(sorted({b for b in out if b}))


def _years_ago(t: Token) -> str:
    """"five years ago" as "5 years ago", or ""."""
    if t.lower_ != "ago":
        return ""
    span = next((c for c in t.children if lemma(c) == "year"), None)
    count = child(span, "nummod") if span is not None else None
    if count is None:
        return ""
    from .numbers import value_words

    n = float(count.text) if count.text.isdigit() else value_words(count.text)
    return f"{int(n)} years ago" if n else ""


def _parsed_time(t: Token, baseline: bool = False) -> str:
    """A time phrase under a clause head, read from the parse: "since Monday", "on
    Wednesday", "all week", "this week", "in March", "in 2024". A baseline ("from
    December") is no period, unless asked for as one."""
    from ..scope import MONTHS, TIME_NOUNS, WEEKDAYS

    low = t.lower_
    month = next((c.lower_ for c in t.children if c.lower_ in MONTHS), "") if t.like_num else ""
    if month and len(t.text) <= 2:
        # "on January 1", "on 3 March": the parser heads the day with its number
        low = f"{month} {low}"
    elif not (low in TIME_NOUNS or low in MONTHS or (t.like_num and len(t.text) == 4 and t.text.startswith(("19", "20")))):
        return ""
    day = next((c.lower_ for c in t.children if c.lower_ in WEEKDAYS and c.i < t.i), "") if low in _DAY_PARTS else ""
    if day:
        low = f"{day} {low}"  # "since Friday evening": the evening of a day
    case = case_of(t)
    if case in ("from", "than", "compared with", "compared to", "versus", "vs") and not baseline:
        return ""  # a baseline ("unchanged from December"), not the period
    det = next((c.lower_ for c in t.children if c.dep_ in ("det", "amod") and c.lower_ in _PERIOD_DETS), "")
    ordinal = next((lemma(c) for c in t.children if c.dep_ == "amod" and lemma(c) in _ORDINALS), "")
    if ordinal == det:
        ordinal = ""  # "last month": one word, read once
    # "all week" is this week; "the first half" is the first half
    det = "" if ordinal and det in ("the", "this") else "this" if det in ("all", "that", "the") else det
    # "the 1987/88 season", "the 2024 season": a number says which one
    which = next((c.text for c in t.children if c.dep_ in ("nummod", "compound", "amod") and any(ch.isdigit() for ch in c.text)), "")
    if which:
        det = ""
    if case == "on" and not (det or ordinal or which) and low in ("day", "week", "month", "quarter", "year"):
        return ""  # "2.1% year on year": a comparison, no period
    if case == "since":
        return f"since {' '.join(x for x in (which, low) if x)}"
    return " ".join(x for x in (det, ordinal, which, low) if x)


def _anchored(times: tuple[str, ...], published: dt.date | None) -> tuple[str, ...]:
    """Periods said relative to the story's date, said as the calendar does, so that
    "last month" in a June story is "may", and "yesterday" in a Tuesday story "monday"."""
    if published is None or published.year < 2:
        return times  # a day before the calendar's first cannot be named
    from ..scope import MONTHS, WEEKDAYS

    prev_month = (published.replace(day=1) - dt.timedelta(days=1)).month
    names = {
        "last month": MONTHS[prev_month - 1],
        "this month": MONTHS[published.month - 1],
        "yesterday": WEEKDAYS[(published - dt.timedelta(days=1)).weekday()],
        "today": WEEKDAYS[published.weekday()],
        "last year": str(published.year - 1),
        "this year": str(published.year),
    }
    out = set()
    for t in times:
        words = t.split()
        if len(words) == 3 and words[1:] == ["years", "ago"] and words[0].isdigit():
            out.add(str(published.year - int(words[0])))
        else:
            out.add(names.get(t, t))
    return tuple(sorted(out))


def day_dates(times: tuple[str, ...], published: dt.date | None) -> tuple[tuple[str, str], ...]:
    """The calendar date each weekday in a state's periods stands for in a dated story:
    the latest such day up to the story's date ("since Sunday" in a Monday story is the
    day before, not six days after)."""
    if published is None or published.year < 2:
        return ()
    from ..scope import WEEKDAYS, weekday_in

    out = []
    for t in times:
        day = weekday_in(t)
        if day:
            back = (published.weekday() - WEEKDAYS.index(day)) % 7
            out.append((day, (published - dt.timedelta(days=back)).isoformat()))
    return tuple(sorted(set(out)))


_PERIOD_DETS = frozenset({"this", "last", "next", "all", "that", "every", "the"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "final", "last"})


def _places_of(ctx: SentenceContext, head: Token, clause: Token | None = None) -> tuple[str, ...]:
    """The places a clause is set in: a place phrase inside it ("in Kenya"), or a named
    place the parse hangs on its head or on the verb it completes, whatever modifies the
    name ("In neighbouring Uganda, ... the ban remains in force")."""
    lo = ctx.parsed.start_of(head.left_edge)
    hi = ctx.parsed.end_of(head.right_edge)
    out = {p[2] for p in ctx.places if lo <= p[0] and p[1] <= hi}
    for h in {head, clause or head}:
        subj = child(h, "nsubj", "nsubj:pass")
        if subj is not None:
            # "the main road in Kessa remains closed": a place in the subject's own phrase
            # says which road, wherever the parser hangs the state
            slo, shi = ctx.parsed.start_of(subj.left_edge), ctx.parsed.end_of(subj.right_edge)
            out |= {p[2] for p in ctx.places if slo <= p[0] and p[1] <= shi}
        for c in h.children:
            if c.dep_ == "obl" and c.pos_ == "PROPN" and case_of(c) in _place_cases() \
                    and c.lower_ not in _not_places():
                out.add(" ".join(t.lower_ for t in c.subtree if t.pos_ == "PROPN" and (t == c or t.head == c)))
        # "Nobody here was hurt", "the road there is closed": a place the speaker points
        # at, unnamed, so never known to be the place another clause names
        if any(c.dep_ == "advmod" and c.lower_ in _DEICTIC_PLACES
               for x in (h, subj) if x is not None for c in x.children):
            out.add(_POINTED_AT)
    return tuple(sorted(out))


# Adverbs that point at a place without naming it (a closed class), and the place they give.
_DEICTIC_PLACES = frozenset({"here", "there"})
_POINTED_AT = "(a place pointed at: here, there)"


@cache
def _place_cases() -> frozenset[str]:
    return frozenset(lexicon().words["scope"]["place_prepositions"])


@cache
def _not_places() -> frozenset[str]:
    return frozenset(lexicon().words["scope"]["not_places"])


def _concessive(head: Token) -> str | None:
    """The link word when the clause is set against another of its sentence ("although
    the air force has increased its strikes")."""
    for c in head.children:
        if c.dep_ in ("mark", "cc", "advmod") and c.lower_ in words().concessive:
            return c.lower_
    return None


def _person_name(t: Token) -> bool:
    """A name the copy gives as a person's: a given name and a surname ("Nino Kapanadze"),
    or one set beside a noun for people ("Kapanadze, a student organiser")."""
    described = any(c.dep_ == "appos" and c.pos_ == "NOUN" and "person" in lexical.noun_domains(lemma(c)) for c in t.children)
    return described or _given_and_surname(t)


def _given_and_surname(t: Token) -> bool:
    """A name of a person by its own words: a given name and a surname ("Nino Kapanadze"),
    not a day or a place the parser set a noun beside ("On Sunday the minister ...")."""
    parts = [c for c in t.children if c.dep_ in ("flat", "flat:name", "compound") and c.pos_ == "PROPN" and c.i < t.i]
    return bool(parts) and not lexical.noun_domains(lemma(t).lower(), senses=3) & {"location", "time"}


def _resolve_subject(ctx: SentenceContext, f: Frame) -> str:
    """A pronoun subject stands for the last subject named before it; a definite
    description ("the athlete") for the one name the copy has described so."""
    named = descriptions.referent(ctx, f.subject_tok)
    if named is not None:
        return named
    tok = f.subject_tok
    if tok is not None and tok.pos_ == "NOUN" and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" \
            and tok.i > tok.head.i and _given_and_surname(tok.head) and "person" in lexical.noun_domains(lemma(tok)):
        # "Nino Kapanadze, a student organiser arrested during protests": what the
        # description does, the named person does
        f = replace(f, subject=_key(tok.head), subject_tok=tok.head)
    lede = descriptions.lede_name(ctx, _key)
    if lede is not None and f.subject_tok is not None and ctx.parsed.start_of(f.subject_tok) == lede[0]:
        return lede[1]  # "A former investment director was released ..." is the Harlow named next
    if f.subject not in _PRONOUN_SUBJECTS:
        if f.subject and f.subject_tok is not None and f.subject_tok.pos_ in ("NOUN", "PROPN"):
            ctx.state["predication_subject"] = f.subject
            if f.subject_tok.pos_ == "PROPN":
                ctx.state["predication_person"] = f.subject
            elif "person" in lexical.noun_domains(lemma(f.subject_tok)):
                # "A 34-year-old man ... He has not been charged": a person named by a
                # common noun, until the copy gives a name
                ctx.state.setdefault("predication_person_noun", f.subject)
            if thing_like(f.subject_tok):
                ctx.state["predication_thing"] = f.subject
        return f.subject
    if f.subject == "it" and f.subject_tok is not None:
        # "it" is one thing, never a person or a plural: its antecedent by the sentence's
        # structure, else the last such subject
        ante = pronoun_antecedent(f.subject_tok)
        return _key(ante) if ante is not None else ctx.state.get("predication_thing", "")
    if f.subject in _PERSONAL:
        # "... granted bail to Nino Kapanadze, her lawyer said. 'She was released ...'":
        # with no name yet a subject, "she" is the last name the copy gave a clause
        # (as its object or after a preposition), not the common noun that spoke
        named = ctx.state.get("named_argument") if f.subject in ("he", "she") else None
        person = ctx.state.get("predication_person") or named or ctx.state.get("predication_person_noun")
        # "he" and "she" are people: never the last thing a clause was about
        return person or ("" if f.subject in ("he", "she") else ctx.state.get("predication_subject", ""))
    return ctx.state.get("predication_subject", "")


def _claim(ctx: SentenceContext, kind: str, span: tuple[int, int], normalized: str, subject: str, data: dict[str, Any]) -> Claim:
    s = ctx.sentence
    a, b = span
    # background is the copy's own framing, unless it is inside someone's quoted words
    source = None if data.get("background") and not ctx.in_quote(a, b) else ctx.attribution_at(a).source
    quals = {q for q in ("negated", "hedged") if data.get(q)}
    if data.get("modality"):
        quals.add("unasserted")
    if ctx.in_quote(a, b):
        quals.add("quoted")
    return Claim(
        kind=kind,
        span=Span(ctx.doc.id, a, b, ctx.text[a:b]),
        normalized=normalized,
        subject=subject,
        attribute=data.get("lemma", ""),
        qualifiers=frozenset(quals),
        source=source,
        place=(data.get("places") or (None,))[0],
        time=(data.get("times") or (None,))[0],
        sentence=s.index,
        paragraph=s.paragraph,
        data=tuple(sorted(data.items())),
    )


def _heads(ctx: SentenceContext) -> list[Token]:
    out = []
    for t in ctx.parsed:
        if t.pos_ == "VERB" and t.dep_ not in ("aux", "aux:pass", "cop", "amod", "compound"):
            out.append(t)
        elif t.pos_ == "ADJ" and (child(t, "cop") is not None or t.dep_ in ("xcomp", "acl", "acl:relcl", "advcl")
                                  or child(t, "nsubj") is not None  # "the causeway, open to the public"
                                  or (t.dep_ == "advmod" and lemma(t.head) in words().continuing)):
            out.append(t)  # predicative: an adjective before its noun classifies it, "the upper dam"
        elif _state_adverb(t):
            out.append(t)  # "had remained online": tagged an adverb, a state all the same
        elif t.tag_ == "VBN" and t.dep_ in ("amod", "acl") and t.lower_ in words().phrase_poles:
            out.append(t)  # "the closed hearing", "the port, closed since Monday"
        elif t.pos_ in ("NOUN",) and case_of(t) in ("in", "on", "at", "behind", "out") and (
                child(t, "cop") is not None or (t.dep_ == "obl" and lemma(t.head) in words().continuing)):
            out.append(t)  # "is in custody", "remains behind bars"
        elif t.pos_ == "NOUN" and lemma(t) in (words().up_nouns | words().down_nouns) \
                and (_noun_topic(t) is not None or _dated_by_possessor(t)):
            # "January's 30% fall in traffic", "the increase in defence spending";
            # "Wednesday's cut" (of a thing named before)
            out.append(t)
    return out


def _state_adverb(t: Token) -> bool:
    """A word after "remain" or "stay" that the tagger read as an adverb ("online",
    "offline", "open") but that is an adjective with an opposite: the state it stays in."""
    if t.pos_ != "ADV" or not (lexical.known(t.lower_, "a") and _has_opposite(t.lower_)):
        return False
    if child(t, "cop") is not None:
        return True  # "which has been offline since Friday"
    return (t.dep_ in ("advmod", "xcomp") and t.head.pos_ in ("VERB", "AUX")
            and lemma(t.head) in words().continuing and t.i > t.head.i)


# Verbs that keep their object where it was, a closed class.
_KEEPING = frozenset({"keep", "leave", "hold", "maintain"})


def _kept(f: Frame) -> Token | None:
    """The object a keeping verb holds in place: "left the rate unchanged", "kept its
    guidance steady" (the stability word is the verb's complement), "held its reference
    rate at 5.75%" (a level after "at"). None for any other clause."""
    h = f.head
    if h.pos_ in ("ADJ", "ADV", "VERB") and h.lower_ in words().same and h.dep_ in ("xcomp", "advmod", "obl") \
            and lemma(h.head) in _KEEPING and not f.negated:
        obj = object_of(h.head)
        return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not is_amount(obj) and obj.i < h.i else None
    if h.pos_ == "VERB" and f.lemma in _KEEPING and not f.passive and not f.negated:
        obj = object_of(h)
        level = any(c.dep_ in ("obl", "obl:unmarked") and case_of(c) == "at" and (is_amount(c) or c.like_num)
                    for c in h.children)
        if level and obj is not None and obj.pos_ == "NOUN" and not is_amount(obj) and obj.i > h.i:
            return obj
    return None


def _holder(t: Token | None, named_only: bool = False) -> str:
    """Whose the topic is, when its own phrase says so: a possessive ("Qatar's output"),
    or a name after "of", "on" or "for" ("the fine on a second company, Granite
    Holdings"). Pronouns and dates say nothing here. On a verb (named_only), the name
    the parser hung there instead ("cut the fine on Solidus")."""
    if t is None:
        return ""
    from ..scope import TIME_NOUNS

    for c in t.children:
        if c.dep_ == "nmod:poss" and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in TIME_NOUNS \
                and not _parsed_time(c) and not named_only:
            return _key(c)
        if c.dep_ in (("obl",) if named_only else ("nmod",)) and case_of(c) in ("of", "on", "for", "at") \
                and c.pos_ in ("NOUN", "PROPN") \
                and c.lower_ not in TIME_NOUNS and not _parsed_time(c) and not is_amount(c):
            named = next((a for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if c.pos_ == "PROPN" or named is not None:
                return _key(named if named is not None else c)
        if c.dep_ == "acl" and c.tag_ == "VBN" and not named_only:
            # "the fine imposed on cement maker Solidus": whom the participle aims it at
            whose = _holder(c, named_only=True)
            if whose:
                return whose
    return ""


def _another_owner(t: Token) -> bool:
    """An owner phrase that says there are others: "on a second company", "another
    bank's rate", "the other plant's output"."""
    for c in t.children:
        if c.dep_ in ("nmod", "nmod:poss"):
            if any(g.dep_ in ("amod", "det") and lemma(g) in ("second", "third", "fourth", "another", "other")
                   for g in c.children):
                return True
    return False


def _noun_topic(t: Token) -> Token | None:
    """What a change noun is a change of: its "in" phrase ("a rise in rents")."""
    from ..scope import TIME_NOUNS

    for c in t.children:
        if c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) in ("in", "of") and c.lower_ not in TIME_NOUNS \
                and (_numbered_name(c) or (c.pos_ in ("NOUN", "PROPN") and not is_amount(c))):  # "the rise in January", "a rise of 1.1 pct"
            return c
    # "led Thursday's drop in the FTSE 100": the parser may hang the phrase that follows
    # the noun on its verb
    for c in t.head.children if t.dep_ in ("obj", "nsubj") else ():
        if c.dep_ == "obl" and c.left_edge.i == t.i + 1 and case_of(c) == "in" \
                and c.lower_ not in TIME_NOUNS and (_numbered_name(c) or (c.pos_ in ("NOUN", "PROPN") and not is_amount(c))):
            return c
    # "the 4% rent rise", "a fare increase", "the oil price fall": a noun compounded before
    # the change noun is what changed
    compound = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < t.i
                and lemma(c) not in TIME_NOUNS and not is_amount(c) and not c.like_num and not _sized(c)]
    return compound[-1] if compound else None


def _sized(t: Token) -> bool:
    """"quarter-point", "half-point", "two-notch": a unit joined by a hyphen to a number or
    a fraction before it, the size of a change, not what changed."""
    doc = t.doc
    return any(g.i == t.i - 2 and doc[t.i - 1].text == "-" and (
        g.like_num or lexical.noun_domains(lemma(g)) == frozenset({"quantity"})) for g in t.children)


# How many sentences back a change noun that names no thing looks for the dated change it
# restates ("The bank cut its rate on Wednesday. ... Wednesday's cut").
_RESTATED_CHANGE_SENTENCES = 3


def _dated_by_possessor(noun: Token) -> bool:
    """"Wednesday's cut", "April's decline": a noun whose possessor is a time."""
    poss = possessor(noun)
    return poss is not None and bool(_parsed_time(poss))


def _unnamed_change_topic(ctx: SentenceContext, noun: Token, times: tuple[str, ...]) -> tuple[Token | None, str, bool]:
    """What a change noun with no "in" or "of" phrase is a change of: for a definite noun
    dated to a day or period ("Wednesday's quarter-point cut", "April's decline"; not "a
    previous January's increase"), the thing of the latest change the copy dated before
    it, within a few sentences, when that is dated to the same time: the change it
    restates. (token, topic, whether it was found by restatement)"""
    if not times or any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children):
        return None, "", False
    poss = possessor(noun)
    if poss is not None and any(c.dep_ in ("amod", "det", "nmod:poss") for c in poss.children):
        return None, "", False  # "a previous January's 0.8 pct increase": another January
    # only the nearest dated change, and only at the same time: "maize fell last month,
    # so this week's rise" restates no earlier change of this week
    dated = ctx.state.get("dated_changes", [])
    if dated and ctx.sentence.index - dated[-1][0] <= _RESTATED_CHANGE_SENTENCES and dated[-1][1] == times:
        return dated[-1][2], _key(dated[-1][2]), True
    return None, "", False


def _numbered_name(t: Token) -> Token | None:
    """The name before a number that ends it ("the FTSE 100", "Unit 4"), or None."""
    if t.pos_ != "NUM":
        return None
    if t.i == 0:
        return None
    prev = t.doc[t.i - 1]
    # hung on the number, or beside it on the same head ("Ward 7 has not closed")
    if prev.pos_ in ("PROPN", "X", "NOUN") and prev.text[:1].isupper() and (
            (prev.head == t and prev.dep_ in ("compound", "nmod:unmarked", "flat", "obl:unmarked"))
            or (prev.head == t.head and prev.dep_ in ("obl:unmarked", "nmod:unmarked", "dep"))):
        return prev
    return None


def _direction(f: Frame) -> str | None:
    w = words()
    if f.head.pos_ == "NOUN":
        lem = f.lemma
        return "up" if lem in w.up_nouns else "down" if lem in w.down_nouns else None
    prt = child(f.head, "compound:prt")
    if prt is None:
        # "crept up" with the particle read as an adverb
        prt = next((c for c in f.head.children if c.dep_ == "advmod" and c.lower_ in ("up", "down")
                    and c.i == f.head.i + 1), None)
    if prt is not None:
        phrasal = f"{f.head.lower_} {prt.lower_}"
        if phrasal in w.up or f"{f.lemma} {prt.lower_}" in w.up:
            return None if f.negated else "up"
        if phrasal in w.down or f"{f.lemma} {prt.lower_}" in w.down:
            return None if f.negated else "down"
        # "the jobless rate crept up", "output edged down": a verb of travel with "up" or
        # "down" and no object moves its subject's level, unless the subject is a person
        # ("stepped down": resigned)
        subj = f.subject_tok
        if prt.lower_ in ("up", "down") and object_of(f.head) is None and lexical.kind_of(f.lemma, "travel", "v") is not None \
                and subj is not None and subj.pos_ == "NOUN" and "person" not in lexical.noun_domains(lemma(subj)):
            return None if f.negated else prt.lower_
    comp = child(f.head, "xcomp")
    if f.head.pos_ == "VERB" and comp is not None and comp.pos_ == "ADJ" and f.lemma in (w.up | w.down):
        return None  # "has grown more stable", "turned negative": became, not rose
    if f.lemma in w.same or (f.head.lower_ in w.same):
        return "same"
    if f.head.pos_ == "VERB" and not f.negated and f.lemma not in w.continuing and f.lemma not in _KEEPING:
        # "the index closed flat", "shares ended steady": a stability word completing a
        # verb with no object of its own says where its subject's level ended up
        steady = next((c for c in f.head.children if c.dep_ in ("advmod", "xcomp", "obj") and c.i > f.head.i
                       and c.pos_ in ("ADV", "ADJ") and c.lower_ in w.same), None)
        if steady is not None and object_of(f.head) in (None, steady):
            return "same"
    if f.lemma == "change" and not f.negated and f.head.i > 0:
        before = f.head.doc[f.head.i - 1]
        if before.lower_ in _SCARCELY and before.head in (f.head, f.head.head):
            return "same"  # "ended little changed", "barely changed": a market's word for flat
    if f.lemma in w.unaffected and f.negated:
        return "same"  # "has not affected the fighting"
    if f.negated:
        return None  # "prices did not rise": a denial, not a change
    if f.head.pos_ == "VERB" and object_of(f.head) is None:
        # "the index closed 0.8% higher", "shares ended lower": a comparative completing a
        # verb with no object says where its subject's level went
        moved = next((comparative(c) for c in f.head.children
                      if c.dep_ in ("advmod", "xcomp", "obl", "obl:unmarked") and comparative(c)), "")
        if moved:
            return moved
    if f.lemma in w.up:
        return "up"
    if f.lemma in w.down:
        return "down"
    return None


def _state_form(f: Frame) -> str | None:
    """The state a clause puts its subject in: an adjective with an opposite ("closed",
    "alive"), a participle read as one ("is closed"), a prepositional state ("in
    custody"), or the result of a change-of-state verb ("reopened": open, "repealed")."""
    h = f.head
    poles = words().phrase_poles
    if h.pos_ == "NOUN":
        form = f"{case_of(h)} {lemma(h)}"
        return form if form in poles else None
    for cand in (h.lower_, f.lemma):
        if cand in poles:
            if h.pos_ == "VERB" and not f.passive and _goes_somewhere(h):
                return None  # "running out of cash", "ran for office", "ran into trouble": an act, no state
            return cand
    if h.pos_ in ("ADJ", "ADV"):
        for cand in (h.lower_, f.lemma):
            if lexical.known(cand, "a") and _has_opposite(cand):
                return cand
        return None
    if h.pos_ == "VERB":
        # A verb puts its subject in a state only when it has an opposite of its own
        # ("close"/"open", "connect"/"disconnect") and no object: "was ordered" is an act,
        # "crossed the river" a predicate about the river.
        if f.obj and not f.passive:
            return None
        if child(h, "obl:agent") is not None:
            return None  # "forces backed by artillery": an act by someone, not a state
        base = f.lemma
        if base.startswith("re") and lexical.known(base[2:], "v"):
            base = base[2:]  # "reopen", "reconnect": the state of the plain verb, again
        if base in poles:
            return base
        if _verb_has_opposite(base):
            for cand in ((h.lower_ if h.tag_ == "VBN" else ""), base):
                if cand and lexical.known(cand, "a") and _has_opposite(cand):
                    return cand
    return None


# Prepositions of a path, a goal or a purpose: a verb of state with one of them tells of
# a movement or an aim ("ran into trouble", "ran for office"), not of the state it names.
# "To" and "from" stay out: "closed to traffic" says for whom, "shut from Monday" when.
_PATH_CASES = frozenset({"for", "into", "against", "out", "over", "across", "through", "toward", "towards",
                         "up", "down", "off"})


def _goes_somewhere(h: Token) -> bool:
    """A verb whose state form ("running", "closed") heads a phrasal verb, or goes
    somewhere or for something ("opened an inquiry into the crash"). (Not a clause under
    it: the parser hangs the next clause on a participle, "closed since Monday ..., will
    reopen soon".)"""
    from ..scope import TIME_NOUNS

    prt = child(h, "compound:prt")
    if prt is not None and f"{h.lower_} {prt.lower_}" not in words().phrase_poles:
        return True  # ("shut down" is a state of its own)
    # ("closed the fishery for the rest of the year": for how long, not for what)
    return any(c.dep_ in ("obl", "advmod") and case_of(c) in _PATH_CASES and not _parsed_time(c)
               and not any(lemma(w) in TIME_NOUNS for w in c.subtree) for c in h.children)


def _phrase_words(t: Token | None) -> tuple[str, ...]:
    """Every content word of a noun phrase up to its head, and of the heads conjoined
    with it ("car and van exports"), whatever the tagger made of them: what a restatement
    may drop but never add, where the topic's key may have lost a word ("import" read as
    a verb in "the import price index")."""
    if t is None:
        return ()
    toks = list(t.doc[t.left_edge.i : t.i + 1])
    for c in t.children:
        if c.dep_ == "conj":
            toks += list(t.doc[c.left_edge.i : c.i + 1])
    return tuple(sorted({lemma(x).lower() for x in toks
                         if x.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM") and x.dep_ != "nmod:poss"}))


def _state_scope(head: Token) -> tuple[str, ...]:
    """Whom a state holds for ("open to shipping but shut to cars", "closed to lorries"):
    a bridge may be open to one and closed to another at once."""
    h = head.head if head.dep_ == "conj" and not any(c.dep_ == "obl" for c in head.children) else head
    return tuple(sorted({f"to {_key(c)}" for c in h.children if c.dep_ == "obl" and case_of(c) == "to"
                         and c.pos_ in ("NOUN", "PROPN") and not _parsed_time(c)}))


def _known_thing(t: Token) -> bool:
    """An object the copy presents as known: a name, or a noun with a definite article or
    an owner ("the bridge", "its ban"). "Opened an inquiry" brings a new thing into being,
    of which nothing earlier can say the opposite; an amount or a pronoun is no thing."""
    if t.pos_ == "PROPN":
        return True
    # a count with an owner is a known set ("grounded its six turboprops"), as a count with
    # only an article is not ("the 40 workers" may be any 40 of them, "fired 40 workers")
    return t.pos_ == "NOUN" and (not is_amount(t) or child(t, "nmod:poss") is not None) and any(
        c.dep_ in ("det", "nmod:poss") and c.lower_ not in ("a", "an", "another") for c in t.children)


def _repeated(head: Token) -> bool:
    """A clause said to happen a number of times ("opens 1,500 times a year", "swung open
    and shut 12 times"): a count of occasions, on the head or on the first of conjoined
    heads."""
    for h in (head, head.head) if head.dep_ == "conj" else (head,):
        for c in h.children:
            if c.dep_.startswith(("obl", "advmod", "nmod")) and c.lower_ == "times" \
                    and any(d.dep_ in ("nummod", "amod") for d in c.children):
                return True
    return False


def _price(t: Token) -> bool:
    """An amount of money, a percentage or index points ("at $36", "at 214 kronor", "at
    4.25%", "at 7,500 points"), where a market opens or closes; not a clock time ("closed
    at 9 a.m.")."""
    from .figures import is_currency_word, is_percent_word

    return is_amount(t) and any(w.is_currency or is_currency_word(w.lower_) or is_percent_word(w.lower_)
                                or w.lower_ in ("point", "points") for w in t.subtree)


def _verb_state(f: Frame) -> str | None:
    """The state a done act leaves its thing in, read from the verb alone, where the
    verb has an opposite in its first sense (detain/free by way of confine, accept/reject):
    "was freed", "remains detained", "the motion, rejected on Monday"."""
    h = f.head
    if h.pos_ != "VERB" or h.tag_ != "VBN" or not (f.passive or participle_on_noun(h) or h.dep_ == "xcomp"):
        return None
    if child(h, "obl:agent") is not None:
        return None
    base = f.lemma[2:] if f.lemma.startswith("re") and lexical.known(f.lemma[2:], "v") else f.lemma
    return h.lower_ if lexical.has_opposite(base, "v") else None


def _verb_has_opposite(verb: str) -> bool:
    return bool(lexical._antonyms().get(("v", verb)))


def _has_opposite(adj: str) -> bool:
    return bool(lexical._antonyms().get(("a", adj)))


def _when(f: Frame, times: tuple[str, ...], since: bool) -> tuple[str, str]:
    """When a state holds: ("on", day), ("since", day), ("now", ""), ("past", ""),
    ("future", "") or ("unknown", "")."""
    t = times[0] if times else ""
    if f.tense == "future":
        return ("future", t)
    if f.negated and f.tense == "perfect" and not t and (_at_no_time(f.head) or f.passive):
        # "has never closed", "has not closed at any point", "has not been charged": at no
        # time up to now (a done act denied in the perfect has not happened yet)
        return ("ever", "")
    if since or any(k.startswith("since") for k in times) or (t and f.tense == "perfect" and not f.negated):
        # (a state in the present perfect with a time, "has been closed since
        # mid-November", began then and holds now, however the parser hung "since")
        return ("since", t.removeprefix("since ").strip())
    if t:
        return ("on", t)
    if f.tense in ("present", "perfect") or lemma(f.head.head) in words().continuing or f.head.dep_ in ("amod",):
        return ("now", "")
    if f.tense == "past":
        return ("past", "")
    return ("unknown", "")


def _at_no_time(head: Token) -> bool:
    """A denial that covers every time up to now: "never", or "at any point" / "at any
    time" under a "not"."""
    for c in head.children:
        if c.lower_ == "never" and c.dep_ == "advmod":
            return True
        if c.dep_ == "obl" and lemma(c) in ("point", "time", "stage") and any(
                d.dep_ == "det" and d.lower_ == "any" for d in c.children):
            return True
    return False


def extract_predications(ctx: SentenceContext) -> list[Claim]:
    out: list[Claim] = []
    w = words()
    descriptions.note(ctx, _key)
    owners: dict[str, set[str]] = ctx.state.setdefault("topic_owners", {})
    for t in ctx.parsed:
        if t.pos_ == "NOUN":
            whose = _holder(t)
            if whose:
                owners.setdefault(lemma(t), set()).add(whose)
                if _another_owner(t):
                    owners[lemma(t)].add("(another)")  # "the fine on a second company": one more than one
    change_nouns = w.up_nouns | w.down_nouns
    for head in _heads(ctx):
        f = frame(head, ctx.parsed.span)
        subject = _resolve_subject(ctx, f)
        named_obj = descriptions.referent(ctx, object_of(head)) if f.obj else None
        if named_obj is not None:
            f = replace(f, obj=named_obj)  # "briefed the minister": the one minister named
        held = head.pos_ == "NOUN" and head.dep_ == "obl" and lemma(head.head) in w.continuing
        manner = head.pos_ == "ADJ" and head.dep_ == "advmod" and lemma(head.head) in w.continuing
        clause = head.head if held or manner or (head.dep_ == "xcomp" and head.pos_ != "NOUN") else head
        # "remained closed on Thursday": the day may hang on either the verb or its state
        own = set(_times_of(ctx, clause)) | (set(_times_of(ctx, head)) if clause is not head else set())
        if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubj:pass") and not own:
            # "The increase in prices last month came as ...": a bare period on the verb
            # an event noun is the subject of is the event's
            own = {_parsed_time(c) for c in head.head.children if c.dep_ in ("obl:tmod", "obl:unmarked")} - {""}
        if head.pos_ == "NOUN" and not own and lemma(head) in change_nouns:
            # "the increase in rents in April": the parser hangs the period on the noun
            # the change is of, and a rent has no month of its own
            topic_tok = _noun_topic(head)
            own = {_parsed_time(c) for c in (topic_tok.children if topic_tok is not None else ())
                   if c.dep_ in ("nmod", "nmod:tmod", "nmod:unmarked") and c.i > topic_tok.i} - {""}
        times = _anchored(tuple(sorted(own)), ctx.doc.published)
        places = _places_of(ctx, head, clause)
        common = _common(ctx, head, f, times, places)
        presence = _presence(ctx, f, subject)
        if presence is not None:
            out.append(_claim(ctx, "predicate", presence[0], "attend", subject,
                              # the source stands behind what was done there; where it was
                              # done is the copy's own framing ("At the meeting, X told ...,
                              # according to two people"), so the presence is unattributed
                              {**common, "times": tuple(sorted(set(times) | set(presence[2]))),
                               "background": True, "lemma": "attend", "negated": False, "subject": subject,
                               "object": presence[1], "args": (), "passive": False, "until": False,
                               "presence": True}))
        direction = _direction(f)
        kept = _kept(f)
        if kept is not None:
            direction = "same"
        if direction is not None:
            obj_tok = object_of(f.head)
            # an object is a thing ("raised rates"), not a manner the parser took for one ("risen sharply")
            transitive = (f.obj and f.lemma not in w.same and not f.passive and not is_amount(obj_tok)
                          and (obj_tok is None or obj_tok.pos_ in ("NOUN", "PROPN", "PRON")))
            # "has not affected the fighting": what was not affected is the object
            unaffected = direction == "same" and f.negated and f.lemma in w.unaffected
            topic = f.obj if transitive or unaffected else subject
            topic_tok = obj_tok if transitive else f.subject_tok
            # who moved it; a cause that left it unaffected ("the movement has not
            # affected the fighting") owns nothing
            agent = subject if transitive and f.lemma not in w.unaffected else ""
            if kept is not None:
                # "left its rate unchanged", "held its rate at 5.75%": the object is what
                # stayed, and whoever kept it there is the agent
                topic_tok, transitive, topic = kept, True, _key(kept)
                # the keeper is the keeping verb's subject in the active voice only ("the
                # fine was left unchanged": by someone unsaid)
                keeper = child(kept.head, "nsubj") if kept.dep_ == "obj" else None
                agent = "" if keeper is None else subject if kept.head == head else _key(keeper)
            anaphoric = False
            if head.pos_ == "NOUN":
                topic_tok = _noun_topic(head)
                topic, transitive, agent = _key(topic_tok), False, ""
                if topic_tok is None:
                    topic_tok, topic, anaphoric = _unnamed_change_topic(ctx, head, times)
            topic, places_here = _place_out_of(ctx, topic, places, topic_tok)
            if topic:
                extra = f.head.doc[_obj_index(f)] if transitive or unaffected else None
                span = _span(ctx, head, extra)
                out.append(_claim(ctx, "state-change", span, f"{topic}: {direction}", topic,
                                  {**common, "places": places_here, "direction": direction, "topic": topic, "at_rate": direction != "same" and _at_rate(head),
                                   "agent": agent, "holder": _holder(topic_tok) or (_holder(head, named_only=True) if transitive else ""),
                                   # the owners the copy has named for this noun so far: two or
                                   # more, and a mention without one may be any of them
                                   "owners_seen": tuple(sorted(owners.get(lemma(topic_tok), ()))) if topic_tok is not None else (),
                                   "afterwards": any(c.dep_ == "advmod" and c.lower_ == "since" for c in head.children),
                                   "baselines": _anchored(_baselines_of(clause), ctx.doc.published),
                                   # "little changed" allows a small move
                                   "approximate": direction == "same" and f.lemma == "change",
                                   "scope": _scope(topic_tok),
                                   "topic_words": _phrase_words(topic_tok),
                                   "as_noun": head.pos_ == "NOUN", "anaphoric": anaphoric}))
                if times and not anaphoric and topic_tok is not None:
                    ctx.state.setdefault("dated_changes", []).append((ctx.sentence.index, times, topic_tok))
            # "had not been altered" is also the denial of "had been altered"
            if head.pos_ != "VERB" or (direction == "same" and not (f.negated and f.lemma in w.unaffected)):
                continue
            # An asserted change is also an act that a denial can contradict ("raised its
            # rates" against "did not raise its rates"): it goes on to be a predicate too.
        # a rise or fall is a change, not a state ("sales decreased": no "decreased" state)
        state = _state_form(f) if direction is None else None
        verb_only = False
        if state is None and direction is None:
            state = _verb_state(f)
            verb_only = state is not None
        comp = child(head, "xcomp")
        if state is not None and comp is not None and any(c.lower_ == "to" for c in comp.children):
            state = None  # "are likely to fall", "easy to copy": about the act, not a state of the subject
        if state is not None and _repeated(head):
            state = None  # "it opens 1,500 times a year": a habit, no state at any one time
        if state is not None and head.pos_ == "VERB" and any(
                c.dep_.startswith("obl") and case_of(c) == "at" and _price(c) for c in head.children):
            state = None  # "the shares opened at $36", "closed at 214 kronor": a price, not a state
        # "the trust lifted its ban", "police released the man": an act on a thing puts
        # the thing in the state, not whoever did it
        obj_tok = object_of(head) if head.pos_ == "VERB" and f.obj and not f.passive else None
        if obj_tok is not None and not _known_thing(obj_tok):
            state = None
        holder, holder_tok = (f.obj, obj_tok) if obj_tok is not None else (subject, f.subject_tok)
        if state is not None and holder:
            # An act that changes a state ("reopened on Friday") starts it; a passive
            # participle ("was closed on Monday") describes it on that day.
            since = (head.pos_ == "VERB" and (not f.passive or head.lower_ in w.since_forms)
                     and f.tense not in ("present", "future") and not f.negated
                     and not (head.dep_ == "xcomp" and lemma(head.head) in w.continuing))
            span = _span(ctx, head, obj_tok)
            out.append(_claim(ctx, "state", span, f"{'not ' if f.negated else ''}{state}", holder,
                              {**common, "state": state, "negated": f.negated, "when": _when(f, times, since),
                               "day_dates": day_dates(times, ctx.doc.published),
                               "scope": _scope(holder_tok) + _state_scope(head),
                               "subject_words": _phrase_words(holder_tok),
                               # put in the state by someone's act on it ("lifted its ban")
                               "acted_on": obj_tok is not None, "manner": _manner(head),
                               "event": head.pos_ == "VERB", "pole": w.phrase_poles.get(state)}))
            if not verb_only:
                continue
            # a state read from a verb alone ("was detained") is still the act, which a
            # denial may contradict ("had not been altered")
        act, patient_key, ignored, noun = f.lemma, f.obj, f.lemma in w.ignore, None
        if head.pos_ == "VERB" and ignored:
            act, patient_key, ignored, noun = _support_phrase(f)
        if head.pos_ == "VERB" and not ignored and not _carries_speech(head, f.lemma) and (patient_key or subject):
            span = _span(ctx, head, noun if noun is not None else f.head.doc[_obj_index(f)] if f.obj else None)
            agent, patient, passive = subject, patient_key, f.passive
            if participle_on_noun(head) and not f.obj:
                # "the core drilled from Silver Creek": the noun is what was drilled, and
                # who drilled it is not said
                agent, patient, passive = "", subject, True
            out.append(_claim(ctx, "predicate", span, f"{'not ' if f.negated else ''}{act}", agent,
                              {**common, "lemma": act, "negated": f.negated, "subject": agent, "object": patient,
                               "args": f.args, "passive": passive, "until": _until(head),
                               # "had never met him": denied at every time up to now
                               "at_no_time": f.negated and _at_no_time(head),
                               # "did not spell out how it would be done": what is denied is
                               # a clause, which another clause may not share
                               "clause_object": _clause_object(head),
                               "manner": _manner(head), "picks_members": _picks_members(head)}))
            # who is in the condition: what was done to ("paramedics treated three people
            # for injuries", "three people were treated for injuries"), else the subject
            # ("he died of his wounds")
            sufferer = patient or agent
            if sufferer and not f.negated:
                for cond, verb in _conditions(head):
                    # "three people were treated for injuries": three people were injured
                    out.append(_claim(ctx, "predicate", (span[0], ctx.parsed.end_of(cond)), verb, "",
                                      # where and when they were treated is not where and
                                      # when they were hurt
                                      {**common, "places": (), "times": (),
                                       "lemma": verb, "negated": False, "subject": "", "object": sufferer,
                                       "args": (), "passive": True, "until": False, "at_no_time": False,
                                       "clause_object": False, "manner": (), "from_condition": True}))
    out.extend(_event_nouns(ctx, lambda t: _common(ctx, t, frame(t, ctx.parsed.span), (), _places_of(ctx, t))))
    # the last name this sentence gave a clause as its object or after a preposition, for
    # a later "he" or "she" (kept after the sentence, so that it never reaches back into it)
    named = [t for t in ctx.parsed if t.pos_ == "PROPN" and t.dep_ in ("obj", "iobj", "obl") and _person_name(t)]
    if named:
        ctx.state["named_argument"] = _key(named[-1])
    return out


def _place_out_of(ctx: SentenceContext, topic: str, places: tuple[str, ...],
                  topic_tok: Token | None) -> tuple[str, tuple[str, ...]]:
    """A topic led by the name of a place the story names as a place elsewhere ("Dublin
    rents" where it also says "rents in Dublin") is the rest of the topic, in that place:
    where a thing is does not make it another thing. ("in the FTSE 100" names no place
    the topic "FTSE 100" is in: the phrase itself is no mention elsewhere.)"""
    words = topic.split()
    if len(words) < 2 or topic_tok is None:
        return topic, places
    lo = ctx.parsed.start_of(topic_tok.left_edge)
    hi = ctx.parsed.end_of(topic_tok)
    named: dict[str, list[tuple[int, int]]] | None = ctx.state.get("places_named")
    if named is None:
        # where the story names each place, gathered once per document
        named = ctx.state["places_named"] = {}
        for ps in ctx.document.places:
            for start, end, key in ps:
                named.setdefault(key, []).append((start, end))
    for n in range(len(words) - 1, 0, -1):
        lead, rest = " ".join(words[:n]), words[n:]
        elsewhere = any(not (start < hi and lo < end) for start, end in named.get(lead, ()))
        if elsewhere and all(w.isalpha() for w in rest):
            return " ".join(rest), tuple(sorted({*places, lead}))
    return topic, places


def _common(ctx: SentenceContext, head: Token, f: Frame, times: tuple[str, ...], places: tuple[str, ...]) -> dict[str, Any]:
    """What every clause claim carries: its time, place, tense, mood and framing."""
    background = head.dep_ in ("acl", "acl:relcl", "amod", "advcl", "advcl:relcl") or _in_background(head)
    return {
        "lemma": f.lemma,
        "times": times,
        "places": places,
        "tense": f.tense,
        "unasserted_form": _complement_form(head) and not f.denied_act,
        "modality": f.modality or "",
        "background": background,
        "temporal_clause": head.dep_ in ("advcl", "acl:relcl", "advcl:relcl") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "since", "after", "before", "while", "until")
            for c in head.children),
        "concessive": _concessive(head) or "",
        "hedged": ctx.attribution_at(ctx.parsed.start_of(head)).hedged,
        # the day "now" is in a dated story
        "story_date": ctx.doc.published.isoformat() if ctx.doc.published else "",
    }


_ACT_DOMAINS = frozenset({"act", "event", "process"})
_EVENT_DOMAINS = _ACT_DOMAINS | {"communication"}
# Words on an event noun that say it has not happened, or may not.
_UNREAL = frozenset({
    "planned", "proposed", "possible", "potential", "expected", "likely", "future", "prospective",
    "threatened", "scheduled", "intended", "rumoured", "rumored", "alleged", "reported",
})


def _event_verb(noun: Token, dated: bool = False) -> str | None:
    """The verb an event noun names ("closure" -> close, "concession" -> concede,
    "visit" -> visit), by WordNet's derivations, when one of the noun's first senses is an
    act, event or process; else None. A noun dated by its possessor ("Sunday's launch")
    is an event in its first two senses: a thing has no day of its own."""
    low = lemma(noun).lower()
    verbs = sorted(v for v, pos in lexical.derived(low) if pos == "v")
    if not verbs:
        return None
    # a noun written as its verb is an act only in its first sense ("a visit"; "his view"
    # is an opinion); one written from it ("concession", "signing") in either of its first
    # two, where WordNet files many acts as communication
    first = lexical.noun_domains(low, senses=2 if dated else 1)
    if not (first & _ACT_DOMAINS or (low not in verbs and lexical.noun_domains(low, senses=2) & _EVENT_DOMAINS)):
        return None
    # the verb the noun is written from, in its common use: "closure" is close (WordNet
    # also lists a rare verb "closure"), "approval" approve, not approbate
    return max(verbs, key=lambda v: (lexical.zipf(v), v))


def _event_nouns(ctx: SentenceContext, common_of: Any) -> list[Claim]:
    """An event told as a noun with its participants is an act the copy reports:
    "Varga's concession on Sunday night" (Varga conceded), "his visit to the Narva
    garrison", "Tuesday's closure of the secondary runway" (the runway was closed on
    Tuesday: a state, for a verb with an opposite). Only a noun with a possessor or an
    "of" phrase, not marked as planned or possible, and not under a condition."""
    w = words()
    out: list[Claim] = []
    for t in ctx.parsed:
        # "there had been three arrests", "there were no arrests": an event noun that a
        # "there is" says happened (or did not), with no participant named
        existential = t.dep_ == "nsubj" and child(t.head, "expl") is not None and lemma(t.head) == "be"
        # "no injuries were reported", "three arrests were reported": a report that the
        # event happened (or did not) says what "there were" says
        existential = existential or (t.dep_ == "nsubj:pass" and lemma(t.head) in w.speech)
        if t.pos_ != "NOUN" or (t.tag_ != "NN" and not existential) or lemma(t) in (w.up_nouns | w.down_nouns) \
                or lemma(t) in _PORTIONS:
            continue
        dets = [c.lower_ for c in t.children if c.dep_ in ("amod", "det")]
        if any(d in _UNREAL for d in dets) or (not existential and any(d in ("no", "any", "a", "an") for d in dets)):
            continue
        denied = existential and any(d in ("no", "any") for d in dets)
        poss = child(t, "nmod:poss")
        of = next((c for c in t.children if c.dep_ == "nmod" and case_of(c) in ("of", "to")
                   and c.pos_ in ("NOUN", "PROPN") and not is_amount(c)), None)
        agent = poss if poss is not None and not _parsed_time(poss) else None
        # "Sunday's launch put two satellites into orbit": dated by its possessor, the event
        # is the one of that verb on that day
        dated = poss is not None and agent is None and t.dep_ in ("nsubj", "nsubj:pass", "obj")
        bare = agent is None and of is None
        if bare and not (existential or dated):
            continue
        if t.dep_ in ("nsubj", "nsubj:pass") and lemma(t.head) in w.speech and not existential:
            continue  # "his campaign said": a source, not an act
        verb = _event_verb(t, dated)
        if verb is None or verb in w.ignore or verb in w.speech or verb in w.up or verb in w.down:
            continue
        common = common_of(t)
        head_neg = negated(t.head) if existential else None
        if common["modality"] or (existential and ((head_neg is not None and head_neg.head != t)
                                                   or common["unasserted_form"])):
            continue  # ("there was not a single arrest": a denial this reading does not weigh)
        times = _times_of(ctx, t)
        if bare:
            if existential:
                # the clause's time and place are the event's ("In Pontalba, there were no
                # injuries")
                times = tuple(sorted(set(times) | set(_times_of(ctx, t.head))))
                common = {**common, "places": _places_of(ctx, t.head)}
            no = next((c for c in t.children if c.dep_ == "det" and c.lower_ == "no" and c.i < t.i), t)
            out.append(_claim(ctx, "predicate", (ctx.parsed.start_of(no), ctx.parsed.end_of(t)),
                              f"{'not ' if denied else ''}{verb}", "",
                              {**common, "lemma": verb, "times": times, "negated": denied, "subject": "", "object": "",
                               "args": (), "passive": False, "until": False, "tense": "past",
                               # what "there were three arrests" says is the clause's own
                               # assertion; "Sunday's launch" is presupposed, the copy's framing
                               "background": not existential, "nominal": True, "bare_event": True}))
            continue
        base = verb
        state = next((c for c in (f"{base}d", f"{base}ed", base) if c in w.phrase_poles
                      or (lexical.known(c, "a") and _has_opposite(c) and c != base)), None)
        start, end = ctx.parsed.start_of(t), ctx.parsed.end_of(t)
        if of is not None:
            end = max(end, ctx.parsed.end_of(of))
        if state is not None and of is not None and case_of(of) == "of":
            thing = _key(of)
            when = ("on", times[0]) if times else ("past", "")
            out.append(_claim(ctx, "state", (start, end), state, thing,
                              {**common, "lemma": verb, "times": times, "state": state, "negated": False, "when": when,
                               "event": True, "pole": w.phrase_poles.get(state), "tense": "past", "background": True}))
            continue
        subject = ""
        if agent is not None:
            subject = _key(agent)
            if subject in _PRONOUN_SUBJECTS or agent.pos_ == "PRON":
                # "his visit": the person last named; "its inquiry" says too little
                subject = ctx.state.get("predication_person", "") if agent.lower_ in ("his", "her") else ""
        if not subject and of is None:
            continue
        out.append(_claim(ctx, "predicate", (start, end), verb, subject,
                          {**common, "lemma": verb, "times": times, "negated": False, "subject": subject,
                           "object": _key(of) if of is not None else "", "args": (), "passive": False,
                           "until": False, "tense": "past", "background": True, "nominal": True}))
    return out


def _presence(ctx: SentenceContext, f: Frame, subject: str) -> tuple[tuple[int, int], str, tuple[str, ...]] | None:
    """A person acting at an occasion was there: "At Tuesday's cabinet meeting, Lindner
    told colleagues ..." asserts that Lindner attended the meeting, against "did not attend
    Tuesday's cabinet meeting". The words "at the meeting" and their object are the claim;
    only an asserted act of a person, in the active voice, is evidence of presence."""
    head, subj = f.head, f.subject_tok
    if head.pos_ != "VERB" or f.negated or f.passive or f.modality or not subject or subj is None:
        return None
    person = subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they", "i", "we") or (
        subj.pos_ == "NOUN" and "person" in lexical.noun_domains(lemma(subj)))
    if not person:
        return None
    from ..scope import TIME_NOUNS

    for c in head.children:
        if c.dep_ == "obl" and c.pos_ == "NOUN" and case_of(c) == "at" and lemma(c) not in TIME_NOUNS \
                and not is_amount(c):
            words_ = [t for t in c.subtree if not t.is_punct]
            when = tuple(t for t in (_parsed_time(d) for d in c.children if d.dep_ in ("nmod", "nmod:poss")) if t)
            return (ctx.parsed.start_of(words_[0]), ctx.parsed.end_of(words_[-1])), _key(c), when
    return None


def _support_phrase(f: Frame) -> tuple[str, str, bool, Token | None]:
    """A support verb and its noun as one act, with no object of its own: "came under
    fire" -> ("come under fire", ""), "took part" -> ("take part", ""); a verb that carries
    figures acting on a thing keeps its object ("reached homes"). Otherwise the verb as it
    was, still ignored (the third value). The fourth is the noun the claim's words reach."""
    w = words()
    head = f.head
    obj = object_of(head)
    if f.lemma in w.acts_on_things and obj is not None and obj.pos_ == "NOUN" and not is_amount(obj):
        return f.lemma, f.obj, False, None
    if f.lemma in w.support_obj and obj is not None and obj.pos_ == "NOUN" and not is_amount(obj) \
            and not f.passive and obj.i > head.i:
        # what the noun is of is the act's object: "gave details of the plan"
        of = next((c for c in obj.children if c.dep_ == "nmod" and case_of(c) in ("of", "on", "about", "to")), None)
        return f"{f.lemma} {lemma(obj)}", _key(of), False, obj
    if f.lemma in w.support_phrase and obj is None:
        from ..scope import TIME_NOUNS

        for c in sorted(head.children, key=lambda t: t.i):
            if c.i > head.i and c.dep_ == "obl" and c.pos_ == "NOUN" and case_of(c) and lemma(c) not in TIME_NOUNS \
                    and not is_amount(c):
                return f"{f.lemma} {case_of(c)} {lemma(c)}", "", False, c
    return f.lemma, f.obj, True, None


# Words that open a question clause; "when", "where" and "if" open adverbial ones too
# ("was hurt when officers boarded"), so they do not count here.
_WH = frozenset({"how", "what", "why", "whether", "which", "who"})


# How a clause names the condition its person is in: "treated for injuries", "taken to
# hospital with burns", "died of his wounds", "suffering from hypothermia" (a closed class).
_CONDITION_CASES = frozenset({"for", "with", "of", "from"})


def _conditions(head: Token) -> list[tuple[Token, str]]:
    """The bodily or other conditions a clause's person is said to be in, each with the
    verb that puts one in it (WordNet: a noun of state with a derived verb, "injury" and
    "injure", "wound" and "wound"): the person was injured, whatever was done to them."""
    out = []
    # on the verb, or on the person ("treated three people for injuries", parsed either way)
    person = object_of(head) or child(head, "nsubj:pass")
    for c in [*head.children, *(person.children if person is not None else ())]:
        if c.dep_ not in ("obl", "nmod") or c.pos_ != "NOUN" or case_of(c) not in _CONDITION_CASES:
            continue
        if "state" not in lexical.noun_domains(lemma(c)):
            continue
        verbs = sorted(v for v, pos in lexical.derived(lemma(c)) if pos == "v")
        if verbs:
            out.append((c, verbs[0]))
    return out


def _picks_members(head: Token) -> bool:
    """A restrictive relative clause on a plural noun ("all 38 units that had not been
    renovated since 2015"): it says which members of a set are meant, and asserts
    nothing of any one thing the copy names."""
    if head.dep_ != "acl:relcl" or head.head.tag_ not in ("NNS", "NNPS"):
        return False
    noun = head.head
    return not any(t.text == "," for t in head.doc[noun.i + 1 : head.left_edge.i + 1])


def _manner(head: Token) -> tuple[str, ...]:
    """The manner or degree adverbs on a verb ("seriously injured", "fully repaid"): the
    -ly adverbs it governs, by their form, not a list."""
    return tuple(sorted({c.lower_ for c in head.children if c.dep_ == "advmod" and c.pos_ == "ADV"
                         and c.lower_.endswith("ly") and len(c.lower_) > 4 and c.lower_ not in HABITUAL}))


def _clause_object(head: Token) -> bool:
    """A verb whose object is a clause: "said that ...", "did not spell out how this
    should be achieved" (however the parser hangs the question)."""
    for c in head.children:
        if c.dep_ == "ccomp" and not (lemma(c) in words().speech and c.i > head.i):
            return True  # (not "..., the ministry said", the parser's attribution hung here)
        if c.dep_ in ("advcl", "xcomp") and c.i > head.i and any(
                g.lower_ in _WH and g.dep_ in ("advmod", "mark", "nsubj", "obj") for g in c.children):
            return True
    return False


def _until(head: Token) -> bool:
    """"were not placed until after 1530 EST": with "until", a denial says when the act
    happened, not whether."""
    return any(c.dep_ in ("obl", "advcl", "advmod", "obl:tmod") and any(
        g.lower_ in ("until", "till") and g.dep_ in ("case", "mark") for g in c.children) for c in head.children) \
        or any(c.lower_ in ("until", "till") and c.dep_ in ("mark", "case", "advmod") for c in head.children)


def _carries_speech(head: Token, lemma_: str) -> bool:
    """A speech verb carrying what someone said ("said he feared", "the ministry said"):
    the clause it carries is the fact, not the saying. With nothing said under it
    ("did not testify at the hearing", "testifying at the hearing") it is an act."""
    if lemma_ not in words().speech:
        return False
    if any(c.dep_ in ("ccomp", "parataxis", "xcomp", "obj", "iobj") for c in head.children):
        return True
    # a parenthetical "..., he said" hangs on the clause it reports
    return head.dep_ in ("parataxis", "ccomp", "ROOT") and any(c.dep_ == "punct" for c in head.children) \
        and not any(c.dep_ in ("obl",) for c in head.children)


def _at_rate(head: Token) -> bool:
    """A change told by its pace ("was growing at an annualized 7.5 pct"): the pace is
    a level of its own, which may hold while the thing it measures moves."""
    return any(c.dep_ in ("obl", "obl:unmarked") and case_of(c) == "at" and (is_amount(c) or lemma(c) in ("rate", "pace"))
               for c in head.children)


def _obj_index(f: Frame) -> int:
    o = object_of(f.head)
    if o is None and f.head.dep_ == "acl:relcl":
        return f.head.head.i
    return o.i if o is not None else f.head.i


def _in_background(head: Token) -> bool:
    """A clause the writer sets as background to its sentence: under "after", "before",
    "when", "once", "because"."""
    return any(c.dep_ == "mark" and c.lower_ in ("after", "before", "when", "once", "because", "since", "until") for c in head.children)



