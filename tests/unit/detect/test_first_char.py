"""The rule patterns' twins (redactcheck/detect/accel/first_char.py): the same matches as the
pattern at every position, found by a ``re`` that skips ahead to the first characters."""

from __future__ import annotations

import random
import re

import pytest

from redactcheck.detect.accel.first_char import twin
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.normalize import normalize
from redactcheck.ruleset.loader import load_rules
from tests.unit.detect.test_keyword_gate import generated_texts


@pytest.fixture(scope="module")
def detector():
    return RuleDetector(load_rules([]))


def _texts(detector) -> list[str]:
    texts = [
        normalize(e).text
        for rule, _ in detector._owners
        for e in (*rule.spec.examples.match, *rule.spec.examples.no_match)
    ]
    texts.append(normalize("\n".join(generated_texts(200, seed=11))).text)
    return texts


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups() and a.groupdict() == b.groupdict()


def test_twins_search_as_the_patterns_do(detector):
    """Every rule example and generated lines: from the text's start and from one character
    past each match the twin's search gives the pattern's match, and so it does in random
    windows (``pos``, ``endpos``) as the keyword gate hands them out."""
    texts = _texts(detector)
    rng = random.Random(1601)
    twins = checked = found = 0
    for _, pattern in detector._owners:
        moved = twin(pattern.regex.pattern, pattern.regex.flags)
        if moved is None:
            continue
        twins += 1
        for text in texts:
            pos = 0
            while pos <= len(text):
                want = pattern.regex.search(text, pos)
                assert _same(moved.search(text, pos), want), (pattern.spec.name, text, pos)
                checked += 1
                if want is None:
                    break
                found += 1
                pos = want.start() + 1
            for _ in range(3):
                lo = rng.randrange(len(text) + 1)
                hi = rng.randrange(lo, len(text) + 1)
                want = pattern.regex.search(text, lo, hi)
                assert _same(moved.search(text, lo, hi), want), (pattern.spec.name, text, lo)
                checked += 1
    assert twins > 100 and checked > 100_000 and found > 1_000


def test_the_detector_searches_through_the_twins(detector):
    """The rules' first search of a window goes through the twin where there is one."""
    runs = detector._runs
    moved = [r for r in runs if r[2] != r[1].regex.search]
    assert len(moved) > 100
    assert all(r[2].__self__.pattern is None for r in moved)  # compiled from the parse tree


@pytest.mark.parametrize(
    ("regex", "text", "span"),
    [
        # a look-behind first: checked behind the first character
        (r"(?<![A-Za-z])(?:[Tt]el|FAX)\.? ?\d", "xTel 5, Tel 6 and FAX.7", (8, 13)),
        # an alternation of look-behinds first, then a group of words
        (r"(?:(?<=[.;] )|(?<=\d{4}, ))(?P<w>Secret|Confidential)(?=[;.])", "a. Secret;", (3, 9)),
        # a repeat of one character, once at least
        (r"(?<![\w.])\d{1,3}[A-Z]\b", "12.5X 7Q", (6, 8)),
        # alternatives opening with a class and a literal: one class of first characters
        (r"(?<![\w.])(?:\d{1,3}[A-Z]|One)\b", "12.5X Ones One", (11, 14)),
        # a line start in multi-line mode, then a repeat of one character
        (r"(?m)^[A-Z]{3}:", "ab\nXYZ: 1", (3, 7)),
    ],
)
def test_twin_of_small_patterns(regex, text, span):
    moved = twin(regex)
    assert moved is not None
    plain = re.compile(regex).search(text)
    assert plain is not None and plain.span() == span
    assert _same(moved.search(text), plain)
    assert moved.search(text, span[0] + 1) is None or moved.search(text, span[0] + 1).span() == (
        re.compile(regex).search(text, span[0] + 1).span()
    )


@pytest.mark.parametrize(
    "regex",
    [
        r"Tel\.? \d",  # re scans ahead for it already
        r"(?i)(?<!x)tel",  # case-blind: no twin
        r"(?<=(a))b",  # a group inside the look-behind
        r"(?<!x)(?:[^a]b|c)",  # a negated class first: no first-character set
        r"(?<!x)(?i:tel)",  # flags inside the group
    ],
)
def test_no_twin(regex):
    assert twin(regex) is None
