"""The HTTP API through Flask's test client: every route, every error status, and every
response body validated against the OpenAPI document the app serves."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate as validate_spec
from werkzeug.test import TestResponse

import api
from checker.rules import all_rules

CONFLICT = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."


@pytest.fixture(scope="module")
def app() -> Flask:
    return api.create_app({"TESTING": True})


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def spec(client: FlaskClient) -> dict[str, Any]:
    return client.get("/openapi.json").get_json()


def conforms(spec: dict[str, Any], resp: TestResponse, path: str | None = None, method: str = "get") -> Any:
    """Validate the body against the spec's schema for this path, method and status."""
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    if path is None:  # routes outside the spec (unknown paths) answer the Error shape
        schema: dict[str, Any] = {"$ref": "#/components/schemas/Error"}
    else:
        responses = spec["paths"][path][method]["responses"]
        assert str(resp.status_code) in responses, f"{resp.status_code} not documented for {method} {path}"
        entry = responses[str(resp.status_code)]
        if "$ref" in entry:
            entry = spec["components"]["responses"][entry["$ref"].rsplit("/", 1)[1]]
        schema = entry["content"]["application/json"]["schema"]
    OAS30Validator({**schema, "components": spec["components"]}).validate(body)
    return body


def post(client: FlaskClient, body: Any, **kw: Any) -> TestResponse:
    return client.post("/v1/check", json=body, **kw)


def error_of(spec: dict[str, Any], resp: TestResponse, status: int, code: str, path: str | None = "/v1/check",
             method: str = "post") -> dict[str, Any]:
    assert resp.status_code == status, resp.data
    err = conforms(spec, resp, path, method)["error"]
    assert err["status"] == status and err["code"] == code
    assert err["request_id"] == resp.headers["X-Request-ID"]
    return err


# ---- the spec and the pages --------------------------------------------------------------

def test_openapi_document_validates(spec: dict[str, Any]) -> None:
    validate_spec(spec)
    assert {"/v1/check", "/v1/rules", "/v1/rules/{code}", "/v1/info", "/healthz"} <= set(spec["paths"])
    assert "code points" in spec["info"]["description"]


def test_healthz(client: FlaskClient, spec: dict[str, Any]) -> None:
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert conforms(spec, resp, "/healthz")["status"] == "ok"


def test_docs_page_renders_the_spec(client: FlaskClient) -> None:
    resp = client.get("/docs")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    page = resp.get_data(as_text=True)
    assert "POST /v1/check" in page and "documents" in page and "http" not in page.split("</style>")[0]


def test_editor_page_and_assets(client: FlaskClient) -> None:
    resp = client.get("/")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    page = resp.get_data(as_text=True)
    assert "/static/app.js" in page and "http:" not in page and "https:" not in page  # no external resources
    for asset, mimetype in (("app.js", "javascript"), ("style.css", "text/css")):
        r = client.get(f"/static/{asset}")
        assert r.status_code == 200 and mimetype in r.mimetype
        assert "http://" not in r.get_data(as_text=True) and "https://" not in r.get_data(as_text=True)
        r.close()
    assert "innerHTML" not in client.get("/static/app.js").get_data(as_text=True)


# ---- /v1/rules and /v1/info ----------------------------------------------------------------

def test_rules(client: FlaskClient, spec: dict[str, Any]) -> None:
    body = conforms(spec, client.get("/v1/rules"), "/v1/rules")
    assert [r["code"] for r in body["rules"]] == [r.code for r in all_rules()]
    one = client.get(f"/v1/rules/{all_rules()[0].code.lower()}")
    assert one.status_code == 200
    assert conforms(spec, one, "/v1/rules/{code}")["code"] == all_rules()[0].code


def test_unknown_rule_is_404(client: FlaskClient, spec: dict[str, Any]) -> None:
    err = error_of(spec, client.get("/v1/rules/XYZ999"), 404, "unknown_rule", "/v1/rules/{code}", "get")
    assert "XYZ999" in err["message"]


def test_info_shows_limits(client: FlaskClient, spec: dict[str, Any]) -> None:
    body = conforms(spec, client.get("/v1/info"), "/v1/info")
    assert body["rules"] == len(all_rules())
    assert body["limits"] == {"max_body_bytes": 2 * 1024 * 1024, "max_documents": 20, "max_chars": 200_000,
                              "time_budget_ms": 10_000}
    assert body["auth"] is False and body["cors"] is False


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_MAX_DOCUMENTS", "3")
    monkeypatch.setenv("CHECKER_TIME_BUDGET_MS", "0")
    limits = api.create_app().test_client().get("/v1/info").get_json()["limits"]
    assert limits["max_documents"] == 3 and limits["time_budget_ms"] == 0
    monkeypatch.setenv("CHECKER_MAX_CHARS", "lots")
    with pytest.raises(ValueError, match="CHECKER_MAX_CHARS"):
        api.create_app()


# ---- POST /v1/check ------------------------------------------------------------------------

def test_check_shorthand_reports_the_conflict(client: FlaskClient, spec: dict[str, Any]) -> None:
    text = "🙂 " + CONFLICT  # a character outside the BMP: offsets count code points, not UTF-16 units
    body = conforms(spec, post(client, {"text": text}), "/v1/check", "post")
    assert body["errors"] == [] and "elapsed_ms" not in body["stats"]
    (conflict,) = body["conflicts"]
    assert conflict["rule"] == "QTY001" and conflict["severity"] == "error" and conflict["status"] == "inconsistent"
    assert [c["text"] for c in conflict["claims"]] == ["1,500 troops", "15,000 troops"]
    for claim in conflict["claims"]:
        assert claim["document"] == "text" and text[claim["start"]:claim["end"]] == claim["text"]


def test_check_across_documents_with_claims(client: FlaskClient, spec: dict[str, Any]) -> None:
    docs = [{"id": "draft", "text": "Russia moved 1,500 troops to Kursk.", "published": "2024-08-14"},
            {"id": "wire", "text": "Russia moved 15,000 troops to Kursk.", "source": "wire"}]
    resp = post(client, {"documents": docs, "options": {"include_claims": True}})
    body = conforms(spec, resp, "/v1/check", "post")
    assert [c["document"] for c in body["conflicts"][0]["claims"]] == ["draft", "wire"]
    assert {c["document"] for c in body["claims"]} == {"draft", "wire"}
    assert "claims" not in post(client, {"documents": docs}).get_json()


def test_check_is_byte_identical(client: FlaskClient) -> None:
    body = {"documents": [{"id": "a", "text": CONFLICT}, {"id": "b", "text": "The 1,500 troops left."}]}
    assert post(client, body).data == post(client, body).data


def test_options_select_ignore_and_min_severity(client: FlaskClient, spec: dict[str, Any]) -> None:
    for options, found in (({"ignore": ["QTY"]}, 0), ({"select": ["qty001"]}, 1), ({"select": ["AGE"]}, 0),
                           ({"min_severity": "error"}, 1)):
        body = conforms(spec, post(client, {"text": CONFLICT, "options": options}), "/v1/check", "post")
        assert len(body["conflicts"]) == found, options


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["documents"]),
        ({"documents": []}, ["documents"]),
        ({"documents": [{"id": "a"}]}, ["documents.0.text"]),
        ({"documents": [{"text": 3}]}, ["documents.0.id", "documents.0.text"]),
        ({"documents": [None, {"id": "a", "text": "x" * 200_001}]}, ["documents.0", "documents.1.text"]),
        ({"documents": [{"id": "a", "text": "x", "published": "last week"}]}, ["documents.0.published"]),
        ({"documents": [{"id": "a", "text": "x", "colour": "red"}]}, ["documents.0.colour"]),
        ({"text": "x", "documents": [{"id": "a", "text": "x"}]}, ["text"]),
        ({"text": "x", "options": {"min_severity": "fatal"}}, ["options.min_severity"]),
        ({"text": "x", "options": {"select": ["ZZZ"], "ignore": ["QTY", "NOPE1"]}},
         ["options.ignore", "options.select"]),
        ({"text": "x", "extra": 1}, ["extra"]),
        ([{"text": "x"}], ["body"]),
    ],
)
def test_schema_violations_are_422_naming_each_field(client: FlaskClient, spec: dict[str, Any], body: Any,
                                                     fields: list[str]) -> None:
    err = error_of(spec, post(client, body), 422, "validation_error")
    assert sorted(err["fields"]) == fields


def test_one_bad_document_does_not_sink_the_others(client: FlaskClient, spec: dict[str, Any]) -> None:
    body = {"documents": [{"id": "a", "text": CONFLICT}, {"text": 3}, {"id": "a", "text": "y"}, "x"]}
    out = conforms(spec, post(client, body), "/v1/check", "post")
    assert out["stats"]["documents"] == 1 and len(out["conflicts"]) == 1
    assert [(e["document"], e["field"]) for e in out["errors"]] == [
        (1, "documents.1.id"), (1, "documents.1.text"), (2, "documents.2.id"), (3, "documents.3")]


def test_unknown_rule_code_is_named(client: FlaskClient, spec: dict[str, Any]) -> None:
    err = error_of(spec, post(client, {"text": "x", "options": {"select": ["ZZZ"]}}), 422, "validation_error")
    assert "ZZZ" in err["fields"]["options.select"][0]


def test_document_and_character_limits_are_422(spec: dict[str, Any]) -> None:
    client = api.create_app({"CHECKER_MAX_DOCUMENTS": 2, "CHECKER_MAX_CHARS": 10}).test_client()
    docs = [{"id": str(i), "text": "short"} for i in range(3)]
    err = error_of(spec, post(client, {"documents": docs}), 422, "validation_error")
    assert err["fields"] == {"documents": ["At most 2 documents per request."]}
    err = error_of(spec, post(client, {"documents": [{"id": "a", "text": "x" * 11}]}), 422, "validation_error")
    assert "10 characters" in err["fields"]["documents.0.text"][0]
    err = error_of(spec, post(client, {"text": "x" * 11}), 422, "validation_error")
    assert list(err["fields"]) == ["text"]


def test_body_over_the_limit_is_413_naming_it(spec: dict[str, Any]) -> None:
    client = api.create_app({"CHECKER_MAX_BODY_BYTES": 100}).test_client()
    err = error_of(spec, post(client, {"text": "x" * 200}), 413, "body_too_large")
    assert "100 bytes" in err["message"] and "CHECKER_MAX_BODY_BYTES" in err["message"]


def test_wrong_content_type_is_415(client: FlaskClient, spec: dict[str, Any]) -> None:
    error_of(spec, client.post("/v1/check", data="text=x", content_type="text/plain"), 415, "unsupported_media_type")
    error_of(spec, client.post("/v1/check", data='{"text": "x"}'), 415, "unsupported_media_type")


def test_malformed_json_is_400(client: FlaskClient, spec: dict[str, Any]) -> None:
    resp = client.post("/v1/check", data='{"text": ', content_type="application/json")
    assert "not valid JSON" in error_of(spec, resp, 400, "malformed_json")["message"]


def test_unknown_path_and_wrong_method_are_json(client: FlaskClient, spec: dict[str, Any]) -> None:
    error_of(spec, client.get("/v2/check"), 404, "not_found", None)
    resp = client.get("/v1/check")
    error_of(spec, resp, 405, "method_not_allowed", None)
    assert "POST" in resp.headers["Allow"]


class _Exploding:
    def check(self, docs: Any, options: Any) -> Any:
        raise RuntimeError("secret internals")


class _Slow:
    def check(self, docs: Any, options: Any) -> Any:
        time.sleep(0.5)
        raise AssertionError("never answered")


def test_internal_error_is_500_with_request_id_and_log_only_traceback(
        spec: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    app = api.create_app()
    app.extensions["checker.engine"] = _Exploding()
    with caplog.at_level(logging.ERROR, logger="checker.api"):
        resp = app.test_client().post("/v1/check", json={"text": "x"}, headers={"X-Request-ID": "req-42"})
    err = error_of(spec, resp, 500, "internal_error", None)
    assert err["request_id"] == "req-42" and "secret" not in resp.get_data(as_text=True)
    assert "req-42" in caplog.text and "secret internals" in caplog.text and "Traceback" in caplog.text


def test_time_budget_exceeded_is_503(spec: dict[str, Any]) -> None:
    app = api.create_app({"CHECKER_TIME_BUDGET_MS": 50})
    app.extensions["checker.engine"] = _Slow()
    resp = app.test_client().post("/v1/check", json={"text": "x"})
    err = error_of(spec, resp, 503, "time_budget_exceeded")
    assert "50 ms" in err["message"] and resp.headers["Retry-After"] == "1"


def test_api_keys(spec: dict[str, Any]) -> None:
    client = api.create_app({"CHECKER_API_KEYS": "alpha, beta"}).test_client()
    error_of(spec, post(client, {"text": "x"}), 401, "unauthorized")
    error_of(spec, post(client, {"text": "x"}, headers={"X-API-Key": "gamma"}), 401, "unauthorized")
    assert post(client, {"text": "x"}, headers={"X-API-Key": "beta"}).status_code == 200
    assert client.get("/v1/info", headers={"X-API-Key": "alpha"}).get_json()["auth"] is True
    assert client.get("/healthz").status_code == 200 and client.get("/").status_code == 200


def test_cors_off_by_default_and_configurable(client: FlaskClient) -> None:
    origin = {"Origin": "https://cms.example"}
    assert "Access-Control-Allow-Origin" not in client.get("/v1/info", headers=origin).headers
    cors = api.create_app({"CHECKER_CORS_ORIGINS": "https://cms.example"}).test_client()
    pre = cors.options("/v1/check", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200 and pre.headers["Access-Control-Allow-Origin"] == "https://cms.example"
    assert "X-API-Key" in pre.headers["Access-Control-Allow-Headers"]
    other = cors.get("/v1/info", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_request_id_is_echoed_or_made(client: FlaskClient) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "abc-1"}).headers["X-Request-ID"] == "abc-1"
    made = client.get("/healthz", headers={"X-Request-ID": "<bad id>"}).headers["X-Request-ID"]
    assert made and "<" not in made
