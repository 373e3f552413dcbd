"""Marking phrases read word by word (invented damaged stamps and prose, public wording)."""

import pytest

from redactcheck.detect.markings.ocr_phrases import phrase_findings, phrase_lexicon
from redactcheck.detect.markings.ocr_stamp_lines import stamp_line_findings
from redactcheck.detect.markings.word_align import phrase_words, read_words

MEMO = "The courier left on the morning train.\n\n{}\n\nDistribution: file copy only.\n"
FOLD = phrase_lexicon().fold
NO_FOREIGN = phrase_words("NO FOREIGN DISSEM", FOLD)


def _phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], name) for s, e, name in phrase_findings(text, [])]


def _read(window: str, anchor_word: str) -> str | None:
    found = read_words(window, NO_FOREIGN, FOLD, True, window.index(anchor_word))
    return None if found is None else window[found[0] : found[1]]


def test_each_word_within_its_own_budget_reads_as_the_phrase():
    # three edits in fifteen letters: past the letter bound, one or two per word
    assert _read("CONFIDENTIAL\nHO FOREIGN bISSEH\n", "FOREIGN") == "HO FOREIGN bISSEH"


def test_a_word_past_its_budget_breaks_the_run():
    # DESREH is three edits from DISSEM: NO FOREIGN alone is too short a run
    assert _read("CONFIDENTIAL\nHO FOREIGN DESREH\n", "FOREIGN") is None


def test_a_last_word_that_goes_on_is_another_word():
    assert _read("THEY HAD NO FOREIGN DISSENT\n", "FOREIGN") is None


def test_a_run_inside_a_sentence_is_prose():
    assert _read("WE SAID NO FOREIGN DISSEM WOULD BE ALLOWED THERE\n", "FOREIGN") is None


def test_a_run_in_lower_case_is_prose_for_a_phrase_printed_in_capitals():
    assert _read("memo\nno foreign dissem\n", "foreign") is None


def test_the_run_must_hold_the_anchor_token():
    assert _read("HO FOREIGN bISSEH\n\nfiled by the clerk\n", "clerk") is None


@pytest.mark.parametrize(
    ("stamp", "span", "name"),
    [
        ("CONFIDENTIAL\nHO FOREIGN bISSEH", "HO FOREIGN bISSEH", "NO FOREIGN DISSEM"),
        ("SECRET\n\nYARNIHG NOTICE", "YARNIHG NOTICE", "WARNING NOTICE"),
        # the notice's last line cut from the rest at the stamp's edge
        ("x : METHODS INVOLVED", "METHODS INVOLVED", "INTELLIGENCE SOURCES AND METHODS INVOLVED"),
    ],
)
def test_the_phrase_step_reports_the_damaged_line_with_exact_offsets(stamp, span, name):
    text = MEMO.format(stamp)
    start = text.index(span)
    found = phrase_findings(text, [])
    assert [(s, e, n) for s, e, n in found] == [(start, start + len(span), name)]


@pytest.mark.parametrize(
    "prose",
    [
        "THE FOREIGN DISSENT GREW",
        "THE METHODS INVOLVED WERE DISCUSSED",
        "SOURCES AND METHODS INVOLVED IN THE CASE WERE REVIEWED",
        "NO FOREIGN DESIGN WAS SEEN",
    ],
)
def test_capitals_prose_with_the_phrase_words_is_not_a_stamp(prose):
    assert _phrases(MEMO.format(prose)) == []


def test_a_group_1_stamp_damaged_in_every_word_is_read_from_one_piece():
    stamp = "Exclvdcd frum automatie\ndowngrodlng ond\nbeclassifcation"
    text = MEMO.format("GROUP 1\n" + stamp)
    found = stamp_line_findings(text, [])
    assert [text[s:e] for s, e, _ in found] == [stamp]


def test_a_group_1_stamp_whose_first_line_is_lost_keeps_its_end():
    stamp = "automatie Dowmgradimg\nand deciassificatiom"
    text = MEMO.format("Grovp 1: Ezzlqdxd fpvm\n" + stamp)
    found = stamp_line_findings(text, [])
    assert [text[s:e] for s, e, _ in found] == [stamp]


def test_a_form_label_beside_the_stamp_words_is_no_stamp():
    text = "CLASSIFICATION\nAutomatic\nDowngrading of files was not done\n"
    assert stamp_line_findings(text, []) == []
