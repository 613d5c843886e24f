"""Availability of the production server (`python -m checker serve`) while slow clients are connected.

Starts the server on 127.0.0.1 on a free port, opens N connections that send their headers
one line per `--interval` seconds without ever finishing them (slow headers) and M that send
complete headers announcing a 100 kB body and then trickle it (slow bodies), and, while they
are open, probes GET /healthz and POST /v1/check (the short canonical conflict) every 0.25 s
with a 1 s timeout. Prints, per probe, how many were answered 200 within 1 s, and the p50 and
max latency of those answered; then closes everything. Loopback only, bounded in time.

    python benchmarks/bench_slow_clients.py [--worker-class gevent|gthread|sync] [--workers 2]
                                            [--slow-headers 64] [--slow-bodies 16] [--duration 10]

`--worker-class sync` reproduces the server as it was before gevent workers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFLICT = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, worker_class: str, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CHECKER_WORKER_CLASS": worker_class}
    cmd = [sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers)]
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise SystemExit("the server exited:\n" + log.read().decode(errors="replace")[-3000:])
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not become ready within 90 s")


class SlowClients:
    """Slow connections driven from one thread: one more header line, or ten more body bytes,
    per connection every `interval` seconds."""

    def __init__(self, port: int, headers: int, bodies: int, interval: float) -> None:
        self.port, self.interval = port, interval
        self.socks: list[tuple[str, socket.socket]] = []
        self.stop = threading.Event()
        for kind, n in (("header", headers), ("body", bodies)):
            for _ in range(n):
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.setblocking(False)
                if kind == "header":
                    self._send(s, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
                else:
                    self._send(s, b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                                  b"\r\nContent-Length: 100000\r\n\r\n{\"text\": \"")
                self.socks.append((kind, s))
        self.thread = threading.Thread(target=self._trickle, daemon=True)
        self.thread.start()

    @staticmethod
    def _send(s: socket.socket, data: bytes) -> bool:
        try:
            s.send(data)
            return True
        except (BlockingIOError, InterruptedError):
            return True  # the server is not reading: still connected
        except OSError:
            return False

    def _trickle(self) -> None:
        n = 0
        while not self.stop.wait(self.interval):
            n += 1
            for kind, s in self.socks:
                self._send(s, b"X-Slow-%d: 1\r\n" % n if kind == "header" else b"a" * 10)

    def still_open(self) -> int:
        """Connections the server has not closed (nothing to read, no reset)."""
        open_ = 0
        for _, s in self.socks:
            try:
                data = s.recv(1, socket.MSG_PEEK)
                open_ += 0 if data == b"" else 1  # b"" is the server's close; data is an early answer
            except (BlockingIOError, InterruptedError):
                open_ += 1
            except OSError:
                pass
        return open_

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for _, s in self.socks:
            s.close()


def probe(port: int, method: str, path: str, body: bytes | None, timeout: float) -> float | None:
    began = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request(method, path, body, {"Content-Type": "application/json"} if body else {})
        resp = conn.getresponse()
        resp.read()
        conn.close()
        return time.perf_counter() - began if resp.status == 200 else None
    except OSError:
        return None


def measure(port: int, duration: float, timeout: float) -> dict[str, list[float | None]]:
    results: dict[str, list[float | None]] = {"GET /healthz": [], "POST /v1/check": []}
    body = json.dumps({"text": CONFLICT}).encode()
    end = time.monotonic() + duration
    while time.monotonic() < end:
        results["GET /healthz"].append(probe(port, "GET", "/healthz", None, timeout))
        results["POST /v1/check"].append(probe(port, "POST", "/v1/check", body, timeout))
        time.sleep(0.25)
    return results


def report(label: str, results: dict[str, list[float | None]], timeout: float) -> None:
    for name, times in results.items():
        ok = [t for t in times if t is not None and t <= timeout]
        p50 = f"{statistics.median(ok) * 1000:7.1f}" if ok else "      -"
        worst = f"{max(ok) * 1000:7.1f}" if ok else "      -"
        print(f"{label:<34} {name:<16} {len(ok):>4}/{len(times):<4} {100 * len(ok) / max(1, len(times)):6.1f}%"
              f" {p50} {worst}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--worker-class", default="gevent", choices=("gevent", "gthread", "sync"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--slow-headers", type=int, default=64)
    ap.add_argument("--slow-bodies", type=int, default=16)
    ap.add_argument("--duration", type=float, default=10.0)
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between a slow client's sends")
    args = ap.parse_args()
    timeout = 1.0
    port = free_port()
    proc = start_server(port, args.worker_class, args.workers)
    try:
        print(f"{args.worker_class} workers x{args.workers}; probes answered 200 within {timeout:.0f} s "
              "(count, share, p50 ms, max ms)")
        report("no slow clients", measure(port, 3, timeout), timeout)
        slow = SlowClients(port, args.slow_headers, args.slow_bodies, args.interval)
        try:
            time.sleep(1)
            label = f"{args.slow_headers} slow headers, {args.slow_bodies} slow bodies"
            report(label, measure(port, args.duration, timeout), timeout)
            print(f"slow connections still open at the end: {slow.still_open()} of {len(slow.socks)}")
        finally:
            slow.close()
        report("after they left", measure(port, 3, timeout), timeout)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
