"""What every extractor sees of one sentence: its text, its document, its attribution
and the scope expressions around it. Built once per sentence by the engine."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..attribution import Attribution
from ..model import Document
from ..scope import nearest
from ..segment import Segments, Sentence


@dataclass(slots=True)
class SentenceContext:
    doc: Document
    segments: Segments
    sentence: Sentence
    attribution: Attribution
    times: list[tuple[int, int, str]]
    places: list[tuple[int, int, str]]
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def text(self) -> str:
        return self.doc.text

    def in_quote(self, start: int, end: int) -> bool:
        return self.segments.in_quote(start, end)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def place_near(self, start: int, end: int, c_lo: int, c_hi: int) -> str | None:
        """A place in the figure's own clause; failing that, the sentence's only place."""
        inside = [p for p in self.places if c_lo <= p[0] and p[1] <= c_hi]
        if inside:
            return nearest(inside, start, end)
        keys = {p[2] for p in self.places}
        return next(iter(keys)) if len(keys) == 1 else None
