"""A month's name OCR misread inside a date (person_dates.py) is no person; a person whose name
is spelt like a month, or who stands before a year without being a date, is still reported.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_dates import drop_date_words, month_misread
from redactcheck.detect.pii.person_scores import PersonSpan


def _span(text: str, part: str, basis: str = "ner-single") -> PersonSpan:
    start = text.index(part)
    return PersonSpan(start, start + len(part), 0.5, basis)


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("4. 17 Oetober 1962: the station cabled its report.", "Oetober", "ner-single"),
        ("On 9 Fcbruary 1963 the courier left Quellhaven.", "Fcbruary", "propagated"),
        ("22 Novenbcr 1961, memo for the record", "Novenbcr", "propagated-ocr"),
        ("11 Jule 1964: an unidentified visitor called.", "Jule", "list-given"),
        ("REPORTED IN AUGUSY, 1960 THAT THE GROUP HAD SPLIT", "AUGUSY", "ner-single-caps"),
        ("Dorsey Quenby visited in Septeaber 1962 and left.", "Septeaber", "ner-single"),
        ("the second visit, Jule 1961: no report was filed.", "Jule", "list-given"),
    ],
)  # fmt: skip
def test_a_misread_month_in_a_date_is_no_person(text, part, basis):
    assert drop_date_words(text, [_span(text, part, basis)], name_words()) == []


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        # a title vouches for the person, whatever the letters
        ("Mr. Marsh 1963 files were sent on.", "Marsh", "title"),
        # the given name is a person elsewhere in the document
        ("Jule Quorbett called. Jule 1961 was the year she left.", "Jule", "list-given"),
        # no year after it
        ("17 Marcb Quenby, a clerk, signed the cable.", "Marcb", "ner-single"),
        # a short name before a year, no day's number: may be a person
        ("Ray 1963 notes were filed by the clerk.", "Ray", "list-given"),
        # a name no month is spelt like
        ("On 12 Orvell 1963 the report came.", "Orvell", "ner-single"),
        # two words
        ("4 Marta Quenby 1963", "Marta Quenby", "list-names"),
    ],
)  # fmt: skip
def test_a_person_is_kept(text, part, basis):
    people = [_span(text, part, basis)]
    assert drop_date_words(text, people, name_words()) == people


def test_month_misread_takes_ocr_misreads_and_no_month_or_distant_name():
    assert all(month_misread(w) for w in ("Marcb", "Jnly", "Febrnary", "Decenbcr", "OCTOBFR"))
    assert not any(month_misread(w) for w in ("March", "JULY", "Marta", "Julie", "Orvell"))


def test_find_people_drops_the_month_the_model_took_and_keeps_the_person():
    from redactcheck.detect.pii.person_rules import find_people

    text = "MEMORANDUM FOR THE RECORD\n\n22 Marcb 1963\n\nMr. Dorsey Quenby met the courier.\n"
    month = text.index("Marcb")
    found = find_people(text, [(month, month + 5, "PERSON")])
    texts = [text[p.start : p.end] for p in found]
    assert "Marcb" not in texts
    assert any("Quenby" in t for t in texts)
