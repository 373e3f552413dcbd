"""docs/rules.md is generated from the rule files and must be kept in step with them."""

from __future__ import annotations

from redactcheck.ruleset.docs import default_docs
from redactcheck.ruleset.loader import load_rules
from tests.support.cli import REPO, run_cli


def test_rules_reference_is_up_to_date():
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == default_docs(load_rules()), (
        "docs/rules.md is stale: run `redactcheck rules docs --output docs/rules.md`"
    )


def test_reference_lists_every_rule_with_examples_and_references():
    rules = load_rules()
    text = default_docs(rules)
    for rule in rules:
        assert f"### {rule.spec.id}:" in text
        assert rule.spec.references[0] in text
    assert "STRUCTURE-UNKNOWN-MARKING-TOKEN" in text


def test_rules_docs_command_writes_the_file(tmp_path):
    out = tmp_path / "rules.md"
    result = run_cli("rules", "docs", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == default_docs(load_rules())
