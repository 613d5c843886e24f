"""Silencing findings someone has judged: inline directives and baselines.

Directives are HTML comments (outside code) whose text starts with `checker:`:

    <!-- checker: ignore QTY001 -->                  the next block (paragraph, heading,
                                                     list, quote, table); all codes if none
    <!-- checker: ignore QTY001 "15,000 troops" -->  the same, only for claims whose text
                                                     the quoted words overlap
    <!-- checker: off QTY -->  ...  <!-- checker: on -->   a region (to the end if never on)

Codes are prefixes, separated by commas or spaces. A directive comment inside a paragraph
applies to that paragraph; one that is a block of its own applies to the next block. A
finding is suppressed when any of its claims falls in an ignored region for its code.
An unknown directive or code is an error that names the line.

Baselines record findings by (path, fingerprint); the fingerprint is the rule code plus
the claims' normalized text, so moving text about does not change it. Counts are kept,
so a second identical finding in a file is still new.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .markdown import Prose, line_of
from .model import Claim, Conflict
from .nesting import depth_message, too_deep
from .report import Report

_DIRECTIVE = re.compile(r"<!--\s*checker\s*:(.*?)-->", re.S | re.I)
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")
BASELINE_VERSION = 1


class DirectiveError(ValueError):
    """A `checker:` comment cannot be understood; the message names the line."""


@dataclass(frozen=True, slots=True)
class Region:
    start: int
    end: int
    codes: tuple[str, ...] = ()  # empty: every code
    quotes: tuple[str, ...] = ()  # empty: every claim

    def covers(self, rule: str, claim: Claim, raw: str) -> bool:
        if not (self.start <= claim.start < self.end or self.start < claim.end <= self.end):
            return False
        if self.codes and not any(rule.startswith(c) for c in self.codes):
            return False
        if not self.quotes:
            return True
        for q in self.quotes:
            at = raw.find(q, self.start, self.end)
            while at >= 0:
                if at < claim.end and claim.start < at + len(q):
                    return True
                at = raw.find(q, at + 1, self.end)
        return False


def _codes(words: Iterable[str], line: int) -> tuple[str, ...]:
    from .rules import all_rules

    known = [r.code for r in all_rules()]
    out = []
    for w in words:
        code = w.upper()
        if not re.fullmatch(r"[A-Z]{1,3}\d{0,3}", code) or not any(k.startswith(code) for k in known):
            raise DirectiveError(f"line {line}: {w!r} matches no rule code (see `checker rules`)")
        out.append(code)
    return tuple(out)


def _next_block(prose: Prose, after: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in prose.blocks if s >= after), None)


def _scope(prose: Prose, start: int, end: int) -> tuple[int, int]:
    """The region an `ignore` comment at raw[start:end] covers."""
    leaf = next(((s, e) for s, e in prose.leaves if s <= start and end <= e), None)
    if leaf is not None:
        rest = _DIRECTIVE.sub("", prose.raw[leaf[0] : leaf[1]])
        if rest.strip():
            return leaf  # a comment inside a paragraph: that paragraph
        after = leaf[1]
    else:
        after = end
    block = _next_block(prose, after)
    return block if block is not None else (end, end)


def regions(prose: Prose) -> tuple[Region, ...]:
    """Every ignored region of one file, from its directive comments."""
    out: list[Region] = []
    open_: dict[str, int] = {}  # code prefix ("" for all) -> start of its off region
    for start, end in prose.comments:
        m = _DIRECTIVE.fullmatch(prose.raw, start, end)
        if m is None:
            continue
        line = line_of(prose.raw, start)
        body = m.group(1)
        quotes = tuple(a or b for a, b in _QUOTED.findall(body))
        words = [w for w in re.split(r"[\s,]+", _QUOTED.sub(" ", body)) if w]
        if not words or words[0].lower() not in ("ignore", "off", "on"):
            raise DirectiveError(f"line {line}: unknown directive {body.strip()!r} (ignore, off, on)")
        verb, codes = words[0].lower(), _codes(words[1:], line)
        if verb != "ignore" and quotes:
            raise DirectiveError(f"line {line}: quoted claim text only goes with `ignore`")
        if verb == "ignore":
            s, e = _scope(prose, start, end)
            out.append(Region(s, e, codes, quotes))
        elif verb == "off":
            for code in codes or ("",):
                open_.setdefault(code, end)
        else:
            closing = codes or tuple(open_)
            for code in closing:
                if code in open_:
                    s = open_.pop(code)
                    out.append(Region(s, start, (code,) if code else ()))
    for code, s in open_.items():
        out.append(Region(s, len(prose.raw), (code,) if code else ()))
    return tuple(sorted(out, key=lambda r: (r.start, r.end, r.codes, r.quotes)))


def is_suppressed(conflict: Conflict, regions_by_doc: Mapping[str, Sequence[Region]], raws: Mapping[str, str]) -> bool:
    return any(
        r.covers(conflict.rule, claim, raws.get(claim.document, ""))
        for claim in conflict.claims
        for r in regions_by_doc.get(claim.document, ())
    )


def apply_directives(report: Report, regions_by_doc: Mapping[str, Sequence[Region]]) -> Report:
    """The report without suppressed findings (positions must already be raw offsets)."""
    raws = {d.id: d.text for d in report.documents}
    kept = tuple(c for c in report.conflicts if not is_suppressed(c, regions_by_doc, raws))
    return _with(report, kept, "suppressed")


def _with(report: Report, kept: tuple[Conflict, ...], counter: str) -> Report:
    stats = dict(report.stats)
    stats[counter] = stats.get(counter, 0) + len(report.conflicts) - len(kept)
    stats["conflicts"] = len(kept)
    return replace(report, conflicts=kept, stats=stats)


# -- baselines ----------------------------------------------------------------------------


def _key(c: Conflict) -> tuple[str, str]:
    return c.claims[0].document, c.fingerprint


def write_baseline(path: Path, reports: Sequence[Report]) -> int:
    rows = sorted(
        ({"path": c.claims[0].document, "rule": c.rule, "fingerprint": c.fingerprint, "message": c.message}
         for r in reports for c in r.conflicts),
        key=lambda d: (d["path"], d["rule"], d["fingerprint"], d["message"]),
    )
    body = {"checker_baseline": BASELINE_VERSION, "findings": rows}
    try:
        path.write_text(json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as exc:
        raise DirectiveError(f"{path}: cannot write the baseline ({exc.strerror})") from None
    return len(rows)


BASELINE_MAX_BYTES = 64 * 1024 * 1024


def load_baseline(path: Path) -> Counter[tuple[str, str]]:
    """A baseline file, refused with a DirectiveError when it is over 64 MiB (or endless) or
    nested more than MAX_DEPTH levels, rather than read whole or parsed into a RecursionError."""
    try:
        with path.open("rb") as f:
            raw = f.read(BASELINE_MAX_BYTES + 1)
        if len(raw) > BASELINE_MAX_BYTES:
            raise DirectiveError(f"{path}: larger than {BASELINE_MAX_BYTES} bytes; not a checker baseline")
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise DirectiveError(f"{path}: no such baseline file") from None
    except RecursionError:
        raise DirectiveError(f"{path}: not a checker baseline ({depth_message()})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DirectiveError(f"{path}: not a checker baseline ({exc})") from None
    if too_deep(data):
        raise DirectiveError(f"{path}: not a checker baseline ({depth_message()})")
    if not isinstance(data, dict) or data.get("checker_baseline") != BASELINE_VERSION:
        raise DirectiveError(f"{path}: not a checker baseline (expected checker_baseline = {BASELINE_VERSION})")
    rows = data.get("findings")
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "fingerprint" in r for r in rows):
        raise DirectiveError(f"{path}: findings: expected a list of objects with a fingerprint")
    return Counter((str(r.get("path", "")), str(r["fingerprint"])) for r in rows)


def apply_baseline(reports: Sequence[Report], baseline: Counter[tuple[str, str]]) -> list[Report]:
    """Only the findings the baseline does not account for."""
    left = Counter(baseline)
    out = []
    for r in reports:
        kept = []
        for c in r.conflicts:
            if left[_key(c)] > 0:
                left[_key(c)] -= 1
            else:
                kept.append(c)
        out.append(_with(r, tuple(kept), "baselined"))
    return out
