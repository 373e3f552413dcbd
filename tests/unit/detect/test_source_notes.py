"""The source note of a printed State document gives the original's classification or handling
control after the file citation. Invented citations."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    wanted = {"US-BANNER-CLASSIFIED", "STATE-SOURCE-NOTE-CONTROL"}
    return RuleDetector([r for r in load_rules() if r.spec.id in wanted])


def _texts(detector: RuleDetector, text: str) -> list[str]:
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text
    return [f.text for f in found]


@pytest.mark.parametrize(
    ("note", "mark"),
    [
        (
            "Source: Example Archive, Lot File 99 D 1, Box 2, 1970—Minutes."
            " Limited Official Use.\n",
            "Limited Official Use",
        ),
        (
            "Source: Example Archive, Box 4, Minutes-1988.\nConfidential.\n\nCited in a history\n",
            "Confidential",
        ),
        (
            "Source: Example Archive, Box 2, Correspondence.\r\n"
            "Official Use Only. Drafted by a clerk.\r\n",
            "Official Use Only",
        ),
        ("From Lima, despatch 12, May 3, 1961,\nConfidential.\n", "Confidential"),
        ("Source: Example Archive, Central Files. Secret; Nodis.\n", "Secret"),
    ],
)
def test_the_level_or_control_of_a_source_note_is_found(detector, note, mark):
    assert _texts(detector, note) == [mark]


@pytest.mark.parametrize(
    "prose",
    [
        "There are three levels of classification: Top Secret, Secret, and\n"
        "Confidential. He agreed.\n",
        "He asked about downgrading the galleys to\nLimited Official Use. At this point he left.\n",
        "a despatch marked “Confidential.” followed\n",
        "The report was confidential. Secret talks followed.\n",
    ],
)
def test_prose_about_levels_is_not_a_source_note(detector, prose):
    assert _texts(detector, prose) == []
