"""Names after an honorific whose full stop OCR read as a comma or colon ("Mr, Quennell"), in
clean and badly scanned memoranda alike, and in FBI routing columns (round 11, names13: JFK
records of the unlabelled pool, seeds 1818 and 1819).

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _names(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, [])]


def test_a_name_after_mr_with_a_comma_in_a_clean_memorandum():
    text = "The file went to Mr, Quennell on the same day.\n"
    assert "Quennell" in _names(text)


def test_a_listed_surname_in_capitals_after_the_damaged_title():
    text = "About three o'clock Mr, HALVORSEN telephoned and asked for the report.\n"
    assert "HALVORSEN" in _names(text)
    text = "REF: MR, MARCHBANKS SHOULD CONTACT THE OFFICE ON ARRIVAL.\n"
    assert "MARCHBANKS" in _names(text)


def test_an_acronym_or_an_ordinary_word_after_the_comma_is_no_name():
    text = (
        "MR, MOVIMIENTO REVOLUCIONARIO DEL PUEBLO, REORGANIZED.\nDr, WHO and Mr, Chairman left.\n"
    )
    assert _names(text) == []


def test_a_routing_column_keeps_its_entries_when_mr_prefixes_some():
    text = (
        "ROUTING\n\nMr. Okonjo\n\nMr, Marchetti\n\nHalvorsen\n\nlr, Marchbanks\n\nSUBJECT: FILES\n"
    )
    names = _names(text)
    for surname in ("Okonjo", "Marchetti", "Halvorsen", "Marchbanks"):
        assert surname in names
    assert "FILES" not in " ".join(names)


def test_the_teletype_room_entry_of_a_routing_slip_does_not_break_the_column():
    text = (
        "TELETYPE\n\nMarchetti\nHalvorsen\n\nTele. Room\n\nMarchbanks\nWolstenholme\n\n"
        "URGENT 5-21 TO DIRECTOR\n"
    )
    names = _names(text)
    for surname in ("Marchetti", "Halvorsen", "Marchbanks", "Wolstenholme"):
        assert surname in names
    assert not any("Room" in name for name in names)
    # two officers after the entry are a column of three lines with it
    text = "Memorandum\n\nTele. Room\nHalvorsen\nMarchbanks\n\nFrom: the field office\n"
    assert {"Halvorsen", "Marchbanks"} <= set(_names(text))
