"""Initials in the SUBJECTS field of a JFK-collection identification form
(person_subject_initials.py): two or three capitals that the same record spells out as a
person's name are a person, in either layout of the form and in either order of the name; an
abbreviation the record spells out as anything else, or one it never spells out, is not.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_rules import find_people

_FORM = (
    "Identification Form\n\nAGENCY: FBI\nRECORD NUMBER: 124-10999-10001\n"
    "ORIGINATOR: FBI\nFROM: SAC, MIAMI\nTO: DIRECTOR, FBI\nTITLE:\n"
    "DATE: 04/11/1962\nPAGES: 3\nSUBJECTS :\n{subjects}\n"
    "DOCUMENT TYPE : PAPER, TEXTUAL DOCUMENT\nCLASSIFICATION: Secret\n\n"
)


def _spans(text: str, ner: list[tuple[int, int, str]] | None = None) -> set[str]:
    return {text[p.start : p.end] for p in find_people(text, ner or [])}


def _has(text: str, word: str, ner: list[tuple[int, int, str]] | None = None) -> bool:
    start = text.index(word)
    found = [(p.start, p.end) for p in find_people(text, ner or [])]
    return (start, start + len(word)) in found


def test_initials_the_record_spells_out_are_a_person():
    text = _FORM.format(subjects="IRH, ASSOC, TRA") + (
        "1. INGRID ROSA HALVORSEN ARRIVED IN MIAMI ON APRIL 9, 1962.\n"
    )
    assert _has(text, "IRH")
    assert "ASSOC" not in _spans(text) and "TRA" not in _spans(text)


def test_initials_of_a_name_written_surname_first():
    text = _FORM.format(subjects="CRIM ACT, MKT, ASSOC") + (
        "Re: TANAKA-BELL, MEI K., also known as Mei Tanaka.\n"
    )
    assert _has(text, "MKT")


def test_two_letter_initials_that_are_also_a_word():
    """ "CM" is an abbreviation of a unit too; the record spells it out as a person's name."""
    text = _FORM.format(subjects="CM, FISUR, POLICE CUSTODY") + (
        "CLAUDE MBEKI-ROUSSEAU WAS KEPT UNDER SURVEILLANCE.\n"
    )
    assert _has(text, "CM")


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("WAO", "Wanjiru Achieng Odhiambo"),
        ("HKI", "Haruto Kenji Ishimori"),
        ("TWH", "Tamati Wiremu Horomona"),
    ],
)
def test_a_name_of_another_tradition_found_by_the_other_rules(code, name):
    """No given-name list holds these; the person span found before vouches for them."""
    assert not name_words().is_given(name.split()[0])
    text = _FORM.format(subjects=f"{code}, ASSOC") + f"Informant met {name} at the consulate.\n"
    assert _has(text, code)


def test_the_form_read_as_two_blocks():
    """OCR often reads the labels first, then the values: date, page count, subjects."""
    text = (
        "ORIGINATOR: FBI\nTITLE:\n\nDATE:\nPAGES:\n\nSUBJECTS :\n\nDOCUMENT TYPE:\n"
        "CLASSIFICATION :\n\nDocId:10000001 Page 1\n\n06/02/1961\n12\n\nRDQ, ACT, ASSOC\n\n"
        "PAPER, TEXTUAL DOCUMENT\n\nRosalind Dagny Quarrington was interviewed at Tampa.\n"
    )
    assert _has(text, "RDQ")


def test_initials_spelt_out_as_a_body_or_never_spelt_out_are_no_person():
    text = _FORM.format(subjects="CIP, ZQX, ASSOC") + (
        "SUBJECT: CRIMINAL INTELLIGENCE PROGRAM\nNo further information.\n"
    )
    found = _spans(text)
    assert "CIP" not in found and "ZQX" not in found


def test_initials_spelt_out_both_as_a_person_and_as_a_body_are_left():
    text = _FORM.format(subjects="RC, REPORT") + (
        "Rosalind Carrow testified before the Riverside Commission in 1964.\n"
    )
    assert "RC" not in _spans(text)


def test_initials_outside_the_field_are_not_taken_by_this_rule():
    text = "Memorandum\n\nIRH met the source twice.\nIngrid Rosa Halvorsen left on Monday.\n"
    assert "IRH" not in _spans(text)


def test_a_cable_subject_line_is_no_identification_form():
    """A cable's "SUBJECT:" line names the cable's topic; its codes are countries and bodies."""
    text = (
        "SUBJECT: TK, LABOR TALKS ON FISHERIES\n\n1. Tobias Kettering of the delegation said "
        "the talks would resume.\n"
    )
    assert "TK" not in _spans(text)
