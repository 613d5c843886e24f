"""No text makes the API fail: arbitrary Unicode text, ids, sources and publication dates
(the calendar's ends included), in both formats, posted through Flask's test client.

Two properties over the same inputs:
* the answer is never 5xx and is per contract: 200, every document either checked or named
  in `errors`, every claim quoting its document exactly;
* the engine itself fails on no document (an engine failure is contained by the API as that
  document's `internal_error` entry, which is still a bug to fix). KNOWN_ENGINE_FAILURES are
  the inputs this property has found; they stay listed, and fail, until the engine is fixed.

`make test` runs 150 + 150 generated requests plus the listed cases (derandomized). A longer
run: CHECKER_FUZZ_SCALE=20 HYPOTHESIS_PROFILE=dev .venv/bin/python -m pytest tests/test_api_any_text.py
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from typing import Any

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS30Validator

import api

SCALE = max(1, int(os.environ.get("CHECKER_FUZZ_SCALE", "1")))
EXAMPLES = 150 * SCALE

# Fragments that reach the engine's harder paths: relative dates (dated by `published`),
# weekdays, figures with units, letters that case-insensitive matching folds to ASCII
# (dotless ı, long s, dotted İ, the Kelvin sign), ages, names, Markdown structure.
FRAGMENTS = [
    "Yesterday", "yesterday", "tomorrow", "last week", "next month", "on Monday", "on Sunday, March 3",
    "two days ago", "at 10:30", "1,500 troops", "15,000 troops", "200 km", "the 200-mile front", "about 3%",
    "more than 1,000", "aged 45", "45-year-old", "$3bn", "200 kılometres", "5 mileſ", "3 İnches", "3 \u212aelvin",
    "ﬁve", "½", "١٥٠٠", "Zelensky", "Zelenskyy", "said", "officials said", "“", "”", ".", ",", "\n\n", "# ",
    "```\n", "---\n", "date: 2024-02-30\n", "<!-- checker: ignore QTY -->", "https://x.example/1,500", "\u200b",
    "\u202e", "\x00", "🙂",
]
NEWSY = st.lists(st.sampled_from(FRAGMENTS) | st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
                 max_size=40).map(" ".join)
TEXT = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=300), NEWSY, NEWSY)
DATES = st.one_of(st.none(), st.sampled_from([dt.date.min, dt.date.max]),
                  st.sampled_from([dt.date(1, 1, 2), dt.date(9999, 12, 30), dt.date(2024, 2, 29)]), st.dates())
IDS = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200)


@st.composite
def documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    docs = []
    for doc_id in ids:
        doc: dict[str, Any] = {"id": doc_id, "text": draw(TEXT)}
        published = draw(DATES)
        if published is not None:
            doc["published"] = published.isoformat()
        fmt = draw(st.sampled_from([None, "text", "markdown"]))
        if fmt is not None:
            doc["format"] = fmt
        if draw(st.booleans()):
            doc["source"] = draw(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
        docs.append(doc)
    return docs


@functools.cache
def service() -> tuple[FlaskClient, OAS30Validator]:
    """The app's test client and a validator of its report schema, built once (not fixtures:
    hypothesis prints a failing example's arguments, and these would print as 100 kB)."""
    client = api.create_app({"TESTING": True, "CHECKER_CHECK_PROCESSES": 2}).test_client()
    spec = client.get("/openapi.json").get_json()
    return client, OAS30Validator({"$ref": "#/components/schemas/ReportOut", "components": spec["components"]})


def answer(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Post the documents; assert the answer is per contract; return the report."""
    client, validator = service()
    resp = client.post("/v1/check", json={"documents": docs, "options": {"include_claims": True}})
    assert resp.status_code == 200, (resp.status_code, resp.get_data(as_text=True)[:1000], docs)
    out = resp.get_json()
    validator.validate(out)
    texts = {d["id"]: d["text"] for d in docs}
    for c in out["claims"] + [x for conflict in out["conflicts"] for x in conflict["claims"]]:
        assert texts[c["document"]][c["start"]:c["end"]] == c["text"], (c, docs)
    failed = {e["document"] for e in out["errors"]}
    assert out["stats"]["documents"] + len(failed) == len(docs), (out["stats"], out["errors"])
    return out


def engine_failures(out: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in out["errors"] if e.get("code") == "internal_error"]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(docs=documents())
def test_no_text_gets_a_5xx(docs: list[dict[str, Any]]) -> None:
    answer(docs)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(docs=documents())
def test_the_engine_fails_on_no_text(docs: list[dict[str, Any]]) -> None:
    out = answer(docs)
    assert engine_failures(out) == [], [docs[e["document"]] for e in engine_failures(out)]


# Found by the property above; each fails until the engine no longer raises on it.
KNOWN_ENGINE_FAILURES = [
    ("relative date at the calendar's start", "Yesterday the army moved 1,500 troops.", "0001-01-01"),
    ("weekday at the calendar's start", "Last week, on Monday, troops left.", "0001-01-01"),
    ("dotless i folded to a unit", "The front is 200 kılometres long.", None),
    ("long s folded to a unit", "The road is 5 mileſ long.", None),
    ("dotted capital I folded to a unit", "It was 3 İnches deep.", None),
]


@pytest.mark.parametrize(("what", "text", "published"), KNOWN_ENGINE_FAILURES,
                         ids=[case[0] for case in KNOWN_ENGINE_FAILURES])
def test_known_engine_failures_are_fixed(what: str, text: str, published: str | None) -> None:
    doc: dict[str, Any] = {"id": "a", "text": text, **({"published": published} if published else {})}
    out = answer([doc, {"id": "b", "text": "Russia moved 1,500 troops."}])
    assert out["stats"]["documents"] >= 1  # the other document is checked either way
    assert engine_failures(out) == [], what
