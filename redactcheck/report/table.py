"""The terminal view: one Rich table per file, then errors and a summary line.

Every cell is a Rich ``Text`` (never markup), with control characters escaped: a file or
attachment name such as ``[/].txt`` or one holding an ANSI escape is shown, not interpreted."""

from __future__ import annotations

import io
import os
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from redactcheck.results import Report
from redactcheck.safetext import visible


def _cell(value: str, style: str = "") -> Text:
    """Literal text for a table cell: no markup, no control characters."""
    return Text(visible(value), style=style)


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
            title=_cell(path, "bold"), title_justify="left", expand=False, show_lines=False
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
                *([_cell(f.part)] if show_part else []),
                _cell(f.severity, SEVERITY_STYLE.get(f.severity, "")),
                _cell(f.rule_id),
                _cell(f.text.replace("\n", "⏎")),
                _cell(f.message),
            )
        console.print(table)
    for n in report.notes:  # errors go to stderr (cli/scan.py); notes only appear here
        console.print(_cell(f"note: {n.path}: {n.message}", "dim"))
    if report.baseline:
        _baseline_lines(console, report.baseline)
    s = report.summary()
    sev = ", ".join(f"{k} {v}" for k, v in s["by_severity"].items()) or "none"
    console.print(
        _cell(
            f"{s['files_scanned']} file(s) scanned, {s['findings']} finding(s) ({sev}), "
            f"{s['errors']} error(s)"
        )
    )
    return buffer.getvalue()


def _baseline_lines(console: Console, info: dict) -> None:
    """What ``--baseline`` hid, and the entries that no longer match anything (stale)."""
    console.print(_cell(f"baseline: {info['matched']} accepted finding(s) not shown"))
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
            console.print(_cell(f"  {e['path']}  {e['rule_id']}  {e['fingerprint']}"))
