"""The editor page in a real headless Chromium (Debian's package, driven by Playwright).

Skipped only when /usr/bin/chromium is missing and CI is not set; under CI it must run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server

import api

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TEXT = "Russia moved 1,500 troops to Kursk on Monday. The 15,000 troops arrived in Kursk."

if not os.environ.get("CI") and not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium) and CI is not set", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402  (after the skip on purpose)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = make_server("127.0.0.1", 0, api.create_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Page]:
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: None if req.url.startswith(base_url) else errors.append(f"external: {req.url}"))
    pg.goto(base_url + "/")
    yield pg
    context.close()
    assert errors == []


def test_highlights_claims_and_their_partner(page: Page) -> None:
    page.locator(".doc-text").first.fill(TEXT)
    page.click("#run")
    marks = page.locator("#views mark.claim")
    expect(marks).to_have_count(2)
    expect(marks.first).to_have_class("claim sev-error")
    expect(page.locator("#findings li")).to_have_count(1)
    marks.filter(has_text="1,500 troops").click()
    expect(page.locator("#views mark.claim.selected")).to_have_text("1,500 troops")
    expect(page.locator("#views mark.claim.partner")).to_have_text("15,000 troops")
    expect(page.locator("#explain")).to_contain_text("QTY001")
    marks.filter(has_text="15,000 troops").click()  # and back the other way
    expect(page.locator("#views mark.claim.partner")).to_have_text("1,500 troops")


def test_partner_in_another_document(page: Page) -> None:
    page.locator(".doc-id").first.fill("draft")
    page.locator(".doc-text").first.fill("Russia moved 1,500 troops to Kursk.")
    page.click("#add")
    page.locator(".doc-id").nth(1).fill("wire")
    page.locator(".doc-text").nth(1).fill("Russia moved 15,000 troops to Kursk.")
    page.click("#run")
    expect(page.locator("#views .view")).to_have_count(2)
    page.locator("#views .view").nth(0).locator("mark.claim").click()
    partner = page.locator("#views .view").nth(1).locator("mark.claim.partner")
    expect(partner).to_have_text("15,000 troops")


def test_markup_in_documents_and_ids_is_shown_as_text(page: Page) -> None:
    evil = "<script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>"
    page.locator(".doc-id").first.fill(evil)
    page.locator(".doc-text").first.fill(evil + " " + TEXT)
    page.click("#run")
    expect(page.locator("#views mark.claim")).to_have_count(2)
    expect(page.locator("#views .view h3")).to_have_text(evil)
    expect(page.locator("#views .view .text")).to_contain_text("<script>window.pwned = 1</script>")
    assert page.locator("#views script, #views img, #explain script, #findings script").count() == 0
    page.locator("#views mark.claim").first.click()
    expect(page.locator("#explain")).to_contain_text(evil)
    assert page.evaluate("window.pwned") is None


def test_validation_errors_are_shown(page: Page) -> None:
    page.locator(".doc-text").first.fill("x")
    page.locator(".doc-id").first.fill("")  # the only document is invalid: the request is refused (422)
    page.click("#run")
    expect(page.locator("#status")).to_contain_text("documents.0.id")


def test_a_bad_document_is_listed_and_the_others_checked(page: Page) -> None:
    evil = "<img src=x onerror='window.pwned = 3'>"
    page.locator(".doc-id").first.fill(evil)
    page.locator(".doc-text").first.fill(TEXT)
    page.click("#add")
    page.locator(".doc-id").nth(1).fill(evil)  # the same id twice: the second is reported, the first checked
    page.locator(".doc-text").nth(1).fill("y")
    page.click("#run")
    expect(page.locator("#views mark.claim")).to_have_count(2)
    expect(page.locator("#views ul.errors li")).to_have_count(1)
    expect(page.locator("#views ul.errors li")).to_contain_text("documents.1.id: Duplicate id")
    expect(page.locator("#views ul.errors li")).to_contain_text(evil)
    assert page.locator("#views img").count() == 0
    assert page.evaluate("window.pwned") is None
