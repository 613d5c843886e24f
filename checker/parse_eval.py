"""Scoring the parser against gold CoNLL-U: the figures recorded when the pipeline was
trained (checker/models/README.md) and checked again by the tests, computed one way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def conllu_docs(nlp: Language, text: str) -> list[Doc]:
    """One gold Doc per sentence of a CoNLL-U text (multiword tokens split, empty nodes
    dropped), as training/convert.py reads the treebanks."""
    from spacy.training.converters.conllu_to_docs import conllu_sentence_to_doc

    docs = []
    for block in text.strip().split("\n\n"):
        rows = [ln for ln in block.split("\n") if ln and not ln.startswith("#")]
        if rows:
            docs.append(conllu_sentence_to_doc(nlp.vocab, rows, "", set_ents=False))
    return docs


def score(nlp: Language, gold: Iterable[Doc]) -> dict[str, float]:
    """UPOS, Penn tag, UAS, LAS (labels with subtypes, punctuation included) and lemma
    accuracy (lower-case, as checker.syntax.lemma gives it) in percent over gold tokens
    and gold sentence boundaries."""
    from spacy.tokens import Doc

    gold = list(gold)
    inputs = []
    for g in gold:
        d = Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for t, gt in zip(d, g, strict=True):
            t.is_sent_start = gt.is_sent_start
        inputs.append(d)
    from .syntax import lemma as lemma_of

    n = upos = tag = uas = las = lemma = 0
    for d, g in zip(nlp.pipe(inputs, batch_size=64), gold, strict=True):
        for t, gt in zip(d, g, strict=True):
            n += 1
            upos += t.pos_ == gt.pos_
            tag += t.tag_ == gt.tag_
            # As the engine reads lemmas (checker/syntax.py): lower-case, from the
            # pipeline's lemmatizer when it has one, else from WordNet's forms.
            lemma += lemma_of(t) == gt.lemma_.lower()
            head = t.head.i == gt.head.i
            uas += head
            las += head and t.dep_.lower() == gt.dep_.lower()
    pct = {k: round(100 * v / max(n, 1), 2) for k, v in
           (("upos", upos), ("tag", tag), ("uas", uas), ("las", las), ("lemma", lemma))}
    return {**pct, "words": n}
