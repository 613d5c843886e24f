"""The editor page in a real headless Chromium (Debian's package, driven by Playwright
with `executable_path`; no browser is ever downloaded).

Skipped with a message when /usr/bin/chromium is missing, unless CI is set: `.ci/run`
installs Chromium, so under CI a missing browser is a failure, not a silent skip.
Screenshots at 1280 and 375 px go to $CHECKER_TEST_OUTPUT/browser (default:
test-output/browser at the repository root).
"""

from __future__ import annotations

import json
import os
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

import api

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--font-render-hinting=none"]
ERROR = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."
WARNING = "Russia moved 1,500 drones to Kursk, officials said. The 15,000 drones arrived in Kursk."
INFO = ("Russia moved 1,500 tanks to Kursk, Ukrainian officials said. "
        "Russia's defence ministry said 15,000 tanks arrived in Kursk.")
ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("CHECKER_TEST_OUTPUT") or ROOT / "test-output") / "browser"
WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}

if not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing under CI: .ci/run installs it with apt-get install chromium")
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser "
                "tests; they never download a browser", allow_module_level=True)

from playwright.sync_api import Locator, Page, expect, sync_playwright  # noqa: E402  (after the skip on purpose)

# Generous waits: the page re-checks after a pause in typing, on a busy two-core machine.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    # One request at a time, as a gunicorn sync worker serves them.
    server = make_server("127.0.0.1", 0, api.create_app(), threaded=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # Warm the engine up, so the first test's check is not also the engine's build.
    urllib.request.urlopen(urllib.request.Request(
        f"http://127.0.0.1:{server.server_port}/v1/check", data=json.dumps({"text": ERROR}).encode(),
        headers={"Content-Type": "application/json"}), timeout=120).read()
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


def open_page(browser: Any, base_url: str, width: str = "desktop") -> tuple[Page, list[str]]:
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="en-GB",
                                  device_scale_factor=1, has_touch=width == "phone")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda req: None if req.url.startswith(base_url) else errors.append(f"external: {req.url}"))
    pg.goto(base_url + "/")
    expect(pg.locator(".doc-text")).to_have_count(1)
    return pg, errors


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Page]:
    pg, errors = open_page(browser, base_url)
    yield pg
    pg.context.close()
    assert errors == []


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Page]:
    pg, errors = open_page(browser, base_url, "phone")
    yield pg
    pg.context.close()
    assert errors == []


def marks(page: Page, doc: int = 0) -> Locator:
    return page.locator(".doc").nth(doc).locator(".highlights mark")


def click_mark(page: Page, mark: Locator) -> None:
    """Click the words a mark highlights: the click lands in the textarea above it."""
    box = mark.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def shot(page: Page, name: str, full_page: bool = True) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 5_000
    return path


def type_and_wait(page: Page, text: str, count: int, doc: int = 0) -> None:
    page.locator(".doc-text").nth(doc).fill(text)  # checked when typing pauses
    expect(marks(page, doc)).to_have_count(count)


# -- highlights in the text being edited ------------------------------------------------------------


def test_highlights_sit_on_the_words_in_the_editor(page: Page) -> None:
    type_and_wait(page, ERROR, 2)
    assert marks(page).all_text_contents() == ["1,500 troops", "15,000 troops"]
    expect(marks(page).first).to_have_class("sev-error")
    area = page.locator(".doc-text").first.bounding_box()
    for m in marks(page).all():
        b = m.bounding_box()
        assert b is not None and area is not None
        assert area["x"] <= b["x"] and b["x"] + b["width"] <= area["x"] + area["width"]
        assert area["y"] <= b["y"] and b["y"] + b["height"] <= area["y"] + area["height"]
    expect(page.locator("#findings li")).to_have_count(1)
    expect(page.locator("#status")).to_have_text("1 finding in 1 document.")


def test_highlights_follow_edits_at_once_and_recheck_when_typing_pauses(page: Page) -> None:
    type_and_wait(page, ERROR, 2)
    page.locator("#auto").uncheck()  # hold the re-check so the shift itself is observed
    area = page.locator(".doc-text").first
    area.focus()
    page.keyboard.press("Control+Home")
    page.keyboard.type("KYIV — ")
    expect(marks(page)).to_have_count(2)
    starts = [ERROR.index("1,500 troops") + 7, ERROR.index("15,000 troops") + 7]
    assert [m.get_attribute("data-start") for m in marks(page).all()] == [str(x) for x in starts]
    assert marks(page).all_text_contents() == ["1,500 troops", "15,000 troops"]
    # An edit inside a quoted claim drops that finding until the next check.
    page.evaluate(f"() => document.querySelector('.doc-text').setSelectionRange({starts[0]}, {starts[0] + 1})")
    page.keyboard.type("2")
    expect(marks(page)).to_have_count(0)
    page.locator("#auto").check()
    area.press("End")
    area.type(" ")
    expect(marks(page)).to_have_count(2)
    assert marks(page).all_text_contents() == ["2,500 troops", "15,000 troops"]


def test_findings_are_ordered_by_severity_and_shown_by_shape_and_word(page: Page) -> None:
    type_and_wait(page, f"{INFO}\n\n{WARNING}\n\n{ERROR}", 6)
    items = page.locator("#findings .finding .badge")
    expect(items).to_have_count(3)
    assert [t.strip() for t in items.all_text_contents()] == ["■ Error", "▲ Warning", "● Note"]
    styles = page.evaluate("""() => [...document.querySelectorAll('.highlights mark')].map(
        m => [m.className, getComputedStyle(m).borderBottomStyle])""")
    assert {c: s for c, s in styles} == {"sev-info": "dotted", "sev-warning": "dashed", "sev-error": "solid"}


# -- the card -------------------------------------------------------------------------------------------


def test_clicking_a_highlight_opens_a_card_at_the_words(page: Page) -> None:
    type_and_wait(page, ERROR, 2)
    click_mark(page, marks(page).first)
    card = page.locator(".card")
    expect(card).to_be_visible()
    expect(card.locator(".title")).to_have_text("Quantity mismatch")
    expect(card.locator(".badge")).to_contain_text("Error")
    expect(card.locator(".sentence")).to_contain_text("off by a factor of 10")
    expect(card.locator(".quotes dt")).to_have_text(["Here", "Also"])
    expect(card.locator(".quotes .quote")).to_have_text(["“1,500 troops”", "“15,000 troops”"])
    expect(card.locator(".actions button")).to_have_text(["Ignore this finding", "Ignore rule QTY001"])
    expect(card.locator("details .raw")).to_be_hidden()  # raw evidence stays behind the toggle
    card.locator("details summary").click()
    expect(card.locator("details .raw")).to_contain_text("fingerprint".capitalize())
    mark = marks(page).first.bounding_box()
    box = card.bounding_box()
    assert mark is not None and box is not None
    assert 0 <= box["y"] - (mark["y"] + mark["height"]) <= 20, (mark, box)
    assert box["x"] <= mark["x"] + mark["width"] and mark["x"] <= box["x"] + box["width"]
    click_mark(page, marks(page).nth(1))  # the other claim: the card follows, and says which is here
    expect(card.locator(".quotes dt")).to_have_text(["Also", "Here"])
    second, box = marks(page).nth(1).bounding_box(), card.bounding_box()
    assert second is not None and box is not None
    assert 0 <= box["y"] - (second["y"] + second["height"]) <= 20


def test_values_are_shown_in_the_readers_units(page: Page) -> None:
    type_and_wait(page, "The brigade holds a 200-kilometre front. Commanders say the 200-mile front is stretched thin.", 2)
    click_mark(page, marks(page).first)
    values = page.locator(".card .value")
    expect(values).to_have_text([" = about 200 km (124 mi)", " = about 322 km (200 mi)"])
    page.locator("#units").select_option("us")
    expect(page.locator(".card .value")).to_have_text([" = about 124 mi (200 km)", " = about 200 mi (322 km)"])
    for part in (".sentence", ".quotes"):  # raw internals only behind "Details"
        expect(page.locator(f".card {part}")).not_to_contain_text("[length]")
        expect(page.locator(f".card {part}")).not_to_contain_text("305775")


def test_ignore_a_finding_or_a_rule_and_restore_it(page: Page) -> None:
    type_and_wait(page, f"{ERROR}\n\n{WARNING}", 4)
    click_mark(page, marks(page).first)
    page.locator(".card").get_by_role("button", name="Ignore this finding").click()
    expect(page.locator(".card")).to_have_count(0)
    expect(page.locator("#findings li")).to_have_count(1)
    expect(marks(page)).to_have_count(2)
    expect(page.locator("#ignored li")).to_have_count(1)
    click_mark(page, marks(page).first)
    page.locator(".card").get_by_role("button", name="Ignore rule QTY001").click()
    expect(page.locator("#findings li")).to_have_count(0)
    expect(page.locator("#ignored li")).to_have_count(2)
    expect(page.locator("#ignored li").first).to_contain_text("Rule QTY001 (quantity-mismatch)")
    page.locator("#ignored li").first.get_by_role("button", name="Restore").click()
    expect(page.locator("#findings li")).to_have_count(1)


def test_replace_with_the_suggested_form(page: Page) -> None:
    """A finding that carries a suggestion offers it; the edit goes through the textarea."""
    type_and_wait(page, "Officials in Kiev said the strike hit a power plant. Kyiv residents lost power.", 2)
    click_mark(page, marks(page).first)
    replace = page.locator(".card").get_by_role("button", name="Replace “Kiev” with “Kyiv”")
    expect(replace).to_be_visible()
    replace.click()
    expect(page.locator(".doc-text").first).to_have_value(
        "Officials in Kyiv said the strike hit a power plant. Kyiv residents lost power.")
    expect(marks(page)).to_have_count(0)
    expect(page.locator("#status")).to_have_text("No problems found in 1 document.")


@pytest.mark.parametrize("where", ["claim", "finding"])
def test_a_replacement_key_in_the_finding_is_offered(page: Page, where: str) -> None:
    """`replacement` on a claim, or on the finding for its `primary` claim."""
    text = "Oleksandr Syrskyi said the line held. Later, Syrsky visited."
    claims: list[dict[str, Any]] = [
        {"document": "story", "start": 10, "end": 17, "text": "Syrskyi", "line": 1, "column": 11},
        {"document": "story", "start": 45, "end": 51, "text": "Syrsky", "line": 1, "column": 46}]
    finding: dict[str, Any] = {"rule": "ENT001", "name": "name-spelled-two-ways", "family": "entity-spelling",
                               "severity": "warning", "status": "inconsistent", "message": "two spellings",
                               "evidence": {}, "fingerprint": "f1", "claims": claims}
    if where == "claim":
        claims[1]["replacement"] = "Syrskyi"
    else:
        finding.update(primary=1, replacement="Syrskyi")
    mock(page, {"conflicts": [finding], "errors": []})
    type_and_wait(page, text, 2)
    click_mark(page, marks(page).first)  # from either claim, the one offer is to change the other
    expect(page.locator(".card .actions button")).to_have_text(
        ["Replace “Syrsky” with “Syrskyi”", "Ignore this finding", "Ignore rule ENT001"])
    expect(page.locator("#findings .finding-where")).to_have_text("story, line 1")
    click_mark(page, marks(page).nth(1))
    expect(page.locator(".card .quotes dt")).to_have_text(["Also", "Here"])
    page.locator(".card").get_by_role("button", name="Replace “Syrsky” with “Syrskyi”").click()
    expect(page.locator(".doc-text").first).to_have_value(text.replace("Syrsky ", "Syrskyi "))


# -- keyboard -------------------------------------------------------------------------------------------


def test_everything_is_reachable_by_keyboard(page: Page) -> None:
    type_and_wait(page, f"{ERROR}\n\n{WARNING}", 4)
    page.locator(".doc-text").first.focus()
    for _ in range(6):  # Published date, Remove, ... out of the editor to the findings
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('finding')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('finding')")
    page.keyboard.press("Enter")
    card = page.locator(".card")
    expect(card).to_be_visible()
    assert page.evaluate("document.activeElement.classList.contains('title')")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") in ("“15,000 troops”", "Ignore this finding")
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    assert page.evaluate("document.activeElement.classList.contains('finding')")
    page.keyboard.press("F8")
    expect(page.locator(".card .title")).to_have_text("Quantity mismatch")
    selected = page.evaluate("(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, "
                             "t.selectionEnd); })()")
    assert selected == "1,500 troops"
    page.keyboard.press("F8")
    expect(page.locator(".card .badge")).to_contain_text("Warning")
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)


# -- documents that were not checked -----------------------------------------------------------------


def test_a_rejected_document_gets_a_notice_and_the_others_are_checked(page: Page) -> None:
    page.locator(".doc-text").first.fill(ERROR)
    page.click("#add")
    page.locator(".doc-id").nth(1).fill("story")  # the same name twice: the second is not checked
    page.locator(".doc-text").nth(1).fill("Nothing to see here.")
    page.click("#run")
    expect(marks(page)).to_have_count(2)
    notice = page.locator(".doc").nth(1).locator(".notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Not checked.")
    expect(notice).to_contain_text("name:")
    expect(page.locator(".doc").nth(0).locator(".notice")).to_be_hidden()
    expect(page.locator("#status")).to_have_text(
        "1 finding in 1 document. 1 document was not checked: see the note on it.")


def test_nothing_checkable_says_why_on_each_document(page: Page) -> None:
    page.locator(".doc-id").first.fill("")
    page.locator(".doc-text").first.fill("Some text.")
    page.click("#run")
    expect(page.locator(".doc .notice")).to_contain_text("name:")
    expect(page.locator("#status")).to_contain_text("Nothing was checked")
    expect(page.locator("#status")).not_to_contain_text("No problems")


def test_the_sample_loads_a_draft_and_the_wire(page: Page) -> None:
    page.click("#sample")
    expect(page.locator(".doc")).to_have_count(2)
    expect(page.locator(".doc-id").nth(0)).to_have_value("draft")
    expect(page.locator(".doc-id").nth(1)).to_have_value("wire")
    expect(page.locator(".doc-published").nth(0)).to_have_value("2024-08-14")
    expect(page.locator("#findings li").first).to_be_visible()
    assert page.locator("#findings li").count() >= 2


# -- nothing user-supplied runs ------------------------------------------------------------------------

PAYLOADS = ["<script>window.pwned = 1</script>", "<img src=x onerror='window.pwned = 2'>",
            "\"><svg onload='window.pwned = 3'>", "javascript:window.pwned = 4"]


def mock(page: Page, body: dict[str, Any]) -> None:
    body = {"version": "x", "offsets": "unicode code points", "stats": {}, **body}
    page.route("**/v1/check", lambda route: route.fulfill(status=200, content_type="application/json",
                                                          body=json.dumps(body)))


def test_markup_in_documents_ids_and_messages_is_shown_as_text(page: Page) -> None:
    evil = " ".join(PAYLOADS)
    text = f"{evil} {ERROR}"
    start = len(evil) + 1 + ERROR.index("1,500 troops")
    claims = [{"document": evil, "start": start, "end": start + 12, "text": "1,500 troops", "line": 1, "column": 1,
               "kind": "measure", "normalized": evil, "unit": evil, "interval": [evil, evil], "replacement": evil},
              {"document": evil, "start": 0, "end": len(PAYLOADS[0]), "text": PAYLOADS[0], "kind": evil,
               "normalized": evil}]
    finding = {"rule": evil, "name": evil, "family": evil, "severity": "error", "status": evil, "message": evil,
               "evidence": {evil: evil, "cause": evil, "preferred": evil, "variants": [evil]}, "fingerprint": evil,
               "claims": claims}
    mock(page, {"conflicts": [finding], "errors": [{"document": 1, "field": evil, "message": evil}]})
    page.locator(".doc-id").first.fill(evil)
    page.locator(".doc-text").first.fill(text)
    page.click("#add")
    page.locator(".doc-id").nth(1).fill(evil)
    page.locator(".doc-text").nth(1).fill(evil)
    page.click("#run")
    expect(marks(page)).to_have_count(2)
    click_mark(page, marks(page).nth(1))
    expect(page.locator(".card")).to_be_visible()
    page.locator(".card details summary").click()
    expect(page.locator(".card .raw")).to_contain_text(PAYLOADS[1])
    expect(page.locator(".doc").nth(1).locator(".notice")).to_contain_text(PAYLOADS[0])
    expect(page.locator("#findings")).to_contain_text(PAYLOADS[2])
    assert page.locator("body script, body img, body svg, body iframe").count() == 0
    assert page.evaluate("window.pwned") is None
    page.locator(".card .actions button").first.click()  # the "replacement" is inserted as text
    expect(page.locator(".doc-text").first).not_to_have_value(text)
    assert page.locator(".doc-text").first.input_value().count(PAYLOADS[0]) == 2
    assert page.evaluate("window.pwned") is None


# -- screenshots at desktop and phone widths --------------------------------------------------------


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_screenshots_before_after_card_and_rejected(browser: Any, base_url: str, width: str) -> None:
    pg, errors = open_page(browser, base_url, width)
    try:
        shot(pg, f"{width}-1-before-check")
        pg.click("#sample")
        expect(pg.locator("#findings li").first).to_be_visible()
        pg.evaluate("document.activeElement.blur()")
        shot(pg, f"{width}-2-after-check")
        first = marks(pg).first
        first.scroll_into_view_if_needed()
        click_mark(pg, first)
        card = pg.locator(".card")
        expect(card).to_be_visible()
        # The card is next to the word and inside the screen, at either width.
        b, m = card.bounding_box(), first.bounding_box()
        assert b is not None and m is not None
        assert b["x"] >= 0 and b["x"] + b["width"] <= WIDTHS[width][0]
        assert 0 <= b["y"] - (m["y"] + m["height"]) <= 20
        shot(pg, f"{width}-3-card-open", full_page=False)  # what the screen shows: the word and its card
        pg.keyboard.press("Escape")
        pg.locator(".doc-id").nth(1).fill("draft")  # a duplicate name: that document is not checked
        pg.click("#run")
        expect(pg.locator(".doc").nth(1).locator(".notice")).to_be_visible()
        pg.locator(".doc").nth(1).scroll_into_view_if_needed()
        shot(pg, f"{width}-4-rejected-document")
        assert pg.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]  # no sideways scrolling
    finally:
        pg.context.close()
    assert errors == []
