"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
finding, most severe first.

GitHub shows at most 10 annotations of each type per step, so at most `PER_TYPE` of each
severity are printed as annotations; the rest are printed as plain log lines. When
`$GITHUB_STEP_SUMMARY` is set, the full table is appended to it, with a line saying how
many findings were not shown as annotations. An input that could not be checked is an
`::error file=...` annotation of its own, always shown.

Everything user-supplied is escaped: properties (the file name) with `escape_property`,
the message with `escape_data`, and the plain log lines with `printable()`, so a file
named `x\n::warning ...` cannot start a line of its own.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Severity
from ..report import Report
from . import Failure, Located, located
from .terminal import printable, safe_path

PER_TYPE = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Located) -> str:
    p = f.place
    # GitHub's endColumn is the last column of the annotation, not the one after it.
    end_col = max(p.end_column - 1, p.column) if p.end_line == p.line else p.end_column
    props = {
        "file": p.path,
        "line": str(p.line),
        "col": str(p.column),
        "endLine": str(p.end_line),
        "endColumn": str(end_col),
        "title": f.code,
    }
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{COMMANDS[f.severity]} {head}::{escape_data(f.code + ' ' + f.conflict.name + ': ' + f.message())}"


def _cell(s: str) -> str:
    return printable(s).replace("|", "\\|").replace("`", "'")


def failure_annotation(f: Failure) -> str:
    return f"::error file={escape_property(f.path)},title=not checked::{escape_data(f.path + ': ' + f.message)}"


def summary(findings: Sequence[Located], omitted: int, failures: Sequence[Failure] = ()) -> str:
    lines = ["## checker", ""]
    for x in failures:
        lines.append(f"- `{_cell(x.path)}` could not be checked: {_cell(x.message)}")
    if failures:
        lines.append("")
    if not findings:
        lines.append("No findings.")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}; "
                 f"{omitted} not shown as annotations (GitHub shows at most {PER_TYPE} of each type per step).")
    lines += ["", "| severity | location | rule | message |", "|---|---|---|---|"]
    for f in findings:
        lines.append(
            f"| {f.severity} | `{_cell(str(f.place))}` | {f.code} {f.conflict.name} | {_cell(f.message())} |"
        )
    return "\n".join(lines) + "\n"


def render(reports: Sequence[Report], fail_on: str = "error", failures: Sequence[Failure] = ()) -> str:
    findings = sorted(located(reports), key=lambda f: (-f.severity, *f.sort_key()))
    shown: list[str] = []
    rest: list[Located] = []
    per: dict[Severity, int] = {}
    for f in findings:
        per[f.severity] = per.get(f.severity, 0) + 1
        if per[f.severity] <= PER_TYPE:
            shown.append(annotation(f))
        else:
            rest.append(f)
    out = [failure_annotation(x) for x in failures] + shown
    if rest:
        out.append(f"checker: {len(rest)} more finding{'s' if len(rest) != 1 else ''} not shown as annotations:")
        out += [f"{safe_path(f.place.path)}:{f.place.line}:{f.place.column}: {f.severity} {f.code} "
                f"{printable(f.message())}" for f in rest]
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as fh:
            fh.write(summary(findings, len(rest), failures))
    return "".join(line + "\n" for line in out)
