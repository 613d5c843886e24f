"""Work in processes that can be abandoned: the API's time budget holds whatever a check does.

A Python thread cannot be stopped, and one long regular-expression call holds the
interpreter lock, so a budget enforced by a thread that waits never fires in time. A process
can be killed. `ProcessPool(target, size)` keeps up to `size` forked copies of the current
process; each runs `target(payload: bytes) -> bytes` on the jobs it is sent, one at a time.

    pool.run(payload, timeout=10.0, wait=10.0) -> bytes

raises `Busy` when no process comes free within `wait` seconds, `Overrun` when the job is
not answered within `timeout` (the process is killed with SIGKILL at that moment, so the
caller answers at the deadline, and a fresh one is forked when next needed: the process that
ran an overrunning job never runs another; nor does one that has run `max_jobs`, so that
memory a large job left behind is returned), `Crashed` when the process died before answering
(killed from outside, out of memory), and `JobFailed` (with the traceback, for the log)
when `target` raised; that process carries on.

Why fork: children share the parent's built engine copy-on-write, so one starts in a few
milliseconds with nothing to rebuild, and a test's stub engine is simply there. A child runs
only `target` and the loop below: it resets the signal handlers it inherited (a server's
SIGTERM/SIGHUP handlers belong to the parent), ignores SIGINT (a terminal's Ctrl-C goes to
the whole process group; the parent ends its children), asks the kernel to kill it if the
parent dies (Linux's PR_SET_PDEATHSIG), and closes every inherited socket, so that a client
connection the parent closes is really closed. Forking a process that has threads is safe for
that little: CPython reinitializes the import lock and logging's locks in the child, and no
other lock of the parent's is taken by the child.

Waiting uses `select.poll`, `os.read` and `os.write`, looked up when called: under a gevent
worker (monkey-patched) the wait yields to other connections; under threads it releases the
interpreter lock. Locks are created in the process that uses them, after any fork and patch.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import stat
import struct
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

_HEAD = struct.Struct(">BQ")  # kind (0 answer, 1 the target raised), body length
_CHUNK = 1 << 16
_PR_SET_PDEATHSIG = 1


class PoolError(Exception):
    """Base of the pool's errors."""


class Busy(PoolError):
    """No process came free within the wait."""


class Overrun(PoolError):
    """The job was not answered within its timeout; its process was killed."""


class Crashed(PoolError):
    """The process died before answering."""


class JobFailed(PoolError):
    """The target raised; `details` is the child's traceback (for the log, never a client)."""

    def __init__(self, details: str) -> None:
        super().__init__("the job raised in its process")
        self.details = details


class _Deadline(Exception):
    pass


@dataclass
class _Proc:
    pid: int
    send: int  # the parent writes jobs here
    recv: int  # and reads answers here
    generation: int
    jobs: int = 0


class ProcessPool:
    def __init__(self, target: Callable[[bytes], bytes], size: int, max_jobs: int = 1000) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one process")
        self.target = target
        self.size = size
        self.max_jobs = max_jobs  # then the process is replaced, so memory a large job left behind is returned
        self._owner = -1
        self._guard = threading.Lock()  # held only around code that never waits or yields
        self._live = 0
        self._idle: list[_Proc] = []
        self._all: list[_Proc] = []
        self._generation = 0
        self._cond: threading.Condition | None = None

    # -- per process -------------------------------------------------------------------

    def _here(self) -> threading.Condition:
        """This process's state. After a fork (gunicorn forks its workers from the master) the
        processes in the lists are the parent's: their descriptors are closed here, never killed."""
        if self._owner != os.getpid():
            with self._guard:
                if self._owner != os.getpid():
                    for p in self._all:
                        _close(p.send, p.recv)
                    self._all, self._idle, self._live = [], [], 0
                    self._cond = threading.Condition()
                    self._owner = os.getpid()
        assert self._cond is not None
        return self._cond

    def start(self) -> None:
        """Fork every process now (a server calls this before its first request)."""
        cond = self._here()
        with cond:
            missing = self.size - self._live
            self._live += missing
        for _ in range(missing):
            try:
                proc = self._spawn()
            except BaseException:
                with cond:
                    self._live -= 1
                raise
            self._give(proc)

    def reset(self) -> None:
        """End every process; jobs running now finish, and their processes are not reused."""
        cond = self._here()
        with cond:
            self._generation += 1
            idle, self._idle = self._idle, []
        for p in idle:
            self._discard(p)

    def close(self) -> None:
        self.reset()

    def pids(self) -> list[int]:
        """The process ids of this process's live check processes."""
        cond = self._here()
        with cond:
            return sorted(p.pid for p in self._all)

    # -- running a job -----------------------------------------------------------------

    def run(self, payload: bytes, timeout: float | None = None, wait: float | None = None) -> bytes:
        proc = self._take(wait)
        deadline = None if timeout is None else time.monotonic() + timeout
        kept = False
        proc.jobs += 1
        try:
            _write_frame(proc.send, 0, payload, deadline)
            kind, body = _read_frame(proc.recv, deadline)
            kept = True
        except _Deadline:
            raise Overrun(f"no answer within {timeout} s") from None
        except (EOFError, OSError) as exc:
            raise Crashed(f"the process ended before answering ({exc})") from None
        finally:
            if kept:
                self._give(proc)
            else:
                self._discard(proc)
        if kind == 1:
            raise JobFailed(body.decode("utf-8", "replace"))
        return body

    def _take(self, wait: float | None) -> _Proc:
        cond = self._here()
        until = None if wait is None else time.monotonic() + wait
        dead: list[_Proc] = []
        try:
            with cond:
                while True:
                    while self._idle:
                        proc = self._idle.pop()
                        if _alive(proc.pid):
                            return proc
                        dead.append(proc)  # ended while idle (killed from outside, out of memory)
                    if self._live - len(dead) < self.size:
                        self._live += 1
                        break
                    left = None if until is None else until - time.monotonic()
                    if left is not None and left <= 0:
                        raise Busy("every process is busy")
                    cond.wait(left)
        finally:
            for proc in dead:
                self._discard(proc)
        try:
            return self._spawn()
        except BaseException:
            with cond:
                self._live -= 1
                cond.notify()
            raise

    def _give(self, proc: _Proc) -> None:
        cond = self._here()
        with cond:
            if proc.generation == self._generation and proc.jobs < self.max_jobs:
                self._idle.append(proc)
                cond.notify()
                return
        self._discard(proc)

    def _discard(self, proc: _Proc) -> None:
        cond = self._here()
        with cond:
            # Out of the list before its descriptors are closed: a process forked meanwhile
            # closes its siblings' descriptors, and a closed number may already be reused.
            self._all.remove(proc)
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        _close(proc.send, proc.recv)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(proc.pid, 0)
        with cond:
            self._live -= 1
            cond.notify()

    def _spawn(self) -> _Proc:
        job_r, job_w = os.pipe()
        ans_r, ans_w = os.pipe()
        parent = os.getpid()
        with self._here():  # after the pipes: every descriptor listed here is open and none is ours
            siblings = [fd for p in self._all for fd in (p.send, p.recv)]
        pid = os.fork()
        if pid == 0:  # the child: never returns
            _child(self.target, job_r, ans_w, [job_w, ans_r, *siblings], parent)
        os.close(job_r)
        os.close(ans_w)
        os.set_blocking(job_w, False)
        os.set_blocking(ans_r, False)
        proc = _Proc(pid, job_w, ans_r, self._generation)
        with self._here():
            self._all.append(proc)
        return proc


# -- the parent's side of a pipe ----------------------------------------------------------

def _wait(fd: int, events: int, deadline: float | None) -> None:
    left = None if deadline is None else deadline - time.monotonic()
    if left is not None and left <= 0:
        raise _Deadline
    poller = select.poll()
    poller.register(fd, events)
    if not poller.poll(None if left is None else max(1, int(left * 1000 + 1))):
        if deadline is not None and time.monotonic() >= deadline:
            raise _Deadline


def _write_frame(fd: int, kind: int, body: bytes, deadline: float | None) -> None:
    data = memoryview(_HEAD.pack(kind, len(body)) + body)
    while data:
        try:
            n = os.write(fd, data[:_CHUNK])
        except BlockingIOError:
            _wait(fd, select.POLLOUT, deadline)
            continue
        data = data[n:]


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    parts: list[bytes] = []
    while n:
        try:
            chunk = os.read(fd, min(n, _CHUNK))
        except BlockingIOError:
            _wait(fd, select.POLLIN, deadline)
            continue
        if not chunk:
            raise EOFError("pipe closed")
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _read_frame(fd: int, deadline: float | None) -> tuple[int, bytes]:
    kind, size = _HEAD.unpack(_read_exact(fd, _HEAD.size, deadline))
    return kind, _read_exact(fd, size, deadline)


def _alive(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return False


def _close(*fds: int) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


# -- the child ---------------------------------------------------------------------------

def _child(target: Callable[[bytes], bytes], job_r: int, ans_w: int, close: list[int], parent: int) -> None:
    code = 0
    try:
        _close(*close)
        _detach(keep={job_r, ans_w}, parent=parent)
        os.set_blocking(job_r, True)
        os.set_blocking(ans_w, True)
        while True:
            try:
                _, payload = _read_frame(job_r, None)
            except EOFError:  # the parent closed the pipe or exited
                break
            try:
                kind, body = 0, target(payload)
            except BaseException:
                kind, body = 1, traceback.format_exc().encode("utf-8", "replace")
            _write_frame(ans_w, kind, body, None)
    except BaseException:
        code = 1
        with contextlib.suppress(BaseException):
            traceback.print_exc(file=sys.stderr)
    finally:
        os._exit(code)


def _detach(keep: set[int], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGTTIN", "SIGTTOU", "SIGCHLD",
                 "SIGALRM", "SIGABRT"):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(0)
        try:
            inherited = [int(fd) for fd in os.listdir("/proc/self/fd")]
        except OSError:
            inherited = []
        for fd in inherited:
            if fd > 2 and fd not in keep:
                with contextlib.suppress(OSError):
                    if stat.S_ISSOCK(os.fstat(fd).st_mode):
                        os.close(fd)
