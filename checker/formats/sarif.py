"""SARIF 2.1.0 (the format GitHub code scanning and most CI dashboards read).

One run; `tool.driver.rules` holds every rule with its summary and doc; each result
points at its first claim and lists the other claims as `relatedLocations`. Columns and
`charOffset`/`charLength` count Unicode code points (`columnKind: unicodeCodePoints`);
`endColumn` is the column just after the claim, as SARIF defines it.
`partialFingerprints` carries the checker fingerprint (rule code plus the claims'
normalized text), so a result keeps its identity when lines move. An input that could
not be checked is a `toolExecutionNotification` of level error in the run's invocation,
whose `executionSuccessful` is then false. Paths become URIs with every character outside
RFC 3986's unreserved and sub-delimiter sets percent-encoded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import orjson

from .. import __version__
from ..model import Severity
from ..report import Report
from ..rules import all_rules
from . import Failure, Located, Place, located

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "checker/v1"


def _uri(path: str) -> str:
    # ":" is encoded too: in a relative reference, "c:notes.md" would read as a scheme.
    return quote(path.replace("\\", "/"), safe="/@-._~!$&'()*+,;=")


def _location(p: Place, index: int | None = None, message: str | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {}
    if index is not None:
        loc["id"] = index
    loc["physicalLocation"] = {
        "artifactLocation": {"uri": _uri(p.path)},
        "region": {
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column,
            "charOffset": p.start,
            "charLength": p.end - p.start,
            "snippet": {"text": p.text},
        },
    }
    if message is not None:
        loc["message"] = {"text": message}
    return loc


def _rules() -> list[dict[str, Any]]:
    out = []
    for r in all_rules():
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.doc},
                "help": {
                    "text": f"{r.summary}\n\n{r.doc}",
                    "markdown": f"**{r.code} {r.name}**: {r.summary}\n\n{r.doc}",
                },
                "defaultConfiguration": {"level": LEVELS[r.severity]},
                "properties": {"family": r.family, "lifecycle": r.lifecycle, "tags": [r.family]},
            }
        )
    return out


def _result(f: Located, rule_index: dict[str, int]) -> dict[str, Any]:
    c = f.conflict
    result: dict[str, Any] = {
        "ruleId": c.rule,
        "level": LEVELS[c.severity],
        "message": {"text": f.message()},
        "locations": [_location(f.place)],
        "partialFingerprints": {FINGERPRINT_KEY: c.fingerprint},
        "properties": {"status": c.status, "severity": str(c.severity), "name": c.name},
    }
    if c.rule in rule_index:
        result["ruleIndex"] = rule_index[c.rule]
    if f.others:
        result["relatedLocations"] = [
            _location(o, i, f"other claim: '{o.text}'") for i, o in enumerate(f.others, start=1)
        ]
    return result


def _notification(f: Failure) -> dict[str, Any]:
    return {
        "level": "error",
        "descriptor": {"id": "input"},
        "message": {"text": f"{f.path}: {f.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}],
    }


def to_dict(reports: Sequence[Report], failures: Sequence[Failure] = ()) -> dict[str, Any]:
    rules = _rules()
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not failures,
                        "toolExecutionNotifications": [_notification(f) for f in failures],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index) for f in located(reports)],
            }
        ],
    }


def render(reports: Sequence[Report], fail_on: str = "error", failures: Sequence[Failure] = ()) -> str:
    body = to_dict(reports, failures)
    return orjson.dumps(body, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
