"""The damaged declassification line under a found authority line (invented records)."""

import pytest

from redactcheck.detect.markings.ocr_declass_line import declass_line_findings

FIRST = "CLASSIFIED BY 4417 TRX"


def _read(after: str, first: str = FIRST) -> list[tuple[int, int, str]]:
    text = f"The agent was told.\n\n{first}\n{after}\n\nEnd of memo.\n"
    at = text.index(first)
    return declass_line_findings(text, [(at, at + len(first))], [])


@pytest.mark.parametrize(
    ("after", "span"),
    [
        ("DBCLASI:FY Cn: 254", "DBCLASI:FY Cn: 254"),  # label and value misread
        ("SIFY 0N: 26.", "SIFY 0N: 26"),  # the label's start lost at the edge
        ("NEW HAVENDECLASSIFY ON. 2SX", "DECLASSIFY ON. 2SX"),  # run into the column beside
        ("\nDECL ON: XI", "DECL ON: XI"),  # a line further down, X1 read as XI
    ],
)
def test_a_damaged_declassify_line_under_the_block_is_read_with_exact_offsets(after, span):
    text = f"The agent was told.\n\n{FIRST}\n{after}\n\nEnd of memo.\n"
    at = text.index(FIRST)
    start = text.index(span)
    found = declass_line_findings(text, [(at, at + len(FIRST))], [])
    assert found == [(start, start + len(span), "DECLASSIFY ON")]


@pytest.mark.parametrize(
    "after",
    [
        "MEETING ON: 25 MAY",  # another word before ON
        "DBCLASI:FY Cn: tomorrow",  # no declassification value
        "She was born on: 26 June",  # a date in a sentence
    ],
)
def test_lines_that_hold_no_declassify_field_are_left_alone(after):
    assert _read(after) == []


def test_a_line_far_below_or_under_another_finding_is_left_alone():
    assert _read("one\ntwo\nthree\nSIFY 0N: 26.") == []
    assert _read("SIFY 0N: 26.", first="REVIEWED 1998") == []
