"""Run every rule's embedded examples: ``match`` must hit, ``no_match`` must not."""

from __future__ import annotations

from dataclasses import dataclass

from redactcheck.detect.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import LoadedRule


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule_id: str
    source: str
    kind: str  # "match" or "no_match"
    example: str
    detail: str

    def __str__(self) -> str:
        return f"{self.source}: rule {self.rule_id}: {self.kind} example {self.example!r}: {self.detail}"


def run_examples(rules: list[LoadedRule]) -> tuple[int, list[ExampleFailure]]:
    """Return the number of examples run and the failures."""
    failures: list[ExampleFailure] = []
    count = 0
    for rule in rules:
        detector = RuleDetector([rule])
        for example in rule.spec.examples.match:
            count += 1
            hits = detector.detect(Segment(example))
            if not hits:
                failures.append(ExampleFailure(rule.spec.id, rule.source, "match", example, "no hit"))
        for example in rule.spec.examples.no_match:
            count += 1
            hits = detector.detect(Segment(example))
            if hits:
                spans = ", ".join(repr(h.text) for h in hits)
                failures.append(
                    ExampleFailure(rule.spec.id, rule.source, "no_match", example, f"hit {spans}")
                )
    return count, failures
