"""Long texts are run through the name detector in overlapping chunks, offsets exact."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactcheck.chunking import detect_chunked, spans
from redactcheck.document import Segment
from redactcheck.finding import Finding
from tests.fuzzing import fuzz_settings


class ShortTokens:
    """A stand-in detector: upper-case tokens of 2-4 letters (shorter than half the overlap)."""

    pattern = re.compile(r"(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])")

    def __init__(self):
        self.calls: list[int] = []

    def detect(self, segment: Segment) -> list[Finding]:
        self.calls.append(len(segment.text))
        return [
            Finding("T", "pii", "T", "low", 1.0, m.start(), m.end(), m.group(), "t")
            for m in self.pattern.finditer(segment.text)
        ]


words = st.lists(
    st.one_of(
        st.sampled_from(["AB", "XYZ", "QRST", "word", "Longword", "ABCDEFG"]),
        st.sampled_from([" ", "\n", "\n\n", ". ", ""]),
    ),
    max_size=300,
).map("".join)


@fuzz_settings(200)
@given(words, st.integers(50, 200))
def test_chunks_cover_the_text_and_overlap(text, size):
    chunks = list(spans(text, size, 20))
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    for (s1, e1), (s2, _e2) in zip(chunks, chunks[1:], strict=False):
        assert e1 - s1 <= size
        assert s1 < s2 <= e1  # progress, and no gap
    assert all(e - s <= size for s, e in chunks)


@fuzz_settings(200)
@given(words, st.integers(50, 200))
def test_chunked_detection_equals_whole_text_detection(text, size):
    whole = {(f.start, f.end, f.text) for f in ShortTokens().detect(Segment(text))}
    detector = ShortTokens()
    chunked = detect_chunked(detector, Segment(text), size=size, overlap=20)
    got = [(f.start, f.end, f.text) for f in chunked]
    assert len(got) == len(set(got))  # each finding once
    assert set(got) == whole
    for f in chunked:
        assert text[f.start : f.end] == f.text
    assert max(detector.calls, default=0) <= size


def test_short_texts_are_one_call():
    detector = ShortTokens()
    detect_chunked(detector, Segment("AB cd EF"), size=100, overlap=20)
    assert detector.calls == [8]


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        list(spans("x" * 100, 30, 20))


@pytest.mark.nlp
def test_real_names_across_chunks_have_exact_offsets(scanner):
    paragraph = (
        "Yesterday Martha Pellworth met the harbour master on Tuesday. "
        "Afterwards the committee reviewed the berth fees for the winter season "
        "and asked Corwin Asheldrake to report on the dredging plan.\n\n"
    )
    text = paragraph * 40  # about 8,000 characters
    segment = Segment(text)
    chunked = detect_chunked(scanner.name_detector, segment, size=1500, overlap=300)
    persons = [f for f in chunked if f.entity == "PERSON"]
    for f in chunked:
        assert text[f.start : f.end] == f.text
    starts = sorted(f.start for f in persons)
    assert len(starts) == len(set(starts))
    whole = [f for f in scanner.name_detector.detect(segment) if f.entity == "PERSON"]
    assert len(whole) == 80  # both names in every paragraph
    # chunk borders fall at paragraph breaks: the chunked run finds exactly the same spans
    assert sorted((f.start, f.end) for f in persons) == sorted((f.start, f.end) for f in whole)
