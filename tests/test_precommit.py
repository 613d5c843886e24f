"""The pre-commit hooks in .pre-commit-hooks.yaml, run by pre-commit itself.

Each hook is copied into a local hook of a throwaway repository (`repo: local`, with
`language: system` so nothing is installed and the test stays offline); every other key
is kept as published, so pre-commit's own file passing, splitting and serial rules apply.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
if PRE_COMMIT is None or shutil.which("git") is None:
    pytest.skip("pre-commit or git is not installed (pip install -e '.[test]')", allow_module_level=True)

DRAFT = "Russia moved 1,500 troops to Kursk on Monday.\n"
WIRE = "Russia moved 15,000 troops to Kursk on Monday.\n"


def published_hooks() -> dict[str, dict[str, Any]]:
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def local_hook(hook: dict[str, Any], args: list[str]) -> dict[str, Any]:
    entry = hook["entry"].split()
    assert entry[0] == "checker"
    local = {**hook, "language": "system", "entry": " ".join([str(BIN / "checker"), *entry[1:]]), "args": args}
    local.pop("minimum_pre_commit_version", None)
    return local


def pre_commit(tmp_path: Path, hooks: list[dict[str, Any]], files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    return subprocess.run([PRE_COMMIT, "run", "--color", "never"], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_cross_file_hook_runs_once_over_all_files_and_finds_conflicts_between_them(tmp_path: Path) -> None:
    hook = published_hooks()["checker-together"]
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    files = {"drafts/draft.md": DRAFT, "drafts/wire.txt": WIRE, "drafts/other.md": "Markets were calm.\n"}
    result = pre_commit(tmp_path, [local_hook(hook, ["drafts", "--fail-on", "warning"])], files)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r"drafts/draft\.md:1:14: (error|warning) QTY001", out), out
    assert "[other claim at drafts/wire.txt:1:14]" in out
    assert out.count("Found 1 problem") == 1  # one run, not one per file
    assert "3 files" not in out and "in 1 file" in out


def test_the_per_file_hook_checks_each_file_alone(tmp_path: Path) -> None:
    hook = published_hooks()["checker"]
    assert hook.get("pass_filenames", True) is True
    files = {"drafts/draft.md": DRAFT, "drafts/wire.txt": WIRE,
             "notes.md": "Russia moved 1,500 tanks to Kursk. The 15,000 tanks arrived in Kursk.\n",
             "script.py": "print('1,500 troops')\n"}
    result = pre_commit(tmp_path, [local_hook(hook, ["--fail-on", "warning"])], files)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"notes\.md:1:14: (error|warning) QTY001", result.stdout), result.stdout
    assert "drafts/draft.md:1:14" not in result.stdout  # the two halves of a cross-file conflict, apart
    assert "script.py" not in result.stdout


def test_both_hooks_pass_on_consistent_drafts(tmp_path: Path) -> None:
    hooks = published_hooks()
    files = {"drafts/draft.md": DRAFT, "drafts/wire.txt": WIRE.replace("15,000", "1,500")}
    result = pre_commit(tmp_path, [local_hook(hooks["checker"], []), local_hook(hooks["checker-together"], [])],
                        files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Passed") == 2
