"""JSON: ``{"tool", "findings", "errors", "notes", "summary"}``, the format scripts read."""

from __future__ import annotations

import json

from redactcheck import __version__
from redactcheck.results import Report


def as_dict(report: Report) -> dict:
    out = {
        "tool": {"name": "redactcheck", "version": __version__},
        "findings": [f.to_dict() for f in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "notes": [{"path": n.path, "message": n.message} for n in report.notes],
        "summary": report.summary(),
    }
    if report.baseline is not None:
        out["baseline"] = report.baseline  # fingerprints and paths only, never text
    return out


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
