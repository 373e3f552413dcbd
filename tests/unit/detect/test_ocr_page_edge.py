"""Damaged level words on short lines at a page's edge (invented scanned pages)."""

import pytest

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.ocr_page_edge import page_edge_findings

EXAMPLES = load_lexicon("ocr_page_edge.yaml")["examples"]
BODY = "The station reported that the courier had left.\nHe was seen at the port.\n" * 3


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], word) for s, e, word in page_edge_findings(text, [])]


@pytest.mark.parametrize("text", EXAMPLES["match"])
def test_the_lexicon_examples_are_read_as_levels(text):
    assert len(_found(text)) == 1


@pytest.mark.parametrize("text", EXAMPLES["no_match"])
def test_the_lexicon_counter_examples_are_not(text):
    assert _found(text) == []


def test_a_damaged_level_under_the_page_marker_is_reported_with_exact_offsets():
    text = "13-00000\n\n7 Segrer ;\n\n" + BODY
    assert _found(text) == [("Segrer", "SECRET")]


def test_a_long_level_may_lose_three_letters_at_the_foot_of_a_page():
    text = BODY + "“>. CONPEDERTIAL |\n\nNW 12345 DocId:12345678 Page 3\n\n" + BODY
    assert _found(text) == [("CONPEDERTIAL", "CONFIDENTIAL")]


def test_the_same_word_in_the_middle_of_a_page_is_left_alone():
    text = "13-00000\n" + BODY + "7 Segrer\n" + BODY + BODY + "NW 12345 DocId:12345678 Page 3\n"
    assert _found(text) == []


@pytest.mark.parametrize("word", ["Secretary", "SECT", "Sent", "SCREW", "Selects"])
def test_english_words_and_other_first_letters_are_no_levels(word):
    assert _found(f"13-00000\n{word} of the file\n" + BODY) == []


def test_a_long_line_at_the_edge_is_prose():
    text = "13-00000\nThe Segrer of the committee asked for the files again\n" + BODY
    assert _found(text) == []


@pytest.mark.parametrize(("line", "piece"), [("PANISH NTIAL", "NTIAL"), ("CONFIDEN :", "CONFIDEN")])
def test_a_long_level_cut_or_split_keeps_a_piece_of_five_letters(line, piece):
    assert _found(f"13-00000\n{line}\n" + BODY) == [(piece, "CONFIDENTIAL")]


def test_a_four_letter_piece_is_too_little():
    assert _found("13-00000\nNUT TIAL\n" + BODY) == []


def _text_lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


@pytest.mark.parametrize(
    "text",
    [
        " 13-00000 \nDocument 4\nNW 12345 Docld:1234 Page 2\n\x0c\n\nx-00000\n14-00000",
        "13-00000\n\n a\n\n\nb\nc\n" + "line\n" * 10 + "14-00000\nd\n \ne\nf\ng\n\n",
        "13-00000",
        "x\n13-00000\n",
    ],
)
@pytest.mark.parametrize("hyperscan", [True, False])
def test_the_lines_read_are_those_near_a_marker_or_the_texts_ends(text, hyperscan, monkeypatch):
    """Page markers are looked for only on lines holding a piece of one; the lines read are
    the lines holding text (a form feed alone is none) within three such lines of a marker or
    of the text's start or end."""
    from redactcheck.detect.markings import ocr_page_edge as edge

    if not hyperscan:
        monkeypatch.setattr(edge, "_key_database", lambda: None)
    markers = edge._marker_starts(text)
    assert markers == {m.start() for m in edge._MARKER.finditer(text)} != set()
    lines = _text_lines(text)
    near = {k for k in range(len(lines)) if k < 3 or k >= len(lines) - 3}
    for k, (lo, _) in enumerate(lines):
        if lo in markers:
            near |= set(range(k - 3, k + 4)) & set(range(len(lines)))
    assert edge._edge_lines(text, markers, 3) == [lines[k] for k in sorted(near)]


def test_the_fbi_footer_without_its_nw_number_is_a_page_marker():
    text = BODY + "; CONFIDENTAL |\n\n| Docld: 12345678 Page 3\n\n" + BODY * 3
    assert _found(text) == [("CONFIDENTAL", "CONFIDENTIAL")]


def test_a_document_id_inside_a_sentence_is_no_page_marker():
    text = BODY + "7 Segrer\nThe note cites DocId: 12345678 Page 3 of the file\n" + BODY * 3
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    ["~ SEOPET :\n\n" + BODY * 3, BODY * 3 + "Bz SEcpet\n", BODY * 3 + "-CONFIDENTAL\n "],
)
def test_a_text_without_markers_has_its_level_alone_at_its_top_or_bottom(text):
    assert [word for _, word in _found(text)] == ["CONFIDENTIAL" if "CONF" in text else "SECRET"]


@pytest.mark.parametrize("line", ["Memorandum SEOPET", "SEOPET Chief of Station", "secr", "seer"])
def test_without_markers_a_level_needs_a_line_of_its_own_and_capitals_or_five_letters(line):
    assert _found(f"{line}\n" + BODY * 3) == []
    assert _found(BODY * 3 + f"{line}\n") == []


def test_without_markers_the_middle_of_the_text_is_left_alone():
    assert _found(BODY * 2 + "SEOPET :\n" + BODY * 2) == []


def test_without_markers_a_misspelling_the_text_writes_again_is_its_word():
    text = "Confidental\n" + BODY * 3 + "The confidental note was filed.\n"
    assert _found(text) == []


def test_a_level_whose_first_letter_ocr_misread_is_read_when_its_second_is_kept():
    """Seeded: any capital for the stamp's first letter, and one more damage for SECRET."""
    import random

    rng = random.Random(29)
    letters = "ABDGHKMNOPQRTUVWXZ"
    for _ in range(60):
        word = rng.choice(["SECRET", "CONFIDENTIAL"])
        token = rng.choice(letters) + word[1:]
        if rng.random() < 0.5:
            i = rng.randrange(2, len(token))
            token = token[:i] + rng.choice("FBRK") + token[i + 1 :]
        text = BODY + f"{token} ,\n\nNW 12345 DocId:12345678 Page 3\n\n" + BODY
        assert _found(text) == [(token, word)], token


@pytest.mark.parametrize("word", ["DECREE", "REGRET", "EGRET", "Decree"])
def test_a_word_one_letter_off_at_its_start_is_no_level(word):
    assert _found(f"13-00000\n{word} .\n" + BODY) == []
