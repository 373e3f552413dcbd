"""Run every rule's embedded examples: ``match`` must hit, ``no_match`` must not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import LoadedRule, builtin_rules_dir


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule_id: str
    source: str
    kind: str  # "match" or "no_match"
    example: str
    detail: str

    def __str__(self) -> str:
        if not self.example:
            return f"{self.source}: rule {self.rule_id}: {self.detail}"
        where = f"{self.source}: rule {self.rule_id}"
        return f"{where}: {self.kind} example {self.example!r}: {self.detail}"


#: Every shipped rule documents itself with at least this many examples of each kind: a rule
#: with fewer has not been tried against the ordinary prose it could misfire on. (Users' own
#: rule folders are not held to it: one example each is enough to start with.)
MIN_EXAMPLES = 3


def _shipped(rule: LoadedRule) -> bool:
    return Path(rule.source).resolve().is_relative_to(builtin_rules_dir().resolve())


def example_count_problems(rules: list[LoadedRule]) -> list[ExampleFailure]:
    """Shipped rules with fewer than :data:`MIN_EXAMPLES` ``match`` or ``no_match`` examples."""
    problems: list[ExampleFailure] = []
    for rule in rules:
        if not _shipped(rule):
            continue
        for kind in ("match", "no_match"):
            have = len(getattr(rule.spec.examples, kind))
            if have < MIN_EXAMPLES:
                problems.append(
                    ExampleFailure(
                        rule.spec.id, rule.source, kind, "",
                        f"has {have} {kind} examples, needs at least {MIN_EXAMPLES}",
                    )
                )  # fmt: skip
    return problems


def run_examples(rules: list[LoadedRule]) -> tuple[int, list[ExampleFailure]]:
    """Return the number of examples run and the failures (too few examples count as one)."""
    failures: list[ExampleFailure] = example_count_problems(rules)
    count = len(failures)
    for rule in rules:
        detector = RuleDetector([rule])
        for example in rule.spec.examples.match:
            count += 1
            hits = detector.detect(Segment(example))
            if not hits:
                failures.append(
                    ExampleFailure(rule.spec.id, rule.source, "match", example, "no hit")
                )
        for example in rule.spec.examples.no_match:
            count += 1
            hits = detector.detect(Segment(example))
            if hits:
                spans = ", ".join(repr(h.text) for h in hits)
                failures.append(
                    ExampleFailure(rule.spec.id, rule.source, "no_match", example, f"hit {spans}")
                )
    return count, failures
