"""`checker check`: inputs, thresholds and exit codes, configuration, baselines."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from checker.cli import main

QTY = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk.\n"
ARI = "Nine people died, among them four police officers and six civilians.\n"
WARNING = "Russia moved 1,500 drones to Kursk, officials said. The 15,000 drones arrived in Kursk.\n"
INFO = ("Russia moved 1,500 tanks to Kursk, Ukrainian officials said. "
        "Russia's defence ministry said 15,000 tanks arrived in Kursk.\n")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration is discovered from the repository
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def write(name: str, text: str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return name


SUMMARY = re.compile(r"^(Found \d+ problems? \(.*\) in \d+ files?|All checks passed \(\d+ files? checked\))"
                     r"(; \d+ files? could not be checked)?\.$")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout without its summary line (text format), stderr."""
    code = main(["check", *args])
    out, err = capsys.readouterr()
    *lines, last = out.splitlines() or [""]
    if SUMMARY.match(last):
        out = "".join(line + "\n" for line in lines)
    return code, out, err


@pytest.mark.parametrize(
    ("text", "fail_on", "expected"),
    [
        (QTY, "error", 1), (QTY, "warning", 1), (QTY, "info", 1), (QTY, "never", 0),
        (WARNING, "error", 0), (WARNING, "warning", 1), (WARNING, "info", 1), (WARNING, "never", 0),
        (INFO, "error", 0), (INFO, "warning", 0), (INFO, "info", 1), (INFO, "never", 0),
        ("Nothing to see.\n", "info", 0),
    ],
)
def test_exit_code_follows_fail_on(text: str, fail_on: str, expected: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([write("a.md", text), "--fail-on", fail_on], capsys)
    assert code == expected
    assert (out != "") == (text != "Nothing to see.\n")


def test_default_fail_on_is_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([write("a.md", WARNING)], capsys)[0] == 0
    assert run([write("b.md", QTY)], capsys)[0] == 1


def test_min_severity_only_decides_what_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([write("a.md", WARNING), "--min-severity", "error", "--fail-on", "warning"], capsys)
    assert (code, out) == (1, "")
    assert "below --min-severity error" in err
    code, out, _ = run([write("b.md", WARNING + "\n" + INFO), "--min-severity", "warning", "--fail-on", "never"], capsys)
    assert code == 0
    assert [line.split()[1] for line in out.splitlines()] == ["warning"]


def test_text_positions_point_into_the_raw_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    raw = "---\ndate: 2024-08-14\n---\n# Kursk &amp; more\n\n> Russia moved **1,500 troops** to Kursk.\n\nThe 15,000 troops arrived in Kursk.\n"
    _, out, _ = run([write("a.md", raw)], capsys)
    assert out.startswith("a.md:6:18: error QTY001 '1,500 troops'")
    assert out.rstrip().endswith("[other claim at a.md:8:5]")


def test_stdin_with_ext(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    raw = "```\n" + ARI + "```\n\n" + QTY
    for ext, rules in (("md", ["QTY001"]), ("txt", ["ARI001", "QTY001"])):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode("utf-8"))))
        code, out, _ = run(["-", "--ext", ext], capsys)
        assert code == 1
        assert [line.split()[2] for line in out.splitlines()] == rules
        assert all(line.startswith("-:") for line in out.splitlines())


def test_each_file_alone_unless_together(capsys: pytest.CaptureFixture[str]) -> None:
    draft = write("draft.md", "Russia moved 1,500 troops to Kursk.\n")
    wire = write("wire.txt", "The 15,000 troops arrived in Kursk.\n")
    assert run([draft, wire, "--fail-on", "info"], capsys)[:2] == (0, "")
    code, out, _ = run([draft, wire, "--together", "--fail-on", "info"], capsys)
    assert code == 1
    assert re.match(r"draft\.md:1:14: (error|warning) QTY001", out)
    assert out.rstrip().endswith("[other claim at wire.txt:1:5]")


def test_folders_are_expanded_to_markdown_and_text_files(capsys: pytest.CaptureFixture[str]) -> None:
    write("drafts/a.md", QTY)
    write("drafts/sub/b.markdown", ARI)
    write("drafts/c.txt", QTY)
    write("drafts/d.html", QTY)
    write("drafts/.hidden/e.md", QTY)
    write("drafts/node_modules/f.md", QTY)
    _, out, _ = run(["drafts"], capsys)
    assert [line.split(":")[0] for line in out.splitlines()] == ["drafts/a.md", "drafts/c.txt", "drafts/sub/b.markdown"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda: "missing.md", "missing.md: no such file"),
        (lambda: Path("bad.md").write_bytes(b"caf\xe9 1,500\n") and "bad.md", "bad.md: not UTF-8 text"),
        (lambda: write("fm.md", "---\ndate: [x\n---\nText.\n"), "fm.md: line"),
        (lambda: write("date.md", "---\ndate: tomorrow\n---\nText.\n"), "date.md: published: 'tomorrow'"),
        (lambda: write("dir.md", "<!-- checker: nope -->\n" + QTY), "dir.md: line 1: unknown directive"),
    ],
)
def test_input_errors_exit_2(setup: object, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = setup()  # type: ignore[operator]
    code, out, err = run([path], capsys)
    assert (code, out) == (2, "")
    assert message in err


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("select = ['XYZ']\n", "'XYZ' matches no rule code"),
        ("fail_on = 'sometimes'\n", "fail_on"),
        ("[per_file.'drafts/*.md']\nseverity_level = 'x'\n", "unknown key 'severity_level'"),
        ("[per_file.'drafts/*.md']\nignore = ['NOPE']\n", "matches no rule code"),
        ("select = [\n", ".checker.toml"),
    ],
)
def test_bad_configuration_exits_2_naming_the_key(config: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    write(".checker.toml", config)
    code, _, err = run([write("a.md", QTY)], capsys)
    assert code == 2
    assert message in err


def test_missing_config_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([write("a.md", QTY), "--config", "nope.toml"], capsys)
    assert code == 2 and "nope.toml" in err


def test_pyproject_section_with_per_file_settings(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", "[tool.checker]\nfail_on = 'warning'\nformat = 'json'\n\n"
          "[tool.checker.per_file.'drafts/*.md']\nignore = ['QTY']\n\n"
          "[tool.checker.per_file.'*.txt']\nseverity = { QTY001 = 'info' }\n")
    write("drafts/a.md", QTY + "\n" + ARI)
    write("notes.txt", QTY)
    write("b.md", QTY)
    code, out, _ = run(["drafts/a.md", "notes.txt", "b.md"], capsys)
    assert code == 1
    found = {(c["claims"][0]["document"], c["rule"], c["severity"])
             for r in json.loads(out)["reports"] for c in r["conflicts"]}
    assert found == {("drafts/a.md", "ARI001", "error"), ("notes.txt", "QTY001", "info"), ("b.md", "QTY001", "error")}


def test_command_line_overrides_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    write(".checker.toml", "format = 'json'\nselect = ['ARI']\n")
    code, out, _ = run([write("a.md", QTY + "\n" + ARI), "--format", "text", "--select", "QTY"], capsys)
    assert code == 1
    assert [line.split()[2] for line in out.splitlines()] == ["QTY001"]


def test_write_baseline_then_only_new_findings(capsys: pytest.CaptureFixture[str]) -> None:
    draft = write("a.md", "# Draft\n\n" + QTY)
    code, out, err = run([draft, "--write-baseline", "baseline.json"], capsys)
    assert (code, out) == (0, "") and "wrote 1 finding" in err
    write("a.md", "# Draft\n\nA new paragraph.\n\nAnother\none.\n\n" + QTY + "\n" + ARI)
    code, out, _ = run([draft, "--baseline", "baseline.json"], capsys)
    assert code == 1
    assert [line.split()[2] for line in out.splitlines()] == ["ARI001"]
    write("a.md", "# Draft\n\n" + QTY)
    assert run([draft, "--baseline", "baseline.json"], capsys)[:2] == (0, "")


def test_missing_baseline_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([write("a.md", QTY), "--baseline", "nope.json"], capsys)
    assert code == 2 and "nope.json" in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([write("a.md", QTY), "--format", "xml"], capsys)[0] == 2


# -- what a person sees: summary, colour, partial failure -------------------------------------


def test_summary_counts_problems_by_severity_and_files(capsys: pytest.CaptureFixture[str]) -> None:
    a, b, c = write("a.md", QTY + "\n" + WARNING), write("b.md", QTY), write("c.md", "Nothing to see.\n")
    code, out, _ = run([a, b, c, "-q"], capsys)
    assert code == 1 and "Found" not in out
    main(["check", a, b, c])
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "Found 3 problems (2 errors, 1 warning) in 2 files."


def test_a_clean_run_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", write("a.md", "Nothing to see.\n"), write("b.txt", "Nor here.\n")]) == 0
    assert capsys.readouterr().out == "All checks passed (2 files checked).\n"


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_machine_formats_keep_the_summary_off_stdout(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", write("a.md", QTY), "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 1 and "Found 1 problem (1 error) in 1 file." in err and "Found" not in out


def test_colour_only_when_asked_or_on_a_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("a.md", QTY)
    main(["check", path])  # captured output is not a terminal
    assert "\x1b[" not in capsys.readouterr().out
    main(["check", path, "--color", "always"])
    out = capsys.readouterr().out
    assert "\x1b[1;31merror\x1b[0m" in out and "\x1b[1;31mFound 1 problem\x1b[0m" in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["check", path])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")  # wins over FORCE_COLOR
    main(["check", path])
    assert "\x1b[" not in capsys.readouterr().out
    main(["check", path, "--color", "always", "--format", "json"])  # never in machine formats
    assert "\x1b[" not in capsys.readouterr().out


def test_terminal_detection_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.formats.terminal import colour_enabled

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert colour_enabled(Tty()) and not colour_enabled(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_enabled(Tty()) and colour_enabled(Tty(), "always")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda: "missing.md", "missing.md: error: no such file or folder"),
        (lambda: Path("bad.md").write_bytes(b"caf\xe9 1,500\n") and "bad.md", "bad.md: error: not UTF-8 text"),
        (lambda: write("fm.md", "---\ndate: [x\n---\nText.\n"), "fm.md: error: "),
        (lambda: write("date.md", "---\ndate: tomorrow\n---\nText.\n"), "date.md: error: published: 'tomorrow'"),
        (lambda: write("dir.md", "<!-- checker: nope -->\n" + QTY), "dir.md: error: line 1: unknown directive"),
    ],
)
@pytest.mark.parametrize("together", [False, True])
def test_one_bad_file_is_one_error_line_and_the_others_are_checked(
    setup: object, message: str, together: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = setup()  # type: ignore[operator]
    good = [write("good.md", QTY), write("zz.txt", "Nothing to see.\n")]
    code, out, _ = run([bad, *good, *(["--together"] if together else [])], capsys)
    lines = out.splitlines()
    assert code == 1
    assert [line for line in lines if line.startswith(bad)] == [next(x for x in lines if message in x)]
    assert any(line.startswith("good.md:1:14: error QTY001") for line in lines)
    main(["check", bad, *good])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Found 1 problem (1 error) in 1 file; 1 file could not be checked.")


def test_an_unchecked_file_fails_unless_fail_on_never(capsys: pytest.CaptureFixture[str]) -> None:
    Path("bad.md").write_bytes(b"\xff\xfe")
    clean = write("clean.md", "Nothing to see.\n")
    assert run(["bad.md", clean], capsys)[0] == 1
    code, out, _ = run(["bad.md", clean, "--fail-on", "never"], capsys)
    assert code == 0 and "bad.md: error: not UTF-8 text" in out
    main(["check", "bad.md", clean])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "All checks passed (1 file checked); 1 file could not be checked.")


def test_nothing_checkable_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    Path("bad.md").write_bytes(b"\xff\xfe")
    code, out, err = run(["bad.md", "missing.txt"], capsys)
    assert (code, out) == (2, "")
    assert "bad.md: not UTF-8 text" in err and "missing.txt: no such file" in err
    assert "no file could be checked" in err


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_every_format_names_the_unchecked_file(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path("bad.md").write_bytes(b"\xff")
    code = main(["check", "bad.md", write("good.md", QTY), "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 1
    if fmt == "json":
        body = json.loads(out)
        assert body["errors"] == [{"path": "bad.md", "message": "not UTF-8 text (invalid start byte at byte 0)"}]
        assert [r["paths"] for r in body["reports"]] == [["good.md"]]
        assert body["summary"]["files_not_checked"] == 1
    elif fmt == "sarif":
        invocation = json.loads(out)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        note = invocation["toolExecutionNotifications"][0]
        assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.md"
    elif fmt == "junit":
        assert '<error type="input" message="not UTF-8 text' in out and 'errors="1"' in out
    else:
        assert out.startswith("::error file=bad.md,title=not checked::bad.md: not UTF-8 text")
    assert "1 file could not be checked" in err


def test_json_reports_name_their_paths(capsys: pytest.CaptureFixture[str]) -> None:
    draft, wire = write("draft.md", "Russia moved 1,500 troops to Kursk.\n"), write("wire.txt", QTY)
    main(["check", draft, wire, "--format", "json"])
    assert [r["paths"] for r in json.loads(capsys.readouterr().out)["reports"]] == [["draft.md"], ["wire.txt"]]
    main(["check", draft, wire, "--format", "json", "--together"])
    assert [r["paths"] for r in json.loads(capsys.readouterr().out)["reports"]] == [["draft.md", "wire.txt"]]


def test_no_paths_means_the_current_folder(capsys: pytest.CaptureFixture[str]) -> None:
    write("drafts/a.md", QTY)
    code, out, _ = run([], capsys)
    assert code == 1 and out.startswith("drafts/a.md:1:14: error QTY001")


# -- rules and explain ----------------------------------------------------------------------------


def test_explain_accepts_codes_names_prefixes_and_families(capsys: pytest.CaptureFixture[str]) -> None:
    def heads(*queries: str) -> list[str]:
        assert main(["explain", *queries]) == 0
        return re.findall(r"^([A-Z]{3}\d{3}) ", capsys.readouterr().out, re.M)

    assert heads("QTY001") == ["QTY001"]
    assert heads("qty001") == ["QTY001"]
    assert heads("slipped-figure") == ["QTY002"]
    assert heads("QTY") == ["QTY001", "QTY002", "QTY003", "QTY004"]
    assert heads("entity-spelling") == ["ENT001", "ENT003"]
    assert heads("QTY002", "QTY") == ["QTY002", "QTY001", "QTY003", "QTY004"]  # in the order asked, once each


def test_explain_shows_each_examples_document_id_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    from checker.rules import all_rules

    rule = next(r for r in all_rules() if any(e.as_documents()[0].get("published") for e in r.flags))
    example = next(e.as_documents()[0] for e in rule.flags if e.as_documents()[0].get("published"))
    main(["explain", rule.code])
    out = capsys.readouterr().out
    assert f"[{example['id']}, published {example['published']}] {example['text']}" in out


def test_explain_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "NOPE"]) == 2
    assert "no rule has the code, prefix, name or family 'NOPE'" in capsys.readouterr().err
