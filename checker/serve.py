"""`checker serve`: the HTTP API (api.create_app) under gunicorn, never Flask's dev server.

The app is loaded in the master before forking (preload), so the engine (pint registry,
compiled patterns, lexicons) is built once and shared copy-on-write by the workers.
Workers are sync workers: checking is CPU-bound, and an idle sync worker is the only one
that accepts, so requests spread evenly over the cores. Measured on 2 cores with the seed
article at concurrency 8 (benchmarks/bench_api.py), gthread workers with keep-alive gave
the same best case but let one worker hoard connections in some runs (40% less
throughput, twice the p99). Sync workers close the connection after each response and
expect a buffering reverse proxy (nginx) in front when clients can be slow or remote.

A check that outlives CHECKER_TIME_BUDGET_MS is answered 503 at the budget but cannot be
stopped inside the process; api.Budget marks the request (api.RETIRE_KEY) and the
post_request hook below then retires the worker (it finishes the response, exits, and the
master forks a fresh one from the preloaded app in milliseconds), so an overrunning input
costs one restart rather than a core for as long as it runs. A worker killed outright
(SIGKILL, OOM) loses only the request it was serving: that client sees the connection
close, and the master replaces the worker. While every worker is busy, new connections wait
in the listen backlog (`backlog`, 256) and are served in turn.

Environment: CHECKER_WORKERS (default 2, overridden by --workers), CHECKER_ACCESS_LOG=1
to log each request to stderr (off by default). The API's own limits are in api.py.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication

OPTIONAL = {"control_socket_disable"}  # gunicorn >= 25


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in OPTIONAL and key not in self.cfg.settings:
                continue  # a setting this gunicorn version does not have
            self.cfg.set(key, value)

    def load(self) -> Any:
        from api import create_app

        return create_app()


def _post_request(worker: Any, req: Any, environ: dict[str, Any], resp: Any) -> None:
    from api import RETIRE_KEY

    if environ.get(RETIRE_KEY):
        worker.log.warning("retiring worker %s: a check outlived the time budget", os.getpid())
        worker.alive = False  # the sync worker leaves its loop after this request; the master replaces it


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def options(host: str, port: int, workers: int | None = None) -> dict[str, Any]:
    budget_s = int(os.environ.get("CHECKER_TIME_BUDGET_MS", "10000") or 0) / 1000
    return {
        "bind": _bind(host, port),
        "workers": workers or int(os.environ.get("CHECKER_WORKERS", "2")),
        "worker_class": "sync",
        "preload_app": True,
        "timeout": max(30, int(budget_s * 3)),
        "graceful_timeout": 10,
        "backlog": 256,
        "limit_request_line": 8190,
        "accesslog": "-" if os.environ.get("CHECKER_ACCESS_LOG", "") not in ("", "0") else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "checker-api",
        "post_request": _post_request,
        "control_socket_disable": True,  # one fixed socket path would collide between instances
    }


def serve(host: str, port: int, workers: int | None = None) -> int:
    """Run the API until interrupted; returns the process exit code."""
    _Server(options(host, port, workers)).run()
    return 0
