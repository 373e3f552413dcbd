"""The marking texts a rule detector finds in one text, offsets checked on the way.

Why shared: the OCR-tolerance tests of several rounds ask the same question of the same
detector ("which markings does it read in this invented record?").
"""

from __future__ import annotations

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment


def marking_texts(detector: RuleDetector, text: str) -> list[str]:
    """Texts of the marking findings in ``text``; every finding's offsets must be exact."""
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text  # offsets are exact
    return [f.text for f in found if f.category == "marking"]
