"""Inline suppressions: ``redactcheck: ignore`` (every rule) or ``redactcheck: ignore[RULE-ID]``
(listed rules) written on the same line as the finding.

The directive is found in the extracted text of the line, so any comment syntax that survives
extraction works: ``# …`` and ``// …`` in text, ``<!-- … -->`` in Markdown and HTML source. A
reviewer thereby records the decision next to the text it is about, and it travels with the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redactcheck.catalog import BUILTIN
from redactcheck.detect.accel.fastscan import ascii_view
from redactcheck.finding import Explanation, Finding, Hit
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


def covering(by_line: dict[int, list[Directive]], finding: Finding) -> Directive | None:
    """The first directive on the finding's line that covers its rule, if any."""
    return next((d for d in by_line.get(finding.line, ()) if d.covers(finding)), None)


def directive_hits(text: str) -> list[Hit]:
    """Every directive in ``text`` as a hit: located with the document's other hits, it is
    reported when it silenced nothing (``--report-unused-suppressions``)."""
    return [
        unused_hit(text[d.start : d.end], d.start, d.end)
        for line in directives(text).values()
        for d in line
    ]


_ONLY_DIRECTIVE = re.compile(rf"\s*(?:{DIRECTIVE.pattern})\s*", re.IGNORECASE)


def is_directive_comment(finding: Finding) -> bool:
    """Whether a finding is nothing but a directive: an extractor that reports comments as
    hidden content (HTML, DOCX) would otherwise report the reviewer's own
    ``redactcheck: ignore`` comment."""
    return bool(_ONLY_DIRECTIVE.fullmatch(finding.text))


def unused_hit(text: str, start: int, end: int) -> Hit:
    """A directive, reported when it silenced nothing so stale exceptions get cleaned up."""
    info = BUILTIN[UNUSED_RULE_ID]
    return Hit(
        rule_id=UNUSED_RULE_ID,
        category=info.category,
        entity=info.entity,
        severity=info.severity,
        score=1.0,
        start=start,
        end=end,
        text=text,
        message=info.message,
        detector="suppress",
        explanation=Explanation("directive", 1.0),
    )
