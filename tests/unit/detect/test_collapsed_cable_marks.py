"""Marks of cable copies that lost their line breaks (collapsed lines): each numbered paragraph
runs into the one before, and the first paragraph into the Classified By line. Invented text."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

HEAD = (
    "C O N F I D E N T I A L OSLO 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 01/02/2019\n"
    "TAGS: PREL NO\nSUBJECT: FERRY TALKS\n\nREF: A. OSLO 12 B. OSLO 15 "
)


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    wanted = {"US-PORTION-MARK", "US-CLASSIFICATION-AUTHORITY"}
    return RuleDetector([r for r in load_rules() if r.spec.id in wanted])


def _found(detector: RuleDetector, text: str) -> list[tuple[str, int, str]]:
    out = []
    for f in detector.detect(Segment(text)):
        assert text[f.start : f.end] == f.text
        out.append((f.rule_id, f.start, f.text))
    return out


def test_every_run_in_paragraph_mark_is_found(detector):
    text = (
        HEAD
        + "Classified By: Ambassador Ann Roe for reasons 1.4 (b) and (d). "
        + "1. (C) Summary: the ferry talks stalled. End summary. "
        + "2. (C) The minister left early.  3. (SBU) Fares rose. "
        + "---- COMMENT ---- 4. (S/NF) The port is closed."
    )
    marks = [(s, t) for rule, s, t in _found(detector, text) if rule == "US-PORTION-MARK"]
    assert [t for _, t in marks] == ["(C)", "(C)", "(SBU)", "(S/NF)"]
    assert [s for s, _ in marks] == [
        text.index(m) for m in ("(C) Summary", "(C) The", "(SBU)", "(S/NF)")
    ]


def test_classified_by_line_ends_at_its_reasons_not_at_the_end_of_the_cable(detector):
    text = (
        HEAD
        + "Classified By: Ambassador Ann Roe for reasons 1.4 (b) and (d). "
        + "(C) On May 3 the court ruled. 2. (C) Fares rose sharply in the north."
    )
    found = _found(detector, text)
    authority = [t for rule, _, t in found if rule == "US-CLASSIFICATION-AUTHORITY"]
    assert "Classified By: Ambassador Ann Roe for reasons 1.4 (b) and (d)" in authority
    marks = [s for rule, s, _ in found if rule == "US-PORTION-MARK"]
    assert marks == [text.index("(C) On"), text.index("(C) Fares")]


def test_uppercase_reason_letters_are_not_cut_off(detector):
    text = "Classified By: RSO ANN ROE 1.4 (C) AND (D)\n\n1. (S/NF) The port closed.\n"
    found = _found(detector, text)
    assert ("US-CLASSIFICATION-AUTHORITY", 0, "Classified By: RSO ANN ROE 1.4 (C) AND (D)") in found


def test_run_in_numbers_need_a_page_with_clear_marks(detector):
    text = "The ferry left at noon. 12. (C) The pilots struck and the port closed."
    assert _found(detector, text) == []


@pytest.mark.parametrize(
    "line",
    [
        "REASON: 1.4 (B), (C) and (D)",
        "Ref: A. LIMA 12 B. 08 LIMA 5. (C) LIMA 391",
        "see options 3. (C) and 4. (d) below",
        "The three options are: (A) wait, (B) sail, (C) Return.",
    ],
)
def test_reason_letters_references_and_lists_stay_unmarked_on_a_marked_page(detector, line):
    text = "1. (C) The port closed.\n2. (C) Ships waited.\n" + line + "\n"
    marks = [t for rule, s, t in _found(detector, text) if rule == "US-PORTION-MARK"]
    assert marks == ["(C)", "(C)"]


def test_outline_numbers_and_double_dash_bullets(detector):
    text = (
        "1. (SBU) The reply follows.\n\n23.B. (SBU) The ministry runs two shelters.\n\n"
        "II. (SBU) MACRO CONDITIONS:\n-- (C) The ministry is split.\n"
    )
    marks = [t for rule, _, t in _found(detector, text) if rule == "US-PORTION-MARK"]
    assert marks == ["(SBU)", "(SBU)", "(SBU)", "(C)"]


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("Classified By: Political Counselor Ann Roe ", "\nReasons 1.4 (b and d) \n"),
        ("Classified By: Political Counselor Ann Roe ", "\nReasons: 1.4 (b) and (d) \n"),
        ("CLASSIFIED BY: Ann Roe, CG. ", "\nREASON: 1.4 (b), (d) \n"),
        ("CLASSIFIED BY: Ann Roe, CG, ", "\nREASONS 1.4 (b), (d) \n"),
        ("Classified By: Deputy Chief of Mission Ann Roe for ", "\nreasons 1.4 (b,d) \n"),
        ("Classified By: Counselor Ann Roe, ", "\nFOR REASONS 1.5(B)(D) \n"),
    ],
)
def test_a_wrapped_authority_line_is_one_finding(detector, head, tail):
    text = "SUBJECT: FERRY TALKS\n\n" + head + tail + "\n1. (C) Talks stalled.\n"
    authority = [
        (s, t) for rule, s, t in _found(detector, text) if rule == "US-CLASSIFICATION-AUTHORITY"
    ]
    whole = (head + tail).rstrip(" \n")
    assert authority == [(text.index(head), whole)]


def test_a_reason_field_line_of_an_authority_block_stays_its_own_finding(detector):
    text = (
        "Classified By: Ann Roe, Director\nReason: 1.4(b)\nDerived From: Guide 4\n"
        "Declassify On: 20491231\n"
    )
    authority = [
        t for rule, _, t in _found(detector, text) if rule == "US-CLASSIFICATION-AUTHORITY"
    ]
    assert authority == [
        "Classified By: Ann Roe, Director",
        "Reason: 1.4(b)",
        "Derived From: Guide 4",
        "Declassify On: 20491231",
    ]
