"""checker.pool: jobs in forked processes that can be abandoned. No timing assertions: an
overrunning job spins forever (inside one C call that holds the interpreter lock), so only
a pool that kills it can answer at all."""

from __future__ import annotations

import os
import re
import signal
import threading

import pytest

from checker.pool import Busy, Crashed, JobFailed, Overrun, ProcessPool


def target(payload: bytes) -> bytes:
    if payload == b"spin":
        re.match(r"(a+)+$", "a" * 64 + "b")  # 2^64 paths: never returns
    if payload == b"raise":
        raise ValueError("bad job")
    if payload == b"die":
        os._exit(3)
    return payload[::-1] + b"|" + str(os.getpid()).encode()


def pid_of(answer: bytes) -> int:
    return int(answer.rsplit(b"|", 1)[1])


@pytest.fixture
def pool() -> ProcessPool:
    p = ProcessPool(target, 2)
    yield p
    p.close()


def test_jobs_run_in_other_processes_and_large_payloads_pass(pool: ProcessPool) -> None:
    answer = pool.run(b"abc", timeout=30, wait=30)
    assert answer.startswith(b"cba|") and pid_of(answer) != os.getpid() and pid_of(answer) in pool.pids()
    big = os.urandom(3_000_000)  # larger than any pipe buffer, both ways
    assert pool.run(big, timeout=30, wait=30).rsplit(b"|", 1)[0] == big[::-1]


def test_an_overrunning_job_is_abandoned_and_its_process_killed(pool: ProcessPool) -> None:
    pool.start()
    before = set(pool.pids())
    with pytest.raises(Overrun):
        pool.run(b"spin", timeout=0.2, wait=30)
    assert len(set(pool.pids()) & before) == 1  # one of the two was killed and reaped
    (killed,) = before - set(pool.pids())
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)
    assert pid_of(pool.run(b"x", timeout=30, wait=30)) != killed


def test_a_raising_job_reports_its_traceback_and_the_process_carries_on(pool: ProcessPool) -> None:
    first = pid_of(pool.run(b"x", timeout=30, wait=30))
    with pytest.raises(JobFailed) as info:
        pool.run(b"raise", timeout=30, wait=30)
    assert "ValueError: bad job" in info.value.details and "Traceback" in info.value.details
    assert first in pool.pids()


def test_a_process_that_dies_is_reported_and_replaced() -> None:
    pool = ProcessPool(target, 1)
    try:
        first = pid_of(pool.run(b"x", timeout=30, wait=30))
        with pytest.raises(Crashed):  # died while running the job
            pool.run(b"die", timeout=30, wait=30)
        second = pid_of(pool.run(b"x", timeout=30, wait=30))
        assert second != first
        os.kill(second, signal.SIGKILL)  # dies while idle: found out before it is given a job
        os.waitpid(second, 0)  # (here, once it is dead; the pool copes with it reaped or not)
        third = pid_of(pool.run(b"x", timeout=30, wait=30))
        assert third != second and pool.pids() == [third]
    finally:
        pool.close()


def test_busy_when_no_process_comes_free_within_the_wait() -> None:
    pool = ProcessPool(target, 1)
    try:
        results: list[str] = []

        def spin() -> None:
            try:
                pool.run(b"spin", timeout=1.0, wait=30)
            except Overrun:
                results.append("overrun")

        holder = threading.Thread(target=spin)
        holder.start()
        while not pool.pids():  # the spinning job holds the only process
            threading.Event().wait(0.01)
        with pytest.raises(Busy):
            pool.run(b"x", timeout=30, wait=0.05)
        holder.join()
        assert results == ["overrun"]
        assert pool.run(b"x", timeout=30, wait=30).startswith(b"x|")
    finally:
        pool.close()


def test_a_process_is_replaced_after_max_jobs() -> None:
    pool = ProcessPool(target, 1, max_jobs=2)
    try:
        pids = [pid_of(pool.run(b"x", timeout=30, wait=30)) for _ in range(5)]
        assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]
    finally:
        pool.close()


def test_reset_ends_every_process(pool: ProcessPool) -> None:
    pool.start()
    before = pool.pids()
    pool.reset()
    assert pool.pids() == []
    assert pid_of(pool.run(b"x", timeout=30, wait=30)) not in before
