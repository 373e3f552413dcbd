"""The SENSITIVE caption of State cables stands next to SIPDIS in the caption block of
classified and unclassified cables alike. Invented headers."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector([r for r in load_rules() if r.spec.id == "STATE-SBU-CAPTION"])


def _spans(detector: RuleDetector, text: str) -> list[tuple[int, str]]:
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.start, f.text) for f in found]


@pytest.mark.parametrize(
    "header",
    [
        "S E C R E T SECTION 01 OF 02 OSLO 000123 \n \nSENSITIVE \nSIPDIS \n \nE.O. 12958: DECL",
        "C O N F I D E N T I A L OSLO 000123 SENSITIVE SIPDIS E.O. 12958: DECL: 01/02/2019",
        "UNCLAS OSLO 000123\n\nSIPDIS\n\nSENSITIVE, SIPDIS\n\nE.O. 12958: N/A",
        "C O N F I D E N T I A L OSLO 000123\nSIPDIS\nSENSITIVE\n\nFOR EUR/NB ANN ROE",
    ],
)
def test_caption_next_to_sipdis_is_found_with_exact_offsets(detector, header):
    assert _spans(detector, header) == [(header.index("SENSITIVE"), "SENSITIVE")]


def test_prose_sensitive_near_sipdis_is_not_a_caption(detector):
    text = "SIPDIS\n\nThe file is SENSITIVE and kept apart.\nThe talks were SENSITIVE.\nSIPDIS\n"
    assert _spans(detector, text) == []
