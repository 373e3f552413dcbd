"""Allowed terms from configuration: strings never reported (e.g. officials an office publishes)."""

from __future__ import annotations

from redactcheck.finding import Finding
from redactcheck.locate import normalise_for_fingerprint


class AllowList:
    def __init__(self, terms: list[str]):
        self.terms = {normalise_for_fingerprint(t) for t in terms if t.strip()}

    def allows(self, finding: Finding) -> bool:
        return normalise_for_fingerprint(finding.text) in self.terms

    def filter(self, findings: list[Finding]) -> list[Finding]:
        if not self.terms:
            return findings
        return [f for f in findings if not self.allows(f)]
