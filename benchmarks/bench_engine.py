"""Engine speed on one core. Prints figures; asserts nothing.

    python benchmarks/bench_engine.py [--realcopy PATH/TO/reuters21578.jsonl]

- the pipeline: its load time, the resident memory it adds, and parse words/s;
- the seed article: checks/s and CPU ms per check, and where the time goes;
- a document 50 times as long (cost per character against the seed's);
- 50 different articles joined into one document against checked one by one;
- real articles (with --realcopy): articles/s, p50 and p99;
- the cold start of `checker check seeds/kursk-incursion.txt` as a fresh process.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(engine, docs, seconds: float = 3.0) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Checks per second of wall time, and CPU milliseconds per check."""
    engine.check(docs)
    n, wall, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        engine.check(docs)
        n += 1
    return n / (time.perf_counter() - wall), 1000 * (time.process_time() - cpu) / n


def cold_start(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", "check", str(ROOT / "seeds" / "kursk-incursion.txt")],
                       check=False, capture_output=True)
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--realcopy", type=Path)
    args = ap.parse_args()

    before = _rss_mb()
    t = time.perf_counter()
    from checker.parse import pipeline

    nlp = pipeline()
    load = time.perf_counter() - t
    print(f"pipeline: loaded in {load:.2f} s (spaCy import included), +{_rss_mb() - before:.0f} MB resident; "
          f"components {', '.join(nlp.pipe_names)}")
    texts = [p for p in SEED.split("\n") if p.strip()] * 40
    words = sum(len(p.split()) for p in texts)
    t = time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    print(f"parse: {words / (time.process_time() - t):,.0f} words/s (CPU, one core)")

    import checker

    engine = checker.default_engine()
    seed = [{"id": "a", "text": SEED, "published": "2024-08-14"}]
    per_s, ms = rate(engine, seed)
    print(f"seed article ({len(SEED):,} chars, {len(SEED.split())} words): {per_s:,.1f} checks/s, "
          f"{ms:.1f} ms CPU per check")
    long_text = "\n".join([SEED] * 50)
    _, long_ms = rate(engine, [{"id": "a", "text": long_text, "published": "2024-08-14"}], 5.0)
    print(f"50x document: {long_ms:,.0f} ms CPU = {long_ms / (50 * ms):.2f}x the seed's cost "
          "per character (1.0 = linear)")

    if args.realcopy:
        import orjson

        stories = [orjson.loads(x) for x in args.realcopy.read_bytes().splitlines() if x.strip()][:400]
        docs = [{"id": s["id"], "text": s["text"], "published": s["published"][:10]} for s in stories]
        for d in docs[:5]:
            engine.check([d])
        lat = []
        for d in docs:
            t0 = time.process_time()
            engine.check([d])
            lat.append(1000 * (time.process_time() - t0))
        lat.sort()
        print(f"real articles ({len(docs)}): {1000 / statistics.mean(lat):,.1f} articles/s, "
              f"p50 {statistics.median(lat):.1f} ms, p99 {lat[int(0.99 * len(lat)) - 1]:.1f} ms CPU")
        fifty = docs[:50]
        one_by_one = sum(rate(engine, [d], 0.3)[1] for d in fifty)
        joined = rate(engine, [{"id": "j", "text": "\n\n".join(d["text"] for d in fifty)}], 3.0)[1]
        print(f"50 articles joined into one document: {joined:,.0f} ms against {one_by_one:,.0f} ms one by one "
              f"({joined / one_by_one:.2f}x)")
    print(f"resident memory now: {_rss_mb():.0f} MB")
    print(f"cold start `python -m checker check seeds/kursk-incursion.txt`: {cold_start():.2f} s (median of 5)")


if __name__ == "__main__":
    main()
