"""Spec-driven fuzzing with schemathesis, from the app's own /openapi.json, in process (WSGI).

Requests are generated from what the document says the server accepts (one of `text` or
`documents`, the count and length limits, the rule codes options may name, no extra fields)
and every response is checked by schemathesis's checks: no 5xx, a documented status, the
documented content type and headers, a body that conforms to the response schema, and a
valid request accepted (2xx), and, in negative mode, an invalid one refused (4xx). So the
document has to state exactly what the server accepts, or these checks fail. POST /v1/check
must also reach the engine: generated valid requests are checked, not refused.

`make test` sends about 400 requests (derandomized). A longer run multiplies the counts:
CHECKER_FUZZ_SCALE=20 HYPOTHESIS_PROFILE=dev .venv/bin/python -m pytest tests/test_schemathesis.py
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

import api

SCALE = max(1, int(os.environ.get("CHECKER_FUZZ_SCALE", "1")))
LIMITS = {"CHECKER_MAX_DOCUMENTS": 4, "CHECKER_MAX_CHARS": 2000, "CHECKER_MAX_CLAIMS": 50,
          "CHECKER_CHECK_PROCESSES": 2}


@pytest.fixture(scope="module")
def api_schema() -> Any:
    return schemathesis.openapi.from_wsgi("/openapi.json", api.create_app({"TESTING": True, **LIMITS}))


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None, suppress_health_check=list(HealthCheck),
                    phases=[Phase.explicit, Phase.generate], database=None)


def test_check_is_fuzzed_from_the_spec_and_reaches_the_engine(api_schema: Any) -> None:
    seen: Counter[Any] = Counter()

    @fuzz(200)
    @given(case=api_schema["/v1/check"]["POST"].as_strategy())
    def check(case: Any) -> None:
        response = case.call_and_validate()
        seen[response.status_code] += 1
        if response.status_code == 200:
            seen["documents checked"] += response.json()["stats"]["documents"]

    check()
    print("schemathesis POST /v1/check:", dict(seen))
    sent = sum(v for k, v in seen.items() if isinstance(k, int))
    assert sent >= 150 * SCALE, seen
    assert seen[200] >= 0.9 * sent and seen["documents checked"] >= seen[200], seen


def test_what_the_spec_forbids_is_refused(api_schema: Any) -> None:
    """Requests made invalid by the spec (wrong types, extra fields, both or neither of text and
    documents, out-of-range values) must be refused with 4xx (schemathesis's negative mode)."""
    seen: Counter[int] = Counter()

    @fuzz(100)
    @given(case=api_schema["/v1/check"]["POST"].as_strategy(generation_mode=GenerationMode.NEGATIVE))
    def refused(case: Any) -> None:
        seen[case.call_and_validate().status_code] += 1

    refused()
    assert sum(seen.values()) >= 80 * SCALE and set(seen) <= {400, 413, 415, 422}, seen


@pytest.mark.parametrize(("path", "method"), [("/v1/rules", "GET"), ("/v1/rules/{code}", "GET"), ("/v1/info", "GET"),
                                              ("/healthz", "GET")])
def test_other_operations_follow_the_spec(api_schema: Any, path: str, method: str) -> None:
    sent = [0]

    @fuzz(25)
    @given(case=api_schema[path][method].as_strategy())
    def call(case: Any) -> None:
        case.call_and_validate()
        sent[0] += 1

    call()
    assert sent[0] >= 1
