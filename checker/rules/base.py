"""What a rule is: a declaration (code, name, family, default severity, doc, examples)
plus one pure function from a RuleContext to findings. The engine stamps code and
severity on what the function returns, so a rule cannot misreport itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..compare import Pair, comparable_pairs
from ..model import Claim, Document, Finding, Severity
from ..resolve import Resolution, resolve


@dataclass(frozen=True, slots=True)
class Example:
    """Text, or several documents, that the rule must flag (or must leave alone)."""

    text: str = ""
    published: str | None = None
    documents: tuple[dict[str, str], ...] = ()

    def as_documents(self) -> list[dict[str, str]]:
        if self.documents:
            return list(self.documents)
        doc = {"id": "example", "text": self.text}
        if self.published:
            doc["published"] = self.published
        return [doc]


@dataclass(slots=True)
class RuleContext:
    claims: list[Claim]
    documents: dict[str, Document]
    skipped: Counter[str] = field(default_factory=Counter)
    # The configuration's house style (variant -> preferred), for the entity rules.
    house_spellings: dict[str, str] = field(default_factory=dict)
    _resolution: Resolution | None = None

    @property
    def resolution(self) -> Resolution:
        """Entity resolution over all the request's claims (checker/resolve.py), made
        once, on first use by a rule."""
        if self._resolution is None:
            self._resolution = resolve(self.claims, self.skipped)
        return self._resolution

    def of_kind(self, *kinds: str) -> list[Claim]:
        return [c for c in self.claims if c.kind in kinds]

    def pairs(self, *kinds: str) -> Iterator[Pair]:
        """Pairs of claims of these kinds that are the same thing, with how surely
        (checker.compare.identity); the rest are counted in `skipped`."""
        return comparable_pairs(self.claims, set(kinds), self.skipped)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    doc: str
    needs: tuple[str, ...]
    flags: tuple[Example, ...]
    passes: tuple[Example, ...]
    check: Callable[[RuleContext], Iterable[Finding]]
    lifecycle: str = "stable"

    def describe(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": str(self.severity),
            "summary": self.summary,
            "doc": self.doc,
            "needs": list(self.needs),
            "lifecycle": self.lifecycle,
            "examples": {
                "flag": [e.as_documents() for e in self.flags],
                "pass": [e.as_documents() for e in self.passes],
            },
        }
