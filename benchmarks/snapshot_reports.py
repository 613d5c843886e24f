"""Snapshot the engine's full reports, so a performance change can be proved to change no
output: run it before and after, then compare the two directories byte for byte.

    python benchmarks/snapshot_reports.py /tmp/snap-before
    python benchmarks/snapshot_reports.py /tmp/snap-after
    python benchmarks/snapshot_reports.py --compare /tmp/snap-before /tmp/snap-after

Each input gets one file: `report.to_dict(include_claims=True)` as orjson with sorted
keys. Inputs: every case in corpus/cases/ and corpus/holdout/ (all its documents checked
together, as `checker eval` does), the seed article, and tests/drafts/*.md read as plain
text. `--root DIR` imports `checker` from DIR instead (e.g. a copy holding the old
versions of some files), so two versions can be compared while other files move on.
`--compare` looks only at files present in both directories, because cases may be added
to the corpus between the two runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _inputs() -> list[tuple[str, object]]:
    from checker.corpus import CorpusError, load_case

    out: list[tuple[str, object]] = []
    for folder in ("cases", "holdout"):
        for path in sorted((ROOT / "corpus" / folder).glob("*.toml")):
            try:
                case = load_case(path)
            except CorpusError as exc:  # a case being written right now: skip, say so
                print(f"skipped {path.name}: {exc}", file=sys.stderr)
                continue
            out.append((f"{folder}--{case.id}", [d.as_input() for d in case.documents]))
    seed = ROOT / "seeds" / "kursk-incursion.txt"
    out.append(("seed--kursk-incursion", [{"id": "seed", "text": seed.read_text(encoding="utf-8"),
                                            "published": "2024-08-14"}]))
    for path in sorted((ROOT / "tests" / "drafts").glob("*.md")):
        out.append((f"draft--{path.stem}", [{"id": path.name, "text": path.read_text(encoding="utf-8")}]))
    return out


def snapshot(dest: Path) -> int:
    import orjson

    import checker

    dest.mkdir(parents=True, exist_ok=True)
    engine = checker.default_engine()
    n = 0
    for name, docs in _inputs():
        report = engine.check(docs)
        data = orjson.dumps(report.to_dict(include_claims=True), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)
        (dest / f"{name}.json").write_bytes(data)
        n += 1
    return n


def compare(a: Path, b: Path) -> int:
    names_a = {p.name for p in a.glob("*.json")}
    names_b = {p.name for p in b.glob("*.json")}
    common = sorted(names_a & names_b)
    differ = [n for n in common if (a / n).read_bytes() != (b / n).read_bytes()]
    for n in differ:
        print(f"DIFFERS {n}")
    only = sorted(names_a ^ names_b)
    print(f"{len(common)} compared, {len(differ)} differ, {len(only)} in one directory only")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="snapshot directory (two with --compare)")
    ap.add_argument("--compare", action="store_true", help="compare two snapshot directories")
    ap.add_argument("--root", type=Path, help="import checker from this directory")
    args = ap.parse_args()
    if args.compare:
        if len(args.dirs) != 2:
            ap.error("--compare takes two directories")
        return compare(*args.dirs)
    if len(args.dirs) != 1:
        ap.error("give one snapshot directory")
    if args.root:
        sys.path.insert(0, str(args.root.resolve()))
    print(f"{snapshot(args.dirs[0])} reports written to {args.dirs[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
