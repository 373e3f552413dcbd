"""Markings with two OCR damages read where their place vouches for them (the damage probe,
tests/support/ocr_damage.py, at damage 2-3): a caption alone under a banner or right after
it, a CL BY field with B read as E or 0 as D, a short stamp phrase that is its whole line.
Invented records; public caption and stamp wordings."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.ruleset.loader import load_rules
from tests.support.marking_texts import marking_texts


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


_marks = marking_texts


@pytest.mark.parametrize("caption", ["NOF0BM", "EKDlZ", "N0DTB", "WNlNT8L"])
def test_a_caption_with_two_damages_alone_under_a_banner_is_read(detector, caption):
    text = f"SECRET\n{caption}\n\nThe talks resumed on 4 May.\n"
    assert _marks(detector, text) == ["SECRET", caption]


@pytest.mark.parametrize("caption", ["NOF0BM", "N0DTB"])
def test_a_caption_with_two_damages_after_the_banner_word_is_read(detector, caption):
    text = f"PAGE 1 OF 2\nSECRET {caption}\nTO: DIRECTOR\n\nThe talks resumed on 4 May.\n"
    assert _marks(detector, text) == ["SECRET", caption]


@pytest.mark.parametrize("line", ["NOTES", "ORIGIN", "STATUS", "LIMITS", "EXITS", "Notes"])
def test_an_english_word_under_a_banner_is_no_caption(detector, line):
    text = f"SECRET\n{line}\n\nThe talks resumed on 4 May.\n"
    assert _marks(detector, text) == ["SECRET"]


def test_a_near_caption_in_a_line_of_words_is_no_caption(detector):
    text = "SECRET\nNOFOBM WAS SENT TO THE PORT\n\nThe talks resumed on 4 May.\n"
    assert _marks(detector, text) == ["SECRET"]


@pytest.mark.parametrize("line", ["CL EY 054321", "CL BY D54321"])
def test_cl_by_with_b_read_as_e_or_0_as_d_is_read(detector, line):
    text = f"The talks resumed.\n\n{line}\n\nSECRET\n"
    assert _marks(detector, text) == [line, "SECRET"]


@pytest.mark.parametrize("line", ["KEY 12345", "THE KEY 054321", "ABLE BY 12345"])
def test_a_key_or_a_word_before_a_number_is_no_cl_by(detector, line):
    text = f"The talks resumed.\n\n{line}\n\nSECRET\n"
    assert _marks(detector, text) == ["SECRET"]


@pytest.mark.parametrize("stamp", ["AS SANITLZEO", "AS SAN1TIZBD", "RELEASE AS SANITIZFB"])
def test_a_short_stamp_with_two_damages_alone_on_its_line_is_read(detector, stamp):
    text = f"Harbour survey, page 3\n\n{stamp}\n\nThe soundings were done.\n"
    assert _marks(detector, text) == [stamp]


@pytest.mark.parametrize(
    "line", ["SANITIZED", "WAS SANITIZED", "HAS SANITIZED", "THE SANITIZE", "SANITIZING"]
)
def test_a_stamp_word_alone_or_in_english_words_is_no_stamp(detector, line):
    text = f"Harbour survey, page 3\n\n{line}\n\nThe soundings were done.\n"
    assert _marks(detector, text) == []
