"""Identical texts are detected once (releases repeat documents); only identical ones."""

from __future__ import annotations

from redactcheck.cache import ReuseByText
from redactcheck.document import Segment
from redactcheck.finding import Hit


def _detector(calls: list[str]):
    def detect(segment: Segment) -> list[Hit]:
        calls.append(segment.text)
        at = segment.text.find("(S)")
        return [Hit("R", "marking", "E", "high", 1.0, at, at + 3, "(S)", "m")]

    return detect


def test_a_repeated_text_is_detected_once_and_each_caller_gets_its_own_list():
    calls: list[str] = []
    memo = ReuseByText(_detector(calls))
    text = "x" * 500 + "(S) memo" + "y" * 500
    first = memo.detect(Segment(text))
    first.append(first[0])  # a caller adding its own hits (names) to the list it got
    second = memo.detect(Segment(text[:250] + text[250:]))  # equal, not the same object
    assert len(calls) == 1
    assert len(second) == 1 and second[0].start == first[0].start


def test_texts_alike_at_their_samples_are_still_told_apart():
    calls: list[str] = []
    memo = ReuseByText(_detector(calls))
    a = "a" * 200 + "(S)" + "b" * 400 + "c" * 200
    b = "a" * 200 + "b" * 3 + "(S)" + "b" * 397 + "c" * 200  # same length and samples
    assert len(a) == len(b) and a[:64] == b[:64] and a[-64:] == b[-64:]
    assert memo.detect(Segment(a))[0].start == 200
    assert memo.detect(Segment(b))[0].start == 203
    assert memo.detect(Segment(a, part="comment"))[0].start == 200
    assert len(calls) == 3
