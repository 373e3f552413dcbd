"""Long texts reach NER in overlapping chunks: every offset is owned once, offsets stay exact."""

from __future__ import annotations

import random

import pytest

from redactcheck.chunk import split


def check_cover(text: str, max_chars: int, overlap: int):
    chunks = split(text, max_chars, overlap)
    assert chunks[0].own_start == 0 and chunks[-1].own_end == len(text)
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert a.own_end == b.own_start  # owned ranges tile the text: no gap, no double
    for c in chunks:
        assert c.start <= c.own_start < c.own_end <= c.end
        assert c.end - c.start <= max_chars + 2 * overlap
    return chunks


def test_short_text_is_one_chunk():
    chunks = split("Short memo.", 1000, 100)
    assert [(c.start, c.end) for c in chunks] == [(0, 11)]


def test_cuts_fall_on_paragraph_breaks():
    paragraph = "The envoy, Ms. Odile Ferrant, left Lisbon on Friday. " * 8 + "\n\n"
    text = paragraph * 200
    chunks = check_cover(text, 5000, 300)
    for c in chunks[1:]:
        assert text[c.own_start - 2 : c.own_start] == "\n\n"
    for c in chunks:
        # context edges never split a word
        assert c.start == 0 or text[c.start - 1] in " \n"
        assert c.end == len(text) or text[c.end] in " \n"


def test_text_without_breaks_is_still_cut():
    text = "x" * 25_000
    check_cover(text, 4000, 200)


@pytest.mark.parametrize("seed", range(20))
def test_random_texts_are_tiled(seed):
    rnd = random.Random(seed)
    words = ["alpha", "beta.", "\n", "\n\n", "Gamma", "delta,", "  ", "x" * 40]
    text = "".join(rnd.choice(words) + " " for _ in range(rnd.randint(100, 6000)))
    check_cover(text, 3000, 250)
