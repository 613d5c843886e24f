"""One POST /v1/check as its check process runs it (see checker.pool and api.py).

The request has been validated by the API; here each document is read in its format with
the CLI's reader (checker.markdown: Markdown's code, HTML and front matter left out, front
matter's `date:` as the publication date, `checker:` comments honoured, URLs skipped), the
engine runs, positions are mapped back into the submitted text, findings silenced by
`checker:` comments are dropped, what is returned is capped and paged, and the response is
serialized. All of it happens inside the time budget, because the process is killed at it.

The job and the answer travel as JSON (orjson), never pickle. The answer is one line of
JSON for the API's log (`incidents`: tracebacks of documents the engine failed on) followed
by "\\n" and the response body, byte for byte.

One document the engine fails on does not sink the others: the batch is retried one
document at a time to find the ones that fail, which become entries in `errors` (code
`internal_error`), and the rest are checked together.
"""

from __future__ import annotations

import traceback
from dataclasses import replace
from typing import Any

import orjson

from .config import options_from
from .markdown import Prose, parse, to_raw
from .report import Report
from .suppress import Region, apply_directives, regions

JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def _field(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _error(index: int, field: str, message: str, code: str) -> dict[str, Any]:
    return {"document": index, "field": field, "message": message, "code": code}


def _engine_check(engine: Any, inputs: list[dict[str, Any]], options: Any) -> tuple[Report, list[tuple[int, str]]]:
    """The report for the inputs, and (position, traceback) of each input the engine fails on
    by itself; those are left out of the report. A failure only in combination is raised."""
    try:
        return engine.check(inputs, options), []
    except Exception:
        pass
    failed: list[tuple[int, str]] = []
    for j, item in enumerate(inputs):
        try:
            engine.check([item], options)
        except Exception:
            failed.append((j, traceback.format_exc()))
    bad = {j for j, _ in failed}
    return engine.check([x for j, x in enumerate(inputs) if j not in bad], options), failed


def run(engine: Any, payload: bytes) -> bytes:
    job = orjson.loads(payload)
    options = options_from(job["options"], "options")
    errors: list[dict[str, Any]] = list(job["problems"])
    incidents: list[dict[str, Any]] = []
    proses: dict[str, Prose] = {}
    silenced: dict[str, tuple[Region, ...]] = {}
    inputs: list[dict[str, Any]] = []
    where: list[tuple[int, str]] = []  # (request index, field prefix) of each engine input
    for doc in job["documents"]:
        index, prefix = doc["index"], doc["prefix"]
        try:
            prose = parse(doc["text"], "md" if doc.get("format") == "markdown" else "txt")
            silenced[doc["id"]] = regions(prose)
        except ValueError as exc:  # front matter that is not YAML, an unknown `checker:` directive
            errors.append(_error(index, _field(prefix, "text"), str(exc), "invalid_document"))
            continue
        proses[doc["id"]] = prose
        item: dict[str, Any] = {"id": doc["id"], "text": prose.text}
        published = doc.get("published") or prose.published
        if published is not None:
            item["published"] = published
        if doc.get("source") is not None:
            item["source"] = doc["source"]
        inputs.append(item)
        where.append((index, prefix))

    report, failed = _engine_check(engine, inputs, options)
    for j, details in failed:
        index, prefix = where[j]
        errors.append(_error(index, prefix or "text", "This document could not be checked because of an internal "
                             "error; quote the request_id if you report it.", "internal_error"))
        incidents.append({"document": index, "traceback": details})
    checked = [w for j, w in enumerate(where) if j not in {k for k, _ in failed}]
    for e in report.errors:  # the engine numbers the inputs it was given
        errors.append(_renumber(e, checked))

    report = apply_directives(to_raw(report, proses), silenced)
    out = _serialize(report, job)
    out["errors"] = sorted(errors, key=lambda e: (e["document"], e["field"], e["message"]))
    head = orjson.dumps({"incidents": incidents})
    return head + b"\n" + orjson.dumps(out, option=JSON_OPTIONS)


def _serialize(report: Report, job: dict[str, Any]) -> dict[str, Any]:
    """The wire format with conflicts capped and claims paged."""
    conflicts_total = len(report.conflicts)
    claims = job["claims"]
    page = report.claims[claims["offset"]: claims["offset"] + claims["limit"]] if claims["include"] else ()
    shown = replace(report, conflicts=report.conflicts[: job["max_conflicts"]], claims=page)
    out = shown.to_dict(include_claims=claims["include"])
    out["conflicts_total"] = conflicts_total
    if claims["include"]:
        out["claims_total"] = len(report.claims)
    return out


def _renumber(error: dict[str, Any], checked: list[tuple[int, str]]) -> dict[str, Any]:
    j = error.get("document")
    field = str(error.get("field", ""))
    message = str(error.get("message", ""))
    code = str(error.get("code", "invalid_document"))
    if not isinstance(j, int) or not 0 <= j < len(checked):
        return _error(-1 if not isinstance(j, int) else j, field, message, code)
    index, prefix = checked[j]
    local = f"documents.{j}"
    if field == local or field.startswith(local + "."):
        rest = field[len(local) + 1:]
        field = _field(prefix, rest) if rest else (prefix or "text")
    return _error(index, field, message, code)
