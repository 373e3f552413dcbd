"""The E2 IMPDET slug with IMPDET damaged beyond one letter (invented cable ends)."""

import pytest

from redactcheck.detect.markings.ocr_impdet import impdet_findings


def _found(text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e, _ in impdet_findings(text, list(taken or []))]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("S-E-C-R-E-T E2 TMPQET CL BY 012345\n", "E2 TMPQET CL BY 012345"),
        ("E-2 IMQOET Ct BY 001234\n", "E-2 IMQOET Ct BY 001234"),
        ("4. FILE: 200-1-15, E2, IMQODET,\n", "E2, IMQODET"),
        ("SECRET B2 IXPDFT\n", "B2 IXPDFT"),
        ("\u00a32 IMPDEQ CL 5Y 612345 _\n", "\u00a32 IMPDEQ CL 5Y 612345"),
    ],
)
def test_a_damaged_slug_is_reported(text, span):
    assert _found(text) == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("E-2 IMP~DET\n", "E-2 IMP~DET"),  # a speck inside the word
        ("E2 IM\u2019PDET CL BY 012345\n", "E2 IM\u2019PDET CL BY 012345"),  # a curly quote
        ("E-2 I MPDET\n", "E-2 I MPDET"),  # split by a space
        ("E-2 IMPD ET\n", "E-2 IMPD ET"),
        ("EE-2 IMPdET\n", "EE-2 IMPdET"),  # E doubled, a letter in lower case
        ("E-Z IMPDEI\n", "E-Z IMPDEI"),  # 2 read as Z
        ("E-22 IMPDFT\n", "E-22 IMPDFT"),  # 2 doubled
        ("-2 IMP.DET\n", "-2 IMP.DET"),  # E lost before its hyphen
        ("E-2 1MPDET\n", "E-2 1MPDET"),  # I read as 1
        ("FILE 201-1234. \u20ac2 INPPET.d\n", "\u20ac2 INPPET"),  # noise glued after it
    ],
)
def test_a_slug_with_specks_splits_or_lower_case_is_reported(text, span):
    """OCR damage in general, not look-alikes alone: any of these with another in the word."""
    assert _found(text) == [span]


@pytest.mark.parametrize(
    "text",
    ["E-2 IMP ACT\n", "THE 2 IMPORTS\n", "-2 IMPACT\n", "ZIMPDET\n", "ROUTE 2 I MP DETOUR\n"],
)
def test_split_or_specked_words_that_are_not_the_slug_stay_quiet(text):
    assert _found(text) == []


def test_a_cl_by_number_found_already_leaves_the_slug_alone():
    text = "E2 TMPQET CL BY 012345\n"
    assert _found(text, [(10, 22)]) == ["E2 TMPQET"]


@pytest.mark.parametrize(
    "text",
    [
        "THE E2 IMPACT WAS LARGE\n",
        "B-2 BOMBER\n",
        "PAGE 2 IMPORT\n",
        "ROOM E2 NAPKIN\n",
        "E2 UPDATE\n",
        "E2 FEMPDAT\n",  # three letters off: no longer the slug
    ],
)
def test_other_words_after_e2_are_not_the_slug(text):
    assert _found(text) == []


def test_the_intact_slug_is_left_to_the_authority_rule():
    assert _found("E2 IMPDET CL BY 012345\n") == []
