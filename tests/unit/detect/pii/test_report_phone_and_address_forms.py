"""Phone numbers and home addresses as 1950s-1990s investigative reports, witness lists,
transcripts and fax cover sheets write them (invented values): exchange names in OCR damage,
local numbers a few words after the phone word, memo extensions, the reporters' footer of a
hearing transcript, and a house number with the street's bare name, town and state. File,
serial and section numbers near a phone word stay quiet."""

from __future__ import annotations

import pytest


def _phones(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "PHONE_NUMBER"]


def _addresses(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "STREET_ADDRESS"]


def test_exchange_names_with_ocr_damaged_hyphens_and_words_between(contacts):
    report = (
        "Agents will identify subscribers to Fairview telephone\n\n"
        "KL 5-0163 and Alder phone KL 5=0121. The store at the corner answers\n"
        "telephone number KLondike 5~0123, and the owner, telephone KLondike 5+0195.\n"
    )
    assert _phones(contacts, report) == [
        "KL 5-0163",
        "KL 5=0121",
        "KLondike 5~0123",
        "KLondike 5+0195",
    ]


def test_exchange_name_in_bell_capitals_needs_no_phone_word(contacts):
    listing = "Kestrel Supply, 4410 Brandt Avenue, KLondike 5-0180\nKLondike 5-0185\n"
    assert _phones(contacts, listing) == ["KLondike 5-0180", "KLondike 5-0185"]


def test_exchange_name_in_title_case_needs_no_phone_word(contacts):
    report = (
        "Agents will check calls placed from Alder 4-5512 at his home\n"
        "the subject, and the numbers Edison 9-0147 and Plaza. 4-0199 on his list.\n"
    )
    assert _phones(contacts, report) == ["Alder 4-5512", "Edison 9-0147", "Plaza. 4-0199"]


def test_title_case_word_before_a_document_number_is_no_exchange(contacts):
    text = (
        "See Section 3-1234 of the memo of May 3-1963, Exhibit 2-0001, Bufile 9-2914,\n"
        "and the code Alder 4-5512-NR of the project.\n"
    )
    assert _phones(contacts, text) == []


def test_local_number_after_a_broken_line_or_an_ocr_speck(contacts):
    report = (
        "A source said that telephone’ number 5-0147 in Fairview is his; his\n"
        'telephone number\nwas 14-52-07. Agents will identify telephone number "85-0148.\n'
    )
    assert _phones(contacts, report) == ["5-0147", "14-52-07", "85-0148"]


def test_local_number_a_few_words_after_the_phone_word(contacts):
    memo = (
        "The contact should telephone Ivo at work (483-5519) or at home.\n"
        "He will phone me alias KESTREL on 483-5520, as agreed.\n"
        "Her tele-\nphone number at work is 483-5521.\n"
        "Unsub called the store (Tel 483~ 5522).\n"
    )
    assert _phones(contacts, memo) == ["483-5519", "483-5520", "483-5521", "483~ 5522"]


@pytest.mark.parametrize(
    "text",
    [
        "a telephone call about file 483-5519 was logged",
        "by telephone, serial 483-5519 was sent",
        "Penn phoned about the 201-5513 file",
        "he phoned on Nov. 3-1963 from the office",
        "the telephone line, Section 3-1234 of the code",
        "telephone records of case 105-8255 were read",
    ],
)
def test_file_serial_and_section_numbers_near_a_phone_word_stay_quiet(contacts, text):
    assert _phones(contacts, text) == []


def test_foreign_local_numbers_after_damaged_phone_words(contacts):
    cable = (
        "OFFICE TEL NO. 5-55-01\nTEL! 55-0109\nHome Phene: 555137\n"
        "Havana telephone number 55~-0182\n"
    )
    assert _phones(contacts, cable) == ["5-55-01", "55-0109", "555137", "55~-0182"]


def test_memo_and_form_extensions_as_typed_and_read(contacts):
    lines = "units C/XY/Z\n\nExT: 5126 /\nEXT.) 5127 TUBE\nJean Penn/Ext,5128\nC/XY/OPS, ext 5129\n"
    assert _phones(contacts, lines) == ["5126", "5127", "5128", "5129"]
    assert _phones(contacts, "DRAFTS\next: 5126/5127 CI") == ["5126/5127"]


def test_transcript_footer_of_the_stenographic_reporters(contacts):
    page = (
        "TOP SECRET\n\nPhone (Area 202) 555-0134\n\nKESTREL & PENN\n\nPhone (Area 202} 555-Go34\n"
    )
    assert _phones(contacts, page) == ["202) 555-0134", "202} 555-Go34"]


def test_three_three_four_numbers_with_damaged_separators(contacts):
    form = (
        "Name Ivo Penn : Telephone, 305~555~0134\n"
        "TRANSMITTED TO: FAX NO:(703)_ 555-0135\n"
        "HOME PHONE (212) 555*0136.\n"
    )
    assert _phones(contacts, form) == ["305~555~0134", "(703)_ 555-0135", "(212) 555*0136"]
    # clean numbers are the recogniser's (PII-PHONE), not this rule's
    assert _phones(contacts, "Telephone, 305-555-0134; FAX NO: (703) 555-0135") == []


def test_house_number_and_bare_street_name_with_town_and_state(contacts):
    listing = (
        "Ivo Penn - Address in 1964: 4410 Brandt, Fairview, Texas. Occupation: clerk.\n"
        "Ida Strand - Address and phone in 1963: 7745\nKestrel Place, Fairview, La.\n"
        "Ola Brandt - Address in 1964: 8862 Alder\nCreek, Apartment 12, Fairview, Texas.\n"
    )
    assert _addresses(contacts, listing) == [
        "4410 Brandt, Fairview, Texas",
        "7745\nKestrel Place, Fairview, La.",
        "8862 Alder\nCreek, Apartment 12, Fairview, Texas",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On May 12 Penn flew to Fairview, Fairview, Texas",
        "In 1963 Penn, Fairview, Texas",
        "Commission Exhibit 1234 Penn, Fairview, Texas",
        "File No. 4410 Brandt, Fairview, Texas",
    ],
)
def test_dates_years_and_exhibit_numbers_before_a_town_are_no_address(contacts, text):
    assert _addresses(contacts, text) == []


def test_two_letter_exchange_codes_glued_or_spaced_in_lists_and_leads(contacts):
    page = (
        "Ivo Penn - Address and phone in 1963: 4410 Brandt, Fairview, Texas KL5-0147.\n"
        "Will identify subscriber to KL 5-0148 and determine connection.\n"
        "Tolls charged to the club:\n\nUN 5-0134\nUN _5-0135\n"
    )
    assert _phones(contacts, page) == ["KL5-0147", "KL 5-0148", "UN 5-0134", "UN _5-0135"]


@pytest.mark.parametrize(
    "text",
    [
        "MM 9-5512\nADMINISTRATIVE",  # an FBI field office's file number
        "see memo OS 5-5512/A of the file",
        "AGENCY FILE NUMBER: CR 2-5512-NR",
        "letter of the Director, DDP4-5512, 12 June 1961",
    ],
)
def test_file_and_document_numbers_of_the_same_shape_stay_quiet(contacts, text):
    assert _phones(contacts, text) == []


def test_local_number_on_the_line_below_its_phone_word(contacts):
    lead = "Ascertain the subscriber to telephone number\n483-5519, called 12/30/66.\n"
    assert _phones(contacts, lead) == ["483-5519"]
    assert _phones(contacts, "a telephone call was logged\n105-8255 is the file") == []


def test_city_exchange_written_as_a_letter_after_the_phone_word(contacts):
    page = "V. PENN,\ntelephone: B-5512) at the address\nthe telephone number\nK5-0147, extension"
    assert _phones(contacts, page) == ["B-5512", "K5-0147"]
    assert _phones(contacts, "a telephone B-52 crashed") == []


def test_house_number_right_after_a_residence_verb(contacts):
    report = (
        "Subject resides at 4410 Brandt, Fairview, and works nights.\n"
        "ON 30 AUGUST LIVES 4410 BRANDT TERRACE\n"
        "Penn, residing at\n8862 Alder Blace, Fairview, in 1964.\n"
    )
    assert _addresses(contacts, report) == [
        "4410 Brandt, Fairview",
        "4410 BRANDT TERRACE",
        "8862 Alder Blace, Fairview",
    ]
    assert _addresses(contacts, "he lived 25 Years in Fairview; residing 1962 in Alder") == []


def test_address_wrapped_onto_the_next_line_of_a_typed_report(contacts):
    report = (
        "IVO PENN, Manager, Kestrel Supply Company, 36 Alder\n"
        "Street, Fairview, Texas, advised on March 3.\n"
        "The car was seen at 4410\n"
        "Brandt Avenue in Millbrook.\n"
        "HE STAYED AT 5900 KESTREL\n"
        "AVENUE, MILLBROOK, WITH HIS SISTER.\n"
    )
    assert _addresses(contacts, report) == [
        "36 Alder\nStreet, Fairview",
        "4410\nBrandt Avenue",
        "5900 KESTREL\nAVENUE, MILLBROOK",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the survey of 1963\nMain Street shops was read",
        "see Room 12\nState Street wing",
        "SHE SAW 4 MEN AT HIS\nPLACE OF WORK",
        "Records of the Federal\nBureau of Investigation, 90\nChurch Street, Fairview",
    ],
)
def test_years_rooms_form_words_and_offices_before_a_wrapped_street_stay_quiet(contacts, text):
    assert _addresses(contacts, text) == []


def test_a_firms_own_department_does_not_make_its_address_a_public_office(contacts):
    letter = "Legal Department, Kestrel and Company, 36 Alder Street, Fairview, on Monday"
    assert _addresses(contacts, letter) == ["36 Alder Street, Fairview"]


def test_havana_grid_street_named_by_a_number_or_a_letter(contacts):
    report = (
        "The subject resides at Calle 14 No. 35, Fairview, and his brother at Calle K #418.\n"
        "Calle 14 was closed to traffic; No. 35 of the list was not found.\n"
    )
    assert _addresses(contacts, report) == ["Calle 14 No. 35, Fairview", "Calle K #418"]


def test_secure_line_extension_after_a_phone_word_or_room(contacts):
    memo = (
        "Ivo Penn, Chief, Records Group, Room 2C41, Phone Red 5126 about the request.\n"
        "TELE/EXT: Secure 45126\n"
        "Jan Alder,\nRm 4C17 Red 2704\n"
        "The Red 1962 offensive was discussed by phone.\n"
    )
    assert _phones(contacts, memo) == ["Red 5126", "Secure 45126", "Red 2704"]


def test_value_of_an_address_field_without_a_clean_street_type(contacts):
    schedule = (
        "Identifying Information:\n\nName Ivo Penn\n\nAddress 5128 Alder DriVe\n\n"
        "City/State Fairview, La\n\nJAN ALDER - 1964 address: 2804 McKestrel, Fairview.\n"
        "The address of 12 pages was read; 1963 address: 1963 was the year.\n"
    )
    assert _addresses(contacts, schedule) == ["5128 Alder DriVe", "2804 McKestrel"]


def test_house_number_like_a_year_after_an_address_label(contacts):
    text = (
        "JAN ALDER - 1964 address: 1872 Kestrel\nBoulevard, Fairview. Address: 1963 May 4\n"
        "was the session; the President's address of 1962 The Hague welcomed.\n"
    )
    assert _addresses(contacts, text) == ["1872 Kestrel"]


def test_local_number_after_a_blank_line_of_double_spaced_ocr(contacts):
    report = (
        "His address is Alder 12. His phone\n\nnumber is 483-5519.\n\nFile\n\n483-5520 is closed.\n"
    )
    assert _phones(contacts, report) == ["483-5519"]


def test_latin_american_post_office_box(contacts):
    letter = (
        "Kestrel Ranch, S.A., Apartado Postal 3415, Fairview, Mexico. Sr. Ivo Penn\n"
        "Casilla 518\nsegun el apartado 3 del articulo 12\n"
    )
    assert _addresses(contacts, letter) == ["Apartado Postal 3415, Fairview", "Casilla 518"]


def test_exchange_name_at_a_line_end_and_its_number_on_the_next(contacts):
    report = (
        "Ivo Penn, Alder Street, has telephone KLondike\n5-0147. Jan Alder\n"
        "(now in Fairview, Tel. LUdlow\n90148) called by telephone in May\n1963.\n"
    )
    assert _phones(contacts, report) == ["KLondike\n5-0147", "LUdlow\n90148"]
