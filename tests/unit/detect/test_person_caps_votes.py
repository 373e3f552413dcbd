"""A word of a cable in capitals that the cable uses as a person more often than as a place
(round 11, names22: JFK-collection cables of the unlabelled pool, seeds 4747 and 4748).

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented (surnames on no list: "QUARVELLO", "ZEBRANOVIC").
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people

_CABLE = (
    "SECRET 121530Z CITE QUILLBY 4411\n"
    "1. QUARVELLO REMARKED HE NOT CERTAIN WHETHER POST WOULD BE FILLED.\n"
    "2. SUBJ LOOKING AT QUARVELLO DURING TALK, LATTER MADE NO REPLY.\n"
    "3. AT ONE POINT MADAME QUARVELLO ASKED FOR MONEY, AND\n"
    "QUARVELLO LEFT SOON AFTER. NO WORD SINCE ON QUARVELLO CASE.\n"
)


def _names(text: str, ner=()) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, list(ner))]


def test_a_word_used_as_a_person_is_a_name_at_its_other_mentions():
    found = {p.start for p in find_people(_CABLE, [])}
    mentions = [i for i in range(len(_CABLE)) if _CABLE.startswith("QUARVELLO", i)]
    at = _CABLE.index("QUARVELLO", _CABLE.index("LOOKING AT"))
    # every mention but the one in a place's position ("AT")
    assert found == set(mentions) - {at}
    # the mentions the reporting-verb rule does not read ("QUARVELLO LEFT", "ON QUARVELLO
    # CASE") are this vote's
    assert any(p.basis == "caps-votes" for p in find_people(_CABLE, []))


def test_one_place_position_does_not_outweigh_many_person_cues():
    # one place position among five mentions does not make the word a place; two among six do
    left = _CABLE.index("QUARVELLO LEFT")
    assert left in {p.start for p in find_people(_CABLE, [])}
    more_places = _CABLE.replace("MADE NO REPLY", "WENT TO QUARVELLO CITY")
    left = more_places.index("QUARVELLO LEFT")
    assert left not in {p.start for p in find_people(more_places, [])}


def test_a_word_the_cable_uses_as_a_place_is_not():
    text = (
        "SECRET 121530Z CITE QUILLBY 4411\n"
        "1. TEAM ARRIVED IN ZEBRANOVIC 3 MAY. ZEBRANOVIC WAS QUIET.\n"
        "2. FROM ZEBRANOVIC TEAM MOVED NEAR ZEBRANOVIC HARBOR, THEN INTO ZEBRANOVIC.\n"
        "3. ZEBRANOVIC HAS TWO ROADS.\n"
    )
    assert "ZEBRANOVIC" not in _names(text)


def test_one_cue_is_not_enough():
    text = (
        "SECRET 121530Z CITE QUILLBY 4411\n"
        "1. ZEBRANOVIC REPORTED NOTHING NEW THIS WEEK.\n"
        "2. ZEBRANOVIC FILE FORWARDED. NO ZEBRANOVIC TRAFFIC EXPECTED.\n"
    )
    # the reporting verb's own rule may take the word; this vote does not
    assert all(p.basis != "caps-votes" for p in find_people(text, []))


def test_an_ordinary_word_or_a_word_written_in_small_letters_is_not():
    text = (
        "SECRET 121530Z CITE QUILLBY 4411\n"
        "1. DIRECTOR REMARKED THAT DIRECTOR WOULD DECIDE. MR DIRECTOR AGREED.\n"
        "2. ZEBRANOVIC REMARKED AND ZEBRANOVIC WOULD GO, MR ZEBRANOVIC SAID.\n"
        "the zebranovic plan is a code name in the covering note.\n"
    )
    assert "DIRECTOR" not in _names(text)
    assert all(p.basis != "caps-votes" for p in find_people(text, []))


def test_mixed_case_prose_is_left_to_the_other_rules():
    text = (
        "Quarvello remarked that he was not certain. Madame Quarvello asked\n"
        "for money, and Quarvello left soon after the talk ended.\n"
    )
    assert all(p.basis != "caps-votes" for p in find_people(text, []))


def test_a_word_with_a_number_after_it_is_a_service_or_a_source_not_a_person():
    numbered = _CABLE.replace("NO WORD SINCE ON QUARVELLO CASE", "REPORT TO QUARVELLO 6")
    left = numbered.index("QUARVELLO LEFT")
    assert left not in {p.start for p in find_people(numbered, [])}
