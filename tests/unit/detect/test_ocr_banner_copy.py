"""Damaged copies of a record's own banner line on its other pages (invented records)."""

import pytest

from redactcheck.detect.markings.ocr_banner_copy import banner_copy_findings

BANNER = "TOP SECRET KESTREL"
HEAD = f"{BANNER}\n\nThe first page of the report.\n\n"


def _copies(text: str, banner: str = BANNER) -> list[tuple[str, str]]:
    start = text.index(banner)
    found = banner_copy_findings(text, [(start, start + len(banner))], [])
    return [(text[s:e], word) for s, e, word in found]


@pytest.mark.parametrize(
    ("line", "span"),
    [
        ("POP SECRET KESTREL", "POP SECRET KESTREL"),  # first letter misread
        ("OP SECRET KESTREL", "OP SECRET KESTREL"),  # first letter lost
        ("-FOP-SEGREF KESTREL-", "FOP-SEGREF KESTREL"),  # crossed out, level damaged
        ("\u201cTOP SRCRET KESTREL.", "TOP SRCRET KESTREL"),  # specks at the edges
    ],
)
def test_a_damaged_copy_of_the_banner_line_is_read_as_it(line, span):
    text = HEAD + f"{line}\n\nThe second page.\n"
    start = text.rindex(span)
    start_ref = text.index(BANNER)
    found = banner_copy_findings(text, [(start_ref, start_ref + len(BANNER))], [])
    assert found == [(start, start + len(span), BANNER)]


@pytest.mark.parametrize(
    "line",
    [
        "Top secret kestrel reports were sent on Monday.",  # prose in mixed case
        "FOP SEGREF KESTRAL",  # no word of the banner intact
        "TOP SECRET KESTREL MEETING AGENDA FOR THE WEEK OF MARCH",  # a longer heading
        "STOP THE RECORD",  # another line of capitals
    ],
)
def test_lines_that_are_no_copy_are_left_alone(line):
    assert _copies(HEAD + f"{line}\n") == []


def test_nothing_is_read_without_a_banner_of_two_words_alone_on_its_line():
    text = "SECRET\n\nPOP SECRET KESTREL\n"
    assert _copies(text, "SECRET") == []
    text = "Report: TOP SECRET KESTREL\n\nPOP SECRET KESTREL\n"
    assert _copies(text) == []


def test_a_copy_already_taken_is_not_reported_again():
    text = HEAD + "POP SECRET KESTREL\n"
    start = text.index(BANNER)
    copy = text.index("POP")
    taken = [(copy + 4, copy + 10)]
    assert banner_copy_findings(text, [(start, start + len(BANNER))], taken) == []
