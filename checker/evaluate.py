"""Score the engine on the annotated corpus: per family gold, found, precision, recall
and F1; false alarms per 1,000 words on traps; disputed cases labelled correctly.

Matching: a finding matches a gold conflict when, for each of the gold's two quotes, one
of the finding's claims lies in the same document and overlaps the quote's span; or, for a
weekday, when the weekday and the date it does not fit both lie within one of the quotes.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .corpus import FAMILIES, Case, GoldConflict, GoldSpan, load_corpus
from .model import DISPUTED, Conflict, Severity

BASELINE = "baseline.json"


def _overlaps(g: GoldSpan, doc: str, start: int, end: int) -> bool:
    return g.doc == doc and start < g.end and g.start < end


def matches(f: Conflict, g: GoldConflict) -> bool:
    hit_a = [c for c in f.claims if _overlaps(g.a, c.document, c.start, c.end)]
    hit_b = [c for c in f.claims if _overlaps(g.b, c.document, c.start, c.end)]
    if hit_a and hit_b and (len(set(map(id, hit_a + hit_b))) >= 2):
        return True
    # A weekday printed with a date that does not fit it is one slip inside one quote
    # ("Thursday 14 May"), which a writer may set against another mention of the day ("on
    # Tuesday"): the finding that names the weekday and its date, both within that quote,
    # is the gold conflict found.
    return g.family == f.family == "weekday" and any(
        len(f.claims) >= 2 and all(_overlaps(q, c.document, c.start, c.end) for c in f.claims[:2])
        for q in (g.a, g.b))


@dataclass
class CaseResult:
    case: Case
    found: list[tuple[GoldConflict, Conflict | None, bool]] = field(default_factory=list)
    false_alarms: list[Conflict] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # documents, or rules, the engine failed on


def evaluate_case(case: Case) -> CaseResult:
    from . import default_engine

    report = default_engine().check([d.as_input() for d in case.documents])
    result = CaseResult(case)
    used: set[int] = set()
    for g in case.conflicts:
        hit = next((f for f in report.conflicts if matches(f, g)), None)
        if hit is not None:
            used.add(id(hit))
        ok = hit is not None and (hit.status == DISPUTED) == (g.kind == "disputed")
        result.found.append((g, hit, ok))
    result.false_alarms = [f for f in report.conflicts if id(f) not in used]
    # a document the engine failed on is scored as silent; it must also be seen
    result.unchecked = [case.documents[e["document"]].id for e in report.errors if e.get("code") == "internal_error"]
    result.unchecked += [f"rule {code}" for code in report.stats.get("rules_failed", ())]
    return result


def _prf(tp: int, fp: int, gold: int, found: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = found / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def score(results: list[CaseResult]) -> dict[str, Any]:
    gold: Counter[str] = Counter()
    found: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    disputed_gold = disputed_ok = 0
    trap_words = trap_alarms = trap_errors = 0
    words = sum(r.case.words for r in results)
    for r in results:
        for g, hit, ok in r.found:
            gold[g.family] += 1
            if g.kind == "disputed":
                disputed_gold += 1
                disputed_ok += int(ok)
            if ok:
                found[g.family] += 1
                tp[g.family] += 1
            elif hit is not None:
                fp[g.family] += 1  # reported with the wrong status
        for f in r.false_alarms:
            fp[f.family] += 1
        if r.case.is_trap:
            trap_words += r.case.words
            trap_alarms += len(r.false_alarms)
            trap_errors += sum(1 for f in r.false_alarms if f.severity >= Severity.WARNING)
    families = {}
    for fam in FAMILIES:
        families[fam] = {"gold": gold[fam], "found": found[fam], "false_alarms": fp[fam], **_prf(tp[fam], fp[fam], gold[fam], found[fam])}
    total = _prf(sum(tp.values()), sum(fp.values()), sum(gold.values()), sum(found.values()))
    return {
        "cases": len(results),
        "traps": sum(1 for r in results if r.case.is_trap),
        "words": words,
        "families": families,
        "overall": {"gold": sum(gold.values()), "found": sum(found.values()), "false_alarms": sum(fp.values()), **total},
        "traps_false_alarms_per_1000_words": round(1000 * trap_alarms / trap_words, 3) if trap_words else 0.0,
        "traps_warnings_per_1000_words": round(1000 * trap_errors / trap_words, 3) if trap_words else 0.0,
        "false_alarms_per_1000_words": round(1000 * sum(len(r.false_alarms) for r in results) / words, 3) if words else 0.0,
        "disputed": {"gold": disputed_gold, "labelled_correctly": disputed_ok},
        "documents_unchecked": sorted(f"{r.case.id}/{d}" for r in results for d in r.unchecked),
    }


def evaluate(root: Path) -> tuple[dict[str, Any], list[CaseResult]]:
    cases = load_corpus(root / "cases" if (root / "cases").is_dir() else root)
    results = [evaluate_case(c) for c in cases]
    return score(results), results


def table(s: dict[str, Any]) -> str:
    rows = [f"{'family':<16}{'gold':>6}{'found':>7}{'false':>7}{'prec':>7}{'recall':>8}{'F1':>7}"]
    for fam, v in s["families"].items():
        rows.append(f"{fam:<16}{v['gold']:>6}{v['found']:>7}{v['false_alarms']:>7}{v['precision']:>7.2f}{v['recall']:>8.2f}{v['f1']:>7.2f}")
    o = s["overall"]
    rows.append(f"{'overall':<16}{o['gold']:>6}{o['found']:>7}{o['false_alarms']:>7}{o['precision']:>7.2f}{o['recall']:>8.2f}{o['f1']:>7.2f}")
    rows.append("")
    rows.append(f"cases {s['cases']} (traps {s['traps']}), words {s['words']:,}")
    rows.append(f"false alarms per 1,000 words: traps {s['traps_false_alarms_per_1000_words']} "
                f"(warning or worse {s['traps_warnings_per_1000_words']}), all cases {s['false_alarms_per_1000_words']}")
    rows.append(f"disputed conflicts labelled correctly: {s['disputed']['labelled_correctly']} of {s['disputed']['gold']}")
    if s["documents_unchecked"]:
        rows.append(f"documents the engine failed on: {', '.join(s['documents_unchecked'])}")
    return "\n".join(rows) + "\n"


def _quote(case: Case, doc: str, start: int, end: int) -> str:
    text = next(d.text for d in case.documents if d.id == doc)
    return text[start:end]


def details(results: list[CaseResult]) -> str:
    out: list[str] = []
    for r in results:
        for g, hit, ok in r.found:
            if not ok:
                why = "reported with the wrong status" if hit else "missed"
                out.append(f"MISS  {r.case.id} [{g.family}/{g.kind}] {why}: {g.a.quote!r} vs {g.b.quote!r}")
        for f in r.false_alarms:
            quotes = " vs ".join(repr(_quote(r.case, c.document, c.start, c.end)) for c in f.claims)
            out.append(f"FALSE {r.case.id} {f.rule} {f.severity} {f.status}: {quotes} — {f.message}")
    return "\n".join(out) + ("\n" if out else "")


def regressions(current: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Every figure that is worse than the committed baseline (the ratchet)."""
    eps = 1e-9
    bad: list[str] = []
    for fam, base in baseline.get("families", {}).items():
        cur = current["families"].get(fam, {})
        for key in ("precision", "recall", "f1"):
            if cur.get(key, 0.0) < base[key] - eps:
                bad.append(f"{fam} {key} {cur.get(key)} < baseline {base[key]}")
    for key in ("precision", "recall", "f1"):
        if current["overall"][key] < baseline["overall"][key] - eps:
            bad.append(f"overall {key} {current['overall'][key]} < baseline {baseline['overall'][key]}")
    for key in ("traps_false_alarms_per_1000_words", "false_alarms_per_1000_words"):
        if current[key] > baseline[key] + eps:
            bad.append(f"{key} {current[key]} > baseline {baseline[key]}")
    if current["disputed"]["labelled_correctly"] < baseline["disputed"]["labelled_correctly"]:
        bad.append("fewer disputed conflicts labelled correctly than the baseline")
    if current.get("documents_unchecked"):
        bad.append(f"documents the engine failed on: {', '.join(current['documents_unchecked'])}")
    return bad


def run_eval(root: Path, fmt: str = "text", show: bool = False, write_baseline: bool = False) -> int:
    s, results = evaluate(root)
    if fmt == "json":
        sys.stdout.write(orjson.dumps(s, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n")
    else:
        sys.stdout.write(table(s))
    if show:
        sys.stdout.write(details(results))
    if write_baseline:
        target = (root if root.is_dir() else root.parent) / BASELINE
        target.write_bytes(orjson.dumps(s, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
        print(f"baseline written to {target}", file=sys.stderr)
    return 0
