"""`checker serve`: the HTTP API (api.create_app) under gunicorn, never Flask's dev server.

The app is loaded in the master before forking (preload), so the engine (pint registry,
compiled patterns, lexicons) is built once and shared copy-on-write by the workers and by
their check processes.

Connections are handled by gevent workers, as gunicorn's documentation advises for a server
that faces clients directly: a client that sends its headers or body slowly holds a greenlet
(cheap, up to `worker_connections` per worker), not a worker or a thread, so /healthz and
checks are still answered while many slow clients are connected. Sync workers (one client
at a time each) were taken down by two slow clients; they are kept as an option
(CHECKER_WORKER_CLASS=sync) only for comparison behind a buffering proxy.

Checks never run in the worker itself: each runs in one of the worker's check processes
(api.py, checker.pool), so the worker's event loop stays free, and a check that outlives
CHECKER_TIME_BUDGET_MS is answered 503 at the budget and its process killed and replaced.
The check processes are forked when the worker starts (post_worker_init, after gevent's
monkey-patching, so that the pool's locks cooperate with it). A worker killed outright
(SIGKILL, OOM) loses only the requests it was serving; the master replaces it and its check
processes die with it (PR_SET_PDEATHSIG). While every worker is saturated, new connections
wait in the listen backlog (`backlog`, 256).

Gunicorn answers malformed requests itself (400 bad request line or header, 414 request
line over 8190 bytes, 431 too many or too large headers, 501 unsupported transfer coding)
before the app sees them; in these workers those answers carry the API's JSON error shape
and `X-Content-Type-Options: nosniff` instead of gunicorn's HTML page (_json_error_page).
What cannot be answered in JSON: a connection closed by the client, a worker killed
mid-request (the connection closes), and connections refused when the backlog is full.

Environment: CHECKER_WORKERS (default 2, overridden by --workers), CHECKER_WORKER_CLASS
(gevent, the default; gthread; sync), CHECKER_WORKER_CONNECTIONS (connections per gevent
worker, default 1000), CHECKER_THREADS (threads per gthread worker, default 128),
CHECKER_ACCESS_LOG=1 to log each request to stderr (off by default). The API's own limits,
and CHECKER_CHECK_PROCESSES (check processes per worker), are in api.py.
"""

from __future__ import annotations

import os
import uuid
import warnings
from typing import Any

import orjson
from gunicorn import util
from gunicorn.app.base import BaseApplication

OPTIONAL = {"control_socket_disable"}  # gunicorn >= 25
WORKER_CLASSES = ("gevent", "gthread", "sync")
_ERROR_CODES = {400: "bad_request", 403: "forbidden", 414: "request_line_too_long", 417: "expectation_failed",
                431: "request_header_fields_too_large", 501: "not_implemented", 500: "internal_error"}


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


def _json_error_page(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's util.write_error, writing the API's error shape instead of an HTML page."""
    from api import error_body

    rid = uuid.uuid4().hex
    message = mesg if status_int < 500 and mesg else reason
    body = orjson.dumps(error_body(status_int, _ERROR_CODES.get(status_int, "bad_request"), message,
                                   request_id=rid), option=orjson.OPT_SORT_KEYS)
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"X-Content-Type-Options: nosniff\r\nX-Request-ID: {rid}\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + body)


def _post_fork(server: Any, worker: Any) -> None:
    # The worker's base class looks util.write_error up when it answers a malformed request.
    util.write_error = _json_error_page
    # The preloaded app imports ssl (the engine's dependencies do) before gevent patches the
    # worker. The service makes no TLS connections and gunicorn serves plain HTTP here (TLS ends
    # at the operator's proxy), so the late patching of ssl that gevent warns about never matters.
    warnings.filterwarnings("ignore", message="Monkey-patching ssl after ssl has already been imported")


def _post_worker_init(worker: Any) -> None:
    pool = getattr(worker, "wsgi", None) and worker.wsgi.extensions.get("checker.pool")
    if pool is not None:
        pool.start()


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def options(host: str, port: int, workers: int | None = None) -> dict[str, Any]:
    worker_class = os.environ.get("CHECKER_WORKER_CLASS", "gevent") or "gevent"
    if worker_class not in WORKER_CLASSES:
        raise ValueError(f"CHECKER_WORKER_CLASS: {worker_class!r} is not one of {', '.join(WORKER_CLASSES)}")
    return {
        "bind": _bind(host, port),
        "workers": workers or int(os.environ.get("CHECKER_WORKERS", "2")),
        "worker_class": worker_class,
        "worker_connections": int(os.environ.get("CHECKER_WORKER_CONNECTIONS", "1000")),
        "threads": int(os.environ.get("CHECKER_THREADS", "128")) if worker_class == "gthread" else 1,
        "preload_app": True,
        "timeout": 30,  # the worker's own heartbeat; checks are bounded by the time budget
        "graceful_timeout": 10,
        "keepalive": 5,
        "backlog": 256,
        "limit_request_line": 8190,
        "accesslog": "-" if os.environ.get("CHECKER_ACCESS_LOG", "") not in ("", "0") else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "checker-api",
        "post_fork": _post_fork,
        "post_worker_init": _post_worker_init,
        "control_socket_disable": True,  # one fixed socket path would collide between instances
    }


def serve(host: str, port: int, workers: int | None = None) -> int:
    """Run the API until interrupted; returns the process exit code."""
    _Server(options(host, port, workers)).run()
    return 0
