"""The classification value of a scanned identification form, with the rules, bars and specks
OCR leaves around it. Invented form lines."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    wanted = {"US-BANNER-CLASSIFIED", "US-BANNER-UNCLASSIFIED"}
    return RuleDetector([r for r in load_rules() if r.spec.id in wanted])


def _values(detector: RuleDetector, text: str) -> list[tuple[int, str]]:
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.start, f.text) for f in found if f.rule_id.startswith("US-BANNER")]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("CLASSIFICATION : _ Secret 4\n", "Secret"),
        ("CLASSIFICATION: Secret .\n", "Secret"),
        ("CLASSIFICATION: | Unclassified\n", "Unclassified"),
        ("CLASSIFICATION; Unclassified CLASSIFICATION:\n", "Unclassified"),
        ("CLASSIFICATION: \u2014 Unclassified i\n", "Unclassified"),
    ],
)
def test_form_value_with_scan_noise(detector, line, value):
    text = "DOCUMENT TYPE : PAPER\n" + line + "RESTRICTIONS: 1B\n"
    assert _values(detector, text) == [(text.index(value), value)]


@pytest.mark.parametrize(
    "prose",
    [
        "Its classification: Unclassified documents are shelved apart.\n",
        "classification: unclassified summaries are posted daily\n",
    ],
)
def test_prose_after_the_word_is_not_a_form_value(detector, prose):
    assert _values(detector, prose) == []
