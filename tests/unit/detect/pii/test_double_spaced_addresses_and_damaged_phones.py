"""Addresses that OCR of double-spaced typescript breaks over a blank line or a speck, and
local or fax numbers after a phone word whose hyphen OCR read as another sign (invented
values). A blank line before a phrase such as "Place of birth" is no address; a span of
years, a file number and a CIA 201 number after a phone word stay quiet."""

from __future__ import annotations


def _phones(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "PHONE_NUMBER"]


def _addresses(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "STREET_ADDRESS"]


def test_street_wrapped_over_a_blank_line_or_a_speck(contacts):
    report = (
        "He works for Kestrel Supply, 4410 Brandt\n\nDrive, Fairview, as a clerk.\n"
        "His brother lives at 7120 South\n\nAlder Avenue, Millbrook, with his wife.\n"
        "The shop at 2218 Orchard\n| Road closed last year.\n"
    )
    assert _addresses(contacts, report) == [
        "4410 Brandt\n\nDrive, Fairview",
        "7120 South\n\nAlder Avenue, Millbrook",
        "2218 Orchard\n| Road",
    ]


def test_blank_line_before_a_phrase_is_no_address(contacts):
    form = (
        "Exhibit 12 Kestrel\n\nPlace of birth: Fairview\n"
        "the survey of 1962 Alder\n\nStreet lighting\n"
    )
    assert _addresses(contacts, form) == []


def test_local_number_with_ocr_damaged_hyphen_after_a_phone_word(contacts):
    log = (
        "The subject called 555 =0147 (Penn number) at noon. Agents will identify the\n"
        "subscriber to telephone\nnumber 555- -0182, and his phone is 555:0163.\n"
    )
    assert _phones(contacts, log) == ["555 =0147", "555- -0182", "555:0163"]


def test_fax_number_with_a_point_after_the_bracket_or_a_trailing_speck(contacts):
    cover = "Fax: (202).555~0147\nSENDING FAX NO. 703-555:0134-\nDELIVER TO: Ivo Penn\n"
    assert _phones(contacts, cover) == ["(202).555~0147", "703-555:0134"]


def test_years_and_file_numbers_after_a_phone_word_stay_quiet(contacts):
    text = (
        "phone taps\n\n949 = 1961 by the office; Penn called 1957-=1958 his best years.\n"
        "File number: 205=1226 was opened. He called 201=5513 for the file.\n"
    )
    assert _phones(contacts, text) == []
