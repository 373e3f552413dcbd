"""The agency SENSITIVE caveat stands on its own line next to the page's level banner;
elsewhere the word is prose or a heading. Invented pages."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector([r for r in load_rules() if r.spec.id == "US-DISSEM-CONTROL"])


def _spans(detector: RuleDetector, text: str) -> list[tuple[int, str]]:
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.start, f.text) for f in found if f.rule_id == "US-DISSEM-CONTROL"]


@pytest.mark.parametrize(
    "page",
    [
        "SECRET\n\nSENSITIVE\n\nMEMORANDUM FOR THE RECORD\n",
        "the files were searched.\n\nSENSITIVE\nSECRET\n",
        "Page 3\n\nSECRET, \u00b0\n\u201c SENSITIVE *\n\n-3-\n",
    ],
)
def test_caveat_next_to_the_banner(detector, page):
    assert _spans(detector, page) == [(page.index("SENSITIVE"), "SENSITIVE")]


@pytest.mark.parametrize(
    "page",
    [
        "SECRET\n\nThe report is SENSITIVE.\n",
        "Minutes\n\nSENSITIVE\n\nThe report follows.\n",
        "SECRET\n\nSENSITIVE SOURCES AND METHODS\n",
    ],
)
def test_sensitive_elsewhere_is_not_the_caveat(detector, page):
    assert _spans(detector, page) == []
