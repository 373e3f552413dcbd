"""Level values of a records form and companion indicator lines beside a banner, where OCR
noise or a second column shares their line (invented form pages and memos)."""

import re

import pytest

from redactcheck.detect.markings.ocr_captions import caption_findings, field_findings


def _values(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], word) for s, e, word in field_findings(text, [])]


@pytest.mark.parametrize(
    ("line", "value", "word"),
    [
        ("CLASSIFICATION : Secret.", "Secret", "SECRET"),
        ("CLASSIFICATION : _ Confidential", "Confidential", "CONFIDENTIAL"),
        ("CLASSIFICATION : Unclassified Ji", "Unclassified", "UNCLASSIFIED"),
        ("CLASSIFICATION ; Top Secret \\", "Top Secret", "TOP SECRET"),
        ("i\nSecret CLASSIFICATION:", "Secret", "SECRET"),
        ("CLASSIFICATION; Unclassified CLASSIFICATION:", "Unclassified", "UNCLASSIFIED"),
    ],
)
def test_a_form_level_beside_noise_or_the_next_column_is_reported(line, value, word):
    text = f"DOCUMENT TYPE : PAPER, TEXTUAL DOCUMENT\n{line}\nRESTRICTIONS : 1B\n"
    assert _values(text) == [(value, word)]


@pytest.mark.parametrize(
    "text",
    [
        "CLASSIFICATION: Secret meetings were held in the hall.\n",
        "Report on the Secret CLASSIFICATION: of birds\n",
        "DECLASSIFICATION: Secret\n",
        "CLASSIFICATION: Secretariat files\n",
    ],
)
def test_prose_and_other_labels_are_no_form_value(text):
    assert _values(text) == []


def _companions(text: str) -> list[str]:
    banners = [m.span() for m in re.finditer(r"SECRET", text)]
    return [text[s:e] for s, e, _ in caption_findings(text, banners, list(banners))]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was agreed.\n. SECRET\n. SENSITIVE\n\nPage 2\n",
        "SENSITIVE\nSECRET\nThe station reported.\n",
        "end of text\n\nSECRET\n\n4 SENSITIVE\n",
        "end of text\nSECRET\nSENSTTIVE +\n",
    ],
)
def test_a_sensitivity_line_over_or_under_a_banner_is_reported(text):
    assert len(_companions(text)) == 1
    assert _companions(text)[0].startswith("SENS")


@pytest.mark.parametrize(
    "text",
    [
        "SECRET\n\nSENSITIVE sources were named in the report.\n",
        "SECRET\nSENSITIVITY\n",
        "SECRET\n\nThe memo follows.\n\nSENSITIVE\n",
        "The sources are SENSITIVE\nand must be protected.\n",
    ],
)
def test_sensitive_in_a_sentence_or_away_from_the_banner_is_not_a_companion(text):
    assert _companions(text) == []
