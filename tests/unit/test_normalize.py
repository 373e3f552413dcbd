"""The normalisation layer: variants of markings are found, and every offset maps back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.normalize import normalize
from redactcheck.ruleset.loader import load_rules


@pytest.fixture(scope="module")
def detector():
    return RuleDetector(load_rules())


def banner_hits(detector, text: str):
    return [f for f in detector.detect(Segment(text)) if f.rule_id == "US-BANNER-CLASSIFIED"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5ECRET//NOFORN", "SECRET//NOFORN"),
        ("C0NFIDENTIAL", "CONFIDENTIAL"),
        ("CONFIDENTlAL", "CONFIDENTIAL"),
        ("SECRE T", "SECRET"),
        ("S ECRET", "SECRET"),
        ("S E C R E T", "SECRET"),
        ("S-E-C-R-E-T", "SECRET"),
        ("T O P  S E C R E T", "TOP SECRET"),
        ("CONFIDEN-\nTIAL", "CONFIDENTIAL"),
        ("ＳＥＣＲＥＴ", "SECRET"),
        ("S\u0415CRET", "SECRET"),  # Cyrillic Е inside a Latin word
        ("SEC\u200bRET", "SECRET"),  # zero-width space
        ("NO FORN", "NOFORN"),
        ("SEGRET", "SECRET"),  # a worn C read as G
        ("GONFIDENTIAL", "CONFIDENTIAL"),
        ("SECRE7", "SECRET"),
    ],
)
def test_variants_normalise_to_the_marking(text, expected):
    assert normalize(text).text == expected


def test_ordinary_text_is_left_alone():
    for text in (
        "the secret to a loaf",
        "A SECRET MEETING",
        "TOP SECRET",
        "Model 5E3",
        "ALL 50 STATES",
        "SIGNAL",
        "A GREAT SEGMENT",
        "ROUTE 77",
    ):
        assert normalize(text).text == text


def test_genuine_cyrillic_words_are_not_folded():
    assert normalize("СЕКРЕТНО").text == "СЕКРЕТНО"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Header\n5ECRET//NOFORN\nBody", "5ECRET//NOFORN"),
        ("Header\nC0NFIDENTIAL\nBody", "C0NFIDENTIAL"),
        ("x\nSECRE T\ny", "SECRE T"),
        ("x\nS E C R E T\ny", "S E C R E T"),
        ("x\nT O P  S E C R E T\ny", "T O P  S E C R E T"),
        ("x\nＳＥＣＲＥＴ\ny", "ＳＥＣＲＥＴ"),
        ("x\nS\u0415CRET//NOFORN\ny", "S\u0415CRET//NOFORN"),
        ("x\nSEC\u200bRET\ny", "SEC\u200bRET"),
        ("x\nCONFIDEN-\nTIAL\ny", "CONFIDEN-\nTIAL"),
        ("x\nPage 2 of 4 SEGRET\ny", "SEGRET"),  # at a line's end, as the clean word is
    ],
)
def test_variants_of_us_levels_are_found_with_exact_offsets(detector, text, span):
    hits = banner_hits(detector, text)
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.start, hit.end) == (text.index(span), text.index(span) + len(span))
    assert text[hit.start : hit.end] == hit.text == span


def test_offsets_after_an_earlier_repair_stay_exact(detector):
    text = "S E C R E T\n\nRef: ＳＥＣＲＥＴ and then\nCONFIDEN-\nTIAL\n"
    hits = banner_hits(detector, text)
    assert [h.text for h in hits] == ["S E C R E T", "CONFIDEN-\nTIAL"]
    for h in hits:
        assert text[h.start : h.end] == h.text


_alphabet = st.sampled_from(list("SECRTONFIDAL UX5l0 \n-/\u200bＳＥ\u0415abc"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_alphabet, max_size=60))
def test_offset_map_is_monotonic_and_in_bounds(text):
    norm = normalize(text)
    previous = -1
    for i in range(len(norm.text)):
        orig = norm.to_original(i)
        assert 0 <= orig < len(text)
        assert orig > previous
        previous = orig
    if norm.text:
        start, end = norm.span(0, len(norm.text))
        assert 0 <= start <= end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefgh ijklmnop.,\n")), max_size=80))
def test_lowercase_prose_is_unchanged(text):
    assert normalize(text).text == text


def test_normalised_text_holds_no_non_ascii_character_outside_chars():
    """The keyword gate takes ``Normalized.chars`` as the list of non-ASCII characters of the
    normalised text instead of scanning it again; folding must never add one."""
    import random

    from redactcheck.normalize import normalize

    pieces = ["SECRET", "ЅЕСRЕТ", "Ｓ", "\u00a0", "\u2014", "\u200b", "é", "ΝΟ", " ", "\n", "C0NF"]
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        norm = normalize(text)
        assert {c for c in norm.text if not c.isascii()} <= norm.chars, text
        assert norm.chars == {c for c in text if not c.isascii()}


_LOOKALIKES = "СЕТАОΒΡꮪ"  # Cyrillic, Greek and Cherokee capitals that read as Latin ones


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="SECRTabz -é\n" + _LOOKALIKES, max_size=40))
def test_look_alikes_are_folded_in_every_mixed_word_as_the_plain_spelling_folds_them(text):
    """Folding works on whole runs of Latin letters and look-alikes holding a look-alike; the
    linear pattern (normalize._MIXED_WORD) finds exactly the runs the plain spelling finds."""
    import re

    from redactcheck import normalize as module

    chars = module._CONFUSABLE_CHARS
    plain = re.compile(rf"[A-Za-z{chars}]*[{chars}][A-Za-z{chars}]*")
    assert [m.span() for m in module._MIXED_WORD.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_a_look_alike_inside_a_long_word_is_folded():
    word = "SECRET" * 50 + "\u0421"  # a Cyrillic Es at the end of a long run of capitals
    assert normalize(f"x {word} y").text == f"x {'SECRET' * 50}C y"
