"""The other lines of a multi-line stamp, read next to a found line (invented layouts)."""

import random

import pytest

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.ocr_stamp_siblings import sibling_findings, sibling_lexicon
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

EXAMPLES = load_lexicon("ocr_stamp_siblings.yaml")["examples"]
MEMO = "The courier left on the morning train.\n\n{}\n\nDistribution: file copy only.\n"


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


def _added(text: str, found: str) -> list[str]:
    at = text.index(found)
    span = (at, at + len(found))
    out = sibling_findings(text, [span], [span])
    return [text[s:e] for s, e, _ in out]


@pytest.mark.parametrize(("stamp", "found", "added"), EXAMPLES["match"])
def test_a_damaged_line_beside_a_found_line_is_reported_with_exact_offsets(stamp, found, added):
    assert _added(MEMO.format(stamp), found) == added


@pytest.mark.parametrize(("stamp", "found", "added"), EXAMPLES["no_match"])
def test_a_sentence_beside_a_found_line_is_not_a_stamp_line(stamp, found, added):
    assert added == []
    assert _added(MEMO.format(stamp), found) == []


def test_a_stamp_line_alone_is_not_reported():
    text = MEMO.format("OTHERWISE\nIN THIS DOCUMENT\nDo Not Reproduce")
    assert sibling_findings(text, [], []) == []


def test_a_line_cut_at_a_column_edge_keeps_its_start():
    text = "RETURN TO CIA\nBackground Use Only\nDo Not Repr\n"
    assert _added(text, "Background Use Only") == ["RETURN TO CIA", "Do Not Repr"]


def test_a_line_interleaved_with_the_text_beside_it():
    text = "MEMO FOR: Chief, Unit 7   RETURN TO CIA\nSUBJECT: Travel   Background Use Only\n"
    assert _added(text, "Background Use Only") == ["RETURN TO CIA"]


def test_a_word_that_only_starts_like_the_line_is_not_it():
    text = "RETURN TO CIA\nBackground Use Only\nDo Not Reproductions\n"
    assert _added(text, "RETURN TO CIA") == ["Background Use Only"]


def test_each_line_is_its_own_finding_of_a_scan(detector):
    text = (
        "Memo for the file, 3 May    CIA HAS NO OBJECTION TO\n"
        "Subject: travel of Mr. Varga   DECLASS1FICAT1ON AND/0R\n"
        "as agreed with the desk   RELEASE 0F THIS D0CUMFNT\n"
    )
    found = detector.detect(Segment(text))
    assert all(text[f.start : f.end] == f.text for f in found)
    lines = {f.text: f.details.get("reads_as") for f in found}
    assert lines["DECLASS1FICAT1ON AND/0R"] == "DECLASSIFICATION AND/OR"
    assert lines["RELEASE 0F THIS D0CUMFNT"] == "RELEASE OF THIS DOCUMENT"


# OCR damage of the kinds scans show: look-alike letters, a dropped letter, a speck inside a word
_SWAPS = {"O": "0", "I": "1", "C": "G", "E": "F", "S": "5", "B": "8", "l": "1", "o": "a", "e": "c"}


def _damage(line: str, rng: random.Random) -> str:
    chars = list(line)
    for _ in range(max(1, len(line) // 9)):
        k = rng.randrange(len(chars))
        kind = rng.randrange(3)
        if kind == 0 and chars[k] in _SWAPS:
            chars[k] = _SWAPS[chars[k]]
        elif kind == 1 and chars[k].isalpha():
            chars[k] = ""
        elif chars[k].isalpha():
            chars[k] += rng.choice("'.,~")
    return "".join(chars)


def test_damaged_lines_of_every_stamp_are_read_beside_a_clean_one():
    rng = random.Random(17)
    missed = []
    for stamp in sibling_lexicon().stamps:
        first, *rest = stamp.lines[:3]
        for _ in range(4):
            damaged = [_damage(line.text, rng) for line in rest]
            text = MEMO.format("\n".join([first.text, *damaged]))
            got = _added(text, first.text)
            missed += [d for d in damaged if d.strip(" '.,~") not in got]
    assert len(missed) <= 2, missed
