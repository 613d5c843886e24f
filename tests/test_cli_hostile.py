"""Hostile files in CI: oversized inputs, file names that try to forge output, symlinks
out of the checked tree. Each is one file's problem; the run goes on."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.cli import main
from checker.formats.terminal import printable, safe_path

QTY = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk.\n"
# A name with a newline and a workflow command after it: printed raw, the second line
# would be read by GitHub as a `::warning` annotation the checker never made.
FORGED = "x\n::warning file=forged.md,line=1::forged\n.md"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_over_the_size_cap_is_an_error_and_the_rest_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    Path("big.txt").write_text("word " * 300_000, encoding="utf-8")  # 1.5 MB
    Path("a.md").write_text(QTY, encoding="utf-8")
    code, out, _ = run(["big.txt", "a.md"], capsys)
    assert code == 1
    assert "big.txt: error: larger than the limit of 1,048,576 bytes (--max-file-size)" in out
    assert "a.md:1:14: error QTY001" in out
    code, out, err = run(["a.md", "--max-file-size", "50"], capsys)
    assert (code, out) == (2, "")  # nothing could be checked
    assert "a.md: larger than the limit of 50 bytes" in err
    Path("small.txt").write_text("word " * 800, encoding="utf-8")  # 4,000 bytes
    assert run(["small.txt", "--max-file-size", "3k"], capsys)[0] == 2
    assert run(["small.txt", "--max-file-size", "4k", "-q"], capsys)[:2] == (0, "")
    assert run(["a.md", "--max-file-size", "lots"], capsys)[0] == 2


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_an_endless_device_costs_at_most_the_cap(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.md").write_text(QTY, encoding="utf-8")
    code, out, _ = run(["/dev/zero", "a.md", "--max-file-size", "64k"], capsys)
    assert code == 1
    assert "/dev/zero: error: larger than the limit of 65,536 bytes" in out


def test_printable_escapes_controls_separators_and_bidi() -> None:
    assert printable("a\nb\r\tc\x1b[31m\u2028\u202e") == "a\\nb\\r\\tc\\x1b[31m\\u2028\\u202e"
    assert printable("Kyiv – «Київ» 1,500") == "Kyiv – «Київ» 1,500"
    assert safe_path("::error::x.md") == "./::error::x.md"


def _forged_file() -> str:
    try:
        Path(FORGED).write_text(QTY, encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses newlines in file names")
    return FORGED


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_forge_a_workflow_command(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    name = _forged_file()
    code, out, err = run([name, "--format", fmt], capsys)
    assert code == 1
    for line in (out + err).splitlines():
        assert not line.lstrip().startswith("::warning"), line
        if line.startswith("::"):  # our own annotation: the file property is escaped
            assert line.startswith("::error file=x%0A%3A%3Awarning file=forged.md%2Cline=1%3A%3Aforged%0A.md,")
    assert "forged" in out


def test_a_file_name_is_escaped_in_many_github_log_lines(capsys: pytest.CaptureFixture[str]) -> None:
    name = _forged_file()
    Path(name).write_text("\n\n".join(f"The army moved {1500 + i} tanks{i} to the border. Later the {15000 + 10 * i} "
                                      f"tanks{i} were seen there." for i in range(12)), encoding="utf-8")
    _, out, _ = run([name, "--format", "github"], capsys)
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert annotations
    for line in annotations:  # every one is ours, its file property escaped
        assert re.match(r"::(error|warning|notice) file=x%0A%3A%3Awarning file=forged\.md%2Cline=1%3A%3Aforged%0A\.md,",
                        line), line


def test_a_file_name_stays_one_value_in_sarif_junit_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    name = _forged_file()
    _, out, _ = run([name, "--format", "sarif"], capsys)
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "x%0A%3A%3Awarning%20file=forged.md,line=1%3A%3Aforged%0A.md"
    _, out, _ = run([name, "--format", "junit"], capsys)
    assert ET.fromstring(out).find("testsuite").get("name") == name  # XML escapes the newline in the attribute
    assert not any(line.startswith("::") for line in out.splitlines())
    _, out, _ = run([name, "--format", "json"], capsys)
    assert json.loads(out)["reports"][0]["paths"] == [name]


def test_an_unchecked_file_name_is_escaped_on_stderr_too(capsys: pytest.CaptureFixture[str]) -> None:
    name = "y\n::error::forged.md"
    try:
        Path(name).write_bytes(b"\xff")
    except OSError:
        pytest.skip("this file system refuses newlines in file names")
    Path("a.md").write_text(QTY, encoding="utf-8")
    _, out, err = run([name, "a.md", "--format", "json"], capsys)
    assert not any(line.startswith("::") for line in (out + err).splitlines())
    assert "y\\n::error::forged.md: error: not UTF-8 text" in err


def test_folders_are_not_followed_through_symlinks_out_of_the_tree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(QTY, encoding="utf-8")
    tree = Path("drafts")
    tree.mkdir()
    (tree / "a.md").write_text(QTY, encoding="utf-8")
    (tree / "sub").mkdir()
    (tree / "sub" / "b.md").write_text(QTY, encoding="utf-8")
    try:
        (tree / "escape").symlink_to(outside, target_is_directory=True)
        (tree / "secret.md").symlink_to(outside / "secret.md")
        (tree / "alias.md").symlink_to(Path("sub") / "b.md")  # inside the tree: read
        (tree / "loop").symlink_to(Path(".."), target_is_directory=True)
    except OSError:
        pytest.skip("no symlinks on this file system")
    _, out, _ = run(["drafts"], capsys)
    files = sorted({line.split(":")[0] for line in out.splitlines() if line.startswith("drafts")})
    assert files == ["drafts/a.md", "drafts/alias.md", "drafts/sub/b.md"]
    # Named on the command line, a symlink is read as given.
    _, out, _ = run(["drafts/secret.md"], capsys)
    assert out.startswith("drafts/secret.md:1:14: error QTY001")
