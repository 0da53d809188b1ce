"""Render a Report in each export format; every format reads the same result objects."""

from __future__ import annotations

from ..core.contract import report_to_json
from ..core.model import Report
from ..core.summary import describe_report

FORMATS = ("json", "text")


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report_to_json(report)
    if fmt == "text":
        return describe_report(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
