"""Regex keywords (redactcheck/detect/accel/regex_core.py): every match of a rule pattern holds,
on one line, text its core matches, so the keyword gate may look for the core instead of the
pattern's weak literal keywords without losing a finding."""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.accel.fastscan import ascii_view
from redactcheck.detect.accel.regex_core import core, escape
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.normalize import normalize
from redactcheck.ruleset.loader import load_rules
from tests.unit.detect.test_keyword_gate import generated_texts

pytest.importorskip("re2")


@pytest.fixture(scope="module")
def fast():
    return RuleDetector(load_rules([]))


def _holds_core(pattern, found, text: str) -> bool:
    """The core matches, inside the match ``found``, text on one line at most ``before`` line
    breaks below the match's start (the gate's window reaches that far above a core line)."""
    view = ascii_view(text)
    regex = re.compile(found.regex.encode("ascii"))
    for hit in regex.finditer(view, pattern.start(), pattern.end()):
        piece = text[hit.start() : hit.end()]
        above = text.count("\n", pattern.start(), hit.start())
        if "\n" not in piece and above <= found.before:
            return True
    return False


@pytest.mark.parametrize("cut", [False, True])
def test_every_match_holds_its_core(fast, cut):
    """The claim on every match of every pattern in the rule examples and generated lines,
    for the cores with a gap (``.*``) and for those cut at their gaps."""
    texts = [
        normalize(e).text
        for rule, _ in fast._owners
        for e in (*rule.spec.examples.match, *rule.spec.examples.no_match)
    ]
    texts.append(normalize("\n".join(generated_texts(200, seed=7))).text)
    checked = used = 0
    for _, pattern in fast._owners:
        found = core(pattern.spec.regex, pattern.regex.flags, cut=cut)
        if found is None:
            continue
        used += 1
        for text in texts:
            for m in pattern.regex.finditer(text):
                if m.end() > m.start():
                    checked += 1
                    assert _holds_core(m, found, text), (pattern.spec.name, m.group(0))
    assert used > 200 and checked > 1000


@pytest.mark.parametrize(
    ("regex", "flags", "hits", "misses"),
    [
        # a local number: its digits and hyphen, not "3-" of a date or a room
        (r"(?<![\d-])[2-9]\d{2}-\d{4}(?![\d-])", 0, ["call 555-0147"], ["Room 3-B", "1-2-3"]),
        # non-ASCII digits read "?" in the view
        (r"\d{3}-\d{4}", 0, ["\u0665\u0665\u0665-\u0661\u0662\u0663\u0664"], ["555-01"]),
        # ignore-case letters include the non-ASCII ones Python folds to them (Kelvin sign)
        (r"(?i)kl\d", 0, ["KL5", "kl5", "\u212al5"], ["KM5"]),
        # an alternation is the alternation of its alternatives' cores
        (r"(?:TEL|FAX)[.:] ?\d", 0, ["TEL. 5", "FAX:5"], ["TEL 5"]),
        # an unbounded repeat ends a run with its first or last rounds
        (r"AB[0-9]+CD", 0, ["AB1CD", "AB12345CD"], ["ABCD"]),
    ],
)
def test_core_matches_what_the_pattern_needs(regex, flags, hits, misses):
    found = core(regex, flags)
    assert found is not None
    compiled = re.compile(found.regex.encode("ascii"))
    for text in hits:
        assert compiled.search(ascii_view(text)), (found.regex, text)
    for text in misses:
        assert not compiled.search(ascii_view(text)), (found.regex, text)


def test_core_stays_on_one_line_and_says_how_far_above():
    found = core(r"(?:Phone|Call)[ \t]*\n?[ \t]*(?P<n>\d{3}-\d{4})")
    assert found is not None and found.before == 1
    # the number's line holds the core; the match starts one line break above it
    assert [m.group() for m in re.finditer(found.regex.encode("ascii"), b"Phone\n555-0147")] == [
        b"555-0147"
    ]


def test_a_cut_core_is_one_side_of_its_gap():
    """A clock time, then anything, then a number: cut, the core is the sharper side alone
    (no ``.*`` for Hyperscan to carry along the line), and it still finds the number."""
    regex = r"\d\d:\d\d.*\(\d{3}\) \d{3}-\d{4}"
    whole, cut = core(regex), core(regex, cut=True)
    assert whole is not None and cut is not None
    assert "{0,}" in whole.regex and "{0,}" not in cut.regex
    assert cut.bits < whole.bits
    view = ascii_view("at 10:45 call (555) 014-7788")
    assert re.search(cut.regex.encode("ascii"), view).group() == b"(555) 014-7788"


def test_literal_keywords_escape_as_themselves():
    for word in ["(S)", "C.I.A.", "a+b", "?-"]:
        assert re.fullmatch(escape(word).encode("ascii"), word.encode("ascii"))


def test_the_gate_skips_lines_a_weak_literal_would_send(fast):
    """A seven-digit number written with an exchange ("KL5-0147"): its literal keyword was any
    digit before a hyphen, so every "3-" of a date or paragraph number was searched; the core
    needs two capitals, the digit, the hyphen and four digits."""
    index = next(i for i, (_, p) in enumerate(fast._owners) if p.spec.name == "exchange-alone")
    text = "Para 3-a refers to the 1-2 June meetings.\nWitness card: Dallas KL5-0147\n"
    windows = dict(fast.gate.windows(text))
    line = text.index("Witness")
    assert windows[index] == [(line, len(text))]
    found = [f.text for f in fast.detect(Segment(text)) if f.rule_id == "PII-PHONE-OCR"]
    assert "KL5-0147" in found
