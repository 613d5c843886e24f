"""What a rule is: a declaration (code, name, family, default severity, doc, examples)
plus one pure function from a RuleContext to findings. The engine stamps code and
severity on what the function returns, so a rule cannot misreport itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..compare import Pair, comparable_pairs
from ..model import Claim, Document, Finding, Severity


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

    def of_kind(self, *kinds: str) -> list[Claim]:
        return [c for c in self.claims if c.kind in kinds]

    def pairs(self, *kinds: str, unlinked: bool = False) -> Iterator[Pair]:
        return comparable_pairs(self.claims, set(kinds), self.skipped, unlinked)


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
