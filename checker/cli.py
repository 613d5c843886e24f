"""The command line: a thin shell over the engine. No rule, pattern or threshold lives here.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage, configuration or
input errors (message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import ConfigError, Options, find_config, load_config, options_from
from .model import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker", description="Fact-consistency checker for news copy.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check files (or - for standard input)")
    c.add_argument("paths", nargs="+")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="error")
    c.add_argument("--min-severity", choices=("error", "warning", "info"), default=None)
    c.add_argument("--select", default=None, help="comma-separated code prefixes to run")
    c.add_argument("--ignore", default=None, help="comma-separated code prefixes to skip")
    c.add_argument("--published", default=None, help="publication date (YYYY-MM-DD) for every file")
    c.add_argument("--together", action="store_true", help="check all files as one set")
    c.add_argument("--config", type=Path, default=None)

    sub.add_parser("rules", help="list the rules")
    e = sub.add_parser("explain", help="show a rule's documentation and examples")
    e.add_argument("code")

    ev = sub.add_parser("eval", help="score the engine on an annotated corpus")
    ev.add_argument("path", nargs="?", default="corpus")
    ev.add_argument("--format", choices=("text", "json"), default="text")
    ev.add_argument("--show", action="store_true", help="print every miss and false alarm")
    ev.add_argument("--write-baseline", action="store_true", help="record the figures as the new ratchet")

    s = sub.add_parser("serve", help="serve the HTTP API with a production WSGI server")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument("--workers", type=int, default=None)
    return p


def _options(args: argparse.Namespace) -> Options:
    found = None
    if args.config is not None:
        if not args.config.is_file():
            raise ConfigError(f"{args.config}: no such configuration file")
        raw, where = load_config(args.config), str(args.config)
    else:
        found = find_config(Path.cwd())
        raw, where = ({}, "config") if found is None else (load_config(found[0]), str(found[0]))
    raw = dict(raw)
    for key in ("select", "ignore"):
        value = getattr(args, key)
        if value is not None:
            raw[key] = value
    if args.min_severity:
        raw["min_severity"] = args.min_severity
    raw.pop("fail_on", None)
    raw.pop("format", None)
    raw.pop("per_file", None)
    return options_from(raw, where)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None


def cmd_check(args: argparse.Namespace) -> int:
    from . import default_engine
    from .formats import render

    opts = _options(args)
    docs = []
    for path in args.paths:
        doc: dict[str, object] = {"id": path, "text": _read(path)}
        if args.published:
            doc["published"] = args.published
        docs.append(doc)
    engine = default_engine()
    batches = [docs] if args.together else [[d] for d in docs]
    reports = [engine.check(b, opts) for b in batches]
    for r in reports:
        if r.errors:
            raise UsageError("; ".join(f"{e['field']}: {e['message']}" for e in r.errors))
    sys.stdout.write(render(reports, args.format))
    if args.fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(args.fail_on)
    failing = any(c.severity >= threshold for r in reports for c in r.conflicts)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def cmd_rules(_: argparse.Namespace) -> int:
    from .rules import all_rules

    for r in all_rules():
        print(f"{r.code}  {r.name:<24} {r.family:<12} {r.severity!s:<8} {r.summary}")
    return EXIT_CLEAN


def cmd_explain(args: argparse.Namespace) -> int:
    from .rules import rule_by_code

    r = rule_by_code(args.code)
    if r is None:
        raise UsageError(f"unknown rule code {args.code!r} (see `checker rules`)")
    print(f"{r.code} {r.name} ({r.family}, default severity {r.severity}, {r.lifecycle})\n")
    print(r.summary + "\n")
    print(r.doc + "\n")
    for label, examples in (("Flagged", r.flags), ("Not flagged", r.passes)):
        print(f"{label}:")
        for e in examples:
            for d in e.as_documents():
                print(f"  - {d['text']}")
    return EXIT_CLEAN


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    return run_eval(Path(args.path), fmt=args.format, show=args.show, write_baseline=args.write_baseline)


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.host, args.port, args.workers)


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "eval": cmd_eval, "serve": cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_CLEAN
    try:
        return COMMANDS[args.command](args)
    except (UsageError, ConfigError, ValueError) as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_CLEAN
