"""JSON Lines: one finding per line, for streaming into other tools."""

from __future__ import annotations

import json

from redactcheck.results import Report


def render(report: Report) -> str:
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in report.findings)
