"""Later mentions of a found name that a scanner misread by glyphs it confuses ("QUILLC" for
"Quillo", "Fldon" for "Eldon"), and the cost model behind them (issue 16, seventh sitting of
2026-12-07, branch names30).

The person rules run without the NER model (``find_people(text, ner)``); a title makes the
first mention a confident name. All text is synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.ocr_confusion import ocr_cost
from redactcheck.detect.pii.person_rules import find_people


def _spans(text: str) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in find_people(text, [])]


def _has(text: str, form: str) -> bool:
    """``form`` is reported at its exact place (its last occurrence in ``text``)."""
    start = text.rindex(form)
    return (start, start + len(form)) in _spans(text)


def _untouched(text: str, form: str) -> bool:
    start = text.rindex(form)
    return all(not (s <= start < e) for s, e in _spans(text))


def test_confusable_glyphs_cost_less_than_other_edits():
    assert ocr_cost("quorvel", "quorvel") == 0.0
    assert ocr_cost("quorvcl", "quorvel") == 0.4  # e read as c
    assert ocr_cost("Fldon", "eldon") == 0.4  # a capital E read as F
    assert ocr_cost("fdgar", "edgar") == 1.0  # in lower case f and e are not alike
    assert ocr_cost("carnm", "camm") == 0.5  # m read as rn
    assert ocr_cost("quorxel", "quorvel") == 1.0  # v and x: any other letter
    assert ocr_cost("quorvel", "abcdefg", 2.0) > 2.0  # beyond the bound


def test_a_short_name_with_one_confused_glyph_is_found():
    text = (
        "Mr. Teodoro Vaneko drove the car to the warehouse.\n"
        "Later VANEKC was seen alone at the pier.\n"
    )
    assert _has(text, "VANEKC")  # o read as c
    text = "Mr. Jurek Olmek opened the file.\nThe clerk gave Olrnek the key.\n"
    assert _has(text, "Olrnek")  # m read as rn


def test_a_six_letter_name_with_two_confused_glyphs_is_found():
    text = "Mr. Halvard Morvat opened the file.\nThe clerk gave Moruet the key.\n"
    assert _has(text, "Moruet")  # v read as u, a as e


def test_a_confused_capital_is_found():
    text = (
        "Mrs. Bethany Rolfsen Brasko wrote to the office.\nA reply to RRASKO went out on Friday.\n"
    )
    assert _has(text, "RRASKO")


def test_damage_at_both_ends_or_a_third_confusion_is_left_alone():
    text = "Mr. Halvard Morvat opened the file.\nThe clerk gave Mcruec the key.\n"
    assert _untouched(text, "Mcruec")


def test_an_english_word_is_never_taken_for_a_misread_name():
    # "Banter" is one confusion from "Bauter" (n read for u), but it is a word
    text = "Mr. Hollis Bauter opened the hearing.\nBanter between the clerks followed the recess.\n"
    assert _untouched(text, "Banter")


def test_a_word_far_from_the_name_or_with_an_unlike_letter_is_left_alone():
    text = (
        "Mr. Teodoro Vaneko drove the car to the warehouse.\n"
        "The VANEKX report and the VAXEKQ code were filed.\n"
    )
    assert _untouched(text, "VANEKX")
    assert _untouched(text, "VAXEKQ")


def test_a_form_label_is_no_mention():
    text = "Mr. Arvid Dodd answered the letter.\nDocld: 55510 Page 2\n"
    assert _untouched(text, "Docld")


def test_a_word_of_a_place_the_model_names_is_not_an_anchor():
    # a bad scan reads the place "Port Velmo" as "Port Vclmo": no person is meant, though a
    # man of that surname is named in the same memo
    text = (
        "Mr. Anselm Velmo sailed from Port Velmo on Tuesday.\n"
        "The ship reached Port Vclmo again by Friday.\n"
    )
    place = text.index("Port Velmo")
    ner = [(place, place + len("Port Velmo"), "GPE")]
    start = text.rindex("Vclmo")
    assert all(not (p.start <= start < p.end) for p in find_people(text, ner))
    assert any(p.start == start for p in find_people(text, []))  # the same text, no place
