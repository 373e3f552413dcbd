"""An ordinary word OCR misread, reported by the model alone as a one-word name while the
document writes the word correctly in lower case (person_lower_twins.py), is no person; a
person whose name is one letter from an ordinary word is still reported.

All text is invented; every name is made up.
"""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.pii.name_words import english_neighbours, name_words
from redactcheck.detect.pii.person_lower_twins import drop_lower_twins
from redactcheck.detect.pii.person_scores import PersonSpan

_LOWER = re.compile(r"(?<![\w-])[a-z][a-z'’-]*")


def _span(text: str, part: str, basis: str = "ner-single", nth: int = 0) -> PersonSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return PersonSpan(start, start + len(part), 0.5, basis)


def _drop(text: str, people: list[PersonSpan]) -> list[PersonSpan]:
    return drop_lower_twins(text, people, name_words(), set(_LOWER.findall(text)))


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("3. Covcrt support to the rebels ended.\nThe covert side was closed.", "Covcrt",
         "ner-single"),
        ("AFTCR THE STORM THE PORT REOPENED.\nShips sailed after the storm.", "AFTCR",
         "ner-single-caps"),
        ("(Numbcr each entry in the margin.)\nThe number goes on the left.", "Numbcr",
         "ner-single"),
    ],
)  # fmt: skip
def test_a_misread_word_written_right_elsewhere_is_no_person(text, part, basis):
    assert _drop(text, [_span(text, part, basis)]) == []


def test_only_the_misread_word_goes_and_a_real_name_beside_it_stays():
    text = "Covcrt aid was cut, said Orvella Quenby.\nThe covert aid had been small."
    word = _span(text, "Covcrt")
    person = _span(text, "Orvella Quenby", "ner")
    kept = _drop(text, [word, person])
    assert [text[p.start : p.end] for p in kept] == ["Orvella Quenby"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # the ordinary word is not written in lower case in the document
        ("3. Covcrt support to the rebels ended.", [("Covcrt", "ner-single", 0)]),
        # a courtesy title stands before the word elsewhere: a person
        ("Majoor left early. Mr. Majoor had a major part in it.", [("Majoor", "ner-single", 0)]),
        # a cue found the word at another mention
        ("Ambassador Majoor spoke. Majoor said a major change was near.",
         [("Majoor", "title", 0), ("Majoor", "ner-single", 1)]),
        # a spread name: the full name was found, its surname copied (not judged here)
        ("Inés Calle Ibarra wrote. Calle called twice.", [("Calle", "propagated", 0)]),
        # the model found the word twice on its own: OCR seldom misreads a word twice alike
        ("Majoor came. The major left. Majoor stayed.",
         [("Majoor", "ner-single", 0), ("Majoor", "ner-single", 1)]),
        # a frequent surname one letter from an ordinary word
        ("Dorsey rode out with the horsey crowd.", [("Dorsey", "ner-single", 0)]),
        # a word of four letters: too short to judge
        ("Cals came in. The calls were long.", [("Cals", "ner-single", 0)]),
    ],
)  # fmt: skip
def test_a_person_is_kept(text, people):
    spans = [_span(text, part, basis, nth) for part, basis, nth in people]
    assert _drop(text, spans) == spans


def test_english_neighbours_are_one_edit_away_and_five_letters_or_more():
    nw = name_words()
    assert "number" in english_neighbours(nw, "numbcr")
    assert "after" in english_neighbours(nw, "aftcr")
    assert english_neighbours(nw, "quorvelt") == frozenset()
    assert all(len(w) >= 5 for w in english_neighbours(nw, "calle"))


def test_find_people_drops_the_misread_word_and_keeps_the_person():
    from redactcheck.detect.pii.person_rules import find_people

    text = (
        "MEMORANDUM FOR THE RECORD\n\n"
        "3. Covcrt support to the group was reviewed by Orvella Quenby.\n"
        "4. The covert side of the program was closed in the spring.\n"
    )
    word = text.index("Covcrt")
    name = text.index("Orvella Quenby")
    ner = [(word, word + 6, "PERSON"), (name, name + 14, "PERSON")]
    texts = [text[p.start : p.end] for p in find_people(text, ner)]
    assert "Covcrt" not in texts
    assert "Orvella Quenby" in texts


def _drop_near_places(text: str, people: list[PersonSpan], places: set[str]) -> list:
    return drop_lower_twins(text, people, name_words(), set(_LOWER.findall(text)), places)


def test_a_misread_place_the_model_calls_a_place_elsewhere_is_no_person():
    text = "The courier flew to Lisbon on Monday.\nHe met a Lisbou banker at noon."
    assert _drop_near_places(text, [_span(text, "Lisbou")], {"lisbon"}) == []


@pytest.mark.parametrize(
    ("text", "people", "places"),
    [
        # the model never calls the word a place in this text
        ("The courier flew to Lisbon on Monday.\nHe met a Lisbou banker at noon.",
         [("Lisbou", "ner-single")], set()),
        # the place is a listed surname, not a dictionary proper noun: may be a person's name
        ("The courier flew to Denver on Monday.\nHe met a Denvcr banker at noon.",
         [("Denvcr", "ner-single")], {"denver"}),
        # the model's place is itself a misread word, in no dictionary
        ("A note came from Kwellport.\nHe met Qwellport at noon.",
         [("Qwellport", "ner-single")], {"kwellport"}),
        # the place's only mention is inside a person's name
        ("Orvella Lisbon wrote twice.\nHe met a Lisbou banker at noon.",
         [("Orvella Lisbon", "ner"), ("Lisbou", "ner-single")], {"lisbon"}),
        # a cue found the word: a person
        ("The courier flew to Lisbon.\nHe met Judge Lisbou at noon.",
         [("Lisbou", "title")], {"lisbon"}),
    ],
)  # fmt: skip
def test_a_person_near_a_place_is_kept(text, people, places):
    spans = [_span(text, part, basis) for part, basis in people]
    assert _drop_near_places(text, spans, places) == spans
