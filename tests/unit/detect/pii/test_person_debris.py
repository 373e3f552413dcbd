"""OCR debris read as names on bad scans (person_debris.py): a lone pair of made-up letter runs
amid a damaged block is dropped; a damaged real name with long words, a name seen again in the
document, a cued name and an unknown name in clean prose are kept.

All text is invented; every name and every run of debris is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_debris import drop_debris
from redactcheck.detect.pii.person_scores import PersonSpan

#: A badly scanned block: few of its tokens are words, in any case.
_BAD = (
    "ndeu tq ohm 4 Rvmqe Xo pta (gk), ee\n"
    "why fwoprt qo {name} eyts ak fo4 bsck\n\n"
    "PPI aA Ae fqre tpo Lqa, Osqa, fr KWt oa\n"
)
_CLEAN = "The committee heard from {name} about the shipment of grain to the northern ports.\n"


def _kept(template: str, name: str, basis: str = "propagated", extra: str = "") -> list[str]:
    text = template.format(name=name) + extra
    start = text.index(name)
    people = [PersonSpan(start, start + len(name), 0.9, basis)]
    return [text[p.start : p.end] for p in drop_debris(text, people, name_words())]


@pytest.mark.parametrize(
    "name",
    [
        "Vexo Qrb",  # a short word no list holds, amid debris
        "Ghrt Oxu",
        "Zyxqo Bbrq",  # no list holds either word, and their letters are no word's
    ],
)
def test_a_lone_pair_of_made_up_words_in_a_bad_scan_is_dropped(name):
    assert _kept(_BAD, name) == []


def test_a_damaged_real_name_keeps_its_long_words():
    # a misread name once in a bad scan: long words, no short made-up piece
    assert _kept(_BAD, "Wojtrzek KALUVSKI") == ["Wojtrzek KALUVSKI"]


def test_a_word_seen_again_elsewhere_vouches_for_the_name():
    extra = "\nMEMO: Qrb was seen at the border post twice that week.\n"
    assert _kept(_BAD, "Vexo Qrb", extra=extra) == ["Vexo Qrb"]


@pytest.mark.parametrize("basis", ["title", "initials", "signature", "propagated-ocr"])
def test_a_cued_name_or_an_ocr_variant_is_kept(basis):
    assert _kept(_BAD, "Vexo Qrb", basis) == ["Vexo Qrb"]


def test_an_unknown_name_in_clean_prose_is_kept():
    assert _kept(_CLEAN, "Tui Maoka") == ["Tui Maoka"]
    assert _kept(_CLEAN, "Vexo Qrb") == ["Vexo Qrb"]


def test_a_frequent_listed_name_beside_a_misread_word_is_kept():
    assert _kept(_BAD, "Justiee Gallagher") == ["Justiee Gallagher"]


def test_one_word_is_left_to_the_other_checks():
    assert _kept(_BAD, "Qrbx") == ["Qrbx"]


def test_a_cue_found_before_merging_counts_though_spreading_took_the_basis():
    text = _BAD.format(name="Vexo Qrb")
    start = text.index("Vexo Qrb")
    merged = PersonSpan(start, start + 8, 0.9, "propagated")
    raw = [PersonSpan(start, start + 8, 0.8, "addressee"), merged]
    assert drop_debris(text, [merged], name_words(), raw) == [merged]
    assert drop_debris(text, [merged], name_words(), [merged]) == []


@pytest.mark.parametrize(
    "name",
    [
        "Transportatlon Sehedule",  # two long English words, one letter misread in each
        "Invostigatlon Sehedule",  # two letters misread in a word of thirteen
    ],
)
def test_a_pair_of_misread_english_words_in_a_bad_scan_is_dropped(name):
    assert _kept(_BAD, name) == []


@pytest.mark.parametrize(
    "name",
    [
        "Kvarnstedt Oravetzky",  # unlisted, long, near no English word
        "Hendersonn Dellavorre",  # one letter from a listed surname: maybe a damaged name
    ],
)
def test_a_damaged_or_unlisted_name_near_no_english_word_is_kept(name):
    assert _kept(_BAD, name) == [name]


def test_misread_english_words_in_clean_prose_are_left_to_other_checks():
    assert _kept(_CLEAN, "Transportatlon Sehedule") == ["Transportatlon Sehedule"]
