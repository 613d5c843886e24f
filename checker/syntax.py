"""Questions every extractor asks of a parsed sentence, answered from its dependency tree
(Universal Dependencies relations, as the project's pipeline assigns them): which clause
holds a word, that clause's subject and object, whether it is negated or only possible,
what a noun phrase is made of, and who owns it.

Everything here reads spaCy tokens and returns tokens or plain values; nothing looks at
the words beside a token except through the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "nsubj:outer"})
OBJECTS = frozenset({"obj", "iobj"})
# Relations by which a clause hangs under another clause.
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "advcl:relcl", "acl", "acl:relcl", "csubj", "parataxis"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "SYM"})
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
# Function words whose clause does not assert what it says. A small closed class.
CONDITIONS = frozenset({"if", "unless", "whether"})
MODALS = frozenset({"could", "would", "might", "may", "should", "can", "must", "ought", "shall"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none", "without"})
# Adverbs of frequency: a clause they modify tells what is usually so ("the museum is
# normally closed on Mondays"), not what is so at the time the story tells. A closed class.
HABITUAL = frozenset({"normally", "usually", "typically", "generally", "ordinarily", "customarily", "routinely",
                      "often", "sometimes", "frequently", "rarely", "seldom"})
_WEEKDAYS = frozenset({"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
                       "weekends", "weekdays"})


def is_nominal(t: Token) -> bool:
    return t.pos_ in NOMINAL_POS


def predicate_of(t: Token) -> Token:
    """The head of the clause holding t: the nearest ancestor (or t itself) that is a verb,
    or a copular predicate (a noun or adjective with a `cop` child), or the root."""
    cur = t
    for _ in range(64):  # a guard; trees are shallow
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "aux:pass", "cop"):
            return cur
        if any(c.dep_ == "cop" for c in cur.children) or cur.dep_ in CLAUSAL or cur.head == cur:
            return cur
        cur = cur.head
    return cur


def _kids(t: Token) -> list[Token]:
    """A token's children, listed once per parsed Doc (spaCy walks the array for every
    `children`, and the extractors ask for them tens of thousands of times a story). The
    parser's repairs change a tree before anything lists it (checker/parse.py forgets the
    list after them)."""
    doc = t.doc
    cached: list[list[Token]] | None = doc.user_data.get("kids")
    if cached is None:
        cached = [[] for _ in range(len(doc))]
        for tok in doc:
            if tok.head.i != tok.i:
                cached[tok.head.i].append(tok)
        doc.user_data["kids"] = cached
    return cached[t.i]


def forget_children(doc: object) -> None:
    """Drop the listed children of a Doc whose tree was changed."""
    getattr(doc, "user_data", {}).pop("kids", None)


def children(t: Token, *deps: str) -> list[Token]:
    return [c for c in _kids(t) if c.dep_ in deps]


def child(t: Token, *deps: str) -> Token | None:
    return next((c for c in _kids(t) if c.dep_ in deps), None)


def case_of(t: Token) -> str:
    """The preposition (lower-case) that marks a nominal: "to" in "to 7 degrees"."""
    c = child(t, "case")
    if c is None:
        # "to 24.5 million tonnes", "at its pubs business" with the preposition hung on a
        # word inside the phrase: the phrase's first word is still its preposition
        first = t.left_edge
        if first.pos_ == "ADP" and first.dep_ == "case" and first.i < t.i and first.head.i != t.i:
            return first.lower_
        return ""
    fixed = children(c, "fixed")
    return " ".join([c.lower_, *(f.lower_ for f in fixed)])


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # tags of a finite verb or auxiliary


def subject_of(pred: Token) -> Token | None:
    """The subject of a clause head: its own, or, for a conjoined or controlled verb
    ("rose and then fell", "expected to rise"), the subject of the verb it depends on; for
    a relative clause, the noun it modifies."""
    cur = pred
    for _ in range(8):
        s = child(cur, *SUBJECTS)
        if s is not None:
            return s
        if cur.dep_ == "xcomp" and cur.head != cur:
            if any(c.dep_ in ("cop", "aux", "aux:pass") and c.tag_ in FINITE for c in cur.children):
                return None  # "..., and cassette sales were flat": a finite clause misread as a complement
            # "expected prices to rise": the object controls; "wants to rise": the subject
            controller = child(cur.head, "obj")
            if controller is not None:
                return controller
            cur = cur.head
            continue
        if cur.dep_ == "conj" and cur.head != cur:
            cur = cur.head
            continue
        if cur.dep_ in ("acl:relcl", "acl") and cur.head != cur:
            return _set_off_antecedent(cur)
        if cur.dep_ == "parataxis" and cur.head.i < cur.i and cur.tag_ in ("VBD", "VBZ", "VBP"):
            # "The plant's backup, the Ferosplavna-1 line, remained disconnected": a finite
            # verb without a subject, cut off from its noun by an apposition or a relative
            # clause, which the parser hangs beside the clause instead of under it
            h = cur.head
            return h if h.pos_ in ("NOUN", "PROPN") else child(h, *SUBJECTS)
        return None
    return None


def _set_off_antecedent(clause: Token) -> Token:
    """The noun a relative clause or participle modifies. One set off by a comma after
    "N by M" ("the report by the consortium, published on Nov 13") describes N: the
    parser hangs it on the nearest noun, but a by-phrase names N's maker, and a clause
    after the comma is about the phrase as a whole."""
    noun = clause.head
    if (set_off(clause) and noun.dep_ in ("nmod", "nmod:agent")
            and case_of(noun) == "by" and noun.head.pos_ in ("NOUN", "PROPN")):
        return noun.head
    # "Schools in the capital, which reopened on Monday": a place after "in" or "at" says
    # where N is, and a clause set off after it is about N
    if (set_off(clause) and noun.dep_ == "nmod" and case_of(noun) in ("in", "at")
            and noun.head.pos_ == "NOUN" and _place_like(noun)):
        return noun.head
    return noun


def _place_like(t: Token) -> bool:
    from . import lexical

    return t.pos_ == "PROPN" or "location" in lexical.noun_domains(lemma(t), senses=3)


def first_word(clause: Token) -> Token:
    """The first word of a clause, punctuation the parser hung on it aside."""
    return next((t for t in clause.subtree if not t.is_punct), clause)


def set_off(clause: Token) -> bool:
    """Whether a clause is set off by a comma before it (", which lasted six weeks",
    ", published on Nov 13")."""
    first = first_word(clause)
    return first.i > 0 and clause.doc[first.i - 1].text == ","


def noun_set_off_before(first: Token) -> Token | None:
    """The noun a phrase starting at `first` is set off after by a comma, the phrase's
    own prepositions and adverbs aside ("the strike, now in its fourth week", "the
    sentencing, on Thursday 14 May"), or None."""
    doc = first.doc
    j = first.i - 1
    while j >= 0 and doc[j].pos_ in ("ADP", "ADV", "PART") and doc[j].text != ",":
        j -= 1
    if j < 1 or doc[j].text != "," or doc[j - 1].pos_ != "NOUN":
        return None
    return doc[j - 1]


def is_amount(t: Token | None) -> bool:
    """An object that is an amount ("rose 2%", "fell 3.6 billion dlrs"), not a thing."""
    if t is None:
        return False
    if t.pos_ in ("NUM", "SYM") or any((c.dep_ == "nummod" or (c.dep_ == "compound" and c.like_num)) and not _score(c)
                                       for c in t.children):
        return True
    # "rose 592 mln dlrs": the number may hang on the scale word before the unit
    return any(c.dep_ == "compound" and not _score(c) and any(g.dep_ == "nummod" or g.like_num for g in c.children)
               for c in t.children)


def _score(num: Token) -> bool:
    """"the board's 4-1 decision", "a 2-1 win": two numbers joined by a dash before a noun
    are a tally of votes or goals, which names the thing, not an amount of it."""
    doc = num.doc
    return any(c.like_num and c.i == num.i + 2 and doc[num.i + 1].text in ("-", "–") for c in num.children)


def object_of(pred: Token) -> Token | None:
    """The thing a clause is about besides its subject: the direct object, or the subject
    of a passive ("the permit was granted": the permit)."""
    o = child(pred, "obj")
    if o is not None:
        return o
    if child(pred, "aux:pass") is not None or pred.tag_ == "VBN":
        return child(pred, "nsubj:pass")
    return None


def conj_root(t: Token) -> Token:
    """The first conjunct of a coordination ("tanks, trucks and guns": tanks)."""
    cur = t
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    return cur


def negated(pred: Token) -> Token | None:
    """The word that negates a clause head, if any: "not", "n't", "never" as its
    modifier, or "no"/"none" as the determiner of its subject or object."""
    for c in pred.children:
        if c.dep_ in ("advmod", "neg", "det", "cc:preconj") and c.lower_ in NEGATORS:
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if c.lower_ == "not" and nxt is not None and nxt.lower_ in ("only", "just", "merely"):
                continue  # "not only runs the risk ... but": an addition, not a denial
            return c
        if c.dep_ == "aux" and c.lower_.endswith("n't"):
            return c
    for arg in (child(pred, *SUBJECTS), child(pred, "obj")):
        if arg is not None:
            # "no details", and "no more details" however the parser hangs the "no"
            near = [*arg.children, *(g for c in arg.children if c.dep_ == "amod" for g in c.children)]
            d = next((c for c in near if c.dep_ in ("det", "advmod") and c.lower_ in ("no", "neither")), None)
            if d is not None:
                return d
            if arg.lower_ in ("nothing", "nobody", "none", "neither"):
                return arg
    return None


def modality(pred: Token, sentence: Span | None = None) -> str | None:
    """Why a clause does not assert what it says: "condition" (under if/unless/whether),
    "modal" (could, would, may ...), "habitual" (normally, usually, on Mondays), "question"
    (its sentence asks), or None. Pass the sentence when it is at hand: finding a token's
    sentence walks the Doc."""
    cur = pred
    for _ in range(12):
        for c in cur.children:
            if c.dep_ == "mark" and c.lower_ in CONDITIONS:
                return "condition"
        if cur.dep_ in ("advcl", "ccomp", "xcomp", "conj") and cur.head != cur:
            cur = cur.head
            continue
        break
    for c in pred.children:
        if c.dep_ == "aux" and c.lower_ in MODALS:
            return "modal"
        # "is normally closed", "opens on Sundays"; after its verb the adverb is a manner
        # ("was operating normally": working as it should, now)
        if (c.dep_ == "advmod" and c.lower_ in HABITUAL and c.i < pred.i) \
                or (c.dep_ in ("obl", "obl:tmod") and c.lower_ in _WEEKDAYS):
            return "habitual"
    sent = sentence if sentence is not None else pred.sent
    last = sent[-1] if len(sent) else pred
    if last.text == "?" or (last.is_punct and len(sent) > 1 and sent[-2].text == "?"):
        return "question"
    return None


def noun_modifiers(noun: Token, skip: frozenset[int] = frozenset()) -> list[Token]:
    """What narrows a noun: adjectives, compounds, prepositional phrases ("films by
    women", "in competition") and clauses under it ("the people being treated"), not
    determiners, numbers or possessors."""
    out = []
    for c in noun.children:
        if c.i in skip:
            continue
        if c.dep_ in ("amod", "compound") and c.pos_ not in ("NUM", "PUNCT"):
            out.append(c)
        elif c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) not in ("of", ""):
            out.append(c)
        elif c.dep_ in ("acl", "acl:relcl"):
            out.append(c)  # "the 23 people being treated", "the matches he started"
    reduced = _reduced_relative(noun)
    if reduced is not None and reduced.i not in skip and all(reduced.i != t.i for t in out):
        out.append(reduced)
    return out


def _reduced_relative(noun: Token) -> Token | None:
    """A participle right after a noun ("the 23 people being treated", "the goods
    seized") that the parser hung on the clause's verb instead: it narrows the noun all
    the same."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].lower_ in ("being", "having") and doc[i].pos_ == "AUX":
        i += 1
    if i >= len(doc):
        return None
    verb = doc[i]
    if verb.tag_ in ("VBN", "VBG") and verb.pos_ == "VERB" and verb.dep_ in ("advcl", "dep", "amod", "xcomp") \
            and verb.head.i != noun.i:
        return verb
    return None


RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs on when the relative pronoun is the clause's
    subject ("the trial, which lasted three weeks": the trial), else None."""
    s = subject_of(verb)
    # "a trial that opened on Jan. 8 and ended on April 30": a verb conjoined in the
    # relative clause shares its pronoun, and so its noun
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause and not any(c.dep_ in SUBJECTS for c in clause.children):
        clause = clause.head
    if s is not None and s.lower_ in RELATIVE_PRONOUNS and clause.dep_ in ("acl:relcl", "advcl:relcl"):
        return _set_off_antecedent(clause)
    return None


def participle_on_noun(verb: Token) -> bool:
    """A past participle set right on a noun, with no auxiliary or subject of its own ("the
    core drilled on Sunday", "the plans adopted on Wednesday"): a passive relative clause
    cut short, telling an act done to the noun."""
    # a relative pronoun anywhere under it ("the summit, which began on ...", misparsed)
    # makes it a full relative clause
    # with no other finite verb in the sentence the "participle" is its main verb misread
    # ("The summit opened on March 3." parsed as one noun phrase)
    return (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("aux", "aux:pass", "nsubj", "nsubj:pass") or c.lower_ in RELATIVE_PRONOUNS
                        for c in _kids(verb))
            and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.sent if t is not verb))


def possessor(noun: Token) -> Token | None:
    """Whose a noun is: its possessive ("the town's population", "her share")."""
    return child(noun, "nmod:poss")


def of_phrase(noun: Token) -> Token | None:
    """The noun of an "of" phrase under a noun ("the population of the town")."""
    for c in noun.children:
        if c.dep_ in ("nmod", "nmod:unmarked") and case_of(c) == "of":
            return c
    return None


def subtree_span(t: Token) -> tuple[int, int]:
    """Character offsets (within its Doc) of a token's whole subtree."""
    left, right = t.left_edge, t.right_edge
    return left.idx, right.idx + len(right.text)


def ancestors_until(t: Token, stop: Token) -> Iterator[Token]:
    cur = t
    while cur != stop and cur.head != cur:
        cur = cur.head
        yield cur


def definite(noun: Token) -> bool:
    """A noun phrase that points back at something named before: "the", a demonstrative
    or a possessive determiner."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if c.dep_ == "nmod:poss":
            return True
    return False


def indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


_UPOS_TO_WN = {"NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r"}


def lemma(t: Token) -> str:
    """A token's lemma, lower-case, checked against WordNet: the pipeline's lemma when
    WordNet knows it for the token's part of speech, else an irregular form's lemma, else
    the regular inflection stripped, else the pipeline's. Without a trained lemmatizer,
    the lemma comes from WordNet's forms and the regular endings alone. Proper nouns keep
    their form."""
    if t.pos_ == "PROPN":
        if t.tag_ in ("NNPS", "NNS", "VBZ") and t.i == t.sent.start and not t.is_upper:
            # "Imports climbed": a plural common noun that opens a sentence, tagged a name
            plain = noun_lemma(t.lower_)
            if plain != t.lower_ and _known_noun(plain):
                return plain
        return t.lower_
    return _lemma_of(t.pos_, t.lower_, t.tag_, t.lemma_)


def _known_noun(word: str) -> bool:
    from . import lexical

    return lexical.known(word, "n")


def noun_lemma(form: str) -> str:
    """The lemma lemma() gives a plural noun written as `form`: the key a count's subject
    carries ("acts" -> "act", "people" -> "person")."""
    return _lemma_of("NOUN", form.lower(), "NNS", "")


@lru_cache(maxsize=65536)
def _lemma_of(upos: str, form: str, tag: str, pipeline_lemma: str) -> str:
    """lemma() on a token's strings: the same four strings give the same lemma, and a
    story repeats its words, so each is worked out once."""
    from . import lexical

    pos = _UPOS_TO_WN.get(upos)
    if pos == "n":
        # The irregular plurals news counts by ("people" -> person, "troops" -> troop),
        # lexicon.toml [nouns] irregular: one key whatever the number.
        irregular_noun = _irregular_nouns().get(form)
        if irregular_noun:
            return irregular_noun
    if pos == "n" and tag == "NN" and lexical.known(form, "n"):
        return form  # tagged singular: "pass", "gas" are no plurals of "pa" and "ga"
    if pos == "v" and tag in ("VB", "VBP") and lexical.known(form, "v"):
        return form  # a base form is its own lemma: "will hold" is no form of "hole"
    if not pipeline_lemma:
        # No trained lemmatizer in the pipeline: WordNet's irregular forms, then the
        # regular endings (a plural's singular first), then the form itself.
        if pos is None:
            return form
        irregular = lexical.lemma_of_form(form, pos)
        if irregular and lexical.known(irregular, pos):
            return irregular
        return next((c for c in _regular(form, pos) if lexical.known(c, pos)), form)
    guess = pipeline_lemma.lower()
    if pos is None or lexical.known(guess, pos):
        return guess
    irregular = lexical.lemma_of_form(form, pos)
    if irregular and lexical.known(irregular, pos):
        return irregular
    for cand in _regular(form, pos):
        if lexical.known(cand, pos):
            return cand
    return guess


def _regular(form: str, pos: str) -> list[str]:
    out = []
    if pos == "n":
        if form.endswith("ies"):
            out.append(form[:-3] + "y")
        if form.endswith(("ches", "shes", "sses", "xes", "zes")):
            out.append(form[:-2])
        if form.endswith("s"):
            out.append(form[:-1])
        if form.endswith("ses"):
            out.append(form[:-2])  # "buses", "gases", "bonuses", after "cases", "houses"
    elif pos == "v":
        for suf in ("ing", "ed", "es", "s", "d"):
            if form.endswith(suf):
                stem = form[: -len(suf)]
                out += [stem, stem + "e"]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])  # "stopped"
                if suf == "ied":
                    out.append(stem + "y")
        if form.endswith("ied"):
            out.append(form[:-3] + "y")
    elif pos == "a":
        for suf in ("er", "est"):
            if form.endswith(suf):
                out += [form[: -len(suf)], form[: -len(suf)] + "e"]
    out.append(form)
    return out


def _irregular_nouns() -> dict[str, str]:
    from .lexicon import lexicon

    return lexicon().words["nouns"]["irregular"]


def pronoun_antecedent(pron: Token) -> Token | None:
    """What "it" or "its" points back to, by centering: a noun subject earlier in its own
    sentence ("the refinery cut its workforce"), else the subject of the sentence before
    ("The refinery opened in 1962. It employs 900 people."). A person is never "it"."""
    if pron.lower_ not in ("it", "its"):
        return None
    sent = pron.sent
    before = [t for t in sent if t.i < pron.i]
    for t in before:
        if t.dep_ in ("nsubj", "nsubj:pass") and thing_like(t):
            return _owner_of(t)
    # a subject that cannot be "it" (people, a plural) passes the pronoun to the thing its
    # clause acts on: "commuters who have used the bridge since it reopened"
    for t in reversed(before):
        # not the noun its own clause describes ("the dividend it paid")
        if t.dep_ == "obj" and thing_like(t) and pron.lower_ == "it" and t != pron.head.head:
            return t
    subj = previous_subject(pron)
    return _owner_of(subj) if subj is not None and thing_like(subj) else None


def plural_antecedent(pron: Token) -> Token | None:
    """What "them" or "they" points back to: the nearest plural common noun before it that
    is a subject or an object, in its own sentence, else in the sentence before ("affected
    customers would be contacted. It has begun writing to all 340,000 of them")."""
    if pron.lower_ not in ("them", "they"):
        return None

    def plural(t: Token) -> bool:
        return t.pos_ == "NOUN" and t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubj:pass", "obj")

    own = [t for t in pron.sent if t.i < pron.i and plural(t)]
    if own:
        return own[-1]
    sent = pron.sent
    if sent.start == 0:
        return None
    prev = [t for t in pron.doc[sent.start - 1].sent if plural(t)]
    return prev[-1] if prev else None


def previous_subject(t: Token) -> Token | None:
    """The main clause's subject of the sentence before t's, in its Doc (a paragraph)."""
    sent = t.sent
    if sent.start == 0:
        return None
    prev = t.doc[sent.start - 1].sent
    return next((x for x in prev if x.dep_ in ("nsubj", "nsubj:pass") and x.head == prev.root), None)


def _owner_of(subj: Token) -> Token:
    """"Qatar's output fell ... its quota": a subject's own possessor is what "its" takes
    up, the subject itself only when it has none."""
    p = child(subj, "nmod:poss")
    return p if p is not None and thing_like(p) else subj


def thing_like(t: Token) -> bool:
    """A noun that "it" can stand for: one thing, not a person, a plural or a time."""
    from . import lexical
    from .scope import TIME_NOUNS

    if t.pos_ == "PROPN":
        return True
    return (t.pos_ == "NOUN" and t.tag_ == "NN" and lemma(t) not in TIME_NOUNS
            and not lexical.noun_domains(lemma(t)) & {"person", "time"})
