"""The 1960s downgrading-group stamps (E.O. 10501/10964, DoD Dir 5200.10) as the forms print
them over several lines, and the JFK Act's section citations on review forms. Invented
documents around the printed stamp texts."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.detect.overlap import drop_nested_markings
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


def _reported(detector: RuleDetector, text: str) -> list[tuple[str, str]]:
    found = drop_nested_markings(detector.detect(Segment(text)))
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.rule_id, f.text) for f in found if f.category == "marking"]


@pytest.mark.parametrize(
    "stamp",
    [
        "Group 1: Excluded from\nAutomatic Downgrading\nand Declassification",
        "GROUP 1\n\nEXCLUDED FROM AUTOMATIC\n\nDOWNGRADING AND DECLASSIFICATION",
        "EXCLUDED FROM AUTOMATIC DOWNGRADING\nAND DECLASSIFLCATLON",
        "Group 1: Excluded from\nAutomatic Downgrading\nand",
        "EXCLUDED FROM AUTOMATIC REGRADING; DOD DIR 5200.10 DOES NOT APPLY",
        "GROUP 3\nDOWNGRADED AT 12 YEAR INTERVALS;\nNOT AUTOMATICALLY DECLASSIFIED",
        "Group 4: Downgraded at 3-year intervals; declassified after 12 years",
    ],
)
def test_stamp_is_one_authority_finding(detector, stamp):
    text = f"Pelham Orcutt asked for the file.\n\n{stamp}\n\nNext page follows.\n"
    assert ("US-CLASSIFICATION-AUTHORITY", stamp) in _reported(detector, text)


@pytest.mark.parametrize(
    "prose",
    [
        "Staff were excluded from automatic downgrading of their grades under the plan.\n",
        "The ratings were downgraded at 12 stores during the year.\n",
        "The directive replaced DoD Directive 5200.10 in 1978.\n",
    ],
)
def test_prose_about_downgrading_stays_quiet(detector, prose):
    assert _reported(detector, prose) == []


@pytest.mark.parametrize(
    ("line", "cited"),
    [
        ("RESTRICTIONS:\nJFK Act 5 (g)(2)(D)\n", "JFK Act 5 (g)(2)(D)"),
        ("RESTRICTIONS:\nJEK Act 6 (4)\n", "JEK Act 6 (4)"),
        ("postponed in full under\n\nJEK Act 5 (g)(2)(D\n\n2 Encls\n", "JEK Act 5 (g)(2)(D"),
        ("RESTRICTIONS: \u2014 Open in Full\nCURRENT STATUS: Redact\n", "Open in Full"),
    ],
)
def test_review_form_citations(detector, line, cited):
    assert ("RELEASE-DECISION", cited) in _reported(detector, line)
