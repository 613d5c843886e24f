"""Every command and code block in README.md runs as written.

Each block runs in a fresh copy of the repository (the files git would clone, as they
are in the working tree) whose `.venv` is this checkout's, as after `make test`:

* indented and `sh`/`shell`/`console` blocks: each command runs in bash from the copy's
  root. `checker check` may exit 1 (it found something); anything else must exit 0.
  `make test` is run as `make -n test` (it is what runs this test). A command that starts
  the server (`make run`, `checker serve`) is started on a free loopback port (the
  README's 8080 and 0.0.0.0 rewritten) and must answer `/healthz`; a `curl` to
  localhost:8080 is sent to such a server. Blocks after `<!-- readme-test: long-running -->`
  must still be running, or have exited 0, after a few seconds.
* `python` blocks run with the venv's Python; after `<!-- readme-test: file NAME -->` the
  block is written to NAME for the commands that follow it.
* `toml` blocks are checker configurations and `markdown` blocks are drafts: checked with
  `checker check` (exit 0 or 1, never 2). `yaml` blocks name this repository's Action
  inputs and pre-commit hooks. `text` blocks are output samples, shaped like the text
  format.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
README = ROOT / "README.md"
COMMAND_TIMEOUT = 300
LONG_RUNNING_GRACE = 8
SERVER_START_TIMEOUT = 180
MARKER = re.compile(r"<!--\s*readme-test:\s*(.*?)\s*-->")

if not (VENV / "bin" / "checker").exists():
    pytest.skip("the README's commands use .venv: run `make test` (it creates .venv first)", allow_module_level=True)
if shutil.which("git") is None or shutil.which("make") is None:
    pytest.skip("git and make are needed to run the README's commands", allow_module_level=True)


@dataclass(frozen=True)
class Block:
    line: int
    info: str
    text: str
    marker: str

    @property
    def id(self) -> str:
        return f"line{self.line}-{self.info or 'indented'}"


def blocks() -> list[Block]:
    tokens = MarkdownIt("commonmark").parse(README.read_text(encoding="utf-8"))
    out: list[Block] = []
    marker = ""
    for t in tokens:
        if t.type == "html_block":
            m = MARKER.search(t.content)
            if m:
                marker = m.group(1)
            continue
        if t.type in ("fence", "code_block"):
            assert t.map is not None
            out.append(Block(t.map[0] + 1, t.info.strip().split(" ")[0] if t.type == "fence" else "", t.content,
                             marker))
            marker = ""
        elif t.type in ("paragraph_open", "heading_open", "bullet_list_open", "ordered_list_open", "table_open"):
            pass  # a marker applies to the next code block, whatever stands between
    return out


BLOCKS = blocks()


def commands(text: str) -> list[str]:
    """Shell commands: comment lines dropped, backslash continuations joined."""
    out: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.rstrip()
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        out.append(pending + line)
        pending = ""
    if pending:
        out.append(pending)
    return out


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files a clone would have, as they are in the working tree, plus this .venv."""
    dest = tmp_path_factory.mktemp("readme") / "checker"
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name.rstrip("/")
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        if src.is_file():
            shutil.copy2(src, dest / name)
        elif src.is_dir():  # git lists a folder of its own (a nested repository) as one entry
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(".git"), dirs_exist_ok=True)
    (dest / ".venv").symlink_to(VENV, target_is_directory=True)
    stamp = VENV / ".installed"
    if stamp.exists():  # installed already: make must not reinstall because the copy is newer
        for name in ("pyproject.toml",):
            t = stamp.stat().st_mtime - 60
            os.utime(dest / name, (t, t))
    return dest


def env_for(clone: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "GITHUB_"))}
    env.update({"NO_COLOR": "1", "HYPOTHESIS_PROFILE": env.get("HYPOTHESIS_PROFILE", "ci"), "PWD": str(clone)})
    env.pop("VIRTUAL_ENV", None)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def is_server(cmd: str) -> bool:
    return cmd.startswith("make run") or bool(re.search(r"\bchecker serve\b|-m checker serve\b", cmd))


def on_port(cmd: str, port: int) -> str:
    return cmd.replace("0.0.0.0", "127.0.0.1").replace(":8080", f":{port}").replace("--port 8080", f"--port {port}")


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


def start_server(cmd: str, clone: Path) -> Server:
    port = free_port()
    env = {**env_for(clone), "PORT": str(port), "HOST": "127.0.0.1"}
    proc = subprocess.Popen(["bash", "-c", on_port(cmd, port)], cwd=clone, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(proc, port)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            pytest.fail(f"{cmd!r} exited with {proc.returncode} before answering /healthz:\n{err[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
                if resp.status == 200:
                    return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"{cmd!r} did not answer /healthz within {SERVER_START_TIMEOUT} s")
        time.sleep(0.5)


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for s in started:
        s.stop()


def run(cmd: str, clone: Path, allowed: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["bash", "-c", cmd], cwd=clone, env=env_for(clone), capture_output=True, text=True,
                            timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL)
    assert result.returncode in allowed, (
        f"{cmd!r} exited with {result.returncode}\n--- stdout\n{result.stdout[-3000:]}\n--- stderr\n"
        f"{result.stderr[-3000:]}")
    return result


def run_long(cmd: str, clone: Path) -> None:
    proc = subprocess.Popen(["bash", "-c", cmd], cwd=clone, env=env_for(clone), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        code = proc.wait(LONG_RUNNING_GRACE)
    except subprocess.TimeoutExpired:
        return  # started and still working: as documented, it runs for minutes
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    assert code == 0, f"{cmd!r} exited with {code}:\n{err[-3000:]}"


def run_shell_block(block: Block, clone: Path, servers: list[Server]) -> None:
    for cmd in commands(block.text):
        if re.fullmatch(r"make test\b.*", cmd.split("#")[0].strip()):
            run("make -n test", clone)  # it is what runs this test
        elif is_server(cmd):
            servers.append(start_server(cmd, clone))
        elif re.search(r"(localhost|127\.0\.0\.1):8080", cmd):
            if not servers:
                servers.append(start_server(".venv/bin/python -m checker serve --port 8080", clone))
            out = run(on_port(cmd, servers[-1].port), clone).stdout
            assert out.strip(), f"{cmd!r} printed nothing"
        elif block.marker == "long-running":
            run_long(cmd, clone)
        else:
            finds = re.search(r"\bchecker check\b", cmd) is not None
            run(cmd, clone, (0, 1) if finds else (0,))


def check_yaml(block: Block) -> None:
    doc = yaml.safe_load(block.text)
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    inputs = set(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"])
    if "repos" in doc:
        used = {h["id"] for r in doc["repos"] for h in r["hooks"]}
        assert used and used <= hooks, used - hooks
    else:
        steps = [s for job in doc["jobs"].values() for s in job["steps"] if "checker@" in str(s.get("uses", ""))]
        assert steps, "the workflow does not use this repository's Action"
        for s in steps:
            assert set(s.get("with", {})) <= inputs, set(s.get("with", {})) - inputs


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_readme_block_runs_as_written(block: Block, clone: Path, servers: list[Server]) -> None:
    i = BLOCKS.index(block)
    if i and BLOCKS[i - 1].marker.startswith("file "):
        pytest.skip("runs with the file the block above writes, in that block's test")
    if block.info in ("", "sh", "shell", "console", "bash"):
        run_shell_block(block, clone, servers)
    elif block.info == "python":
        if block.marker.startswith("file "):
            (clone / block.marker.split(" ", 1)[1]).write_text(block.text, encoding="utf-8")
            nxt = BLOCKS[BLOCKS.index(block) + 1]
            assert block.marker.split(" ", 1)[1] in nxt.text, "the file's block must be followed by its command"
            run_shell_block(nxt, clone, servers)
        else:
            run(shlex.join([".venv/bin/python", "-c", block.text]), clone)
    elif block.info == "toml":
        tomllib.loads(block.text)
        (clone / "readme-config.toml").write_text(block.text, encoding="utf-8")
        run(".venv/bin/checker check examples --config readme-config.toml --format json", clone, (0, 1))
    elif block.info == "markdown":
        (clone / "readme-draft.md").write_text(block.text, encoding="utf-8")
        run(".venv/bin/checker check readme-draft.md", clone, (0, 1))
    elif block.info == "yaml":
        check_yaml(block)
    elif block.info == "text":
        lines = block.text.rstrip("\n").splitlines()
        assert all(re.match(r"^\S+:\d+:\d+: (error|warning|info) [A-Z]{3}\d{3} ", x) for x in lines[:-1]), lines
        assert re.match(r"^(Found \d+ problems? \(.*\) in \d+ files?|All checks passed \(.*\))", lines[-1]), lines
    else:
        pytest.fail(f"README line {block.line}: no rule to run a {block.info!r} block; add one to this test")


def test_the_readme_has_the_blocks_this_test_expects() -> None:
    assert {"", "python", "yaml", "toml", "markdown"} <= {b.info for b in BLOCKS}
    first = [c.split("#")[0].strip() for c in commands(BLOCKS[0].text)]
    assert first == ["make run", "make test"]  # the two set-up commands come first
