"""Frozen data that flows one way: Document -> Claim -> Conflict -> Report.

Every span is a pair of 0-based code-point offsets into the submitted text, end
exclusive; line and column are derived only when a report is formatted.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that comparisons read naturally: INFO < WARNING < ERROR."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (error, warning, info)") from None

    def __str__(self) -> str:
        return self.name.lower()


INCONSISTENT = "inconsistent"
DISPUTED = "disputed"


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of real numbers; open ends are widened by nothing, on purpose:
    news bounds ("more than 1,000") are never precise enough for the difference to matter."""

    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def scaled(self, factor: float) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def shifted(self, offset: float) -> Interval:
        return Interval(self.lo + offset, self.hi + offset)

    @property
    def finite(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    def describe(self, fmt: str = "{:,.4g}") -> str:
        if self.lo == self.hi:
            return fmt.format(self.lo)
        if math.isinf(self.hi):
            return "≥ " + fmt.format(self.lo)
        if math.isinf(self.lo) or (self.lo == 0 < self.hi):
            return "≤ " + fmt.format(self.hi)
        return fmt.format(self.lo) + "–" + fmt.format(self.hi)


@dataclass(frozen=True, slots=True)
class Span:
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement. `subject` and `attribute` say what it is about; two claims
    are compared only when both agree and their scopes (place, time) are compatible."""

    kind: str
    span: Span
    value: Interval | None = None
    unit: str = ""
    normalized: str = ""
    subject: str = ""
    attribute: str = ""
    qualifiers: frozenset[str] = frozenset()
    source: str | None = None
    place: str | None = None
    time: str | None = None
    sentence: int = 0
    paragraph: int = 0
    data: tuple[tuple[str, Any], ...] = ()

    @property
    def document(self) -> str:
        return self.span.document

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def text(self) -> str:
        return self.span.text

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.data:
            if k == key:
                return v
        return default

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.document, self.start, self.end, self.kind)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule returns: the engine stamps code, name and severity on it."""

    claims: tuple[Claim, ...]
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    # A rule lowers its own certainty (e.g. a concessive link inside one sentence).
    max_severity: Severity | None = None
    # The claim the finding is about, where one of them is the suspect (a misspelt name):
    # where the CLI and the editor page point. None: the first in document order.
    primary: Claim | None = None
    # Text that would resolve the finding at the primary claim ("Syrskyi"), if one does.
    replacement: str | None = None
    # One plain sentence for a reader, when the rule has a better one than its summary.
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    rule: str
    name: str
    family: str
    severity: Severity
    status: str
    message: str
    claims: tuple[Claim, ...]
    evidence: dict[str, Any]
    fingerprint: str
    primary: int = 0  # index in `claims` of the claim the finding points at
    replacement: str | None = None  # what to write at the primary claim, when one form is right
    explanation: str = ""  # one plain sentence: why these claims cannot all be true

    def sort_key(self) -> tuple[Any, ...]:
        first = self.claims[0]
        return (first.document, first.start, self.rule, tuple(c.sort_key() for c in self.claims))
