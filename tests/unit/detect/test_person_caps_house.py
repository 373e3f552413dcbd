"""Surnames in capitals inside mixed-case prose, the house style of CIA memoranda (round 10,
names20: JFK records of the unlabelled pool, seeds 3939 and 3940).

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _names(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, [])]


def test_a_given_name_before_a_surname_in_capitals_marks_a_person_in_a_bad_scan():
    # letters damaged the way OCR damages a typed memo: the name lists' pairs are distrusted
    # in such lines, the house style is not
    text = (
        "1. Tne sovrce repcrted thet he hed lunch wlth Rodrigo QUERVANTEZ at tne clvb, whsre\n"
        "the tclk turmed to tha sugor harvcst and tne pcrt. Hs seid thet the mcn wss a frlend of\n"
        "the famlly and thet he hsd knovn hlm for mcny yeers in tne provlnce.\n"
    )
    assert "Rodrigo QUERVANTEZ" in _names(text)


def test_a_possessive_counts_once_the_record_shows_the_style():
    text = (
        "1. On 3 June the source reported that he had lunch with Rodrigo QUERVANTEZ\n"
        "at the club, where the talk turned to the sugar harvest and the port.\n"
        "2. Two days later OLMEDARRA's brother called at the office and asked for work.\n"
    )
    assert "OLMEDARRA" in _names(text)


def test_a_possessive_alone_in_a_record_without_the_style_is_not_enough():
    text = (
        "1. The station reviewed the file and found nothing new about the case.\n"
        "2. Two days later OLMEDARRA's office called and asked for the papers.\n"
    )
    assert not any("OLMEDARRA" in name for name in _names(text))


def test_emphasis_cryptonyms_places_and_references_are_not_people():
    text = (
        "1. On 3 June the source reported that he had lunch with Rodrigo QUERVANTEZ\n"
        "at the club. The source said this was URGENT and asked that KUBARK's view\n"
        "be sent to HAVANA's port office and to AMFROST's handler. (See TOCS-3/55,\n"
        "and Rodrigo's note.) The case officer wrote: OPERATIONAL details follow.\n"
    )
    names = _names(text)
    for word in ("URGENT", "KUBARK", "HAVANA", "AMFROST", "TOCS", "OPERATIONAL"):
        assert not any(word in name for name in names), word


def test_a_word_the_record_writes_in_small_letters_is_no_surname():
    text = (
        "1. On 3 June the source reported that he had lunch with Rodrigo QUERVANTEZ\n"
        "at the club. He asked Armando VENTANILLA to check, and the ventanilla was shut.\n"
    )
    names = _names(text)
    assert "Rodrigo QUERVANTEZ" in names
    assert not any("VENTANILLA" in name for name in names)
