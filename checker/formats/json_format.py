"""The report as JSON: one object per checked set of files, each naming its `paths`, with
line and column on each claim; `errors` lists the inputs that could not be checked
(`{"path", "message"}`) and `summary` counts what was found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from ..model import Severity
from ..report import Report
from . import Failure


def summary(reports: Sequence[Report], failures: Sequence[Failure] = ()) -> dict[str, Any]:
    found = [c for r in reports for c in r.conflicts]
    return {
        "problems": len(found),
        **{str(s): sum(1 for c in found if c.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
        "files_checked": len({d.id for r in reports for d in r.documents}),
        "files_with_problems": len({c.claims[0].document for c in found}),
        "files_not_checked": len(failures),
    }


def render(reports: Sequence[Report], fail_on: str = "error", failures: Sequence[Failure] = ()) -> str:
    body = {
        "reports": [{"paths": sorted(d.id for d in r.documents), **r.to_dict()} for r in reports],
        "errors": [{"path": f.path, "message": f.message} for f in failures],
        "summary": summary(reports, failures),
    }
    return orjson.dumps(body, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode("utf-8") + "\n"
