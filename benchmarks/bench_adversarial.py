"""Characters per second for each adversarial family beside the seed article, one core.

Each family is built at a few sizes up to its full size (1 MB for the single sentence,
100,000 for the "1"s); every measurement runs in a forked child with a hard time cap, so
a super-linear family is reported as a timeout instead of hanging the benchmark. A
family more than 10 times slower per character than the seed is a bug (issue 8); the
`growth` column is the cost per character at the largest size over that at the smallest
(1.0 = linear; a quadratic family grows with its size).

    python benchmarks/bench_adversarial.py [--cap 20] [--only FAMILY ...]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")
MB = 1_000_000
ZERO_DIGITS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x0F20, 0x1040, 0xFF10, 0x1D7CE, 0x104A0)


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _digits(text: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)


# name -> (builder(size), full size, what it is)
FAMILIES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "digit run": (lambda n: "1" * n, 100_000, '"1" x 100,000'),
    "separators": (lambda n: _fill("123,", n - 7) + " troops", 200_000, "one number, 50,000 groups"),
    "qualifiers": (lambda n: _fill("more than ", n - 13) + "1,000 troops.", 200_000, '"more than " repeated'),
    "exponents": (lambda n: _fill("1e999999 10**10**10 9.9e+308. ", n), 200_000, "exponent-like strings"),
    "mixed scripts": (lambda n: _fill("Российские войска 1,500 troops 到达 ١٥٠٠ جندي in Kyiv. ", n), 200_000,
                      "Cyrillic, CJK, Arabic with figures"),
    "rtl + zero-width": (lambda n: _fill("\u200f1,\u200b500\u200d troops\u200e \u2067٣٠٠\u2069 killed. ", n),
                         200_000, "RLM, ZWSP, ZWJ, isolates"),
    "unicode digits": (lambda n: _fill(" ".join(_digits(SEED[:400], z) for z in ZERO_DIGITS) + " ", n), 200_000,
                       "10 digit classes"),
    "unbalanced quotes": (lambda n: _fill('“He said 1,500 troops arrived. ‘It was 200 km. "Yes. ', n), 200_000,
                          "quotes never closed"),
    "NUL bytes": (lambda n: _fill("1,500\x00troops\x00 were killed.\x00 ", n), 200_000, "NUL-separated"),
    "blank gaps": (lambda n: "Russia sent 5" + " " * (n - 28) + "million troops.", 200_000, "one figure, n blanks"),
    "number words": (lambda n: _fill("one hundred and ", n - 12) + "five troops.", 200_000, "one long word run"),
    "seed x N": (lambda n: _fill(SEED + "\n\n", n), 1 * MB, "the seed repeated"),
    "sentence, words": (lambda n: _fill("and the troops moved on to the next village ", n - 1) + ".", 1 * MB,
                        "1 MB, one sentence, no figures"),
    "sentence, figures": (lambda n: _fill("the 1,500 troops and 200 km and 3 per cent of 40 tanks, ", n - 1) + ".",
                          1 * MB, "1 MB sentence, a figure every 14 chars"),
    "spaced 1s": (lambda n: _fill("1 ", n), 200_000, '"1 1 1 ...": a figure every 2 chars'),
    "repeated claim": (lambda n: _fill("Russia moved 1,500 troops to Kursk. ", n), 200_000,
                       "the same claim in every sentence"),
}


def _child(conn: object, text: str) -> None:
    import checker

    engine = checker.default_engine()
    began = time.perf_counter()
    engine.check([{"id": "a", "text": text, "published": "2024-08-14"}])
    conn.send(time.perf_counter() - began)  # type: ignore[attr-defined]


def timed(text: str, cap: float) -> float | None:
    """Seconds for one check of `text` in a forked child, or None past `cap` seconds."""
    parent, child = mp.Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=_child, args=(child, text))
    proc.start()
    ready = parent.poll(cap)
    elapsed = parent.recv() if ready else None
    if proc.is_alive():
        proc.kill()
    proc.join()
    return elapsed


def seed_rate(seconds: float = 3.0) -> float:
    import checker

    engine = checker.default_engine()
    n, began = 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        engine.check([{"id": "a", "text": SEED, "published": "2024-08-14"}])
        n += 1
    return n * len(SEED) / (time.perf_counter() - began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cap", type=float, default=20.0, help="seconds allowed for one check")
    parser.add_argument("--only", nargs="*", help="family names to run")
    args = parser.parse_args()
    import checker

    checker.default_engine()  # built once here; children are forked with it
    seed = seed_rate()
    print(f"seed article: {len(SEED):,} chars, {seed:,.0f} chars/s (cap {args.cap:g} s per check)\n")
    print(f"| {'family':<18} | {'input':<40} | {'size':>9} | {'seconds':>8} | {'chars/s':>10} | "
          f"{'x seed':>7} | {'growth':>6} | verdict |")
    print(f"|{'-' * 20}|{'-' * 42}|{'-' * 10}:|{'-' * 9}:|{'-' * 11}:|{'-' * 8}:|{'-' * 7}:|---------|")
    bugs = 0
    for name, (build, full, what) in FAMILIES.items():
        if args.only and name not in args.only:
            continue
        sizes = sorted({min(full, s) for s in (full // 100, full // 10, full)})
        per_char: list[tuple[int, float]] = []
        result = "ok"
        for size in sizes:
            text = build(size)
            elapsed = timed(text, args.cap)
            if elapsed is None:
                result = f"> {args.cap:g} s at {len(text):,}"
                break
            per_char.append((len(text), elapsed / len(text)))
        if not per_char:
            print(f"| {name:<18} | {what:<40} | {'':>9} | {'':>8} | {'':>10} | {'':>7} | {'':>6} | BUG {result} |")
            bugs += 1
            continue
        size, cost = per_char[-1]
        slower = cost * seed
        growth = cost / per_char[0][1] if per_char[0][1] > 0 else float("nan")
        verdict = "ok" if slower <= 10 and result == "ok" else "BUG" + ("" if result == "ok" else f" {result}")
        bugs += verdict != "ok"
        print(f"| {name:<18} | {what:<40} | {size:>9,} | {cost * size:>8.3f} | {1 / cost:>10,.0f} | "
              f"{slower:>7.1f} | {growth:>6.1f} | {verdict} |")
    print(f"\n{bugs} famil{'y' if bugs == 1 else 'ies'} more than 10 times slower per character than the seed "
          "(or over the cap).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
