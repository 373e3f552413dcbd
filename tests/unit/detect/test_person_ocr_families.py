"""A surname read several ways by a scanner in one record, no spelling found by any other step
(issue 16, ninth sitting of 2026-12-07, branch names37), and OCR debris of an ordinary word,
repeated as often, that must stay out.

The function is called on the text directly; the person rules run without the NER model
(``find_people(text, ner)``) on OCR-like text. All text is synthetic, the surnames invented.
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_ocr_families import ocr_families
from redactcheck.detect.pii.person_rules import find_people

#: Scanner noise around the sentences: the text counts as OCR text.
_NOISE = "tbe rcport wcnt ovcr thc dcsk aud wss fiied ou tne secoud flcor by tbe clcrk. " * 4


def _families(text: str) -> list[str]:
    return [text[s:e] for s, e in ocr_families(text, name_words(), name_lexicon(), set())]


def _spans_of(text: str, *words: str) -> list[tuple[int, int]]:
    return sorted(
        (m.start(), m.end()) for w in words for m in re.finditer(rf"\b{re.escape(w)}\b", text)
    )


_TITLED = (
    "The file was sent to Mr. Trevandoz on Monday.\n"
    "Trevaudoz later wrote that the shipment was late.\n"
    "A copy went back to Trcvandoz by courier.\n"
)


def test_three_spellings_after_a_title_are_one_person_at_every_mention():
    text = _NOISE + _TITLED
    found = ocr_families(text, name_words(), name_lexicon(), set())
    assert found == _spans_of(text, "Trevandoz", "Trevaudoz", "Trcvandoz")
    assert [text[s:e] for s, e in found] == ["Trevandoz", "Trevaudoz", "Trcvandoz"]


def test_the_pipeline_reports_each_spelling_on_ocr_text():
    text = f"{_NOISE}\n{_TITLED}\n{_NOISE}\n"
    spans = {(p.start, p.end) for p in find_people(text, [])}
    for start, end in _spans_of(text, "Trevaudoz", "Trcvandoz"):
        assert any(s <= start and end <= e for s, e in spans), text[start:end]


def test_two_spellings_are_not_enough():
    text = _NOISE + "The file was sent to Mr. Trevandoz.\nTrevaudoz later wrote back.\n"
    assert _families(text) == []


def test_a_family_with_no_title_and_no_listed_name_stays_out():
    text = _NOISE + "Trevandoz was late.\nTrevaudoz was late.\nTrcvandoz was late.\n"
    assert _families(text) == []


def test_debris_of_an_english_word_repeated_after_a_title_stays_out():
    # "Department" misread three ways, one after a title word: one edit from the English
    # word, and the clean word stands in the text too
    text = _NOISE + (
        "The Department sent it to Mr. Departmcnt on Monday.\n"
        "Dcpartment later wrote that it was late.\n"
        "A copy went back to Departrnent by courier.\n"
    )
    assert _families(text) == []


def test_debris_of_a_place_the_text_names_stays_out():
    # a place read three ways, one misreading after a title word: the clean place is written
    # in the text (the model or a place phrase gave it), so the family is its debris
    text = _NOISE + (
        "The port of Quellmoor was closed. Ask Mr. Qucllmoor.\n"
        "Quellrnoor was cold.\nQuellmcor was wet.\n"
    )
    nw, lex = name_words(), name_lexicon()
    assert ocr_families(text, nw, lex, {"quellmoor"}) == []
    # the same words with no place known: the title makes them a person
    assert [text[s:e] for s, e in ocr_families(text, nw, lex, set())] == [
        "Quellmoor",
        "Qucllmoor",
        "Quellrnoor",
        "Quellmcor",
    ]


def test_a_family_after_the_article_is_a_body_not_a_person():
    text = _NOISE + (
        "He wrote to the Trevandoz on Monday, and Mr. Trevaudoz replied.\nThe Trcvandoz was late.\n"
    )
    assert _families(text) == []


def test_a_family_after_a_saints_name_is_a_place():
    text = _NOISE + (
        "He flew to San Trevandoz on Monday with Mr. Trevaudoz.\nTrcvandoz was late.\n"
    )
    assert _families(text) == []
