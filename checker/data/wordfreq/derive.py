"""Derive the engine's word-frequency table from wordfreq's English "large" list.

    pip install 'wordfreq>=3.1,<4' && python -m checker.data.wordfreq.derive

Writes frequency.tsv.gz beside this script: every lower-case English word (letters,
apostrophes, dots and hyphens) with a Zipf frequency of at least MIN_ZIPF, and that
frequency times ten, rounded. The engine uses it to tell a name that is a known word of
its own ("Regan", "Clapton", "Khamenei") from a misspelling that no one writes
("Beesely"), and a typo in an ordinary word from a variant of a name. wordfreq is only
needed to rebuild the table; the engine never imports it.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

MIN_ZIPF = 2.0
OUT = Path(__file__).resolve().parent / "frequency.tsv.gz"
_WORD = re.compile(r"[a-z][a-z'.-]*")


def main() -> None:
    import wordfreq

    rows = []
    for w in wordfreq.iter_wordlist("en", wordlist="large"):
        z = wordfreq.zipf_frequency(w, "en", wordlist="large")
        if z < MIN_ZIPF:
            break
        if _WORD.fullmatch(w):
            rows.append(f"{w}\t{round(z * 10)}")
    rows.sort()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# Derived by checker/data/wordfreq/derive.py from wordfreq 3.1 (English, large list);\n")
        f.write("# data CC BY-SA 4.0 (see README.md). word<TAB>Zipf frequency x 10\n")
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows):,} words written to {OUT}")


if __name__ == "__main__":
    main()
