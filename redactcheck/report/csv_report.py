"""CSV: one row per finding, for spreadsheets and review logs.

Archivists open this file in a spreadsheet, and every text cell comes from a stranger's file
(a name, a matched text, a path). A cell a spreadsheet would read as a formula is neutralised
as OWASP's "CSV injection" page advises: a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab, a carriage return or a line feed (after any spaces) gets a leading ``'``, so the
spreadsheet shows it as text and computes nothing. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io

from redactcheck.results import Report

COLUMNS = [
    "path", "page", "part", "line", "column", "end_line", "end_column", "start", "end",
    "rule_id", "category", "entity", "severity", "score", "system", "exemption",
    "text", "message", "fingerprint",
]  # fmt: skip


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value: object) -> object:
    """A cell value a spreadsheet shows as text: ``'=1+1`` for ``=1+1`` (strings only)."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for f in report.findings:
        row = f.to_dict()
        row["page"] = "" if f.page is None else f.page
        writer.writerow({k: ("" if row.get(k) is None else neutralise(row[k])) for k in COLUMNS})
    return buffer.getvalue()
