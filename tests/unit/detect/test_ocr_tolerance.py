"""OCR tolerances shown missing by the synthetic damage probe (tests/support/ocr_damage.py):
stamp phrases whose only anchor word OCR damaged, and captions beside a banner with a speck,
a letter in lower case or a space inside (invented records; public stamp wordings)."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.ruleset.loader import load_rules
from tests.support.marking_texts import marking_texts


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


_marks = marking_texts


@pytest.mark.parametrize(
    "stamp",
    [
        "AS SANITI ZED",  # a space inside the anchor word
        "AS SANITZED",  # a letter lost
        "RELEASE AS SAnITIZED",  # a letter in lower case
        "WARNNING NOTIICE",  # letters doubled in both words
        "CIA HAS NO OBJEOTION TO",  # a look-alike
        "NO FUREIGN DISSEW",  # one in each word
    ],
)
def test_a_stamp_phrase_whose_anchor_ocr_damaged_is_read(detector, stamp):
    text = f"Harbour survey, page 3\n\n{stamp}\n\nThe soundings were done.\n"
    assert _marks(detector, text) == [stamp]


@pytest.mark.parametrize(
    "text",
    [
        "The samples were sanitized before the tests.\n",
        "THE WARMING OF THE HARBOUR WATERS WAS NOTICED\n",
        "THE FOREIGNER LEFT ON MONDAY\n",
        "THE OBJECTIONS WERE HEARD ON 4 MAY\n",
    ],
)
def test_words_near_an_anchor_in_prose_are_no_stamp(detector, text):
    assert _marks(detector, text) == []


@pytest.mark.parametrize(
    "caption", ["LI.MDIS", "NOFOR.N", "EXDiS", "WNINTeL", "NOTO RN", "ORC O.N"]
)
def test_a_damaged_caption_under_a_banner_is_read(detector, caption):
    text = f"SECRET\n{caption}\n\nThe talks resumed on 4 May.\n"
    assert caption in _marks(detector, text)


@pytest.mark.parametrize(
    "line",
    ["EXT. 4617 : : TUBE", "NO DISTRIBUTION LIST", "Nodis and the rest", "NODES 4"],
)
def test_other_lines_under_a_banner_are_no_caption(detector, line):
    text = f"SECRET\n{line}\n\nThe talks resumed on 4 May.\n"
    assert _marks(detector, text) == ["SECRET"]


def test_two_captions_side_by_side_stay_two(detector):
    text = "SECRET NODIS EXDIS\n\nThe talks resumed.\n"
    assert _marks(detector, text) == ["SECRET", "NODIS", "EXDIS"]
