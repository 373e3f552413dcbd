"""What the contact tests share: the shipped rules' detector, and the contacts it reports."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="package")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


@pytest.fixture(scope="package")
def contacts(detector: RuleDetector) -> Callable[[str], list[tuple[str, str]]]:
    """(entity, text) of every personal-data finding of the rules in a text, offsets checked."""

    def found_in(text: str) -> list[tuple[str, str]]:
        found = [f for f in detector.detect(Segment(text)) if f.category == "pii"]
        for f in found:
            assert text[f.start : f.end] == f.text
        return [(f.entity, f.text) for f in found]

    return found_in
