"""Package a trained pipeline as the engine's package data, with its provenance.

    python training/package.py TRAINED_MODEL CORPUS_DIR SIZE [--into checker/models/en_checker]

Copies the pipeline, then records in its meta.json (under "checker") the treebank
commits, the size and training config, the accuracy on the EWT and GUM test sets and on
the test fixture sample (tests/fixtures/ud), and the speed on one core, so that the tests
can check the packaged weights against what was measured when they were trained.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy
import srsly
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from checker.parse_eval import conllu_docs, score

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = ("trainable_lemmatizer",)
TREEBANKS = [
    {"name": "UD_English-EWT", "commit": "15d613d8447b", "licence": "CC BY-SA 4.0",
     "files": ["en_ewt-train.conllu", "en_ewt-dev.conllu", "en_ewt-test.conllu"]},
    {"name": "UD_English-GUM", "commit": "afb41ee9bca5", "licence": "CC BY 4.0 (openly licensed genres only)",
     "files": ["en_gum-train.conllu", "en_gum-dev.conllu", "en_gum-test.conllu"]},
]


def words_per_second(nlp: spacy.language.Language, texts: list[str], n_words: int) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best = min(best, time.perf_counter() - t)
    return n_words / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("size")
    ap.add_argument("--into", type=Path, default=ROOT / "checker" / "models" / "en_checker")
    args = ap.parse_args()

    if args.into.is_symlink() or args.into.is_file():
        args.into.unlink()
    elif args.into.exists():
        shutil.rmtree(args.into)
    # The engine reads lemmas from WordNet's forms (checker/syntax.py), which is as
    # accurate here as the trained lemmatizer and a quarter faster: it is not shipped.
    trained = spacy.load(args.model, exclude=list(LEFT_OUT))
    trained.to_disk(args.into)
    nlp = spacy.load(args.into)
    figures: dict[str, object] = {}
    for name in ("ewt-test", "gum-test"):
        gold = list(DocBin().from_disk(args.corpus / f"{name}.spacy").get_docs(nlp.vocab))
        figures[name] = score(nlp, gold)
        if name == "ewt-test":
            texts = [g.text for g in gold]
            figures["words_per_second"] = round(words_per_second(nlp, texts, sum(len(g) for g in gold)))
    sample = ROOT / "tests" / "fixtures" / "ud" / "en_ewt-test-sample.conllu"
    meta = srsly.read_json(args.into / "meta.json")
    meta["name"] = "checker"
    meta["description"] = ("English tagger, morphologizer and dependency parser trained by checker "
                           "on UD English-EWT and GUM")
    meta["license"] = "CC BY-SA 4.0"
    meta["author"] = "checker"
    meta["sources"] = [{"name": t["name"], "url": f"https://github.com/UniversalDependencies/{t['name']}",
                        "license": t["licence"]} for t in TREEBANKS]
    meta["checker"] = {
        "size": args.size,
        "treebanks": TREEBANKS,
        "trained_with": "training/train.sh over training/configs/pipeline.cfg (seed in the config)",
        "left_out": list(LEFT_OUT),
        "accuracy": figures,
        "sample": score(nlp, conllu_docs(nlp, sample.read_text())),
    }
    meta.pop("performance", None)  # spaCy's dev-set figures; ours are above
    srsly.write_json(args.into / "meta.json", meta)
    print(srsly.json_dumps(meta["checker"], indent=2))


if __name__ == "__main__":
    main()
