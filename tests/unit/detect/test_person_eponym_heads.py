"""Laws, state papers, monuments, medals and ships named after a person (issue 16, ninth
sitting): the name inside "the Harrowgate Amendment" or "USS Quellby" is not a person
mention, while the same name elsewhere in the document, as a person, is still reported.

Heads from the GPO Style Manual's examples of capitalised proper names (3.5, 3.38); ship
prefixes from US Navy ship-naming practice. The person rules run without the NER model
(entities given by hand). All text is synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.person_eponyms import eponym_words
from redactcheck.detect.pii.person_rules import find_people


def _spans(text: str, ner: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in find_people(text, ner or [])]


def _at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (start, start + len(words))


def test_the_sponsor_of_an_amendment_stays_a_person_outside_its_name():
    text = (
        "Senator Ambrose Harrowgate spoke first. Later the Harrowgate Amendment was\n"
        "named in the talks, and Harrowgate left early.\n"
    )
    spans = _spans(text)
    assert spans == [_at(text, "Ambrose Harrowgate"), _at(text, "Harrowgate", nth=2)]
    assert text[spans[1][0] : spans[1][1]] == "Harrowgate"


def test_a_name_before_a_declaration_monument_or_medal_is_not_a_person_there():
    text = (
        "The Quellby Declaration was signed in May. Visitors laid wreaths at the Tallowby\n"
        "Monument, and the Brandeker Medal went to a young chemist.\n"
    )
    ner = [
        (*_at(text, "Quellby"), "PERSON"),
        (*_at(text, "Tallowby"), "PERSON"),
        (*_at(text, "Brandeker"), "PERSON"),
    ]
    assert _spans(text, ner) == []


def test_a_ship_named_after_a_person_is_not_the_person():
    text = (
        "Captain Ambrose Quellby took command. The USS Quellby sailed with the fleet,\n"
        "and Quellby stood on deck; HMS Tallowby followed.\n"
    )
    ner = [(*_at(text, "Tallowby"), "PERSON")]
    spans = _spans(text, ner)
    assert spans == [_at(text, "Ambrose Quellby"), _at(text, "Quellby", nth=2)]


def test_amendment_and_monument_are_eponym_heads():
    text = "the Quist Amendment; the Varga Monument; the Tallow Corporation"
    assert eponym_words(text, name_lexicon()) == {"quist", "varga"}


def test_a_publisher_in_an_imprint_wrapped_over_two_lines_is_not_a_person():
    # typeset bibliographies wrap anywhere: inside the partnership, or before the year
    text = (
        "Quellby, Ambrose. Years of Salt. New York: Dorsey and\n"
        "Tallowby, 1983.\n"
        "Quellby, Ambrose. The Long Coast. New York: Dorsey\n"
        "and Tallowby, 1999.\n"
        "Harrowgate, Orla. Harbour Lights. Boston: Brandeker,\n"
        "1979.\n"
        "Senator Ambrose Tallowby agreed.\n"
    )
    ner = [
        (*_at(text, "Dorsey"), "PERSON"),
        (*_at(text, "Dorsey", nth=1), "PERSON"),
        (*_at(text, "Brandeker"), "PERSON"),
    ]
    spans = [text[a:b] for a, b in _spans(text, ner)]
    assert "Dorsey" not in spans and "Brandeker" not in spans
    assert (text.index("Ambrose Tallowby"), text.index("Ambrose Tallowby") + 16) in _spans(
        text, ner
    )
    assert all(a > text.index("Senator") for a, b in _spans(text, ner) if text[a:b] == "Tallowby")
