"""What a person reads in a terminal or a CI log: safe text, optional colour, the summary.

Safe text: a file name or a quoted claim may hold a newline, an ANSI escape or a bidi
override. Printed raw, a newline followed by `::warning` would forge a GitHub workflow
command, and an escape sequence could rewrite the terminal. `printable()` shows every
such character as a Python-style escape (`\\n`, `\\x1b`, `\\u202e`), so one finding is
always one line and a line we print starts with text we chose.

Colour follows the conventions of https://no-color.org and https://force-color.org:
`--color always|never` wins, then a non-empty `NO_COLOR` turns colour off, then a
non-empty `FORCE_COLOR` turns it on, else colour only when the stream is a terminal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import ClassVar, TextIO

from ..model import Severity

# C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(s: str) -> str:
    """`s` with every control, separator and bidi character written as an escape."""
    return _UNSAFE.sub(_escape, s)


def safe_path(path: str) -> str:
    """A path for the start of a line: printable, and never starting with `::` (GitHub
    reads such a line as a workflow command), which `./` in front prevents."""
    p = printable(path)
    return "./" + p if p.startswith(":") else p


def colour_enabled(stream: TextIO, choice: str = "auto") -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Style:
    """ANSI styles, or none: the text is the same either way."""

    CODES: ClassVar[dict[str, str]] = {
        "error": "1;31", "warning": "1;33", "info": "1;34", "bold": "1", "dim": "2", "ok": "1;32",
    }

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, kind: str, text: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{self.CODES[kind]}m{text}\x1b[0m"

    def severity(self, severity: Severity | str) -> str:
        name = str(severity)
        return self(name, name)


PLAIN = Style(False)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def summary(
    severities: Sequence[Severity], files_with_problems: int, files_checked: int, failed: int, style: Style = PLAIN
) -> str:
    """"Found 3 problems (1 error, 2 warnings) in 2 files" or "All checks passed", then
    how many files could not be checked, if any."""
    parts = []
    if severities:
        counts = [(s, sum(1 for x in severities if x == s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        words = {Severity.ERROR: ("error", None), Severity.WARNING: ("warning", None), Severity.INFO: ("info", "info")}
        detail = ", ".join(style(str(s), _plural(n, *words[s])) for s, n in counts if n)
        worst = max(severities)
        head = style(str(worst), f"Found {_plural(len(severities), 'problem')}")
        parts.append(f"{head} ({detail}) in {_plural(files_with_problems, 'file')}")
    elif files_checked:
        parts.append(style("ok", "All checks passed") + f" ({_plural(files_checked, 'file')} checked)")
    if failed:
        parts.append(style("error", f"{_plural(failed, 'file')} could not be checked"))
    return "; ".join(parts) + "."
