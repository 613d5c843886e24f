"""Schema fuzzing of the HTTP API, in process through Flask's test client (no network).

Request bodies are generated from the CheckRequest schema in the app's own /openapi.json
(by `from_schema` below, a small generator for the JSON Schema subset apispec emits;
hypothesis-jsonschema 0.23 does not work with current hypothesis) (valid by the spec, if not always by the business rules: duplicate
ids, texts over the limit), then mutated into invalid ones (wrong types, missing and
unknown fields, broken JSON, wrong content types, oversize bodies, deep nesting, lone
surrogates). Every response must be below 500, have a status the spec documents for the
route, and a body that validates against the spec's schema for that status; every claim
in a 200 must quote its document exactly (`text[start:end] == claim.text`).

`make test` sends a little over 1,000 requests (derandomized). A longer run multiplies
every example count, e.g. 20 times (about 25,000 requests):

    CHECKER_FUZZ_SCALE=20 HYPOTHESIS_PROFILE=dev .venv/bin/python -m pytest -q -p no:randomly tests/test_fuzz_api.py
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS30Validator
from werkzeug.test import TestResponse

import api

SCALE = max(1, int(os.environ.get("CHECKER_FUZZ_SCALE", "1")))
LIMITS = {"CHECKER_MAX_BODY_BYTES": 32 * 1024, "CHECKER_MAX_DOCUMENTS": 4, "CHECKER_MAX_CHARS": 600}


def n(examples: int) -> int:
    return examples * SCALE


def fuzz(examples: int) -> settings:
    return settings(max_examples=n(examples), deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def app() -> Flask:
    return api.create_app({"TESTING": True, **LIMITS})


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def spec(client: FlaskClient) -> dict[str, Any]:
    return client.get("/openapi.json").get_json()


def inline(schema: Any, components: dict[str, Any]) -> Any:
    """Resolve the spec's local $refs and turn OpenAPI 3.0's `nullable` into JSON Schema."""
    if isinstance(schema, list):
        return [inline(s, components) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return inline(copy.deepcopy(components[schema["$ref"].rsplit("/", 1)[1]]), components)
    out = {k: inline(v, components) for k, v in schema.items() if k not in ("nullable", "description")}
    if schema.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    return out


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid by `schema`: object, array, string (enum, format date, lengths), boolean,
    integer, number. Optional properties are drawn or left out; no extra keys when
    additionalProperties is false. Strings favour news-like text with figures."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "oneOf" in schema:
        return st.one_of([from_schema(s) for s in schema["oneOf"]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**schema, "type": k}) for k in kind])
    if kind == "object":
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        optional = sorted(set(props) - required)

        @st.composite
        def obj(draw: st.DrawFn) -> dict[str, Any]:
            chosen = sorted(required) + [k for k in optional if draw(st.booleans())]
            out = {k: draw(from_schema(props[k])) for k in chosen}
            extra = schema.get("additionalProperties")
            if extra not in (False, None):
                values = from_schema(extra) if isinstance(extra, dict) and extra else st.integers()
                out.update(draw(st.dictionaries(st.text(max_size=8).filter(lambda k: k not in props),
                                                values, max_size=2)))
            return out
        return obj()
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), min_size=schema.get("minItems", 0),
                        max_size=min(schema.get("maxItems", 5), 5))
    if kind == "string":
        if schema.get("format") == "date":
            return st.dates().map(lambda d: d.isoformat())
        lo, hi = schema.get("minLength", 0), min(schema.get("maxLength", 400), 400)
        return st.one_of(st.text(min_size=lo, max_size=hi), NEWS.filter(lambda t: lo <= len(t) <= hi))
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers()
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    return st.none() | st.booleans() | st.integers() | st.text(max_size=10)


FIGURES = ["1,500 troops", "15,000 troops", "200 km", "the 200-mile front", "about 3%", "more than 1,000",
           "aged 45", "45-year-old", "$3bn", "half of the 40 tanks", "killed 12", "injured 30", "seventy-four"]
WORDS = ["Russia", "moved", "to", "Kursk", ".", ",", "officials said", "“", "”", "and", "in", "on Monday", "\n\n",
         "1e999", "١٥٠٠", "\u200b", "\u200f", "of whom"]
NEWS = st.lists(st.sampled_from(FIGURES + WORDS), max_size=40).map(" ".join)


def request_schema(spec: dict[str, Any]) -> dict[str, Any]:
    body = spec["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return inline(body, spec["components"]["schemas"])


def conforms(spec: dict[str, Any], resp: TestResponse, path: str | None, method: str) -> Any:
    """No 5xx; the status is documented for the route; the body matches its schema."""
    assert resp.status_code < 500, resp.get_data(as_text=True)[:2000]
    assert resp.mimetype == "application/json", resp.mimetype
    body = json.loads(resp.get_data())
    schema: dict[str, Any] = {"$ref": "#/components/schemas/Error"}
    if path is not None and resp.status_code not in (404, 405):
        responses = spec["paths"][path][method]["responses"]
        assert str(resp.status_code) in responses, f"{resp.status_code} not documented for {method} {path}"
        entry = responses[str(resp.status_code)]
        if "$ref" in entry:
            entry = spec["components"]["responses"][entry["$ref"].rsplit("/", 1)[1]]
        schema = entry["content"]["application/json"]["schema"]
    OAS30Validator({**schema, "components": spec["components"]}).validate(body)
    if resp.status_code >= 400:
        err = body["error"]
        assert err["status"] == resp.status_code and err["request_id"] == resp.headers["X-Request-ID"]
        assert "Traceback" not in err["message"]
    return body


def texts_of(request: dict[str, Any]) -> dict[str, str]:
    if "text" in request and isinstance(request["text"], str):
        return {"text": request["text"]}
    # A repeated id is reported as an error and the first document of that id is checked:
    # claims point into the first.
    out: dict[str, str] = {}
    for d in request.get("documents") or []:
        if isinstance(d, dict) and isinstance(d.get("id"), str) and isinstance(d.get("text"), str):
            out.setdefault(d["id"], d["text"])
    return out


def check_report(request: dict[str, Any], report: dict[str, Any]) -> None:
    texts = texts_of(request)
    claims = [c for conflict in report["conflicts"] for c in conflict["claims"]] + report.get("claims", [])
    for c in claims:
        assert texts[c["document"]][c["start"]:c["end"]] == c["text"], c
    n_docs = len(request.get("documents") or [request])
    assert report["stats"]["documents"] + len({e["document"] for e in report["errors"]}) == n_docs


class Counter:
    def __init__(self) -> None:
        self.sent = 0
        self.statuses: dict[int, int] = {}

    def post(self, client: FlaskClient, data: bytes, content_type: str | None = "application/json",
             **kw: Any) -> TestResponse:
        self.sent += 1
        resp = client.post("/v1/check", data=data, content_type=content_type, **kw)
        self.statuses[resp.status_code] = self.statuses.get(resp.status_code, 0) + 1
        return resp


def run(test: Callable[[], None], counter: Counter, at_least: int) -> None:
    test()
    assert counter.sent >= at_least, counter.statuses


# ---- valid by the schema -----------------------------------------------------------------

def test_generated_requests_are_answered_by_the_spec(client: FlaskClient, spec: dict[str, Any]) -> None:
    counter = Counter()
    schema = request_schema(spec)

    @fuzz(450)
    @given(from_schema(schema))
    def generated(body: dict[str, Any]) -> None:
        resp = counter.post(client, json.dumps(body).encode())
        out = conforms(spec, resp, "/v1/check", "post")
        if resp.status_code == 200:
            check_report(body, out)
        else:
            assert resp.status_code == 422, out

    run(generated, counter, n(400))
    assert counter.statuses.get(200, 0) > 50 and counter.statuses.get(422, 0) > 0, counter.statuses


# ---- invalid: mutations of valid bodies --------------------------------------------------

JSON_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def mutated(draw: st.DrawFn, schema: dict[str, Any]) -> tuple[str, Any]:
    body: dict[str, Any] = draw(from_schema(schema))
    how = draw(st.sampled_from(["type", "drop", "extra", "doc_type", "doc_drop", "doc_extra", "wrap", "limits",
                                "too_many", "duplicate", "null_doc"]))
    docs = body.get("documents")
    if how == "type":
        key = draw(st.sampled_from(["documents", "text", "options", "published"]))
        body[key] = draw(JSON_JUNK)
    elif how == "drop":
        body.pop("documents", None)
        body.pop("text", None)
    elif how == "extra":
        known = {k for branch in schema["oneOf"] for k in branch["properties"]}
        body[draw(st.text(min_size=1, max_size=10).filter(lambda k: k not in known))] = 1
    elif how == "wrap":
        return how, [body]
    elif how == "too_many":
        body = {"documents": [{"id": str(i), "text": "x"} for i in range(LIMITS["CHECKER_MAX_DOCUMENTS"] + 1)]}
    elif how == "limits":
        body = {"documents": [{"id": "long", "text": "1,500 troops. " * 50}, {"id": "ok", "text": "1,500 troops."}]}
    elif not docs:
        how = "unchanged"  # nothing to mutate in a shorthand body
    else:
        i = draw(st.integers(0, len(docs) - 1))
        if how == "doc_type":
            docs[i][draw(st.sampled_from(["id", "text", "published", "source"]))] = draw(JSON_JUNK)
        elif how == "doc_drop":
            docs[i].pop(draw(st.sampled_from(["id", "text"])), None)
        elif how == "doc_extra":
            docs[i]["colour"] = "red"
        elif how == "duplicate":
            docs.append(dict(docs[i]))
        elif how == "null_doc":
            docs[i] = draw(st.none() | st.integers() | st.text(max_size=5))
    return how, body


def test_invalid_requests_are_refused_or_reported(client: FlaskClient, spec: dict[str, Any]) -> None:
    counter = Counter()

    @fuzz(400)
    @given(mutated(request_schema(spec)))
    def invalid(case: tuple[str, Any]) -> None:
        how, body = case
        resp = counter.post(client, json.dumps(body).encode())
        out = conforms(spec, resp, "/v1/check", "post")
        if resp.status_code == 200:  # a bad document in a batch is reported, the others checked
            assert how in ("unchanged", "doc_type", "doc_drop", "doc_extra", "duplicate", "null_doc", "limits",
                           "type"), (how, body)
            check_report(body, out)
        else:
            assert resp.status_code in (413, 422), (how, resp.status_code)

    run(invalid, counter, n(350))
    assert counter.statuses.get(422, 0) > 100, counter.statuses


# ---- invalid: bytes, content types and sizes ---------------------------------------------

RAW = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    st.integers(1, 100_000).map(lambda d: b"[" * d + b"]" * d),  # deep nesting
    st.integers(1, 100_000).map(lambda d: b'{"a":' * d + b"1" + b"}" * d),
    st.sampled_from([b'{"text": "\\ud800"}', b'{"text": "\xff\xfe"}', b'{"text": 1e999}', b"", b"null",
                     b'{"text": "x"} trailing', b'{"text": "x", "text": "y"}', b"\xef\xbb\xbf{\"text\": \"x\"}",
                     b'{"documents": [{"id": "a", "text": "x"}], "documents": []}']),
    st.integers(LIMITS["CHECKER_MAX_BODY_BYTES"] - 20, LIMITS["CHECKER_MAX_BODY_BYTES"] + 20).map(
        lambda size: b'{"text": "' + b"9" * max(0, size - 12) + b'"}'),
)
CONTENT_TYPES = st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain",
                                 "application/x-www-form-urlencoded", "application/problem+json", None,
                                 "application/json; charset=latin-1", "multipart/form-data; boundary=x"])


def test_raw_bodies_and_content_types(client: FlaskClient, spec: dict[str, Any]) -> None:
    counter = Counter()

    @fuzz(200)
    @given(RAW, CONTENT_TYPES)
    def raw(data: bytes, content_type: str | None) -> None:
        resp = counter.post(client, data, content_type)
        conforms(spec, resp, "/v1/check", "post")

    run(raw, counter, n(150))
    assert {400, 413, 415} <= set(counter.statuses), counter.statuses


# ---- the other routes --------------------------------------------------------------------

def test_paths_methods_and_rule_codes(client: FlaskClient, spec: dict[str, Any]) -> None:
    sent = [0]

    @fuzz(120)
    @given(st.text(max_size=30), st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]),
           st.sampled_from(["/v1/rules/{}", "/v1/{}", "/{}", "/v1/rules", "/v1/info", "/healthz"]))
    def paths(code: str, method: str, template: str) -> None:
        path = template.format(code.replace("?", "").replace("#", "")) if "{}" in template else template
        resp = client.open(path, method=method)
        sent[0] += 1
        assert resp.status_code < 500, (method, path)
        if method == "HEAD" or (method == "OPTIONS" and resp.status_code == 200) or resp.mimetype == "text/html":
            return
        if path == "/":
            return
        documented = next((p for p in spec["paths"] if p == path), None)
        if template == "/v1/rules/{}" and "/" not in path[len("/v1/rules/"):] and path != "/v1/rules/":
            documented = "/v1/rules/{code}"
        method_ok = documented is not None and method.lower() in spec["paths"][documented]
        conforms(spec, resp, documented if method_ok else None, method.lower())

    paths()
    assert sent[0] >= n(100)
