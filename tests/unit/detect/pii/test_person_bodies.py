"""The name after a body's noun and "of" (person_bodies.py): a port, a council, a college or a
university press is no person, and a person named beside one is still reported.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.person_bodies import drop_body_names
from redactcheck.detect.pii.person_rules import find_people
from redactcheck.detect.pii.person_scores import PersonSpan


def _span(text: str, part: str, basis: str = "lone-surname") -> PersonSpan:
    start = text.index(part)
    return PersonSpan(start, start + len(part), 0.5, basis)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Operations at the Port of Quellhaven resumed in May.", "Quellhaven"),
        ("the Secretary General of the Muslim Council of Tarnshire said", "Tarnshire"),
        ("Tansley, Orvell. Harbour Lights. Brantwick: University Press of Quellmark, 1996.",
         "Quellmark"),
        ("he entered the College\nof Orvell and Dana at sixteen", "Orvell"),
        ("A LETTER FROM THE NATIONAL BANK OF QUELLMARK", "QUELLMARK"),
    ],
)  # fmt: skip
def test_the_name_after_a_body_noun_and_of_is_no_person(text, part):
    assert drop_body_names(text, [_span(text, part)]) == []


def test_a_person_beside_a_body_is_kept():
    text = "Orvell Tansley of the Port Authority met Dana Marrowfield of Quellhaven."
    people = [_span(text, "Orvell Tansley", "list-names"), _span(text, "Dana Marrowfield")]
    assert drop_body_names(text, people) == people


def test_find_people_drops_the_college_named_for_people_and_keeps_the_student():
    text = (
        "Orvell Tansley entered the College of Dana and Ilse in 1770. Tansley left the "
        "College of Dana in 1774 to serve as a clerk."
    )
    ner = [(text.index("Dana"), text.index("Dana") + 4, "PERSON")]
    ner.append((text.rindex("Dana"), text.rindex("Dana") + 4, "PERSON"))
    ner.append((0, len("Orvell Tansley"), "PERSON"))
    found = {text[p.start : p.end] for p in find_people(text, ner)}
    assert "Dana" not in found
    assert "Orvell Tansley" in found
