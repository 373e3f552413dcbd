"""The CIA no-objection stamp's first or last line alone, cut or damaged (invented layouts)."""

import pytest

from redactcheck.detect.markings.ocr_no_objection import no_objection_findings


def _found(text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e, _ in no_objection_findings(text, list(taken or []))]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Table of invented names\n\u00a9 CIA HAS NO OBJE\n", "CIA HAS NO OBJE"),
        ("ClA HAS NO oBjct! ON\n", "ClA HAS NO oBjct! ON"),
        ("| RELEASE OF THIS DOCUM aN\n", "RELEASE OF THIS DOCUM aN"),
        ("4/17/79 BELEASE OF THIs docunENT\n", "BELEASE OF THIs docunENT"),
        ("_ RELEASE OF THIS DOCUMENT\n", "RELEASE OF THIS DOCUMENT"),
    ],
)
def test_a_stamp_line_alone_is_reported(text, span):
    assert _found(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "THE EMBASSY HAS NO OBJECTION\n",
        "CIA HAS NO OBJECTION TO THE PLAN OF THE BUREAU\n",
        "CIA HAS NO OBJEC-\nTION TO THE PLAN\n",
        "WE REQUEST RELEASE OF THIS DOCUMENT TO THE PUBLIC\n",
        "ASK FOR RELEASE OF THIS DOCUMENT\n",
        "The release of this document was approved.\n",
    ],
)
def test_prose_is_not_the_stamp(text):
    assert _found(text) == []


def test_a_line_of_a_stamp_found_already_is_not_reported_again():
    # the middle line found (damaged) by another step; blank lines between do not count
    text = "CIA HAS NO OBJEC\nDECLASSIIGATON ANDIOR\n\n|\n\nRELEASE OF THIS DOCUMENT\n"
    assert _found(text, [(17, 31)]) == []
