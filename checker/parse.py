"""The linguistic layer: the project's own English pipeline, loaded once per process, and
the parsed view of a document that every extractor reads.

The pipeline (checker/models/en_checker) was trained by the project on the UD English
treebanks (training/, see checker/models/README.md): a tagger (Penn tags), a morphologizer
(UPOS and features) and a dependency parser (UD relations) sharing one token-to-vector
layer; lemmas come from WordNet's forms (checker/syntax.py). Nothing is downloaded: the
weights are package data.

A document is parsed once, paragraph by paragraph through ``nlp.pipe``. Sentence starts
come from checker.segment (it knows which abbreviations may end a sentence and keeps
quotations whole) and are fixed before the parser runs, so the parser's sentences and the
segmenter's are the same sentences. Token offsets are code points into the document,
exactly as Python indexes it.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import lexical, syntax

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from .segment import Segments

MODEL_NAME = "en_checker"
# The pipeline's components that the engine reads; anything else in the package is left
# unloaded (it costs load time and memory for nothing).
RUNTIME_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser")

# A paragraph longer than this is parsed in pieces cut at sentence starts: the parser's
# cost is linear, but one Doc of a megabyte holds its arrays at once.
MAX_PARSE_CHARS = 20_000
# The longest sentence (on average over a piece) that is parsed at all: a "sentence" of
# tens of thousands of characters is no prose (a table, a run of one letter); it gets
# tokens but no tags or tree, so its cost stays linear.
MAX_SENTENCE_CHARS = 5_000

# spaCy's vocabulary and string store are shared by every Doc and are not safe to grow
# from two threads at once; a threaded server serializes parsing through this lock.
_LOCK = threading.Lock()


def model_path() -> Path:
    return Path(str(resources.files("checker").joinpath("models", MODEL_NAME)))


@cache
def pipeline() -> Language:
    """The trained pipeline, loaded on first use and shared by every check in the process."""
    import spacy

    from .lexicon import lexicon

    path = model_path()
    if not (path / "config.cfg").is_file():
        raise RuntimeError(f"the trained pipeline is missing from {path}; reinstall the package")
    nlp = spacy.load(path, exclude=[p for p in _packaged(path) if p not in RUNTIME_COMPONENTS])
    # The segmenter's abbreviations are single tokens ("No. 3", "Gen. Syrskyi"), so that
    # tokens and sentence starts agree and the parser sees "No." as one word.
    from spacy.symbols import ORTH

    for abbr in sorted(lexicon().abbreviations):
        if " " not in abbr:
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return nlp


def _packaged(path: Path) -> list[str]:
    import srsly

    return list(srsly.read_json(path / "meta.json").get("pipeline", []))


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence of the parse: a spaCy Span plus the offset of its paragraph, so that
    ``start_of(token)`` is a code-point offset into the document. `starts` holds the
    character offset of every token of its Doc, so that finding the tokens at a place is
    a bisection, not a walk over a sentence that may hold thousands of them."""

    index: int
    offset: int
    span: Span
    starts: tuple[int, ...] = ()
    has_verb: bool = False  # a parse with no verb at all was read wrong (or not parsed)

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    def start_of(self, tok: Token) -> int:
        return self.offset + tok.idx

    def end_of(self, tok: Token) -> int:
        return self.offset + tok.idx + len(tok.text)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.span)

    def __len__(self) -> int:
        return len(self.span)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens of this sentence overlapping text[start:end] (document offsets)."""
        lo, hi = start - self.offset, end - self.offset
        doc = self.span.doc
        first = max(self.span.start, bisect.bisect_right(self.starts, lo) - 1)
        out = []
        for i in range(first, self.span.end):
            t = doc[i]
            if t.idx >= hi:
                break
            if t.idx + len(t.text) > lo and not t.is_space:
                out.append(t)
        return out

    def token_at(self, pos: int) -> Token | None:
        """The token covering document offset pos, if any."""
        p = pos - self.offset
        i = bisect.bisect_right(self.starts, p) - 1
        if i < self.span.start or i >= self.span.end:
            return None
        t = self.span.doc[i]
        return t if t.idx <= p < t.idx + len(t.text) else None


@dataclass(frozen=True, slots=True)
class Parse:
    """Every sentence of one document, in order; sentence i is segments.sentences[i]."""

    sentences: tuple[ParsedSentence, ...]

    def __len__(self) -> int:
        return len(self.sentences)


def parse(text: str, segments: Segments) -> Parse:
    """Parse text with the segmenter's sentences as fixed boundaries."""
    nlp = pipeline()
    pieces = list(_pieces(segments))
    with _LOCK:
        docs = [_doc_with_starts(nlp, text, lo, hi, starts) for lo, hi, starts in pieces]
        prose = [i for i, (lo, hi, starts) in enumerate(pieces)
                 if hi - lo <= MAX_SENTENCE_CHARS * max(1, len(starts)) and _LONG_RUN.search(text, lo, hi) is None]
        parsed = list(docs)
        for i, doc in zip(prose, nlp.pipe([docs[i] for i in prose], batch_size=64), strict=True):
            _reparse_verbless(nlp, doc)
            _repair_verbs(doc)
            syntax.forget_children(doc)  # the tree may have changed since anything listed it
            parsed[i] = doc
    out: list[ParsedSentence] = []
    for (lo, _hi, starts), doc in zip(pieces, parsed, strict=True):
        out.extend(_sentences(doc, lo, starts, len(out)))
    return Parse(tuple(out))


# A run of this many characters without a blank is no word of prose (a table row, a
# digit run, a string of one letter): spaCy's tokenizer strips prefixes and suffixes off
# such a run one at a time, which is quadratic in its length.
MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")


def _plain_doc(nlp: Language, text: str) -> Doc:
    """Text that is no prose, as a Doc of its blank-separated runs (linear, no tokenizer
    rules), so that offsets still index it."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for m in _RUNS.finditer(text):
        run = m.group(0)
        if not run.isspace():
            words.append(run)
            spaces.append(False)
        elif run == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
        else:
            words.append(run)
            spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


_RUNS = re.compile(r"\S+|\s+")


_FORMS_OF_BE = frozenset({"be", "was", "were", "is", "are", "been", "being"})
_PERIOD_WORDS = frozenset({"last", "this", "next", "that"})


def _repair_verbs(doc: Doc) -> None:
    """A word the taggers call a noun but the parser gives a subject or an object, and no
    copula, is a verb ("Vinyl sales rose 9%", "The quake hit at 11:11"): news verbs that
    are also nouns are where the taggers, trained on little news, go wrong most, and the
    tree is the stronger evidence."""
    _number_heads(doc)
    _lost_change_verbs(doc)
    _one_subject(doc)
    _clause_after_conjunction(doc)
    _case_across_comma(doc)
    _phrase_before_clause_comma(doc)
    _gerund_head_nouns(doc)
    _gerund_after_preposition(doc)
    _verb_after_parenthesis(doc)
    _linking_complement(doc)
    _subject_fixed_to_conjunction(doc)
    _subject_behind_preposition(doc)
    _noun_after_of(doc)
    _oblique_after_conjunct(doc)
    _counted_nouns(doc)
    _compound_across_preposition(doc)
    for t in doc:
        if t.pos_ == "ADJ" and t.dep_ == "advmod" and t.head.pos_ == "NOUN" and t.head.i > t.i > 0 \
                and doc[t.i - 1].pos_ == "VERB":
            # "have held steady over the past year": an adjective right after a verb, hung
            # as a manner word on a noun after it, is the verb's (a noun takes no advmod)
            t.head = doc[t.i - 1]
        if t.pos_ == "ADJ" and t.dep_ == "conj" and t.head.pos_ == "VERB" and not any(
                c.dep_ in ("cop", "aux", "aux:pass", "nsubj", "nsubj:pass") for c in t.children) \
                and any(c.dep_ in ("obl", "obl:tmod", "obj") for c in t.children) and lexical.known(t.lower_, "v"):
            # "Polls opened at 8am and close at 5pm": a word conjoined to a verb, with its own
            # object or phrase, sharing the verb's subject and with no copula, is a verb,
            # whatever the tagger said ("close"); "the causeway, open to the public" is not
            t.pos_, t.tag_ = "VERB", "VBP"
            continue
        if t.pos_ == "ADJ" and t.tag_ == "JJ":
            be = [c for c in t.children if c.dep_ == "aux:pass" and c.lower_ in _FORMS_OF_BE]
            if be:
                # "Rents were unchanged": a plain adjective after "be" is a predicate with
                # its copula, not a passive
                for c in be:
                    c.dep_ = "cop"
                for c in t.children:
                    if c.dep_ == "nsubj:pass":
                        c.dep_ = "nsubj"
            continue
        if t.pos_ == "VERB" and t.dep_ in ("nsubj", "nsubj:pass", "obj", "obl", "nmod") \
                and any(c.dep_ == "nmod:poss" and c.i < t.i for c in t.children) \
                and not any(c.dep_ in ("aux", "aux:pass", "nsubj", "obj", "mark") for c in t.children):
            # "this week's climb in wheat prices had squeezed margins": a word with a
            # possessor, as a clause's subject or object, is a noun; a verb has no possessor
            t.pos_, t.tag_ = "NOUN", "NNS" if t.tag_ in ("VBZ", "NNS") else "NN"
            for c in t.children:
                if c.dep_ == "obl":
                    c.dep_ = "nmod"
            continue
        if t.pos_ == "VERB" and t.tag_ in ("NN", "NNS") and t.dep_ in ("nsubj", "nsubj:pass", "obj", "obl", "nmod") \
                and any(c.dep_ in ("nummod", "det") for c in t.children):
            # "will feature 64 acts": tagged a plural noun, labelled a verb, parsed as an
            # object counted by a number; two of three say noun
            t.pos_ = "NOUN"
            continue
        if t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBP") and t.dep_ in ("nsubj", "nsubj:pass", "obj") \
                and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i \
                and not any(c.dep_ in ("obj", "mark") for c in t.children):
            # The other way round: a present tense that is a verb's subject ("housing starts
            # fell") is a plural noun; a finite verb is never a clause's subject.
            t.pos_, t.tag_ = "NOUN", "NNS"
            continue
        if t.pos_ != "NOUN":
            continue
        if t.tag_ == "NNS" and t.text[:1].isupper() and t.text[1:].islower() and t.is_alpha \
                and not _some_noun(t.lower_):
            # "Albers said ...": a capitalised word ending in -s that no form of any noun in
            # WordNet is, read as a plural by its ending, is a name
            t.pos_, t.tag_ = "PROPN", "NNP"
            continue
        if _manner_adverb(t.lower_) and t.n_lefts + t.n_rights == 0:
            # "risen sharply" with "sharply" read as the verb's object: an -ly word WordNet
            # knows only as an adverb is one, whatever the tagger said
            t.pos_, t.tag_ = "ADV", "RB"
            if t.dep_ in ("obj", "nsubj", "obl", "obl:unmarked", "compound"):
                t.dep_ = "advmod"
            continue
        for c in t.children:
            possessive = any(g.dep_ == "case" and g.lower_ in ("'s", "’s", "'") for g in c.children)
            if c.dep_ in ("nsubj", "nsubj:pass") and possessive:
                c.dep_ = "nmod:poss"  # "The plant's only backup": a possessor, not a subject
        deps = {c.dep_ for c in t.children}
        if deps & {"nsubj", "nsubj:pass", "obj"} and "cop" not in deps and "det" not in deps:
            t.pos_ = "VERB"
        elif t.dep_ == "xcomp" and t.head.pos_ == "VERB" and t.tag_ == "NN" \
                and any(c.lower_ == "to" and c.i == t.i - 1 for c in t.children) \
                and not deps & {"det", "nmod:poss", "amod", "nummod", "compound"} and lexical.known(t.lower_, "v"):
            # "has refused to concede": a bare word after "to" completing a verb is an
            # infinitive, however the tagger read it
            t.pos_, t.tag_ = "VERB", "VB"
            for c in t.children:
                if c.lower_ == "to" and c.dep_ == "case":
                    c.dep_, c.pos_, c.tag_ = "mark", "PART", "TO"


@cache
def _change_and_report_verbs() -> tuple[frozenset[str], frozenset[str]]:
    from .lexicon import lexicon

    words = lexicon().words
    return frozenset(words["change"]["verbs"]), frozenset(words["attribution"]["speech_lemmas"])


def _change_lemma(t: Token) -> str:
    """The lemma of a past tense of a verb of directional change ("rose", "shrank",
    "increased"), whatever the tagger made of it, or ""."""
    change, _ = _change_and_report_verbs()
    form = t.lower_
    if not _past_tense(form):
        return ""
    irregular = lexical.lemma_of_form(form, "v")
    stems = [irregular] if irregular and irregular != form else [form[:-2], form[:-1], form[:-3] + "y", form[:-3]]
    return next((s for s in stems if s in change), "")


def _lost_change_verbs(doc: Doc) -> None:
    """"Final figures showed Labour's vote share rose by 1.6 points", "Labour's vote share
    rose by 1.6 points": a past tense of a verb of directional change right after a noun,
    which the parser took for a participle on that noun or for the noun's head, when that
    noun is the sentence's root or the object of a report verb. A verb of rising or falling
    on a noun is no passive participle ("share risen"), and a report verb's object followed
    by one is the subject of the clause it reports. The verb becomes the clause's head, the
    noun its subject, and what the parser hung on the noun or the report verb after the
    verb ("by 1.6 points", "from 2019", "to 33.7%") the verb's own."""
    _, report = _change_and_report_verbs()
    for v in doc:
        if v.i == 0 or any(c.dep_ in ("nsubj", "nsubj:pass", "obj") for c in v.children):
            continue
        n = doc[v.i - 1]
        if n.pos_ not in ("NOUN", "PROPN") or not _change_lemma(v):
            continue
        participle = v.dep_ == "acl" and v.head == n and v.tag_ in ("VBD", "VBN")  # rose on share
        # (or the verb kept, with the noun before it hung on it as a compound: "the
        # company's workforce shrank by about 200")
        rel_word = any(c.tag_ in ("WDT", "WP") and c.i < n.i for c in v.children)
        compounded = v.pos_ in ("NOUN", "VERB") and n.head == v and n.dep_ == "compound" and (
            v.dep_ in ("obj", "ROOT") or rel_word)
        if not (participle or compounded):
            continue
        if any(c.dep_ == "obl:agent" and not any(g.like_num for g in c.subtree) for c in v.children):
            continue  # "the rates raised by the bank": a passive after all, with its agent
        held = n if v.head == n else v  # the phrase's head, which the verb's clause replaces
        # "an election in which turnout rose to 66%": a relative word before the noun makes
        # the phrase a relative clause on the noun it hangs on
        relative = held is v and rel_word and v.head.pos_ in ("NOUN", "PROPN")
        if held.dep_ == "ROOT" or relative:
            governor = None
        elif held.dep_ == "obj" and held.head.pos_ == "VERB" and syntax.lemma(held.head) in report:
            governor = held.head
        else:
            continue
        # what the phrase's head had: the noun's own words before it stay the noun's
        for c in list(held.children):
            if c is n or c is v:
                continue
            # ("in which": a relative word is the clause's, not its subject's)
            c.head = n if c.i < n.i and c.tag_ not in ("WDT", "WP") else v
        if governor is not None:
            for c in list(governor.children):
                if c.i > v.i and c.dep_ in ("obl", "obl:unmarked", "obl:tmod", "obl:agent", "advmod", "nmod"):
                    c.head = v
            v.head, v.dep_ = governor, "ccomp"
        elif relative:
            v.dep_ = "acl:relcl"
        else:
            v.head, v.dep_ = v, "ROOT"
        v.pos_, v.tag_ = "VERB", "VBD"
        v.set_morph("Mood=Ind|Tense=Past|VerbForm=Fin")
        n.head, n.dep_ = v, "nsubj"
        for c in v.children:
            if c.dep_ == "obl:agent":
                c.dep_ = "obl"  # "by 1.6 points": how far, not by whom
            elif c.dep_ in ("nmod", "nmod:unmarked") and c.i > v.i:
                c.dep_ = c.dep_.replace("nmod", "obl")  # "to 66%": a verb's phrase, not a noun's


_PARENTHETICAL = frozenset({"acl", "acl:relcl", "appos", "parataxis"})


def _verb_after_parenthesis(doc: Doc) -> None:
    """"The board's decision, released at 5 p.m., followed cuts since July": a subject, a
    clause set off by commas, then the main verb, which the parser hung as an adjective on
    its object ("followed cuts"), leaving a sentence of one noun phrase and no finite verb.
    Parsing again with a plainer verb does not help (the shape, not the word, misleads).
    A past tense right after the comma that closes a clause on the root noun is the verb
    the root noun is the subject of, and the noun it was hung on is its object."""
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "cop" for c in root.children):
            continue
        if any(t.tag_ in syntax.FINITE and t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        for t in sent:
            if t.i <= root.i + 1 or t.dep_ != "amod" or t.tag_ not in ("VBD", "VBN") or not _past_tense(t.lower_):
                continue
            obj = t.head
            # the comma before the verb closes a clause on the root noun that a comma opened
            opened = any(c.dep_ in _PARENTHETICAL and c.i < t.i and c.left_edge.i > 0
                         and "," in (c.left_edge.text, doc[c.left_edge.i - 1].text) for c in root.children)
            if doc[t.i - 1].text != "," or not opened or obj.i <= t.i or obj.pos_ not in ("NOUN", "PROPN") \
                    or not (obj == root or root in obj.ancestors):
                continue
            for c in list(root.children):
                if c.i > t.i and c is not obj:
                    c.head = t
                    if c.dep_ == "nmod":
                        c.dep_ = "obl"
            t.head, t.dep_ = t, "ROOT"
            t.pos_, t.tag_ = "VERB", "VBD"
            t.set_morph("Mood=Ind|Tense=Past|VerbForm=Fin")
            obj.head, obj.dep_ = t, "obj"
            root.head, root.dep_ = t, "nsubj"
            break


# Prepositions that take a clause of their own ("without consulting parents", "after
# inspecting the dome"), a closed class.
_CLAUSE_PREPOSITIONS = frozenset({"without", "after", "before", "since", "by", "while"})


def _gerund_after_preposition(doc: Doc) -> None:
    """"closed the schools without consulting parents": an -ing verb right after a
    preposition, which the parser hung as a compound on the noun after it, is the head of
    a clause the preposition opens, and the noun is its object."""
    for t in doc:
        if t.dep_ != "compound" or t.i == 0:
            continue
        # (tagged a noun, an -ing word WordNet knows only as a verb is one: "consulting")
        gerund = (t.tag_ == "VBG" and t.pos_ == "VERB") or (
            t.pos_ == "NOUN" and t.lower_.endswith("ing") and not lexical.known(t.lower_, "n"))
        if not gerund:
            continue
        noun, prep = t.head, doc[t.i - 1]
        if noun.i <= t.i or prep.lower_ not in _CLAUSE_PREPOSITIONS or prep.head != noun or prep.dep_ != "case":
            continue
        # the clause says how or when an act was done: it hangs on the verb, also where
        # the parser hung its noun on that verb's object ("closed the schools without ...")
        governor = noun.head.head if noun.dep_ == "nmod" and noun.head.head.pos_ == "VERB" else noun.head
        t.head, t.dep_ = governor, "advcl"
        t.pos_, t.tag_ = "VERB", "VBG"
        prep.head, prep.dep_, prep.pos_, prep.tag_ = t, "mark", "SCONJ", "IN"
        noun.head, noun.dep_ = t, "obj"


def _gerund_head_nouns(doc: Doc) -> None:
    """"The gala screening began at 9:30 p.m.": an -ing word with nothing of its own, hung
    on the noun before it as a participle, right before the finite verb that noun is the
    subject of, is the head of the subject ("screening", "bombing", "hearing"), the noun
    before it a modifier. A participle on a subject would take an object or a phrase
    ("the crowd chanting slogans")."""
    for t in doc:
        if not (t.tag_ == "VBG" and t.dep_ == "acl" and t.n_lefts + t.n_rights == 0 and t.i + 1 < len(doc)):
            continue
        noun, verb = t.head, doc[t.i + 1]
        if not (noun.i == t.i - 1 and noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubj:pass")
                and noun.head == verb and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD")
                and lexical.known(t.lower_, "n")):
            continue
        t.pos_, t.tag_, t.dep_ = "NOUN", "NN", noun.dep_
        t.head = verb
        for c in list(noun.children):
            if c.dep_ in ("det", "nmod:poss", "amod") and c.i < noun.i:
                c.head = t
        noun.dep_ = "compound"
        noun.head = t


# Words that open a clause of time and also head a phrase ("since Monday", "since doors
# opened"): a closed class.
_TIME_CONJUNCTIONS = frozenset({"since", "after", "before", "until", "till", "once"})


def _clause_after_conjunction(doc: Doc) -> None:
    """"since doors opened at 7:30 p.m.": the parser reads "since doors" as a phrase and
    leaves "opened" without a subject. A noun after such a word, followed at once by a past
    or present tense that has no subject, is that verb's subject, and the word its mark."""
    for n in doc:
        if n.pos_ not in ("NOUN", "PROPN") or n.i + 1 >= len(doc) or n.dep_ not in ("nmod", "obl"):
            continue
        v = doc[n.i + 1]
        case = next((c for c in n.children if c.dep_ == "case" and c.lower_ in _TIME_CONJUNCTIONS), None)
        if case is None or v.pos_ != "VERB" or v.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in v.children) or v.head == n or n.head == v:
            continue
        n.head, n.dep_ = v, "nsubj"
        case.head, case.dep_ = v, "mark"


# Linking verbs that take a state as their complement (a closed class).
_LINKING = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})


def _linking_complement(doc: Doc) -> None:
    """"The tanker remains detained in the port of Gdansk, the office said": the parser
    hangs the participle on the speech verb and leaves "remains" with nothing to link. A
    participle or adjective right after a linking verb that has no complement of its own
    completes it."""
    for v in doc:
        if v.lower_ not in _LINKING or v.pos_ not in ("VERB", "AUX") or v.i + 1 >= len(doc):
            continue
        state = doc[v.i + 1]
        if state.tag_ not in ("VBN", "JJ") or state.head == v or state.sent != v.sent:
            continue
        if any(c.dep_ in ("xcomp", "obj", "obl", "acomp") and c.i > v.i for c in v.children):
            continue
        if v in state.subtree:
            continue  # hung under the state already: re-hanging it would make a cycle
        state.head, state.dep_ = v, "xcomp"


def _noun_after_of(doc: Doc) -> None:
    """"seized 3 tonnes of cocaine hidden in a shipment": the tagger calls a rare noun a
    verb and "of" its marker, while the parser hangs it on the noun before as a nominal
    modifier. The relation is the stronger evidence: "of" marks a noun, and the word is one."""
    for t in doc:
        if t.dep_ != "nmod" or t.pos_ != "VERB" or t.tag_ != "VB" or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        of = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "of" and c.i == t.i - 1), None)
        if of is None or any(c.dep_ in ("nsubj", "obj", "aux") for c in t.children):
            continue
        of.dep_ = "case"
        t.pos_, t.tag_ = "NOUN", "NN"


_NOMINAL = frozenset({"obj", "obl", "nsubj", "nsubj:pass", "nmod", "appos", "iobj"})


def _counted_nouns(doc: Doc) -> None:
    """"killed two dozen sheep", "after two dozen in-lamb ewes were killed": a rare noun the
    tagger calls an adverb or an adjective, counted by a number and standing as a subject,
    an object or a nominal modifier, is a noun: only a noun is counted."""
    for t in doc:
        if t.pos_ not in ("ADJ", "ADV") or t.dep_ not in _NOMINAL:
            continue
        if any(c.dep_ in ("nummod", "compound") and c.pos_ == "NUM" and c.i < t.i for c in t.children):
            t.pos_ = "NOUN"
            if not t.tag_.startswith("NN"):
                t.tag_ = "NNS" if t.lower_.endswith("s") else "NN"


def _compound_across_preposition(doc: Doc) -> None:
    """"a 2.8% rise in regulated rail fares": the parser may make "rise" a compound of
    "fares", with "rail" its "in" phrase. A compound never reaches its head across a
    preposition: the noun after "in" heads the phrase up to the compound's old head, which
    is the last noun of that phrase, and the compound is the phrase's owner again."""
    for x in doc:
        h = x.head
        if x.dep_ != "compound" or x.pos_ != "NOUN" or h.i <= x.i + 1 or h.pos_ not in ("NOUN", "PROPN"):
            continue
        n = next((c for c in x.children if c.dep_ == "nmod" and x.i < c.i < h.i and c.right_edge.i == h.i - 1
                  and c.pos_ in ("NOUN", "PROPN")), None)
        case = next((c for c in n.children if c.dep_ == "case" and c.i < n.i), None) if n is not None else None
        if n is None or case is None or any(d.is_punct for d in doc[x.i + 1 : h.i]):
            continue
        x.head, x.dep_ = h.head, h.dep_
        h.head, h.dep_ = x, "nmod"
        case.head = h
        for c in list(n.children):
            if c.dep_ in ("amod", "det") and c.i < n.i:
                c.head = h  # "regulated rail fares": the modifier before the phrase is its head's
        n.head, n.dep_ = h, "compound"


def _subject_fixed_to_conjunction(doc: Doc) -> None:
    """"rents rose, and prices were flat": the parser glues "prices" to "and" as part of a
    fixed expression, and "flat" borrows the first clause's subject. A noun is never part
    of a conjunction: it is the subject of the clause the conjunction opens, when that
    clause, after it, has none."""
    for t in doc:
        cc = t.head
        if t.dep_ != "fixed" or t.pos_ not in ("NOUN", "PROPN") or cc.pos_ not in ("CCONJ", "PUNCT"):
            continue
        clause = cc.head
        if clause.i <= t.i or clause.pos_ not in ("VERB", "ADJ", "AUX", "NOUN") or any(
                c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in clause.children) or t in clause.ancestors:
            continue
        t.head, t.dep_ = clause, "nsubj"


def _subject_behind_preposition(doc: Doc) -> None:
    """"She said May's rise in exports had come from one-off shipments": the parser makes
    "rise" the object of "said" and "exports", behind its preposition, the subject of the
    reported clause. A subject takes no preposition; the noun the prepositional phrase
    follows is the subject, and the phrase narrows it."""
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ not in ("NOUN", "PROPN"):
            continue
        case = next((c for c in t.children if c.dep_ == "case" and c.pos_ == "ADP" and c.i < t.i), None)
        clause = t.head
        if case is None or case.i == 0 or clause.dep_ != "ccomp":
            continue
        noun = doc[case.i - 1]
        while noun.head.i > noun.i and noun.head.i < case.i and noun.dep_ in ("compound", "amod", "nummod", "flat"):
            noun = noun.head
        if noun.dep_ != "obj" or noun.head != clause.head or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        noun.head, noun.dep_ = clause, t.dep_
        t.head, t.dep_ = noun, "nmod"


def _oblique_after_conjunct(doc: Doc) -> None:
    """A phrase right after a second conjoined verb's own words is that verb's: "began at
    7am on Thursday 27 June and ended at 7am on Tuesday 2 July", parsed with "on Tuesday 2
    July" on "began", dates the ending. The parser, hanging it across the conjunct, breaks
    the order English modifiers keep."""
    for t in doc:
        head = t.head
        if t.dep_ != "obl" or head.pos_ != "VERB" or head.i >= t.i:
            continue
        conj = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and head.i < c.i < t.i), None)
        if conj is None:
            continue
        if t.left_edge.i != conj.right_edge.i + 1:
            continue  # only a phrase that follows the conjunct's own words at once
        t.head = conj


def _case_across_comma(doc: Doc) -> None:
    """A preposition does not take its noun across a comma: "Since the decree was signed
    on 14 July, prices have fallen", parsed with "on" and "14" on "prices", is "on 14 July"
    dating the signing. The words between the preposition and the comma are its noun
    phrase, hung on the nearest verb before it."""
    for c in doc:
        if c.dep_ != "case" or c.pos_ != "ADP" or c.head.i <= c.i:
            continue
        comma = next((t for t in doc[c.i + 1 : c.head.i] if t.text == ","), None)
        if comma is None or comma.i == c.i + 1 or comma.sent != c.sent:
            continue
        span = doc[c.i + 1 : comma.i]
        if not all(t.pos_ in ("NUM", "PROPN", "NOUN", "ADJ", "DET") for t in span):
            continue
        verb = next((t for t in reversed(doc[c.sent.start : c.i]) if t.pos_ == "VERB"), None)
        last = span[-1]
        if verb is None or any(a.i == last.i for a in verb.ancestors):
            continue  # (hung under the noun phrase itself, the verb cannot take it: no cycle)
        for t in span[:-1]:
            if not (span.start <= t.head.i < span.end):
                t.head = last
        last.head, last.dep_ = verb, "obl"
        c.head = last


def _phrase_before_clause_comma(doc: Doc) -> None:
    """"German exports fell in May, dragged down by weaker demand": a participle or
    subordinate clause set off by a comma after its verb begins at the comma, so a phrase
    before the comma, hung by the parser on the clause's verb, is the main verb's."""
    for t in doc:
        if t.dep_ not in ("obl", "obl:tmod", "obl:unmarked") or t.head.i <= t.i:
            continue
        clause = t.head
        main = clause.head
        if clause.dep_ not in ("advcl", "acl") or main.i >= t.left_edge.i or main.pos_ != "VERB":
            continue
        if any(c.i < t.i and c.dep_ in ("mark", "cc", "nsubj", "nsubj:pass") for c in clause.children):
            continue  # ", after in May it fell": the phrase is inside the clause
        comma = next((c for c in clause.children if c.dep_ == "punct" and c.text == ","
                      and t.right_edge.i < c.i < clause.i), None)
        if comma is not None:
            t.head = main


def _one_subject(doc: Doc) -> None:
    """A clause has one subject. When the parser gives a verb two before it, the nearer is
    the subject and the farther a prefix it misread: most often a dateline ("NAIROBI, July
    18 (Reuters) - A police ban ... remains in force", with "NAIROBI" and "ban" both
    subjects), and every claim of a story's first sentence would take the place as its
    subject."""
    from .scope import TIME_NOUNS

    for t in doc:
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < t.i]
        for extra in subjects[:-1]:
            if extra.i == extra.sent.start and extra.is_upper and len(extra.text) > 1:
                extra.dep_ = "dep"
        if len(subjects) > 1:
            # "The increase in prices last month came ...": of two subjects, a period with
            # its determiner ("last month", "this week") is when, not who
            for extra in subjects:
                if extra.lower_ in TIME_NOUNS and any(c.dep_ in ("det", "amod") and c.lower_ in _PERIOD_WORDS
                                                       for c in extra.children):
                    extra.dep_ = "obl:tmod"


def _number_heads(doc: Doc) -> None:
    """A number parsed as the head of the noun right after it ("moved 9,112 troops" with
    "troops" the number's object): the noun is the head and the number counts it. The
    parser does this for some numbers and not others, and what a figure counts is read
    from this one arc."""
    for t in doc:
        if t.pos_ != "NUM" or t.dep_ in ("nummod", "ROOT") or t.i + 1 >= len(doc):
            continue
        n = doc[t.i + 1]
        if n.head != t or n.pos_ != "NOUN" or n.dep_ not in ("obj", "nmod", "compound", "appos"):
            continue
        head, dep = t.head, t.dep_
        for c in list(t.children):
            if c is not n:
                c.head = head if c.dep_.startswith("obl") else n
        n.head, n.dep_ = head, dep
        t.head, t.dep_ = n, "nummod"


_HAVE = frozenset({"have", "has", "had", "'ve", "’ve", "having"})
# The stand-in a past-tense verb the tagger missed is parsed as: a plain regular verb that
# is both transitive and intransitive ("rose 2%", "rose to 5 mln", "rose sharply").
PROBE_VERB = "increased"
# and a present tense's: a plain verb that takes a place, an object or an amount
PRESENT_PROBE = "remains"


def _reparse_verbless(nlp: Language, doc: Doc) -> None:
    """A sentence with no verb at all, in which a word after its first words is a past
    tense in WordNet ("Net profit rose 12 pct"), is parsed again with that word replaced by
    a plain past-tense verb, and the new tree and tags are kept (the text is not changed).
    News past tenses that are also nouns ("rose") are where a tagger trained on web text
    and fiction fails, and with the verb lost the whole tree goes wrong."""
    import numpy
    from spacy.attrs import DEP, HEAD, MORPH, POS, TAG
    from spacy.tokens import Doc

    swaps: dict[int, str] = {}
    # sentences whose probe is a guess that must earn its tree: kept only when the new
    # parse stands on a verb
    guarded: set[int] = set()
    for sent in doc.sents:
        # a participle straight after "have" read as a noun ("have risen sharply", "had
        # risen by about 30%") loses the clause's verb as surely as a verbless sentence
        after_have = next((t for t in sent[1:] if doc[t.i - 1].lower_ in _HAVE and t.pos_ in ("NOUN", "ADJ", "PROPN")
                           and t.is_alpha and (t.tag_ == "VBN" or _past_tense(t.lower_))), None)
        if after_have is not None:
            swaps[after_have.i] = PROBE_VERB
            continue
        # A sentence whose root is a noun with no copula ("The council adopted plans on
        # Wednesday" read as one noun phrase, "adopted" an adjective in it) has lost its
        # verb as surely as one with none.
        rootless = sent.root.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in sent.root.children)
        # or a participle with no auxiliary ("..., saying talks were going on"): no finite
        # verb heads the sentence, so its main verb was read as something else
        rootless = rootless or (sent.root.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "aux:pass", "cop") for c in sent.root.children))
        lost = next((t for t in sent if _lost_clause_verb(t)), None)
        if lost is not None:
            swaps[lost.i] = PROBE_VERB
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in sent) and not rootless:
            continue
        for t in sent[1:]:
            prev = doc[t.i - 1]
            misread = t.pos_ in ("NOUN", "ADJ", "PROPN") and prev.is_alpha and prev.pos_ not in ("DET", "ADP")
            # a past tense hung under the root noun as a modifier is the lost main verb
            # ("The rail union denied on Monday that ...": or a clause on the root noun
            # right after it, with no subject of its own)
            demoted = (rootless and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN")
                       and (t.dep_ in ("amod", "compound")
                            or (t.dep_ == "acl" and t.head == prev and prev.dep_ in ("ROOT", "nsubj", "nsubj:pass")
                                and syntax.child(t, "nsubj", "nsubj:pass") is None)))
            if (misread or demoted) and _past_tense(t.lower_):
                swaps[t.i] = PROBE_VERB
                if t.dep_ == "acl" or sent.root.pos_ in ("VERB", "AUX"):
                    guarded.add(sent.start)  # (a guess from a clause, not a lost tag)
                break
            # "Helena Marsh quit on 2 September": the root, after a name, is a word WordNet
            # knows only as a verb, one whose past is its own form ("quit", "shut")
            if (rootless and misread and t == sent.root and prev.pos_ == "PROPN" and t.tag_ == "NN"
                    and lexical.known(t.lower_, "v") and not lexical.known(t.lower_, "n")
                    and lexical.lemma_of_form(t.lower_, "v") in (None, t.lower_)):
                swaps[t.i] = PROBE_VERB
                break
            # "The plant sits on the river": a present tense read as a plural noun, right
            # after its subject's noun and before what a verb takes
            nxt = doc[t.i + 1] if t.i + 1 < sent.end else None
            if (misread and prev.pos_ in ("NOUN", "PROPN") and t.tag_ == "NNS" and nxt is not None
                    and nxt.pos_ in ("ADP", "DET", "NUM", "ADV", "PRON") and _present_tense(t.lower_)):
                swaps[t.i] = PRESENT_PROBE
                break
            # "The order, signed on 15 July by the minister, prohibits shipments": the same,
            # after a parenthetical set off by commas between the subject and its verb
            if (rootless and t.pos_ == "NOUN" and t.tag_ == "NNS" and prev.text == "," and nxt is not None
                    and sent.root.i < t.i and any(x.text == "," for x in doc[sent.root.i + 1 : prev.i])
                    and nxt.pos_ in ("NOUN", "ADJ", "ADP", "DET", "NUM", "ADV", "PRON") and _present_tense(t.lower_)):
                swaps[t.i] = PRESENT_PROBE
                break
    if not swaps:
        return
    # Only the sentences with a probe are parsed again, one Doc for all of them (a
    # sentence's tree stays inside it, so heads copy back as they are).
    spans = [sent for sent in doc.sents if any(i in swaps for i in range(sent.start, sent.end))]
    toks = [t for sent in spans for t in sent]
    probe = Doc(doc.vocab, words=[swaps.get(t.i, t.text) for t in toks], spaces=[bool(t.whitespace_) for t in toks],
                sent_starts=[t.i == sent.start for sent in spans for t in sent])
    for _name, proc in nlp.pipeline:
        probe = proc(probe)
    attrs = [TAG, POS, MORPH, HEAD, DEP]
    old, new = doc.to_array(attrs), probe.to_array(attrs)
    at = 0
    for sent, again in zip(spans, probe.sents, strict=True):
        n = sent.end - sent.start
        # a guessed probe's tree is kept only where it found the sentence a verb to stand
        # on; one that left it rootless still has its misreading elsewhere
        if sent.start not in guarded or again.root.pos_ in ("VERB", "AUX") \
                or any(c.dep_ == "cop" for c in again.root.children):
            old[sent.start : sent.end] = new[at : at + n]
        at += n
    doc.from_array(attrs, numpy.ascontiguousarray(old))


@cache
def _some_noun(form: str) -> bool:
    """Whether a word is a noun WordNet knows, or a plural of one ("boxes", "companies")."""
    singulars = {form, form[:-1], form[:-2], form[:-3] + "y" if form.endswith("ies") else "",
                 lexical.lemma_of_form(form, "n") or ""}
    return any(w and lexical.known(w, "n") for w in singulars)


@cache
def _manner_adverb(form: str) -> bool:
    from . import lexical

    return form.endswith("ly") and lexical.known(form, "r") and not lexical.known(form, "n") \
        and not lexical.known(form, "a")


@cache
def _present_tense(form: str) -> bool:
    """A third-person present of a verb WordNet knows and no plural noun of it ("sits",
    "employs"; not "jobs", "plans")."""
    from . import lexical

    if not form.endswith("s") or form.endswith("ss") or len(form) < 4:
        return False
    stems = [form[:-1]]
    if form.endswith("es"):
        stems.append(form[:-2])
    if form.endswith("ies"):
        stems.append(form[:-3] + "y")
    return any(lexical.known(st, "v") and not lexical.known(st, "n") for st in stems)


@cache
def _past_tense(form: str) -> bool:
    """A past tense (or participle) of a verb WordNet knows: an irregular form ("rose",
    "fell") or a regular -ed form ("climbed")."""
    from . import lexical

    irregular = lexical.lemma_of_form(form, "v")
    if irregular and irregular != form and not form.endswith("s") and lexical.known(irregular, "v"):
        return True
    if form.endswith("ed") and len(form) > 4:
        stem = form[:-2]
        return any(lexical.known(c, "v") for c in (stem, stem + "e", stem[:-1], form[:-3] + "y"))
    return False


def _lost_clause_verb(t: Token) -> bool:
    """"A strong earthquake struck the region at 3:17 a.m., officials said": a past form
    right after a noun that heads a clause of its own (the sentence, or what is said) with
    no verb, read as a reduced relative, but with a direct object, which a passive
    participle does not take: the clause's verb."""
    head = t.head
    # (or the noun made a second subject of the verb of saying after it)
    clause = head.dep_ in ("ROOT", "ccomp", "parataxis") or (
        head.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i > t.i for c in head.head.children))
    return (t.pos_ == "VERB" and t.dep_ == "acl" and t.i == head.i + 1 and t.tag_ in ("VBD", "VBN")
            and head.pos_ in ("NOUN", "PROPN") and clause
            and not any(c.dep_ in ("cop", "aux", "aux:pass") for c in head.children)
            and any(c.dep_ == "obj" for c in t.children))


def _pieces(segments: Segments) -> Iterator[tuple[int, int, list[int]]]:
    """(start, end, sentence starts) for each paragraph, long paragraphs cut into pieces."""
    by_para: dict[int, list[tuple[int, int]]] = {}
    for s in segments.sentences:
        by_para.setdefault(s.paragraph, []).append((s.start, s.end))
    for _p, sents in sorted(by_para.items()):
        piece: list[tuple[int, int]] = []
        for s in sents:
            if piece and s[1] - piece[0][0] > MAX_PARSE_CHARS:
                yield piece[0][0], piece[-1][1], [a for a, _ in piece]
                piece = []
            piece.append(s)
        if piece:
            yield piece[0][0], piece[-1][1], [a for a, _ in piece]


def _doc_with_starts(nlp: Language, text: str, lo: int, hi: int, starts: Sequence[int]) -> Doc:
    import numpy

    piece = text[lo:hi]
    long_run = _LONG_RUN.search(piece) is not None
    prose = hi - lo <= MAX_SENTENCE_CHARS * max(1, len(starts)) and not long_run
    doc = nlp.make_doc(piece) if prose else _plain_doc(nlp, piece)
    if not len(doc):
        return doc
    rel = {s - lo for s in starts}
    # One array for the whole Doc: setting is_sent_start token by token checks the Doc's
    # annotation each time, which is quadratic in a long paragraph.
    flags = numpy.array([[1 if t.i == 0 or t.idx in rel else -1] for t in doc], dtype="int64").astype("uint64")
    doc.from_array(["SENT_START"], flags)
    return doc


def _sentences(doc: Doc, lo: int, starts: Sequence[int], first: int) -> list[ParsedSentence]:
    """One ParsedSentence per segmenter sentence. A sentence start that falls inside a
    token (text with no space after a full stop) is merged into the sentence before, and
    its ParsedSentence repeats that span so indices stay aligned with the segmenter."""
    spans = list(doc.sents) or [doc[0:0]]  # a blank text still has its one sentence
    out: list[ParsedSentence] = []
    index = tuple(t.idx for t in doc)
    verbs = [any(t.pos_ == "VERB" for t in span) for span in spans]
    j = 0
    for k, s in enumerate(starts):
        rel = s - lo
        while j + 1 < len(spans) and spans[j + 1].start_char <= rel:
            j += 1
        out.append(ParsedSentence(first + k, lo, spans[j], index, verbs[j]))
    return out
