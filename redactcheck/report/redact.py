"""Mask matched text everywhere in a report: fail closed, in one place, for every format."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import replace
from typing import Any

from redactcheck.engine import Report, ScanError
from redactcheck.finding import Finding


def mask(entity: str) -> str:
    return f"[REDACTED {entity}]"


def _mask_strings(value: Any, pattern: re.Pattern[str] | None) -> Any:
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub("[REDACTED]", value)
    if isinstance(value, list):
        return [_mask_strings(v, pattern) for v in value]
    if isinstance(value, tuple):
        return tuple(_mask_strings(v, pattern) for v in value)
    if isinstance(value, dict):
        return {k: _mask_strings(v, pattern) for k, v in value.items()}
    return value


def _secrets_pattern(findings: list[Finding]) -> re.Pattern[str] | None:
    texts = {f.text for f in findings if f.text.strip()}
    for f in findings:
        hidden = f.details.get("hidden_text")
        if isinstance(hidden, str) and hidden.strip():
            texts.add(hidden)
    if not texts:
        return None
    alternatives = sorted(texts, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in alternatives))


def redact_findings(findings: list[Finding]) -> list[Finding]:
    """Copies of ``findings`` with the matched text and its context masked, and every occurrence
    of any matched text of the same file in message and details masked too."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    out: list[Finding] = []
    for group in by_path.values():
        pattern = _secrets_pattern(group)
        for f in group:
            out.append(
                replace(
                    f,
                    text=mask(f.entity),
                    # the context around a match may hold what no detector caught: drop it whole
                    context=mask(f.entity) if f.context else "",
                    message=_mask_strings(f.message, pattern),
                    details=_mask_strings(deepcopy(f.details), pattern),
                )
            )
    return out


def redact_report(report: Report) -> Report:
    findings = redact_findings(report.findings)
    pattern = _secrets_pattern(report.findings)
    errors = [ScanError(e.path, _mask_strings(e.message, pattern)) for e in report.errors]
    return replace(report, findings=findings, errors=errors)
