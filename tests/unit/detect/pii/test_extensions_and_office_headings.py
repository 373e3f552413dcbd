"""A number with its extension in a signature block or a post's contact line is reported whole;
the recogniser's candidate (libphonenumber reads the extension into it) passes the same shape
check as the number alone. Invented numbers."""

from __future__ import annotations

import phonenumbers

from redactcheck.detect.pii.refine import refine_results


def _phones(text: str, region: str = "US") -> list[str]:
    raw = [
        ("PHONE_NUMBER", m.start, m.end, 0.4)
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    ]
    hits = refine_results(text, raw, entities=["PHONE_NUMBER"])
    assert all(text[h.start : h.end] == h.text for h in hits)
    return [h.text for h in hits]


def test_a_signature_number_with_its_extension_is_reported():
    block = "Sincerely,\n\nIvo Penn\nFernhill Press\n(713) 863-2417 ext. 215\n"
    assert _phones(block) == ["(713) 863-2417 ext. 215"]


def test_an_embassy_contact_line_with_an_x_extension_is_reported():
    line = "visas: the consular section (Ivo Penn),\npenni@example.gov or 354-555-0100 x4410.\n"
    assert _phones(line, "IS") == ["354-555-0100 x4410"]


def test_a_bare_run_of_digits_with_an_extension_still_needs_a_phone_word():
    assert _phones("Order 7138632417 ext. 215 was shipped") == []
