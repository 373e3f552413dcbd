"""Damaged fixed stamp lines read by ocr_phrases (invented stamp layouts, public wording)."""

import pytest

from redactcheck.detect.markings.ocr_phrases import phrase_findings


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], name) for s, e, name in phrase_findings(text, [])]


def test_fbi_review_stamp_lines_are_read_one_by_one_between_other_text():
    text = (
        "TO CHIEF\n\nFROM SAC, ELMTOWN\n\nALL INFORMATI0N C0NTAINED\n\n"
        "HEREIN 1S UNGLASSIED EXCEPT\n\nWHERE SHOWN OTHERW1SE.\n\nRE: TRAVEL OF SUBJECT\n"
    )
    assert _found(text) == [
        ("ALL INFORMATI0N C0NTAINED", "ALL INFORMATION CONTAINED"),
        ("HEREIN 1S UNGLASSIED", "HEREIN IS UNCLASSIFIED"),
        ("EXCEPT\n\nWHERE SHOWN OTHERW1SE", "EXCEPT WHERE SHOWN OTHERWISE"),
    ]


def test_a_damaged_line_does_not_take_the_first_letter_of_the_next_lines_word():
    text = "MATTERS\n00: ELMTOWN HEREIN |S UNCLASSIFIEG,\nDAY 12 OF THE TRIP\n"
    assert _found(text) == [("HEREIN |S UNCLASSIFIEG", "HEREIN IS UNCLASSIFIED")]


def test_prose_with_the_stamp_words_is_not_a_stamp():
    text = (
        "THE FACTS SET OUT HEREIN BY THE AGENT WERE CHECKED.\n"
        "THE FULL TEXT CONTAINED IN THE FILE WAS SENT ON.\n"
        "NO PROMISES, OTHERWISE NOT COVERED HEREIN, WERE MADE TO THE SUBJECT.\n"
    )
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("SECRET\n\nNOLOCALDSSEM\n\nThe harbour report.\n", "NOLOCALDSSEM"),
        ("SECRET\n\nNO FOREIGNDISSEM\n\nThe harbour report.\n", "NO FOREIGNDISSEM"),
    ],
)
def test_an_anchor_run_together_with_its_phrases_next_word_is_read(text, span):
    """OCR lost the space after the anchor word: the capitals that follow are the phrase's
    next word, not the rest of a longer word."""
    assert [t for t, _ in _found(text)] == [span]


def test_an_anchor_that_starts_a_longer_word_stays_quiet():
    text = "SECRET\n\nDISSEMINATION OF THE REPORT\n\nTHE LOCALITY AND ITS FOREIGNERS\n"
    assert _found(text) == []
