"""GET /docs in a real headless Chromium (Debian's package, driven by Playwright): the vendored
Swagger UI renders the service's own OpenAPI document under the page's Content-Security-Policy,
loads nothing from another origin and raises no error.

Skipped only when /usr/bin/chromium is missing and CI is not set; under CI it must run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

import api

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

if not os.environ.get("CI") and not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium) and CI is not set", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402  (after the skip on purpose)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = make_server("127.0.0.1", 0, api.create_app({"CHECKER_API_KEYS": "k1"}), threaded=True)
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


def test_swagger_ui_renders_the_spec_within_the_csp(browser: Any, base_url: str, tmp_path: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("request", lambda req: None if req.url.startswith(base_url) or req.url.startswith("data:")
            else problems.append(f"external: {req.url}"))
    page.goto(base_url + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("checker")
    for operation_id in ("checkDocuments", "listRules", "getRule", "getInfo", "getHealth"):
        expect(page.locator(f"[id^='operations-'][id$='-{operation_id}']")).to_have_count(1)
    expect(page.locator(".swagger-ui .opblock-tag")).to_have_count(3)  # check, rules, service
    expect(page.locator(".swagger-ui .btn.authorize")).to_be_visible()  # the API-key scheme
    page.locator("[id$='-checkDocuments'] .opblock-summary").click()
    expect(page.locator("[id$='-checkDocuments']")).to_contain_text("1,500 troops")  # the request example
    page.screenshot(path=Path(os.environ.get("CHECKER_SCREENSHOTS") or tmp_path) / "docs-page.png")
    context.close()
    assert problems == []
