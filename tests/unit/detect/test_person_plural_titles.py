"""Surnames listed after a plural title (round 10, names12: minutes and memoranda of the
unlabelled pool, seed 1616 and a search of the pool).

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _names(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, [])]


def test_every_surname_of_a_list_after_messrs_is_a_name():
    text = (
        "The session opened at ten, and Messrs. Quennell, Tallowby,\n"
        "Marchbanks, and Okonjo reported on the archive.\n"
    )
    names = _names(text)
    for surname in ("Quennell", "Tallowby", "Marchbanks", "Okonjo"):
        assert surname in names


def test_given_names_initials_and_an_office_in_brackets_stay_in_the_list():
    text = "Drs. Petronella Vantreight, Orrin T. Quennell (HO/PA), and Tallowby spoke next.\n"
    names = _names(text)
    assert "Petronella Vantreight" in names
    assert "Orrin T. Quennell" in names
    assert "Tallowby" in names
    assert not any("HO/PA" in name for name in names)


def test_the_list_stops_at_the_first_item_that_is_no_name():
    text = "We met Senators Quennell and Tallowby and Staff Director Okonjo on Monday.\n"
    names = _names(text)
    assert "Quennell" in names
    assert "Tallowby" in names
    assert not any(name.startswith("Staff") for name in names)


def test_a_plural_office_before_ordinary_words_finds_nothing():
    text = "The Generals Assembly Hall and the Senators Club were closed.\n"
    assert _names(text) == []
