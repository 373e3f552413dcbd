"""The terminal view: one Rich table per file, then errors and a summary line.

It reads like a review: within a file the most severe findings come first, then the rest in
page and line order; each row shows what was found in its line (masked under ``--redact``),
and repeats of the same text under the same rule (a banner on every page) are one row with
their count and places.

Every cell is a Rich ``Text`` (never markup), with control characters escaped: a file or
attachment name such as ``[/].txt`` or one holding an ANSI escape is shown, not interpreted."""

from __future__ import annotations

import io
import os
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from redactcheck.finding import Finding, severity_rank
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


#: at most this many places are listed in a grouped row; the count says how many in all
MAX_PLACES = 6


def _place(f: Finding) -> str:
    where = f"{f.line}:{f.column}"
    if f.page is not None:
        where = f"p{f.page} {where}"
    return where


def _found(f: Finding) -> Text:
    """The matched text in its line, the match in bold (under --redact both are masked)."""
    text = visible(" ".join(f.text.split()))  # control characters shown, never sent
    context = visible(" ".join(f.context.split()))
    at = context.find(text) if text else -1
    if not context or at < 0:
        return Text(text, style="bold")
    if context == text:
        return Text(text, style="bold")
    out = Text(context[:at], style="dim")
    out.append(f"«{text}»", style="bold")  # marked without colour too
    out.append(context[at + len(text) :], style="dim")
    return out


def _rows(findings: list[Finding]) -> list[list[Finding]]:
    """The findings of a file as review rows: repeats of the same text under the same rule
    grouped into one row, rows ordered by severity, then by where they first appear."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        key = (f.rule_id, f.part if f.part.startswith("attachment:") else "", _norm(f.text))
        groups.setdefault(key, []).append(f)
    return sorted(groups.values(), key=lambda g: (-severity_rank(g[0].severity), g[0].sort_key()))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def render(report: Report) -> str:
    buffer = io.StringIO()
    console = _console(buffer)
    for path, group in groupby(report.findings, key=lambda f: f.path):
        rows = _rows(list(group))
        table = Table(
            title=_cell(path, "bold"), title_justify="left", expand=False, show_lines=False
        )
        table.add_column("where", overflow="fold", max_width=24)
        # part gets its own column: in "where" it was cropped away on narrow terminals
        show_part = any(g[0].part != "body" for g in rows)
        if show_part:
            table.add_column("part", overflow="fold", max_width=28)
        table.add_column("sev", no_wrap=True)
        table.add_column("rule", no_wrap=True)
        table.add_column("found", overflow="fold", max_width=48)
        table.add_column("why", overflow="fold")
        for row in rows:
            first = row[0]
            places = [_place(f) for f in row[:MAX_PLACES]]
            where = ", ".join(places) + (" …" if len(row) > MAX_PLACES else "")
            found = _found(first)
            if len(row) > 1:
                found.append(f"  ×{len(row)}", style="bold magenta")
            table.add_row(
                where,
                *([_cell(first.part)] if show_part else []),
                _cell(first.severity, SEVERITY_STYLE.get(first.severity, "")),
                _cell(first.rule_id),
                found,
                _cell(first.message),
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
