"""The RE2 triage only decides which patterns to run: findings must equal a plain ``re`` run."""

from __future__ import annotations

import random

import pytest

from redactcheck.detect.prefilter import PatternTriage, Untranslatable, to_re2
from redactcheck.detect.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

re2 = pytest.importorskip("re2")


def plain_detector(rules) -> RuleDetector:
    """A detector whose triage answers 'every pattern': the pure-Python path."""
    detector = RuleDetector(rules)
    detector.gate = None  # no keyword gate either (tests/test_keyword_gate.py covers it)
    detector.triage = PatternTriage([])
    detector.triage.always = list(range(len(detector._owners)))
    detector.triage.size = len(detector._owners)
    return detector


def as_tuples(findings):
    return sorted((f.rule_id, f.start, f.end, f.text, f.score, f.severity) for f in findings)


MEMO = """\
SECRET//NOFORN

MEMORANDUM FOR THE RECORD
(S) The attaché met the delegation in Vaduz on 3 March.
(U) Nothing further.
Classified By: Oskar Brandvold, Director
Reason: 1.4(b)
Declassify On: 20351231
S E C R E T  section 01 of 02
5ECRET//REL TO USA, FVEY
The secret to a good loaf is patience.
CONFIDENTIAL
"""


def test_triage_gives_the_same_findings_as_plain_re():
    rules = load_rules([])
    fast, plain = RuleDetector(rules), plain_detector(rules)
    fast.gate = None  # the pattern-set triage, the path used without the keyword gate
    assert fast.triage.active
    texts = [MEMO, MEMO.lower(), MEMO.replace("\n", "\r\n"), "ＳＥＣＲＥＴ//NOFORN\n", ""]
    for rule in rules:
        texts.extend(rule.spec.examples.match)
        texts.extend(rule.spec.examples.no_match)
    rnd = random.Random(7)
    lines = MEMO.splitlines()
    for _ in range(200):
        texts.append("\n".join(rnd.choice(lines) for _ in range(rnd.randint(1, 8))))
    for text in texts:
        assert as_tuples(fast.detect(Segment(text))) == as_tuples(plain.detect(Segment(text)))


def test_triage_skips_patterns_on_clean_text():
    rules = load_rules([])
    triage = RuleDetector(rules).triage
    assert triage.candidates("The committee met on Tuesday to discuss the budget.\n") == []


def test_lookarounds_and_boundaries_are_loosened_not_kept():
    assert to_re2(r"(?<![A-Za-z])SECRET(?!//)\b") == "(?m)SECRET"
    assert to_re2(r"A(?<=A)B(?=C)D") == "(?m)ABD"
    # a lookbehind opening the pattern or a lookahead closing it is kept as text
    assert to_re2(r"(?<=//)(?P<mark>NF|OC)(?=-)") == r"(?m)(?://)(?P<mark>NF|OC)(?:-)"
    assert to_re2(r"(?<=//)NF|OC") == "(?m)NF|OC"
    assert to_re2(r"[\w-]+", ["ignorecase"]) == r"(?mi)[0-9A-Za-z_\x{80}-\x{10FFFF}-]+"
    assert to_re2(r"[^\w]") == r"(?m)[^\pL\pN_]"  # inside a negation: a subset, so looser
    assert to_re2(r"a{,3}") == "(?m)a{0,3}"


def test_backreferences_become_copies_of_their_group():
    assert to_re2(r"(?P<l>[TS])(?P=l){4}") == "(?m)(?P<l>[TS])(?:[TS]){4}"
    assert to_re2(r"(a|b)-\1") == "(?m)(a|b)-(?:a|b)"


@pytest.mark.parametrize("regex", [r"(a)\2", r"(?(1)a|b)", r"a++", r"(?>ab)", r"\N{BULLET}"])
def test_untranslatable_patterns_are_refused(regex):
    with pytest.raises(Untranslatable):
        to_re2(regex)


def test_untranslatable_pattern_always_runs():
    triage = PatternTriage([(r"(?>a)b", ()), (r"NOFORN", ())])
    assert triage.candidates("nothing here") == [0]
    assert triage.candidates("xx NOFORN") == [0, 1]
