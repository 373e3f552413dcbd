"""Mixed-case stamps of several lines read approximately (invented stamps and prose)."""

import pytest

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.ocr_stamp_lines import stamp_line_findings

EXAMPLES = load_lexicon("ocr_stamp_lines.yaml")["examples"]
MEMO = "The courier left on the morning train.\n\n{}\n\nDistribution: file copy only.\n"


PHRASES = {p["phrase"] for p in load_lexicon("ocr_stamp_lines.yaml")["stamp_lines"]["phrases"]}


def _found(text: str) -> list[str]:
    found = stamp_line_findings(text, [])
    for *_, phrase in found:
        assert phrase in PHRASES
    return [text[s:e] for s, e, _ in found]


@pytest.mark.parametrize("stamp", EXAMPLES["match"])
def test_a_damaged_stamp_is_reported_whole_with_exact_offsets(stamp):
    text = MEMO.format(stamp)
    assert _found(text) == [stamp]


@pytest.mark.parametrize("prose", EXAMPLES["no_match"])
def test_prose_about_downgrading_is_no_stamp(prose):
    assert _found(MEMO.format(prose)) == []


def test_a_stamp_cut_at_the_page_edge_keeps_its_first_lines():
    text = MEMO.format("GROUP 1\nExcluded frem avtomatic.\ndowngrading amd")
    assert _found(text) == ["Excluded frem avtomatic.\ndowngrading amd"]


def test_the_next_line_of_text_is_not_taken_into_the_stamp():
    text = "GROUP 1\nExcluded trom automatic\ndowngrading ang\nseclassifizstion\n\nNext page\n"
    assert _found(text) == ["Excluded trom automatic\ndowngrading ang\nseclassifizstion"]


def test_a_stamp_already_found_is_left_alone():
    text = MEMO.format("Excluded trom avtematic\ndowngrading and\ndeclassification")
    start = text.index("Excluded")
    assert stamp_line_findings(text, [(start, start + 10)]) == []


def test_a_sentence_that_goes_on_after_the_phrase_is_prose():
    text = "Automatic downgrading and declassification of the old\nfiles was discussed.\n"
    assert _found(text) == []


def test_the_return_to_cia_stamp_beside_the_page_text_is_one_finding():
    text = (
        "DATE DISTR. 9 March 1965\nRETURN TO CIA no. pages 3\nBackgrourd Use Onlv\n"
        "* Do Nol Reproduce\n"
    )
    found = stamp_line_findings(text, [])
    assert [(text[s:e], p) for s, e, p in found] == [
        (
            "RETURN TO CIA no. pages 3\nBackgrourd Use Onlv\n* Do Nol Reproduce",
            "RETURN TO CIA Background Use Only Do Not Reproduce",
        )
    ]


@pytest.mark.parametrize(
    "above",
    [
        "ABA/CCA = Mr,",
        "The station chief agreed",  # letters the alignment takes, then fails on
        "Attention: Mr. Quillfeather",
        "GROUP",
        "Reproduce",  # a word of the stamp itself ends the line above
        "do not reproduce this",
        "Orig: WH/4 RB",
    ],
)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_the_line_above_neither_joins_nor_hides_the_stamp(above, gap):
    """Whatever the line above ends with, the stamp is read alone: the alignment may start
    on it and fail, and a word of the stamp there must not use up the stamp's pieces."""
    text = f"{above}{gap}RETURE TCA\nckground Use Onfy\nF ARA ~ Invented Name here\n"
    assert _found(text) == ["RETURE TCA\nckground Use Onfy"]


def test_without_hyperscan_the_same_stamps_are_found(monkeypatch):
    """The piece scan has a Hyperscan pass and a ``str.find`` fallback: same findings, also
    where a non-ASCII character lowers to more than one (offsets of the lowered text)."""
    from redactcheck.detect.markings import ocr_stamp_lines

    texts = [MEMO.format(s) for s in EXAMPLES["match"] + EXAMPLES["no_match"]]
    texts.append("İİ Excluded trom avtematic\n\ntowagrading and\neclassification\n")
    texts.append("\u212aGROUND Use Only: RETURN TO CIA\nBac\u212aground Use Only\nDo Not Reproduce")
    fast = [stamp_line_findings(t, []) for t in texts]
    assert any(fast)
    monkeypatch.setattr(ocr_stamp_lines, "_all_piece_hits", lambda *_: None)
    assert [stamp_line_findings(t, []) for t in texts] == fast


def test_the_characters_that_lower_oddly_are_all_known():
    """The case-blind piece pass stands for a scan of the lowered text only where no
    character lowers to two characters or to ASCII: this Python's Unicode has no others."""
    from redactcheck.detect.markings.ocr_stamp_lines import ODD_LOWER

    odd = {
        chr(i)
        for i in range(0x80, 0x110000)
        if len(chr(i).lower()) != 1 or chr(i).lower().isascii()
    }
    assert odd == set(ODD_LOWER)
