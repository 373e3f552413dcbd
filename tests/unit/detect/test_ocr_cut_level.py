"""A level word cut by a column or page edge, alone on its line (invented scanned pages)."""

import random

import pytest

from redactcheck.detect.markings import ocr_banner
from redactcheck.detect.markings.ocr_cut_level import cut_level_findings
from tests.support.ocr_damage import SPECKS, TRAP_LINES, TRAP_PROSE, damage

BODY = "The station reported that the courier had left.\nHe was seen at the port.\n" * 3


def _found(text: str, shared: bool = False) -> list[tuple[str, str]]:
    places = ocr_banner.shared_places(text) if shared else None
    return [(text[s:e], word) for s, e, word in cut_level_findings(text, [], places)]


@pytest.mark.parametrize(
    ("line", "piece", "word"),
    [
        ("SECR", "SECR", "SECRET"),
        ("CRET ;", "CRET", "SECRET"),
        ("Jo SECR", "SECR", "SECRET"),
        ("‘ ECRET :", "ECRET", "SECRET"),
        ("IDENTIAL", "IDENTIAL", "CONFIDENTIAL"),
        ("» CONFIDEN ,", "CONFIDEN", "CONFIDENTIAL"),
        ("U Qx.. ENTIAL", "ENTIAL", "CONFIDENTIAL"),
        ("CONFI e", "CONFI", "CONFIDENTIAL"),
    ],
)
def test_a_piece_of_a_level_alone_on_its_line_is_the_level(line, piece, word):
    text = BODY + line + "\n" + BODY
    assert _found(text) == [(piece, word)]
    start = text.index(piece, len(BODY))
    assert cut_level_findings(text, [], None)[0][:2] == (start, start + len(piece))


def test_the_shared_scan_and_a_find_loop_give_the_same_pieces():
    if ocr_banner._word_scan() is None:
        pytest.skip("Hyperscan is not installed")
    text = BODY + "SECR\n" + BODY + "2 DENTIAL |\n" + BODY + "SECRET\nCONFIDENTIAL\n"
    assert (
        _found(text, shared=True)
        == _found(text)
        == [
            ("SECR", "SECRET"),
            ("DENTIAL", "CONFIDENTIAL"),
        ]
    )


@pytest.mark.parametrize(
    "line",
    [
        "SECRET",  # whole: the banner rules' word
        "CONF",  # conference, in cable lists
        "CONFIDENT",  # an English word
        "SECR ROOM",  # a word of three letters or more beside it
        "The SECR office",
        "secr",  # a stamp is printed in capitals
        "cRET",
        "47CRET",  # a digit touches it: a code
        "TIAL ABC 12",
        "NUT TIAL",
        "SECRETARIAT",
        "THE CRET EXPEDITION REACHED THE HARBOUR AT DAWN ON MONDAY",  # a long line
    ],
)
def test_no_piece_where_the_line_is_not_a_cut_stamp(line):
    assert _found(BODY + line + "\n" + BODY) == []


def test_a_taken_span_is_not_reported_again():
    text = BODY + "SECR\n" + BODY
    start = text.index("SECR")
    assert cut_level_findings(text, [(start, start + 4)]) == []


def test_any_cut_of_a_level_with_specks_beside_it_is_read():
    """Seeded: a level cut at its start or end to any piece the step allows, with OCR specks
    and a stray letter or two on its line, amid invented prose."""
    rng = random.Random(19)
    for _ in range(200):
        word = rng.choice(["SECRET", "CONFIDENTIAL"])
        head = 4 if word == "SECRET" else 5
        if rng.random() < 0.5:
            piece = word[: rng.randint(head, len(word) - 1)]
        else:
            piece = word[-rng.randint(4, len(word) - 1) :]
        if piece in ("CONFIDE", "CONFIDENT"):
            continue
        left = rng.choice(["", rng.choice(SPECKS) + " ", "Jo ", "2 ", "e "])
        right = rng.choice(["", " " + rng.choice(SPECKS), " |", " 7"])
        found = _found(BODY + left + piece + right + "\n" + BODY)
        assert found == [(piece, word)], (left, piece, right)


def test_damaged_headings_and_prose_stay_quiet():
    """The probe's trap lines and sentences, clean and damaged once or twice, hold no piece."""
    rng = random.Random(23)
    for line in TRAP_LINES + TRAP_PROSE:
        for n in (0, 1, 2):
            text = BODY + damage(line, rng, n) + "\n" + BODY
            assert _found(text) == [], text
