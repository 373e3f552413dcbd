"""The terminal view: one Rich table per file, then errors and a summary line."""

from __future__ import annotations

import io
import os
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from redactcheck.engine import Report

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def _console(buffer: io.StringIO) -> Console:
    color = os.environ.get("NO_COLOR") is None and os.environ.get("FORCE_COLOR") is not None
    return Console(file=buffer, width=int(os.environ.get("COLUMNS", "120")), force_terminal=color, highlight=False)


def render(report: Report) -> str:
    buffer = io.StringIO()
    console = _console(buffer)
    for path, group in groupby(report.findings, key=lambda f: f.path):
        findings = list(group)
        table = Table(title=Text(path, style="bold"), title_justify="left", expand=False, show_lines=False)
        table.add_column("where", no_wrap=True)
        table.add_column("sev", no_wrap=True)
        table.add_column("rule", no_wrap=True)
        table.add_column("text", overflow="fold", max_width=40)
        table.add_column("message", overflow="fold")
        for f in findings:
            where = f"{f.line}:{f.column}"
            if f.page is not None:
                where = f"p{f.page} {where}"
            if f.part != "body":
                where = f"{where} [{f.part}]"
            table.add_row(
                where,
                Text(f.severity, style=SEVERITY_STYLE.get(f.severity, "")),
                f.rule_id,
                Text(f.text.replace("\n", "⏎")),
                f.message,
            )
        console.print(table)
    s = report.summary()
    sev = ", ".join(f"{k} {v}" for k, v in s["by_severity"].items()) or "none"
    console.print(
        f"{s['files_scanned']} file(s) scanned, {s['findings']} finding(s) ({sev}), {s['errors']} error(s)"
    )
    return buffer.getvalue()
