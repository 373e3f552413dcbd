"""A level word in capitals on a line of form noise, in records that print no banner (invented
form footers and memos: the noise words are made up, the prose is our own)."""

import pytest

from redactcheck.detect.markings.ocr_noise_level import noise_level_findings
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

_BODY = (
    "1. The station reported that the group met twice in the port city during the week.\n"
    "2. The station will report again when the group meets.\n"
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], word) for s, e, word in noise_level_findings(text, [])]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Tq ssg cornnone SECRET | BR] conmure Tag :", "SECRET"),
        ("plaseaine ofrecee SECRET awtumicoring", "SECRET"),
        ("Lertan SECRET =", "SECRET"),
        ("Fsse 61a tgiriens SECRET tao", "SECRET"),
        ("DISPATCH | RYBAT SECRET Cireyavar 2", "SECRET"),
        ("| UNCLASSIFIED oOo; bebrims ( conripe mat", "UNCLASSIFIED"),
        ("TOE 405 OPSCLEERVOUS CONFIDENTIAL aE]", "CONFIDENTIAL"),
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
        "qrvale PROGRAM SECRET Senvice",  # a damaged collocation
        "zbrtle CONFIDENTIAL INFCRMAND",
        "keep it SECRET xqzvor",  # a short English word before it
        "SECRET zvqlot",  # a line's edge: the banner rules' place
        "xqzvor SECRET",
        "a tricky SECRET plan from the station, met twice in the port city again",  # long line
        "the station SECRET group",  # words the record writes elsewhere
        "TOP SECRET zvqlot xqzt",
    ],
)
def test_a_level_word_in_prose_or_at_a_line_edge_is_not_this_step(line):
    text = f"{_BODY}\n{line}\n"
    assert _found(text) == []


def test_the_scan_reports_a_form_footer_level_in_a_record_without_banner():
    text = f"{_BODY}\nplaseaine ofrecee SECRET awtumicoring\n"
    found = [f for f in RuleDetector(load_rules()).detect(Segment(text)) if f.category == "marking"]
    assert [(f.text, f.start) for f in found] == [("SECRET", text.index("SECRET"))]
