"""The GitHub Action (action.yml) and the dependency split it relies on.

The Action installs the package without extras into a virtual environment of its own and
calls that environment's `checker` by path. These tests check that shape, run the Action's
own `Check` step script with that layout, and prove the command line works with none of
the HTTP service's libraries importable.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
SERVICE_LIBRARIES = ("flask", "marshmallow", "gunicorn", "gevent", "apispec", "werkzeug")
QTY = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk.\n"


def steps() -> list[dict[str, object]]:
    return list(ACTION["runs"]["steps"])


def test_the_action_leaves_the_callers_path_and_python_alone() -> None:
    setup = [s for s in steps() if str(s.get("uses", "")).startswith("actions/setup-python")]
    assert setup and all(s["with"]["update-environment"] is False for s in setup)  # type: ignore[index]
    for s in steps():
        script = str(s.get("run", ""))
        assert "GITHUB_PATH" not in script and "GITHUB_ENV" not in script
        if "checker\" check" in script or "checker check" in script:
            assert '"$RUNNER_TEMP/checker-venv/bin/checker" check' in script


def test_the_action_installs_the_package_without_extras_into_its_own_environment() -> None:
    install = next(s for s in steps() if s.get("name") == "Install checker")
    script = str(install["run"])
    assert '-m venv "$RUNNER_TEMP/checker-venv"' in script
    assert 'pip install --quiet --disable-pip-version-check "$GITHUB_ACTION_PATH"' in script
    assert "[" not in script.split("pip install", 1)[1]  # no extras


def test_the_service_libraries_are_an_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"])
    assert not any(lib in core for lib in SERVICE_LIBRARIES)
    assert {d.split(">")[0].split("<")[0] for d in project["optional-dependencies"]["serve"]} >= {
        "flask", "marshmallow", "gunicorn", "apispec"}


def test_the_command_line_runs_without_the_service_libraries(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(QTY, encoding="utf-8")
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {SERVICE_LIBRARIES!r}:\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from checker.cli import main\n"
        "code = main(['check', 'a.md'])\n"
        "assert not any(m.split('.')[0] in " + repr(SERVICE_LIBRARIES) + " for m in sys.modules), sorted(sys.modules)\n"
        "print('serve:', main(['serve']))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", blocker], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "a.md:1:14: error QTY001" in result.stdout
    assert "serve: 2" in result.stdout
    assert "`checker serve` needs the service's libraries" in result.stderr


def test_the_check_step_script_runs_as_written(tmp_path: Path) -> None:
    """The Action's `Check` step, run by bash with the layout its install step makes."""
    venv_bin = tmp_path / "runner" / "checker-venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "checker").symlink_to(Path(sys.executable).parent / "checker")
    work = tmp_path / "work"
    (work / "drafts").mkdir(parents=True)
    (work / "drafts" / "a.md").write_text(QTY, encoding="utf-8")
    step = next(s for s in steps() if s.get("name") == "Check")
    env = {**os.environ, "RUNNER_TEMP": str(tmp_path / "runner"), "CHECKER_PATHS": "drafts",
           "CHECKER_ARGS": "--together", "CHECKER_FORMAT": "github", "CHECKER_FAIL_ON": "error",
           "PATH": "/usr/bin:/bin"}  # no checker on PATH: the step must not need one
    env.pop("GITHUB_STEP_SUMMARY", None)
    result = subprocess.run(["bash", "-e", "-c", str(step["run"])], cwd=work, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=drafts/a.md,line=1,col=14,")
