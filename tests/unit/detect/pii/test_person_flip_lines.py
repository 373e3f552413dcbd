"""Spans on lines of case-flipped OCR debris (person_flip_lines.py) are no people; a real name
on such a line, a cued name, and names in clean lines (McKay, DeWitt) are kept.

All text is invented; every name and every debris token is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_flip_lines import drop_flip_lines, flipped
from redactcheck.detect.pii.person_scores import PersonSpan

_DEBRIS = "yeqro SOTQvXe QIWTORT ZunVIeb oTq reTAsop XOQUVW TTeIgv pus\n"


def _span(text: str, part: str, basis: str = "propagated") -> PersonSpan:
    start = text.index(part)
    return PersonSpan(start, start + len(part), 0.5, basis)


@pytest.mark.parametrize(
    ("part", "basis"),
    [("QIWTORT ZunVIeb", "propagated"), ("XOQUVW", "propagated-ocr"), ("TTeIgv", "list-names")],
)
def test_a_span_on_a_line_of_flipped_debris_is_dropped(part, basis):
    text = "MEMORANDUM FOR THE RECORD\n" + _DEBRIS + "Dorsey Quenby filed it.\n"
    assert drop_flip_lines(text, [_span(text, part, basis)], name_words()) == []


def test_a_name_on_a_clean_line_is_kept_beside_debris():
    text = _DEBRIS + "Orvell Tansley and Dana McKay met Ilse DeWitt.\n"
    people = [_span(text, "Orvell Tansley", "ner"), _span(text, "Ilse DeWitt", "ner")]
    assert drop_flip_lines(text, people, name_words()) == people


@pytest.mark.parametrize(
    ("line", "part", "basis"),
    [
        # a frequent surname on the damaged line
        ("PatRoL rePorTed ThaT Tobias WARLOW CaMe\n", "Tobias WARLOW", "propagated"),
        # a title before it
        ("seTorq Mr. Quorbett reTAsop XOQUVW\n", "Quorbett", "title"),
        # only two flipped tokens: the line is not debris
        ("the deLiveRy van of Quorbett uoTyed\n", "Quorbett", "ner-single"),
    ],
)  # fmt: skip
def test_a_person_is_kept(line, part, basis):
    people = [_span(line, part, basis)]
    assert drop_flip_lines(line, people, name_words()) == people


def test_flipped_sets_aside_name_prefixes_and_hyphens():
    assert flipped("QuoTerb") and flipped("zoTyeqrd") and flipped("TTeIqv")
    assert not any(flipped(w) for w in ("McKay", "DeWitt", "LaRue", "O'Neil", "Quintero-Bunga"))


def test_a_frequent_given_name_in_flipped_case_is_kept():
    line = "PeTRoNeL QUORBY, aLSo KnoWn as MiKe/TaLoRes, seTorq\n"
    people = [_span(line, "MiKe", "propagated")]
    assert drop_flip_lines(line, people, name_words()) == people


def test_a_clean_cable_line_with_mixed_case_acronyms_keeps_its_name():
    line = "PolOff met the QuP and EmbOffs of the BrK party: Orvell Quellovych spoke first.\n"
    people = [_span(line, "Orvell Quellovych", "ner")]
    assert drop_flip_lines(line, people, name_words()) == people
    assert not flipped("Tal’Orvey")
