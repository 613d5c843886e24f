"""Case-insensitive word-list patterns run once per document, fast and with exactly the
matches `pattern.finditer(text)` gives.

Why: Python's re finds no literal or first-character prefix in an IGNORECASE pattern, nor
in one that opens with a lookbehind, so such a pattern is tried at every position of the
text (about 40 ns a character: 120 µs for a 3,000-character article, per pattern). The
same pattern without IGNORECASE and without its leading `(?<![\\w-])`, run over the
lowercased text, skips to candidate characters in C and costs a fifth of that.

How it stays exact: the lowercase twin only finds where matches start. Each start is
checked against the boundary the lookbehind asked for, and the match returned is the
original pattern's own match at that offset (`pattern.match(text, start)`, whose
lookbehind sees the text before `start`), so groups, spans and case are untouched. The
twin is used only when lowercasing changes nothing that matters to the pattern:
- the pattern's literals and classes are lowercase or uncased (checked on its parse tree);
- the text lowercases one character for one, and no non-ASCII character in it folds onto
  an ASCII letter under IGNORECASE (the Kelvin sign, dotless i, long s) or changes class
  (word, digit, space) when lowercased.
Otherwise, and whenever the original disagrees with the twin, the original pattern runs
as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

_LEAD = r"(?<![\w-])"
_WORDISH = re.compile(r"[\w-]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER_I = re.compile(r"[a-z]", re.I)


@lru_cache(maxsize=4096)
def _char_safe(c: str) -> bool:
    low = c.lower()
    if len(low) != 1:
        return False
    if _ASCII_LETTER_I.match(c):  # a non-ASCII character IGNORECASE reads as a letter
        return False
    return (
        c.isalnum() == low.isalnum() and c.isdecimal() == low.isdecimal() and c.isdigit() == low.isdigit()
        and c.isnumeric() == low.isnumeric() and c.isspace() == low.isspace() and (c == "_") == (low == "_")
    )


def lowered(text: str, low: str | None = None) -> str | None:
    """The text lowercased (pass `text.lower()` as `low` when you have it), when twins
    may read it in place of the text; else None."""
    low = text.lower() if low is None else low
    if len(low) != len(text):
        return None
    if not text.isascii() and not all(_char_safe(c) for c in set(_NON_ASCII.findall(text))):
        return None
    return low


def _lower_only(items: list[tuple[object, object]]) -> bool:
    """True when no literal or class in the parsed pattern depends on upper case."""
    c = _sre_c
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            ch = chr(av)  # type: ignore[arg-type]
            if ch != ch.lower() or (ch.upper() != ch and not ch.isascii()):
                return False
        elif op is c.RANGE:
            lo, hi = av  # type: ignore[misc]
            if any(chr(x) != chr(x).lower() or (not chr(x).isascii() and chr(x).upper() != chr(x)) for x in range(lo, hi + 1)):
                return False
        elif op is c.IN:
            if not _lower_only(av):  # type: ignore[arg-type]
                return False
        elif op is c.BRANCH:
            if not all(_lower_only(list(b)) for b in av[1]):  # type: ignore[index]
                return False
        elif op is c.SUBPATTERN:
            if av[1] or av[2] or not _lower_only(list(av[3])):  # type: ignore[index]  # no inline flags
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            if not _lower_only(list(av[2])):  # type: ignore[index]
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not _lower_only(list(av[1])):  # type: ignore[index]
                return False
        elif op in (c.AT, c.CATEGORY, c.NEGATE, c.ANY):
            continue
        else:  # backreferences, conditionals, atomic groups: not worth proving
            return False
    return True


def _first(items: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
    """(characters a match of the sequence can start with, or None when any may;
    whether the sequence can match empty)."""
    c = _sre_c
    out: set[str] = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the next item starts the match
        if op is c.LITERAL:
            return out | {chr(av)}, False  # type: ignore[arg-type]
        if op is c.IN:
            chars: set[str] = set()
            for iop, iav in av:  # type: ignore[attr-defined]
                if iop is c.LITERAL:
                    chars.add(chr(iav))
                elif iop is c.RANGE and iav[1] - iav[0] < 256:
                    chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
                else:
                    return None, False
            return out | chars, False
        if op is c.SUBPATTERN:
            if av[1] or av[2]:  # type: ignore[index]
                return None, False
            got, empty = _first(list(av[3]))  # type: ignore[index]
        elif op is c.BRANCH:
            got, empty = set(), False
            for b in av[1]:  # type: ignore[index]
                g, e = _first(list(b))
                if g is None:
                    return None, False
                got |= g
                empty = empty or e
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            got, empty = _first(list(av[2]))  # type: ignore[index]
            empty = empty or av[0] == 0  # type: ignore[index]
        else:
            return None, False
        if got is None:
            return None, False
        out |= got
        if not empty:
            return out, False
    return out, True


def _has_prefix(items: list[tuple[object, object]]) -> bool:
    """Whether re finds a first-character prefix in the sequence by itself (the rule of
    re._compiler._get_charset_prefix: a literal, a class, or branches of literals)."""
    c = _sre_c
    while items and items[0][0] is c.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:  # type: ignore[index]
        items = list(items[0][1][3])  # type: ignore[index]
    if not items:
        return False
    op, av = items[0]
    if op in (c.LITERAL, c.IN):
        return True
    return op is c.BRANCH and all(len(b) and b[0][0] is c.LITERAL for b in av[1])  # type: ignore[index]


class CaseScan:
    """A compiled IGNORECASE pattern and, when provably equivalent, its lowercase twin."""

    __slots__ = ("lead", "pattern", "starts", "twin")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin: re.Pattern[str] | None = None
        self.lead = False
        self.starts: re.Pattern[str] | None = None
        src, flags = pattern.pattern, pattern.flags
        if not flags & re.I or flags & (re.ASCII | re.LOCALE) or not isinstance(src, str):
            return
        parsed = _sre_p.parse(src, flags)
        rest = src
        items = list(parsed)
        if src.startswith(_LEAD) and items and items[0][0] is _sre_c.ASSERT_NOT:
            # A leading lookbehind that parses as the first item binds the whole
            # sequence (no top-level "|"): it is checked by hand, so the twin can skip
            # ahead to candidate characters.
            rest, items, self.lead = src[len(_LEAD) :], items[1:], True
        if not _lower_only(items):
            return
        self.twin = re.compile(rest, flags & ~re.I)
        first, empty = _first(items)
        if first and not empty and len(first) < 40 and not _has_prefix(items):
            # Where the twin starts, found by a pattern that opens with a character
            # class, which re scans for in C: the class, then (looking back over that
            # one character) the twin itself.
            chars = "".join(sorted(re.escape(ch) for ch in first))
            guard = _LEAD if self.lead else ""  # mid-word candidates fail before the twin runs
            self.starts = re.compile("[" + chars + "](?<=" + guard + "(?=" + rest + r")[\s\S])", flags & ~re.I)

    def finditer(self, text: str, low: str | None) -> list[re.Match[str]]:
        """Every match of the pattern in text, as `list(pattern.finditer(text))`; `low` is
        `lowered(text)` (computed once per document by the caller)."""
        twin = self.twin
        if twin is None or low is None:
            return list(self.pattern.finditer(text))
        out: list[re.Match[str]] = []
        match, lead = self.pattern.match, self.lead
        search = (self.starts or twin).search
        wordish = _WORDISH.match
        pos, n = 0, len(text)
        while pos <= n:
            m = search(low, pos)
            if m is None:
                break
            p = m.start()
            if lead and p and wordish(text, p - 1):
                pos = p + 1
                continue
            real = match(text, p)
            if self.starts is not None:
                m = twin.match(low, p)  # type: ignore[assignment]
            if real is None or m is None or real.end() != m.end() or real.end() == p:
                # cannot happen for a text `lowered` accepted; empty matches advance
                # differently in finditer: either way, let the pattern run itself
                return list(self.pattern.finditer(text))
            out.append(real)
            pos = real.end()
        return out
