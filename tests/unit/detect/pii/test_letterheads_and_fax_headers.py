"""Phone and fax numbers and private postal addresses on invented letterheads, fax headers and
report pages, in the spacings and OCR damage of real ones; what only looks like a number or
an address (dates, record numbers, government offices, prose) stays quiet."""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.contact_rules import is_phone


def test_fax_header_lines_of_several_machines(contacts):
    page = (
        "MAY-12-1996 09:41 FROM KESTREL SUPPLY 2125550134 P.02\n"
        "05/12/96 09:41 HARBOR WORKS 3O1 555 0199 @002\n"
        "SENT BY: ORVALE ; 5-12-96 ; 9:41AM ; 435 555 0188-> 202 555 0100;# 2/ 3\n"
        "KESTREL SUPPLY 212 555 0134 PAGE 2 OF 3\n"
    )
    numbers = [t for e, t in contacts(page) if e == "PHONE_NUMBER"]
    assert numbers == ["2125550134", "3O1 555 0199", "435 555 0188", "212 555 0134"]


def test_company_letterhead_in_capitals(contacts):
    head = (
        "ORVALE TOOL WORKS, INC.\n"
        "P.O. BOX 4471\n"
        "GRANTSVILLE, UT 84029-4471\n"
        "TEL. 435 555 O188   FAX 435 555 0l89\n"
    )
    assert contacts(head) == [
        ("STREET_ADDRESS", "P.O. BOX 4471\nGRANTSVILLE, UT 84029-4471"),
        ("PHONE_NUMBER", "435 555 O188"),
        ("PHONE_NUMBER", "435 555 0l89"),
    ]


def test_addressee_block_with_a_suite_line_and_double_spacing(contacts):
    block = "Mrs. Ida Penn\n900 Harbor Plaza\nSuite 12\nMillbrook, VT 05401\n"
    assert contacts(block) == [
        ("STREET_ADDRESS", "900 Harbor Plaza\nSuite 12\nMillbrook, VT 05401")
    ]
    spaced = "Mr. Alvar Strand\n\n1187 North Alder\n\nDallas 8, Texas\n\nDear Mr. Strand:\n"
    assert contacts(spaced) == [("STREET_ADDRESS", "1187 North Alder\n\nDallas 8, Texas")]


def test_report_of_the_1960s_numbers_and_residence(contacts):
    report = (
        "Source advised that ORMOND resides at 4410 Brandt Avenue, Fairview, Ohio, "
        "telephone WHitehall 3-1234, and can be reached at his office at 483-5519 er "
        "483-5520, Extension 5126.\n"
        "His contact in the capital gave Telephone 14-12-99 as his number.\n"
    )
    assert contacts(report) == [
        ("STREET_ADDRESS", "4410 Brandt Avenue, Fairview, Ohio"),
        ("PHONE_NUMBER", "WHitehall 3-1234"),
        ("PHONE_NUMBER", "483-5519"),
        ("PHONE_NUMBER", "483-5520"),
        ("PHONE_NUMBER", "5126"),
        ("PHONE_NUMBER", "14-12-99"),
    ]


def test_government_letterheads_stay_quiet(contacts):
    for head in (
        "DEPARTMENT OF STATE\n2201 C STREET, N.W.\nWASHINGTON, D.C. 20520\n",
        "Central Intelligence Agency\nP.O. Box 1925\nWashington, D.C. 20013\n",
        "Judge, Circuit Court for Alder County\n4000 Mill Road\nFairview, Ohio 44122\n",
    ):
        assert contacts(head) == [], head


def test_numbers_of_records_and_prose_are_not_contacts(contacts):
    page = (
        "RIF 104-10012-10001 P.2\n"
        "NW 61872 DocId:30001234 Page 2\n"
        "Released on 11-04-2023 under the Act.\n"
        "STATE 123456 of 12 May 1976, 14 pages, cost $1,250,000 in 1962-1964.\n"
        "The telephone call of 11-22-63 was recorded; the extension of 1963 ended.\n"
        "12 SOLDIERS ON THE ROAD\nTHE EMBASSY IN KABUL\n"
        "1962 Annual Report\nWashington, D.C.\n"
        "File number: 100-3568 or 100-3569\n"
    )
    assert contacts(page) == []


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ("Released on 11-04-2023 under the Act", "11-04-2023"),
        ("Doc extract 041-017-003 of the index", "041-017-003"),
        ("see archives.example.gov/documents/07-21-04-0315-0006.", "07-21-04-0315-0006"),
    ],
)
def test_dates_reel_numbers_and_web_paths_are_not_phones(text, candidate):
    start = text.index(candidate)
    assert not is_phone(text, start, start + len(candidate))


def test_a_shaped_number_outside_a_web_address_is_still_a_phone():
    text = "Reports go to the desk, 212-555-0134, before noon."
    start = text.index("212")
    assert is_phone(text, start, start + 12)


def test_cable_line_wrap_and_fax_clock_time(contacts):
    cable = (
        "1. (U) Questions can be directed to Econoff Ivo Penn, (506) \n"
        "555-0134, or the duty officer.\n"
        "09/23/97 14:32 703 555 0199 KESTREL SUPPLY 002\n"
        "PHONE: (202}555-0147\n"
    )
    assert contacts(cable) == [
        ("PHONE_NUMBER", "(506) \n555-0134"),
        ("PHONE_NUMBER", "703 555 0199"),
        ("PHONE_NUMBER", "(202}555-0147"),
    ]
