"""SECRET read by OCR in mixed case on a short stamp or form line (invented scanned pages)."""

import random

import pytest

from redactcheck.detect.accel.fastscan import ascii_view
from redactcheck.detect.markings import ocr_markings
from redactcheck.detect.markings.ocr_case_level import case_level_findings

BODY = "The station reported that the courier had left.\nHe was seen at the port.\n" * 3


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in case_level_findings(text, [])]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("SecnET", "SecnET"),
        ("seCHET =", "seCHET"),
        ("‘ SecReT... ”", "SecReT"),
        ("7. 12 Mazch 61 SECREt", "SECREt"),
        ("GecRET) (XY-4 1234)", "GecRET"),
        ("Classification: =seCREX—", "seCREX"),
        ("Hq 12th Group... SeRET . Page 2 of 3 pages", "SeRET"),
        ("SeEcRET ISSUING OFFICE IS PROHIBITED", "SeEcRET"),
    ],
)
def test_secret_in_mixed_case_on_a_short_line_is_the_level(line, word):
    text = BODY + line + "\n" + BODY
    assert _found(text) == [word]
    start = text.index(word, len(BODY))
    assert case_level_findings(text, [], None)[0] == (start, start + len(word), "SECRET")


@pytest.mark.parametrize(
    "line",
    [
        "Secret",  # title case: an ordinary word, left to the steps that read context
        "secret",
        "SECRET",  # intact capitals: the banner rules' word
        "SeCTOR 4",  # two edits from the level
        "SecRETARY of the Navy",  # a longer word
        "He kept the matter SeCRET from his wife and his own brother all year",  # a sentence
        "the courier said that SecRET papers were never carried there",  # prose words
        "McDonald",
    ],
)
def test_other_words_and_sentences_are_not_the_level(line):
    assert _found(BODY + line + "\n" + BODY) == []


def test_a_word_already_found_is_not_found_again():
    text = BODY + "SecnET\n"
    start = text.index("SecnET")
    assert case_level_findings(text, [(start, start + 6)]) == []


def test_the_shared_hyperscan_starts_find_what_re_finds():
    """The step takes its starts from the OCR step's one Hyperscan pass; any start inside a
    word will do, so the findings must be those of the step's own ``re`` scan."""
    pytest.importorskip("hyperscan")
    starts = ocr_markings._starts()
    assert starts is not None
    pieces = ["SecnET", "seCHET", "SECREt", "Secret", "SECRET", " ", "\n", "x", "é", "Re", "tT"]
    rnd = random.Random(31)
    found = 0
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        at = starts(ascii_view(text))[2]
        want = case_level_findings(text, [])
        assert case_level_findings(text, [], at) == want, text
        found += len(want)
    assert found > 100


def test_the_whole_ocr_step_reports_it():
    text = BODY + "SecheT\n" + BODY
    hits = ocr_markings.ocr_marking_findings(text, [])
    assert [text[h.start : h.end] for h in hits] == ["SecheT"]
