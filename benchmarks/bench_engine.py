"""Engine throughput on one core: the seed article, a document 50 times as long, and the
cold start of `checker check` as a fresh process. Prints figures; asserts nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")


def rate(text: str, seconds: float = 3.0) -> tuple[float, int]:
    import checker

    engine = checker.default_engine()
    engine.check(text)
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        engine.check([{"id": "a", "text": text, "published": "2024-08-14"}])
        n += 1
    return n / (time.perf_counter() - start), n


def cold_start(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", "check", str(ROOT / "seeds" / "kursk-incursion.txt")],
                       check=False, capture_output=True)
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def main() -> None:
    seed_rate, n = rate(SEED)
    long_text = "\n".join([SEED] * 50)
    long_rate, m = rate(long_text, 5.0)
    words = len(SEED.split())
    print(f"seed article ({len(SEED):,} chars, {words} words): {seed_rate:,.0f} articles/s ({n} runs)")
    print(f"50x document ({len(long_text):,} chars): {long_rate:,.2f} documents/s = "
          f"{long_rate * 50:,.0f} seed-equivalents/s ({m} runs); per-char cost ratio "
          f"{seed_rate / (long_rate * 50):.2f} (1.0 = linear)")
    print(f"cold start `python -m checker check seeds/kursk-incursion.txt`: {cold_start():.3f} s (median of 5)")


if __name__ == "__main__":
    main()
