"""The HTTP API through Flask's test client: every route, every error status, and every
response body validated against the OpenAPI document the app serves."""

from __future__ import annotations

import logging
import os
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate as validate_spec
from werkzeug.test import TestResponse

import api
import checker
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


def test_docs_page_is_the_vendored_viewer_over_the_spec(client: FlaskClient) -> None:
    resp = client.get("/docs")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    page = resp.get_data(as_text=True)
    assert "/docs/swagger-ui/swagger-ui-bundle.js" in page and "/docs/docs.js" in page
    assert "<script>" not in page  # no inline script: the CSP forbids it
    assert "https://" not in page and "http://" not in page  # nothing from elsewhere
    noscript = page[page.index("<noscript>"):page.index("</noscript>")]
    assert "POST /v1/check" in noscript and "documents" in noscript  # readable without JavaScript
    for asset, mimetype in (("swagger-ui/swagger-ui-bundle.js", "javascript"), ("swagger-ui/swagger-ui.css", "css"),
                            ("docs.js", "javascript"), ("swagger-ui/LICENSE", "")):
        r = client.get(f"/docs/{asset}")
        assert r.status_code == 200 and mimetype in r.mimetype, asset
        r.close()
    assert '"/openapi.json"' in client.get("/docs/docs.js").get_data(as_text=True)
    assert "validatorUrl: null" in client.get("/docs/docs.js").get_data(as_text=True)
    assert client.get("/docs/../api.py").status_code == 404 and client.get("/docs/README.md").status_code == 404


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
                              "time_budget_ms": 10_000, "max_conflicts": 1000, "max_claims": 2000}
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


class _FailsOn:
    """The real engine, except that it raises on any batch holding a text with `word` in it."""

    def __init__(self, word: str) -> None:
        self.word = word

    def check(self, docs: Any, options: Any) -> Any:
        if any(self.word in d["text"] for d in docs):
            raise ZeroDivisionError("an engine bug")
        return checker.default_engine().check(docs, options)


class _Backtracks:
    """A check stuck in one C call that holds the interpreter lock (a regex backtracking
    through 2^27 paths), where a thread-based budget could not answer in time."""

    def check(self, docs: Any, options: Any) -> Any:
        re.match(r"(a+)+$", "a" * 27 + "b")
        raise AssertionError("never answered")


def test_internal_error_is_500_with_request_id_and_log_only_traceback(
        spec: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    app = api.create_app(engine=_Exploding())
    with caplog.at_level(logging.ERROR, logger="checker.api"):
        resp = app.test_client().post("/v1/check", json={"text": "x"}, headers={"X-Request-ID": "req-42"})
    err = error_of(spec, resp, 500, "internal_error")
    assert err["request_id"] == "req-42" and "secret" not in resp.get_data(as_text=True)
    assert "req-42" in caplog.text and "secret internals" in caplog.text and "Traceback" in caplog.text


def test_engine_failure_on_one_document_is_that_documents_error(
        spec: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    client = api.create_app(engine=_FailsOn("BOOM")).test_client()
    docs = [{"id": "a", "text": CONFLICT}, {"id": "b", "text": "BOOM went 3 tanks."}, {"id": "c", "text": "Calm."}]
    with caplog.at_level(logging.ERROR, logger="checker.api"):
        resp = post(client, {"documents": docs}, headers={"X-Request-ID": "req-7"})
    out = conforms(spec, resp, "/v1/check", "post")
    assert out["stats"]["documents"] == 2 and len(out["conflicts"]) == 1
    (err,) = out["errors"]
    assert (err["document"], err["field"], err["code"]) == (1, "documents.1", "internal_error")
    assert "an engine bug" not in resp.get_data(as_text=True)
    assert "req-7" in caplog.text and "an engine bug" in caplog.text
    # the shorthand: the one document fails, so nothing was checked, but the answer is still per contract
    out = conforms(spec, post(client, {"text": "BOOM"}), "/v1/check", "post")
    assert out["stats"]["documents"] == 0 and out["errors"][0]["code"] == "internal_error"


def test_time_budget_holds_inside_one_long_c_call(spec: dict[str, Any]) -> None:
    """The check is stuck in one regex call; the answer is 503 at the budget all the same,
    the process that ran it is killed, and the next check gets a fresh one."""
    app = api.create_app({"CHECKER_TIME_BUDGET_MS": 300, "CHECKER_CHECK_PROCESSES": 1}, engine=_Backtracks())
    pool = app.extensions["checker.pool"]
    pool.start()
    (before,) = pool.pids()
    resp = app.test_client().post("/v1/check", json={"text": "x"})
    err = error_of(spec, resp, 503, "time_budget_exceeded")
    assert "300 ms" in err["message"] and resp.headers["Retry-After"] == "1"
    assert before not in pool.pids()
    with pytest.raises(ProcessLookupError):
        os.kill(before, 0)  # killed and reaped
    pool.start()
    assert pool.pids() and before not in pool.pids()


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


# ---- parity with the CLI: formats and options ------------------------------------------------

MARKDOWN = """---
title: Kursk
date: 2024-08-14
---
# Kursk

Russia moved **1,500 troops** to [Kursk](https://example.org/kursk-2024).

```
The 15,000 troops arrived in Kursk.
```

The attack happened yesterday. The 15,000 troops arrived in Kursk.
"""


def test_markdown_is_read_as_the_cli_reads_it(client: FlaskClient, spec: dict[str, Any]) -> None:
    from checker.cli import check_sources
    from checker.config import settings_from

    body = {"documents": [{"id": "draft.md", "text": MARKDOWN, "format": "markdown"}],
            "options": {"include_claims": True}}
    out = conforms(spec, post(client, body), "/v1/check", "post")
    assert out["errors"] == []
    (cli,) = check_sources([("draft.md", MARKDOWN, "md")], settings_from({}))
    cli_out = cli.to_dict(include_claims=True)
    assert out["conflicts"] == cli_out["conflicts"] and out["claims"] == cli_out["claims"]
    for c in out["claims"] + [x for conflict in out["conflicts"] for x in conflict["claims"]]:
        assert MARKDOWN[c["start"]:c["end"]] == c["text"]  # offsets into the raw Markdown
    # the fenced code block is not checked; the front matter's date dates "yesterday"
    assert all(MARKDOWN.index("```") > c["start"] or c["start"] > MARKDOWN.rindex("```")
               for c in out["claims"])
    dates = [c for c in out["claims"] if c["text"] == "yesterday"]
    assert [c["normalized"] for c in dates] == ["2024-08-13"]


def test_code_blocks_are_prose_only_as_text(client: FlaskClient) -> None:
    text = "Russia moved 1,500 troops to Kursk.\n\n    The 15,000 troops arrived in Kursk.\n"  # an indented code block
    as_md = post(client, {"text": text, "format": "markdown"}).get_json()
    as_text = post(client, {"text": text}).get_json()
    assert as_md["conflicts"] == [] and len(as_text["conflicts"]) == 1


def test_markdown_errors_are_per_document(client: FlaskClient, spec: dict[str, Any]) -> None:
    docs = [{"id": "bad-yaml", "text": "---\ndate: [unclosed\n---\nText.", "format": "markdown"},
            {"id": "bad-date", "text": "---\ndate: last week\n---\nText.", "format": "markdown"},
            {"id": "ignore-typo", "text": "<!-- checker: ignore NOPE9 -->\nText.", "format": "markdown"},
            {"id": "ok", "text": CONFLICT, "format": "markdown"}]
    out = conforms(spec, post(client, {"documents": docs}), "/v1/check", "post")
    assert out["stats"]["documents"] == 1 and len(out["conflicts"]) == 1
    assert [(e["document"], e["field"]) for e in out["errors"]] == [
        (0, "documents.0.text"), (1, "documents.1.published"), (2, "documents.2.text")]
    assert "YAML" in out["errors"][0]["message"] and "NOPE9" in out["errors"][2]["message"]


def test_checker_comments_silence_findings_in_both_formats(client: FlaskClient) -> None:
    for fmt in ("text", "markdown"):
        text = "<!-- checker: ignore QTY001 -->\n" + CONFLICT
        out = post(client, {"text": text, "format": fmt}).get_json()
        assert out["conflicts"] == [] and out["stats"]["suppressed"] == 1, fmt


def test_severity_overrides_and_their_validation(client: FlaskClient, spec: dict[str, Any]) -> None:
    out = conforms(spec, post(client, {"text": CONFLICT, "options": {"severity": {"QTY": "warning"}}}),
                   "/v1/check", "post")
    assert [c["severity"] for c in out["conflicts"]] == ["warning"]
    out = post(client, {"text": CONFLICT, "options": {"severity": {"QTY": "info"}, "min_severity": "warning"}})
    assert out.get_json()["conflicts"] == []
    err = error_of(spec, post(client, {"text": "x", "options": {"severity": {"ZZZ1": "info"}}}), 422,
                   "validation_error")
    assert "ZZZ1" in err["fields"]["options.severity"][0]
    err = error_of(spec, post(client, {"text": "x", "options": {"severity": {"QTY": "fatal"}}}), 422,
                   "validation_error")
    assert list(err["fields"]) == ["options.severity.QTY.value"]


def test_house_spellings_option(client: FlaskClient) -> None:
    text = "Volodymyr Zelensky spoke. Later Volodymyr Zelenskyy spoke again."
    found = post(client, {"text": text, "options": {"house_spellings": {"Zelensky": "Zelenskyy"},
                                                    "select": ["ENT003"]}}).get_json()
    plain = post(client, {"text": text, "options": {"select": ["ENT003"]}}).get_json()
    assert len(found["conflicts"]) >= len(plain["conflicts"])
    assert all(c["rule"] == "ENT003" for c in found["conflicts"])


# ---- what a response holds -------------------------------------------------------------------

def test_claims_are_paged(client: FlaskClient, spec: dict[str, Any]) -> None:
    full = conforms(spec, post(client, {"text": CONFLICT, "options": {"include_claims": True}}), "/v1/check", "post")
    total = full["claims_total"]
    assert total == len(full["claims"]) >= 2
    pages = []
    for offset in range(total):
        out = conforms(spec, post(client, {"text": CONFLICT, "options": {
            "include_claims": True, "claims_offset": offset, "claims_limit": 1}}), "/v1/check", "post")
        assert out["claims_total"] == total and len(out["claims"]) == 1
        pages += out["claims"]
    assert pages == full["claims"]
    err = error_of(spec, post(client, {"text": "x", "options": {"include_claims": True, "claims_limit": 2001}}), 422,
                   "validation_error")
    assert "2000" in err["fields"]["options.claims_limit"][0]


def test_conflicts_are_capped_and_counted(spec: dict[str, Any]) -> None:
    client = api.create_app({"CHECKER_MAX_CONFLICTS": 1}).test_client()
    docs = [{"id": "a", "text": CONFLICT}, {"id": "b", "text": "The 47-year-old minister resigned. The minister, "
                                                               "52, left."}]
    uncapped = post(api.create_app().test_client(), {"documents": docs}).get_json()
    out = conforms(spec, post(client, {"documents": docs}), "/v1/check", "post")
    assert out["conflicts_total"] == len(uncapped["conflicts"]) == uncapped["conflicts_total"]
    assert out["conflicts"] == uncapped["conflicts"][:1]


def test_bounds_are_numbers_with_null_for_an_open_end(client: FlaskClient, spec: dict[str, Any]) -> None:
    out = conforms(spec, post(client, {"text": "More than 1,000 troops arrived. About 3% left.",
                                       "options": {"include_claims": True}}), "/v1/check", "post")
    bounded = [c for c in out["claims"] if "bounds" in c]
    assert bounded and all(set(c["bounds"]) == {"lo", "hi"} for c in bounded)
    open_end = next(c for c in bounded if c["text"].startswith("More than"))
    assert open_end["bounds"] == {"lo": 1000.0, "hi": None} and open_end["interval"] == [1000.0, "inf"]


# ---- the OpenAPI document ------------------------------------------------------------------

def test_spec_states_what_the_server_accepts(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert [s["$ref"].rsplit("/", 1)[1] for s in schemas["CheckRequest"]["oneOf"]] == ["TextRequest",
                                                                                        "DocumentsRequest"]
    for name in ("TextRequest", "DocumentsRequest", "DocumentIn", "OptionsIn"):
        assert schemas[name]["additionalProperties"] is False, name
    docs = schemas["DocumentsRequest"]["properties"]["documents"]
    assert (docs["minItems"], docs["maxItems"]) == (1, 20) and schemas["DocumentsRequest"]["required"] == ["documents"]
    assert schemas["TextRequest"]["properties"]["text"]["maxLength"] == 200_000
    assert schemas["DocumentIn"]["properties"]["format"]["enum"] == ["text", "markdown"]
    assert "QTY001" in schemas["OptionsIn"]["properties"]["select"]["items"]["enum"]
    validator = OAS30Validator({"$ref": "#/components/schemas/CheckRequest", "components": spec["components"]})
    assert validator.is_valid({"text": "x"}) and validator.is_valid({"documents": [{"id": "a", "text": "x"}]})
    for bad in ({"text": "x", "documents": [{"id": "a", "text": "x"}]}, {}, {"documents": []}, {"text": "x", "y": 1},
                {"documents": [{"id": "a", "text": "x", "colour": "red"}]}, {"documents": [{"id": "a"}]}):
        assert not validator.is_valid(bad), bad


def test_spec_has_operation_ids_tags_and_examples_that_hold(client: FlaskClient, spec: dict[str, Any]) -> None:
    ops = [op for path in spec["paths"].values() for op in path.values()]
    ids = [op["operationId"] for op in ops]
    assert len(ids) == len(set(ids)) == len(ops) and all(op["tags"] for op in ops)
    assert {t["name"] for t in spec["tags"]} == {t for op in ops for t in op["tags"]}
    check = spec["paths"]["/v1/check"]["post"]
    request_schema = check["requestBody"]["content"]["application/json"]
    for name, example in request_schema["examples"].items():
        OAS30Validator({**request_schema["schema"], "components": spec["components"]}).validate(example["value"])
        assert post(client, example["value"]).status_code == 200, name
    (answer,) = check["responses"]["200"]["content"]["application/json"]["examples"].values()
    shorthand = request_schema["examples"]["text"]["value"]
    assert answer["value"] == post(client, shorthand).get_json()  # the example is what the server answers
    assert "security" not in check and "securitySchemes" not in spec["components"]


def test_spec_has_a_security_scheme_when_keys_are_configured() -> None:
    spec = api.create_app({"CHECKER_API_KEYS": "k1"}).test_client().get("/openapi.json").get_json()
    validate_spec(spec)
    assert spec["components"]["securitySchemes"]["apiKey"] == {
        "type": "apiKey", "in": "header", "name": "X-API-Key", "description": "One of the keys in CHECKER_API_KEYS."}
    assert spec["paths"]["/v1/check"]["post"]["security"] == [{"apiKey": []}]
    assert "security" not in spec["paths"]["/healthz"]["get"]


def test_a_documents_source_attributes_its_claims(client: FlaskClient, spec: dict[str, Any]) -> None:
    """Two documents from different named sources that disagree are a dispute between them,
    not an inconsistency in the copy (the source is the default source of unattributed claims)."""
    docs = [{"id": "a", "text": "Russia moved 1,500 troops to Kursk.", "source": "Reuters"},
            {"id": "b", "text": "Russia moved 15,000 troops to Kursk.", "source": "AP"}]
    out = conforms(spec, post(client, {"documents": docs}), "/v1/check", "post")
    assert [(c["rule"], c["status"], c["severity"]) for c in out["conflicts"]] == [("QTY001", "disputed", "info")]
    same = post(client, {"documents": [{**d, "source": "Reuters"} for d in docs]}).get_json()
    assert [c["status"] for c in same["conflicts"]] == ["inconsistent"]
    # a newsroom's own channels are copy, not parties: a draft against its wire copy
    own = post(client, {"documents": [{**docs[0], "source": "staff draft"}, {**docs[1], "source": "wire"}]}).get_json()
    assert [c["status"] for c in own["conflicts"]] == ["inconsistent"]


def test_a_rule_that_fails_loses_only_its_own_findings(
        spec: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    """A rule raising on one request is logged and named in the stats; every other rule's
    findings are still reported."""
    from dataclasses import replace

    from checker.engine import Engine

    def explode(ctx: Any) -> Any:
        raise RuntimeError("a rule bug")

    rules = [replace(r, check=explode) if r.code == "ENT001" else r for r in all_rules()]
    client = api.create_app(engine=Engine(rules)).test_client()
    with caplog.at_level(logging.ERROR):
        out = conforms(spec, post(client, {"documents": [{"id": "a", "text": CONFLICT}]}), "/v1/check", "post")
    assert out["stats"]["rules_failed"] == ["ENT001"]
    assert out["conflicts"] and out["errors"] == []
    assert "a rule bug" in caplog.text
