"""`checker check`: inputs, thresholds and exit codes, configuration, baselines."""

from __future__ import annotations

import io
import json
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


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
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
    assert run([draft, wire], capsys)[:2] == (0, "")
    code, out, _ = run([draft, wire, "--together"], capsys)
    assert code == 1
    assert out.startswith("draft.md:1:14: error QTY001")
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
