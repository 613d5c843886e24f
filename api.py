"""The HTTP API of checker: a thin Flask shell over the engine. No rule, pattern or
threshold of the checking logic lives here; this module validates, limits and serializes.

    create_app(config=None) -> Flask      # the engine is built once, before the first request

Routes: POST /v1/check, GET /v1/rules, GET /v1/rules/<code>, GET /v1/info, GET /healthz,
GET /openapi.json (generated with apispec from the marshmallow schemas below), GET /docs
(the same spec as plain HTML) and GET / (the editor page, from checker/web/).

Every failure has one JSON shape:
    {"error": {"status": 422, "code": "validation_error", "message": "...",
               "fields": {"documents.0.text": ["Missing data for required field."]},
               "request_id": "..."}}
400 malformed JSON, 401 missing or wrong API key, 404, 405, 413 body over the limit (the
message names it), 415 not application/json, 422 schema violations and unknown rule codes
(each field named), 500 with a request id (the traceback goes to the log only), 503 when
the time budget is exceeded or every check slot is busy (with Retry-After).

Limits and switches, read from the environment when the app is created (a `config` dict
passed to create_app overrides them, same names):
    CHECKER_MAX_BODY_BYTES   request body limit in bytes (default 2097152, 2 MiB)
    CHECKER_MAX_DOCUMENTS    documents per request (default 20)
    CHECKER_MAX_CHARS        characters (code points) per document (default 200000)
    CHECKER_TIME_BUDGET_MS   per-request budget for the check; over it the answer is 503
                             `time_budget_exceeded` (default 10000; 0 turns it off)
    CHECKER_CORS_ORIGINS     comma-separated allowed origins, or `*` (default: CORS off)
    CHECKER_API_KEYS         comma-separated keys required in the X-API-Key header on /v1/*
                             (default: empty, no key needed)

Offsets in responses are 0-based Unicode code points, end exclusive (not UTF-16 units).
Responses are serialized with orjson and sorted keys: the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import html
import logging
import os
import re
import threading
import uuid
from pathlib import Path
from typing import Any

import orjson
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.yaml_utils import load_operations_from_docstring
from flask import Blueprint, Flask, Response, current_app, g, request, send_from_directory
from marshmallow import INCLUDE, Schema, ValidationError, fields, validate, validates_schema
from werkzeug.exceptions import HTTPException

import checker
from checker.config import ConfigError, options_from
from checker.rules import all_rules, rule_by_code

log = logging.getLogger("checker.api")

WEB_DIR = Path(checker.__file__).resolve().parent / "web"
SEVERITIES = ("info", "warning", "error")
CHECK_SLOTS = 4  # concurrent checks per process, orphans of timed-out requests included
DEFAULTS: dict[str, Any] = {
    "CHECKER_MAX_BODY_BYTES": 2 * 1024 * 1024,
    "CHECKER_MAX_DOCUMENTS": 20,
    "CHECKER_MAX_CHARS": 200_000,
    "CHECKER_TIME_BUDGET_MS": 10_000,
    "CHECKER_CORS_ORIGINS": "",
    "CHECKER_API_KEYS": "",
}
RETIRE_KEY = "checker.retire_worker"  # set in the WSGI environ when a check outlived its budget
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


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
    text = fields.String(required=True, metadata={"description": "The copy to check (plain text or Markdown)."})
    published = fields.Date(metadata={"description": "Publication date (YYYY-MM-DD); dates relative times."})
    source = fields.String(validate=validate.Length(max=200), metadata={"description": "Who the copy is from."})


class OptionsIn(Schema):
    select = fields.List(fields.String(), metadata={"description": "Rule code prefixes to run (QTY, QTY001)."})
    ignore = fields.List(fields.String(), metadata={"description": "Rule code prefixes to skip."})
    min_severity = fields.String(validate=validate.OneOf(SEVERITIES), metadata={"description": "Lowest shown."})
    include_claims = fields.Boolean(metadata={"description": "Also return every extracted claim."})


class CheckRequest(Schema):
    """The request as the OpenAPI document describes it. Loading goes through _Envelope and
    DocumentIn one document at a time, so that one bad document does not sink the others."""

    documents = fields.List(fields.Nested(DocumentIn), metadata={
        "description": "One or more documents (at most CHECKER_MAX_DOCUMENTS). A document that is invalid "
                       "(missing or wrong fields, over CHECKER_MAX_CHARS, a duplicate id) is reported in the "
                       "response's `errors` and the others are checked; when none can be checked the answer "
                       "is 422."})
    text = fields.String(metadata={"description": "Shorthand for one document with id `text`."})
    published = fields.Date(metadata={"description": "Publication date for the shorthand `text`."})
    options = fields.Nested(OptionsIn)


class _Envelope(CheckRequest):
    """The request-level shape; each document is validated afterwards on its own."""

    documents = fields.List(fields.Raw(allow_none=True))

    @validates_schema
    def _shape(self, data: dict[str, Any], **_: Any) -> None:
        cfg = current_app.config
        if "documents" in data and "text" in data:
            raise ValidationError("Give either `text` or `documents`, not both.", "text")
        if "documents" not in data and "text" not in data:
            raise ValidationError("Missing data for required field.", "documents")
        if "published" in data and "text" not in data:
            raise ValidationError("Only with the shorthand `text`; put it on each document.", "published")
        if "documents" in data and not data["documents"]:
            raise ValidationError("At least one document is required.", "documents")
        if len(data.get("documents", ())) > cfg["CHECKER_MAX_DOCUMENTS"]:
            raise ValidationError(f"At most {cfg['CHECKER_MAX_DOCUMENTS']} documents per request.", "documents")
        if len(data.get("text", "")) > cfg["CHECKER_MAX_CHARS"]:
            raise ValidationError(f"Longer than the limit of {cfg['CHECKER_MAX_CHARS']} characters.", "text")


def load_documents(raw_docs: list[Any], max_chars: int) -> tuple[list[dict[str, Any]], list[int],
                                                                  dict[int, dict[str, list[str]]]]:
    """Validate each document on its own: (good documents, their request indices, problems by index)."""
    good: list[dict[str, Any]] = []
    kept: list[int] = []
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
            good.append(doc)
            kept.append(i)
    return good, kept, problems


# ---- schemas: responses --------------------------------------------------------------

class Open(Schema):
    class Meta:
        unknown = INCLUDE  # the engine may add keys; the listed ones are the contract


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
    interval = fields.List(fields.Raw(), metadata={"description": "[lo, hi]; 'inf'/'-inf' for open ends."})
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


class ReportOut(Open):
    version = fields.String(required=True)
    offsets = fields.String(required=True, metadata={"description": "The unit of start/end."})
    conflicts = fields.List(fields.Nested(ConflictOut), required=True)
    claims = fields.List(fields.Nested(ClaimOut), metadata={"description": "Only with include_claims."})
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


def error_response(status: int, code: str, message: str, fields: dict[str, list[str]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    err: dict[str, Any] = {"status": status, "code": code, "message": message}
    if fields:
        err["fields"] = fields
    rid = g.get("request_id")
    if rid:
        err["request_id"] = rid
    return json_response({"error": err}, status, headers)


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
    raw = request.get_data(cache=False)  # raises 413 over MAX_CONTENT_LENGTH
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "malformed_json", f"The body is not valid JSON: {exc}.") from None


class Budget:
    """Runs each check on its own daemon thread so the request can stop waiting at the budget.

    A check that overruns cannot be interrupted (Python threads cannot be killed), so it goes
    on in the background holding its slot, and the request is marked with RETIRE_KEY in the
    WSGI environ: under `checker serve` the gunicorn worker exits once the 503 is sent and
    the master forks a fresh one (checker/serve.py), which ends the orphaned check instead of
    letting it burn a core for minutes. Without gunicorn (tests, the Flask dev server) the
    orphan finishes on its own; when every slot is held by one, requests get 503 `busy`.
    The threads are daemons so that an exiting worker never waits for an orphan."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self._pid = -1
        self._lock = threading.Lock()

    def _init(self) -> None:  # per process: gunicorn forks after create_app
        with self._lock:
            if self._pid != os.getpid():
                self._free = threading.BoundedSemaphore(self.slots)
                self._pid = os.getpid()

    def run(self, fn: Any, timeout_s: float) -> Any:
        if self._pid != os.getpid():
            self._init()
        if not self._free.acquire(blocking=False):
            raise ApiError(503, "busy", "Every check slot is busy; retry shortly.", headers={"Retry-After": "1"})
        done = threading.Event()
        box: dict[str, Any] = {}

        def job() -> None:
            try:
                box["value"] = fn()
            except BaseException as exc:  # handed to the request thread, which raises it
                box["error"] = exc
            finally:
                self._free.release()  # before done is set, so the next request finds the slot free
                done.set()

        threading.Thread(target=job, name="check", daemon=True).start()
        if not done.wait(timeout_s):
            request.environ[RETIRE_KEY] = True
            raise ApiError(503, "time_budget_exceeded",
                           f"The check took longer than the time budget of {round(timeout_s * 1000)} ms "
                           "(CHECKER_TIME_BUDGET_MS); send fewer or shorter documents.",
                           headers={"Retry-After": "1"})
        if "error" in box:
            raise box["error"]
        return box["value"]


# ---- routes --------------------------------------------------------------------------

v1 = Blueprint("v1", __name__, url_prefix="/v1")
_envelope = _Envelope()
_document_schema = DocumentIn()


@v1.post("/check")
def check_route() -> Response:
    """Check documents for claims that disagree.
    ---
    post:
      summary: Check one or more documents; conflicts across documents are reported.
      description: Offsets are 0-based Unicode code points, end exclusive.
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
    raw_opts = dict(data.get("options", {}))
    include_claims = bool(raw_opts.pop("include_claims", False))
    bad: dict[str, list[str]] = {}
    for key in ("select", "ignore"):
        if key in raw_opts:
            try:
                options_from({key: raw_opts[key]}, "options")
            except ConfigError as exc:
                bad[f"options.{key}"] = [str(exc).removeprefix(f"options: {key}: ")]
    if bad:
        raise ApiError(422, "validation_error", "Unknown rule codes in options.", bad)
    options = dataclasses.replace(options_from(raw_opts, "options"), include_claims=include_claims)
    if "documents" in data:
        docs, kept, problems = load_documents(data["documents"], current_app.config["CHECKER_MAX_CHARS"])
    else:
        docs, kept, problems = [{"id": "text", "text": data["text"], **(
            {"published": data["published"]} if "published" in data else {})}], [0], {}
    if not docs:  # nothing left to check: the request as a whole is unusable
        raise ApiError(422, "validation_error", "No document can be checked.",
                       {k: v for bad_doc in problems.values() for k, v in bad_doc.items()})
    engine = current_app.extensions["checker.engine"]
    budget_ms = current_app.config["CHECKER_TIME_BUDGET_MS"]
    if budget_ms > 0:
        report = current_app.extensions["checker.budget"].run(lambda: engine.check(docs, options), budget_ms / 1000)
    else:
        report = engine.check(docs, options)
    out = report.to_dict(include_claims=include_claims)
    if problems or out["errors"]:
        out["errors"] = sorted(
            [{"document": i, "field": field, "message": msg}
             for i, bad_doc in problems.items() for field, msgs in bad_doc.items() for msg in msgs]
            + [_renumber(e, kept) for e in out["errors"]],
            key=lambda e: (e["document"], e["field"], e["message"]))
    return json_response(out)


def _renumber(error: dict[str, Any], kept: list[int]) -> dict[str, Any]:
    """The engine numbers the documents it was given; the client numbered the request's."""
    j = error.get("document")
    if not isinstance(j, int) or not 0 <= j < len(kept):
        return error
    field = str(error.get("field", ""))
    if field.startswith(f"documents.{j}"):
        field = f"documents.{kept[j]}" + field[len(f"documents.{j}"):]
    return {**error, "document": kept[j], "field": field}


@v1.get("/rules")
def rules_route() -> Response:
    """---
    get:
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
      summary: One rule by its exact code (case-insensitive), e.g. QTY001.
      parameters:
        - {name: code, in: path, required: true, schema: {type: string}}
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
        },
        "auth": bool(cfg["CHECKER_API_KEYS"]),
        "cors": bool(cfg["CHECKER_CORS_ORIGINS"]),
    })


def healthz() -> Response:
    """---
    get:
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
    return Response(render_docs(current_app.extensions["checker.spec"]), mimetype="text/html")


# ---- the spec and its HTML rendering -------------------------------------------------

def build_spec(app: Flask) -> dict[str, Any]:
    spec = APISpec(title="checker", version=checker.__version__, openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()],
                   info={"description": "Fact-consistency checker for news copy. Offsets are 0-based Unicode "
                                        "code points, end exclusive (not UTF-16 units). Every failure answers "
                                        "the Error shape."})
    for name, schema in (("CheckRequest", CheckRequest), ("ReportOut", ReportOut), ("RuleOut", RuleOut),
                         ("RulesOut", RulesOut), ("InfoOut", InfoOut), ("HealthOut", HealthOut), ("Error", ErrorOut)):
        spec.components.schema(name, schema=schema)
    spec.components.response("Error", {"description": "The one error shape",
                                       "content": {"application/json": {"schema": "Error"}}})
    if app.config["CHECKER_API_KEYS"]:
        spec.components.security_scheme("apiKey", {"type": "apiKey", "in": "header", "name": "X-API-Key"})
    with app.test_request_context():
        for view, path in ((check_route, "/v1/check"), (rules_route, "/v1/rules"), (rule_route, "/v1/rules/{code}"),
                           (info_route, "/v1/info"), (healthz, "/healthz")):
            spec.path(path=path, operations=load_operations_from_docstring(view.__doc__ or ""))
    return spec.to_dict()


def _schema_rows(schema: dict[str, Any], spec: dict[str, Any]) -> str:
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
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


def render_docs(spec: dict[str, Any]) -> str:
    parts = [f"<h1>{html.escape(spec['info']['title'])} API {html.escape(spec['info']['version'])}</h1>",
             f"<p>{html.escape(spec['info']['description'])}</p>",
             '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Editor: <a href="/">/</a>.</p>']
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
    style = ("body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
             "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;"
             "text-align:left;vertical-align:top}code{background:#f3f3f3}")
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>checker API</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>")


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
    return out


def _split(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value or [])
    return [v.strip() for v in items if v and v.strip()]


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, static_folder=str(WEB_DIR), static_url_path="/static")
    app.config.update(_settings(config))
    app.config.update({k: v for k, v in (config or {}).items() if k not in DEFAULTS})
    app.config["MAX_CONTENT_LENGTH"] = app.config["CHECKER_MAX_BODY_BYTES"]
    app.config["CHECKER_API_KEYS"] = _split(app.config["CHECKER_API_KEYS"])
    app.config["CHECKER_CORS_ORIGINS"] = _split(app.config["CHECKER_CORS_ORIGINS"])
    app.extensions["checker.engine"] = checker.default_engine()  # built now, before the first request
    app.extensions["checker.budget"] = Budget(CHECK_SLOTS)
    app.register_blueprint(v1)
    app.add_url_rule("/healthz", view_func=healthz, methods=["GET"])
    app.add_url_rule("/openapi.json", view_func=openapi_json, methods=["GET"])
    app.add_url_rule("/docs", view_func=docs_page, methods=["GET"])
    app.add_url_rule("/", view_func=index, methods=["GET"])
    app.extensions["checker.spec"] = build_spec(app)
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
        if request.path == "/" or request.path == "/docs":
            resp.headers["Content-Security-Policy"] = (
                "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
                "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
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
        return error_response(500, "internal_error", "An internal error occurred; quote the request_id if you "
                                                     "report it.")
