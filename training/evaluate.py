"""Score a trained pipeline on the UD test sets with gold tokens, and time it on one core.

    python training/evaluate.py MODEL_DIR CORPUS_DIR [--json OUT]

For each of ``ewt-test.spacy`` and ``gum-test.spacy`` in CORPUS_DIR (written by
training/convert.py): UPOS, Penn tag, UAS, LAS (labels compared with their subtypes, as
the treebanks write them; punctuation included) and lemma accuracy (case-sensitive, as
the treebanks write them), each over gold tokens with gold sentence boundaries. Speed is
words per second through ``nlp.pipe`` on one core, tokenizer included, over the raw text
of the EWT test set, best of three passes.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import orjson
import spacy
from spacy.tokens import Doc, DocBin

from checker.parse_eval import score


def gold_docs(nlp: spacy.language.Language, path: Path) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def speed(nlp: spacy.language.Language, gold: list[Doc]) -> float:
    texts = [g.text for g in gold]
    n = sum(len(g) for g in gold)
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best = min(best, time.perf_counter() - t)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--exclude", default="", help="comma-separated components to leave out")
    args = ap.parse_args()
    exclude = [x for x in args.exclude.split(",") if x]
    nlp = spacy.load(args.model, exclude=exclude)
    out: dict[str, object] = {"model": str(args.model), "pipeline": nlp.pipe_names}
    for name in ("ewt-test", "gum-test"):
        gold = gold_docs(nlp, args.corpus / f"{name}.spacy")
        out[name] = score(nlp, gold)
        print(name, out[name], flush=True)
    ewt = gold_docs(nlp, args.corpus / "ewt-test.spacy")
    out["words_per_second"] = round(speed(nlp, ewt))
    print("words/s (one core):", out["words_per_second"])
    if args.json:
        args.json.write_bytes(orjson.dumps(out, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
