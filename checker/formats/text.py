"""`path:line:col: severity CODE message [other claim at path:line:col]`, the shape
compilers print and editors already parse."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from ..report import line_col


def render(reports: Sequence[Report]) -> str:
    rows: list[tuple[str, int, int, str, str]] = []
    for r in reports:
        texts = {d.id: d.text for d in r.documents}
        for c in r.conflicts:
            first = c.claims[0]
            line, col = line_col(texts[first.document], first.start)
            others = []
            for o in c.claims[1:]:
                ol, oc = line_col(texts[o.document], o.start)
                others.append(f"{o.document}:{ol}:{oc}")
            status = " (disputed)" if c.status == "disputed" else ""
            msg = f"{c.severity} {c.rule} {c.message}{status} [other claim at {', '.join(others)}]"
            rows.append((first.document, line, col, c.rule, msg))
    rows.sort()
    return "".join(f"{p}:{ln}:{col}: {msg}\n" for p, ln, col, _, msg in rows)
