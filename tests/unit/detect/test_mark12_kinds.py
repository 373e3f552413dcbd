"""Marking kinds of scanned agency records added in round mark12: the short "(CONF)" closing an
item of a CIA daily summary, "DECL X1" without its ON, and the mixed-case CIA no-objection stamp
behind stamp-edge noise. Invented text of the same shapes; offsets exact."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.detect.overlap import drop_nested_markings
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    wanted = {"US-PORTION-MARK", "US-CLASSIFICATION-AUTHORITY", "LEGACY-RELEASE-STAMP"}
    return RuleDetector([r for r in load_rules() if r.spec.id in wanted])


def _found(detector: RuleDetector, text: str) -> list[str]:
    found = drop_nested_markings(detector.detect(Segment(text)))
    for f in found:
        assert text[f.start : f.end] == f.text
    return sorted(f.text for f in found)


def test_spelled_conf_closes_summary_items(detector):
    text = (
        "3. RURITANIA: //THE CABINET CRISIS GOES ON.// (CONF)\n"
        "4. OSTRIA: THE ARMY IS ON ALERT. //\n(CONF)\n"
    )
    assert _found(detector, text) == ["(CONF)", "(CONF)"]


def test_conf_inside_a_line_or_in_lower_case_is_not_a_mark(detector):
    assert _found(detector, "(CONF) ROOM B IS BOOKED FOR MONDAY\nthe hall (Conf)\n") == []


def test_decl_x_code_without_on(detector):
    text = "CL BY 0123456\nREASON 1.5(d)\nDECL X3\nDRV HUM 3-84\n"
    assert "DECL X3" in _found(detector, text)


def test_decl_needs_an_x_code(detector):
    assert _found(detector, "DECL X10 is a part number.\nDECL XYZ\n") == []


def test_mixed_case_no_objection_stamp_behind_noise(detector):
    text = "Central Intelligence Agency\nQx ee - has No Objection to Release\n"
    assert _found(detector, text) == [text.rstrip("\n")]


def test_prose_no_objection_is_not_a_stamp(detector):
    assert _found(detector, "The embassy has no objection to release of the text.\n") == []


@pytest.fixture(scope="module")
def form_detector() -> RuleDetector:
    return RuleDetector([r for r in load_rules() if r.spec.id == "RELEASE-ARRB-FORM-VALUES"])


def test_form_level_read_before_the_new_classification_label(form_detector):
    text = (
        "ORIGINAL\nCLASSIFICATION:\n\nREVIEW_DATE:\n\n03/04/1964\n2\n\nPAPER, TEXTUAL DOCUMENT\n"
        "NEW\n\nConfidential CLASSIFICATION:\n\n04/11/1997 UPDATE DATE: 07/19/2002\nRedact\n"
    )
    assert _found(form_detector, text) == ["Confidential"]


def test_level_word_before_a_classification_heading_in_prose_is_not_a_form_value(form_detector):
    # (a level word at a line's start right before the label is the form value whether or not
    # UPDATE DATE follows: the OCR form-value step reads it; in a sentence it is no value)
    text = "The handbook's Secret classification: see it\nUPDATE DATE: 01/02/2003\n"
    assert _found(form_detector, text) == []


def test_mark_alone_on_its_line_and_after_a_bullet(detector):
    text = (
        "SUBJECT: Budget review for the harbour office\n\n(U)\n\n"
        "A. The review closed early.\n* (S) The second enclosure lists the routes.\n"
    )
    assert _found(detector, text) == ["(S)", "(U)"]


def test_list_letters_and_reference_lines_are_not_own_line_marks(detector):
    text = "Options:\n(a)\nfirst\n(b)\nsecond\n* (C) STATE 1234\n(C)(2)\n"
    assert _found(detector, text) == []
