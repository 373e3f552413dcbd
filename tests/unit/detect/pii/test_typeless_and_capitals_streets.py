"""Streets written without their type after a direction, Broadway, and the capitals delivery
line of USPS Publication 28 that cables copy (invented names and values). Years, compass-named
regions, counts and capitals prose with a place word stay quiet."""

from __future__ import annotations


def _addresses(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "STREET_ADDRESS"]


def test_direction_and_street_name_without_a_type_then_the_town(contacts):
    report = (
        "The informant, Ivo Penn, 4410 North Brandt, Fairview, Ill., was seen there.\n"
        "A tavern at 72 W. Alder, Millbrook, closed in May.\n"
        "Her son rents a room at 918 South Orchard Hill, North Dover.\n"
        "Mail cover on the address of Jan Alder,\n\n9353 S. Linden,\n\nOak Glen, Illinois\n"
    )
    assert _addresses(contacts, report) == [
        "4410 North Brandt, Fairview, Ill.",
        "72 W. Alder, Millbrook",
        "918 South Orchard Hill, North Dover",
        "9353 S. Linden,\n\nOak Glen, Illinois",
    ]


def test_years_and_compass_named_regions_are_no_street(contacts):
    prose = (
        "In 1962 North Vietnam, Laos and Cambodia signed.\n"
        "Of the 12 South African, Danish and Dutch ships, four sank.\n"
        "Item 3 North Korea, the next item.\n"
    )
    assert _addresses(contacts, prose) == []


def test_broadway_with_a_house_number(contacts):
    text = (
        "Kestrel Supply, 1318 Broadway, Fairview, Illinois, sold it.\n"
        "IVO PENN\n1184 Broadway\n\nMillbrook, Ohio\n"
        "The play ran 3 Broadway seasons.\n"
    )
    assert _addresses(contacts, text) == [
        "1318 Broadway, Fairview, Illinois",
        "1184 Broadway\n\nMillbrook, Ohio",
    ]


def test_capitals_delivery_line_with_a_town_after_it(contacts):
    cable = (
        "SUBJ RESIDES 2148 ALDER TERRACE, FAIRVIEW. WIFE EMPLOYED\n"
        "ADDRESS 77 NW 3RD AVE, APT 4, FAIRVIEW, FLA\n"
        "BROTHER LIVES 3947 NW IST ST,\nMILLBROOK, N. Y. SINCE 1961\n"
    )
    assert _addresses(contacts, cable) == [
        "2148 ALDER TERRACE, FAIRVIEW",
        "77 NW 3RD AVE, APT 4, FAIRVIEW, FLA",
        "3947 NW IST ST,\nMILLBROOK, N. Y.",
    ]


def test_capitals_prose_with_a_place_word_stays_quiet(contacts):
    cable = (
        "ON 13 FEBRUARY HAD TAKEN PLACE, AND THE TALKS ENDED.\n"
        "HE WILL STAY 18 THE PLACE, BUT NOT LONG.\n"
        "MEETING 4 DAYS ON WAY, THEN RETURN.\n"
        "2148 ALDER TERRACE WAS SOLD\n"
    )
    assert _addresses(contacts, cable) == []
