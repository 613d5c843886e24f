"""Load, soak and worker-kill test of the production server, on loopback only.

Starts `python -m checker serve` on 127.0.0.1 (a free port), then:

1. soak: sends --requests requests (default 20,000) at --concurrency 32 (bounded by
   --max-seconds): the seed article, small texts, large bodies near the limits (20
   documents; 1.9 MB over the character limit; just over the body limit) and invalid bodies
   (malformed JSON, wrong content type, schema violations). Reports every status per kind,
   errors (anything but the expected status; must be 0), p50/p99 latency, and each worker's
   RSS with its check processes' (from /proc) after warm-up and at the end (growth must
   stay under 10%).
2. kill: drives the seed at the same concurrency, SIGKILLs one check process a third of the
   way through and one worker two thirds of the way, and shows that every request sent got
   an outcome (an answer, or an error the client sees; none hangs past its timeout), that
   the killed worker's check processes died with it, that the master booted a replacement,
   and that the server answers every request again afterwards.

    python benchmarks/load_soak.py [--requests 20000] [--concurrency 32] [--workers 2] [--max-seconds 900]

Exit status 0 when every check holds, 1 otherwise. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")
HOST = "127.0.0.1"
MAX_BODY = 2 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _json(obj: Any) -> bytes:
    return json.dumps(obj).encode()


# kind -> (weight, method, body, content type, expected status)
def request_kinds() -> dict[str, tuple[int, bytes, str, int]]:
    small = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."
    twenty = [{"id": f"d{i}", "text": SEED[i * 140:i * 140 + 1500]} for i in range(20)]
    return {
        "seed": (50, _json({"documents": [{"id": "seed", "text": SEED, "published": "2024-08-14"}],
                            "options": {"include_claims": True}}), "application/json", 200),
        "small": (25, _json({"text": small}), "application/json", 200),
        "20 documents": (4, _json({"documents": twenty}), "application/json", 200),
        "batch, 1 bad": (4, _json({"documents": [{"id": "a", "text": small}, {"id": "a", "text": "x"}]}),
                         "application/json", 200),
        "1.9 MB text": (1, _json({"text": "1,500 troops. " * 140_000}), "application/json", 422),
        "over body limit": (1, b'{"text": "' + b"9" * MAX_BODY + b'"}', "application/json", 413),
        "malformed JSON": (5, b'{"text": "unterminated', "application/json", 400),
        "wrong type": (4, b"text=hello", "application/x-www-form-urlencoded", 415),
        "schema error": (6, _json({"documents": [{"id": 3}], "options": {"min_severity": "fatal"}}),
                         "application/json", 422),
    }


class Result:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: dict[str, Counter[str]] = defaultdict(Counter)
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.unexpected: list[str] = []
        self.sent = 0

    def add(self, kind: str, outcome: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.statuses[kind][outcome] += 1
            if ok:
                self.latency[kind].append(seconds)
            elif len(self.unexpected) < 20:
                self.unexpected.append(f"{kind}: {outcome}")


def one(port: int, body: bytes, ctype: str, timeout: float) -> tuple[str, float]:
    began = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("POST", "/v1/check", body, {"Content-Type": ctype, "Connection": "close"})
        resp = conn.getresponse()
        resp.read()
        outcome = str(resp.status)
    except TimeoutError:
        outcome = "timeout"
    except (http.client.HTTPException, OSError) as exc:
        outcome = type(exc).__name__
    finally:
        conn.close()
    return outcome, time.perf_counter() - began


def drive(port: int, plan: list[str], kinds: dict[str, tuple[int, bytes, str, int]], concurrency: int,
          deadline: float, timeout: float, result: Result) -> None:
    cursor = iter(range(len(plan)))
    lock = threading.Lock()

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                i = next(cursor, None)
                if i is not None:
                    result.sent += 1
            if i is None:
                return
            kind = plan[i]
            _, body, ctype, expected = kinds[kind]
            outcome, seconds = one(port, body, ctype, timeout)
            result.add(kind, outcome, seconds, outcome == str(expected))

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def children_of(master: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                kids.append(int(entry))
    return sorted(kids)


workers_of = children_of  # gunicorn's workers are the master's children; check processes, theirs


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def family_rss_kb(worker: int) -> int:
    """A worker's RSS plus its check processes' (shared pages counted in each)."""
    return rss_kb(worker) + sum(rss_kb(p) for p in children_of(worker))


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_ready(port: int, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not become ready")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000 if ordered else float("nan")


def table(result: Result, kinds: dict[str, tuple[int, bytes, str, int]]) -> int:
    print(f"| {'kind':<16} | {'expected':>8} | {'sent':>6} | {'statuses':<28} | {'p50 ms':>7} | {'p99 ms':>8} |")
    print(f"|{'-' * 18}|{'-' * 9}:|{'-' * 7}:|{'-' * 30}|{'-' * 8}:|{'-' * 9}:|")
    errors = 0
    for kind, (_, _, _, expected) in kinds.items():
        counts = result.statuses.get(kind, Counter())
        errors += sum(v for k, v in counts.items() if k != str(expected))
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        lat = result.latency.get(kind, [])
        print(f"| {kind:<16} | {expected:>8} | {sum(counts.values()):>6} | {shown:<28} | "
              f"{percentile(lat, 0.5):>7.1f} | {percentile(lat, 0.99):>8.1f} |")
    everything = [x for v in result.latency.values() for x in v]
    print(f"| {'all':<16} | {'':>8} | {result.sent:>6} | {'':<28} | {percentile(everything, 0.5):>7.1f} | "
          f"{percentile(everything, 0.99):>8.1f} |")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=900.0, help="bound on the soak phase")
    parser.add_argument("--kill-requests", type=int, default=2_000)
    parser.add_argument("--timeout", type=float, default=60.0, help="client timeout per request")
    args = parser.parse_args()

    kinds = request_kinds()
    rng = random.Random(8)
    names = list(kinds)
    plan = rng.choices(names, weights=[kinds[k][0] for k in names], k=args.requests)
    warm = min(2_000, args.requests // 10)
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+b", prefix="checker-soak-", suffix=".log", delete=False)
    env = {**os.environ, "CHECKER_WORKERS": str(args.workers)}
    cmd = [sys.executable, "-m", "checker", "serve", "--host", HOST, "--port", str(port), "--workers",
           str(args.workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log, env=env)
    ok = True
    try:
        wait_ready(port, proc)
        worker_class = os.environ.get("CHECKER_WORKER_CLASS") or "gevent"
        print(f"server pid {proc.pid} on {HOST}:{port}, {args.workers} {worker_class} workers, {os.cpu_count()} cores; "
              f"log {log.name}\n")

        # ---- soak -------------------------------------------------------------------------
        began = time.monotonic()
        deadline = began + args.max_seconds
        result = Result()
        drive(port, plan[:warm], kinds, args.concurrency, deadline, args.timeout, result)
        pids = workers_of(proc.pid)
        rss_start = {p: family_rss_kb(p) for p in pids}
        drive(port, plan[warm:], kinds, args.concurrency, deadline, args.timeout, result)
        elapsed = time.monotonic() - began
        rss_end = {p: family_rss_kb(p) for p in workers_of(proc.pid)}
        print(f"## soak: {result.sent:,} requests in {elapsed:.1f} s ({result.sent / elapsed:.0f} req/s) at "
              f"concurrency {args.concurrency}\n")
        errors = table(result, kinds)
        print(f"\nerrors (anything but the expected status): {errors}" +
              (f"  e.g. {result.unexpected[:5]}" if errors else ""))
        ok &= errors == 0 and result.sent >= args.requests
        if result.sent < args.requests:
            print(f"only {result.sent} of {args.requests} requests were sent within {args.max_seconds:g} s")
        print(f"\nworker RSS with its check processes, after {warm:,} warm-up requests -> at the end:")
        for pid in sorted(set(rss_start) | set(rss_end)):
            a, b = rss_start.get(pid), rss_end.get(pid)
            growth = (b - a) / a * 100 if a and b else float("nan")
            print(f"  pid {pid}: {a or 0:,} kB -> {b or 0:,} kB ({growth:+.1f}%)"
                  + ("" if a and b else "  (worker replaced)"))
            ok &= bool(a and b) and growth < 10
        # ---- kill a check process, then a worker, mid-load -----------------------------------
        before = workers_of(proc.pid)
        victim = before[0]
        checkers = [p for w in before for p in children_of(w)]
        killed = Result()
        kill_plan = ["seed"] * args.kill_requests
        loader = threading.Thread(target=drive, args=(port, kill_plan, kinds, args.concurrency,
                                                      time.monotonic() + args.max_seconds, args.timeout, killed))
        loader.start()
        while killed.sent < args.kill_requests // 3 and loader.is_alive():
            time.sleep(0.01)
        check_victim = checkers[-1] if checkers else None
        if check_victim is not None:
            os.kill(check_victim, signal.SIGKILL)
        while killed.sent < 2 * args.kill_requests // 3 and loader.is_alive():
            time.sleep(0.01)
        victim_checkers = children_of(victim)
        os.kill(victim, signal.SIGKILL)
        t_kill = time.monotonic()
        replaced_after = None
        while time.monotonic() - t_kill < 30:
            now = workers_of(proc.pid)
            if len(now) == len(before) and victim not in now:
                replaced_after = time.monotonic() - t_kill
                break
            time.sleep(0.02)
        loader.join()
        time.sleep(0.5)
        orphans = [p for p in victim_checkers if alive(p)]
        after = workers_of(proc.pid)
        outcomes = killed.statuses["seed"]
        answered = outcomes.get("200", 0)
        seen_errors = sum(v for k, v in outcomes.items() if k != "200" and k != "timeout")
        hung = outcomes.get("timeout", 0)
        check = Result()
        drive(port, ["seed"] * 200, kinds, args.concurrency, time.monotonic() + 120, args.timeout, check)
        print(f"\n## kill: SIGKILL to check process {check_victim} after {args.kill_requests // 3:,} and to worker "
              f"{victim} after {2 * args.kill_requests // 3:,} of {args.kill_requests:,} requests")
        print(f"  sent {killed.sent:,}: answered 200: {answered:,}; errors the client saw: {seen_errors} "
              f"({', '.join(f'{k}: {v}' for k, v in outcomes.items() if k != '200') or 'none'}); "
              f"no outcome (timed out): {hung}")
        print(f"  accounted for: {answered + seen_errors + hung == killed.sent}; silently lost: "
              f"{killed.sent - answered - seen_errors}")
        booted = f"{replaced_after:.2f} s" if replaced_after is not None else "NOT within 30 s"
        print(f"  workers before {before} -> after {after}; replacement booted in {booted}")
        print(f"  the killed worker's check processes {victim_checkers} still alive: {orphans or 'none'}")
        print(f"  afterwards: {check.statuses['seed'].get('200', 0)} of {check.sent} seed requests answered 200")
        ok &= hung == 0 and answered + seen_errors == killed.sent and replaced_after is not None and not orphans
        ok &= check.statuses["seed"].get("200", 0) == check.sent
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print(f"\n{'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
