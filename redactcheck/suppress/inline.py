"""Inline suppressions: ``redactcheck: ignore`` (every rule) or ``redactcheck: ignore[RULE-ID]``
(listed rules) written on the same line as the finding.

The directive is found in the extracted text of the line, so any comment syntax that survives
extraction works: ``# …`` and ``// …`` in text, ``<!-- … -->`` in Markdown and HTML source. A
reviewer thereby records the decision next to the text it is about, and it travels with the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redactcheck.detect.fastscan import ascii_view
from redactcheck.document import Segment
from redactcheck.finding import Finding
from redactcheck.locate import LineIndex

DIRECTIVE = re.compile(r"redactcheck:\s*ignore(?:\[(?P<rules>[^\]\n]*)\])?", re.IGNORECASE)
UNUSED_RULE_ID = "REDACTCHECK-UNUSED-SUPPRESSION"


@dataclass(slots=True)
class Directive:
    """One ``redactcheck: ignore`` comment: its line, the rules it names (empty = all), span."""

    line: int
    rules: frozenset[str]
    start: int
    end: int

    def covers(self, finding: Finding) -> bool:
        return not self.rules or finding.rule_id.upper() in self.rules


def _may_hold_directive(text: str) -> bool:
    """Whether ``text`` holds "redactcheck" in some letter case: lower-cased as one-byte ASCII
    (twice as fast as ``str.lower`` on the corpus). Of the characters IGNORECASE lets stand
    for its letters, only the Kelvin sign (for "k") is not ASCII: a text with one is
    lower-cased whole."""
    if b"redactcheck" in ascii_view(text).lower():
        return True
    return "\u212a" in text and "redactcheck" in text.lower()


def directives(text: str) -> dict[int, list[Directive]]:
    """Directives in ``text`` by 1-based line number."""
    if not _may_hold_directive(text):
        return {}
    index = LineIndex.of(text)
    found: dict[int, list[Directive]] = {}
    for m in DIRECTIVE.finditer(text):
        rules = frozenset(
            r.strip().upper() for r in (m.group("rules") or "").split(",") if r.strip()
        )
        line, _ = index.position(m.start())
        found.setdefault(line, []).append(Directive(line, rules, m.start(), m.end()))
    return found


def apply_inline(
    findings: list[Finding], segment: Segment, *, report_unused: bool = False
) -> list[Finding]:
    """``findings`` (already located in ``segment``) minus those an inline directive covers.

    With ``report_unused``, a directive that covered nothing comes back as a finding of its own
    (offsets into ``segment``, location still to be filled in by the caller).
    """
    by_line = directives(segment.text)
    if not by_line:
        return findings
    used: set[int] = set()
    kept: list[Finding] = []
    for f in findings:
        hit = next((d for d in by_line.get(f.line, ()) if d.covers(f)), None)
        if hit is None:
            kept.append(f)
        else:
            used.add(hit.start)
    if report_unused:
        for line_directives in by_line.values():
            for d in line_directives:
                if d.start not in used:
                    kept.append(unused_finding(segment.text[d.start : d.end], d.start, d.end))
    return kept


_ONLY_DIRECTIVE = re.compile(rf"\s*(?:{DIRECTIVE.pattern})\s*", re.IGNORECASE)


def drop_directive_comments(findings: list[Finding]) -> list[Finding]:
    """``findings`` without those that are nothing but a directive: an extractor that reports
    comments as hidden content (HTML, DOCX) would otherwise report the reviewer's own
    ``redactcheck: ignore`` comment."""
    return [f for f in findings if not _ONLY_DIRECTIVE.fullmatch(f.text)]


def unused_finding(text: str, start: int, end: int, message: str = "") -> Finding:
    """A suppression that silenced nothing: reported so stale exceptions get cleaned up."""
    return Finding(
        rule_id=UNUSED_RULE_ID,
        category="structure",
        entity="SUPPRESSION",
        severity="low",
        score=1.0,
        start=start,
        end=end,
        text=text,
        message=message or "This suppression matches no finding; remove it.",
        detector="suppress",
    )
