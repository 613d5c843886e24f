"""The command line: a thin shell over the engine. No rule, pattern or threshold lives here.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage, configuration or
input errors (message on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .config import FAIL_ON, ConfigError, Options, Settings, find_config, load_config, settings_from
from .formats import FORMATS
from .markdown import MARKDOWN_SUFFIXES, kind_of, parse, to_raw
from .model import Report, Severity
from .suppress import apply_baseline, apply_directives, load_baseline, regions, write_baseline

CHECKED_SUFFIXES = (*MARKDOWN_SUFFIXES, ".txt")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker", description="Fact-consistency checker for news copy.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check files, folders (their .md, .markdown and .txt) or - for standard input")
    c.add_argument("paths", nargs="+")
    c.add_argument("--format", choices=FORMATS, default=None, help="output format (default: text)")
    c.add_argument("--fail-on", choices=FAIL_ON, default=None, help="lowest severity that fails (default: error)")
    c.add_argument("--min-severity", choices=("error", "warning", "info"), default=None, help="lowest severity shown")
    c.add_argument("--select", default=None, help="comma-separated code prefixes to run")
    c.add_argument("--ignore", default=None, help="comma-separated code prefixes to skip")
    c.add_argument("--published", default=None, help="publication date (YYYY-MM-DD) for every file")
    c.add_argument("--together", action="store_true", help="check all files as one set")
    c.add_argument("--config", type=Path, default=None)
    c.add_argument("--ext", choices=("md", "txt"), default="txt", help="how to read standard input (default: txt)")
    c.add_argument("--baseline", type=Path, default=None, help="report only findings not in this baseline")
    c.add_argument("--write-baseline", type=Path, default=None, help="record the current findings and exit 0")

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


def _settings(args: argparse.Namespace) -> Settings:
    if args.config is not None:
        if not args.config.is_file():
            raise ConfigError(f"{args.config}: no such configuration file")
        path: Path | None = args.config
    else:
        found = find_config(Path.cwd())
        path = None if found is None else found[0]
    raw = {} if path is None else load_config(path)
    overrides = {k: getattr(args, k) for k in ("select", "ignore", "min_severity") if getattr(args, k) is not None}
    where = "config" if path is None else str(path)
    return settings_from(raw, where, None if path is None else path.parent, overrides)


def _expand(paths: Sequence[str]) -> list[str]:
    """Files as given, folders as their Markdown and text files (hidden folders and
    node_modules left out); sorted, without repeats."""
    out: list[str] = []
    for p in paths:
        if p != "-" and Path(p).is_dir():
            for f in sorted(Path(p).rglob("*")):
                parts = f.relative_to(p).parts
                if any(x.startswith(".") or x == "node_modules" for x in parts[:-1]):
                    continue
                if f.suffix.lower() in CHECKED_SUFFIXES and f.is_file():
                    out.append(os.path.normpath(f))
        else:
            out.append(p if p == "-" else os.path.normpath(p))
    return sorted(dict.fromkeys(out))


def _read(path: str) -> str:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _input_error(batch: Sequence[dict[str, object]], error: dict[str, object]) -> str:
    """An engine input error, named by path and field ("a.md: published: ...")."""
    index, field = error.get("document"), str(error.get("field", ""))
    path = batch[index]["id"] if isinstance(index, int) and index < len(batch) else "input"
    return f"{path}: {field.rsplit('.', 1)[-1]}: {error.get('message')}"


def check_sources(
    sources: Sequence[tuple[str, str, str]], settings: Settings, together: bool = False, published: str | None = None
) -> list[Report]:
    """Check (path, raw text, kind) triples: parse, run the engine with each file's
    options, map positions back to the raw files and drop suppressed findings."""
    from . import default_engine

    proses, ignored, docs = {}, {}, []
    for path, raw, kind in sources:
        try:
            prose = parse(raw, kind)
            ignored[path] = regions(prose)
        except ValueError as exc:
            raise UsageError(f"{path}: {exc}") from None
        proses[path] = prose
        doc: dict[str, object] = {"id": path, "text": prose.text}
        if published or prose.published:
            doc["published"] = published or prose.published
        docs.append(doc)
    engine = default_engine()
    # Everything is found; --min-severity only decides what is shown.
    options = {d["id"]: replace(settings.options_for(str(d["id"])), min_severity=Severity.INFO) for d in docs}
    reports: list[Report] = []
    for batch in [docs] if together else [[d] for d in docs]:
        ids = {str(d["id"]) for d in batch}
        distinct: list[Options] = []  # Options hold dicts, so they are compared, not hashed
        for i in sorted(ids):
            if options[i] not in distinct:
                distinct.append(options[i])
        parts = [engine.check(batch, o) for o in distinct]
        for r in parts:
            if r.errors:
                raise UsageError("; ".join(_input_error(batch, e) for e in r.errors))
        # A finding is judged with the options of the file its first claim is in.
        kept = tuple(c for o, r in zip(distinct, parts, strict=True) for c in r.conflicts
                     if options[c.claims[0].document] == o)
        report = to_raw(replace(parts[0], conflicts=kept), proses)
        reports.append(apply_directives(report, ignored))
    return reports


def cmd_check(args: argparse.Namespace) -> int:
    from .formats import render

    settings = _settings(args)
    fmt = args.format or settings.format or "text"
    if fmt not in FORMATS:
        raise ConfigError(f"{settings.where}: format: {fmt!r} is not one of {', '.join(FORMATS)}")
    fail_on = args.fail_on or settings.fail_on or "error"
    paths = _expand(args.paths)
    if not paths:
        raise UsageError("no Markdown or text files to check")
    sources = [(p, _read(p), args.ext if p == "-" else kind_of(p)) for p in paths]
    reports = check_sources(sources, settings, args.together, args.published)
    if args.write_baseline is not None:
        n = write_baseline(args.write_baseline, reports)
        print(f"checker: wrote {n} finding{'s' if n != 1 else ''} to {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    if args.baseline is not None:
        reports = apply_baseline(reports, load_baseline(args.baseline))
    shown_from = settings.options_for().min_severity
    shown = [replace(r, conflicts=tuple(c for c in r.conflicts if c.severity >= shown_from)) for r in reports]
    sys.stdout.write(render(shown, fmt, fail_on=fail_on))
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    failing = sum(1 for r in reports for c in r.conflicts if c.severity >= threshold)
    hidden = failing - sum(1 for r in shown for c in r.conflicts if c.severity >= threshold)
    if hidden:
        note = f"checker: {hidden} finding(s) below --min-severity {shown_from} fail --fail-on {fail_on}"
        print(note, file=sys.stderr)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def cmd_rules(_: argparse.Namespace) -> int:
    from .rules import all_rules

    for r in all_rules():
        print(f"{r.code}  {r.name:<24} {r.family:<16} {r.severity!s:<8} {r.summary}")
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
