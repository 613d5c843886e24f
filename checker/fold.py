"""Folding names for comparison: case, diacritics, apostrophes and soft signs, and the
transliteration endings that make "Syrskyi", "Syrskiy" and "Syrsky" one name."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = re.compile(r"[’'ʼ`ʹ]")
_ENDINGS = re.compile(r"(?:iy|ii|yi|yy|ij|y|i)$")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase ASCII with apostrophes dropped and possessives stripped."""
    w = anyascii(word).lower()
    w = re.sub(r"(?:'s|’s)$", "", w)
    return _APOSTROPHES.sub("", w)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A transliteration skeleton: folded, with -iy/-ii/-yi/-y endings and doubled
    letters reduced, so spelling variants of one name meet."""
    w = fold(word)
    if len(w) > 4:
        w = _ENDINGS.sub("", w)
    w = re.sub(r"(.)\1+", r"\1", w)
    return w.replace("kh", "h").replace("ye", "e").replace("yu", "u").replace("ya", "a")
