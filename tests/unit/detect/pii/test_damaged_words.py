"""Long words that are an English word damaged by OCR (damaged_words.py): one edit from eight
letters, two from ten; a word one edit from a listed name, a short word and a word near no
English word get no verdict. Every word here is invented."""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.damaged_words import damaged_word
from redactcheck.detect.pii.name_words import name_words


@pytest.mark.parametrize(
    "word",
    [
        "Sehedule",  # eight letters, one misread ("schedule")
        "TRANSPORTATLON",  # any case
        "Invostigatlon",  # thirteen letters, two misread
        "Mlnistry",
    ],
)
def test_a_long_misread_english_word_is_damaged(word):
    assert damaged_word(word, name_words())


@pytest.mark.parametrize(
    "word",
    [
        "Schedule",  # the word itself
        "Sehcdul",  # seven letters: too short for a verdict
        "Sehcdule",  # eight letters, two misread: two edits need ten letters
        "Hendersonn",  # one letter from a listed surname: as likely a damaged name
        "Kvarnstedt",  # near no English word
        "Oravetzky",
        "Ïnvestigatlon",  # letters outside a-z: no verdict
    ],
)
def test_no_verdict_for_names_short_words_or_words_near_nothing(word):
    assert not damaged_word(word, name_words())
