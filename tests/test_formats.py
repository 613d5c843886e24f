"""Every output format: golden files on the Markdown drafts in tests/drafts, the SARIF
schema, GitHub's escaping and annotation cap, JUnit's failure rules.

Rewrite the golden files with `UPDATE_GOLDEN=1 pytest tests/test_formats.py`.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.cli import check_sources, main
from checker.config import settings_from
from checker.formats import render
from checker.formats.github import escape_data, escape_property

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
DRAFTS = sorted(p.relative_to(TESTS).as_posix() for p in (TESTS / "drafts").glob("*.md"))
CASES = {"text": "drafts.txt", "json": "drafts.json", "sarif": "drafts.sarif", "github": "drafts.github",
         "junit": "drafts.junit.xml"}


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs: run with UPDATE_GOLDEN=1 and review the diff"


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_golden(fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(TESTS)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, err = run_cli(["check", *DRAFTS, "--config", "golden/checker.toml", "--format", fmt], capsys)
    assert code == 1, err
    check_golden(CASES[fmt], out)
    if fmt == "github":
        check_golden("drafts.github-summary.md", summary.read_text(encoding="utf-8"))
    # The same input always gives byte-identical output.
    assert run_cli(["check", *reversed(DRAFTS), "--config", "golden/checker.toml", "--format", fmt], capsys)[1] == out


def test_sarif_is_valid_against_the_schema(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS)
    _, out, _ = run_cli(["check", *DRAFTS, "--config", "golden/checker.toml", "--format", "sarif"], capsys)
    log = json.loads(out)
    schema = json.loads((TESTS / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"QTY001", "ARI001"}
    assert all(r["fullDescription"]["text"] and r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}
    for r in run["results"]:
        assert r["partialFingerprints"]["checker/v1"]
        assert r["relatedLocations"]
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    keys = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"]) for r in run["results"]]
    assert keys == sorted(keys)


def test_sarif_region_points_at_the_raw_claim(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS)
    _, out, _ = run_cli(["check", "drafts/kursk.md", "--config", "golden/checker.toml", "--format", "sarif"], capsys)
    raw = (TESTS / "drafts" / "kursk.md").read_text(encoding="utf-8")
    for result in json.loads(out)["runs"][0]["results"]:
        for loc in [*result["locations"], *result["relatedLocations"]]:
            region = loc["physicalLocation"]["region"]
            text = raw[region["charOffset"] : region["charOffset"] + region["charLength"]]
            assert text == region["snippet"]["text"]
            line = raw.split("\n")[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 :].startswith(text)


def test_github_escaping() -> None:
    assert escape_data("50% up\r\nnext") == "50%25 up%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def many_findings() -> str:
    nouns = ["troops", "tanks", "drones", "missiles", "shells", "jets", "ships", "helicopters", "trucks", "refugees",
             "prisoners", "mines", "rockets"]
    return "\n\n".join(f"The army moved {1500 + i} {n} to the border. Later the {15000 + 10 * i} {n} were seen there."
                       for i, n in enumerate(nouns)) + "\n"


def test_github_shows_at_most_ten_per_severity_and_the_rest_in_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    reports = check_sources([("many.md", many_findings(), "md")], settings_from({}))
    found = reports[0].conflicts
    per = {sev: sum(1 for c in found if str(c.severity) == sev) for sev in ("error", "warning", "info")}
    assert per["error"] > 10
    out = render(reports, "github")
    kinds = {"error": "::error ", "warning": "::warning ", "info": "::notice "}
    for sev, prefix in kinds.items():
        assert sum(1 for line in out.splitlines() if line.startswith(prefix)) == min(per[sev], 10)
    rest = sum(max(0, n - 10) for n in per.values())
    assert f"{rest} more finding{'s' if rest != 1 else ''} not shown as annotations" in out
    table = summary.read_text(encoding="utf-8")
    assert f"{len(found)} findings; {rest} not shown as annotations" in table
    assert table.count("| error |") == per["error"]


def test_github_puts_the_most_severe_first(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    _, out, _ = run_cli(["check", "drafts/sumy.md", "--config", "golden/checker.toml", "--format", "github"], capsys)
    kinds = [line.split(" ", 1)[0] for line in out.splitlines()]
    assert kinds == ["::error", "::warning", "::notice"]


@pytest.mark.parametrize(("fail_on", "failures"), [("error", 1), ("warning", 2), ("info", 2), ("never", 1)])
def test_junit_failures_follow_fail_on(
    fail_on: str, failures: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(TESTS)
    args = ["check", "drafts/sumy.md", "drafts/clean.md", "--config", "golden/checker.toml", "--format", "junit"]
    _, out, _ = run_cli([*args, "--fail-on", fail_on], capsys)
    root = ET.fromstring(out)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"drafts/sumy.md", "drafts/clean.md"}
    # A clean file is one passing test case, so CI reads it as a passed test.
    clean = suites["drafts/clean.md"].findall("testcase")
    assert [(c.get("name"), list(c)) for c in clean] == [("no findings", [])]
    assert suites["drafts/clean.md"].get("tests") == "1" and suites["drafts/clean.md"].get("failures") == "0"
    assert len(root.findall(".//failure")) == failures
    assert len(root.findall(".//testcase")) == 4
    assert len(root.findall(".//system-out")) == 3 - failures
