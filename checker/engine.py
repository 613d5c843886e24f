"""The pipeline: segment -> extract -> compare (rules) -> decide -> sort.

Built once per process: the pint registry, the compiled patterns and the lexicons are
module-level caches that Engine() warms, so the first request costs no more than the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .attribution import document_source, is_party, same_source
from .config import Options
from .extract import EXTRACTORS
from .extract.context import DocumentContext
from .lexicon import lexicon
from .model import DISPUTED, INCONSISTENT, Claim, Conflict, Document, Finding, Severity
from .report import Report
from .rules import Rule, RuleContext, all_rules
from .units import registry, unit_pattern

DocumentInput = Document | Mapping[str, Any] | str
log = logging.getLogger(__name__)


class InputError(ValueError):
    """A document cannot be checked; `field` names what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def to_document(raw: DocumentInput, index: int = 0) -> Document:
    if isinstance(raw, Document):
        return raw
    if isinstance(raw, str):
        return Document(id="text" if index == 0 else f"text{index}", text=raw)
    where = f"documents.{index}"
    if not isinstance(raw, Mapping):
        raise InputError(where, "expected an object with id and text")
    text = raw.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}.text", "missing or not a string")
    doc_id = raw.get("id", f"doc{index}")
    if not isinstance(doc_id, str) or not doc_id:
        raise InputError(f"{where}.id", "must be a non-empty string")
    published = raw.get("published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            raise InputError(f"{where}.published", f"{published!r} is not an ISO date") from None
    elif published is not None and not isinstance(published, dt.date):
        raise InputError(f"{where}.published", "must be an ISO date string")
    source = raw.get("source")
    return Document(id=doc_id, text=text, published=published, source=source if isinstance(source, str) else None)


def fingerprint(code: str, claims: Sequence[Claim]) -> str:
    """Stable across edits that move text: rule code plus the claims' normalized text."""
    parts = sorted(f"{c.text.strip().lower()}|{c.normalized}" for c in claims)
    return hashlib.sha256("\x1f".join([code, *parts]).encode("utf-8")).hexdigest()[:16]


class Engine:
    """One per process; check() is thread-safe (no state is written after __init__)."""

    def __init__(self, rules: Sequence[Rule] | None = None) -> None:
        lexicon()
        registry()
        unit_pattern()
        self.rules: tuple[Rule, ...] = tuple(rules) if rules is not None else all_rules()
        # Warm every lazily compiled pattern on a sentence that touches them all.
        self.check(["About 1,500 troops, $3bn, 35C and 12% were seen in Kyiv on Monday, officials said."])

    def extract(self, doc: Document, skipped: Counter[str]) -> list[Claim]:
        dctx = DocumentContext.build(doc, skipped)
        claims: list[Claim] = []
        for ctx in dctx.sentences():
            for extractor in EXTRACTORS:
                claims.extend(extractor(ctx))
        # Extraction read a view with odd spaces folded; quote the original text.
        return [_requote(c, doc.text) for c in claims]

    def check(self, inputs: DocumentInput | Iterable[DocumentInput], options: Options | None = None) -> Report:
        opts = options or Options()
        started = time.perf_counter()
        items = [inputs] if isinstance(inputs, (str, Document, Mapping)) else list(inputs)
        docs: list[Document] = []
        errors: list[dict[str, Any]] = []
        seen: set[str] = set()
        for i, raw in enumerate(items):
            try:
                doc = to_document(raw, i)
            except InputError as exc:
                errors.append({"document": i, "field": exc.field, "message": exc.message})
                continue
            if doc.id in seen:
                errors.append({"document": i, "field": f"documents.{i}.id", "message": f"duplicate id {doc.id!r}"})
                continue
            seen.add(doc.id)
            docs.append(doc)
        skipped: Counter[str] = Counter()
        claims: list[Claim] = []
        checked: list[Document] = []
        for i, doc in enumerate(docs):
            try:
                claims.extend(self.extract(doc, skipped))
            except Exception as exc:  # one document the engine cannot read sinks no other
                log.exception("document %r could not be checked", doc.id)
                errors.append({"document": i, "field": f"documents.{i}", "code": "internal_error",
                               "message": f"this document could not be checked ({type(exc).__name__})"})
                continue
            checked.append(doc)
        docs = checked
        claims.sort(key=lambda c: c.sort_key())
        ctx = RuleContext(
            claims=claims, documents={d.id: d for d in docs}, skipped=skipped, house_spellings=opts.house_spellings
        )
        conflicts: list[Conflict] = []
        failed: list[str] = []
        for rule in self.rules:
            if not opts.enabled(rule.code):
                continue
            try:
                findings = list(rule.check(ctx))
            except Exception:  # one rule the engine cannot run sinks no other rule's findings
                log.exception("rule %s could not run", rule.code)
                failed.append(rule.code)
                continue
            for finding in findings:
                conflicts.append(self._decide(rule, finding, opts, ctx.documents))
        conflicts = _fold_echoes(_dedupe(conflicts), skipped)
        conflicts = [c for c in conflicts if c.severity >= opts.min_severity]
        conflicts.sort(key=lambda c: c.sort_key())
        stats = {
            "documents": len(docs),
            "characters": sum(len(d.text) for d in docs),
            "claims": dict(sorted(Counter(c.kind for c in claims).items())),
            "conflicts": len(conflicts),
            "skipped_comparisons": dict(sorted(skipped.items())),
            "rules_run": sum(1 for r in self.rules if opts.enabled(r.code)) - len(failed),
            # rules that failed on this request: their findings are missing, the traceback logged
            "rules_failed": failed,
            "elapsed_ms": round((time.perf_counter() - started) * 1000, 3),
        }
        return Report(tuple(docs), tuple(conflicts), tuple(claims), stats, tuple(errors))

    @staticmethod
    def _decide(rule: Rule, finding: Finding, opts: Options, documents: Mapping[str, Document]) -> Conflict:
        severity = opts.severity_for(rule.code, rule.severity)
        if finding.max_severity is not None:
            severity = min(severity, finding.max_severity)
        claims = tuple(sorted(finding.claims, key=lambda c: c.sort_key()))
        sources = [c.source for c in claims]
        # A document's named source ("Reuters", "club statement") stands behind the claims
        # its text does not attribute; a newsroom channel ("staff", "draft") does not.
        effective = [c.source or document_source(documents.get(c.document)) for c in claims]
        status = INCONSISTENT
        # Two sources disagree only when each is a party that can hold a view ("police",
        # "the organisers"), not a report nobody is named for or a phrase cut badly.
        if all(is_party(s) for s in effective) and not all(same_source(effective[0], s) for s in effective[1:]):
            status, severity = DISPUTED, Severity.INFO
        elif any(s is not None for s in sources) and any(s is None for s in sources):
            severity = min(severity, Severity.WARNING)
        evidence = dict(finding.evidence)
        evidence["sources"] = effective
        return Conflict(
            rule=rule.code,
            name=rule.name,
            family=rule.family,
            severity=severity,
            status=status,
            message=finding.message,
            claims=claims,
            evidence=evidence,
            fingerprint=fingerprint(rule.code, claims),
            primary=claims.index(finding.primary) if finding.primary in claims else 0,
            replacement=finding.replacement,
            explanation=finding.explanation or rule.summary,
        )


def _requote(c: Claim, text: str) -> Claim:
    original = text[c.start : c.end]
    return c if original == c.text else replace(c, span=replace(c.span, text=original))


def _fold_echoes(conflicts: list[Conflict], skipped: Counter[str]) -> list[Conflict]:
    """One slip found twice: a claim already set against another of one family, set again
    against a third claim of the same value as that other ("21:27" against "20:27 local
    time", then against "8.27pm", which agrees with 20:27). Correcting the one claim
    answers both; the most severe finding stands (the first of equals, in rule order), and
    the fold is counted in the stats."""
    kept: list[Conflict] = []
    seen: dict[tuple[str, tuple[str, int, int]], set[tuple[str, str]]] = {}
    for c in sorted(conflicts, key=lambda c: c.severity, reverse=True):
        keys = [(x.document, x.start, x.end) for x in c.claims]
        values = [(x.kind, x.normalized) for x in c.claims]
        if len(keys) == 2 and any(values[1 - i] in seen.get((c.family, k), set()) for i, k in enumerate(keys)):
            skipped["a slip already found, against a claim of the same value"] += 1
            continue
        kept.append(c)
        if len(keys) == 2:
            for i, k in enumerate(keys):
                seen.setdefault((c.family, k), set()).add(values[1 - i])
    return kept


def _dedupe(conflicts: list[Conflict]) -> list[Conflict]:
    seen: set[tuple[str, tuple[tuple[str, int, int], ...]]] = set()
    out = []
    for c in conflicts:
        key = (c.rule, tuple((x.document, x.start, x.end) for x in c.claims))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
