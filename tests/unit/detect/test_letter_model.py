"""The letter trigram model of the name and word lists (letter_model.py)."""

from __future__ import annotations

from redactcheck.detect.pii.letter_model import _model, build_counts, letter_score


def test_the_packaged_counts_are_current():
    tri, _ = _model()
    assert dict(line.split("\t") for line in build_counts()) == {k: str(v) for k, v in tri.items()}


def test_names_and_words_score_above_made_up_letters():
    for good in ("Smith", "Okafor", "Marchetti", "window", "Lindqvist"):
        for bad in ("Xkmpqw", "Zqvlyx", "Cgvqld", "Tsgkrm"):
            assert letter_score(good) > letter_score(bad), (good, bad)


def test_no_verdict_outside_plain_letters():
    assert letter_score("Ñúñez") is None
    assert letter_score("1234") is None
