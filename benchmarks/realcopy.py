"""False alarms on real, professionally edited copy.

    python benchmarks/realcopy.py PATH/TO/reuters21578.jsonl [--dump findings.jsonl] [--limit N]

Checks every story on its own (with its publication date) and prints findings per 1,000
words, the share of stories flagged, and counts by rule and severity. `--dump` writes one
JSON line per finding (story id, rule, severity, status, message, both claims with a little
context) for reading by hand. The stories are only read, never stored in the project:
their terms allow research use, not redistribution.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def context(text: str, start: int, end: int, width: int = 90) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).replace("\n", " ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    import checker

    engine = checker.default_engine()
    stories = [orjson.loads(line) for line in args.path.read_bytes().splitlines() if line.strip()]
    if args.limit:
        stories = stories[: args.limit]
    words = flagged = 0
    by_rule: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    dump = []
    t0 = time.perf_counter()
    for s in stories:
        doc = {"id": s["id"], "text": s["text"]}
        if s.get("published"):
            doc["published"] = s["published"][:10]
        report = engine.check([doc]).to_dict()
        words += len(s["text"].split())
        found = report["conflicts"]
        flagged += bool(found)
        for c in found:
            by_rule[c["rule"]] += 1
            by_sev[c["severity"]] += 1
            dump.append({
                "story": s["id"], "rule": c["rule"], "severity": c["severity"], "status": c["status"],
                "message": c["message"],
                "claims": [context(s["text"], k["start"], k["end"]) for k in c["claims"]],
            })
    elapsed = time.perf_counter() - t0
    n = len(dump)
    print(f"stories {len(stories):,}, words {words:,}, {elapsed:.1f} s ({len(stories) / elapsed:.1f} stories/s)")
    print(f"findings {n} = {1000 * n / words:.3f} per 1,000 words; stories flagged {flagged} "
          f"({100 * flagged / len(stories):.1f}%)")
    print("by severity: " + ", ".join(f"{k} {v}" for k, v in sorted(by_sev.items())))
    print("by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())))
    if args.dump:
        args.dump.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in dump))
        print(f"findings written to {args.dump}")


if __name__ == "__main__":
    main()
