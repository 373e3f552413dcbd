"""The CIA lending stamp's lines where OCR broke them (invented layouts and damage)."""

import pytest

from redactcheck.detect.markings.ocr_lending_stamp import lending_stamp_findings


def _found(text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e, _ in lending_stamp_findings(text, list(taken or []))]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("SUBJECT: Travel of an invented officer\nQo Nat Reproduca\n", "Qo Nat Reproduca"),
        ("PLACE & Invented Town  Do Nat Reproduce\n", "Do Nat Reproduce"),
        ("2 - Chief, XYZ w/att \u00a9 Not Reprodu |\n", "Not Reprodu"),
        ("REYTURN TO GlA\n", "REYTURN TO GlA"),
        ("x RETURNTO cA\nDistribution: 3 copies\n", "RETURNTO cA"),
        ("RETURN TO CIA 4q-17 a1\nThe report follows.\n", "RETURN TO CIA"),
        ("DATE OF REPORT 1961 : ackgrcuns Use Qnly\n", "ackgrcuns Use Qnly"),
        ("Backgrcund Use\n", "Backgrcund Use"),
        # with its "Do" read, "Not" damaged after its capital (invented shapes)
        ("ref 12 Do Nxl Reproduce\n", "Do Nxl Reproduce"),
        ("Bo Nq Reproduca |\n", "Bo Nq Reproduca"),
    ],
)
def test_a_stamp_line_is_reported(text, span):
    assert _found(text) == [span]


def test_lines_of_one_stamp_are_one_finding():
    text = "MEMO FOR THE FILE\nRETUAN TO cla\nsee Backgr: Use Onl\nxy Bo Not Reproduce\nBody.\n"
    assert _found(text) == ["RETUAN TO cla\nsee Backgr: Use Onl\nxy Bo Not Reproduce"]


@pytest.mark.parametrize(
    "text",
    [
        "Please do not reproduce this page.\n",
        "Do Nothing Reproducible\n",
        "To Nq Reproduce\n",
        "Reproduced from the holdings of an invented archive\n",
        "WILL RETURN TO CIA BY 5 MAY\n",
        "RETURN TO CIA HEADQUARTERS AFTER THE MEETING\n",
        "THEY TURN TO CIA FOR HELP\n",
        "IN RESPONDING TO CIA'S REQUEST\n",
        "The Ground Use of aircraft was studied.\n",
        "The Playground Use Only rule applies.\n",
        "for your background use only.\n",
        "DO NOT REPRODUCE\n",
    ],
)
def test_prose_and_other_captions_are_not_the_stamp(text):
    assert _found(text) == []


def test_a_stamp_found_already_gets_no_second_finding():
    # annotators span the stamp line by line or as one block: a second finding in a found
    # stamp would be a false alarm under the second way
    text = "RETURN TO CIA\nBackground Use Only\n\nOo Net Reproduce\n"
    assert _found(text, [(0, 13), (14, 33)]) == []


def test_a_line_three_lines_away_from_a_found_stamp_is_not_another_stamp_but_farther_is():
    near = "RETURN TO CIA\none\ntwo\nDo Nat Reproduce\n"
    assert _found(near, [(0, 13)]) == []
    far = "RETURN TO CIA\n" + "line\n" * 8 + "Do Nat Reproduce\n"
    assert _found(far, [(0, 13)]) == ["Do Nat Reproduce"]


def test_blank_lines_between_a_stamps_lines_do_not_make_another_stamp():
    text = "RETURN TO CIA\n\n\n\nsome words\n\n\nDo Nat Reproduce\n"
    assert _found(text, [(0, 13)]) == []
