"""Families of hostile input for the linear-time tests and benchmarks/bench_adversarial.py:
each maker returns about `n` characters of one shape that once made some part of the
engine quadratic or worse (a pattern retried at every position, all pairs of claims
compared, a window that never closed)."""

from __future__ import annotations

from collections.abc import Callable


def _fill(unit: Callable[[int], str], n: int) -> str:
    parts: list[str] = []
    size = i = 0
    while size < n:
        s = unit(i)
        parts.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(parts)


def _name(i: int) -> str:
    letters = "bcdfghjklmnprstvwz"
    a, b, c = letters[i % 18], letters[(i // 18) % 18], letters[(i // 324) % 18]
    return f"Ka{a}{b}{c}ov"


ADVERSARIAL_FAMILIES: dict[str, Callable[[int], str]] = {
    "one letter": lambda n: "A" * n,
    "capitals": lambda n: _fill(lambda i: "ABCD", n),
    "digits": lambda n: "1" * n,
    "separators": lambda n: ",".join(["100"] * (n // 4)) + " troops.",
    "qualifiers": lambda n: "more than " * (n // 10) + "5 troops.",
    "number words": lambda n: "one hundred and " * (n // 16) + "five troops.",
    "blanks": lambda n: "Russia sent 5" + " " * n + "million troops.",
    "age openings": lambda n: _fill(lambda i: f"The {20 + i % 60}-year-old {_name(i)} said.", n),
    "an age in every sentence": lambda n: _fill(lambda i: f"{_name(i)}, {20 + i % 60}, left.", n),
    "a state word repeated": lambda n: _fill(lambda i: "The bridge remains closed." if i % 2 else "The bridge reopened.", n),
    "say repeated": lambda n: "said " * (n // 5) + "1,500 troops.",
    "a quotation in every sentence": lambda n: _fill(lambda i: f"“We moved {i} troops,” {_name(i)} said.", n),
    "names sharing a prefix": lambda n: _fill(lambda i: f"Oleksandr {_name(i)} met Syrskyi.", n),
    "many dates in one sentence": lambda n: "It rained on " + ", ".join(f"March {1 + i % 28}" for i in range(n // 10)) + ".",
    "many times in one sentence": lambda n: "Sirens at " + ", ".join(f"{1 + i % 12}:{i % 60:02d} p.m." for i in range(n // 11)) + ".",
    "many weekdays in one sentence": lambda n: "Talks on " + ", ".join(["Monday", "Tuesday", "Friday"] * (n // 24)) + ".",
    "one noun, many figures": lambda n: _fill(lambda i: f"Russia moved {1000 + i} troops to Kursk.", n),
    "definite restatements": lambda n: _fill(lambda i: f"The {1000 + i} troops left.", n),
    "many measures": lambda n: _fill(lambda i: f"The {100 + i}-kilometre front held.", n),
    "negations": lambda n: _fill(lambda i: "The brigade did not cross the river." if i % 2 else "The brigade crossed the river.", n),
    "changes": lambda n: _fill(lambda i: "Prices were unchanged in March." if i % 2 else "Prices rose in March.", n),
    "one long sentence of figures": lambda n: "Troops " + ", ".join(f"{i} tanks" for i in range(n // 9)) + ".",
    "lists of parts": lambda n: _fill(lambda i: f"Of the {i + 10} trucks, 4 carried flour, 3 carried water and {i} carried fuel.", n),
    "shares": lambda n: _fill(lambda i: f"{i % 90}% voted yes and {(i * 7) % 90}% voted no.", n),
}
