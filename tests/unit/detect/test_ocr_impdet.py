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
