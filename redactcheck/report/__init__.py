"""Renderers: every output format, reached through :func:`render`.

Under ``--redact`` the report is masked once, in :mod:`redactcheck.report.redact`, before any
renderer sees it, so no format can forget to mask.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from redactcheck.engine import Report

FORMATS: dict[str, str] = {
    "table": "redactcheck.report.table:render",
    "json": "redactcheck.report.json_report:render",
    "jsonl": "redactcheck.report.jsonl:render",
    "sarif": "redactcheck.report.sarif:render",
    "csv": "redactcheck.report.csv_report:render",
    "html": "redactcheck.report.html:render",
}


def get_renderer(fmt: str) -> Callable[[Report], str]:
    module, _, func = FORMATS[fmt].partition(":")
    return getattr(import_module(module), func)


def render(report: Report, fmt: str, *, redact: bool) -> str:
    if redact:
        from redactcheck.report.redact import redact_report

        report = redact_report(report)
    return get_renderer(fmt)(report)
