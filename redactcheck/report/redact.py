"""Mask matched text everywhere in a report: fail closed, in one place, for every format."""

from __future__ import annotations

import json
import re
import unicodedata
from copy import deepcopy
from dataclasses import replace
from typing import Any

from redactcheck.document import Segment
from redactcheck.finding import Finding
from redactcheck.results import Report, ScanError, ScanNote
from redactcheck.safetext import visible


def mask(entity: str) -> str:
    return f"[REDACTED {entity}]"


def _mask_strings(value: Any, pattern: re.Pattern[str] | None) -> Any:
    if pattern is None:
        return value
    if isinstance(value, str):
        return _mask_overlapping(value, pattern)
    if isinstance(value, list):
        return [_mask_strings(v, pattern) for v in value]
    if isinstance(value, tuple):
        return tuple(_mask_strings(v, pattern) for v in value)
    if isinstance(value, dict):
        return {k: _mask_strings(v, pattern) for k, v in value.items()}
    return value


_FORMAT_CHARS = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
#: a quoted literal in a message (``'SECRET//FOO'``, as ``repr`` writes it): detectors build
#: such quotes from document text, so under ``--redact`` every one is masked (fail closed)
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.){1,300}'" + r'|"(?:[^"\\\n]|\\.){1,300}"')


def variants(text: str) -> set[str]:
    """The ways a matched text can be written into a message or a detail: as it is, as
    ``repr``/``ascii`` and JSON escape it, with zero-width and bidi characters removed, folded
    (NFKC), and as a report path or part shows it (``safetext.visible``)."""
    out = {text, repr(text)[1:-1], ascii(text)[1:-1], json.dumps(text)[1:-1], visible(text)}
    plain = _FORMAT_CHARS.sub("", text)
    out |= {plain, unicodedata.normalize("NFKC", plain)}
    return {v for v in out if v.strip()}


def _secrets_pattern(findings: list[Finding]) -> re.Pattern[str] | None:
    texts: set[str] = set()
    for f in findings:
        if f.text.strip():
            texts |= variants(f.text)
        hidden = f.details.get("hidden_text")
        if isinstance(hidden, str) and hidden.strip():
            texts |= variants(hidden)
    if not texts:
        return None
    alternatives = sorted(texts, key=len, reverse=True)
    # a lookahead finds every occurrence, overlapping ones too (see _mask_overlapping)
    return re.compile("(?=(" + "|".join(re.escape(t) for t in alternatives) + "))")


def _mask_overlapping(value: str, pattern: re.Pattern[str]) -> str:
    """Mask the union of all occurrences, so two overlapping secrets (a name, and the text
    under a box that starts inside it) cannot leave part of either visible."""
    spans: list[list[int]] = []
    for m in pattern.finditer(value):
        start, end = m.start(), m.start() + len(m.group(1))
        if end == start:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    if not spans:
        return value
    out, last = [], 0
    for start, end in spans:
        out.append(value[last:start])
        out.append("[REDACTED]")
        last = end
    out.append(value[last:])
    return "".join(out)


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
                    # an attachment's file name can itself carry a name
                    part=_mask_strings(f.part, pattern)
                    if f.part.startswith("attachment:")
                    else f.part,
                    # the context around a match may hold what no detector caught: drop it whole
                    context=mask(f.entity) if f.context else "",
                    message=_QUOTED.sub("[REDACTED]", _mask_strings(f.message, pattern)),
                    details=_mask_strings(deepcopy(f.details), pattern),
                )
            )
    return out


def redact_report(report: Report) -> Report:
    """The report as every ``--redact`` output shows it (renderers, stderr and ``--debug``).

    Document text is dropped (the HTML report then lists findings with masked context only,
    never the body: words no detector caught may still be sensitive), and a failed file's
    traceback keeps its frames but loses exception messages, which may quote the document."""
    findings = redact_findings(report.findings)
    pattern = _secrets_pattern(report.findings)
    errors = [
        ScanError(e.path, _mask_strings(e.message, pattern), e.frames, e.frames)
        for e in report.errors
    ]
    notes = [ScanNote(n.path, _mask_strings(n.message, pattern)) for n in report.notes]
    return replace(report, findings=findings, errors=errors, notes=notes, documents={})


#: stands in for each masked character of document text (same length keeps finding offsets
#: valid); the HTML renderer shows a run of them as one ``[REDACTED …]`` label
DOCUMENT_MASK = "\ue000"


def _mask_documents(report: Report) -> dict:
    """Document texts (kept for the HTML report) with every finding span, and every occurrence
    anywhere of any matched text of the whole report (any case), masked."""
    texts = {f.text for f in report.findings if f.text.strip()}
    texts |= {
        f.details["hidden_text"]
        for f in report.findings
        if isinstance(f.details.get("hidden_text"), str) and f.details["hidden_text"].strip()
    }
    pattern = (
        re.compile("|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True)), re.I)
        if texts
        else None
    )
    spans: dict[tuple[str, str, int | None], list[tuple[int, int]]] = {}
    for f in report.findings:
        spans.setdefault((f.path, f.part, f.page), []).append((f.start, f.end))
    out = {}
    for path, segments in report.documents.items():
        masked = []
        for s in segments:
            chars = list(s.text)
            for start, end in spans.get((path, s.part, s.page), []):
                if 0 <= start < end <= len(chars):
                    chars[start:end] = DOCUMENT_MASK * (end - start)
            text = "".join(chars)
            if pattern is not None:
                text = pattern.sub(lambda m: DOCUMENT_MASK * len(m.group()), text)
            part = s.part
            if part.startswith("attachment:"):  # an attachment's file name can carry a name
                part = _mask_strings(part, _secrets_pattern(report.findings))
            masked.append(Segment(text, part, s.page))
        out[path] = masked
    return out
