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
    return Console(
        file=buffer,
        width=int(os.environ.get("COLUMNS", "120")),
        force_terminal=color,
        highlight=False,
    )


def render(report: Report) -> str:
    buffer = io.StringIO()
    console = _console(buffer)
    for path, group in groupby(report.findings, key=lambda f: f.path):
        findings = list(group)
        table = Table(
            title=Text(path, style="bold"), title_justify="left", expand=False, show_lines=False
        )
        table.add_column("where", no_wrap=True)
        # part gets its own column: in "where" it was cropped away on narrow terminals
        show_part = any(f.part != "body" for f in findings)
        if show_part:
            table.add_column("part", overflow="fold", max_width=28)
        table.add_column("sev", no_wrap=True)
        table.add_column("rule", no_wrap=True)
        table.add_column("text", overflow="fold", max_width=40)
        table.add_column("message", overflow="fold")
        for f in findings:
            where = f"{f.line}:{f.column}"
            if f.page is not None:
                where = f"p{f.page} {where}"
            table.add_row(
                where,
                *([f.part] if show_part else []),
                Text(f.severity, style=SEVERITY_STYLE.get(f.severity, "")),
                f.rule_id,
                Text(f.text.replace("\n", "⏎")),
                f.message,
            )
        console.print(table)
    for n in report.notes:  # errors go to stderr (cli/scan.py); notes only appear here
        console.print(Text(f"note: {n.path}: {n.message}", style="dim"))
    if report.baseline:
        _baseline_lines(console, report.baseline)
    s = report.summary()
    sev = ", ".join(f"{k} {v}" for k, v in s["by_severity"].items()) or "none"
    console.print(
        f"{s['files_scanned']} file(s) scanned, {s['findings']} finding(s) ({sev}), "
        f"{s['errors']} error(s)"
    )
    return buffer.getvalue()


def _baseline_lines(console: Console, info: dict) -> None:
    """What ``--baseline`` hid, and the entries that no longer match anything (stale)."""
    console.print(f"baseline: {info['matched']} accepted finding(s) not shown")
    stale = info.get("stale") or []
    if stale:
        console.print(
            Text(
                f"baseline: {len(stale)} stale entr{'y' if len(stale) == 1 else 'ies'} "
                "(no longer match; run `redactcheck baseline update`):",
                style="yellow",
            )
        )
        for e in stale:
            console.print(f"  {e['path']}  {e['rule_id']}  {e['fingerprint']}")
