"""Debris only the model reads as a name (person_model_only.py): a lone word with a capital
inside it or with unlikely letters, on a bad scan, supported by the model alone, is dropped; the
same word in clean prose, seen twice, found by a cue, or beside a frequent name is kept.

All text is invented; every name and every run of debris is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_model_only import debris_letters, drop_model_only
from redactcheck.detect.pii.person_scores import PersonSpan

#: A badly scanned block: few of its tokens are words, in any case.
_BAD = (
    "ndeu tq ohm 4 Rvmqe Xo pta (gk), ee\n"
    "why fwoprt qo {name} eyts ak fo4 bsck\n\n"
    "PPI aA Ae fqre tpo Lqa, Osqa, fr KWt oa\n"
)
_CLEAN = "The committee heard from {name} about the shipment of grain to the northern ports.\n"


def _kept(template: str, name: str, basis: str = "ner-single", extra: str = "", cue=None):
    text = template.format(name=name) + extra
    start = text.index(name)
    span = PersonSpan(start, start + len(name), 0.6, basis)
    found = [span] + ([PersonSpan(start, start + len(name), 0.9, cue)] if cue else [])
    return [text[p.start : p.end] for p in drop_model_only(text, [span], name_words(), found)]


@pytest.mark.parametrize(
    "name",
    [
        "QvBdKIT",  # a capital inside the word that no name prefix explains
        "XkMPQW",  # letters no name or word is made of
        "Zqvlyx",
        "Tsgkrm Qwbh",  # the spreading of the model's own pair
    ],
)
def test_debris_only_the_model_supports_on_a_bad_scan_is_dropped(name):
    basis = "propagated" if " " in name else "ner-single"
    assert _kept(_BAD, name, basis) == []


@pytest.mark.parametrize("name", ["XkMPQW", "Niamh", "Mkrtchyan", "Tjahjono", "Yevgeniy"])
def test_the_same_letters_in_clean_prose_are_kept(name):
    assert _kept(_CLEAN, name) == [name]


def test_a_rare_real_name_with_likely_letters_is_kept_on_a_bad_scan():
    assert _kept(_BAD, "Pelletreau") == ["Pelletreau"]


def test_a_word_seen_again_vouches_for_it():
    extra = "\nMEMO: the file on zqvlyx was closed.\n"
    assert _kept(_BAD, "Zqvlyx", extra=extra) == ["Zqvlyx"]


@pytest.mark.parametrize("cue", ["title", "initials", "signature", "list-names", "attendee"])
def test_any_cue_keeps_it(cue):
    assert _kept(_BAD, "Zqvlyx", cue=cue) == ["Zqvlyx"]


def test_a_frequent_name_beside_a_damaged_word_keeps_the_span():
    assert _kept(_BAD, "Rafael Qzvkrl", "propagated") == ["Rafael Qzvkrl"]


@pytest.mark.parametrize(
    "word", ["DeVaughn", "McKinnon", "MacLeod", "LaRue", "O'Neil", "VanDyke", "Smith", "SMITH"]
)
def test_name_shapes_are_no_debris(word):
    assert not debris_letters(word, name_words())


@pytest.mark.parametrize("word", ["QvBdKIT", "ZaOBUXNG", "QIvXaD", "XkMPQW", "Cgvqld"])
def test_debris_shapes(word):
    assert debris_letters(word, name_words())


@pytest.mark.parametrize(
    "span", ["Bake", "Window", "Bake Nairobi", "NAIROBL", "Reqvest", "CHICAGQ"]
)
def test_ordinary_words_and_misread_words_or_places_amid_debris_are_dropped(span):
    assert _kept(_BAD, span) == []
    assert _kept(_CLEAN, span) == [span]


@pytest.mark.parametrize("span", ["Hunter", "Madrid", "Wiilson"])
def test_a_frequent_name_or_a_misread_of_one_is_kept_amid_debris(span):
    assert _kept(_BAD, span) == [span]


def test_a_misread_frequent_name_with_an_inner_capital_is_kept():
    # "Mc" read as "Kc": one letter from a frequent surname
    assert not debris_letters("KcCarthy", name_words())
    assert _kept(_BAD, "KcCarthy") == ["KcCarthy"]
