"""Hidden-content hits made by extractors.

Extractors see what detectors cannot: text under a box, white text, a comment, an author in the
metadata. They record it here as hits paired with the segment their ``start``/``end`` point
into (:class:`~redactcheck.document.Placed`), so offsets, lines and redaction work exactly as
for detector findings, and the locate pass never has to search for the segment.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redactcheck.catalog import BUILTIN
from redactcheck.document import Placed, Segment
from redactcheck.finding import Explanation, Finding, Hit

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
    message: str | None = None,
) -> Placed:
    """A hidden-content hit over ``segment.text[start:end]``, with its segment."""
    info = BUILTIN[rule_id]
    hit = Hit(
        rule_id=rule_id,
        category="hidden",
        entity=info.entity,
        severity=severity or info.severity,
        score=1.0,
        start=start,
        end=end,
        text=segment.text[start:end],
        message=message or info.message.format(reason=reason or "hidden"),
        detector="extract",
        details=dict(details or {}),
        explanation=Explanation("extract", 1.0),
    )
    return Placed(segment, hit)


def name_detectors(findings: list[Finding]) -> list[Finding]:
    """Failed-redaction and invisible-text findings learn which detectors fired on the hidden
    text (``details["detectors"]``), so the reviewer knows what the box failed to hide."""
    detected = [f for f in findings if f.category != "hidden"]
    out: list[Finding] = []
    for f in findings:
        if f.rule_id in _COVERS_TEXT:
            fired = sorted(
                {
                    d.rule_id
                    for d in detected
                    if d.part == f.part and d.page == f.page and d.start < f.end and f.start < d.end
                }
            )
            f = replace(f, details={**f.details, "detectors": fired})
        out.append(f)
    return out
