"""Rule safety: a user's rule file cannot make the scan hang.

Patterns that backtrack exponentially are rejected when the rule file is loaded, with an error
naming the file, the rule and the field. These tests are deterministic (no timers); the time a
rejected pattern would have taken, and the time accepted ones take on pathological input, are
measured by ``bench/robustness/redos.py``.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from redactcheck.ruleset.loader import RuleLoadError, load_rules
from redactcheck.ruleset.redos import UnsafePattern, check_pattern
from tests.support.cli import run_cli

#: Known catastrophic shapes (each takes seconds to hours on ~30 characters of the wrong text).
CATASTROPHIC = [
    r"^(a+)+$",
    r"(a|a)*$",
    r"(a*)*b",
    r"(a?){25}a{25}",
    r"(\w+\s?)*$",
    r"^(([a-z])+.)+[A-Z]([a-z])+$",
    r"(x+x+)+y",
    r"(x|xy|y)*z",
    r"(.|\s)*END",
    r"(?:[A-Z]+ ?)+//",
    r"(?:\d+[.,]?\d*)+%",
    r"(?i)(?:[a-z]+[A-Z]?)+!",
    r"((a+)+)(?=x)",
    r"(a+)+\b",
    # once in the shipped library (US-SCI-CONTROL); 24 capitals took 0.85 s, 40 take hours
    r"HANDLE VIA COMINT(?:[ -]?[A-Z]+)* CHANNELS",
]

#: Ordinary marking patterns that must stay allowed.
SAFE = [
    r"SECRET//NOFORN",
    r"\((?:TS|S|C|U)(?://[A-Z]+)*\)",
    r"(?:[A-Z]+ )+//",
    r"(?:\.[A-Z]{2,4})+\b",
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)*,",
    r"(?:\d{3}-)+\d{4}",
    r"\b(?:TOP SECRET|SECRET|CONFIDENTIAL)(?://[A-Z][A-Z0-9 ,\-]*)*\b",
    r"(?>\w+\s?)+$",  # atomic group: never backtracked into
    r"(?:\w++\s?)+$",  # possessive repeat
    r"\b(TOP SECRET|SECRET)(//[A-Z0-9][A-Z0-9 ,\-/]*)+",  # ambiguous, but nothing after it
    r"a*b*c*d",
    # shapes from the shipped library that must stay allowed
    r"HANDLE VIA COMINT(?:[ -][A-Z]+)* CHANNELS",
    r"(?<=//)(?:RD|FRD)(?:-(?:CNWDI|N|SIGMA \d{1,2}|SG \d{1,2}))*(?=//|/|\)|[ \t]*$)",
    r"(?<=//)FGI(?: (?:[A-Z]{3,4}|TS|S|C|R))*(?=//|/|\)|[ \t]*$)",
    r"REL TO (?:USA|[A-Z]{3,4})(?:(?:,? (?:and )?|/)[A-Z]{3,4})*(?![A-Za-z])",
]


@pytest.mark.parametrize("regex", CATASTROPHIC)
def test_catastrophic_patterns_are_rejected(regex):
    re.compile(regex)  # they are valid regular expressions...
    with pytest.raises(UnsafePattern):  # ...that the loader refuses
        check_pattern(regex, re.MULTILINE)


@pytest.mark.parametrize("regex", SAFE)
def test_ordinary_patterns_are_accepted(regex):
    check_pattern(regex, re.MULTILINE)


def test_every_shipped_rule_passes_the_check():
    assert load_rules()  # raises RuleLoadError if any shipped pattern were unsafe


def _rule_file(folder, regex: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mine.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            id: USER-SLOW-THING
            name: A user rule
            category: marking
            entity: USER_MARK
            severity: low
            description: A rule a user wrote for a local marking of their own.
            patterns:
              - name: fine
                regex: 'HARBOUR-ONLY'
                score: 0.8
              - name: slow
                regex: '{regex}'
                score: 0.5
            references: [local guide]
            examples:
              match: ["HARBOUR-ONLY"]
              no_match: ["harbour"]
            """
        ),
        encoding="utf-8",
    )
    return path


def test_loader_names_file_rule_and_field(tmp_path):
    path = _rule_file(tmp_path / "rules", r"(\w+\s?)*$")
    with pytest.raises(RuleLoadError) as info:
        load_rules([tmp_path / "rules"])
    (problem,) = info.value.problems
    assert problem.path == str(path)
    assert problem.rule == "USER-SLOW-THING"
    assert problem.field == "patterns.1.regex"
    assert "nested quantifiers" in problem.message and "'slow'" in problem.message


def test_scan_refuses_the_rule_file_before_reading_any_document(tmp_path):
    rules = tmp_path / "rules"
    path = _rule_file(rules, r"^(a+)+$")
    doc = tmp_path / "docs" / "trap.txt"
    doc.parent.mkdir()
    doc.write_text("a" * 5000 + "!\n")  # what would hang a backtracking engine
    proc = run_cli("scan", str(doc.parent), "--no-names", "--rules", str(rules))
    assert proc.returncode == 2
    line = proc.stderr.strip()
    assert line.startswith("redactcheck: error: ")
    assert str(path) in line and "USER-SLOW-THING" in line and "patterns.1.regex" in line
    assert "Traceback" not in proc.stderr
    validate = run_cli("rules", "validate", "--rules", str(rules))
    assert validate.returncode == 2 and "patterns.1.regex" in validate.stderr


def test_safe_user_rule_loads_and_matches(tmp_path):
    _rule_file(tmp_path / "rules", r"(?:[A-Z]+ )+ONLY")
    loaded = {r.spec.id for r in load_rules([tmp_path / "rules"])}
    assert "USER-SLOW-THING" in loaded


def test_verbose_flag_patterns_are_checked_with_their_flags():
    with pytest.raises(UnsafePattern):
        check_pattern("( a + ) + $", re.VERBOSE)
    check_pattern("( a + ) + $")  # without VERBOSE the spaces are literal: a safe pattern
