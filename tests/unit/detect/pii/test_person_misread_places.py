"""A country, US state or multi-word place that OCR misread by one letter, reported as a name,
is no person (person_lower_twins.drop_misread_places), nor are the spread copies of its words;
a person whose name is one letter from a place is still reported.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_lower_twins import drop_misread_places
from redactcheck.detect.pii.person_scores import PersonSpan


def _span(text: str, part: str, basis: str, nth: int = 0) -> PersonSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return PersonSpan(start, start + len(part), 0.8, basis)


def _kept(text: str, people: list[PersonSpan]) -> list[str]:
    return [text[p.start : p.end] for p in drop_misread_places(text, people, name_words())]


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("Rep. Orvell Tansley (R., Obio) chaired the panel.", "Obio", "ner-single"),
        ("SHE LIVED IN DALLAS, TEEAS, UNTIL 1962.", "TEEAS", "propagated"),
        ("The delegates went to Costa Rlca in May.", "Costa Rlca", "ner"),
        ("The office in New Delbi closed.", "New Delbi", "propagated"),
    ],
)  # fmt: skip
def test_a_misread_place_is_no_person(text, part, basis):
    assert _kept(text, [_span(text, part, basis)]) == []


def test_the_spread_copies_of_a_misread_place_go_with_it_and_a_person_stays():
    text = (
        "Orvell Tansley flew to Costa Rlca on 2 May.\n"
        "The Rlca chapter met him; the Cosfa Rlca office paid."
    )
    people = [
        _span(text, "Orvell Tansley", "list-names"),
        _span(text, "Costa Rlca", "ner"),
        _span(text, "Rlca", "propagated", nth=1),
        _span(text, "Cosfa", "propagated-ocr"),
        _span(text, "Rlca", "propagated", nth=2),
    ]
    assert _kept(text, people) == ["Orvell Tansley"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a cue vouches for the word: the title's span and its spread copies stay
        ("Dr. Quabon spoke first. Later Quabon left.",
         [("Quabon", "title", 0), ("Quabon", "propagated", 1)]),
        # the model's full name holds the word: its later surname is a person's
        ("Lorne Chiler wrote the book. Chiler and Dana Quell met.",
         [("Lorne Chiler", "ner", 0), ("Chiler", "propagated", 0)]),
        # a listed given name one letter from a country
        ("Ivan said no.", [("Ivan", "ner-single", 0)]),
        # a nickname in quotes is often a place's name
        ('He used the alias "Chele" in Quellmark.', [("Chele", "ner-single", 0)]),
        # the place itself is the exact checks' business, not a misreading
        ("She came from Ohio.", [("Ohio", "ner-single", 0)]),
    ],
)  # fmt: skip
def test_a_person_is_kept(text, people):
    spans = [_span(text, part, basis, nth) for part, basis, nth in people]
    assert drop_misread_places(text, spans, name_words()) == spans
