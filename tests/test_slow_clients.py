"""Slow clients cannot starve `checker serve`: the real server, on a free loopback port, keeps
answering /healthz and checks while 64 connections send their headers a line at a time and
16 send their bodies ten bytes at a time. (With gunicorn's sync workers, two such clients
were enough to make /healthz unreachable.) Bounded: the slow connections live a few seconds.
Latency figures are printed by benchmarks/bench_slow_clients.py, not asserted here.
"""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFLICT = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."
SLOW_HEADERS, SLOW_BODIES = 64, 16


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # a hang, not a speed, fails this
    try:
        conn.request(method, path, body, {"Content-Type": "application/json"} if body else {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", "1"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
            try:
                if _get(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class _Trickle:
    """Slow connections, each sent one more header line or ten more body bytes every 0.3 s."""

    def __init__(self, port: int) -> None:
        self.socks: list[tuple[str, socket.socket]] = []
        for kind, n in (("header", SLOW_HEADERS), ("body", SLOW_BODIES)):
            for _ in range(n):
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                if kind == "header":
                    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
                else:
                    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                              b"Content-Length: 100000\r\n\r\n{\"text\": \"")
                s.setblocking(False)
                self.socks.append((kind, s))
        self.stop = threading.Event()
        self.sent = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(0.3):
            for kind, s in self.socks:
                try:
                    s.send(b"X-Slow: 1\r\n" if kind == "header" else b"a" * 10)
                except OSError:
                    continue
            self.sent += 1

    def connected(self) -> int:
        """Connections the server still holds open without having answered them."""
        n = 0
        for _, s in self.socks:
            try:
                s.recv(1, socket.MSG_PEEK)  # data or b"": answered or closed
            except BlockingIOError:
                n += 1
            except OSError:
                pass
        return n

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for _, s in self.socks:
            s.close()


def test_healthz_and_checks_are_answered_while_slow_clients_hold_connections(port: int) -> None:
    slow = _Trickle(port)
    try:
        deadline = time.monotonic() + 10
        while slow.sent < 2 and time.monotonic() < deadline:  # the trickle is under way
            time.sleep(0.05)
        body = json.dumps({"text": CONFLICT}).encode()
        for _ in range(3):
            status, _ = _get(port, "GET", "/healthz")
            assert status == 200
            status, out = _get(port, "POST", "/v1/check", body)
            assert status == 200 and len(json.loads(out)["conflicts"]) == 1
        assert slow.connected() == SLOW_HEADERS + SLOW_BODIES  # and the server was holding every one
    finally:
        slow.close()
    assert _get(port, "GET", "/healthz")[0] == 200
