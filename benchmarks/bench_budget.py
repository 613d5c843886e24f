"""The time budget under attack: clients looping a request that overruns it, beside normal traffic.

Starts `python -m checker serve` on 127.0.0.1 (a free port) and, for --duration seconds,
runs --attackers clients that each send an overrunning request in a loop (by default 40,000
letters "A", a text the engine takes far longer than any budget on) while one client probes
GET /healthz and another sends the short canonical conflict, each with a 1 s timeout (the
check probe allows the budget plus 1 s, since a check may wait that long for a process).
Prints how the attack requests were answered and how long each took (the budget should hold
whatever the engine is doing), how many check processes were replaced, and what share of
the normal requests were answered. Loopback only, bounded in time.

    python benchmarks/bench_budget.py [--budget-ms 2000] [--attackers 2] [--duration 20]
                                      [--workers 2] [--check-processes 2]
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFLICT = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request(port: int, method: str, path: str, body: bytes | None, timeout: float) -> tuple[str, float, bytes]:
    began = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request(method, path, body, {"Content-Type": "application/json"} if body else {})
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return str(resp.status), time.perf_counter() - began, data
    except TimeoutError:
        return "timeout", time.perf_counter() - began, b""
    except OSError as exc:
        return type(exc).__name__, time.perf_counter() - began, b""


def children(pid: int) -> set[int]:
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.add(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--budget-ms", type=int, default=2000)
    ap.add_argument("--attackers", type=int, default=2)
    ap.add_argument("--duration", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--check-processes", type=int, default=2)
    ap.add_argument("--attack-text", default="A" * 40_000)
    args = ap.parse_args()
    budget = args.budget_ms / 1000
    port = free_port()
    env = {**os.environ, "CHECKER_TIME_BUDGET_MS": str(args.budget_ms),
           "CHECKER_CHECK_PROCESSES": str(args.check_processes)}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", str(args.workers)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while request(port, "GET", "/healthz", None, 2)[0] != "200":
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        workers = children(proc.pid)
        seen_checkers: set[int] = set()
        attack = json.dumps({"text": args.attack_text}).encode()
        normal = json.dumps({"text": CONFLICT}).encode()
        stop = time.monotonic() + args.duration
        lock = threading.Lock()
        attacks: list[tuple[str, float]] = []
        probes: dict[str, list[tuple[str, float]]] = {"GET /healthz": [], "POST /v1/check": []}

        def attacker() -> None:
            while time.monotonic() < stop:
                status, seconds, data = request(port, "POST", "/v1/check", attack, budget * 3 + 30)
                code = json.loads(data)["error"]["code"] if status == "503" else status
                with lock:
                    attacks.append((code, seconds))

        def prober(name: str, method: str, path: str, body: bytes | None, timeout: float) -> None:
            while time.monotonic() < stop:
                status, seconds, _ = request(port, method, path, body, timeout)
                with lock:
                    probes[name].append((status, seconds))
                time.sleep(0.2)

        def watch() -> None:
            while time.monotonic() < stop:
                for w in workers:
                    seen_checkers.update(children(w))
                time.sleep(0.05)

        threads = [threading.Thread(target=attacker) for _ in range(args.attackers)]
        threads += [threading.Thread(target=prober, args=("GET /healthz", "GET", "/healthz", None, 1.0)),
                    threading.Thread(target=prober, args=("POST /v1/check", "POST", "/v1/check", normal,
                                                          budget + 1.0)),
                    threading.Thread(target=watch)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    print(f"budget {args.budget_ms} ms; {args.workers} workers x {args.check_processes} check process(es); "
          f"{args.attackers} clients looping a {len(args.attack_text):,}-character attack for {args.duration:g} s\n")
    codes = Counter(code for code, _ in attacks)
    over = [s for code, s in attacks if code == "time_budget_exceeded"]
    print(f"attack requests: {len(attacks)}: {dict(codes)}")
    if over:
        print(f"  answered time_budget_exceeded after: median {statistics.median(over) * 1000:.0f} ms, "
              f"max {max(over) * 1000:.0f} ms (budget {args.budget_ms} ms)")
    print(f"  check processes seen: {len(seen_checkers)} (the {args.workers * args.check_processes} at start, "
          f"the rest forked to replace killed ones)")
    for name, results in probes.items():
        ok = [s for status, s in results if status == "200"]
        statuses = Counter(status for status, _ in results)
        print(f"{name:<16} answered 200: {len(ok)}/{len(results)} ({100 * len(ok) / max(1, len(results)):.0f}%)"
              + (f", p50 {statistics.median(ok) * 1000:.0f} ms, max {max(ok) * 1000:.0f} ms" if ok else "")
              + f"; {dict(statuses)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
