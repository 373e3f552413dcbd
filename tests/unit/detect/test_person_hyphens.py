"""Names broken by a hyphen at a line end (round 10, names12: a kind of the unlabelled pool's
typewritten memoranda and transcripts, seed 1616 and a search of the whole pool).

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[p.start : p.end], p.basis) for p in find_people(text, [])]


def _names(text: str) -> list[str]:
    return [name for name, _ in _found(text)]


def test_a_title_before_the_break_makes_the_halves_a_name():
    text = "The interview went well and Mr. Pet-\ntigrew agreed to come back on Friday.\n"
    assert "Pet-\ntigrew" in _names(text)


def test_a_given_name_or_initials_before_the_break_are_kept_in_the_span():
    text = "He said the cheque was signed by Imelda Aber-\nnathy at the bank.\n"
    assert "Imelda Aber-\nnathy" in _names(text)
    text = "He said the cheque was signed by R. T. Fen-\nwick at the bank.\n"
    assert any(name.endswith("Fen-\nwick") for name in _names(text))


def test_a_surname_found_elsewhere_in_the_text_is_joined_at_a_break():
    text = (
        "Sergeant Orrin Marchbanks met the courier at noon.\n"
        "The courier later told March-\nbanks that the parcel had gone.\n"
    )
    names = _names(text)
    assert "March-\nbanks" in names
    start = text.index("March-")
    assert text[start : start + len("March-\nbanks")] == "March-\nbanks"


def test_months_places_and_words_broken_at_a_line_end_are_no_names():
    text = (
        "The report of 14 Septem-\nber says he lives in Fair-\nfax with his family. The\n"
        "committee met Mr. Pettigrew in Wash-\nington and spoke of Ameri-\ncan policy.\n"
    )
    names = _names(text)
    assert not any("-\n" in name for name in names)


def test_a_break_without_any_cue_is_left_alone():
    text = "The shipment went to Aber-\nnathy and then north along the river road.\n"
    assert not any("-\n" in name for name in _names(text))
