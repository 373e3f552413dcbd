"""Hidden-content findings made by extractors, and how the engine places them.

Extractors see what detectors cannot: text under a box, white text, a comment, an author in the
metadata. They record it here as findings whose ``start``/``end`` point into one of the
document's own segments, so offsets, lines and redaction work exactly as for detector findings.
"""

from __future__ import annotations

from typing import Any

from redactcheck.document import Document, Segment
from redactcheck.finding import Finding
from redactcheck.locate import locate

#: rule id -> (entity, severity, message). Descriptions for reports live in catalog.py.
HIDDEN_RULES: dict[str, tuple[str, str, str]] = {
    "HIDDEN-BAD-REDACTION": (
        "BAD_REDACTION",
        "high",
        "Text lies under {reason}: the redaction can be undone by copying the text",
    ),
    "HIDDEN-INVISIBLE-TEXT": (
        "INVISIBLE_TEXT",
        "medium",
        "Text a reader cannot see ({reason}) but that copy, search and extraction reveal",
    ),
    "HIDDEN-EARLIER-REVISION": (
        "EARLIER_REVISION",
        "medium",
        "An earlier revision kept in the PDF (incremental update) holds text the final one "
        "does not show",
    ),
    "HIDDEN-NO-TEXT-LAYER": (
        "NO_TEXT_LAYER",
        "medium",
        "Page has no text layer (scanned image?): its content was not checked",
    ),
    "HIDDEN-TRACKED-CHANGE": (
        "TRACKED_CHANGE",
        "medium",
        "Tracked change ({reason}) left in the document: accept or reject it before release",
    ),
    "HIDDEN-COMMENT": (
        "COMMENT",
        "medium",
        "Comment left in the document: remove it before release",
    ),
    "HIDDEN-TEXT": (
        "HIDDEN_TEXT",
        "medium",
        "Hidden text ({reason}): not shown to a reader, but kept in the file",
    ),
    "HIDDEN-METADATA": (
        "METADATA",
        "medium",
        "Document metadata ({reason}) identifies a person or organisation: clear it before release",
    ),
}


#: hidden findings whose span is text a reader cannot see; detectors that fire on it are listed
_COVERS_TEXT = ("HIDDEN-BAD-REDACTION", "HIDDEN-INVISIBLE-TEXT", "HIDDEN-EARLIER-REVISION")


#: values writers put in author fields when there is no author: not worth a finding
PLACEHOLDER_VALUES = frozenset({"", "-", "anonymous", "unknown", "unspecified", "untitled", "none"})


def identifies(value: str) -> bool:
    """Whether a metadata value could name someone (placeholders like "anonymous" do not)."""
    return value.strip().casefold() not in PLACEHOLDER_VALUES


def hidden_finding(
    rule_id: str,
    segment: Segment,
    start: int,
    end: int,
    *,
    reason: str = "",
    severity: str | None = None,
    details: dict[str, Any] | None = None,
) -> Finding:
    """A hidden-content finding over ``segment.text[start:end]`` (part and page from segment)."""
    entity, default_severity, message = HIDDEN_RULES[rule_id]
    return Finding(
        rule_id=rule_id,
        category="hidden",
        entity=entity,
        severity=severity or default_severity,
        score=1.0,
        start=start,
        end=end,
        text=segment.text[start:end],
        message=message.format(reason=reason or "hidden"),
        part=segment.part,
        page=segment.page,
        detector="extract",
        details=dict(details or {}),
    )


def place_document_findings(
    document: Document, detected: list[Finding], key: bytes
) -> list[Finding]:
    """Give extractor findings their path, line, column, context and fingerprint.

    Each finding is matched to the segment of the same part and page whose text at its offsets
    is the finding's text. Failed-redaction findings also learn which detectors fired on the
    hidden text (``details["detectors"]``), so the reviewer knows what the box failed to hide.
    """
    for f in document.findings:
        f.path = document.path
        if f.line:
            continue
        for segment in document.segments:
            if (
                segment.part == f.part
                and segment.page == f.page
                and 0 <= f.start <= f.end <= len(segment.text)
                and segment.text[f.start : f.end] == f.text
            ):
                locate([f], segment, document.path, key)
                break
    for f in document.findings:
        if f.rule_id in _COVERS_TEXT:
            fired = sorted(
                {
                    d.rule_id
                    for d in detected
                    if d.part == f.part and d.page == f.page and d.start < f.end and f.start < d.end
                }
            )
            f.details["detectors"] = fired
    return document.findings
