"""Street and phone forms of typed investigative reports (issue 17, item 5): the shapes a field
office's typist or OCR gave a private address or a subscriber's number. Every name, street and
number here is invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# ``contacts`` (conftest.py): (entity, text) of every personal-data finding, offsets checked.
Contacts = Callable[[str], list[tuple[str, str]]]


def texts(contacts: Contacts, text: str) -> list[str]:
    return [found for _, found in contacts(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a direction abbreviated with a comma after it
        ("Mrs. Ida Penn, 619 N.E, 84th Street, Fairview (by", "619 N.E, 84th Street, Fairview"),
        (
            "bought the house at 738 W, 47th Street, Millbrook, in May",
            "738 W, 47th Street, Millbrook",
        ),
        # an ordinal whose 1 OCR read as l, I or i
        ("lives at 846 N.E. 7ist Street, Fairview,", "846 N.E. 7ist Street, Fairview"),
        ("Kestrel Dairy, 3842 South llth Street, a firm", "3842 South llth Street"),
        ("Ivo Penn, 417 West 10lst St., New York City", "417 West 10lst St., New York"),
        ("2784 lst Avenue. West, Fairview", "2784 lst Avenue"),
        # a hyphen or tilde between the house number and the ordinal street
        ("address FROM 714- 9th St., S.W., Apt. 4", "714- 9th St., S.W., Apt."),
        ("They resided at 4829 - 31st Place", "4829 - 31st Place"),
        ("Ada Morrow\n\n2417 ~-11th Street\n", "2417 ~-11th Street"),
        # a street named by a bare number after a direction
        ("Address; 3618 NW 14 St, Fairview.", "3618 NW 14 St, Fairview."),
        ("Tobin Hale, 57 W. 125 St, New York", "57 W. 125 St, New York"),
    ],
)
def test_report_street_forms_are_reported(contacts, text, address):
    assert texts(contacts, text) == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "moved from 5391 N. E.\nBayshore Court, Fairview, to",
            "5391 N. E.\nBayshore Court, Fairview",
        ),
        ("at 14826 N. E. 23rd\nDrive, North Fairview.", "14826 N. E. 23rd\nDrive, North Fairview."),
        (
            "as IVO PENN, 4315 South\nHarwood Avenue, Fairview,",
            "4315 South\nHarwood Avenue, Fairview",
        ),
    ],
)
def test_street_wrapped_after_its_direction_is_reported(contacts, text, address):
    assert texts(contacts, text) == [address]


def test_residence_verb_in_title_case_opens_an_address(contacts):
    text = "Jasper Alder, Lived at 710 North Sunset, Fairview,\nOhio."
    assert texts(contacts, text) == ["710 North Sunset, Fairview"]
    text = "Retired. Resided at 4410 Brandt, Fairview, with his son."
    assert texts(contacts, text) == ["4410 Brandt, Fairview"]


def test_rural_box_with_a_letter(contacts):
    text = "PENN LIVES ROUTE 4 BOX 317C FAIRVIEW FLORIDA."
    assert texts(contacts, text) == ["ROUTE 4 BOX 317C"]


@pytest.mark.parametrize(
    "text",
    [
        "the 1962 - 5th Avenue parade was held",
        "In 2001 -4th Street shops closed",
        "Lived at 1962 levels of income",
        "Residence at 0905 hours was quiet.",
        "on page 12 West\nStreet lighting is shown",
    ],
)
def test_years_and_times_stay_quiet(contacts, text):
    assert texts(contacts, text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3. Identify subscriber to 555-0147 called 4/10/62", "555-0147"),
        ("identity of subscriber to 555-0182, called Sept. 7", "555-0182"),
        ("indicate that 555-0147 is listed to Ivo Penn, 12 Alder", "555-0147"),
        ("a new telephone, #555-0163, listed to PENN at", "555-0163"),
        ("that 555-0135 is a non-published phone listed to KESTREL", "555-0135"),
    ],
)
def test_subscriber_numbers_are_reported(contacts, text, number):
    assert number in texts(contacts, text)


@pytest.mark.parametrize(
    "text",
    [
        "File 205-8255 is listed to the Fairview office",
        "Penn's 201-5513 was listed to the desk",
        "the subscribers of Serial 205-8255 were listed",
        "subscriber to the 1962-1963 directory",
    ],
)
def test_file_numbers_near_a_listing_stay_quiet(contacts, text):
    assert texts(contacts, text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("reported that 555-0147 is the telephone number of Ivo Penn", "555-0147"),
        ("Mr. Hale at 555-0162, which is the telephone number of", "555-0162"),
        # the bracket broken over a line, the phone word's first letters damaged by OCR
        ("a clerk at 555-0174 (unpublished\ntelephone number of Ada Morrow)", "555-0174"),
        ("a man at 555~0174 (unpubl\n\n. velephone number of Ada Morrow)", "555~0174"),
    ],
)
def test_local_numbers_named_a_phone_number_after_them_are_reported(contacts, text, number):
    assert texts(contacts, text) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "File 205-8255 is the telephone number file of the office",
        "Serial 262-5519 names the phone number of the office",
        "between 1962-1964 his phone number changed",
        "Penn's 201-5513 is the phone number index",
    ],
)
def test_file_numbers_before_a_phone_word_stay_quiet(contacts, text):
    assert texts(contacts, text) == []
