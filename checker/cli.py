"""The command line: a thin shell over the engine. No rule, pattern or threshold lives here.

Exit codes, as ruff and Vale use them:
  0  nothing at or above --fail-on;
  1  something is, or (unless --fail-on never) a file could not be checked: it is
     reported as an error line (`path: error: ...`) and every other file is still checked;
  2  usage or configuration errors, or no file could be checked at all (message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .config import FAIL_ON, ConfigError, Options, Settings, find_config, load_config, settings_from
from .files import DEFAULT_MAX_BYTES, InputError, expand, read_text
from .formats import FORMATS, Failure
from .formats.terminal import Style, colour_enabled, printable, summary
from .markdown import kind_of, parse, to_raw
from .model import Severity
from .report import Report
from .suppress import apply_baseline, apply_directives, load_baseline, regions, write_baseline

if TYPE_CHECKING:
    from .rules import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _size(value: str) -> int:
    """A byte count, optionally with a k or M suffix (1024 and 1024²)."""
    scale = {"k": 1024, "m": 1024 * 1024}.get(value[-1:].lower(), 1)
    number = value[:-1] if scale > 1 else value
    try:
        n = int(number) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in bytes (e.g. 500000, 512k, 2M)") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker", description="Fact-consistency checker for news copy.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check files, folders (their .md, .markdown and .txt) or - for standard input")
    c.add_argument("paths", nargs="*", default=["."], help="files, folders or - (default: the current folder)")
    c.add_argument("--format", choices=FORMATS, default=None, help="output format (default: text)")
    c.add_argument("--fail-on", choices=FAIL_ON, default=None, help="lowest severity that fails (default: error)")
    c.add_argument("--min-severity", choices=("error", "warning", "info"), default=None, help="lowest severity shown")
    c.add_argument("--select", default=None, help="comma-separated code prefixes to run")
    c.add_argument("--ignore", default=None, help="comma-separated code prefixes to skip")
    c.add_argument("--published", default=None, help="publication date (YYYY-MM-DD) for every file")
    c.add_argument("--together", action="store_true", help="check all files as one set (conflicts across files)")
    c.add_argument("--config", type=Path, default=None)
    c.add_argument("--ext", choices=("md", "txt"), default="txt", help="how to read standard input (default: txt)")
    c.add_argument("--baseline", type=Path, default=None, help="report only findings not in this baseline")
    c.add_argument("--write-baseline", type=Path, default=None, help="record the current findings and exit 0")
    c.add_argument("--max-file-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="BYTES",
                   help=f"a larger file is not checked and is reported as an error (default: {DEFAULT_MAX_BYTES})")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in text output (default: auto; NO_COLOR and FORCE_COLOR are honoured)")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    sub.add_parser("rules", help="list the rules")
    e = sub.add_parser("explain", help="show rules' documentation and examples")
    e.add_argument("rules", nargs="+", metavar="RULE", help="a code (QTY001), a code prefix (QTY) or a name")

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


@dataclass
class Run:
    """What a check produced: one report per checked set, and the inputs left out."""

    reports: list[Report] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def _engine_error(batch: Sequence[dict[str, object]], error: dict[str, object]) -> Failure:
    """An engine input error, named by path and field ("a.md", "published: ...")."""
    index, name = error.get("document"), str(error.get("field", ""))
    path = str(batch[index]["id"]) if isinstance(index, int) and index < len(batch) else "input"
    return Failure(path, f"{name.rsplit('.', 1)[-1]}: {error.get('message')}")


def check_files(
    sources: Sequence[tuple[str, str, str]], settings: Settings, together: bool = False, published: str | None = None
) -> Run:
    """Check (path, raw text, kind) triples: parse, run the engine with each file's
    options, map positions back to the raw files and drop suppressed findings. A file
    that cannot be parsed, or that the engine refuses, is a failure; the rest are checked."""
    from . import default_engine

    run = Run()
    proses, ignored, docs = {}, {}, []
    for path, raw, kind in sources:
        try:
            prose = parse(raw, kind)
            ignored[path] = regions(prose)
        except (ValueError, RecursionError) as exc:
            run.failures.append(Failure(path, str(exc) if isinstance(exc, ValueError) else "nested too deeply"))
            continue
        proses[path] = prose
        doc: dict[str, object] = {"id": path, "text": prose.text}
        if published or prose.published:
            doc["published"] = published or prose.published
        docs.append(doc)
    engine = default_engine()
    # Everything is found; --min-severity only decides what is shown.
    options = {d["id"]: replace(settings.options_for(str(d["id"])), min_severity=Severity.INFO) for d in docs}
    for batch in ([docs] if docs else []) if together else [[d] for d in docs]:
        ids = {str(d["id"]) for d in batch}
        distinct: list[Options] = []  # Options hold dicts, so they are compared, not hashed
        for i in sorted(ids):
            if options[i] not in distinct:
                distinct.append(options[i])
        try:
            parts = [engine.check(batch, o) for o in distinct]
        except Exception as exc:  # one file that breaks the engine must not end the run
            why = f"the checker failed on this file ({type(exc).__name__}: {exc}); please report it"
            run.failures.extend(Failure(str(d["id"]), why) for d in batch)
            continue
        run.failures.extend(_engine_error(batch, e) for e in parts[0].errors)
        if not parts[0].documents:
            continue
        # A finding is judged with the options of the file its first claim is in.
        kept = tuple(c for o, r in zip(distinct, parts, strict=True) for c in r.conflicts
                     if options[c.claims[0].document] == o)
        report = to_raw(replace(parts[0], conflicts=kept, errors=()), proses)
        run.reports.append(apply_directives(report, ignored))
    run.failures.sort(key=lambda f: f.path)
    return run


def check_sources(
    sources: Sequence[tuple[str, str, str]], settings: Settings, together: bool = False, published: str | None = None
) -> list[Report]:
    """Like check_files, for callers that want every input checked or an error."""
    run = check_files(sources, settings, together, published)
    if run.failures:
        raise UsageError("; ".join(f"{f.path}: {f.message}" for f in run.failures))
    return run.reports


def cmd_check(args: argparse.Namespace) -> int:
    from .formats import render

    settings = _settings(args)
    fmt = args.format or settings.format or "text"
    if fmt not in FORMATS:
        raise ConfigError(f"{settings.where}: format: {fmt!r} is not one of {', '.join(FORMATS)}")
    fail_on = args.fail_on or settings.fail_on or "error"
    paths, missing = expand(args.paths)
    failures = [Failure(m.path, m.message) for m in missing]
    if not paths and not failures:
        raise UsageError("no Markdown or text files to check")
    sources = []
    for p in paths:
        try:
            sources.append((p, read_text(p, args.max_file_size), args.ext if p == "-" else kind_of(p)))
        except InputError as exc:
            failures.append(Failure(exc.path, exc.message))
    run = check_files(sources, settings, args.together, args.published)
    failures = sorted([*failures, *run.failures], key=lambda f: f.path)
    reports = run.reports
    if not reports:
        for f in failures:
            print(f"checker: {printable(f.path)}: {printable(f.message)}", file=sys.stderr)
        print(f"checker: no file could be checked ({len(failures)} could not be read or parsed)", file=sys.stderr)
        return EXIT_USAGE
    if args.write_baseline is not None:
        n = write_baseline(args.write_baseline, reports)
        print(f"checker: wrote {n} finding{'s' if n != 1 else ''} to {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    if args.baseline is not None:
        reports = apply_baseline(reports, load_baseline(args.baseline))
    shown_from = settings.options_for().min_severity
    shown = [replace(r, conflicts=tuple(c for c in r.conflicts if c.severity >= shown_from)) for r in reports]
    out_style = Style(fmt == "text" and colour_enabled(sys.stdout, args.color))
    sys.stdout.write(render(shown, fmt, fail_on=fail_on, failures=failures, style=out_style))
    if fmt in ("json", "sarif", "junit"):  # the structured output holds them; the log should too
        for f in failures:
            print(f"checker: {printable(f.path)}: error: {printable(f.message)}", file=sys.stderr)
    if not args.quiet:
        found = [c for r in shown for c in r.conflicts]
        checked = {d.id for r in reports for d in r.documents}
        stream = sys.stdout if fmt == "text" else sys.stderr
        style = out_style if stream is sys.stdout else Style(colour_enabled(sys.stderr, args.color))
        line = summary([c.severity for c in found], len({c.claims[0].document for c in found}), len(checked),
                       len(failures), style)
        print(line, file=stream)
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    failing = sum(1 for r in reports for c in r.conflicts if c.severity >= threshold)
    hidden = failing - sum(1 for r in shown for c in r.conflicts if c.severity >= threshold)
    if hidden:
        note = f"checker: {hidden} finding(s) below --min-severity {shown_from} fail --fail-on {fail_on}"
        print(note, file=sys.stderr)
    return EXIT_FINDINGS if failing or failures else EXIT_CLEAN


def cmd_rules(_: argparse.Namespace) -> int:
    from .rules import all_rules

    for r in all_rules():
        print(f"{r.code}  {r.name:<24} {r.family:<16} {r.severity!s:<8} {r.summary}")
    return EXIT_CLEAN


def rules_matching(query: str) -> list[Rule]:
    """Rules by exact code or name, else by code prefix or family (QTY, entity-spelling)."""
    from .rules import all_rules

    q = query.strip()
    rules = all_rules()
    exact = [r for r in rules if q.upper() == r.code or q.lower() == r.name]
    if exact:
        return exact
    return [r for r in rules if q and (r.code.startswith(q.upper()) or r.family == q.lower())]


def _example(number: int, documents: Sequence[dict[str, str]]) -> list[str]:
    """An example's documents, each with its id and, when it has one, its publication date."""
    lines = []
    for i, d in enumerate(documents):
        head = d.get("id", "example") + (f", published {d['published']}" if d.get("published") else "")
        lines.append(f"  {f'{number}.' if i == 0 else '':<3} [{head}] {d['text']}")
    return lines


def cmd_explain(args: argparse.Namespace) -> int:
    chosen: list[Rule] = []
    for query in args.rules:
        found = rules_matching(query)
        if not found:
            raise UsageError(f"no rule has the code, prefix, name or family {query!r} (see `checker rules`)")
        chosen += [r for r in found if r not in chosen]
    for n, r in enumerate(chosen):
        if n:
            print("\n" + "-" * 72 + "\n")
        print(f"{r.code} {r.name} ({r.family}, default severity {r.severity}, {r.lifecycle})\n")
        print(r.summary + "\n")
        print(r.doc + "\n")
        for label, examples in (("Flagged", r.flags), ("Not flagged", r.passes)):
            print(f"{label}:")
            for i, e in enumerate(examples, 1):
                print("\n".join(_example(i, e.as_documents())))
    return EXIT_CLEAN


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    return run_eval(Path(args.path), fmt=args.format, show=args.show, write_baseline=args.write_baseline)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from .serve import serve
    except ImportError as exc:  # the service's libraries are an extra, not needed by `checker check`
        raise UsageError(f"`checker serve` needs the service's libraries ({exc.name} is missing): "
                         "pip install 'checker[serve]' (or, from a clone, pip install '.[serve]')") from None

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
