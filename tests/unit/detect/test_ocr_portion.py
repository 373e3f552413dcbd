"""Portion marks whose letter OCR read as a digit or symbol (invented memos)."""

from redactcheck.detect.markings.ocr_portion import damaged_portion_findings

MARKED = "1. (S) The first paragraph of the memo.\n\n"


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], mark) for s, e, mark in damaged_portion_findings(text, [])]


def test_a_numbered_paragraph_mark_read_as_a_digit_is_reported_in_a_marked_record():
    text = MARKED + "2. (8) The second paragraph.\n\n3. (©) The third one.\n"
    assert _found(text) == [("(8)", "(S)"), ("(©)", "(C)")]


def test_a_symbol_at_a_line_start_is_a_mark_but_a_bare_digit_is_a_list_item():
    text = MARKED + "(§) Station reports follow.\n(8) Eighth item of the list\n"
    assert _found(text) == [("(§)", "(S)")]


def test_a_record_without_any_clean_portion_mark_is_left_alone():
    text = "1. The list of items.\n\n2. (8) Eight boxes were sent.\n"
    assert _found(text) == []


def test_check_boxes_and_lower_case_text_are_not_marks():
    text = MARKED + "([) CONFIDENTIAL ( ) SECRET\n4. (5) items were sent\n"
    assert _found(text) == []
