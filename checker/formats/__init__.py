"""Output formats for the command line. Each renders a list of reports (one per checked
set of files) to a string; positions are computed here, never stored."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from . import json_format, text

FORMATS = {"text": text.render, "json": json_format.render}


def render(reports: Sequence[Report], fmt: str) -> str:
    return FORMATS[fmt](reports)
