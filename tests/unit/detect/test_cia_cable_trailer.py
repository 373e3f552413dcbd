"""The classification trailer of CIA cables of the E.O. 12356 years ("DECL OADR DRV HUM 4-82",
"DRV FRM: Multiple", "CL BY__0123456"): one finding per stamp, offsets exact. Invented values."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.detect.overlap import drop_nested_markings
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    wanted = {"US-CLASSIFICATION-AUTHORITY", "US-DECLASSIFICATION-EXEMPTION"}
    return RuleDetector([r for r in load_rules() if r.spec.id in wanted])


def _found(detector: RuleDetector, text: str) -> list[tuple[int, str]]:
    found = drop_nested_markings(detector.detect(Segment(text)))
    for f in found:
        assert text[f.start : f.end] == f.text
    return sorted((f.start, f.text) for f in found)


def test_decl_oadr_and_its_source_are_one_finding(detector):
    text = "3. THE MEETING IS SET.\n4. FILE: 201-0000001. DECL OADR DRV HUM 4-82.\nEND OF MESSAGE\n"
    assert _found(detector, text) == [(text.index("DECL"), "DECL OADR DRV HUM 4-82")]


def test_trailer_block_lines(detector):
    text = "CL BY__0123456\nCL REASON: 1.5 (C)\nDECL ON: X-1\nDRV FRM: Multiple\n"
    texts = [t for _, t in _found(detector, text)]
    assert texts == ["CL BY__0123456", "REASON: 1.5 (C)", "DECL ON: X-1", "DRV FRM: Multiple"]


def test_empty_trailer_labels_and_prose_are_not_reported(detector):
    assert _found(detector, "CL REASON:\nDECL ON:\nDRV FRM:\nThe DRV HUM unit met.\n") == []
