"""Output formats for the command line. Each renders a list of reports (one per checked
set of files) to a string; positions are computed here, never stored.

Every format also renders the inputs that could not be checked (`Failure`: a path and
why), so a run that skipped a file never looks like a clean one. json renders the
reports as they are; the others share `located()`, which gives every finding its path,
line and column (1-based, code points) and sorts them by path, line, column and code.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Claim, Conflict, Severity
from ..report import Report, line_col
from .terminal import PLAIN, Style

FORMATS = ("text", "json", "sarif", "github", "junit")
_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github", "junit": "junit"}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be checked, and why (one line, no path in it)."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Place:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just after the claim
    start: int
    end: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Located:
    conflict: Conflict
    place: Place
    others: tuple[Place, ...]

    @property
    def severity(self) -> Severity:
        return self.conflict.severity

    @property
    def code(self) -> str:
        return self.conflict.rule

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.place.path, self.place.line, self.place.column, self.code, self.conflict.fingerprint)

    def message(self) -> str:
        """The message with the status and the other claims' positions, as in `text`."""
        status = " (disputed)" if self.conflict.status == "disputed" else ""
        others = ", ".join(str(o) for o in self.others)
        return f"{self.conflict.message}{status} [other claim at {others}]"


def place(claim: Claim, text: str) -> Place:
    line, col = line_col(text, claim.start)
    end_line, end_col = line_col(text, claim.end)
    return Place(claim.document, line, col, end_line, end_col, claim.start, claim.end, claim.text)


def located(reports: Sequence[Report]) -> list[Located]:
    out = []
    for r in reports:
        texts = {d.id: d.text for d in r.documents}
        for c in r.conflicts:
            places = [place(x, texts[x.document]) for x in c.claims]
            at = c.primary if 0 <= c.primary < len(places) else 0
            out.append(Located(c, places[at], tuple(places[:at] + places[at + 1 :])))
    return sorted(out, key=Located.sort_key)


def paths(reports: Sequence[Report]) -> list[str]:
    """Every checked file, sorted."""
    return sorted({d.id for r in reports for d in r.documents})


def render(
    reports: Sequence[Report], fmt: str, *, fail_on: str = "error", failures: Sequence[Failure] = (),
    style: Style = PLAIN,
) -> str:
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
    module = importlib.import_module(f".{_MODULES[fmt]}", __name__)
    if fmt == "text":
        return str(module.render(reports, failures=failures, style=style))
    return str(module.render(reports, fail_on=fail_on, failures=failures))
