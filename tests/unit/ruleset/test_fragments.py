"""Rule files may name shared pattern pieces once (``fragments``) and use them as ``{{name}}``."""

from __future__ import annotations

import re

from redactcheck.ruleset.loader import expand_fragments, load_file

RULE_FILE = """\
fragments:
  state:
    upper: true
    words: ['Virginia', 'West Virginia', 'Ohio']
  zip: '\\d{5}'
  town_state: '[A-Z][a-z]+, {{state}} {{zip}}'
rules:
  - id: TEST-TOWN
    name: Town line
    category: pii
    entity: STREET_ADDRESS
    severity: medium
    system: pii
    description: A town, state and ZIP line of an invented test address.
    message: Town line.
    references: [USPS Publication 28]
    examples:
      match: ["Fairhaven, Ohio 45001"]
      no_match: ["Fairhaven, Texas 45001"]
    patterns:
      - name: town
        regex: '(?P<mark>{{town_state}})'
        score: 0.8
"""


def test_word_lists_match_longest_first_in_both_cases():
    regex = expand_fragments({"state": {"words": ["Virginia", "West Virginia"], "upper": True}})
    state = re.compile(regex["state"])
    assert state.match("West Virginia").group() == "West Virginia"
    assert state.match("WEST VIRGINIA").group() == "WEST VIRGINIA"
    assert state.match("WestVirginia").group() == "WestVirginia"  # OCR lost the space
    assert state.match("virginia") is None


def test_a_rule_file_uses_its_fragments(tmp_path):
    path = tmp_path / "town.yaml"
    path.write_text(RULE_FILE, encoding="utf-8")
    rules, problems = load_file(path)
    assert problems == []
    pattern = re.compile(rules[0].spec.patterns[0].regex)
    assert pattern.search("write to Fairhaven, WEST VIRGINIA 26001 soon").group("mark") == (
        "Fairhaven, WEST VIRGINIA 26001"
    )
    assert pattern.search("Fairhaven, Texas 26001") is None


def test_an_unknown_fragment_is_a_clear_rule_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(RULE_FILE.replace("{{town_state}}", "{{town_line}}"), encoding="utf-8")
    rules, problems = load_file(path)
    assert rules == []
    assert len(problems) == 1
    assert "unknown fragment {{town_line}}" in str(problems[0])
    assert "TEST-TOWN" in str(problems[0])


def test_a_fragment_that_does_not_compile_names_itself(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(RULE_FILE.replace("'\\d{5}'", "'(\\d{5}'"), encoding="utf-8")
    rules, problems = load_file(path)
    assert rules == []
    assert "fragment 'zip' does not compile" in str(problems[0])
