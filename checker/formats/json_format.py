"""The report as JSON, one object per checked set, with line and column on each claim."""

from __future__ import annotations

from collections.abc import Sequence

import orjson

from ..model import Report


def render(reports: Sequence[Report]) -> str:
    body = {"reports": [r.to_dict() for r in reports]}
    return orjson.dumps(body, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode("utf-8") + "\n"
