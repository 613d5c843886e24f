"""JUnit XML: one `<testsuite>` per checked file, one `<testcase>` per finding.

An error is a `<failure>`; a warning is a `<failure>` only with `--fail-on warning` (or
`info`), otherwise a passing test case whose `<system-out>` holds the message; info is
always a passing test case with the message in `<system-out>`. A file without findings
has one passing test case ("no findings"), so a clean run reads as passed tests rather
than none; a file that could not be checked has one test case with an `<error>`.
ElementTree escapes markup in names and messages; characters XML cannot hold at all
(most controls) are replaced with U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..model import Severity
from ..report import Report
from . import Failure, Located, located, paths
from .terminal import printable

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


def fails(severity: Severity, fail_on: str) -> bool:
    if severity == Severity.ERROR:
        return True
    if severity == Severity.WARNING:
        return fail_on in ("warning", "info")
    return False


def _case(f: Located, fail_on: str) -> ET.Element:
    p = f.place
    case = ET.Element(
        "testcase",
        {"classname": _x(p.path), "name": _x(f"{f.code} {f.conflict.name} at {p.line}:{p.column}"),
         "file": _x(p.path), "line": str(p.line)},
    )
    # One line of text: a newline in a file name must not start a line of its own in a log.
    detail = printable(f"{p}: {f.severity} {f.code} {f.message()}")
    if fails(f.severity, fail_on):
        failure = ET.SubElement(case, "failure", {"type": f.code, "message": _x(f.conflict.message)})
        failure.text = detail
    else:
        ET.SubElement(case, "system-out").text = detail
    return case


def _clean(path: str) -> ET.Element:
    return ET.Element("testcase", {"classname": _x(path), "name": "no findings", "file": _x(path)})


def _unchecked(f: Failure) -> ET.Element:
    case = ET.Element("testcase", {"classname": _x(f.path), "name": "could not be checked", "file": _x(f.path)})
    ET.SubElement(case, "error", {"type": "input", "message": _x(f.message)}).text = printable(f"{f.path}: {f.message}")
    return case


def render(reports: Sequence[Report], fail_on: str = "error", failures: Sequence[Failure] = ()) -> str:
    findings = located(reports)
    root = ET.Element("testsuites", {"name": "checker"})
    total = failed = errors = 0
    unchecked = {f.path: f for f in failures}
    for path in sorted({*paths(reports), *unchecked}):
        mine = [f for f in findings if f.place.path == path]
        if path in unchecked:
            cases = [_unchecked(unchecked[path])]
        else:
            cases = [_case(f, fail_on) for f in mine] or [_clean(path)]
        n_fail = sum(1 for c in cases if c.find("failure") is not None)
        n_err = sum(1 for c in cases if c.find("error") is not None)
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": _x(path), "tests": str(len(cases)), "failures": str(n_fail), "errors": str(n_err),
             "skipped": "0"},
        )
        suite.extend(cases)
        total += len(cases)
        failed += n_fail
        errors += n_err
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
