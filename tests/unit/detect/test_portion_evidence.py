"""Weak portion marks (``needs_evidence``): OCR'd paragraph-end marks that lost their case or
bracket count only on a page that already carries clear marks of the same rule."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules
from redactcheck.ruleset.schema import PatternSpec

BODY = (
    "the officer will work out(s)\n"
    "a travel plan with the crew, and a resumption ofS)\n"
    "contact is hoped for.\n"
)


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector([r for r in load_rules() if r.spec.id == "US-PORTION-MARK"])


def _marks(detector: RuleDetector, text: str) -> list[str]:
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text
    return [text[f.start - 4 : f.end] if f.text in ("(s)", "S)") else f.text for f in found]


def test_weak_marks_count_on_a_page_with_two_clear_marks(detector):
    text = "1. (S) The source sailed in May.\n2. (S) He met the officer.\n" + BODY
    marks = _marks(detector, text)
    assert marks == ["(S)", "(S)", " out(s)", "n ofS)"]
    weak = [f for f in detector.detect(Segment(text)) if f.text in ("(s)", "S)")]
    assert {f.severity for f in weak} == {"low"} and all(f.score < 0.5 for f in weak)


def test_one_clear_mark_is_not_enough(detector):
    assert _marks(detector, "1. (S) The source sailed in May.\n" + BODY) == ["(S)"]


def test_plurals_in_unmarked_prose_are_never_marks(detector):
    assert _marks(detector, "Check the name(s)\nand the address(es) of the item(s)\n") == []
    assert _marks(detector, BODY) == []


def test_needs_evidence_must_not_be_negative():
    with pytest.raises(ValueError):
        PatternSpec(name="p", regex="x", score=0.5, needs_evidence=-1)


def test_speckled_paragraph_end_marks_count_on_a_marked_page(detector):
    marked = "1. (C) The draft is long.\n2. (U) The page is short.\n"
    speckled = (
        "the following language is suggested: (U)\n"
        "it was heard by the staff. (C) .\n"
        "the fact is noted. (U) i\n"
    )
    text = marked + speckled
    found = [f for f in detector.detect(Segment(text)) if f.start >= len(marked)]
    for f in found:
        assert text[f.start : f.end] == f.text
    assert [(f.start, f.text) for f in found] == [
        (text.index("(U)\nit"), "(U)"),
        (text.index("(C) ."), "(C)"),
        (text.index("(U) i"), "(U)"),
    ]
    assert _marks(detector, speckled) == []
