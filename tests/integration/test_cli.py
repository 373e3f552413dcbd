"""The command line as users and CI call it: formats, exit codes, redaction."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.support.cli import FIXTURES, cli_env, run_cli

MEMO = str(FIXTURES / "memo_secret.txt")
RECIPE = str(FIXTURES / "recipe.txt")
SECRETS = [
    "Harriet Quellmann",
    "Tobias Renwick",
    "h.quellmann@regional-affairs.example.org",
    "(202) 555-0147",
    "555-0147",
]


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("redactcheck ")


def test_exit_1_on_findings_and_0_on_clean(tmp_path):
    assert run_cli("scan", MEMO, "--no-names").returncode == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to see in this shopping list: bread, milk, eggs.\n")
    assert run_cli("scan", str(clean), "--no-names").returncode == 0


def test_fail_on_threshold(tmp_path):
    doc = tmp_path / "unclas.txt"
    doc.write_text("UNCLASSIFIED\n\nA public notice about opening hours.\n")
    assert run_cli("scan", str(doc), "--no-names").returncode == 1  # low >= low
    assert run_cli("scan", str(doc), "--no-names", "--fail-on", "medium").returncode == 0


def test_exit_2_when_an_input_is_unreadable_but_the_rest_is_reported(tmp_path):
    (tmp_path / "memo.txt").write_text("SECRET//NOFORN\n(S) Body.\n")
    (tmp_path / "broken.docx").write_bytes(b"\x00\x01\x02not a zip\x00" * 50)
    # a binary is not a document: skipped (listed with --verbose), not an error (issue 8)
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    proc = run_cli("scan", str(tmp_path), "--no-names", "--format", "json")
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert any(f["text"] == "SECRET//NOFORN" for f in report["findings"])
    assert [e["path"].split("/")[-1] for e in report["errors"]] == ["broken.docx"]
    assert "Traceback" not in proc.stderr
    assert "broken.docx" in proc.stderr and "blob.bin" not in proc.stderr
    verbose = run_cli("scan", str(tmp_path), "--no-names", "--format", "json", "--verbose")
    assert "redactcheck: skipped:" in verbose.stderr and "blob.bin" in verbose.stderr


def test_exit_2_on_usage_and_configuration_errors(tmp_path):
    assert run_cli("scan", MEMO, "--format", "yaml").returncode == 2
    assert run_cli("scan", MEMO, "--as-of", "yesterday").returncode == 2
    bad_rules = tmp_path / "rules"
    bad_rules.mkdir()
    (bad_rules / "bad.yaml").write_text("id: lower-case\nname: x\n")
    proc = run_cli("scan", MEMO, "--rules", str(bad_rules))
    assert proc.returncode == 2
    assert "bad.yaml" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    proc = run_cli("scan", str(tmp_path / "nope"), "--no-names")
    assert proc.returncode == 2
    assert "no such file" in proc.stderr


def test_json_report_shape():
    proc = run_cli("scan", MEMO, "--format", "json")
    report = json.loads(proc.stdout)
    assert set(report) == {"tool", "findings", "errors", "notes", "summary"}
    assert report["tool"]["name"] == "redactcheck"
    fields = {
        "path", "rule_id", "category", "entity", "severity", "score", "start", "end", "line",
        "column", "end_line", "end_column", "page", "part", "text", "message", "fingerprint",
    }  # fmt: skip
    for finding in report["findings"]:
        assert fields <= set(finding)
    keys = [(f["path"], f["start"]) for f in report["findings"]]
    assert keys == sorted(keys)
    assert report["summary"]["findings"] == len(report["findings"])


def test_jsonl_is_one_finding_per_line():
    proc = run_cli("scan", MEMO, "--format", "jsonl", "--no-names")
    lines = proc.stdout.splitlines()
    assert lines and all(json.loads(line)["rule_id"] for line in lines)


def test_csv_has_a_row_per_finding():
    proc = run_cli("scan", MEMO, "--format", "csv", "--no-names")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    as_json = json.loads(run_cli("scan", MEMO, "--format", "json", "--no-names").stdout)
    assert len(rows) == len(as_json["findings"])
    assert rows[0]["rule_id"] and rows[0]["line"]


def test_sarif_is_2_1_0_with_rules_and_regions():
    proc = run_cli("scan", MEMO, "--format", "sarif")
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["shortDescription"]["text"]
    assert run["results"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert result["partialFingerprints"]


def test_table_groups_by_file(tmp_path):
    (tmp_path / "a.txt").write_text("SECRET\n")
    (tmp_path / "b.txt").write_text("CONFIDENTIAL\n")
    proc = run_cli("scan", str(tmp_path), "--no-names", env=cli_env(COLUMNS="200"))
    out = proc.stdout
    assert out.index("a.txt") < out.index("b.txt")
    assert "2 finding(s)" in out


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "sarif", "csv"])
def test_redact_hides_every_match_in_every_format(fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    proc = run_cli("scan", MEMO, "--format", fmt, "--redact", "--output", str(out))
    assert proc.returncode == 1
    text = out.read_text(encoding="utf-8") + proc.stdout + proc.stderr
    assert "REDACTED" in text
    for secret in SECRETS + ["Okafor", "quellmann"]:
        assert secret not in text, (fmt, secret)


def test_redact_is_on_by_default_under_ci():
    proc = run_cli("scan", MEMO, "--format", "json", env=cli_env(CI="true"))
    assert "Tobias Renwick" not in proc.stdout
    proc = run_cli("scan", MEMO, "--format", "json", "--no-redact", env=cli_env(CI="true"))
    assert "Tobias Renwick" in proc.stdout


def test_output_file_is_written_and_stdout_stays_empty(tmp_path):
    out = tmp_path / "r.json"
    proc = run_cli("scan", MEMO, "--no-names", "--format", "json", "--output", str(out))
    assert proc.stdout == ""
    assert json.loads(out.read_text())["findings"]


def test_rules_commands():
    proc = run_cli("rules", "test")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " 0 failed" in proc.stdout
    assert run_cli("rules", "validate").returncode == 0
    listing = run_cli("rules", "list", env=cli_env(COLUMNS="200")).stdout
    assert "US-PORTION-MARK" in listing and "per system" in listing
    shown = run_cli("rules", "show", "US-PORTION-MARK").stdout
    assert "must not match" in shown and "32 CFR" in shown
    assert run_cli("rules", "show", "NO-SUCH-RULE").returncode == 2


def test_rule_errors_name_file_rule_and_field(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "rules:\n"
        "  - id: MY-RULE\n"
        "    name: Mine\n"
        "    category: marking\n"
        "    entity: MY_MARK\n"
        "    severity: extreme\n"
        "    description: A custom marking used in our office.\n"
        "    references: [internal guide]\n"
        "    patterns: [{name: p, regex: 'MINE(', score: 0.5}]\n"
        "    examples: {match: [MINE], no_match: [mine]}\n"
    )
    proc = run_cli("rules", "validate", "--rules", str(tmp_path))
    assert proc.returncode == 2
    assert "mine.yaml: rule MY-RULE: severity" in proc.stderr
    assert "mine.yaml: rule MY-RULE: patterns.0.regex" in proc.stderr


def test_user_rules_are_loaded_and_tested(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "office.yaml").write_text(
        "id: OFFICE-PROJECT-CODENAME\n"
        "name: Project codename\n"
        "category: marking\n"
        "entity: CODENAME\n"
        "severity: medium\n"
        "description: Internal project codenames must not appear in published minutes.\n"
        "references: [Office handbook 3.2]\n"
        "patterns: [{name: codename, regex: '\\bBLUE HERON\\b', score: 0.8}]\n"
        "examples: {match: [BLUE HERON budget], no_match: [a blue heron flew by]}\n"
    )
    doc = tmp_path / "minutes.txt"
    doc.write_text("Minutes: the BLUE HERON budget was approved.\n")
    proc = run_cli("scan", str(doc), "--no-names", "--rules", str(rules), "--format", "json")
    found = json.loads(proc.stdout)["findings"]
    assert [f["rule_id"] for f in found] == ["OFFICE-PROJECT-CODENAME"]
    assert run_cli("rules", "test", "--rules", str(rules), "--only").returncode == 0
