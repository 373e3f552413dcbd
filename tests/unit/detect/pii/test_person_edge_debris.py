"""Two-letter OCR debris at the edge of a model's name span (person_edge_debris.py): cut off on
a bad scan, and a short English word in capitals before a word cut off anywhere; names with
short real pieces (frequent short names, particles, initials) and clean prose are left alone.

All text is invented; every name and every run of debris is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_edge_debris import trim_edge_debris

#: A badly scanned block: most lower-case tokens are no English words.
_BAD = (
    "ndeu tq ohm 4 Rvmqe pta (gk), ee whyq fwoprt qoz eyts akk\n"
    "bsck {name} fqre tpo lqaz osqa frk oatz vrem\n"
    "ghrt oxuu zyxq bbrq ndeu xqv prtt\n"
)
_CLEAN = "The committee heard from {name} about the shipment of grain to the northern ports.\n"


def _trim(template: str, span: str, noisy: bool = False) -> str:
    text = template.format(name=span)
    start = text.index(span)
    a, b = trim_edge_debris(text, start, start + len(span), name_words(), noisy)
    assert text[a:b] == text[a:b].strip() and a >= start and b <= start + len(span)
    return text[a:b]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Qo Tallowby", "Tallowby"),  # a speck read as a word before the surname
        ("Marchbank Uq", "Marchbank"),  # ... and after it
        ("Xo Quarrie Uq", "Quarrie"),
        ("Qo Orla\nTallowby", "Orla\nTallowby"),  # the rest keeps its own line break
    ],
)
def test_two_letter_debris_at_a_name_edge_on_a_bad_scan_is_cut(span, name):
    assert _trim(_BAD, span) == name


def test_the_whole_document_being_a_bad_scan_is_enough():
    assert _trim(_CLEAN, "Qo Tallowby", noisy=True) == "Tallowby"


@pytest.mark.parametrize(
    "span",
    [
        "Li Tallowby",  # a frequent short surname
        "de Tallowby",  # a particle
        "A. Tallowby",  # an initial
        "Qo Tal",  # the rest is too short to stand as a name alone
        "Tallowby",  # one word
        "QO TALLOWBY",  # two capitals, no English word
    ],
)
def test_short_real_pieces_of_names_are_kept_on_a_bad_scan(span):
    assert _trim(_BAD, span) == span


def test_in_clean_prose_a_two_letter_piece_is_the_names_own():
    assert _trim(_CLEAN, "Qo Tallowby") == "Qo Tallowby"


@pytest.mark.parametrize(("span", "rest"), [("BE SENT", "SENT"), ("TO TALLOWBY", "TALLOWBY")])
def test_an_english_word_in_capitals_before_the_rest_is_cut_anywhere(span, rest):
    template = "THE REPORT WILL {name} BY COURIER NEXT WEEK.\n"
    assert _trim(template, span) == rest


def test_an_english_word_in_capitals_at_the_end_is_kept():
    assert _trim("ASK {name} TODAY.\n", "TALLOWBY IN") == "TALLOWBY IN"


# --- through find_people: the model's span is cut before it is judged and spread -------------

#: A longer bad scan: the whole text reads as OCR debris (more than thirty lower-case words).
_BAD_DOC = _BAD + "vrk oam tpeq zuk wrot eghq lkk mnoq tsv prew bnaq eoq\n"


def _people(template: str, span: str) -> list[str]:
    from redactcheck.detect.pii.person_rules import find_people

    text = template.format(name=span)
    start = text.index(span)
    found = find_people(text, [(start, start + len(span), "PERSON")])
    for p in found:
        assert text[p.start : p.end] == text[p.start : p.end].strip()
    return [text[p.start : p.end] for p in found]


@pytest.mark.parametrize(
    ("span", "name"),
    [("Qo Pemberton", "Pemberton"), ("Marlowe Qo", "Marlowe"), ("Uq Marlowe Xo", "Marlowe")],
)
def test_a_model_span_with_debris_at_its_edge_is_reported_as_the_name(span, name):
    assert _people(_BAD_DOC, span) == [name]


def test_a_span_refused_whole_is_not_rescued_by_the_cut():
    # a token with no vowel makes the model's span debris; cutting it must not let the
    # neighbour through as a name of its own
    assert _people(_BAD_DOC, "Pemberton Bz") == []


def test_a_clause_fragment_in_capitals_is_not_reported():
    assert _people("THE PACKAGE WILL {name} BY COURIER TO THE PORT.\n", "BE HELD") == []
