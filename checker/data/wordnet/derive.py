"""Derive the engine's compact lexical tables from Open English WordNet's YAML source.

    python -m checker.data.wordnet.derive PATH/TO/english-wordnet/src/yaml

Writes, beside this script (see README.md there for each file's syntax):

- senses.tsv.gz       lemma, part of speech, its first synsets in WordNet's sense order
- synsets.tsv.gz      synset, hypernyms, similar-to, members and lexicographer file
                      ("act", "event", "person" ...) for the synsets above and their ancestors
- antonyms.tsv        antonym pairs of lemmas: direct (sense to sense), and indirect
                      through similar-to (an adjective satellite inherits its head's)
- derivations.tsv.gz  derivationally related lemmas across parts of speech (convict /
                      conviction, close / closure), from the first senses
- pertainyms.tsv      adjective to the noun it pertains to (Lankan -> Sri Lanka)
- forms.tsv           irregular inflected forms, their part of speech and lemma (children, n -> child)

Only the first few senses of each lemma are kept: news copy uses words in their common
senses, and rare senses make everything a synonym of everything ("close" and "fold").
The engine never reads WordNet itself; rebuild these files after changing this script.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent
SENSES_KEPT = {"n": 3, "v": 4, "a": 3, "s": 3, "r": 2}
SOURCE = "Open English WordNet (globalwordnet/english-wordnet @ d94538ad0df3), CC BY 4.0"


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


_OF_PLACE = re.compile(r"of or relat(?:ing|ed) to (?:or characteristic of )?(?:the )?"
                       r"((?:[A-Z][\w'-]*)(?: (?:[A-Z][\w'-]*|of|and))*?)(?= or |,|;| and |$| \(|\.)")


@contextlib.contextmanager
def _gz(path: Path) -> Iterator[io.StringIO]:
    """A gzip text file with no timestamp in its header, so that rebuilding from the same
    source gives the same bytes."""
    buf = io.StringIO()
    yield buf
    path.write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def _pos(p: str) -> str:
    return "a" if p == "s" else p


def main(src: str) -> None:
    root = Path(src)
    synsets: dict[str, dict] = {}
    domain: dict[str, str] = {}
    for f in sorted(root.glob("[nvar]*.*.yaml")):
        part = _load(f)
        synsets.update(part)
        for sid in part:
            domain[sid] = f.stem.split(".", 1)[1]  # "noun.act.yaml" -> "act"
    sense_of: dict[str, tuple[str, str, str]] = {}  # sense id -> (lemma, pos, synset)
    senses: dict[tuple[str, str], list[str]] = defaultdict(list)
    sense_rel: list[tuple[str, str, str]] = []  # (relation, sense id, target sense id)
    forms: dict[tuple[str, str], str] = {}  # (form, pos) -> lemma
    for f in sorted(root.glob("entries-*.yaml")):
        for lemma, by_pos in _load(f).items():
            for p_raw, entry in by_pos.items():
                p = p_raw.split("-")[0]  # "n-1", "n-2": homographs with different etymologies
                low = lemma.lower()
                for form in entry.get("form", []) or []:
                    if form.lower() != low:
                        forms.setdefault((form.lower(), _pos(p)), low)
                for rank, s in enumerate(entry.get("sense", []) or []):
                    sense_of[s["id"]] = (low, _pos(p), s["synset"])
                    if rank < SENSES_KEPT[p]:
                        senses[(low, _pos(p))].append(s["synset"])
                        for rel in ("antonym", "derivation", "pertainym", "participle"):
                            for target in s.get(rel, []) or []:
                                sense_rel.append((rel, s["id"], target))

    # synsets reachable from the kept senses through hypernyms and similar-to
    keep: set[str] = set()
    stack = [sid for ids in senses.values() for sid in ids]
    while stack:
        sid = stack.pop()
        if sid in keep or sid not in synsets:
            continue
        keep.add(sid)
        stack.extend(synsets[sid].get("hypernym", []) or [])
        stack.extend(synsets[sid].get("similar", []) or [])

    header = f"# Derived by checker/data/wordnet/derive.py from {SOURCE}.\n"
    with _gz(OUT / "senses.tsv.gz") as w:
        w.write(header + "# lemma<TAB>pos (n v a r)<TAB>synsets, most common sense first\n")
        for (lemma, p), ids in sorted(senses.items()):
            w.write(f"{lemma}\t{p}\t{','.join(dict.fromkeys(ids))}\n")
    with _gz(OUT / "synsets.tsv.gz") as w:
        w.write(header + "# synset<TAB>hypernyms<TAB>similar-to<TAB>members (| between)<TAB>lexicographer file\n")
        for sid in sorted(keep):
            s = synsets[sid]
            hyper = ",".join(h for h in s.get("hypernym", []) or [] if h in keep)
            sim = ",".join(h for h in s.get("similar", []) or [] if h in keep)
            members = "|".join(m.lower() for m in s.get("members", []))
            w.write(f"{sid}\t{hyper}\t{sim}\t{members}\t{domain.get(sid, '')}\n")

    antonyms: set[tuple[str, str, str, str]] = set()
    derivations: set[tuple[str, str, str, str]] = set()
    pertainyms: set[tuple[str, str]] = set()
    head_antonyms: dict[str, set[str]] = defaultdict(set)  # synset -> antonym synsets
    for rel, a, b in sense_rel:
        if a not in sense_of or b not in sense_of:
            continue
        la, pa, sa = sense_of[a]
        lb, pb, sb = sense_of[b]
        if rel == "antonym":
            antonyms.add((pa, *sorted((la, lb)), "direct"))
            head_antonyms[sa].add(sb)
        elif rel in ("derivation", "participle"):
            if la != lb or pa != pb:
                derivations.add((la, pa, lb, pb))
                derivations.add((lb, pb, la, pa))
        elif rel == "pertainym" and pa == "a":
            pertainyms.add((la, lb))
    # Relational adjectives of places whose sense names its noun only in the definition
    # ("Belgian": "of or relating to or characteristic of Belgium or the Belgian people").
    for sid, s in synsets.items():
        if domain.get(sid) != "pert":
            continue
        m = _OF_PLACE.match((s.get("definition") or [""])[0])
        if m is None:
            continue
        for member in s.get("members", []):
            if member[:1].isupper() and member.lower() != m.group(1).lower():
                pertainyms.add((member.lower(), m.group(1).lower()))
    # Indirect antonyms: a satellite ("shut") is similar to a head ("closed") whose
    # antonym ("open") then opposes every member of the satellite.
    for sid in keep:
        s = synsets[sid]
        if s.get("partOfSpeech") != "s":
            continue
        for head in s.get("similar", []) or []:
            for opp in head_antonyms.get(head, ()):
                for m in s.get("members", []):
                    if sid not in senses.get((m.lower(), "a"), ()):
                        continue  # a rare sense of the word ("black" as covert)
                    for o in synsets.get(opp, {}).get("members", []):
                        if m.lower() != o.lower() and opp in senses.get((o.lower(), "a"), ()):
                            antonyms.add(("a", *sorted((m.lower(), o.lower())), "similar"))
    with (OUT / "antonyms.tsv").open("w", encoding="utf-8") as w:
        w.write(header + "# pos<TAB>lemma<TAB>lemma<TAB>how (direct: a sense's antonym; "
                         "similar: through a similar-to head)\n")
        best: dict[tuple[str, str, str], str] = {}
        for p, a, b, how in sorted(antonyms):
            best[(p, a, b)] = min(best.get((p, a, b), how), how)
        for (p, a, b), how in sorted(best.items()):
            w.write(f"{p}\t{a}\t{b}\t{how}\n")
    with _gz(OUT / "derivations.tsv.gz") as w:
        w.write(header + "# lemma<TAB>pos<TAB>related lemma<TAB>its pos\n")
        for row in sorted(derivations):
            w.write("\t".join(row) + "\n")
    with (OUT / "pertainyms.tsv").open("w", encoding="utf-8") as w:
        w.write(header + "# adjective<TAB>the noun it pertains to\n")
        for a, n in sorted(pertainyms):
            w.write(f"{a}\t{n}\n")
    with (OUT / "forms.tsv").open("w", encoding="utf-8") as w:
        w.write(header + "# inflected form<TAB>pos<TAB>lemma\n")
        for (f_, pos), lemma in sorted(forms.items()):
            w.write(f"{f_}\t{pos}\t{lemma}\n")
    print(f"senses {len(senses):,}, synsets {len(keep):,}, antonym pairs {len(antonyms):,}, "
          f"derivations {len(derivations):,}, pertainyms {len(pertainyms):,}, forms {len(forms):,}")


if __name__ == "__main__":
    main(sys.argv[1])
