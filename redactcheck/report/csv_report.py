"""CSV: one row per finding, for spreadsheets and review logs."""

from __future__ import annotations

import csv
import io

from redactcheck.engine import Report

COLUMNS = [
    "path", "page", "part", "line", "column", "end_line", "end_column", "start", "end",
    "rule_id", "category", "entity", "severity", "score", "system", "exemption",
    "text", "message", "fingerprint",
]  # fmt: skip


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for f in report.findings:
        row = f.to_dict()
        row["page"] = "" if f.page is None else f.page
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in COLUMNS})
    return buffer.getvalue()
