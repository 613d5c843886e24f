"""The HTTP API of checker: a thin Flask shell over the engine. No rule, pattern or
threshold of the checking logic lives here; this module validates, limits and serializes.

    create_app(config=None, engine=None) -> Flask   # the engine is built before the first request

Routes: POST /v1/check, GET /v1/rules, GET /v1/rules/<code>, GET /v1/info, GET /healthz,
GET /openapi.json (generated with apispec from the marshmallow schemas below), GET /docs
(Swagger UI, vendored in checker/apidocs/, over /openapi.json; the spec as plain HTML
without JavaScript) and GET / (the editor page, from checker/web/).

Every failure has one JSON shape:
    {"error": {"status": 422, "code": "validation_error", "message": "...",
               "fields": {"documents.0.text": ["Missing data for required field."]},
               "request_id": "..."}}
400 malformed JSON, 401 missing or wrong API key, 404, 405, 413 body over the limit (the
message names it), 415 not application/json, 422 schema violations and unknown rule codes
(each field named), 500 with a request id (the traceback goes to the log only), 503 when
the time budget is exceeded or every check process is busy (with Retry-After).

Each check runs in a check process (checker.pool, forked from this one, so the engine is
shared) and is answered 503 at the time budget whatever it is doing: the process is killed
and a fresh one forked. Reading the documents in their format, the engine, and serializing
the response (checker.check_job) all happen inside the budget.

Limits and switches, read from the environment when the app is created (a `config` dict
passed to create_app overrides them, same names):
    CHECKER_MAX_BODY_BYTES   request body limit in bytes (default 2097152, 2 MiB)
    CHECKER_MAX_DOCUMENTS    documents per request (default 20)
    CHECKER_MAX_CHARS        characters (code points) per document (default 200000)
    CHECKER_TIME_BUDGET_MS   per-check budget; over it the answer is 503 `time_budget_exceeded`
                             and the check process is replaced; a check also waits at most
                             this long for a free check process, else 503 `busy` (default
                             10000; 0 turns both off)
    CHECKER_CHECK_PROCESSES  check processes per server process (default 2, so that one check
                             that runs to the budget holds only half of a worker's capacity)
    CHECKER_MAX_CONFLICTS    conflicts returned per response; `conflicts_total` counts them all
                             (default 1000)
    CHECKER_MAX_CLAIMS       claims returned per response with include_claims; page through
                             the rest with claims_offset (default 2000)
    CHECKER_CORS_ORIGINS     comma-separated allowed origins, or `*` (default: CORS off)
    CHECKER_API_KEYS         comma-separated keys required in the X-API-Key header on /v1/*
                             (default: empty, no key needed)

Offsets in responses are 0-based Unicode code points, end exclusive (not UTF-16 units).
Responses are serialized with orjson and sorted keys: the same input gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import html
import logging
import os
import re
import uuid
from pathlib import Path
from typing import Any

import orjson
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.yaml_utils import load_operations_from_docstring
from flask import Blueprint, Flask, Response, current_app, g, request, send_from_directory
from marshmallow import INCLUDE, Schema, ValidationError, fields, validate, validates_schema
from werkzeug.exceptions import HTTPException, NotFound

import checker
from checker import check_job
from checker.config import ConfigError, options_from
from checker.pool import Busy, Crashed, JobFailed, Overrun, ProcessPool
from checker.rules import all_rules, rule_by_code

log = logging.getLogger("checker.api")

WEB_DIR = Path(checker.__file__).resolve().parent / "web"
DOCS_DIR = Path(checker.__file__).resolve().parent / "apidocs"
SEVERITIES = ("info", "warning", "error")
FORMATS = ("text", "markdown")
DEFAULTS: dict[str, Any] = {
    "CHECKER_MAX_BODY_BYTES": 2 * 1024 * 1024,
    "CHECKER_MAX_DOCUMENTS": 20,
    "CHECKER_MAX_CHARS": 200_000,
    "CHECKER_TIME_BUDGET_MS": 10_000,
    "CHECKER_CHECK_PROCESSES": 2,
    "CHECKER_MAX_CONFLICTS": 1000,
    "CHECKER_MAX_CLAIMS": 2000,
    "CHECKER_CORS_ORIGINS": "",
    "CHECKER_API_KEYS": "",
}
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict[str, list[str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields, self.headers = fields, headers or {}


# ---- schemas: requests ---------------------------------------------------------------

class DocumentIn(Schema):
    id = fields.String(required=True, validate=validate.Length(min=1, max=200),
                       metadata={"description": "Unique within the request; claims name it in `document`."})
    text = fields.String(required=True, metadata={
        "description": "The copy to check, at most CHECKER_MAX_CHARS code points (a longer one is reported in "
                       "`errors` and the others are checked)."})
    format = fields.String(validate=validate.OneOf(FORMATS), metadata={
        "description": "`text` (the default) or `markdown`, read as `checker check` reads .txt and .md files: in "
                       "Markdown, code, HTML and YAML front matter are skipped and front matter's `date:` is the "
                       "publication date; in both, URLs are skipped and `<!-- checker: ignore CODE -->` comments "
                       "silence findings. Offsets always point into `text` as sent."})
    published = fields.Date(metadata={"description": "Publication date (YYYY-MM-DD), which dates relative times "
                                                     "(\"yesterday\"); overrides Markdown front matter's `date:`."})
    source = fields.String(validate=validate.Length(max=200), metadata={
        "description": "Who the copy is from (a wire service, a correspondent). The default source of the "
                       "document's claims that name none, so that two documents from different named sources "
                       "that disagree can be `disputed` rather than `inconsistent`."})


class OptionsIn(Schema):
    select = fields.List(fields.String(validate=validate.Length(min=1, max=6)), validate=validate.Length(max=100),
                         metadata={"description": "Rule codes or prefixes to run (QTY, QTY001; any case). "
                                                  "Default: all."})
    ignore = fields.List(fields.String(validate=validate.Length(min=1, max=6)), validate=validate.Length(max=100),
                         metadata={"description": "Rule codes or prefixes to skip."})
    severity = fields.Dict(keys=fields.String(), values=fields.String(validate=validate.OneOf(SEVERITIES)),
                           metadata={"description": "Severity overrides by rule code or prefix, as in the CLI's "
                                                    "configuration: {\"ARI002\": \"warning\"}."})
    min_severity = fields.String(validate=validate.OneOf(SEVERITIES),
                                 metadata={"description": "The lowest severity returned (default info)."})
    house_spellings = fields.Dict(keys=fields.String(), values=fields.String(validate=validate.Length(max=200)),
                                  validate=validate.Length(max=500),
                                  metadata={"description": "variant = preferred spellings (rule ENT003), added to "
                                                           "the default house style."})
    include_claims = fields.Boolean(metadata={"description": "Also return extracted claims, a page at a time."})
    claims_offset = fields.Integer(validate=validate.Range(min=0, max=10_000_000), metadata={
        "description": "With include_claims: the index of the first claim returned (default 0)."})
    claims_limit = fields.Integer(validate=validate.Range(min=1), metadata={
        "description": "With include_claims: at most this many claims (default and maximum CHECKER_MAX_CLAIMS)."})


class TextRequest(Schema):
    text = fields.String(required=True, metadata={
        "description": "Shorthand for one document with id `text` (at most CHECKER_MAX_CHARS code points)."})
    format = fields.String(validate=validate.OneOf(FORMATS), metadata={"description": "As a document's `format`."})
    published = fields.Date(metadata={"description": "Publication date for the shorthand `text`."})
    source = fields.String(validate=validate.Length(max=200), metadata={"description": "As a document's `source`."})
    options = fields.Nested(OptionsIn)


class DocumentsRequest(Schema):
    documents = fields.List(fields.Nested(DocumentIn), required=True, metadata={
        "description": "One or more documents (at most CHECKER_MAX_DOCUMENTS), ids unique. A document that is "
                       "invalid (missing or wrong fields, over CHECKER_MAX_CHARS, a duplicate id, front matter "
                       "that is not YAML) is reported in the response's `errors` and the others are checked; when "
                       "none can be checked the answer is 422."})
    options = fields.Nested(OptionsIn)


class _Envelope(Schema):
    """What the request loader checks first; documents are validated afterwards one by one,
    so that one bad document does not sink the others."""

    documents = fields.List(fields.Raw(allow_none=True))
    text = fields.String()
    format = fields.String(validate=validate.OneOf(FORMATS))
    published = fields.Date()
    source = fields.String(validate=validate.Length(max=200))
    options = fields.Nested(OptionsIn)

    @validates_schema
    def _shape(self, data: dict[str, Any], **_: Any) -> None:
        cfg = current_app.config
        if "documents" in data and "text" in data:
            raise ValidationError("Give either `text` or `documents`, not both.", "text")
        if "documents" not in data and "text" not in data:
            raise ValidationError("Missing data for required field.", "documents")
        for key in ("published", "format", "source"):
            if key in data and "text" not in data:
                raise ValidationError("Only with the shorthand `text`; put it on each document.", key)
        if "documents" in data and not data["documents"]:
            raise ValidationError("At least one document is required.", "documents")
        if len(data.get("documents", ())) > cfg["CHECKER_MAX_DOCUMENTS"]:
            raise ValidationError(f"At most {cfg['CHECKER_MAX_DOCUMENTS']} documents per request.", "documents")
        if len(data.get("text", "")) > cfg["CHECKER_MAX_CHARS"]:
            raise ValidationError(f"Longer than the limit of {cfg['CHECKER_MAX_CHARS']} characters.", "text")
        claims_limit = data.get("options", {}).get("claims_limit")
        if claims_limit is not None and claims_limit > cfg["CHECKER_MAX_CLAIMS"]:
            raise ValidationError({"options": {"claims_limit": [
                f"At most {cfg['CHECKER_MAX_CLAIMS']} (CHECKER_MAX_CLAIMS)."]}})


def load_documents(raw_docs: list[Any], max_chars: int) -> tuple[list[dict[str, Any]],
                                                                  dict[int, dict[str, list[str]]]]:
    """Validate each document on its own: (good documents with their request index, problems by index)."""
    good: list[dict[str, Any]] = []
    problems: dict[int, dict[str, list[str]]] = {}
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_docs):
        where = f"documents.{i}"
        bad: dict[str, list[str]] = {}
        doc: dict[str, Any] | None = None
        if not isinstance(raw, dict):
            bad[where] = ["Not an object."]
        else:
            try:
                doc = _document_schema.load(raw)
            except ValidationError as exc:
                bad.update(flatten(exc.messages, where))
            text = raw.get("text")
            if isinstance(text, str) and len(text) > max_chars:
                bad.setdefault(f"{where}.text", []).append(f"Longer than the limit of {max_chars} characters.")
            doc_id = raw.get("id")
            if isinstance(doc_id, str) and doc_id:
                if doc_id in seen:
                    bad.setdefault(f"{where}.id", []).append(
                        f"Duplicate id {doc_id!r} (also documents.{seen[doc_id]}.id).")
                seen.setdefault(doc_id, i)
        if bad:
            problems[i] = bad
        elif doc is not None:
            good.append({**doc, "index": i, "prefix": where})
    return good, problems


# ---- schemas: responses --------------------------------------------------------------

class Open(Schema):
    class Meta:
        unknown = INCLUDE  # the engine may add keys; the listed ones are the contract


class BoundsOut(Schema):
    lo = fields.Float(required=True, allow_none=True, metadata={"description": "null: no lower bound."})
    hi = fields.Float(required=True, allow_none=True, metadata={"description": "null: no upper bound "
                                                                                "(\"more than 1,000\")."})


class ClaimOut(Open):
    document = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "0-based code point offset."})
    end = fields.Integer(required=True, metadata={"description": "Code point offset, exclusive."})
    text = fields.String(required=True, metadata={"description": "Equals the document's text[start:end]."})
    line = fields.Integer(required=True, metadata={"description": "1-based."})
    column = fields.Integer(required=True, metadata={"description": "1-based, in code points."})
    kind = fields.String()
    normalized = fields.String()
    subject = fields.String()
    attribute = fields.String()
    unit = fields.String(allow_none=True)
    bounds = fields.Nested(BoundsOut, metadata={"description": "The normalized value as an interval in `unit`."})
    interval = fields.List(fields.Raw(), metadata={
        "deprecated": True,
        "description": "Deprecated: use `bounds`. [lo, hi] with the strings 'inf'/'-inf' for open ends; kept "
                       "for existing clients."})
    qualifiers = fields.List(fields.String())
    source = fields.String()
    place = fields.String()
    time = fields.String()


class ConflictOut(Open):
    rule = fields.String(required=True)
    name = fields.String(required=True)
    family = fields.String(required=True)
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES))
    status = fields.String(required=True, validate=validate.OneOf(("inconsistent", "disputed")))
    message = fields.String(required=True)
    claims = fields.List(fields.Nested(ClaimOut), required=True)
    evidence = fields.Dict(required=True)
    fingerprint = fields.String(required=True)


class InputErrorOut(Open):
    document = fields.Integer(required=True, metadata={"description": "Index in the request's `documents`."})
    field = fields.String(required=True, metadata={"description": "What is wrong, e.g. `documents.2.text`."})
    message = fields.String(required=True)
    code = fields.String(validate=validate.OneOf(("invalid_document", "internal_error")), metadata={
        "description": "`invalid_document`, or `internal_error` when the engine failed on this document (the "
                       "others were checked; the traceback is logged under the request id)."})


class ReportOut(Open):
    version = fields.String(required=True)
    offsets = fields.String(required=True, metadata={"description": "The unit of start/end."})
    conflicts = fields.List(fields.Nested(ConflictOut), required=True,
                            metadata={"description": "At most CHECKER_MAX_CONFLICTS, most relevant first."})
    conflicts_total = fields.Integer(required=True, metadata={
        "description": "How many conflicts were found; more than `conflicts` holds when capped."})
    claims = fields.List(fields.Nested(ClaimOut), metadata={
        "description": "Only with include_claims: the page from claims_offset, at most claims_limit."})
    claims_total = fields.Integer(metadata={"description": "Only with include_claims: every claim extracted."})
    stats = fields.Dict(required=True)
    errors = fields.List(fields.Nested(InputErrorOut), required=True,
                         metadata={"description": "Documents that could not be checked; the others were."})


class ExamplesOut(Schema):
    flag = fields.List(fields.List(fields.Nested(DocumentIn)), required=True)
    pass_ = fields.List(fields.List(fields.Nested(DocumentIn)), required=True, data_key="pass")


class RuleOut(Open):
    code = fields.String(required=True)
    name = fields.String(required=True)
    family = fields.String(required=True)
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES))
    summary = fields.String(required=True)
    doc = fields.String(required=True)
    needs = fields.List(fields.String())
    lifecycle = fields.String()
    examples = fields.Nested(ExamplesOut, required=True)


class RulesOut(Schema):
    rules = fields.List(fields.Nested(RuleOut), required=True)


class LimitsOut(Schema):
    max_body_bytes = fields.Integer(required=True)
    max_documents = fields.Integer(required=True)
    max_chars = fields.Integer(required=True)
    time_budget_ms = fields.Integer(required=True, metadata={"description": "0 means no budget."})
    max_conflicts = fields.Integer(required=True)
    max_claims = fields.Integer(required=True)


class InfoOut(Schema):
    version = fields.String(required=True)
    offsets = fields.String(required=True)
    rules = fields.Integer(required=True)
    limits = fields.Nested(LimitsOut, required=True)
    auth = fields.Boolean(required=True, metadata={"description": "Whether X-API-Key is required on /v1."})
    cors = fields.Boolean(required=True)


class HealthOut(Schema):
    status = fields.String(required=True)
    version = fields.String(required=True)


class ErrorBody(Schema):
    status = fields.Integer(required=True)
    code = fields.String(required=True)
    message = fields.String(required=True)
    fields_ = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), data_key="fields")
    request_id = fields.String()


class ErrorOut(Schema):
    error = fields.Nested(ErrorBody, required=True)


# ---- helpers -------------------------------------------------------------------------

def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
    return Response(body, status=status, mimetype="application/json", headers=headers)


def error_body(status: int, code: str, message: str, fields: dict[str, list[str]] | None = None,
               request_id: str | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": code, "message": message}
    if fields:
        err["fields"] = fields
    if request_id:
        err["request_id"] = request_id
    return {"error": err}


def error_response(status: int, code: str, message: str, fields: dict[str, list[str]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    return json_response(error_body(status, code, message, fields, g.get("request_id")), status, headers)


def flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested error dict -> {"documents.0.text": [...]}."""
    if isinstance(messages, dict):
        out: dict[str, list[str]] = {}
        for key, value in messages.items():
            name = prefix if key == "_schema" else f"{prefix}.{key}" if prefix else str(key)
            for k, v in flatten(value, name).items():
                out.setdefault(k, []).extend(v)
        return out
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "body": list(messages)}
    return {prefix or "body": [str(messages)]}


def read_json() -> Any:
    mimetype = request.mimetype or ""
    if mimetype != "application/json" and not mimetype.endswith("+json"):
        raise ApiError(415, "unsupported_media_type",
                       f"Expected Content-Type: application/json, got {mimetype or 'none'}.")
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None and request.content_length > limit:
        # Read (and drop) a body up to twice the limit before answering 413: closing a connection
        # with unread data makes the kernel reset it, and the client then sees a broken pipe
        # instead of the answer. Past twice the limit the client is not owed that courtesy.
        stream, left = request.environ["wsgi.input"], min(request.content_length, 2 * limit)
        while left > 0 and (chunk := stream.read(min(left, 65536))):
            left -= len(chunk)
        raise ApiError(413, "body_too_large", f"The request body is larger than the limit of {limit} bytes "
                                              "(CHECKER_MAX_BODY_BYTES).")
    raw = request.get_data(cache=False)
    if request.content_length is None and len(raw) >= limit and request.environ.get("wsgi.input_terminated"):
        # A chunked body is cut at the limit without an error; one more byte from the server's
        # terminated stream tells an oversized body (413) from one exactly at the limit.
        if request.environ["wsgi.input"].read(1):
            raise ApiError(413, "body_too_large", f"The request body is larger than the limit of {limit} bytes "
                                                  "(CHECKER_MAX_BODY_BYTES).")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "malformed_json", f"The body is not valid JSON: {exc}.") from None


def validate_options(raw: dict[str, Any]) -> dict[str, Any]:
    """The request's options as the configuration loader takes them; unknown codes are 422."""
    engine_opts = {k: v for k, v in raw.items() if k in ("select", "ignore", "severity", "min_severity",
                                                          "house_spellings")}
    bad: dict[str, list[str]] = {}
    for key in ("select", "ignore"):
        if key in engine_opts:
            try:
                options_from({key: engine_opts[key]}, "options")
            except ConfigError as exc:
                bad[f"options.{key}"] = [str(exc).removeprefix(f"options: {key}: ")]
    for code in engine_opts.get("severity", {}):
        try:
            options_from({"severity": {code: "info"}}, "options")
        except ConfigError:
            bad.setdefault("options.severity", []).append(f"{code!r} matches no rule code")
    if bad:
        raise ApiError(422, "validation_error", "Unknown rule codes in options.", bad)
    return engine_opts


def run_check(job: dict[str, Any]) -> bytes:
    """Run the job in a check process within the budget; the response body, or an ApiError."""
    app = current_app
    rid = g.get("request_id", "")
    budget_ms = app.config["CHECKER_TIME_BUDGET_MS"]
    budget = budget_ms / 1000 if budget_ms > 0 else None
    pool: ProcessPool = app.extensions["checker.pool"]
    try:
        answer = pool.run(orjson.dumps(job), timeout=budget, wait=budget)
    except Busy:
        raise ApiError(503, "busy", "Every check process is busy; retry shortly.",
                       headers={"Retry-After": "1"}) from None
    except Overrun:
        log.warning("request %s: the check outlived the time budget of %d ms; its process was replaced", rid,
                    budget_ms)
        raise ApiError(503, "time_budget_exceeded",
                       f"The check took longer than the time budget of {budget_ms} ms (CHECKER_TIME_BUDGET_MS); "
                       "send fewer or shorter documents.", headers={"Retry-After": "1"}) from None
    except JobFailed as exc:
        log.error("request %s failed in its check process: %s %s\n%s", rid, request.method, request.path,
                  exc.details)
        raise ApiError(500, "internal_error", INTERNAL) from None
    except Crashed as exc:
        log.error("request %s: the check process ended without answering (%s)", rid, exc)
        raise ApiError(500, "internal_error", INTERNAL) from None
    head, _, body = answer.partition(b"\n")
    for incident in orjson.loads(head)["incidents"]:
        log.error("request %s: document %d could not be checked:\n%s", rid, incident["document"],
                  incident["traceback"])
    return body


INTERNAL = "An internal error occurred; quote the request_id if you report it."


# ---- routes --------------------------------------------------------------------------

v1 = Blueprint("v1", __name__, url_prefix="/v1")
_envelope = _Envelope()
_document_schema = DocumentIn()


@v1.post("/check")
def check_route() -> Response:
    """Check documents for claims that disagree.
    ---
    post:
      operationId: checkDocuments
      tags: [check]
      summary: Check one or more documents; conflicts across documents are reported.
      description: >-
        Send either `text` (one document) or `documents` (several, checked together, so that a draft can
        be checked against the wire copy). Offsets are 0-based Unicode code points into each document's
        `text` as sent, end exclusive.
      requestBody:
        required: true
        content:
          application/json:
            schema: CheckRequest
      responses:
        200:
          description: >-
            The report. Documents that could not be checked are listed in `errors` (by their index in
            `documents` and the field at fault) and the others are checked.
          content: {application/json: {schema: ReportOut}}
        400: {$ref: '#/components/responses/Error'}
        401: {$ref: '#/components/responses/Error'}
        413: {$ref: '#/components/responses/Error'}
        415: {$ref: '#/components/responses/Error'}
        422: {$ref: '#/components/responses/Error'}
        500: {$ref: '#/components/responses/Error'}
        503: {$ref: '#/components/responses/Error'}
    """
    body = read_json()
    if not isinstance(body, dict):
        raise ApiError(422, "validation_error", "The body must be a JSON object.", {"body": ["Not an object."]})
    try:
        data = _envelope.load(body)
    except ValidationError as exc:
        raise ApiError(422, "validation_error", "The request does not match the schema.",
                       flatten(exc.messages)) from None
    cfg = current_app.config
    raw_opts = data.get("options", {})
    engine_opts = validate_options(raw_opts)
    if "documents" in data:
        docs, problems = load_documents(data["documents"], cfg["CHECKER_MAX_CHARS"])
    else:
        shorthand = {k: data[k] for k in ("text", "format", "published", "source") if k in data}
        docs, problems = [{"id": "text", **shorthand, "index": 0, "prefix": ""}], {}
    if not docs:  # nothing left to check: the request as a whole is unusable
        raise ApiError(422, "validation_error", "No document can be checked.",
                       {k: v for bad_doc in problems.values() for k, v in bad_doc.items()})
    job = {
        "documents": docs,
        "problems": [{"document": i, "field": field, "message": msg, "code": "invalid_document"}
                     for i, bad_doc in problems.items() for field, msgs in bad_doc.items() for msg in msgs],
        "options": engine_opts,
        "claims": {"include": bool(raw_opts.get("include_claims", False)),
                   "offset": raw_opts.get("claims_offset", 0),
                   "limit": raw_opts.get("claims_limit", cfg["CHECKER_MAX_CLAIMS"])},
        "max_conflicts": cfg["CHECKER_MAX_CONFLICTS"],
    }
    return Response(run_check(job), mimetype="application/json")


@v1.get("/rules")
def rules_route() -> Response:
    """---
    get:
      operationId: listRules
      tags: [rules]
      summary: Every rule with its code, name, family, default severity, doc and examples.
      responses:
        200: {description: The rules, content: {application/json: {schema: RulesOut}}}
        401: {$ref: '#/components/responses/Error'}
    """
    return json_response({"rules": [r.describe() for r in all_rules()]})


@v1.get("/rules/<code>")
def rule_route(code: str) -> Response:
    """---
    get:
      operationId: getRule
      tags: [rules]
      summary: One rule by its exact code (case-insensitive), e.g. QTY001.
      parameters:
        - {name: code, in: path, required: true, schema: {type: string}, example: QTY001}
      responses:
        200: {description: The rule, content: {application/json: {schema: RuleOut}}}
        401: {$ref: '#/components/responses/Error'}
        404: {$ref: '#/components/responses/Error'}
    """
    rule = rule_by_code(code)
    if rule is None:
        raise ApiError(404, "unknown_rule", f"No rule has the code {code!r}; see GET /v1/rules.")
    return json_response(rule.describe())


@v1.get("/info")
def info_route() -> Response:
    """---
    get:
      operationId: getInfo
      tags: [service]
      summary: Version, limits and the number of rules.
      responses:
        200: {description: Service information, content: {application/json: {schema: InfoOut}}}
        401: {$ref: '#/components/responses/Error'}
    """
    cfg = current_app.config
    return json_response({
        "version": checker.__version__,
        "offsets": "unicode code points, 0-based, end exclusive",
        "rules": len(all_rules()),
        "limits": {
            "max_body_bytes": cfg["CHECKER_MAX_BODY_BYTES"],
            "max_documents": cfg["CHECKER_MAX_DOCUMENTS"],
            "max_chars": cfg["CHECKER_MAX_CHARS"],
            "time_budget_ms": cfg["CHECKER_TIME_BUDGET_MS"],
            "max_conflicts": cfg["CHECKER_MAX_CONFLICTS"],
            "max_claims": cfg["CHECKER_MAX_CLAIMS"],
        },
        "auth": bool(cfg["CHECKER_API_KEYS"]),
        "cors": bool(cfg["CHECKER_CORS_ORIGINS"]),
    })


def healthz() -> Response:
    """---
    get:
      operationId: getHealth
      tags: [service]
      summary: 200 once the engine is built and the app can answer.
      responses:
        200: {description: Ready, content: {application/json: {schema: HealthOut}}}
    """
    return json_response({"status": "ok", "version": checker.__version__})


def index() -> Response:
    resp = send_from_directory(WEB_DIR, "index.html")
    resp.headers["Cache-Control"] = "no-cache"
    return resp


def openapi_json() -> Response:
    return json_response(current_app.extensions["checker.spec"])


def docs_page() -> Response:
    return Response(current_app.extensions["checker.docs_page"], mimetype="text/html",
                    headers={"Cache-Control": "no-cache"})


DOCS_ASSETS = {"docs.js", "docs.css", "swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css",
               "swagger-ui/LICENSE", "swagger-ui/NOTICE", "swagger-ui/swagger-ui-bundle.js.LICENSE.txt"}


def docs_asset(name: str) -> Response:
    if name not in DOCS_ASSETS:
        raise NotFound()
    return send_from_directory(DOCS_DIR, name, max_age=3600)


# ---- the spec and its pages ----------------------------------------------------------

EXAMPLE_TEXT = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."
REQUEST_EXAMPLES: dict[str, dict[str, Any]] = {
    "text": {"summary": "One text (the shorthand)", "value": {"text": EXAMPLE_TEXT}},
    "documents": {"summary": "A draft against the wire copy", "value": {"documents": [
        {"id": "draft", "text": "Russia moved 1,500 troops to Kursk on Monday.", "published": "2024-08-14"},
        {"id": "wire", "text": "Russia moved 15,000 troops to Kursk on Monday.", "published": "2024-08-14",
         "source": "Reuters"}]}},
    "markdown": {"summary": "Markdown with front matter, code and options", "value": {
        "documents": [{"id": "draft.md", "format": "markdown", "text": (
            "---\ndate: 2024-08-14\n---\n# Kursk\n\nRussia moved 1,500 troops to Kursk.\n\n"
            "```\nnot checked: 9,999 troops\n```\n\nThe 15,000 troops arrived in Kursk.\n")}],
        "options": {"select": ["QTY", "DAT"], "severity": {"QTY001": "warning"}, "include_claims": True,
                    "claims_limit": 10}}},
}


def code_prefixes() -> list[str]:
    """Every prefix that selects at least one rule (QTY, QTY0, QTY001, ...)."""
    return sorted({r.code[:n] for r in all_rules() for n in range(1, len(r.code) + 1)})


def _example_response() -> Any:
    """What the real engine answers to the shorthand example (not a hand-written copy that could drift)."""
    job = {"documents": [{"id": "text", "text": EXAMPLE_TEXT, "index": 0, "prefix": ""}], "problems": [],
           "options": {}, "claims": {"include": False, "offset": 0, "limit": 1}, "max_conflicts": 1000}
    return orjson.loads(check_job.run(checker.default_engine(), orjson.dumps(job)).partition(b"\n")[2])


def _precise(spec: dict[str, Any], cfg: dict[str, Any]) -> None:
    """State in the document what the loader enforces that the schemas alone do not: one of
    `text`/`documents` (oneOf over two request shapes), the count and length limits, and the
    rule codes options may name."""
    schemas = spec["components"]["schemas"]
    schemas["CheckRequest"] = {
        "oneOf": [{"$ref": "#/components/schemas/TextRequest"}, {"$ref": "#/components/schemas/DocumentsRequest"}],
        "description": "Either `text` (one document, the shorthand) or `documents`, never both."}
    schemas["TextRequest"]["properties"]["text"]["maxLength"] = cfg["CHECKER_MAX_CHARS"]
    docs = schemas["DocumentsRequest"]["properties"]["documents"]
    docs.update(minItems=1, maxItems=cfg["CHECKER_MAX_DOCUMENTS"])
    schemas["DocumentIn"]["properties"]["text"]["maxLength"] = cfg["CHECKER_MAX_CHARS"]
    opts = schemas["OptionsIn"]["properties"]
    prefixes = code_prefixes()
    for key in ("select", "ignore"):
        opts[key]["items"] = {"type": "string", "enum": prefixes}
    opts["claims_limit"]["maximum"] = cfg["CHECKER_MAX_CLAIMS"]
    opts["severity"].update(
        properties={p: {"type": "string", "enum": list(SEVERITIES)} for p in prefixes}, additionalProperties=False,
        description=opts["severity"]["description"] + " Keys are rule codes or prefixes, as in `select`.")
    opts["house_spellings"]["maxProperties"] = opts["house_spellings"].pop("maxLength")
    for name in ("TextRequest", "DocumentsRequest", "DocumentIn", "OptionsIn"):
        schemas[name]["additionalProperties"] = False


def build_spec(app: Flask) -> dict[str, Any]:
    cfg = app.config
    spec = APISpec(title="checker", version=checker.__version__, openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()],
                   info={"description": "Fact-consistency checker for news copy. Offsets are 0-based Unicode "
                                        "code points, end exclusive (not UTF-16 units). Every failure answers "
                                        "the Error shape. Limits are shown by GET /v1/info.",
                         "license": {"name": "MIT"}},
                   tags=[{"name": "check", "description": "Checking copy"},
                         {"name": "rules", "description": "What each rule flags, with examples"},
                         {"name": "service", "description": "Health, version and limits"}])
    for name, schema in (("TextRequest", TextRequest), ("DocumentsRequest", DocumentsRequest),
                         ("ReportOut", ReportOut), ("RuleOut", RuleOut), ("RulesOut", RulesOut),
                         ("InfoOut", InfoOut), ("HealthOut", HealthOut), ("Error", ErrorOut)):
        spec.components.schema(name, schema=schema)
    spec.components.schema("CheckRequest", {"type": "object"})  # replaced by _precise
    spec.components.response("Error", {"description": "The one error shape",
                                       "content": {"application/json": {"schema": "Error"}}})
    if cfg["CHECKER_API_KEYS"]:
        spec.components.security_scheme("apiKey", {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                                   "description": "One of the keys in CHECKER_API_KEYS."})
    with app.test_request_context():
        for view, path in ((check_route, "/v1/check"), (rules_route, "/v1/rules"), (rule_route, "/v1/rules/{code}"),
                           (info_route, "/v1/info"), (healthz, "/healthz")):
            spec.path(path=path, operations=load_operations_from_docstring(view.__doc__ or ""))
    out = spec.to_dict()
    _precise(out, cfg)
    check = out["paths"]["/v1/check"]["post"]
    check["requestBody"]["content"]["application/json"]["examples"] = REQUEST_EXAMPLES
    check["responses"]["200"]["content"]["application/json"]["examples"] = {
        "text": {"summary": "The answer to the shorthand example", "value": _example_response()}}
    if cfg["CHECKER_API_KEYS"]:
        for path, ops in out["paths"].items():
            if path.startswith("/v1/"):
                for op in ops.values():
                    op["security"] = [{"apiKey": []}]
    return out


def _schema_rows(schema: dict[str, Any], spec: dict[str, Any]) -> str:
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "oneOf" in schema:
        return "<p>One of:</p>" + "".join(_schema_rows(s, spec) for s in schema["oneOf"])
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type") or prop.get("$ref", "object").rsplit("/", 1)[-1]
        if kind == "array":
            item = prop.get("items", {})
            kind = "array of " + (item.get("type") or item.get("$ref", "object").rsplit("/", 1)[-1])
        rows.append(f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(kind)}</td>"
                    f"<td>{'yes' if name in required else ''}</td>"
                    f"<td>{html.escape(prop.get('description', ''))}</td></tr>")
    return "<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>" + "".join(rows) + \
        "</table>"


def render_plain_docs(spec: dict[str, Any]) -> str:
    """The spec as plain HTML, for readers without JavaScript (the page's <noscript>)."""
    parts = [f"<h1>{html.escape(spec['info']['title'])} API {html.escape(spec['info']['version'])}</h1>",
             f"<p>{html.escape(spec['info']['description'])}</p>"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            parts.append(f"<h2><code>{method.upper()} {html.escape(path)}</code></h2>"
                         f"<p>{html.escape(op.get('summary', ''))} {html.escape(op.get('description', ''))}</p>")
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                parts.append("<h3>Request body</h3>" + _schema_rows(body, spec))
            for status, resp in op.get("responses", {}).items():
                if "$ref" in resp:
                    parts.append(f"<p><b>{status}</b>: the Error shape</p>")
                    continue
                parts.append(f"<h3>{status}: {html.escape(resp.get('description', ''))}</h3>")
                schema = resp.get("content", {}).get("application/json", {}).get("schema")
                if schema:
                    parts.append(_schema_rows(schema, spec))
    parts.append("<h2>Schemas</h2>")
    for name, schema in spec["components"]["schemas"].items():
        parts.append(f"<h3 id='{html.escape(name)}'>{html.escape(name)}</h3>" + _schema_rows(schema, spec))
    return "".join(parts)


def render_docs_page(spec: dict[str, Any]) -> str:
    """Swagger UI (vendored, no CDN) over /openapi.json, with the plain rendering for readers without JavaScript."""
    title = f"checker API {html.escape(spec['info']['version'])}"
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'><link rel='icon' href='data:,'>"
            "<link rel='stylesheet' href='/docs/swagger-ui/swagger-ui.css'>"
            "<link rel='stylesheet' href='/docs/docs.css'></head><body>"
            "<p class='links'>Machine-readable: <a href='/openapi.json'>/openapi.json</a>. "
            "Editor: <a href='/'>/</a>.</p><div id='swagger-ui'></div>"
            f"<noscript><div class='plain'>{render_plain_docs(spec)}</div></noscript>"
            "<script src='/docs/swagger-ui/swagger-ui-bundle.js'></script>"
            "<script src='/docs/docs.js'></script></body></html>")


# ---- the factory ---------------------------------------------------------------------

def _settings(config: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, default in DEFAULTS.items():
        value = (config or {}).get(key, os.environ.get(key, default))
        if isinstance(default, int):
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise ValueError(f"{key}: expected an integer, got {value!r}") from None
            if value < 0:
                raise ValueError(f"{key}: must not be negative")
        out[key] = value
    for key in ("CHECKER_CHECK_PROCESSES", "CHECKER_MAX_CONFLICTS", "CHECKER_MAX_CLAIMS"):
        if out[key] < 1:
            raise ValueError(f"{key}: must be at least 1")
    return out


def _split(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value or [])
    return [v.strip() for v in items if v and v.strip()]


def create_app(config: dict[str, Any] | None = None, engine: Any = None) -> Flask:
    """The app. `engine` (default: the process-wide one) is what the check processes run;
    it is fixed here because they are forked copies of this process."""
    app = Flask(__name__, static_folder=str(WEB_DIR), static_url_path="/static")
    app.config.update(_settings(config))
    app.config.update({k: v for k, v in (config or {}).items() if k not in DEFAULTS})
    app.config["MAX_CONTENT_LENGTH"] = app.config["CHECKER_MAX_BODY_BYTES"]
    app.config["CHECKER_API_KEYS"] = _split(app.config["CHECKER_API_KEYS"])
    app.config["CHECKER_CORS_ORIGINS"] = _split(app.config["CHECKER_CORS_ORIGINS"])
    engine = engine if engine is not None else checker.default_engine()  # built now, before the first request
    app.extensions["checker.engine"] = engine
    app.extensions["checker.pool"] = ProcessPool(functools.partial(check_job.run, engine),
                                                 app.config["CHECKER_CHECK_PROCESSES"])
    app.register_blueprint(v1)
    app.add_url_rule("/healthz", view_func=healthz, methods=["GET"])
    app.add_url_rule("/openapi.json", view_func=openapi_json, methods=["GET"])
    app.add_url_rule("/docs", view_func=docs_page, methods=["GET"])
    app.add_url_rule("/docs/<path:name>", view_func=docs_asset, methods=["GET"])
    app.add_url_rule("/", view_func=index, methods=["GET"])
    app.extensions["checker.spec"] = build_spec(app)
    app.extensions["checker.docs_page"] = render_docs_page(app.extensions["checker.spec"])
    _hooks(app)
    return app


def _hooks(app: Flask) -> None:
    @app.before_request
    def _begin() -> None:
        rid = request.headers.get("X-Request-ID", "")
        g.request_id = rid if _REQUEST_ID.match(rid) else uuid.uuid4().hex
        keys: list[str] = app.config["CHECKER_API_KEYS"]
        if keys and request.path.startswith("/v1/") and request.method != "OPTIONS":
            # Digests first, so compare_digest sees equal lengths and leaks neither a prefix nor the
            # key's length; a list, not any(), so every key is compared whichever matches.
            given = hashlib.sha256(request.headers.get("X-API-Key", "").encode()).digest()
            matches = [hmac.compare_digest(given, hashlib.sha256(k.encode()).digest()) for k in keys]
            if not any(matches):
                raise ApiError(401, "unauthorized", "A valid X-API-Key header is required.")

    @app.after_request
    def _finish(resp: Response) -> Response:
        resp.headers["X-Request-ID"] = g.get("request_id", "")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        if resp.mimetype == "text/html":
            resp.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        origins: list[str] = app.config["CHECKER_CORS_ORIGINS"]
        origin = request.headers.get("Origin")
        if origins and origin and ("*" in origins or origin in origins):
            resp.headers["Access-Control-Allow-Origin"] = "*" if "*" in origins else origin
            resp.headers["Access-Control-Allow-Headers"] = "Content-Type, X-API-Key, X-Request-ID"
            resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            resp.headers["Access-Control-Expose-Headers"] = "X-Request-ID"
            resp.headers["Access-Control-Max-Age"] = "600"
            resp.vary.add("Origin")
        return resp

    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.fields, exc.headers)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        code = re.sub(r"[^a-z0-9]+", "_", (exc.name or "error").lower()).strip("_")
        message = exc.description or exc.name
        if status == 413:
            code = "body_too_large"
            message = (f"The request body is larger than the limit of {app.config['CHECKER_MAX_BODY_BYTES']} "
                       "bytes (CHECKER_MAX_BODY_BYTES).")
        headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
        return error_response(status, code, message, headers=headers)

    @app.errorhandler(Exception)
    def _internal(exc: Exception) -> Response:
        log.error("request %s failed: %s %s", g.get("request_id"), request.method, request.path, exc_info=exc)
        return error_response(500, "internal_error", INTERNAL)
