"""A check's result (Report), its wire format (Report.to_dict) and line/column positions,
computed only here. The model (checker/model.py) depends on nothing; this module on it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import __version__
from .model import Claim, Conflict, Document
from .units import reader_values

OFFSET_UNIT = "unicode code points, 0-based, end exclusive"


@lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return tuple(starts)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of an offset."""
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def claim_to_dict(c: Claim, text: str) -> dict[str, Any]:
    line, col = line_col(text, c.start)
    out: dict[str, Any] = {
        "document": c.document,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "line": line,
        "column": col,
        "kind": c.kind,
        "normalized": c.normalized,
        "subject": c.subject,
    }
    if c.value is not None:
        out["bounds"] = {"lo": _bound(c.value.lo), "hi": _bound(c.value.hi)}
        if c.kind == "measure" and c.value.finite:
            shown = reader_values((c.value.lo + c.value.hi) / 2, c.unit)
            if shown is not None:
                out["reader_values"] = shown
        out["interval"] = [_num(c.value.lo), _num(c.value.hi)]  # deprecated: "inf" strings beside numbers
        out["unit"] = c.unit
    if c.attribute:
        out["attribute"] = c.attribute
    if c.qualifiers:
        out["qualifiers"] = sorted(c.qualifiers)
    for key in ("source", "place", "time"):
        value = getattr(c, key)
        if value is not None:
            out[key] = value
    return out


def _num(x: float) -> float | str | None:
    if x != x:
        return None
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return round(x, 6)


def _bound(x: float) -> float | None:
    """An interval end as a number, or null for an open end (no NaN or "inf" on the wire)."""
    if x != x or x in (float("inf"), float("-inf")):
        return None
    return round(x, 6)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def conflict_to_dict(c: Conflict, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "rule": c.rule,
        "name": c.name,
        "family": c.family,
        "severity": str(c.severity),
        "status": c.status,
        "message": c.message,
        "explanation": c.explanation,
        "claims": [claim_to_dict(x, texts[x.document]) for x in c.claims],
        "evidence": _jsonable(c.evidence),
        "fingerprint": c.fingerprint,
        "primary": c.primary,
        **({"replacement": c.replacement} if c.replacement is not None else {}),
    }


def report_to_dict(report: Report, include_claims: bool = False) -> dict[str, Any]:
    texts = {d.id: d.text for d in report.documents}
    out: dict[str, Any] = {
        "version": __version__,
        "offsets": OFFSET_UNIT,
        "conflicts": [conflict_to_dict(c, texts) for c in report.conflicts],
        "stats": _jsonable({k: v for k, v in report.stats.items() if k != "elapsed_ms"}),
        "errors": list(report.errors),
    }
    if include_claims:
        out["claims"] = [claim_to_dict(c, texts[c.document]) for c in report.claims]
    return out


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[Document, ...]
    conflicts: tuple[Conflict, ...]
    claims: tuple[Claim, ...]
    stats: dict[str, Any]
    errors: tuple[dict[str, Any], ...] = ()

    def to_dict(self, include_claims: bool = False) -> dict[str, Any]:
        """The wire format: what the API returns and `--format json` prints."""
        return report_to_dict(self, include_claims=include_claims)
