"""A level word in capitals on a line of form noise, in records that print no banner (invented
form footers and memos: the noise words are made up, the prose is our own)."""

import pytest

from redactcheck.detect.markings.ocr_noise_level import noise_level_findings
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

_BODY = (
    "Our office learned that the club met twice in the harbour town during the week.\n"
    "Our office will write again when the club meets.\n"
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], word) for s, e, word in noise_level_findings(text, [])]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Wk pqt vraddune SECRET | Ky] hollvome Pin :", "SECRET"),
        ("grobelnik ustrafe SECRET nelkovimar", "SECRET"),
        ("Vormak SECRET =", "SECRET"),
        ("Kbb 7z1 pnoltves SECRET ujo", "SECRET"),
        ("DISPATCH | RYBAT SECRET Wondrelax 4", "SECRET"),
        ("| UNCLASSIFIED xXo; trubnes ( quelpik", "UNCLASSIFIED"),
        ("ZUM 712 BRANTIKOLVE CONFIDENTIAL uY]", "CONFIDENTIAL"),
    ],
)
def test_a_level_word_among_form_noise_is_reported_without_a_banner(line, word):
    text = f"{_BODY}\n{line}\n"
    assert _found(text) == [(word, word)]


@pytest.mark.parametrize(
    "line",
    [
        "the report was marked SECRET by the station chief",  # a sentence
        "He was a CONFIDENTIAL INFORMANT of the office",  # a collocation
        "qrvale PLANT SECRET Serwice",  # a damaged collocation
        "zbrtle CONFIDENTIAL INFGRMANF",
        "keep it SECRET xqzvor",  # a short English word before it
        "SECRET zvqlot",  # a line's edge: the banner rules' place
        "xqzvor SECRET",
        "a tricky SECRET plan from our office, met twice in the harbour town again",  # long line
        "the office SECRET club",  # words the record writes elsewhere
        "TOP SECRET zvqlot xqzt",
    ],
)
def test_a_level_word_in_prose_or_at_a_line_edge_is_not_this_step(line):
    text = f"{_BODY}\n{line}\n"
    assert _found(text) == []


def test_the_scan_reports_a_form_footer_level_in_a_record_without_banner():
    text = f"{_BODY}\ngrobelnik ustrafe SECRET nelkovimar\n"
    found = [f for f in RuleDetector(load_rules()).detect(Segment(text)) if f.category == "marking"]
    assert [(f.text, f.start) for f in found] == [("SECRET", text.index("SECRET"))]
