"""A surname in capitals shaped like a verb ("BUNTING", "PICKERING") that the document names in
full is spread to its lone mentions: span cleaning trims such a word as a verb ("MEETING"),
which used to drop every later mention of the name (person_spread.verb_shaped_name).

All text is invented; every name is made up.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people

_RECORD = (
    "SUBJECT: BUNTING, Orval Tremaine\n\n"
    "1. A REVIEW OF THE FILE ON BUNTING WAS MADE. THE MEETING ENDED.\n"
    "2. BUNTING'S TRAVEL WAS NOT REPORTED.\n"
)


def _found(text: str) -> set[str]:
    return {text[p.start : p.end] for p in find_people(text, [])}


def _spans(text: str) -> set[tuple[int, int]]:
    return {(p.start, p.end) for p in find_people(text, [])}


def test_lone_mentions_of_a_verb_shaped_surname_named_in_full_are_reported():
    spans = _spans(_RECORD)
    first = _RECORD.index("BUNTING", 10)
    second = _RECORD.index("BUNTING'S")
    assert (first, first + len("BUNTING")) in spans
    assert (second, second + len("BUNTING")) in spans
    assert (9, 9 + len("BUNTING, Orval Tremaine")) in spans


def test_a_verb_in_capitals_is_still_no_person():
    assert not any("MEETING" in f or "ENDED" in f for f in _found(_RECORD))


def test_a_verb_shaped_surname_no_full_name_vouches_for_stays_unreported():
    text = "1. THE FLAGS AND BUNTING WERE TAKEN DOWN.\n2. BUNTING WAS STORED IN THE HALL.\n"
    assert _found(text) == set()
