"""Hostile structured input in CI: configuration (TOML), baselines (JSON) and Markdown front
matter (YAML) come from pull requests. Each is refused with a clear error that names the file
(exit 2 from the CLI for configuration and baselines) instead of eating memory, reading
forever or overflowing the stack: YAML aliases are refused, every format's nesting is capped,
and files are read up to a size cap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import config as config_module
from checker import suppress
from checker.cli import main
from checker.config import ConfigError, _load
from checker.markdown import FRONT_MATTER_MAX_CHARS, MarkdownError, parse
from checker.nesting import MAX_DEPTH, too_deep
from checker.suppress import DirectiveError, load_baseline

BILLION_LAUGHS = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
Russia moved 1,500 troops to Kursk.
"""


# ---- front matter ----------------------------------------------------------------------------

def test_front_matter_aliases_are_refused() -> None:
    with pytest.raises(MarkdownError, match=r"line 3: front matter uses the YAML alias \*a; aliases are not allowed"):
        parse(BILLION_LAUGHS, "md")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_front_matter_is_refused(depth: int) -> None:
    raw = "---\ndate: 2024-08-14\nx: " + "[" * depth + "]" * depth + "\n---\nText.\n"
    if len(raw) > FRONT_MATTER_MAX_CHARS:
        with pytest.raises(MarkdownError, match="longer than 65536 characters"):
            parse(raw, "md")
    else:
        with pytest.raises(MarkdownError, match=f"line 3: front matter is nested more than {MAX_DEPTH} levels"):
            parse(raw, "md")


def test_front_matter_size_is_capped_but_ordinary_front_matter_reads() -> None:
    with pytest.raises(MarkdownError, match="line 2: front matter is longer than 65536 characters"):
        parse("---\n" + "tag: news\n" * 7000 + "---\nText.\n", "md")
    ordinary = "---\ntitle: Kursk\ndate: 2024-08-14\ntags: [war, ukraine]\nauthor: &me {name: A}\nnested: {a: {b: [1]}}\n---\nText.\n"
    assert parse(ordinary, "md").published == "2024-08-14"  # an anchor with no alias is harmless


def test_nesting_at_the_cap_is_accepted() -> None:
    raw = "---\ndate: 2024-08-14\nx: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n---\nText.\n"
    assert parse(raw, "md").published == "2024-08-14"
    assert not too_deep(json.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH))
    assert too_deep(json.loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)))


# ---- configuration ----------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 50_000])
def test_deep_configuration_is_a_config_error(tmp_path: Path, depth: int, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / ".checker.toml"
    config.write_text("x = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"nested more than {MAX_DEPTH} levels"):
        _load(config)
    draft = tmp_path / "draft.md"
    draft.write_text("Nothing to see.\n", encoding="utf-8")
    assert main(["check", str(draft), "--config", str(config)]) == 2
    assert f"nested more than {MAX_DEPTH} levels" in capsys.readouterr().err


def test_endless_or_huge_configuration_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="larger than 1048576 bytes"):
        _load(Path("/dev/zero"))
    monkeypatch.setattr(config_module, "CONFIG_MAX_BYTES", 100)
    config = tmp_path / ".checker.toml"
    config.write_text("# a comment\n" * 20 + 'select = ["QTY"]\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Nothing to see.\n", encoding="utf-8")
    assert main(["check", str(draft), "--config", str(config)]) == 2
    assert "larger than 100 bytes" in capsys.readouterr().err


# ---- baselines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_baseline_is_refused(tmp_path: Path, depth: int, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"checker_baseline": 1, "findings": [], "x": ' + "[" * depth + "]" * depth + "}",
                        encoding="utf-8")
    with pytest.raises(DirectiveError, match=f"nested more than {MAX_DEPTH} levels"):
        load_baseline(baseline)
    draft = tmp_path / "draft.md"
    draft.write_text("Nothing to see.\n", encoding="utf-8")
    assert main(["check", str(draft), "--baseline", str(baseline)]) == 2
    assert "not a checker baseline" in capsys.readouterr().err


def test_endless_or_huge_baseline_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DirectiveError, match="larger than"):
        load_baseline(Path("/dev/zero"))
    monkeypatch.setattr(suppress, "BASELINE_MAX_BYTES", 100)
    big = tmp_path / "baseline.json"
    big.write_text(json.dumps({"checker_baseline": 1, "findings": [{"fingerprint": "f" * 16}] * 10}), encoding="utf-8")
    with pytest.raises(DirectiveError, match="larger than 100 bytes"):
        load_baseline(big)
