"""The FBI review stamp's HEREIN line cut short by the page edge (invented layouts)."""

import pytest

from redactcheck.detect.markings.ocr_review_stamp import review_stamp_findings


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in review_stamp_findings(text, [])]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("TO CHIEF\nHEREIN IS UN\nRE: TRIP\n", "HEREIN IS UN"),
        ("FROM SAC HEREIN JS UN:\n", "HEREIN JS UN"),
        ("ACTION: HEREIN TS UNCL, 4 PAGES\n", "HEREIN TS UNCL"),
        ("HEREIN {S UNCLAS NY\n", "HEREIN {S UNCLAS"),
        ("memo HEREIN J& YNCLAS*\n", "HEREIN J& YNCLAS"),
    ],
)
def test_a_cut_short_stamp_line_is_reported(text, span):
    assert _found(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "THE POLICY SET OUT HEREIN IS U.S. POLICY\n",
        "THE MATTER HEREIN IS UNDER REVIEW\n",
        "THE STATUS HEREIN IS UNCLEAR TO THE OFFICE\n",
        "NO PROMISES NOT COVERED HEREIN, MADE TO THE SUBJECT\n",
        "THE PAGES HEREIN ARE ACCOUNTABLE\n",
        "the facts herein is un\n",
        "HEREIN IS UNITED WITH THE FILE\n",
    ],
)
def test_prose_with_herein_is_not_the_stamp(text):
    assert _found(text) == []


def test_a_span_found_already_is_not_reported_twice():
    text = "HEREIN IS UN\n"
    assert review_stamp_findings(text, [(0, 12)]) == []
