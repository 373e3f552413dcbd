"""Private postal addresses and OCR-damaged phone numbers on invented letterheads; the offices
of public bodies stay quiet."""

from __future__ import annotations

import pytest

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.detect.pii.contact_rules import is_phone
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

EXAMPLES = load_lexicon("address.yaml")["examples"]


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


def contacts(detector: RuleDetector, text: str) -> list[str]:
    found = [f for f in detector.detect(Segment(text)) if f.category == "pii"]
    for f in found:
        assert text[f.start : f.end] == f.text
    return [f.text for f in found]


@pytest.mark.parametrize("text", EXAMPLES["reported"])
def test_private_addresses_are_reported(detector, text):
    assert contacts(detector, text), text


@pytest.mark.parametrize("text", EXAMPLES["quiet"])
def test_government_office_addresses_stay_quiet(detector, text):
    assert contacts(detector, text) == [], text


def test_private_addressee_under_a_government_letterhead_is_reported(detector):
    text = (
        "United States Department of State\nWashington, D.C. 20520\n\n"
        "Mr. Alvar Strand\n4410 Brandt Avenue\nFairview, Ohio 44122\n\nDear Mr. Strand:\n"
    )
    assert contacts(detector, text) == ["4410 Brandt Avenue\nFairview, Ohio 44122"]


def test_capitals_letterhead_with_city_state_zip(detector):
    text = "KESTREL SUPPLY CO.\n4410 BRANDT AVENUE\nFAIRVIEW, OHIO 44122\n"
    assert contacts(detector, text) == ["4410 BRANDT AVENUE\nFAIRVIEW, OHIO 44122"]


def test_ocr_damaged_fax_number_is_reported_and_a_clean_one_left_to_the_recogniser(detector):
    assert contacts(detector, "FAX 212 55( 0123 P.01\n") == ["212 55( 0123"]
    assert contacts(detector, "Tel: 212-555-0123\n") == []  # PII-PHONE reports it


def test_phone_word_after_the_number_on_a_fax_header():
    # one run of digits has no phone shape: only a phone word near it makes it a number
    text = "KESTREL SUPPLY  2125550123 FAX  P.01"
    start = text.index("212")
    assert is_phone(text, start, start + 10)
    order = "Order 2125550123 shipped in May."
    start = order.index("212")
    assert not is_phone(order, start, start + 10)
