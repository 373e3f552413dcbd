"""The issue's fixtures, scanned with names on: exactly these findings, each in its part/page."""

from __future__ import annotations

import pytest

from redactcheck.extract import extract
from tests.support import formats_build as build

EXACT = {
    "memo.pdf": (
        build.pdf_name_under_box,
        [
            ("HIDDEN-BAD-REDACTION", "body", 1, "John Smith"),
            ("PII-PERSON", "body", 1, "John Smith"),
        ],
    ),
    "redacted.pdf": (lambda: build.pdf_name_under_box(with_name=False), []),
    "white.pdf": (
        build.pdf_white_text,
        [
            ("HIDDEN-INVISIBLE-TEXT", "body", 1, "Contact Mary Jones directly."),
            ("PII-PERSON", "body", 1, "Mary Jones"),
        ],
    ),
    "budget.pdf": (
        build.pdf_metadata_author,
        [
            ("HIDDEN-METADATA", "metadata", None, "Robert Mallory"),
            ("PII-PERSON", "metadata", None, "Robert Mallory"),
        ],
    ),
    "review.pdf": (
        build.pdf_marking_on_page_two,
        [
            # a SECRET page with no Classified By / Declassify On block (issue 3)
            ("STRUCTURE-MISSING-AUTHORITY-BLOCK", "body", 2, "SECRET//NOFORN"),
            ("US-BANNER-CLASSIFIED", "body", 2, "SECRET//NOFORN"),
        ],
    ),
    "review.docx": (
        build.docx_review_copy,
        [
            ("HIDDEN-COMMENT", "comment", None,
             "Mary Jones: Please remove the paragraph about John Smith."),
            ("HIDDEN-METADATA", "metadata", None, "Robert Mallory"),
            ("HIDDEN-TEXT", "hidden-text", None, "Hidden note naming Susan Clark."),
            ("HIDDEN-TRACKED-CHANGE", "tracked-deletion", None,
             "Linda Davis: Source was Robert Brown."),
            ("HIDDEN-TRACKED-CHANGE", "tracked-insertion", None,
             "Linda Davis: The source is protected."),
            ("PII-PERSON", "comment", None, "John Smith"),
            ("PII-PERSON", "comment", None, "Mary Jones"),
            ("PII-PERSON", "hidden-text", None, "Susan Clark"),
            ("PII-PERSON", "metadata", None, "Robert Mallory"),
            ("PII-PERSON", "tracked-deletion", None, "Linda Davis"),
            ("PII-PERSON", "tracked-deletion", None, "Robert Brown"),
            ("PII-PERSON", "tracked-insertion", None, "Linda Davis"),
            ("STRUCTURE-MISSING-AUTHORITY-BLOCK", "header", None, "SECRET//NOFORN"),
            ("US-BANNER-CLASSIFIED", "header", None, "SECRET//NOFORN"),
        ],
    ),
    "notes.eml": (
        lambda: build.email_with_attachment(
            b"CONFIDENTIAL\nThe informant Robert Mallory met the team.\n", "memo.txt"
        ),
        [
            ("PII-EMAIL", "header", None, "desk@example.net"),
            ("PII-EMAIL", "header", None, "mary.jones@example.org"),
            ("PII-PERSON", "attachment:memo.txt", None, "Robert Mallory"),
            ("PII-PERSON", "header", None, "Mary Jones"),
            ("US-BANNER-CLASSIFIED", "attachment:memo.txt", None, "CONFIDENTIAL"),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXACT))
def test_fixture_gives_exactly_its_findings(scanner, name):
    make, expected = EXACT[name]
    document = extract(name, make())
    found = sorted((f.rule_id, f.part, f.page, f.text) for f in scanner.detect_document(document))
    assert found == sorted(expected)
