"""Portion marks whose letter OCR read as a digit or symbol (invented memos)."""

import re

import pytest

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


RECORD = "1. (S) The first paragraph.\n\n2. (C) The second one.\n\n3. (U) The third one.\n\n"


def _noisy(text: str) -> list[str]:
    taken = [m.span() for m in re.finditer(r"\((?:S|C|U)\)", RECORD)]
    return [text[s:e] for s, e, _ in damaged_portion_findings(text, taken)]


@pytest.mark.parametrize(
    ("tail", "mark"),
    [
        ("of the station's report. (C) .\n", "(C)"),
        ("the text should read as follows: (U) '\n", "(U)"),
        (": B. (U) There is no record of it.\n", "(U)"),
        ("Cc. (S) The courier was recalled.\n", "(S)"),
    ],
)
def test_a_clean_mark_among_scanner_specks_is_read_in_a_marked_record(tail, mark):
    assert _noisy(RECORD + tail) == [mark]


@pytest.mark.parametrize(
    "tail",
    [
        "THE PERSON(S) NAMED BELOW\n",
        "your file number (S) 100-12345 refers\n",
        "Item (C) of the list stays open for now\n",
    ],
)
def test_plurals_and_marks_inside_a_line_are_left_alone(tail):
    assert _noisy(RECORD + tail) == []


def _noisy_read(text: str) -> list[tuple[str, str]]:
    taken = [m.span() for m in re.finditer(r"\((?:S|C|U)\)", RECORD)]
    return [(text[s:e], mark) for s, e, mark in damaged_portion_findings(text, taken)]


@pytest.mark.parametrize(
    ("tail", "found"),
    [
        ("the courier left the port. (8)\n\n4. Next.\n", ("(8)", "(S)")),
        ("(as the desk requested.) (5) '\n", ("(5)", "(S)")),
        ("no trace was found. (U}\n", ("(U}", "(U)")),
        ("as the chief agreed. (©)\n", ("(©)", "(C)")),
    ],
)
def test_a_misread_mark_ending_its_paragraph_is_read_in_a_marked_record(tail, found):
    text = RECORD + tail
    taken = [m.span() for m in re.finditer(r"\((?:S|C|U)\)", RECORD)]
    start = text.rindex(found[0])
    assert damaged_portion_findings(text, taken) == [(start, start + 3, found[1])]


@pytest.mark.parametrize(
    "tail",
    [
        "the rooms numbered 4 and (5)\n",  # a list item after a word
        "the following items, (8)\n",  # after a comma
        "the port was closed. (8) Eight boats\n",  # text after it on its line
    ],
)
def test_a_misread_mark_needs_a_sentence_end_before_it_and_nothing_after_it(tail):
    assert _noisy_read(RECORD + tail) == []


def test_a_misread_trailing_mark_in_a_record_with_fewer_than_three_marks_is_left_alone():
    text = "1. (S) The first paragraph.\n\nthe courier left the port. (8)\n"
    assert damaged_portion_findings(text, [(3, 6)]) == []


def test_a_record_with_fewer_than_three_marks_found_is_left_alone():
    text = "1. (S) The first paragraph.\n\nof the station's report. (C) .\n"
    assert [text[s:e] for s, e, _ in damaged_portion_findings(text, [(3, 6)])] == []


TWO_MARKS = "1. (S) The first paragraph.\n\n2. (C) The second one.\n\n"


def _placed(text: str, marks: str = TWO_MARKS) -> list[tuple[str, str]]:
    taken = [m.span() for m in re.finditer(r"\((?:S|C|U)\)", marks)]
    return [(text[s:e], mark) for s, e, mark in damaged_portion_findings(text, taken)]


@pytest.mark.parametrize(
    ("tail", "found"),
    [
        ("6, (U) The courier left on the night train.\n", ("(U)", "(U)")),
        ("11, (C) Nothing further was heard from him.\n", ("(C)", "(C)")),
        ("B. (5) The station holds no other papers.\n", ("(5)", "(S)")),
        ("6G. (S) A second group met in the harbour town.\n", ("(S)", "(S)")),
        ("7, (¢) The liaison service was told.\n", ("(¢)", "(C)")),
    ],
)
def test_a_mark_after_a_damaged_paragraph_number_or_letter_is_read_in_a_marked_record(tail, found):
    assert _placed(TWO_MARKS + tail) == [found]


def test_a_mark_after_specks_alone_needs_three_marks_found():
    tail = "» (5) See the second attachment.\n"
    assert _placed(TWO_MARKS + tail) == []
    assert _placed(RECORD + tail, RECORD) == [("(5)", "(S)")]


@pytest.mark.parametrize(
    "tail",
    [
        "6, (5) boxes were sent on to the depot.\n",
        "Section 4, (C) The text of the act.\n",
        "4. See item (C) Travel plans below.\n",
    ],
)
def test_lists_and_marks_inside_a_line_after_a_damaged_number_are_left_alone(tail):
    assert _placed(TWO_MARKS + tail) == []


def test_a_damaged_paragraph_number_in_a_record_with_one_mark_found_is_left_alone():
    text = "1. (S) The first paragraph.\n\n6, (U) The courier left.\n"
    assert [text[s:e] for s, e, _ in damaged_portion_findings(text, [(3, 6)])] == []


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("THE STORY WAS A FABRICATION E(U)\n", "(U)"),  # a noise letter glued before it
        ("HE LANDS AT NOON TOMORROW. *(U)\n\nNEXT PARAGRAPH\n", "(U)"),
        ("x(S) '\n", "(S)"),  # alone on its line with a speck before and after
    ],
)
def test_a_mark_ending_its_paragraph_glued_to_one_noise_character_is_read(line, mark):
    text = "The teletype follows.\n\n" + line
    start = text.index(mark)
    assert damaged_portion_findings(text, []) == [(start, start + len(mark), mark)]


@pytest.mark.parametrize(
    "line",
    [
        "THIS DOCUMENT CONTAINS 3 PAGE(S)\n",  # a plural glued to its word
        "THE ITEM x(U) WAS SENT\n",  # text after it on its line
        "PROCEDURE (U) OF THE MANUAL\n",  # spaced, inside a line: the rules' to judge
    ],
)
def test_plurals_and_marks_inside_a_line_are_not_glued_marks(line):
    assert damaged_portion_findings("The teletype follows.\n\n" + line, []) == []
