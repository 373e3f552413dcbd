"""Line and column numbers: the fast count for plain ``\\n`` texts agrees with the line index."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from redactcheck.locate import LineIndex, line_columns


def test_counted_positions_agree_with_the_line_index():
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 60)))
        offsets = {rng.randint(0, len(text)) for _ in range(rng.randint(1, 8))}
        index = LineIndex(text)
        assert line_columns(text, offsets) == {o: index.position(o) for o in offsets}, text


def test_carriage_returns_count_as_line_breaks():
    text = "one\r\ntwo\rthree\nfour"
    assert line_columns(text, {0, 5, 9, 15, len(text)}) == {
        0: (1, 1),
        5: (2, 1),
        9: (3, 1),
        15: (4, 1),
        len(text): (4, 5),
    }


def test_keyed_hash_is_hmac_sha256():
    """Fingerprints are HMAC-SHA256 (docs/review.md); the precomputed-state version must
    give exactly what the standard library's hmac gives, for short, block-sized and long keys."""
    import hashlib
    import hmac

    from redactcheck.locate import _keyed_hash

    rng = random.Random(9)
    for size in (0, 1, 26, 63, 64, 65, 200):
        key = bytes(rng.randrange(256) for _ in range(size))
        for length in (0, 5, 64, 300):
            material = bytes(rng.randrange(256) for _ in range(length))
            expected = hmac.new(key, material, hashlib.sha256).hexdigest()[:32]
            assert _keyed_hash(key, material) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\r\n\x0b\x0c\x1c\u00a0\u2003\u3000aBé", max_size=30))
def test_fingerprint_text_collapses_whitespace_as_the_regex_does(text):
    """Fingerprints (and baselines written before) read the matched text with its whitespace
    runs collapsed to one space and trimmed: every kind of whitespace ``\\s`` matches."""
    import re

    from redactcheck.locate import normalise_for_fingerprint

    assert normalise_for_fingerprint(text) == re.sub(r"\s+", " ", text).strip().casefold()
