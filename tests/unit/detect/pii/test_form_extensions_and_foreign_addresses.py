"""Extensions in the phone column of OCR-read office forms, and addresses written without a US
state or ZIP (French, Central American and Spanish forms, a street named without its house
number), on invented pages; numbers and words that only resemble them stay quiet."""

from __future__ import annotations


def test_routing_sheet_extension_under_its_caption(contacts):
    sheet = (
        "ROUTING AND RECORD SHEET\n\n"
        "SUBJECT: (Optional)\n\n"
        "FROM: EXTENSION | NO.\n"
        "Ivo Penn\n"
        "C/XY/OPS 5126 | 12 March 1971\n\n"
        "TO: (Officer designation, room number, and building)\n"
    )
    assert contacts(sheet) == [("PHONE_NUMBER", "5126")]


def test_routing_sheet_columns_read_one_per_line(contacts):
    sheet = "ROUTING AND RECORD SHEET\n\nFROM:\n\nEXTENSION\n\n2281\n\nDATE\n\n30 May 1972\n"
    assert contacts(sheet) == [("PHONE_NUMBER", "2281")]


def test_message_form_ext_value_below_or_beside(contacts):
    below = "DATE:\nORIG: I. PENN\nUNIT: C/XY/3\nEXT:\n6120\n\nRELEASING OFFICER\n"
    beside = "UNIT: C/XY/3\next: 6120 copy\n"
    assert contacts(below) == [("PHONE_NUMBER", "6120")]
    assert contacts(beside) == [("PHONE_NUMBER", "6120")]


def test_form_columns_that_are_not_extensions_stay_quiet(contacts):
    # the date column's year, the document number column, a file number with a dash
    sheet = "FROM: EXTENSION | NO.\n\nC/XY/OPS\n\n12 March 1971\n\nDD/X 71-2006/1\n\nB-2219\n"
    assert contacts(sheet) == []


def test_four_digits_in_capitals_prose_are_not_a_phone(contacts):
    cable = (
        "HIS REQUEST FOR TEMPORARY EXTENSION\n"
        "OF HIS VISA WAS GRANTED ON 4 MAY AND\n"
        "2400 MEN LEFT THE CAMP. FILE 5126\n"
        "REMAINS OPEN.\n"
    )
    assert contacts(cable) == []


def test_french_street_with_the_street_word_in_lower_case(contacts):
    note = "The café owner lives at 19, rue de la Forge, Paris 6, tel :\n417-28-65.\n"
    assert contacts(note) == [
        ("STREET_ADDRESS", "19, rue de la Forge, Paris 6"),
        ("PHONE_NUMBER", "417-28-65"),
    ]


def test_central_american_grid_address(contacts):
    text = "there he met Ivo Penn, 10 Calle 7-45, Zona 3, Guatemala,\nwho said he was a buyer."
    assert contacts(text) == [("STREET_ADDRESS", "10 Calle 7-45, Zona 3, Guatemala")]


def test_spanish_street_then_door_number(contacts):
    text = "He had resided at Calle Alder #6, Colonia Roble, and later moved."
    assert contacts(text) == [("STREET_ADDRESS", "Calle Alder #6, Colonia Roble")]


def test_street_named_without_a_house_number_after_a_residence_word(contacts):
    text = "Both men reside on Alder Street and work at the mill."
    assert contacts(text) == [("STREET_ADDRESS", "Alder Street")]
    assert contacts("The embassy on Constitution Avenue sent the note.") == []


def test_ocr_damage_in_foreign_addresses(contacts):
    # the particle after "rue" garbled, the hyphen of a grid door number read as digits
    assert contacts('he stays at 14 rue xe 1" garble & PARIS, with friends') == [
        ("STREET_ADDRESS", "14 rue xe")
    ]
    assert contacts("met Ivo Penn, 10 Cale 1231 smeared, Guatemala") == [
        ("STREET_ADDRESS", "10 Cale 1231")
    ]


def test_local_numbers_right_after_a_phone_word(contacts):
    card = (
        "Ivo PENN, 3-CHOME, KITA-KU, HOME TEL: 61-7082 (1958);\n"
        "his office phone number is 88-1937; tel. 518204 in Geneva;\n"
        "Calle Alder 603, telephone 4-71-50, Fairview; telephone number OR 6-2150.\n"
    )
    numbers = [t for e, t in contacts(card) if e == "PHONE_NUMBER"]
    assert numbers == ["61-7082", "88-1937", "518204", "4-71-50", "OR 6-2150"]


def test_phone_words_before_dates_years_and_cable_places_stay_quiet(contacts):
    text = (
        "REF: TEL AVIV 12345\n"
        "by telephone 1962-64 he called the Pacific Telephone Company, file 4178-8.\n"
    )
    assert contacts(text) == []


def test_mexico_city_address_with_its_colonia(contacts):
    text = "he had resided at Calle Olmo #9, Altos, Colonia Roble, and later moved.\n"
    assert contacts(text) == [("STREET_ADDRESS", "Calle Olmo #9, Altos, Colonia Roble")]
    assert contacts("Col. Penn met 12 officers of Colonia Roble") == []


def test_number_broken_at_the_area_code_hyphen(contacts):
    text = "Kestrel Supply, Telephone: 303-\n555-0134, Residence"
    assert contacts(text) == [("PHONE_NUMBER", "303-\n555-0134")]
