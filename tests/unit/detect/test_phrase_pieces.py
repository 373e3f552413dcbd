"""The page-edge phrase pre-test keeps every line the phrase comparison reports (invented,
OCR-damaged control phrases), and drops lines that share no piece with any phrase."""

import random

import pytest

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN
from redactcheck.detect.markings import ocr_page_edge
from redactcheck.detect.markings.phrase_pieces import _pieces

pytestmark = pytest.mark.skipif(not HAS_HYPERSCAN, reason="the pre-test needs Hyperscan")

#: OCR confusions of the kind the fold table lists and others it does not (a letter for
#: another, a speck, a dropped or doubled letter, a space inside a word, a non-ASCII letter)
_DAMAGE = [
    lambda s, i: s[:i] + s[i + 1 :],  # a dropped character
    lambda s, i: s[:i] + s[i] + s[i:],  # a doubled one
    lambda s, i: s[:i] + " " + s[i:],  # a space inside a word
    lambda s, i: s[:i] + random.choice("'.,~-|") + s[i:],  # a speck
    lambda s, i: s[:i] + random.choice("0158$(|lQGWxz") + s[i + 1 :],  # a wrong character
    lambda s, i: s[:i] + random.choice("ÉÖßﬁé") + s[i + 1 :],  # a non-ASCII one
    lambda s, i: s[:i] + s[i].lower() + s[i + 1 :],  # lower case
]


def _damaged_lines(count: int, seed: int, levels: bool = False) -> list[str]:
    random.seed(seed)
    lex = ocr_page_edge.edge_lexicon()
    phrases = [p for p, _ in (lex.words if levels else lex.phrases).values()]
    if levels:  # a level cut by the page's edge too
        phrases += [w[:n] for w in phrases for n in (5, 7)] + [w[-6:] for w in phrases]
    lines = []
    for _ in range(count):
        line = random.choice(phrases)
        for _ in range(random.randint(0, 5)):
            at = random.randrange(len(line))
            line = random.choice(_DAMAGE)(line, at)
        before = random.choice(["", "7 ", "|  ", "SECRET "])
        after = random.choice(["", " |", " 4", "  ~"])
        lines.append(before + line + after)
    return lines


def _kept(lines: list[str], levels: bool = False) -> list[bool]:
    text = "13-00000\n" + "\n".join(lines) + "\n"
    spans, pos = [], len("13-00000\n")
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    test = ocr_page_edge._level_test() if levels else ocr_page_edge._phrase_test()
    assert test is not None
    kept = test.lines(text, spans)
    return [lo in kept for lo, _ in spans]


def test_every_line_holding_a_phrase_within_its_bound_is_kept():
    lines = _damaged_lines(3000, seed=1401)
    holding = [bool(ocr_page_edge._phrases_in(line)) for line in lines]
    assert sum(holding) > 500  # the sample does exercise the bound
    assert sum(not h for h in holding) > 100  # and lines beyond it
    for line, held, kept in zip(lines, holding, _kept(lines), strict=True):
        assert kept or not held, line


def _holds_level(line: str) -> bool:
    cores = (token.strip(ocr_page_edge._EDGE) for token in line.split() if len(token) >= 4)
    return any(ocr_page_edge._level(core) for core in cores if core)


def test_every_line_with_a_token_read_as_a_level_is_kept():
    lines = _damaged_lines(3000, seed=1402, levels=True)
    holding = [_holds_level(line) for line in lines]
    assert sum(holding) > 500 and sum(not h for h in holding) > 100
    for line, held, kept in zip(lines, holding, _kept(lines, levels=True), strict=True):
        assert kept or not held, line


def test_lines_sharing_no_piece_with_a_phrase_or_level_are_dropped():
    lines = ["PAGE 2 OF 7", "MEMORANDUM FOR THE RECORD", "7", "Dispatch 1234", "HEADQUARTERS"]
    assert _kept(lines) == [False] * len(lines)
    assert _kept(lines, levels=True) == [False] * len(lines)


def test_a_non_ascii_character_that_folds_to_a_letter_may_stand_for_it():
    # Python upper-cases the long s to S, and the view shows "?": two edits break the other
    # pieces of EYES ONLY (EY, ESO, NLY), so only the one holding it is left intact
    lines = ["EXEſ ONLX", "EXEſ ONLX |"]
    assert all(ocr_page_edge._phrases_in(line) for line in lines)
    assert _kept(lines) == [True, True]


def test_a_line_whose_character_folds_to_two_letters_is_always_kept():
    # "ß" folds to two letters, and the one-byte view shows one "?": the line is read in full
    assert _kept(["HEADQUARTERS ß", "HEADQUARTERS"]) == [True, False]


@pytest.mark.parametrize("key,count", [("EYESONLY", 3), ("NOLOCALDISSEM", 4), ("ABCDE", 5)])
def test_a_key_is_cut_into_non_empty_pieces_that_make_it_whole(key, count):
    pieces = _pieces(key, count)
    assert len(pieces) == count and all(pieces) and "".join(pieces) == key
