"""A marking inside a wider marking is reported once, as the wider one."""

from __future__ import annotations

from redactcheck.detect.overlap import drop_nested_markings
from redactcheck.finding import Hit


def _f(rule, start, end, category="marking", score=0.9):
    return Hit(rule, category, "X", "high", score, start, end, "x" * (end - start), "m")


def test_nested_marking_dropped_but_partial_overlap_kept():
    banner = _f("BANNER", 0, 14)
    control = _f("CONTROL", 8, 14)
    straddling = _f("OTHER", 12, 20)
    person = _f("PII-PERSON", 2, 6, category="pii")
    kept = drop_nested_markings([control, banner, straddling, person])
    assert [f.rule_id for f in kept] == ["BANNER", "OTHER", "PII-PERSON"]


def test_identical_spans_keep_the_stronger():
    weak, strong = _f("A", 3, 9, score=0.5), _f("B", 3, 9, score=0.95)
    assert [f.rule_id for f in drop_nested_markings([weak, strong])] == ["B"]


def test_banner_with_controls_is_one_finding(rules_scanner, write):
    result = rules_scanner.scan_file(write("memo.txt", "SECRET//NOFORN\n\n(S//NF) Body text.\n"))
    marks = [(f.entity, f.text) for f in result.findings if f.category == "marking"]
    assert marks == [("CLASSIFICATION_BANNER", "SECRET//NOFORN"), ("PORTION_MARK", "(S//NF)")]
