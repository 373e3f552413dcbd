"""Damaged fixed stamp lines read by ocr_phrases (invented stamp layouts, public wording)."""

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
