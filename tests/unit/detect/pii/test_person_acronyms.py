"""Acronyms a document spells out itself are not people (person_acronyms.py, person_vetting.py),
and a person's initials defined the same way still are.

All text is invented; every name and body is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_acronyms import defined_acronyms
from redactcheck.detect.pii.person_scores import PersonSpan
from redactcheck.detect.pii.person_vetting import vet_people


def _vetted(text: str, part: str, basis: str = "ner-single-caps") -> list[str]:
    start = text.rindex(part)
    people = vet_people(text, [PersonSpan(start, start + len(part), 0.5, basis)], name_words())
    return [text[p.start : p.end] for p in people]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("The Independent Electoral Board (IEB) met.\nTHE IEB RULING\n", "IEB"),
        (
            "he joined the Movimiento Revolucionario de Recuperacion Quisqueyana (MRRQ) in "
            "1962 and raised funds for MRRQ.",
            "MRRQ",
        ),
        ("samples showed low enriched uranium (LEU); the LEU was traced later.", "LEU"),
        ("THE TALLIS WORKERS UNION (TWU) STRUCK. TWU'S LEADERS", "TWU'S"),
    ],
)
def test_an_acronym_the_text_spells_out_is_not_a_person(text, acronym):
    assert _vetted(text, acronym) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a person's initials, defined like an acronym, stay the person
        ("President Mariela Quellhaven de Ostrander (MQO) spoke; MQO later left.", "MQO"),
        # brackets that spell nothing
        ("The station (WEST) reported that QUENBY had left.", "QUENBY"),
        # an acronym written with fewer than three capitals is left to the other checks
        ("the Office of Legal Counsel (OLC) and Olc said", "Olc"),
    ],
)
def test_initials_of_a_person_and_undefined_words_stay(text, part):
    assert _vetted(text, part) == [part]


def test_a_titled_span_is_not_read_as_an_acronym():
    text = "The Tallis Ore Company (TOC) paid. Minister TOC arrived."
    assert _vetted(text, "TOC", "title") == ["TOC"]


def test_defined_acronyms_reads_every_bracket():
    text = (
        "the Quellmoor Harbor Authority (QHA) and the Northern Fishing Council ( NFC ) and "
        "(XYZ) alone"
    )
    assert defined_acronyms(text, name_words()) == {"QHA", "NFC"}
