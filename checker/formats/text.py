"""`path:line:col: severity CODE message [other claim at path:line:col]`, the shape
compilers print and editors already parse. An input that could not be checked is one
line, `path: error: message`, in path order with the findings.

Paths and messages go through `printable()`: one finding is always one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..report import Report
from . import Failure, located
from .terminal import PLAIN, Style, printable, safe_path


def render(reports: Sequence[Report], failures: Sequence[Failure] = (), style: Style = PLAIN) -> str:
    rows: list[tuple[str, int, int, str, str]] = []
    for f in located(reports):
        c = f.conflict
        others = ", ".join(printable(str(o)) for o in f.others)
        status = " (disputed)" if c.status == "disputed" else ""
        where = style("bold", f"{safe_path(f.place.path)}:{f.place.line}:{f.place.column}:")
        msg = f"{where} {style.severity(c.severity)} {style('bold', c.rule)} {printable(c.message)}{status} " \
              f"{style('dim', f'[other claim at {others}]')}"
        rows.append((f.place.path, f.place.line, f.place.column, c.rule, msg))
    for x in failures:
        rows.append((x.path, 0, 0, "", f"{style('bold', safe_path(x.path) + ':')} {style('error', 'error:')} "
                                      f"{printable(x.message)}"))
    rows.sort(key=lambda r: r[:4])
    return "".join(row[4] + "\n" for row in rows)
