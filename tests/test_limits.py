"""Limits and degradation: the body, document and character limits and the time budget hold
under concurrency; a saturated server queues or answers 503 with Retry-After, never hangs;
a check that outlives the budget is answered 503 at it and its check process replaced; one
bad document in a batch is reported while the others are checked."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import api

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")
CONFLICT = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."
LIMITS = {"CHECKER_MAX_BODY_BYTES": 20_000, "CHECKER_MAX_DOCUMENTS": 3, "CHECKER_MAX_CHARS": 1_000}


def _cases() -> list[tuple[str, bytes, int, str | None]]:
    """(name, body, expected status, expected error code)."""
    ok = {"id": "a", "text": CONFLICT}
    return [
        ("valid", json.dumps({"documents": [ok]}).encode(), 200, None),
        ("over body", json.dumps({"text": "x" * 25_000}).encode(), 413, "body_too_large"),
        ("too many", json.dumps({"documents": [{"id": str(i), "text": "x"} for i in range(4)]}).encode(), 422,
         "validation_error"),
        ("over chars", json.dumps({"text": "1,500 troops. " * 100}).encode(), 422, "validation_error"),
        ("batch, one over", json.dumps({"documents": [ok, {"id": "b", "text": "y" * 1_001}]}).encode(), 200, None),
        ("batch, one bad", json.dumps({"documents": [ok, {"id": 7}, "z"]}).encode(), 200, None),
    ]


def test_limits_hold_under_concurrency() -> None:
    """Limits are judged before the engine, so they hold exactly under 16 threads; requests
    that pass them are checked, or refused 503 `busy` when the process's slots are full."""
    client = api.create_app(LIMITS).test_client()
    cases = _cases() * 12

    def send(case: tuple[str, bytes, int, str | None]) -> tuple[str, int, Any]:
        name, body, _, _ = case
        resp = client.post("/v1/check", data=body, content_type="application/json")
        return name, resp.status_code, resp.get_json()

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(send, cases))
    answered = 0
    for (name, _, status, code), (_, got, body) in zip(cases, results, strict=True):
        if status == 200 and got == 503:  # 16 threads, 4 check slots in one process: a clear refusal
            assert body["error"]["code"] == "busy"
            continue
        answered += status == 200
        assert got == status, (name, got, body)
        if code:
            assert body["error"]["code"] == code
        if name == "valid":
            assert len(body["conflicts"]) == 1 and body["errors"] == []
        if name.startswith("batch"):  # the good document was checked, the bad ones named
            assert body["stats"]["documents"] == 1 and len(body["conflicts"]) == 1
            assert body["errors"] and all(e["document"] >= 1 for e in body["errors"])
            assert all(e["field"].startswith(f"documents.{e['document']}") for e in body["errors"])
    assert answered >= 12


class _SlowOn:
    """The real engine, except that a text starting with "slow" spins in one C call (a regex
    backtracking through 2^27 paths) that holds the interpreter lock throughout."""

    def check(self, docs: Any, options: Any) -> Any:
        if any(d["text"].startswith("slow") for d in docs):
            re.match(r"(a+)+$", "a" * 27 + "b")
            raise AssertionError("never answered")
        return api.checker.default_engine().check(docs, options)


def test_time_budget_holds_under_concurrency() -> None:
    """12 concurrent checks that each overrun a 200 ms budget on 2 check processes: every one
    is answered 503 with Retry-After, at the budget (time_budget_exceeded) or when no process
    came free within it (busy); each overrun's process is killed, and the next ordinary check
    is answered by a fresh one."""
    app = api.create_app({"CHECKER_TIME_BUDGET_MS": 200, "CHECKER_CHECK_PROCESSES": 2}, engine=_SlowOn())
    client = app.test_client()
    pool = app.extensions["checker.pool"]
    pool.start()
    first = set(pool.pids())

    def send(_: int) -> tuple[int, str, str | None]:
        resp = client.post("/v1/check", json={"text": "slow"})
        return resp.status_code, resp.get_json()["error"]["code"], resp.headers.get("Retry-After")

    with ThreadPoolExecutor(12) as pool_threads:
        results = list(pool_threads.map(send, range(12)))
    codes = Counter(code for _, code, _ in results)
    assert all(status == 503 and retry == "1" for status, _, retry in results), results
    assert codes["time_budget_exceeded"] >= 2 and set(codes) <= {"time_budget_exceeded", "busy"}, codes
    assert not first & set(pool.pids())  # both original processes were killed
    out = client.post("/v1/check", json={"text": CONFLICT}).get_json()
    assert len(out["conflicts"]) == 1 and not first & set(pool.pids())


# ---- a live server ---------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _request(port: int, method: str, path: str, body: Any = None, timeout: float = 30) -> tuple[int, dict[str, str],
                                                                                                  Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, data, {"Content-Type": "application/json"} if data else {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), json.loads(resp.read() or b"null")
    finally:
        conn.close()


def _children(parent: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                    out.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return sorted(out)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = _free_port()
    env = {**os.environ, **request.param}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
            try:
                if _request(port, "GET", "/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield port, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("server", [{"CHECKER_TIME_BUDGET_MS": "10000"}], indirect=True)
def test_busy_server_queues_and_answers_everyone(server: tuple[int, subprocess.Popen[bytes]]) -> None:
    """One sync worker, 24 clients at once: the others wait in the listen backlog and every
    one gets its answer, none an error or a timeout."""
    port, _ = server
    body = {"documents": [{"id": "seed", "text": SEED}, {"id": "x", "text": CONFLICT}, {"id": 3}]}
    with ThreadPoolExecutor(24) as pool:
        results = list(pool.map(lambda _: _request(port, "POST", "/v1/check", body), range(24)))
    assert [status for status, _, _ in results] == [200] * 24
    assert all(out["stats"]["documents"] == 2 and out["errors"][0]["document"] == 2 for _, _, out in results)


@pytest.mark.parametrize("server", [{"CHECKER_TIME_BUDGET_MS": "1"}], indirect=True)
def test_overrunning_checks_are_refused_and_their_processes_replaced(
        server: tuple[int, subprocess.Popen[bytes]]) -> None:
    """A 1 ms budget that every seed check overruns: each of 16 concurrent clients is
    answered 503 with Retry-After (none hangs); the check processes that overran were killed
    and replaced while the server's worker stayed up, and the server still answers."""
    port, proc = server
    (worker,) = _children(proc.pid)
    first = _children(worker)
    body = {"documents": [{"id": "seed", "text": SEED * 3}]}
    lock = threading.Lock()
    seen: list[tuple[int, str | None, str]] = []

    def send(_: int) -> None:
        status, headers, out = _request(port, "POST", "/v1/check", body)
        with lock:
            seen.append((status, headers.get("Retry-After"), out["error"]["code"] if status != 200 else ""))

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(send, range(16)))
    assert len(seen) == 16
    assert all(status == 503 and retry == "1" for status, retry, _ in seen), seen
    assert {code for *_, code in seen} <= {"time_budget_exceeded", "busy"}
    assert any(code == "time_budget_exceeded" for *_, code in seen)
    assert _request(port, "GET", "/v1/info")[0] == 200
    assert _children(proc.pid) == [worker]  # the worker itself was not restarted
    assert first and not set(first) & set(_children(worker))  # its check process was replaced


def _raw(port: int, data: bytes) -> tuple[int, dict[str, str], dict[str, Any]]:
    """Send raw bytes; the status, headers and JSON body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)


@pytest.mark.parametrize("server", [{"CHECKER_MAX_BODY_BYTES": "100000"}], indirect=True)
def test_the_servers_own_refusals_are_json(server: tuple[int, subprocess.Popen[bytes]]) -> None:
    """What gunicorn refuses before the app sees it (a bad request line, a request line or
    headers over its limits) and an oversized chunked body carry the JSON error shape."""
    port, _ = server
    chunked = b"".join(b"%x\r\n%s\r\n" % (10_000, b"9" * 10_000) for _ in range(11)) + b"0\r\n\r\n"
    cases = [
        (b"NOT HTTP AT ALL\r\n\r\n", 400, "bad_request"),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "request_line_too_long"),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(200)) + b"\r\n", 431,
         "request_header_fields_too_large"),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"y" * 9000 + b"\r\n\r\n", 431, "request_header_fields_too_large"),
        (b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
         + chunked, 413, "body_too_large"),
    ]
    for data, status, code in cases:
        got, headers, body = _raw(port, data)
        assert (got, body["error"]["code"], body["error"]["status"]) == (status, code, status), (data[:40], body)
        assert headers["content-type"] == "application/json" and headers["x-content-type-options"] == "nosniff"
        assert body["error"]["request_id"] == headers["x-request-id"]
    ok = b'{"text": "Russia moved 1,500 troops to Kursk."}'
    got, _, body = _raw(port, b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n%x\r\n%s\r\n0\r\n\r\n"
                        % (len(ok), ok))
    assert got == 200 and body["errors"] == []  # a chunked body within the limit is read
