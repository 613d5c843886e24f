"""Throughput and latency of the production server (`python -m checker serve`, gunicorn).

Starts the server on 127.0.0.1 on a free port, drives it for a bounded time with a Python
load generator (threads, one http.client connection each, kept alive when the server
allows it; gunicorn's sync workers close it and http.client reconnects) and prints requests/s
and p50/p99 latency for POST /v1/check with the seed article at concurrency 1, 8 and 32,
beside GET /healthz (the framework's ceiling) and the engine's in-process single-core rate.
The load generator runs on the same machine and shares its cores with the server, so the
figures are a floor, and GET /healthz is bounded by the generator at high rates.

    python benchmarks/bench_api.py [--duration 5] [--workers 2]
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kursk-incursion.txt"
CONCURRENCY = (1, 8, 32)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server exited (run `python -m checker serve` to see why)")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not become ready within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def drive(port: int, method: str, path: str, body: bytes | None, concurrency: int,
          duration: float) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p99 ms, errors) for `concurrency` clients over `duration` seconds."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    start = threading.Barrier(concurrency + 1)
    stop_at = [0.0]

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        while (t0 := time.perf_counter()) < stop_at[0]:
            try:
                conn.request(method, path, body, headers)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (http.client.HTTPException, OSError):
                conn.close()  # the server closed an idle keep-alive connection: reconnect
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            if ok:
                latencies[i].append(time.perf_counter() - t0)
            else:
                errors[i] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    began = time.perf_counter()
    stop_at[0] = began + duration
    start.wait()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    all_lat = sorted(x for lat in latencies for x in lat)
    if not all_lat:
        return 0.0, float("nan"), float("nan"), sum(errors)
    p99 = all_lat[min(len(all_lat) - 1, int(len(all_lat) * 0.99))]
    return len(all_lat) / elapsed, statistics.median(all_lat) * 1000, p99 * 1000, sum(errors)


def engine_rate(text: str, duration: float) -> float:
    import checker

    engine = checker.default_engine()
    docs = [{"id": "seed", "text": text}]
    engine.check(docs)
    n, began = 0, time.perf_counter()
    while time.perf_counter() - began < duration:
        engine.check(docs)
        n += 1
    return n / (time.perf_counter() - began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="gevent", choices=("gevent", "gthread", "sync"))
    parser.add_argument("--check-processes", type=int, default=2, help="check processes per worker")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    body = json.dumps({"documents": [{"id": "seed", "text": text}]}).encode()
    rate = engine_rate(text, args.duration)
    port = free_port()
    proc = start_server(port, args.workers, {"CHECKER_WORKER_CLASS": args.worker_class,
                                             "CHECKER_CHECK_PROCESSES": str(args.check_processes)})
    rows: list[tuple[str, int, tuple[float, float, float, int]]] = []
    try:
        for label, method, path, payload in (("POST /v1/check (seed)", "POST", "/v1/check", body),
                                             ("GET /healthz", "GET", "/healthz", None)):
            drive(port, method, path, payload, 2, min(1.0, args.duration))  # warm-up
            for c in CONCURRENCY:
                rows.append((label, c, drive(port, method, path, payload, c, args.duration)))
    finally:
        stop_server(proc)
    print(f"cores: {os.cpu_count()}  workers: {args.workers} {args.worker_class} x {args.check_processes} check "
          f"process(es)  seed: {len(text)} characters  "
          f"duration: {args.duration:g} s per row")
    print(f"engine in-process, one core: {rate:.1f} checks/s ({1000 / rate:.2f} ms each)\n")
    print(f"| {'endpoint':<22} | {'conc.':>5} | {'req/s':>8} | {'p50 ms':>7} | {'p99 ms':>7} | {'errors':>6} |")
    print(f"|{'-' * 24}|{'-' * 7}:|{'-' * 9}:|{'-' * 8}:|{'-' * 8}:|{'-' * 7}:|")
    for label, c, (rps, p50, p99, errs) in rows:
        print(f"| {label:<22} | {c:>5} | {rps:>8.1f} | {p50:>7.2f} | {p99:>7.2f} | {errs:>6} |")
    at8 = next(r for label, c, r in rows if label.startswith("POST") and c == 8)
    print(f"\nseed at concurrency 8: {at8[0]:.1f} req/s = {at8[0] / (2 * rate):.0%} of twice the engine's "
          f"single-core rate (target >= 75%); p99 {at8[2]:.1f} ms (target < 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
