"""Convert the UD English treebanks (CoNLL-U) into spaCy DocBin files for training.

Sentences are grouped into documents by the treebanks' own paragraph marks (``# newpar``)
and document marks (``# newdoc``), so the parser learns sentence boundaries inside running
paragraphs, which is how the engine feeds it text. Multiword tokens keep their parts (the
treebanks split "don't" as the tokenizer does); empty nodes are skipped.

    python training/convert.py SRC_DIR OUT_DIR

writes ``train.spacy`` (EWT + GUM train), ``dev.spacy`` (EWT + GUM dev) and one file per
test set (``ewt-test.spacy``, ``gum-test.spacy``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters.conllu_to_docs import conllu_sentence_to_doc
from spacy.vocab import Vocab

SPLITS = {
    "train.spacy": ["en_ewt-train.conllu", "en_gum-train.conllu"],
    "dev.spacy": ["en_ewt-dev.conllu", "en_gum-dev.conllu"],
    "ewt-test.spacy": ["en_ewt-test.conllu"],
    "gum-test.spacy": ["en_gum-test.conllu"],
}
MAX_SENTS_PER_DOC = 12  # long paragraphs are cut so batches stay even


def paragraphs(text: str) -> Iterator[list[list[str]]]:
    """Yield paragraphs, each a list of sentences, each a list of token lines."""
    para: list[list[str]] = []
    for block in text.strip().split("\n\n"):
        lines = block.strip().split("\n")
        comments = [line for line in lines if line.startswith("#")]
        rows = [line for line in lines if line and not line.startswith("#")]
        if any(c.startswith(("# newpar", "# newdoc")) for c in comments) and para:
            yield para
            para = []
        para.append(rows)
        if len(para) >= MAX_SENTS_PER_DOC:
            yield para
            para = []
    if para:
        yield para


def convert(path: Path, vocab: Vocab) -> Iterator[Doc]:
    for para in paragraphs(path.read_text(encoding="utf8")):
        sents = [conllu_sentence_to_doc(vocab, rows, "", set_ents=False) for rows in para]
        yield Doc.from_docs(sents, ensure_whitespace=True)


def main(src: str, out: str) -> None:
    src_dir, out_dir = Path(src), Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    for name, files in SPLITS.items():
        db = DocBin(store_user_data=False)
        n_docs = n_words = 0
        for f in files:
            for doc in convert(src_dir / f, vocab):
                db.add(doc)
                n_docs += 1
                n_words += len(doc)
        db.to_disk(out_dir / name)
        print(f"{name}: {n_docs} docs, {n_words} tokens")


if __name__ == "__main__":
    main(*sys.argv[1:3])
